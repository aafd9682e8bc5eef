package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/events"
)

// ev builds a small synthetic event: doc, type, source, target, date.
func ev(doc, typ, src, tgt, date string) events.Event {
	return events.Event{Doc: doc, Type: typ, Status: events.Occurred, Source: src, Target: tgt, Date: date}
}

func span(e events.Event, end string) events.Event { e.EndDate = end; return e }
func opt(e events.Event) events.Event              { e.Optional = true; return e }
func bg(e events.Event) events.Event               { e.Status = events.Background; return e }
func id(e events.Event, s string) events.Event     { e.Event = s; return e }

func TestDateMatches(t *testing.T) {
	tests := []struct {
		gd, ge, pd, pe string
		want           bool
	}{
		{"", "", "2017-11-06", "", true},           // gold without a date takes any date
		{"", "", "", "", true},                     //
		{"2017-11-06", "", "2017-11-06", "", true}, // same day
		{"2017-11-06", "", "2017-11-07", "", false},
		{"2017-11-06", "", "2017-11", "", false}, // prediction coarser than gold
		{"2017-11-06", "", "", "", false},
		{"2017-11", "", "2017-11-30", "", true}, // compared at the gold precision
		{"2017-11", "", "2017-12-01", "", false},
		{"2017", "", "2017-02", "", true},
		{"2017", "", "2018-01-01", "", false},
		{"2017-11-03", "2017-11-14", "2017-11-06", "", true}, // day inside a gold span
		{"2017-11-03", "2017-11-14", "2017-11-14", "", true},
		{"2017-11-03", "2017-11-14", "2017-11-15", "", false},
		{"2017-11-03", "2017-11-14", "2017-11-02", "", false},
		{"2017-11-03", "2017-11-14", "2017-11", "", false},              // a month is not inside the span
		{"2017-11-03", "2017-11-14", "2017-11-05", "2017-11-06", true},  // predicted span inside
		{"2017-11-03", "2017-11-14", "2017-11-12", "2017-11-16", false}, // sticks out
		{"2017-11", "", "2017-11-29", "2017-12-02", false},              // predicted span leaves the month
		{"2017-11-06", "", "2017-11-05", "2017-11-06", false},           // a span is coarser than a day
		{"2017-11-06", "", "bad", "", false},                            //
		{"2017-11-06", "", "2017-11-06T10:00:00Z", "", true},            // timestamps cut to the day
	}
	for _, tt := range tests {
		if got := DateMatches(tt.gd, tt.ge, tt.pd, tt.pe); got != tt.want {
			t.Errorf("DateMatches(%q,%q, %q,%q) = %v, want %v", tt.gd, tt.ge, tt.pd, tt.pe, got, tt.want)
		}
	}
}

func TestScoreCounts(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []events.Event
		tp, fp, fn int
	}{
		{"consult either order",
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06")},
			[]events.Event{ev("d1", "CONSULT", "BBB", "AAA", "2017-11-06")},
			1, 0, 0},
		{"other types ordered",
			[]events.Event{ev("d1", "SUPPORT", "AAA", "BBB", "2017-11-06")},
			[]events.Event{ev("d1", "SUPPORT", "BBB", "AAA", "2017-11-06")},
			0, 1, 1},
		{"type must agree",
			[]events.Event{ev("d1", "ACCUSE", "AAA", "BBB", "2017-11-06")},
			[]events.Event{ev("d1", "REJECT", "AAA", "BBB", "2017-11-06")},
			0, 1, 1},
		{"finer prediction at gold month",
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11")},
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11-20")},
			1, 0, 0},
		{"coarser prediction than gold day",
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11-20")},
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11")},
			0, 1, 1},
		{"day inside gold span",
			[]events.Event{span(ev("d1", "SANCTION", "AAA", "BBB", "2017-11-06"), "2017-11-12")},
			[]events.Event{ev("d1", "SANCTION", "AAA", "BBB", "2017-11-08")},
			1, 0, 0},
		{"day outside gold span",
			[]events.Event{span(ev("d1", "SANCTION", "AAA", "BBB", "2017-11-06"), "2017-11-12")},
			[]events.Event{ev("d1", "SANCTION", "AAA", "BBB", "2017-11-13")},
			0, 1, 1},
		{"other document does not match",
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06")},
			[]events.Event{ev("d2", "CONSULT", "AAA", "BBB", "2017-11-06")},
			0, 1, 1},
		{"background matched is neutral",
			[]events.Event{bg(ev("d1", "CONSULT", "AAA", "BBB", "2017-10"))},
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-10-02")},
			0, 0, 0},
		{"optional missed is neutral",
			[]events.Event{opt(ev("d1", "AGREE", "AAA", "BBB", "2017-10-02"))},
			nil,
			0, 0, 0},
		{"neutral rows do not absorb a second prediction",
			[]events.Event{opt(ev("d1", "AGREE", "AAA", "BBB", "2017-10-02"))},
			[]events.Event{ev("d1", "AGREE", "AAA", "BBB", "2017-10-02"), ev("d1", "AGREE", "AAA", "BBB", "2017-10-02")},
			0, 1, 0},
		{"neutral row does not steal from a scored row (neutral listed first)",
			[]events.Event{
				opt(ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06")),
				ev("d1", "CONSULT", "AAA", "BBB", "2017-11"),
			},
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06")},
			1, 0, 0},
		{"one prediction for two gold rows",
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06"), ev("d1", "CONSULT", "BBB", "AAA", "2017-11-06")},
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06")},
			1, 0, 1},
		{"two predictions for one gold row",
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06")},
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06"), ev("d1", "CONSULT", "BBB", "AAA", "2017-11-06")},
			1, 1, 0},
		{"maximum matching re-routes a greedy choice",
			// The year row could take either prediction; the day row only the
			// first. A greedy pass that gives the first to the year row loses one.
			[]events.Event{ev("d1", "ACCUSE", "AAA", "BBB", "2017"), ev("d1", "ACCUSE", "AAA", "BBB", "2017-11-06")},
			[]events.Event{ev("d1", "ACCUSE", "AAA", "BBB", "2017-11-06"), ev("d1", "ACCUSE", "AAA", "BBB", "2017-03")},
			2, 0, 0},
		{"prediction for a document without gold rows is a false positive",
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06")},
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06"), ev("d9", "CONSULT", "AAA", "BBB", "2017-11-06")},
			1, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(tt.gold, tt.pred)
			if r.All.TP != tt.tp || r.All.FP != tt.fp || r.All.FN != tt.fn {
				t.Fatalf("TP/FP/FN = %d/%d/%d, want %d/%d/%d", r.All.TP, r.All.FP, r.All.FN, tt.tp, tt.fp, tt.fn)
			}
			if len(r.Misses) != tt.fp+tt.fn {
				t.Errorf("%d misses, want %d", len(r.Misses), tt.fp+tt.fn)
			}
		})
	}
}

func TestScoreFigures(t *testing.T) {
	gold := []events.Event{
		ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06"),
		ev("d1", "CONSULT", "AAA", "CCC", "2017-11-07"),
		ev("d1", "SUPPORT", "AAA", "BBB", "2017-11-06"),
	}
	pred := []events.Event{
		ev("d1", "CONSULT", "BBB", "AAA", "2017-11-06"), // TP
		ev("d1", "CONSULT", "AAA", "DDD", "2017-11-07"), // FP
		ev("d1", "SUPPORT", "AAA", "BBB", "2017-11-06"), // TP
		ev("d1", "ACCUSE", "AAA", "BBB", "2017-11-06"),  // FP
	}
	r := Score(gold, pred)
	near := func(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
	if r.Consult.TP != 1 || r.Consult.FP != 1 || r.Consult.FN != 1 || !near(r.Consult.F1, 0.5) {
		t.Errorf("CONSULT = %+v", r.Consult)
	}
	if !near(r.All.Precision, 0.5) || !near(r.All.Recall, 2.0/3) {
		t.Errorf("All = %+v", r.All)
	}
	if s := r.ByType["SUPPORT"]; s.TP != 1 || s.F1 != 1 {
		t.Errorf("SUPPORT = %+v", s)
	}
	if a := r.ByType["ACCUSE"]; a.FP != 1 || a.F1 != 0 {
		t.Errorf("ACCUSE = %+v", a)
	}
	var buf bytes.Buffer
	r.WriteText(&buf)
	for _, want := range []string{"CONSULT", "SUPPORT", "ACCUSE", "date accuracy", "cluster agreement"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("WriteText output lacks %q:\n%s", want, buf.String())
		}
	}
}

func TestDateAccuracy(t *testing.T) {
	tests := []struct {
		name             string
		gold, pred       []events.Event
		correct, matched int
	}{
		{"wrong day still matched on pair",
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06")},
			[]events.Event{ev("d1", "CONSULT", "BBB", "AAA", "2017-11-07")},
			0, 1},
		{"crossed dates resolved to agreeing pairs",
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06"), ev("d1", "CONSULT", "AAA", "BBB", "2017-11-07")},
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11-07"), ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06")},
			2, 2},
		{"neutral rows not counted",
			[]events.Event{bg(ev("d1", "CONSULT", "AAA", "BBB", "2017-10")), opt(ev("d1", "AGREE", "AAA", "BBB", "2017-10-01"))},
			[]events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11-07"), ev("d1", "AGREE", "AAA", "BBB", "2017-10-01")},
			0, 0},
		{"one-to-one",
			[]events.Event{ev("d1", "REQUEST", "AAA", "BBB", "2017-11-06"), ev("d1", "REQUEST", "AAA", "BBB", "2017-11-09")},
			[]events.Event{ev("d1", "REQUEST", "AAA", "BBB", "2017-11-08")},
			0, 1},
		{"ordered pair for non-CONSULT",
			[]events.Event{ev("d1", "REQUEST", "AAA", "BBB", "2017-11-06")},
			[]events.Event{ev("d1", "REQUEST", "BBB", "AAA", "2017-11-06")},
			0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(tt.gold, tt.pred)
			if r.DateCorrect != tt.correct || r.DateMatched != tt.matched {
				t.Fatalf("date correct/matched = %d/%d, want %d/%d", r.DateCorrect, r.DateMatched, tt.correct, tt.matched)
			}
		})
	}
}

func TestCluster(t *testing.T) {
	// Gold: X in d1, d2, d3; Y in d4. Predictions: d1 and d2 share P1 (right),
	// d3 has P2 (a split), d4 joins P1 (a wrong join).
	gold := []events.Event{
		id(ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06"), "X"),
		id(ev("d2", "CONSULT", "AAA", "BBB", "2017-11-06"), "X"),
		id(ev("d3", "CONSULT", "AAA", "BBB", "2017-11"), "X"),
		id(ev("d4", "CONSULT", "AAA", "BBB", "2017-11-09"), "Y"),
		id(bg(ev("d5", "CONSULT", "AAA", "BBB", "2017-11-06")), "X"), // neutral: not in pairs
		id(ev("d5", "ACCUSE", "AAA", "BBB", "2017-11-06"), "Z"),      // unmatched: not in pairs
	}
	pred := []events.Event{
		id(ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06"), "P1"),
		id(ev("d2", "CONSULT", "BBB", "AAA", "2017-11-06"), "P1"),
		id(ev("d3", "CONSULT", "AAA", "BBB", "2017-11-20"), "P2"),
		id(ev("d4", "CONSULT", "AAA", "BBB", "2017-11-09"), "P1"),
		id(ev("d5", "CONSULT", "AAA", "BBB", "2017-11-06"), "P1"),
	}
	r := Score(gold, pred)
	c := r.Cluster
	// Matched scored rows: d1,d2,d3,d4 -> 6 cross-doc pairs.
	// gold-same: d1d2 d1d3 d2d3 = 3; pred-same: d1d2 d1d4 d2d4 = 3; both: d1d2 = 1.
	if c.Pairs != 6 || c.GoldSame != 3 || c.PredSame != 3 || c.Both != 1 {
		t.Fatalf("cluster = %+v", c)
	}
	if c.Precision != 1.0/3 || c.Recall != 1.0/3 {
		t.Errorf("cluster P/R = %v/%v", c.Precision, c.Recall)
	}

	// Pairs inside one document do not count.
	same := []events.Event{id(ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06"), "X"), id(ev("d1", "CONSULT", "AAA", "CCC", "2017-11-06"), "X")}
	if c := Score(same, same).Cluster; c.Pairs != 0 || c.F1 != 0 {
		t.Errorf("one-document cluster = %+v", c)
	}
	// Empty ids are never "the same".
	noID := []events.Event{ev("d1", "CONSULT", "AAA", "BBB", "2017-11-06"), ev("d2", "CONSULT", "AAA", "BBB", "2017-11-06")}
	if c := Score(noID, noID).Cluster; c.Pairs != 1 || c.GoldSame != 0 || c.PredSame != 0 {
		t.Errorf("empty-id cluster = %+v", c)
	}
}

func TestReadEventsError(t *testing.T) {
	p := filepath.Join(t.TempDir(), "e.jsonl")
	data := `{"doc":"d1","type":"CONSULT","source":"AAA","target":"BBB","date":"2017"}

{"doc":"d2", "type": }
`
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadEvents(p)
	if err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Fatalf("err = %v, want a line 3 error", err)
	}
	if err := os.WriteFile(p, []byte(data[:strings.Index(data, "\n")+2]), 0o644); err != nil {
		t.Fatal(err)
	}
	evs, err := ReadEvents(p)
	if err != nil || len(evs) != 1 || evs[0].Doc != "d1" {
		t.Fatalf("ReadEvents = %v, %v", evs, err)
	}
}

// TestDevSelf scores the dev gold against itself: every figure must be 1.
func TestDevSelf(t *testing.T) {
	for _, set := range []string{"dev", "seeds"} {
		p := filepath.Join("..", "..", "shared", "gold", set, "events.jsonl")
		if _, err := os.Stat(p); err != nil {
			t.Logf("skip %s: %v", set, err)
			continue
		}
		gold, err := ReadEvents(p)
		if err != nil {
			t.Fatal(err)
		}
		r := Score(gold, gold)
		if r.All.F1 != 1 || r.Consult.F1 != 1 || r.DateAccuracy != 1 || len(r.Misses) != 0 {
			t.Errorf("%s self-score: all %+v consult %+v date %v misses %d", set, r.All, r.Consult, r.DateAccuracy, len(r.Misses))
		}
		if r.Cluster.Pairs > 0 && r.Cluster.GoldSame > 0 && r.Cluster.F1 != 1 {
			t.Errorf("%s self-score cluster = %+v", set, r.Cluster)
		}
		if set == "dev" && r.Cluster.GoldSame == 0 {
			t.Errorf("dev gold has ids shared across documents, but no gold-same pairs")
		}
	}
}
