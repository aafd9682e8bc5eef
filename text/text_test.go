package text

import (
	"reflect"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two sentences", "The envoy arrived on Monday. Talks began later.", []string{"The envoy arrived on Monday.", "Talks began later."}},
		{"abbreviations", "U.S. Secretary of State Mike Pompeo met Gen. Smith on Nov. 3 in Seoul. They spoke.", []string{"U.S. Secretary of State Mike Pompeo met Gen. Smith on Nov. 3 in Seoul.", "They spoke."}},
		{"initials", "John F. Kennedy visited Berlin. He spoke there.", []string{"John F. Kennedy visited Berlin.", "He spoke there."}},
		{"quote closes", "\u201cWe will win.\u201d The minister left.", []string{"\u201cWe will win.\u201d", "The minister left."}},
		{"no split inside words", "The U.S.-led drills cost 3.5 billion dollars. Seoul agreed.", []string{"The U.S.-led drills cost 3.5 billion dollars.", "Seoul agreed."}},
		{"lower-case continuation", "He said talks went well, i.e. better than expected. Both sides agreed.", []string{"He said talks went well, i.e. better than expected.", "Both sides agreed."}},
		{"question", "Will they meet? Nobody knows.", []string{"Will they meet?", "Nobody knows."}},
		{"no final stop", "A headline without a stop", []string{"A headline without a stop"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Default().Split(tt.in, []Span{{0, len(tt.in)}})
			var texts []string
			for _, s := range got {
				texts = append(texts, s.Text)
				if tt.in[s.Start:s.End] != s.Text {
					t.Errorf("span %d-%d does not match text %q", s.Start, s.End, s.Text)
				}
			}
			if !reflect.DeepEqual(texts, tt.want) {
				t.Errorf("Split(%q) =\n %q\nwant\n %q", tt.in, texts, tt.want)
			}
		})
	}
}

func TestSplitParagraphs(t *testing.T) {
	doc := "Menu\nFirst para. Second sentence.\n\nThird para"
	got := Default().Split(doc, []Span{{5, 32}, {34, len(doc)}})
	if len(got) != 3 || got[2].Para != 1 || got[2].Text != "Third para" {
		t.Fatalf("got %+v", got)
	}
}

func BenchmarkSplit(b *testing.B) {
	para := "Russian Foreign Minister Sergei Lavrov met his counterpart in Beijing on Sunday. The two sides discussed the U.S. role in the region, Gen. Smith said. "
	doc := ""
	for len(doc) < 100000 {
		doc += para
	}
	b.SetBytes(int64(len(doc)))
	for i := 0; i < b.N; i++ {
		Default().Split(doc, []Span{{0, len(doc)}})
	}
}
