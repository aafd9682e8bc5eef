package timex

import (
	"strings"
	"testing"

	"parley/caldate"
)

// benchSentences builds about 100 KB of news-like sentences from a few
// templates of our own, mixing sentences with and without time expressions.
func benchSentences() []string {
	subjects := []string{"The foreign minister", "A ministry spokeswoman", "The visiting premier", "Senior officials", "The two delegations", "The defence chief"}
	bodies := []string{
		"said on Tuesday that the talks had been frank and useful",
		"will travel to the capital next week for three days of meetings with regional leaders",
		"met the president on Nov. 12, 2019 to discuss trade, energy and security",
		"signed a memorandum on economic cooperation during a four-day visit to the port city",
		"recalled that the two countries established diplomatic relations in 1992 and have traded heavily since",
		"exchanged messages to mark the 70th anniversary of the founding of the People's Republic of China",
		"criticised the sanctions imposed last month, calling them unjust and counterproductive to dialogue",
		"expressed support for a peaceful settlement of the dispute through negotiation and consultation",
		"is expected to hold talks with his counterpart from Sunday to Wednesday in the northern city",
		"noted that exports grew by about a fifth compared with the same period of the previous year",
		"called for restraint from all sides and urged the parties to return to the negotiating table",
		"told reporters that the agreement reached in July 2017 remains the basis for further steps",
	}
	var out []string
	size := 0
	for i := 0; size < 100<<10; i++ {
		s := subjects[i%len(subjects)] + " " + bodies[(i*7)%len(bodies)] + "."
		out = append(out, s)
		size += len(s)
	}
	return out
}

func BenchmarkTag(b *testing.B) {
	tg := Default()
	sents := benchSentences()
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	dct := caldate.YMD(2019, 11, 14)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			tg.Tag(s, dct)
		}
	}
}

func BenchmarkAnchor(b *testing.B) {
	tg := Default()
	doc := strings.Join(benchSentences()[:40], " ")
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		tg.Anchor(doc, caldate.YMD(2019, 11, 14), caldate.Date{})
	}
}
