package merge

import (
	"fmt"
	"math/rand"
	"testing"
	"time"

	"parley/events"
)

// epoch is day 0 of the synthetic data.
var epoch = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)

// synthetic returns n reports of a made-up world: 150 states whose pairs
// are drawn with a skew (a few pairs are busy), 16 types, ten years of days,
// a mix of statuses, document-dated reports, spans and coarse dates, and
// several reports per real event, as news gives.
func synthetic(n int, seed int64) []events.Event {
	rng := rand.New(rand.NewSource(seed))
	types := []string{"CONSULT", "CONSULT", "CONSULT", "AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
		"SANCTION", "COOPERATE", "AID", "MOBILIZE", "PROTEST", "COERCE", "ASSAULT"}
	words := []string{"talks", "trade", "missile", "border", "deal", "security", "nuclear", "energy", "sanctions", "visit",
		"summit", "tariffs", "troops", "aid", "loan", "pipeline", "grain", "election", "treaty", "drills"}
	code := func(i int) string { return fmt.Sprintf("S%03d", i) }
	evs := make([]events.Event, 0, n)
	for len(evs) < n {
		// one real event, reported 1..8 times
		a := int(rng.ExpFloat64()*15) % 150
		b := (a + 1 + int(rng.ExpFloat64()*20)) % 150
		typ := types[rng.Intn(len(types))]
		day := rng.Intn(3650)
		w := words[rng.Intn(len(words))] + " " + words[rng.Intn(len(words))]
		reports := 1 + rng.Intn(8)
		for r := 0; r < reports && len(evs) < n; r++ {
			e := events.Event{Doc: fmt.Sprintf("d%d", len(evs)), Type: typ, Source: code(a), Target: code(b),
				Status: events.Occurred, DateSource: "text", Confidence: 0.6,
				Evidence: fmt.Sprintf("Officials discussed %s and %s matters.", w, words[rng.Intn(len(words))])}
			d := day
			switch x := rng.Intn(20); {
			case x < 3:
				e.Status = events.Planned
				d -= rng.Intn(5)
			case x < 7:
				e.DateSource = "document"
				d += rng.Intn(3)
			case x == 7:
				e.Status = events.Background
			}
			t := epoch.AddDate(0, 0, d)
			switch x := rng.Intn(30); {
			case x == 0:
				e.Date = t.Format("2006-01")
			case x == 1:
				e.Date = t.Format("2006")
			case x == 2:
				e.Date, e.EndDate = t.Format("2006-01-02"), t.AddDate(0, 0, 2).Format("2006-01-02")
			default:
				e.Date = t.Format("2006-01-02")
			}
			evs = append(evs, e)
		}
	}
	return evs
}

// BenchmarkAssign1M merges one million synthetic reports per iteration.
// Run: go test ./merge -run NONE -bench Assign1M -benchtime 1x (add
// GOMAXPROCS=1 for one core; /usr/bin/time -v for the peak RSS).
func BenchmarkAssign1M(b *testing.B) {
	evs := synthetic(1_000_000, 1)
	b.ReportAllocs()
	for b.Loop() {
		Assign(evs)
	}
	ids := map[string]bool{}
	for _, e := range evs {
		ids[e.Event] = true
	}
	b.ReportMetric(float64(len(ids)), "events")
}

// TestSyntheticOrderIndependent checks on a larger synthetic set that
// shuffling the input leaves every id unchanged.
func TestSyntheticOrderIndependent(t *testing.T) {
	evs := synthetic(20000, 2)
	Assign(evs)
	want := make(map[string]string, len(evs))
	for _, e := range evs {
		want[e.Doc] = e.Event
	}
	rand.New(rand.NewSource(3)).Shuffle(len(evs), func(i, j int) { evs[i], evs[j] = evs[j], evs[i] })
	Assign(evs)
	for _, e := range evs {
		if e.Event != want[e.Doc] {
			t.Fatalf("%s: %s after shuffling, %s before", e.Doc, e.Event, want[e.Doc])
		}
	}
}
