package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"parley/events"
)

func fixture() []events.Event {
	return []events.Event{
		{Doc: "a1", Event: "E1", Type: "CONSULT", Mode: "visit", Status: events.Occurred, Source: "FRA", Target: "DEU",
			SourceActor: "Foreign Minister", TargetActor: "Chancellor", Date: "2020-02-03", Location: "Berlin",
			Evidence: "The minister, in Berlin, said \"we agree\", and the talks went on\nfor hours & hours.", Confidence: 0.75, Span: [2]int{4, 90}},
		{Doc: "a2", Event: "E2", Type: "ACCUSE", Status: events.Planned, Source: "IGO:UN", Target: "XYZ",
			Date: "2020-02", EndDate: "2020-03", Evidence: "Short.", Optional: true},
		{Doc: "a3", Type: "SUPPORT"},
	}
}

func TestWriteJSONL(t *testing.T) {
	var buf bytes.Buffer
	evs := fixture()
	if err := WriteJSONL(&buf, evs); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(evs) {
		t.Fatalf("%d lines, want %d", len(lines), len(evs))
	}
	for i, l := range lines {
		var e events.Event
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if !reflect.DeepEqual(e, evs[i]) {
			t.Errorf("line %d round trip:\n got %+v\nwant %+v", i+1, e, evs[i])
		}
	}
	if !strings.Contains(buf.String(), "& hours") {
		t.Error("HTML characters should not be escaped")
	}
}

func TestWriteCSV(t *testing.T) {
	var buf bytes.Buffer
	evs := fixture()
	if err := WriteCSV(&buf, evs); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(evs)+1 {
		t.Fatalf("%d records, want header + %d", len(recs), len(evs))
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, h := range []string{"doc", "event", "type", "source", "target", "date", "end_date", "evidence", "optional", "confidence", "span_start", "span_end"} {
		if _, ok := col[h]; !ok {
			t.Errorf("header lacks %q", h)
		}
	}
	tests := []struct {
		row   int
		field string
		want  string
	}{
		{1, "evidence", evs[0].Evidence}, // quotes, commas and a line break survive
		{1, "confidence", "0.75"},
		{1, "span_end", "90"},
		{2, "source", "IGO:UN"},
		{2, "end_date", "2020-03"},
		{2, "optional", "true"},
		{3, "date", ""},
	}
	for _, tt := range tests {
		if got := recs[tt.row][col[tt.field]]; got != tt.want {
			t.Errorf("row %d %s = %q, want %q", tt.row, tt.field, got, tt.want)
		}
	}
}

func TestWriteTable(t *testing.T) {
	var buf bytes.Buffer
	evs := fixture()
	if err := WriteTable(&buf, evs); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(evs)+1 {
		t.Fatalf("%d lines, want header + %d:\n%s", len(lines), len(evs), buf.String())
	}
	// Columns are aligned: the DOC column starts at the same offset on every line.
	at := strings.Index(lines[0], "DOC")
	for i, want := range []string{"a1", "a2", "a3"} {
		l := lines[i+1]
		if got := strings.Index(l, want); got != at {
			t.Errorf("line %d: doc at %d, want %d:\n%s", i+1, got, at, buf.String())
		}
	}
	if !strings.Contains(lines[1], "Foreign Minister > Chancellor") || !strings.Contains(lines[2], "2020-02..2020-03") {
		t.Errorf("actors or span missing:\n%s", buf.String())
	}
	if !strings.HasSuffix(lines[1], "…") || strings.Contains(lines[1], "hours & hours") {
		t.Errorf("long evidence not truncated: %q", lines[1])
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"one two three four", 8, "one two…"},
		{"ééééééé", 4, "ééé…"},
	}
	for _, tt := range tests {
		got := truncate(tt.in, tt.n)
		if got != tt.want || utf8.RuneCountInString(got) > tt.n {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
