package actors

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"parley/caldate"
)

// TestGoldActors reads the shared gold sets (skipped when absent) and, for
// every named source or target actor that the document spells out, checks
// that Find resolves a mention there to the gold code. It reports the
// share and the misses; it fails only below 90%.
func TestGoldActors(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "gold")
	d := Default()
	total, hits := 0, 0
	var misses []string
	for _, set := range []string{"seeds", "dev"} {
		dir := filepath.Join(root, set)
		evs, err := readJSONL(filepath.Join(dir, "events.jsonl"))
		if err != nil {
			continue
		}
		docs, _ := readJSONL(filepath.Join(dir, "docs.jsonl"))
		published := map[string]string{}
		for _, r := range docs {
			published[r["doc"]] = r["published"]
		}
		found := map[string][]Mention{}
		texts := map[string]string{}
		done := map[string]bool{}
		for _, ev := range evs {
			doc := ev["doc"]
			if _, ok := texts[doc]; !ok {
				b, err := os.ReadFile(filepath.Join(dir, "docs", doc+".txt"))
				if err != nil {
					continue
				}
				texts[doc] = string(b)
				date, _ := caldate.Parse(published[doc])
				found[doc] = d.Document(date).Find(string(b))
			}
			text := texts[doc]
			for _, side := range [][2]string{{ev["source_actor"], ev["source"]}, {ev["target_actor"], ev["target"]}} {
				actor, code := side[0], side[1]
				key := doc + "\x00" + actor + "\x00" + code
				if actor == "" || done[key] {
					continue
				}
				done[key] = true
				spans := occurrences(text, d.formsOf(actor))
				if len(spans) == 0 {
					continue
				}
				total++
				if resolved(found[doc], spans, actor, code) {
					hits++
				} else {
					misses = append(misses, set+"/"+doc+": "+actor+" -> "+code)
				}
			}
		}
	}
	if total == 0 {
		t.Skip("no gold data at", root)
	}
	sort.Strings(misses)
	for _, m := range misses {
		t.Log("miss:", m)
	}
	share := float64(hits) / float64(total)
	t.Logf("gold actors resolved: %d/%d = %.3f", hits, total, share)
	if share < 0.9 {
		t.Errorf("only %.3f of gold actors resolved", share)
	}
}

// resolved reports whether some mention with the gold code overlaps an
// occurrence of the actor's name, or names the actor outright.
func resolved(ms []Mention, spans [][2]int, actor, code string) bool {
	for _, m := range ms {
		if m.Code != code {
			continue
		}
		if m.Actor == actor {
			return true
		}
		for _, s := range spans {
			if m.Start < s[1] && s[0] < m.End {
				return true
			}
		}
	}
	return false
}

func occurrences(text string, forms []string) [][2]int {
	var out [][2]int
	for _, f := range forms {
		for from := 0; ; {
			i := strings.Index(text[from:], f)
			if i < 0 {
				break
			}
			out = append(out, [2]int{from + i, from + i + len(f)})
			from += i + len(f)
		}
	}
	return out
}

// formsOf is the actor's name plus the variants the dictionary lists for a
// person of that name.
func (d *Dictionary) formsOf(name string) []string {
	out := []string{name}
	for _, p := range d.people {
		if p.name == name {
			for _, f := range p.forms {
				if len(strings.Fields(f)) > 1 && !contains(out, f) {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

func readJSONL(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []map[string]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var raw map[string]any
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			return nil, err
		}
		r := map[string]string{}
		for k, v := range raw {
			if s, ok := v.(string); ok {
				r[k] = s
			}
		}
		out = append(out, r)
	}
	return out, sc.Err()
}
