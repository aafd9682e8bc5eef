package store

import (
	"database/sql"
	"path/filepath"
	"testing"

	"parley/events"
)

func visit(doc, date, dateSource, status, evidence string) events.Event {
	return events.Event{Doc: doc, Type: "CONSULT", Status: status, Source: "USA", Target: "CHN", Date: date,
		DateSource: dateSource, Evidence: evidence, Confidence: 0.5}
}

// TestMergeIncremental stores reports of one visit in two batches: the
// second batch joins the event the first made, and replacing a document
// takes its report away again.
func TestMergeIncremental(t *testing.T) {
	s, _ := open(t)
	put := func(id, date string, evs ...events.Event) {
		t.Helper()
		if err := s.PutDocument(Document{ID: id, Hash: "h" + id + date, Date: date}, evs); err != nil {
			t.Fatal(err)
		}
	}
	put("a", "2017-11-01", visit("a", "2017-11", "text", events.Planned, "The president will visit the capital this month."))
	if n, err := s.Merge(nil); err != nil || n != 1 {
		t.Fatalf("merge: %d keys, %v", n, err)
	}
	put("b", "2017-11-08", visit("b", "2017-11-08", "text", events.Occurred, "The president arrived in the capital on Wednesday."))
	put("c", "2017-11-09", visit("c", "2017-11-09", "document", events.Occurred, "Crowds greeted the guest."),
		events.Event{Type: "ACCUSE", Status: events.Occurred, Source: "PRK", Target: "USA", Date: "2017-11-09", Evidence: "Pyongyang denounced the trip."})
	if n, _ := s.Pending(); n != 2 {
		t.Errorf("%d keys pending, want 2", n)
	}
	if _, err := s.Merge(nil); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Merged(Filter{Pair: "CHN-USA"})
	if err != nil || len(ms) != 1 {
		t.Fatalf("merged: %v, %+v", err, ms)
	}
	m := ms[0]
	if m.Sources != 3 || m.Status != events.Occurred || m.Date != "2017-11-08" || m.PlannedDate != "2017-11" ||
		m.FirstReport != "2017-11-01" || m.LastReport != "2017-11-09" || len(m.Evidence) != 3 {
		t.Errorf("merged visit: %+v", m)
	}
	reps, _ := s.Events(Filter{Pair: "CHN-USA"})
	for _, r := range reps {
		if r.Event != m.ID {
			t.Errorf("report of %s has id %s, event is %s", r.Doc, r.Event, m.ID)
		}
	}
	for _, tt := range []struct {
		name string
		f    Filter
		want int
	}{
		{"min sources", Filter{MinSources: 2}, 1},
		{"min sources too high", Filter{MinSources: 4}, 0},
		{"search", Filter{Search: "arrived capital"}, 1},
		{"search other", Filter{Search: "denounced"}, 1},
		{"search with operators is literal", Filter{Search: `"NEAR( OR`}, 0},
		{"actor", Filter{Actor: "PRK"}, 1},
		{"status", Filter{Status: events.Planned}, 0},
	} {
		got, err := s.Merged(tt.f)
		if err != nil || len(got) != tt.want {
			t.Errorf("%s: %d merged events, %v; want %d", tt.name, len(got), err, tt.want)
		}
	}
	if got, _ := s.Events(Filter{Search: "arrived"}); len(got) != 1 || got[0].Doc != "b" {
		t.Errorf("mention search: %+v", got)
	}
	tl, err := s.Timeline("USA-CHN", "month")
	if err != nil || len(tl) != 1 || tl[0].Period != "2017-11" || tl[0].Events != 1 || tl[0].ByType["CONSULT"] != 1 || tl[0].Score <= 0 {
		t.Errorf("timeline: %+v, %v", tl, err)
	}
	ps, err := s.Partners("USA", 0)
	if err != nil || len(ps) != 2 || ps[0].Events != 1 {
		t.Errorf("partners: %+v, %v", ps, err)
	}
	// b changes: its report goes, and the event loses a source.
	put("b", "2017-11-08x")
	if _, err := s.Merge(nil); err != nil {
		t.Fatal(err)
	}
	if ms, _ := s.Merged(Filter{Pair: "CHN-USA"}); len(ms) != 1 || ms[0].Sources != 2 {
		t.Errorf("after replacing b: %+v", ms)
	}
	if got, _ := s.Events(Filter{Search: "arrived"}); len(got) != 0 {
		t.Errorf("search still finds the removed report: %+v", got)
	}
}

// TestMigrateV1 opens a database of schema 1: its reports are searchable
// and merged.
func TestMigrateV1(t *testing.T) {
	p := filepath.Join(t.TempDir(), "v1.db")
	db, err := sql.Open("sqlite", p)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{schema, "PRAGMA user_version = 1",
		`INSERT INTO documents (id, hash, date, added_at) VALUES ('d', 'h', '2017-11-09', 'now')`,
		`INSERT INTO events (doc, type, status, source, target, date, evidence) VALUES ('d', 'CONSULT', 'occurred', 'USA', 'CHN', '2017-11-09', 'Talks were held.')`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Merge(nil); err != nil {
		t.Fatal(err)
	}
	ms, err := s.Merged(Filter{Search: "talks"})
	if err != nil || len(ms) != 1 || ms[0].Sources != 1 {
		t.Errorf("migrated: %+v, %v", ms, err)
	}
}
