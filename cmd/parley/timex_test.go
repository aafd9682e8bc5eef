package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTimexCommand(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.txt")
	text := "The envoy arrived on Tuesday and will stay for three days."
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCmd("timex", f, "--dct", "2019-04-25")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got []timexLine
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var l timexLine
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		got = append(got, l)
	}
	want := []timexLine{
		{Text: "Tuesday", Type: "DATE", Value: "2019-04-23"},
		{Text: "three days", Type: "DURATION", Value: "P3D"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i, w := range want {
		g := got[i]
		if g.Text != w.Text || g.Type != w.Type || g.Value != w.Value || text[g.Start:g.End] != w.Text {
			t.Errorf("line %d = %+v, want %+v", i, g, w)
		}
	}
	if code, _, _ := runCmd("timex", f, "--dct", "April"); code != 2 {
		t.Errorf("bad --dct: exit %d, want 2", code)
	}
	if code, _, _ := runCmd("timex"); code != 2 {
		t.Errorf("no file: exit %d, want 2", code)
	}
}

// A TimeML file of our own: the tagger should find both expressions, one
// with the gold extent and one wider than gold.
const ownTML = `<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-04-25" functionInDocument="CREATION_TIME">2019-04-25</TIMEX3></DCT>
<TEXT>
Ministers met <TIMEX3 tid="t1" type="DATE" value="2019-04-23">Tuesday</TIMEX3> after talks lasting nearly <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>
`

func TestEvalTimexCommand(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "own.tml"), []byte(ownTML), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCmd("eval-timex", dir, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r timexReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if r.Docs != 1 || r.Gold != 2 || r.System != 2 || r.Relaxed.F1 != 1 || r.Strict.F1 != 0.5 || r.ValueF1 != 1 {
		t.Errorf("report %+v", r)
	}
	code, out, _ = runCmd("eval-timex", dir, "--misses")
	if code != 0 || !strings.Contains(out, "EXTENT") || !strings.Contains(out, "relaxed  P 1.000") {
		t.Errorf("text report (exit %d):\n%s", code, out)
	}
	if code, _, _ := runCmd("eval-timex", t.TempDir()); code != 1 {
		t.Errorf("empty dir: exit %d, want 1", code)
	}
}
