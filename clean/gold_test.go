package clean

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// goldRoot is where the shared gold sets live, relative to this package.
const goldRoot = "../../shared/gold"

type goldEvent struct {
	Doc      string `json:"doc"`
	Event    string `json:"event"`
	Evidence string `json:"evidence"`
}

func readEvents(t *testing.T, path string) []goldEvent {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("gold set absent: %v", err)
	}
	defer f.Close()
	var evs []goldEvent
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var e goldEvent
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		evs = append(evs, e)
	}
	return evs
}

// fold makes annotated evidence comparable with page text: curly quotes
// and apostrophes straight, runs of space single.
func fold(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// TestGoldRecall checks that the cleaner keeps every gold evidence: the
// evidence (its first part when it is elided with "...") must lie inside
// one Body span of its document.
func TestGoldRecall(t *testing.T) {
	for _, set := range []string{"seeds", "dev"} {
		t.Run(set, func(t *testing.T) {
			dir := filepath.Join(goldRoot, set)
			evs := readEvents(t, filepath.Join(dir, "events.jsonl"))
			arts := map[string]Article{}
			total, kept := 0, 0
			for _, e := range evs {
				a, ok := arts[e.Doc]
				if !ok {
					raw, err := os.ReadFile(filepath.Join(dir, "docs", e.Doc+".txt"))
					if err != nil {
						t.Errorf("%s: %v", e.Doc, err)
						continue
					}
					a = Text(string(raw))
					arts[e.Doc] = a
				}
				ev := e.Evidence
				if i := strings.Index(ev, "..."); i >= 0 {
					ev = ev[:i]
				}
				ev = fold(ev)
				if ev == "" {
					continue
				}
				total++
				if !strings.Contains(fold(a.Text), ev) {
					t.Logf("%s %s: evidence not in the page at all: %q", e.Doc, e.Event, ev)
					continue
				}
				in := false
				for _, s := range a.Body {
					if strings.Contains(fold(a.Text[s.Start:s.End]), ev) {
						in = true
						break
					}
				}
				if in {
					kept++
				} else {
					t.Errorf("%s %s: evidence dropped by the cleaner: %q", e.Doc, e.Event, ev)
				}
			}
			t.Logf("%s: %d/%d evidences kept in Body", set, kept, total)
		})
	}
}

// TestGoldReport measures the cleaner on the seed pages: the share of
// characters it drops, and the lines it keeps, for a reader to judge. It
// fails only on hard errors (a page with no body, spans out of order).
func TestGoldReport(t *testing.T) {
	for _, set := range []string{"seeds", "dev"} {
		docs, _ := filepath.Glob(filepath.Join(goldRoot, set, "docs", "*.txt"))
		if len(docs) == 0 {
			t.Skipf("gold set %s absent", set)
		}
		var all, keptChars int
		for _, p := range docs {
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			a := Text(string(raw))
			if len(a.Body) == 0 {
				t.Errorf("%s: no body", p)
				continue
			}
			checkSpans(t, filepath.Base(p), a)
			all += nonSpace(a.Text)
			for _, s := range a.Body {
				keptChars += nonSpace(a.Text[s.Start:s.End])
			}
			if set == "seeds" || testing.Verbose() {
				t.Logf("%s: title=%q dateline=%q date=%s (%s) lang=%s", filepath.Base(p), a.Title, a.Dateline, a.Date, a.DateSource, a.Language)
			}
			if set == "seeds" && testing.Verbose() {
				for _, s := range a.Body {
					t.Logf("   keep %.90q", a.Text[s.Start:s.End])
				}
				// Lines shaped like prose that were dropped, with the reason.
				var n lineNorm
				lines := std.scan(a.Text, &n, 0)
				markScript(lines)
				for _, l := range lines {
					if !l.shape || inBody(a, a.Text[l.start:l.end]) {
						continue
					}
					why := l.bad
					if why == "" {
						why = "outside the main cluster"
					}
					t.Logf("   drop %.70q (%s)", a.Text[l.start:l.end], why)
				}
			}
		}
		t.Logf("%s: %d docs, %.1f%% of non-space characters dropped", set, len(docs), 100*float64(all-keptChars)/float64(all))
	}
}

func nonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// checkSpans verifies the invariants of an Article's spans.
func checkSpans(t *testing.T, name string, a Article) {
	t.Helper()
	prev := 0
	for _, s := range a.Body {
		if s.Start < prev || s.End <= s.Start || s.End > len(a.Text) {
			t.Errorf("%s: bad or unordered span %v", name, s)
			return
		}
		if txt := a.Text[s.Start:s.End]; strings.TrimSpace(txt) != txt {
			t.Errorf("%s: span %v not trimmed: %q", name, s, txt)
		}
		prev = s.End
	}
	if a.Title != "" && a.Text[a.TitleSpan.Start:a.TitleSpan.End] != a.Title {
		t.Errorf("%s: TitleSpan %v does not hold the title %q", name, a.TitleSpan, a.Title)
	}
	for _, s := range a.Body {
		if a.Title != "" && s.Start <= a.TitleSpan.Start && a.TitleSpan.Start < s.End {
			t.Errorf("%s: title inside body span %v", name, s)
		}
	}
	if !a.Date.IsZero() && (a.DateSource == "" || a.DateSource == "stamp" && a.DateSpan.End <= a.DateSpan.Start) {
		t.Errorf("%s: date %s without source or span", name, a.Date)
	}
}
