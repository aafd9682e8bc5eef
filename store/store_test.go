package store

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"parley/caldate"
	"parley/events"
)

func open(t *testing.T) (*Store, string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "parley.db")
	s, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, p
}

func sample(doc string) (Document, []events.Event) {
	d := Document{ID: doc, Path: "in/" + doc + ".html", URL: "https://example.org/" + doc, Hash: "h-" + doc,
		Format: "html", Date: "2017-11-09", DateSource: "meta", Title: "Title of " + doc, Text: "Body text."}
	evs := []events.Event{
		{Doc: "ignored", Event: "E1", Type: "CONSULT", Mode: "visit", Status: events.Occurred, Source: "USA", Target: "CHN",
			SourceActor: "Donald Trump", TargetActor: "Xi Jinping", Date: "2017-11-09", Location: "Beijing",
			Evidence: "The two leaders held talks.", Confidence: 0.9, Span: [2]int{10, 37}},
		{Event: "E2", Type: "SUPPORT", Status: events.Occurred, Source: "CHN", Target: "RUS",
			SourceActor: "Foreign Ministry", TargetActor: "Russia", Date: "2017-11", Evidence: "Praise.", Optional: true},
		{Event: "E3", Type: "CONSULT", Status: events.Planned, Source: "RUS", Target: "CHN",
			Date: "2017-11-20", EndDate: "2017-11-22", Evidence: "A visit is planned."},
		{Event: "E4", Type: "ACCUSE", Status: events.Background, Source: "PRK", Target: "USA", Evidence: "Old charge."},
	}
	return d, evs
}

func TestPutIdempotentAndReplace(t *testing.T) {
	s, _ := open(t)
	d, evs := sample("d1")
	if ok, err := s.HasDocument(d.Hash); err != nil || ok {
		t.Fatalf("HasDocument before put = %v, %v", ok, err)
	}
	for i := 0; i < 2; i++ { // the second put is a re-run: nothing new
		if err := s.PutDocument(d, evs); err != nil {
			t.Fatal(err)
		}
		if docs, n, err := s.Stats(); err != nil || docs != 1 || n != 4 {
			t.Fatalf("run %d: stats = %d docs, %d events, %v", i, docs, n, err)
		}
	}
	if ok, err := s.HasDocument(d.Hash); err != nil || !ok {
		t.Fatalf("HasDocument after put = %v, %v", ok, err)
	}
	// Same content under another id adds nothing either.
	d2 := d
	d2.ID = "copy"
	if err := s.PutDocument(d2, evs); err != nil {
		t.Fatal(err)
	}
	if docs, _, _ := s.Stats(); docs != 1 {
		t.Fatalf("same hash, new id: %d docs", docs)
	}

	// The file changed: new hash, same id, fewer events.
	d.Hash = "h-d1-v2"
	if err := s.PutDocument(d, evs[:1]); err != nil {
		t.Fatal(err)
	}
	if docs, n, _ := s.Stats(); docs != 1 || n != 1 {
		t.Fatalf("after replacement: %d docs, %d events", docs, n)
	}
	if ok, _ := s.HasDocument("h-d1"); ok {
		t.Error("old hash still stored after replacement")
	}

	// Round trip of every field.
	got, err := s.Events(Filter{})
	if err != nil || len(got) != 1 {
		t.Fatalf("Events = %v, %v", got, err)
	}
	want := evs[0]
	want.Doc = "d1"
	if !reflect.DeepEqual(got[0], want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got[0], want)
	}
}

func TestFilters(t *testing.T) {
	s, _ := open(t)
	for _, id := range []string{"d1", "d2"} {
		d, evs := sample(id)
		if err := s.PutDocument(d, evs); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		f    Filter
		want []string // event ids in order
	}{
		{"all, by date then doc, undated last", Filter{},
			[]string{"E2", "E2", "E1", "E1", "E3", "E3", "E4", "E4"}},
		{"pair either order", Filter{Pair: "CHN-USA"}, []string{"E1", "E1"}},
		{"pair other order", Filter{Pair: "CHN-RUS"}, []string{"E2", "E2", "E3", "E3"}},
		{"type", Filter{Type: "CONSULT"}, []string{"E1", "E1", "E3", "E3"}},
		{"status", Filter{Status: events.Planned}, []string{"E3", "E3"}},
		{"actor name part, any case", Filter{Actor: "xi jin"}, []string{"E1", "E1"}},
		{"actor code", Filter{Actor: "PRK"}, []string{"E4", "E4"}},
		{"actor with LIKE characters is literal", Filter{Actor: "%"}, nil},
		{"since a day inside a month keeps the month", Filter{Since: caldate.YMD(2017, 11, 15)},
			[]string{"E2", "E2", "E3", "E3"}},
		{"until a day", Filter{Until: caldate.YMD(2017, 11, 9)}, []string{"E2", "E2", "E1", "E1"}},
		{"since and until a month", Filter{Since: caldate.MustParse("2017-11"), Until: caldate.MustParse("2017-11")},
			[]string{"E2", "E2", "E1", "E1", "E3", "E3"}},
		{"span overlapping the window", Filter{Since: caldate.YMD(2017, 11, 22), Until: caldate.YMD(2017, 12, 31)},
			[]string{"E2", "E2", "E3", "E3"}},
		{"nothing after", Filter{Since: caldate.MustParse("2018")}, nil},
		{"limit", Filter{Type: "CONSULT", Limit: 3}, []string{"E1", "E1", "E3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Events(tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, e := range got {
				ids = append(ids, e.Event)
			}
			if strings.Join(ids, ",") != strings.Join(tt.want, ",") {
				t.Errorf("got %v, want %v", ids, tt.want)
			}
		})
	}
	// Within one date, documents come in order.
	got, _ := s.Events(Filter{Type: "CONSULT", Status: events.Occurred})
	if len(got) != 2 || got[0].Doc != "d1" || got[1].Doc != "d2" {
		t.Errorf("doc order: %+v", got)
	}
	if _, err := s.Events(Filter{Pair: "CHN"}); err == nil {
		t.Error("a malformed pair should be an error")
	}
}

func TestReopen(t *testing.T) {
	s, p := open(t)
	d, evs := sample("d1")
	if err := s.PutDocument(d, evs); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if docs, n, err := s2.Stats(); err != nil || docs != 1 || n != 4 {
		t.Fatalf("after reopen: %d docs, %d events, %v", docs, n, err)
	}
	var mode string
	if err := s2.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v", mode, err)
	}
}

func TestBadFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(p, []byte(strings.Repeat("this is plain text, not a database\n", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(p)
	if err == nil {
		s.Close()
		t.Fatal("opening a text file should fail")
	}
	if !strings.Contains(err.Error(), "not a SQLite database") {
		t.Errorf("error %q does not say what is wrong", err)
	}
	if _, err := Open(filepath.Join(dir, "no", "such", "dir", "x.db")); err == nil {
		t.Error("opening in a missing directory should fail")
	}

	// A database from a newer schema is refused.
	s, err = Open(filepath.Join(dir, "new.db"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err := Open(filepath.Join(dir, "new.db")); err == nil {
		s.Close()
		t.Error("a newer schema version should be refused")
	}
}

func TestPutNeedsIDAndHash(t *testing.T) {
	s, _ := open(t)
	if err := s.PutDocument(Document{ID: "x"}, nil); err == nil {
		t.Error("a document without a hash should be refused")
	}
}
