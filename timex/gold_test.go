package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"parley/caldate"
)

// The gold sets live outside the repository; these tests read them when they
// are there and skip otherwise. They check the tagger against the annotated
// event dates without copying any of the text.

const goldDir = "../../shared/gold"

type goldRow struct {
	Doc, Status, Date, Evidence string
	EndDate                     string `json:"end_date"`
}

func readJSONL[T any](t *testing.T, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("gold set not available: %v", err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, v)
	}
	return out
}

// matches reports whether an expression names the gold date at the gold
// row's precision (and its span end, if any).
func matches(e Expr, g, gEnd caldate.Date) bool {
	if e.Date.Precision() < g.Precision() || e.Date.Truncate(g.Precision()) != g {
		// a gold span matches a date inside it
		return !gEnd.IsZero() && caldate.Range{Start: g, End: gEnd}.Contains(e.Date)
	}
	return true
}

// TestGoldEvidenceDates tags the evidence sentence of each dated, non-background
// dev gold row against the page's published date and counts how often one of
// the expressions found names the gold date.
func TestGoldEvidenceDates(t *testing.T) {
	docs := readJSONL[struct{ Doc, Published string }](t, filepath.Join(goldDir, "dev", "docs.jsonl"))
	rows := readJSONL[goldRow](t, filepath.Join(goldDir, "dev", "events.jsonl"))
	pub := map[string]caldate.Date{}
	for _, d := range docs {
		pub[d.Doc], _ = caldate.Parse(d.Published)
	}
	tg := Default()
	withExpr, hit := 0, 0
	for _, r := range rows {
		g, err := caldate.Parse(r.Date)
		if err != nil || g.IsZero() || r.Status == "background" {
			continue
		}
		gEnd, _ := caldate.Parse(r.EndDate)
		es := tg.Tag(r.Evidence, pub[r.Doc])
		var dated []Expr
		for _, e := range es {
			if !e.Date.IsZero() {
				dated = append(dated, e)
			}
		}
		if len(dated) == 0 {
			continue // the date comes from the document, not the sentence
		}
		withExpr++
		ok := false
		for _, e := range dated {
			if matches(e, g, gEnd) {
				ok = true
			}
		}
		if ok {
			hit++
		} else {
			t.Logf("miss %s: gold %s..%s got %v", r.Doc, r.Date, r.EndDate, texts(es))
		}
	}
	t.Logf("dev evidence with a dated expression: %d, naming the gold date: %d (%.0f%%)", withExpr, hit, 100*float64(hit)/float64(max(withExpr, 1)))
	if withExpr == 0 || float64(hit) < 0.8*float64(withExpr) {
		t.Errorf("only %d of %d evidence sentences resolve to the gold date", hit, withExpr)
	}
}

// TestGoldSeedAnchors runs Anchor on each seed page with no stamp and no hint:
// wherever the text gives evidence, the year must agree with the gold rows
// that report the news.
func TestGoldSeedAnchors(t *testing.T) {
	rows := readJSONL[goldRow](t, filepath.Join(goldDir, "seeds", "events.jsonl"))
	years := map[string]map[int]bool{}
	for _, r := range rows {
		if g, err := caldate.Parse(r.Date); err == nil && !g.IsZero() && r.Status == "occurred" {
			if years[r.Doc] == nil {
				years[r.Doc] = map[int]bool{}
			}
			years[r.Doc][g.Y] = true
		}
	}
	files, _ := filepath.Glob(filepath.Join(goldDir, "seeds", "docs", "*.txt"))
	tg := Default()
	found := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := filepath.Base(f)
		doc = doc[:len(doc)-len(filepath.Ext(doc))]
		a := tg.Anchor(string(b), caldate.Date{}, caldate.Date{})
		if a.Date.IsZero() {
			continue
		}
		found++
		t.Logf("%s: %s %s (%s)", doc, a.Date, a.Source, a.Note)
		if ys := years[doc]; len(ys) > 0 && !ys[a.Date.Y] {
			t.Errorf("%s: anchor %s, gold years %v", doc, a.Date, ys)
		}
	}
	if found == 0 {
		t.Errorf("no seed page gave text evidence")
	}
}
