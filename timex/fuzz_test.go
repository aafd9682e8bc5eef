package timex

import (
	"testing"

	"parley/caldate"
)

// FuzzTag checks that tagging never panics and that every expression's
// span lies inside the text and holds its text.
func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"The talks ended at 5 p.m. on Wednesday, the ministry said.",
		"Li made the visit from Sunday to Wednesday.",
		"This year marks the 80th anniversary of the victory.",
		"by Jan. 29, 2018 at 10:30 a.m. EST, Nov. 6",
		"the 1990s, Q3 1998, every Thursday, Thanksgiving Day",
		"nineteen ninety-six, 2 1/2 years, the week of March 6",
	} {
		f.Add(s, "2019-04-24")
		f.Add(s, "2025")
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, text, dct string) {
		d, err := caldate.Parse(dct)
		if err != nil {
			return
		}
		for _, e := range Default().Tag(text, d) {
			if e.Start < 0 || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != e.Text {
				t.Fatalf("bad span %d-%d %q in %q", e.Start, e.End, e.Text, text)
			}
		}
		Default().TagTimeML(text, d)
		Default().Anchor(text, d, caldate.Date{})
	})
}
