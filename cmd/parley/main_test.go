package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/eval"
	"parley/events"
)

// runCmd runs the command line in-process and returns its status and output.
func runCmd(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func decodeEvents(t *testing.T, s string) []events.Event {
	t.Helper()
	var evs []events.Event
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		if line == "" {
			continue
		}
		var e events.Event
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("stdout line is not an event: %v: %q", err, line)
		}
		evs = append(evs, e)
	}
	return evs
}

// TestExtractExamples runs the main job on the bundled corpus: every event
// carries the GUIDE fields, its span holds its evidence, and the corpus's own
// gold is reproduced well enough.
func TestExtractExamples(t *testing.T) {
	code, out, errOut := runCmd("extract", "../../examples/docs", "--docs", "../../examples/docs.jsonl")
	if code != 0 {
		t.Fatalf("extract exit %d: %s", code, errOut)
	}
	evs := decodeEvents(t, out)
	if len(evs) < 20 {
		t.Fatalf("only %d events from the examples", len(evs))
	}
	texts := map[string]string{}
	for _, e := range evs {
		if e.Doc == "" || e.Event == "" || e.Type == "" || e.Source == "" || e.Target == "" || e.Status == "" {
			t.Errorf("event with empty key fields: %+v", e)
		}
		if e.Confidence <= 0 || e.Confidence > 1 {
			t.Errorf("confidence %v out of (0,1]", e.Confidence)
		}
		txt, ok := texts[e.Doc]
		if !ok {
			matches, _ := filepath.Glob("../../examples/docs/" + e.Doc + ".txt")
			if len(matches) == 0 {
				continue // HTML: offsets refer to the extracted text
			}
			b, err := os.ReadFile(matches[0])
			if err != nil {
				t.Fatal(err)
			}
			txt = string(b)
			texts[e.Doc] = txt
		}
		if e.Span[0] < 0 || e.Span[1] > len(txt) || txt[e.Span[0]:e.Span[1]] != e.Evidence {
			t.Errorf("%s: span %v does not hold the evidence %q", e.Doc, e.Span, e.Evidence)
		}
	}
	gold, err := eval.ReadEvents("../../examples/events.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	rep := eval.Score(gold, evs)
	t.Logf("examples: F1 %.3f, CONSULT F1 %.3f, date accuracy %.3f", rep.All.F1, rep.Consult.F1, rep.DateAccuracy)
	if rep.All.F1 < 0.5 || rep.Consult.F1 < 0.55 {
		t.Errorf("examples: F1 %.3f (want >= 0.5), CONSULT F1 %.3f (want >= 0.55)", rep.All.F1, rep.Consult.F1)
	}
}

// TestEvalGold holds the pipeline to the acceptance lines on the shared gold
// sets (skipped where ../shared is not beside the checkout).
func TestEvalGold(t *testing.T) {
	tests := []struct {
		dir                  string
		all, consult, dateAc float64
	}{
		{"../../../shared/gold/seeds", 0.70, 0.80, 0},
		{"../../../shared/gold/dev", 0.45, 0.60, 0.80},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.dir), func(t *testing.T) {
			if _, err := os.Stat(tt.dir); err != nil {
				t.Skipf("no gold set at %s", tt.dir)
			}
			code, out, errOut := runCmd("eval", tt.dir, "--json")
			if code != 0 {
				t.Fatalf("eval exit %d: %s", code, errOut)
			}
			var rep eval.Report
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("eval --json: %v", err)
			}
			t.Logf("F1 %.3f  CONSULT F1 %.3f  date accuracy %.3f  cluster F1 %.3f", rep.All.F1, rep.Consult.F1, rep.DateAccuracy, rep.Cluster.F1)
			if rep.All.F1 < tt.all {
				t.Errorf("all-types F1 %.3f < %.2f", rep.All.F1, tt.all)
			}
			if rep.Consult.F1 < tt.consult {
				t.Errorf("CONSULT F1 %.3f < %.2f", rep.Consult.F1, tt.consult)
			}
			if rep.DateAccuracy < tt.dateAc {
				t.Errorf("date accuracy %.3f < %.2f", rep.DateAccuracy, tt.dateAc)
			}
		})
	}
}

// TestBadInput feeds documents that cannot be read: each gets one line on
// stderr naming the file, the good one is still coded, and the status is 1.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", []byte("Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Beijing on Tuesday.\n"))
	write("empty.txt", nil)
	write("binary.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3})
	write("latin1.txt", []byte("Caf\xe9 talks between the two ministers ended.\n"))
	write("nobody.html", []byte("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"))
	big := bytes.Repeat([]byte("filler line of text without any news in it at all\n"), 1100) // ~55 KB
	write("big.txt", big)

	code, out, errOut := runCmd("extract", dir, "--max-bytes", "50000")
	if code != 1 {
		t.Errorf("exit status %d, want 1 (some documents failed)", code)
	}
	for _, name := range []string{"empty.txt", "binary.txt", "latin1.txt", "nobody.html", "big.txt"} {
		n := strings.Count(errOut, name)
		if n != 1 {
			t.Errorf("stderr names %s %d times, want once:\n%s", name, n, errOut)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(errOut), "\n") {
		if !strings.HasPrefix(line, "parley: ") {
			t.Errorf("error line without prefix: %q", line)
		}
	}
	evs := decodeEvents(t, out)
	if len(evs) != 1 || evs[0].Doc != "good" || evs[0].Type != "CONSULT" {
		t.Errorf("want the one CONSULT of good.txt, got %+v", evs)
	}

	// A path that does not exist is an error too, not a panic.
	code, _, errOut = runCmd("extract", filepath.Join(dir, "missing"))
	if code != 1 || !strings.Contains(errOut, "missing") {
		t.Errorf("missing path: status %d, stderr %q", code, errOut)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"extract"}, {"eval"}, {"events", "--format", "xml", "--db", "x.db"}} {
		if code, _, _ := runCmd(args...); code != 2 {
			t.Errorf("parley %q: exit %d, want 2", args, code)
		}
	}
}

// TestRunAndQuery stores the examples twice (the second run adds nothing)
// and queries them back.
func TestRunAndQuery(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	code, out, errOut := runCmd("run", "../../examples/docs", "--docs", "../../examples/docs.jsonl", "--db", db)
	if code != 0 {
		t.Fatalf("run exit %d: %s %s", code, out, errOut)
	}
	if !strings.Contains(out, "10 documents: 10 stored") {
		t.Errorf("first run summary: %q", out)
	}
	code, out, _ = runCmd("run", "../../examples/docs", "--db", db)
	if code != 0 || !strings.Contains(out, "0 stored, 10 already stored") {
		t.Errorf("second run: exit %d, summary %q", code, out)
	}
	code, out, errOut = runCmd("events", "--db", db, "--pair", "RUS-CHN", "--type", "CONSULT", "--format", "jsonl")
	if code != 0 {
		t.Fatalf("events exit %d: %s", code, errOut)
	}
	evs := decodeEvents(t, out)
	if len(evs) == 0 {
		t.Fatal("no CONSULT events between Russia and China in the examples")
	}
	for _, e := range evs {
		if e.Type != "CONSULT" || !(e.Source == "RUS" && e.Target == "CHN" || e.Source == "CHN" && e.Target == "RUS") {
			t.Errorf("filter let through %+v", e)
		}
	}
	code, out, _ = runCmd("events", "--db", db, "--since", "2024", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "doc,") {
		t.Errorf("events csv: exit %d, %q", code, out[:min(len(out), 80)])
	}
	if code, _, errOut := runCmd("events", "--db", filepath.Join(t.TempDir(), "none.db")); code != 1 || !strings.Contains(errOut, "no database") {
		t.Errorf("missing db: exit %d, %q", code, errOut)
	}
}
