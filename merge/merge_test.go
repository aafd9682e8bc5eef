package merge

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/eval"
	"parley/events"
)

// rep is a synthetic report; name identifies it in the test.
func rep(name, typ, src, tgt, date, end, status string) events.Event {
	return events.Event{Doc: "doc-" + name, Evidence: name, Type: typ, Source: src, Target: tgt, Date: date, EndDate: end, Status: status}
}

// soft marks a report as dated by its document only.
func soft(e events.Event) events.Event { e.DateSource = "document"; return e }

func at(e events.Event, loc string) events.Event { e.Location = loc; return e }

// say gives a report its evidence; the name moves to the document id.
func say(e events.Event, text string) events.Event {
	e.Doc = e.Evidence
	e.Evidence = text
	return e
}

func TestAssign(t *testing.T) {
	occ, plan, bgr := events.Occurred, events.Planned, events.Background
	tests := []struct {
		name string
		evs  []events.Event
		same [][2]string // pairs that must share an id
		diff [][2]string // pairs that must not
	}{
		{"same day, either order for CONSULT",
			[]events.Event{
				rep("a", "CONSULT", "AAA", "BBB", "2017-11-06", "", occ),
				rep("b", "CONSULT", "BBB", "AAA", "2017-11-06", "", occ),
				rep("c", "CONSULT", "AAA", "BBB", "2017-11-07", "", occ),
			},
			[][2]string{{"a", "b"}}, [][2]string{{"a", "c"}}},
		{"order matters for other types; type must agree",
			[]events.Event{
				rep("a", "SUPPORT", "AAA", "BBB", "2017-11-06", "", occ),
				rep("b", "SUPPORT", "BBB", "AAA", "2017-11-06", "", occ),
				rep("c", "ACCUSE", "AAA", "BBB", "2017-11-06", "", occ),
			},
			nil, [][2]string{{"a", "b"}, {"a", "c"}}},
		{"planned and occurred join; month joins its only day",
			[]events.Event{
				rep("a", "CONSULT", "AAA", "BBB", "2017-11", "", plan),
				rep("b", "CONSULT", "AAA", "BBB", "2017-11-06", "", occ),
				rep("c", "CONSULT", "AAA", "BBB", "2017-11-06", "", bgr),
			},
			[][2]string{{"a", "b"}, {"b", "c"}}, nil},
		{"a coarse date does not chain two days; a planned month joins its first day",
			[]events.Event{
				rep("y", "CONSULT", "AAA", "BBB", "2017", "", plan),
				rep("m", "CONSULT", "AAA", "BBB", "2017-11", "", plan),
				rep("mo", "CONSULT", "AAA", "BBB", "2017-11", "", occ),
				rep("d6", "CONSULT", "AAA", "BBB", "2017-11-06", "", occ),
				rep("d9", "CONSULT", "AAA", "BBB", "2017-11-09", "", occ),
			},
			[][2]string{{"m", "d6"}}, [][2]string{{"d6", "d9"}, {"y", "d6"}, {"y", "d9"}, {"m", "d9"}, {"mo", "d6"}, {"mo", "d9"}}},
		{"a document-dated report joins the nearest event before it",
			[]events.Event{
				soft(rep("s", "CONSULT", "AAA", "BBB", "2017-11-08", "", occ)),
				rep("d6", "CONSULT", "AAA", "BBB", "2017-11-06", "", occ),
				rep("d7", "CONSULT", "AAA", "BBB", "2017-11-07", "", occ),
				soft(rep("late", "CONSULT", "AAA", "BBB", "2017-11-20", "", occ)),
				soft(rep("after", "CONSULT", "AAA", "BBB", "2017-11-05", "", occ)), // published before d6 and d7
			},
			[][2]string{{"s", "d7"}}, [][2]string{{"s", "d6"}, {"late", "d7"}, {"after", "d6"}, {"after", "d7"}}},
		{"a plan joins the first event of the following week; a departure report on the way joins too",
			[]events.Event{
				rep("p", "CONSULT", "AAA", "BBB", "2017-11-03", "", plan),
				soft(rep("off", "CONSULT", "AAA", "BBB", "2017-11-03", "", occ)),
				rep("d8", "CONSULT", "AAA", "BBB", "2017-11-08", "", occ),
				rep("d9", "CONSULT", "AAA", "BBB", "2017-11-09", "", occ),
				soft(rep("dp", "CONSULT", "AAA", "BBB", "2017-11-01", "", plan)), // published Nov 1: event within two weeks
				rep("far", "CONSULT", "AAA", "BBB", "2017-12-20", "", plan),      // nothing near: a cluster of its own
			},
			[][2]string{{"p", "d8"}, {"off", "d8"}, {"dp", "d8"}},
			[][2]string{{"p", "d9"}, {"far", "d9"}, {"far", "p"}}},
		{"places must agree when both are named",
			[]events.Event{
				at(rep("a", "CONSULT", "AAA", "BBB", "2017-11-06", "", occ), "Beijing"),
				at(rep("b", "CONSULT", "AAA", "BBB", "2017-11-06", "", occ), "the Great Hall in Beijing"),
				at(rep("c", "CONSULT", "AAA", "BBB", "2017-11-06", "", occ), "Geneva"),
				rep("d", "CONSULT", "AAA", "BBB", "2017-11-06", "", occ),
			},
			[][2]string{{"a", "b"}}, [][2]string{{"a", "c"}}}, // d, unplaced, fits either: ambiguous
		{"statements of one day join only with shared wording",
			[]events.Event{
				say(rep("x1", "ACCUSE", "AAA", "BBB", "2017-11-06", "", occ), "The ministry condemned the missile launch as reckless."),
				say(rep("x2", "ACCUSE", "AAA", "BBB", "2017-11-06", "", occ), "Officials called the launch a provocation."),
				say(rep("x3", "ACCUSE", "AAA", "BBB", "2017-11-06", "", occ), "It also blamed Bbbland for the border clashes."),
				say(rep("c1", "CONSULT", "AAA", "BBB", "2017-11-06", "", occ), "The two leaders met."),
				say(rep("c2", "CONSULT", "AAA", "BBB", "2017-11-06", "", occ), "Talks were held in the capital."),
			},
			[][2]string{{"x1", "x2"}, {"c1", "c2"}}, [][2]string{{"x1", "x3"}, {"x2", "x3"}}},
		{"a year joins its only month when no day is known",
			[]events.Event{
				rep("y", "CONSULT", "AAA", "BBB", "2017", "", plan),
				rep("m", "CONSULT", "BBB", "AAA", "2017-11", "", plan),
				rep("o", "CONSULT", "AAA", "BBB", "2018-01", "", plan),
			},
			[][2]string{{"y", "m"}}, [][2]string{{"y", "o"}}},
		{"spans",
			[]events.Event{
				rep("s1", "CONSULT", "AAA", "BBB", "2017-11-03", "2017-11-14", plan), // holds d6 only
				rep("d6", "CONSULT", "AAA", "BBB", "2017-11-06", "", occ),
				rep("s2", "CONSULT", "AAA", "BBB", "2017-11-05", "2017-11-06", occ),
				rep("t1", "REQUEST", "AAA", "BBB", "2017-11-06", "2017-11-12", plan),
				rep("t2", "REQUEST", "AAA", "BBB", "2017-11-10", "2017-11-16", plan), // overlaps t1
				rep("u1", "AGREE", "AAA", "BBB", "2017-11-06", "", occ),
				rep("u2", "AGREE", "AAA", "BBB", "2017-11-09", "", occ),
				rep("us", "AGREE", "AAA", "BBB", "2017-11-05", "2017-11-10", occ), // holds two days
			},
			[][2]string{{"s1", "d6"}, {"s2", "d6"}, {"t1", "t2"}},
			[][2]string{{"us", "u1"}, {"us", "u2"}, {"u1", "u2"}}},
		{"empty dates join only each other",
			[]events.Event{
				rep("e1", "REJECT", "AAA", "BBB", "", "", bgr),
				rep("e2", "REJECT", "AAA", "BBB", "", "", bgr),
				rep("d", "REJECT", "AAA", "BBB", "2017-10-31", "", occ),
				rep("x", "REJECT", "AAA", "BBB", "junk", "", occ),
			},
			[][2]string{{"e1", "e2"}}, [][2]string{{"e1", "d"}, {"x", "d"}, {"x", "e1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := append([]events.Event(nil), tt.evs...)
			Assign(evs)
			ids := map[string]string{}
			for _, e := range evs {
				if e.Event == "" || !strings.HasPrefix(e.Event, "E") {
					t.Fatalf("%s: bad id %q", e.Evidence, e.Event)
				}
				ids[e.Evidence] = e.Event
				ids[e.Doc] = e.Event
			}
			for _, p := range tt.same {
				if ids[p[0]] != ids[p[1]] {
					t.Errorf("%s and %s should share an id: %s vs %s", p[0], p[1], ids[p[0]], ids[p[1]])
				}
			}
			for _, p := range tt.diff {
				if ids[p[0]] == ids[p[1]] {
					t.Errorf("%s and %s should not share an id", p[0], p[1])
				}
			}
		})
	}
}

// TestOrderIndependent shuffles the input: the same reports must get the
// same ids.
func TestOrderIndependent(t *testing.T) {
	var evs []events.Event
	dates := []struct{ d, e string }{
		{"2017", ""}, {"2017-11", ""}, {"2017-11-06", ""}, {"2017-11-09", ""}, {"2017-11-03", "2017-11-14"},
		{"2017-11-08", "2017-11-10"}, {"", ""}, {"2017-10", ""}, {"2017-10-26", ""}, {"2017-11-06", ""},
	}
	n := 0
	for _, typ := range []string{"CONSULT", "AGREE"} {
		for _, pair := range [][2]string{{"AAA", "BBB"}, {"BBB", "AAA"}, {"AAA", "CCC"}} {
			for _, d := range dates {
				n++
				evs = append(evs, rep(string(rune('a'+n/26))+string(rune('a'+n%26)), typ, pair[0], pair[1], d.d, d.e, events.Occurred))
			}
		}
	}
	Assign(evs)
	want := map[string]string{}
	for _, e := range evs {
		want[e.Evidence] = e.Event
	}
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 20; round++ {
		sh := append([]events.Event(nil), evs...)
		for i := range sh {
			sh[i].Event = ""
		}
		rng.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
		Assign(sh)
		for _, e := range sh {
			if e.Event != want[e.Evidence] {
				t.Fatalf("round %d: %s got %s, want %s", round, e.Evidence, e.Event, want[e.Evidence])
			}
		}
	}
}

// TestDevGold merges the dev gold rows (ids cleared) and measures how well
// the clusters agree with the gold ids.
func TestDevGold(t *testing.T) {
	p := filepath.Join("..", "..", "shared", "gold", "dev", "events.jsonl")
	if _, err := os.Stat(p); err != nil {
		t.Skip(err)
	}
	gold, err := eval.ReadEvents(p)
	if err != nil {
		t.Fatal(err)
	}
	pred := append([]events.Event(nil), gold...)
	for i := range pred {
		pred[i].Event = ""
	}
	Assign(pred)
	c := eval.Score(gold, pred).Cluster
	t.Logf("dev cluster agreement: P %.3f R %.3f F1 %.3f (%d pairs, gold-same %d, pred-same %d)", c.Precision, c.Recall, c.F1, c.Pairs, c.GoldSame, c.PredSame)
	// Measured at 0.797/0.686 when written; the errors left are distinct
	// events of one pair on one day (two deals signed together), which a
	// key-and-date rule cannot tell apart.
	if c.Precision < 0.75 || c.Recall < 0.65 {
		t.Errorf("cluster P/R %.3f/%.3f on the dev gold rows, want >= 0.75/0.65", c.Precision, c.Recall)
	}
}
