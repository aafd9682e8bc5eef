package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"parley/merge"
)

// copyDocs copies the named documents of dir into a new directory.
func copyDocs(t *testing.T, dir string, names []string) string {
	t.Helper()
	out := t.TempDir()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

func mergedOf(t *testing.T, db string) []merge.Event {
	t.Helper()
	code, out, errOut := runCmd("events", "--db", db, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("events: exit %d: %s", code, errOut)
	}
	var evs []merge.Event
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var e merge.Event
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("%v: %q", err, line)
		}
		evs = append(evs, e)
	}
	return evs
}

// TestMergeOrderAndIncrements ingests the dev set twice: in one run, and in
// two runs that bring the later half of the documents first. The merged
// events must be the same, and each must carry its sources.
func TestMergeOrderAndIncrements(t *testing.T) {
	dir := "../../../shared/gold/dev"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no dev set at %s", dir)
	}
	docs := filepath.Join(dir, "docs")
	ents, err := os.ReadDir(docs)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	index := filepath.Join(dir, "docs.jsonl")
	tmp := t.TempDir()
	one, two := filepath.Join(tmp, "one.db"), filepath.Join(tmp, "two.db")
	if code, out, errOut := runCmd("run", docs, "--docs", index, "--db", one); code != 0 {
		t.Fatalf("run: %d %s %s", code, out, errOut)
	}
	half := len(names) / 2
	late, early := copyDocs(t, docs, names[half:]), copyDocs(t, docs, names[:half])
	for _, batch := range []string{late, early} {
		if code, out, errOut := runCmd("run", batch, "--docs", index, "--db", two); code != 0 {
			t.Fatalf("run batch: %d %s %s", code, out, errOut)
		}
	}
	a, b := mergedOf(t, one), mergedOf(t, two)
	if len(a) == 0 {
		t.Fatal("no merged events")
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Errorf("merged events differ between one run (%d events) and two runs in another order (%d events)", len(a), len(b))
	}
	multi := 0
	for _, e := range a {
		if e.Sources != len(e.Docs) || e.Mentions < e.Sources || len(e.Evidence) != e.Mentions {
			t.Errorf("%s: sources %d, docs %v, mentions %d, evidence %d", e.ID, e.Sources, e.Docs, e.Mentions, len(e.Evidence))
		}
		if e.FirstReport == "" || e.FirstReport > e.LastReport {
			t.Errorf("%s: reports %q..%q", e.ID, e.FirstReport, e.LastReport)
		}
		if e.Sources > 1 {
			multi++
		}
	}
	if multi < 5 {
		t.Errorf("only %d events with several sources", multi)
	}
}

// TestQueryCommands runs timeline, partners and the new events flags over
// the bundled examples.
func TestQueryCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	if code, out, errOut := runCmd("run", "../../examples/docs", "--docs", "../../examples/docs.jsonl", "--db", db); code != 0 {
		t.Fatalf("run: %d %s %s", code, out, errOut)
	}
	code, out, errOut := runCmd("timeline", "--db", db, "--pair", "RUS-CHN", "--by", "year", "--format", "jsonl")
	if code != 0 || !strings.Contains(out, `"period"`) {
		t.Fatalf("timeline: %d %q %s", code, out, errOut)
	}
	code, out, _ = runCmd("partners", "CHN", "--db", db)
	if code != 0 || !strings.Contains(out, "RUS") {
		t.Errorf("partners CHN: %d %q", code, out)
	}
	all := mergedOf(t, db)
	code, out, _ = runCmd("events", "--db", db, "--mentions", "--format", "jsonl")
	if code != 0 || len(decodeEvents(t, out)) < len(all) {
		t.Errorf("--mentions: %d, %d reports for %d events", code, len(decodeEvents(t, out)), len(all))
	}
	code, out, _ = runCmd("events", "--db", db, "--min-sources", "2", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("--min-sources: exit %d", code)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var e merge.Event
		if line != "" && (json.Unmarshal([]byte(line), &e) != nil || e.Sources < 2) {
			t.Errorf("--min-sources 2 let through %q", line)
		}
	}
	for _, args := range [][]string{
		{"timeline", "--db", db},
		{"timeline", "--db", db, "--pair", "CHN-RUS", "--by", "week"},
		{"partners", "--db", db},
		{"events", "--db", db, "--merged", "--mentions"},
		{"export", "--db", db, "--format", "xml"},
	} {
		if code, _, _ := runCmd(args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
}
