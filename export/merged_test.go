package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"parley/events"
	"parley/merge"
)

func sampleMerged() ([]events.Event, []merge.Event) {
	reps := []events.Event{
		{Doc: "a", Type: "CONSULT", Status: events.Planned, Source: "USA", Target: "CHN", Date: "2017-11", Evidence: "The president will travel to the capital next month.", Span: [2]int{0, 50}, Confidence: 0.5},
		{Doc: "b", Type: "CONSULT", Mode: "visit", Status: events.Occurred, Source: "USA", Target: "CHN", SourceActor: "Donald Trump", Date: "2017-11-08", DateSource: "text", Location: "Beijing", Evidence: "The president arrived in the capital on Wednesday.", Confidence: 0.8},
		{Doc: "c", Type: "CONSULT", Mode: "visit", Status: events.Occurred, Source: "CHN", Target: "USA", TargetActor: "Donald Trump", Date: "2017-11-08", DateSource: "text", Evidence: "Crowds lined the road, \"waving flags\", as the guest arrived.", Confidence: 0.6},
		{Doc: "b", Type: "AGREE", Status: events.Occurred, Source: "USA", Target: "CHN", Date: "2017-11-09", DateSource: "text", Evidence: "Both sides signed deals worth billions.", Confidence: 0.7},
		{Doc: "c", Type: "ACCUSE", Status: events.Occurred, Source: "PRK", Target: "USA", Date: "", Evidence: "An old charge, repeated.", Confidence: 0.4},
	}
	merge.Assign(reps)
	pub := map[string]string{"a": "2017-10-30", "b": "2017-11-08", "c": "2017-11-09"}
	return reps, merge.Build(reps, func(d string) string { return pub[d] })
}

func TestMergedBuildSample(t *testing.T) {
	_, ms := sampleMerged()
	if len(ms) != 3 {
		t.Fatalf("%d merged events, want 3: %+v", len(ms), ms)
	}
	c := ms[0]
	if c.Type != "CONSULT" || c.Status != events.Occurred || c.Date != "2017-11-08" || c.PlannedDate != "2017-11" ||
		c.Sources != 3 || c.Mentions != 3 || c.FirstReport != "2017-10-30" || c.LastReport != "2017-11-09" ||
		c.Source != "USA" || c.SourceActor != "Donald Trump" || c.Location != "Beijing" || c.Quad != merge.VerbalCoop {
		t.Errorf("merged visit: %+v", c)
	}
}

func TestMergedParquetRoundTrip(t *testing.T) {
	reps, ms := sampleMerged()
	var buf bytes.Buffer
	if err := WriteMergedParquet(&buf, ms); err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if f.NumRows() != int64(len(ms)) {
		t.Errorf("%d rows, want %d", f.NumRows(), len(ms))
	}
	want := parquet.SchemaOf(MergedRow{})
	if !parquet.EqualNodes(f.Schema(), want) {
		t.Errorf("schema read back:\n%s\nwant:\n%s", f.Schema(), want)
	}
	if v, _ := f.Lookup("parley.records"); v != "merged" {
		t.Errorf("metadata parley.records = %q", v)
	}
	rows, err := parquet.Read[MergedRow](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if r.Event != ms[i].ID || int(r.Sources) != ms[i].Sources || len(r.Reports) != len(ms[i].Evidence) || r.Evidence != ms[i].Sentence || len(r.Docs) != len(ms[i].Docs) {
			t.Errorf("row %d: %+v vs %+v", i, r, ms[i])
		}
	}

	buf.Reset()
	if err := WriteMentionsParquet(&buf, reps); err != nil {
		t.Fatal(err)
	}
	mr, err := parquet.Read[MentionRow](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(mr) != len(reps) || mr[2].Evidence != reps[2].Evidence || mr[0].Event != reps[0].Event {
		t.Errorf("mentions read back: %d rows, %+v", len(mr), mr)
	}
}

func TestMergedCSVAndJSONL(t *testing.T) {
	_, ms := sampleMerged()
	var buf bytes.Buffer
	if err := WriteMergedCSV(&buf, ms); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(ms)+1 || strings.Join(recs[0], ",") != strings.Join(MergedCSVHeader, ",") {
		t.Fatalf("csv: %d records, header %v", len(recs), recs[0])
	}
	if recs[1][0] != ms[0].Doc || recs[1][15] != "a|b|c" || !strings.Contains(recs[1][19], `"waving flags"`) || recs[1][18] != ms[0].Sentence {
		t.Errorf("csv row: %q", recs[1])
	}
	buf.Reset()
	if err := WriteMergedJSONL(&buf, ms); err != nil {
		t.Fatal(err)
	}
	var back merge.Event
	if err := json.Unmarshal([]byte(strings.SplitN(buf.String(), "\n", 2)[0]), &back); err != nil || back.ID != ms[0].ID || len(back.Evidence) != 3 {
		t.Errorf("jsonl: %v %+v", err, back)
	}
}

func TestPLOVER(t *testing.T) {
	tests := []struct {
		typ, status, evidence, want string
		mapped                      bool
	}{
		{"CONSULT", events.Planned, "They will meet.", "AGREE", true},
		{"CONSULT", events.Occurred, "They met.", "CONSULT", false},
		{"AGREE", events.Occurred, "They signed a pact.", "SUPPORT", true},
		{"AGREE", events.Occurred, "They vowed to work together.", "AGREE", false},
		{"AGREE", events.Planned, "They will sign a pact.", "AGREE", false},
		{"ACCUSE", events.Occurred, "It condemned the signing.", "ACCUSE", false},
	}
	for _, tt := range tests {
		got, mapped := PLOVERType(tt.typ, tt.status, tt.evidence)
		if got != tt.want || mapped != tt.mapped {
			t.Errorf("PLOVERType(%s, %s, %q) = %s, %v; want %s, %v", tt.typ, tt.status, tt.evidence, got, mapped, tt.want, tt.mapped)
		}
	}
	_, ms := sampleMerged()
	var buf bytes.Buffer
	if err := WritePLOVER(&buf, ms); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	var recs []map[string]any
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, m)
	}
	if len(recs) != len(ms)+1 || recs[0]["event"] != "DOCUMENT" || !strings.Contains(recs[0]["comment"].(string), "planned CONSULT") {
		t.Fatalf("plover header: %v", recs[0])
	}
	for _, r := range recs[1:] {
		if r["event"] == "AGREE" && strings.Contains(r["text"].(string), "signed") {
			t.Errorf("a signing stayed AGREE: %v", r)
		}
		if _, ok := r["source"].([]any); !ok {
			t.Errorf("source is not a PLOVER actor list: %v", r)
		}
	}
}
