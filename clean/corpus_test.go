package clean

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// sitePage is a page of one site: its own article between the site's menu
// and footer, which read like prose (the kind no line rule catches).
func sitePage(n int) string {
	var b strings.Builder
	b.WriteString("Harbour Gazette\n")
	b.WriteString("Sign up for our weekly letter and we will send you the best of our reporting every Friday morning.\n\n")
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&b, "The council of port %d met on Tuesday to discuss the state of the quays, and members agreed that repairs should begin before the winter storms (item %d).\n\n", n, i)
	}
	b.WriteString("Our reporters have covered the harbour and the towns around it since the paper was founded, and we rely on our readers for support.\n")
	b.WriteString("We read every letter that is sent to the editor, and the best of them are printed in the weekend edition of the paper.\n")
	b.WriteString("All of the photographs on this site were taken by our own staff unless it is said otherwise in the caption of the picture.\n")
	return b.String()
}

func TestCorpus(t *testing.T) {
	k := NewCorpus(nil)
	for i := 0; i < 3; i++ {
		k.Add("gazette.example", sitePage(i))
	}
	page := sitePage(7)
	alone := Text(page)
	with := k.Text("gazette.example", page)
	other := k.Text("elsewhere.example", page)
	body := func(a Article) string {
		var parts []string
		for _, s := range a.Body {
			parts = append(parts, a.Text[s.Start:s.End])
		}
		return strings.Join(parts, "\n")
	}
	if !strings.Contains(body(alone), "we rely on our readers") {
		t.Fatalf("without a corpus the site footer should read as prose; body:\n%s", body(alone))
	}
	b := body(with)
	if strings.Contains(b, "readers") || strings.Contains(b, "weekly letter") || strings.Count(b, "council of port 7") != 3 {
		t.Errorf("with the site's corpus, body:\n%s", b)
	}
	if body(other) != body(alone) {
		t.Errorf("another site's corpus changed the result")
	}
	if n := k.Docs("gazette.example", "Harbour Gazette"); n != 3 {
		t.Errorf("Docs = %d, want 3", n)
	}
}

// FuzzCorpusText checks that the cleaner, with and without a corpus, never panics and that every span it
// returns lies inside the text, in order, on rune boundaries.
func FuzzCorpusText(f *testing.F) {
	f.Add(benchPage())
	f.Add(sitePage(1))
	f.Add("By JANE ROE | Updated: 2021-05-06\n\nGENEVA (Reuters) - Talks resumed.\n")
	f.Add("\xff\xfe\n\n|||\n©\n")
	f.Fuzz(func(t *testing.T, s string) {
		for _, a := range []Article{Text(s), NewCorpus(nil).Text("x", s)} {
			prev := 0
			for _, sp := range a.Body {
				if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
					t.Fatalf("bad span %v (prev end %d, len %d)", sp, prev, len(s))
				}
				if utf8.ValidString(s) && (!utf8.RuneStart(s[sp.Start]) || sp.End < len(s) && !utf8.RuneStart(s[sp.End])) {
					t.Fatalf("span %v splits a rune", sp)
				}
				prev = sp.End
			}
			if a.Title != "" && a.Text[a.TitleSpan.Start:a.TitleSpan.End] != a.Title {
				t.Fatalf("title span %v does not hold the title %q", a.TitleSpan, a.Title)
			}
		}
	})
}
