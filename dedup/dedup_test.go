package dedup

import (
	"fmt"
	"strings"
	"testing"
)

// story builds a text of n sentences from a seed, so that different seeds
// give different texts.
func story(seed, n int) string {
	subjects := []string{"The ministers", "Officials", "The delegation", "Both leaders", "The envoy", "Negotiators"}
	verbs := []string{"discussed", "agreed on", "postponed", "reviewed", "criticised", "welcomed"}
	objects := []string{"the border plan", "new tariffs", "a fishing accord", "the water treaty", "joint patrols", "grain exports"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		k := seed*7 + i*3
		fmt.Fprintf(&b, "%s %s %s on day %d of round %d. ", subjects[k%6], verbs[(k/6)%6], objects[(k/36+i)%6], i+seed, seed)
	}
	return b.String()
}

func TestIndex(t *testing.T) {
	base := story(1, 30)
	cases := []struct {
		name string
		text string
		dup  bool
	}{
		{"same text", base, true},
		{"new headline and byline", "Leaders meet again\nBy A. Writer\n" + base, true},
		{"last paragraph cut", base[:len(base)*9/10], true},
		{"other story", story(2, 30), false},
		{"other story, same words", story(3, 30), false},
		{"empty", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := NewIndex()
			x.Add("orig", base)
			got, sim := x.Add("new", c.text)
			if (got == "orig") != c.dup {
				t.Errorf("dup of %q (similarity %.2f), want duplicate=%v", got, sim, c.dup)
			}
		})
	}
}

func TestSimilarity(t *testing.T) {
	a, _ := Sign(story(1, 40))
	b, _ := Sign(story(1, 40))
	c, _ := Sign(story(5, 40))
	if s := a.Similarity(&b); s != 1 {
		t.Errorf("same text similarity %.2f", s)
	}
	if s := a.Similarity(&c); s > 0.3 {
		t.Errorf("different texts similarity %.2f", s)
	}
}

func BenchmarkSign(b *testing.B) {
	text := story(1, 60)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sign(text)
	}
}
