package export

import (
	"bufio"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/parquet-go/parquet-go"

	"parley/events"
	"parley/merge"
)

// Merged events: the schema shared by every format.
//
// One record per real-world event (see merge.Event):
//
//	doc           the document of its best report (the one its date comes from)
//	event         cluster id, "E" + 12 hex digits
//	type, mode    PLOVER type and our mode (GUIDE.md)
//	status        occurred | planned | background (occurred if any report says so)
//	source, target, source_actor, target_actor
//	date, end_date  best-known date (YYYY[-MM[-DD]]); end_date for spans
//	planned_date  the date its plans gave, when a planned event later occurred
//	location      most reported place
//	sources       distinct documents; mentions: reports
//	docs          document ids (CSV: separated by "|")
//	first_report, last_report  earliest and latest publication date of its documents
//	evidence      the best report's sentence
//	reports       every report's sentence (CSV: the sentences joined by " || ";
//	              JSON Lines and Parquet: a list of {doc, text, span, status, date})
//
// doc, event, type, ..., evidence are the gold field names, so that a merged
// event reads as a gold row.
//	confidence    1 - Π(1 - c) over its reports
//	quad          PLOVER quad class: 1 verbal cooperation, 2 material cooperation,
//	              3 verbal conflict, 4 material conflict
//	score         Goldstein-style score of the type (-10 .. +10)

// MergedCSVHeader is the header row of WriteMergedCSV.
var MergedCSVHeader = []string{
	"doc", "event", "type", "mode", "status", "source", "target", "source_actor", "target_actor",
	"date", "end_date", "planned_date", "location", "sources", "mentions", "docs",
	"first_report", "last_report", "evidence", "reports", "confidence", "quad", "score",
}

// WriteMergedCSV writes a header row (MergedCSVHeader) and one row per event.
func WriteMergedCSV(w io.Writer, evs []merge.Event) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(MergedCSVHeader); err != nil {
		return err
	}
	for _, e := range evs {
		texts := make([]string, len(e.Evidence))
		for i, ev := range e.Evidence {
			texts[i] = ev.Text
		}
		if err := cw.Write([]string{e.Doc, e.ID, e.Type, e.Mode, e.Status, e.Source, e.Target, e.SourceActor, e.TargetActor,
			e.Date, e.EndDate, e.PlannedDate, e.Location, strconv.Itoa(e.Sources), strconv.Itoa(e.Mentions),
			strings.Join(e.Docs, "|"), e.FirstReport, e.LastReport, e.Sentence, strings.Join(texts, " || "),
			strconv.FormatFloat(e.Confidence, 'f', 4, 64), strconv.Itoa(e.Quad), strconv.FormatFloat(e.Score, 'f', -1, 64)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteMergedJSONL writes one merged event per line (the json tags of
// merge.Event, which are the schema above).
func WriteMergedJSONL(w io.Writer, evs []merge.Event) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range evs {
		if err := enc.Encode(&evs[i]); err != nil {
			return err
		}
	}
	return nil
}

// WriteMergedTable writes merged events as aligned columns for a terminal.
func WriteMergedTable(w io.Writer, evs []merge.Event) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tTYPE\tSTATUS\tSOURCE\tTARGET\tSOURCES\tFIRST\tLAST\tEVENT\tEVIDENCE")
	for _, e := range evs {
		date := e.Date
		if e.EndDate != "" {
			date += ".." + e.EndDate
		}
		ev := e.Sentence
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", cell(date), cell(e.Type), cell(e.Status),
			cell(e.Source), cell(e.Target), e.Sources, cell(e.FirstReport), cell(e.LastReport), e.ID,
			cell(truncate(ev, EvidenceWidth)))
	}
	return tw.Flush()
}

// MergedRow is a merged event as a Parquet row; column names are the
// schema's field names.
type MergedRow struct {
	Doc         string         `parquet:"doc"`
	Event       string         `parquet:"event"`
	Type        string         `parquet:"type,dict"`
	Mode        string         `parquet:"mode,dict"`
	Status      string         `parquet:"status,dict"`
	Source      string         `parquet:"source,dict"`
	Target      string         `parquet:"target,dict"`
	SourceActor string         `parquet:"source_actor"`
	TargetActor string         `parquet:"target_actor"`
	Date        string         `parquet:"date"`
	EndDate     string         `parquet:"end_date"`
	PlannedDate string         `parquet:"planned_date"`
	Location    string         `parquet:"location"`
	Sources     int32          `parquet:"sources"`
	Mentions    int32          `parquet:"mentions"`
	Docs        []string       `parquet:"docs,list"`
	FirstReport string         `parquet:"first_report"`
	LastReport  string         `parquet:"last_report"`
	Evidence    string         `parquet:"evidence"`
	Reports     []EvidenceCell `parquet:"reports,list"`
	Confidence  float64        `parquet:"confidence"`
	Quad        int32          `parquet:"quad"`
	Score       float64        `parquet:"score"`
}

// EvidenceCell is one report's sentence inside a MergedRow.
type EvidenceCell struct {
	Doc       string `parquet:"doc"`
	Text      string `parquet:"text"`
	SpanStart int32  `parquet:"span_start"`
	SpanEnd   int32  `parquet:"span_end"`
	Status    string `parquet:"status"`
	Date      string `parquet:"date"`
}

// MentionRow is one report as a Parquet row, in the gold field names.
type MentionRow struct {
	Doc         string  `parquet:"doc"`
	Event       string  `parquet:"event"`
	Type        string  `parquet:"type,dict"`
	Mode        string  `parquet:"mode,dict"`
	Status      string  `parquet:"status,dict"`
	Source      string  `parquet:"source,dict"`
	Target      string  `parquet:"target,dict"`
	SourceActor string  `parquet:"source_actor"`
	TargetActor string  `parquet:"target_actor"`
	Date        string  `parquet:"date"`
	EndDate     string  `parquet:"end_date"`
	DateSource  string  `parquet:"date_source,dict"`
	Location    string  `parquet:"location"`
	Evidence    string  `parquet:"evidence"`
	Optional    bool    `parquet:"optional"`
	Confidence  float64 `parquet:"confidence"`
	SpanStart   int32   `parquet:"span_start"`
	SpanEnd     int32   `parquet:"span_end"`
}

// ParquetSchemaNote is stored in the files' key/value metadata under
// "parley.schema".
const ParquetSchemaNote = "parley merged events or mentions; fields as in the export package documentation and README"

// WriteMergedParquet writes merged events as one Parquet file (zstd).
func WriteMergedParquet(w io.Writer, evs []merge.Event) error {
	pw := parquet.NewGenericWriter[MergedRow](w, parquet.Compression(&parquet.Zstd))
	pw.SetKeyValueMetadata("parley.schema", ParquetSchemaNote)
	pw.SetKeyValueMetadata("parley.records", "merged")
	rows := make([]MergedRow, 0, 1024)
	flush := func() error {
		if len(rows) == 0 {
			return nil
		}
		_, err := pw.Write(rows)
		rows = rows[:0]
		return err
	}
	for _, e := range evs {
		r := MergedRow{Doc: e.Doc, Evidence: e.Sentence, Event: e.ID, Type: e.Type, Mode: e.Mode, Status: e.Status, Source: e.Source, Target: e.Target,
			SourceActor: e.SourceActor, TargetActor: e.TargetActor, Date: e.Date, EndDate: e.EndDate, PlannedDate: e.PlannedDate,
			Location: e.Location, Sources: int32(e.Sources), Mentions: int32(e.Mentions), Docs: e.Docs,
			FirstReport: e.FirstReport, LastReport: e.LastReport, Confidence: e.Confidence, Quad: int32(e.Quad), Score: e.Score}
		for _, ev := range e.Evidence {
			r.Reports = append(r.Reports, EvidenceCell{Doc: ev.Doc, Text: ev.Text, SpanStart: int32(ev.Span[0]),
				SpanEnd: int32(ev.Span[1]), Status: ev.Status, Date: ev.Date})
		}
		rows = append(rows, r)
		if len(rows) == cap(rows) {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return pw.Close()
}

// WriteMentionsParquet writes reports as one Parquet file (zstd).
func WriteMentionsParquet(w io.Writer, evs []events.Event) error {
	pw := parquet.NewGenericWriter[MentionRow](w, parquet.Compression(&parquet.Zstd))
	pw.SetKeyValueMetadata("parley.schema", ParquetSchemaNote)
	pw.SetKeyValueMetadata("parley.records", "mentions")
	rows := make([]MentionRow, 0, 1024)
	for i, e := range evs {
		rows = append(rows, MentionRow{Doc: e.Doc, Event: e.Event, Type: e.Type, Mode: e.Mode, Status: e.Status,
			Source: e.Source, Target: e.Target, SourceActor: e.SourceActor, TargetActor: e.TargetActor, Date: e.Date,
			EndDate: e.EndDate, DateSource: e.DateSource, Location: e.Location, Evidence: e.Evidence, Optional: e.Optional,
			Confidence: e.Confidence, SpanStart: int32(e.Span[0]), SpanEnd: int32(e.Span[1])})
		if len(rows) == cap(rows) || i == len(evs)-1 {
			if _, err := pw.Write(rows); err != nil {
				return err
			}
			rows = rows[:0]
		}
	}
	return pw.Close()
}

//go:embed data/signing.txt
var signingData string

var signingWords = func() map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(signingData))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if w := strings.TrimSpace(line); w != "" {
			m[strings.ToLower(w)] = true
		}
	}
	return m
}()

// PLOVERHeader is the comment of the DOCUMENT record that opens a PLOVER
// export: it says how our coding departs from PLOVER and what was mapped
// back.
const PLOVERHeader = "Exported by parley. Mapped back to PLOVER: a planned CONSULT (our guide codes future meetings as CONSULT with status planned) is AGREE, as PLOVER codes intentions to meet; an AGREE whose evidence reports signing or reaching an agreement is SUPPORT. Our status field is kept as \"status\" (PLOVER leaves its historical/future modes unimplemented); mode is our mode where PLOVER has none."

// PLOVERType maps one of our (type, status, evidence) back to PLOVER's
// event type; mapped says whether a departure of our guide was undone.
func PLOVERType(typ, status, evidence string) (plover string, mapped bool) {
	switch {
	case typ == "CONSULT" && status == events.Planned:
		return "AGREE", true
	case typ == "AGREE" && status != events.Planned && hasSigning(evidence):
		return "SUPPORT", true
	}
	return typ, false
}

func hasSigning(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if signingWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// ploverActor is an actor in PLOVER's JSON form.
type ploverActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"`
}

// ploverRecord is one event in PLOVER's JSON field names, plus our own
// fields where PLOVER has none (status, sources, our_type).
type ploverRecord struct {
	ID          string        `json:"id"`
	Date        string        `json:"date,omitempty"`
	Source      []ploverActor `json:"source,omitempty"`
	Target      []ploverActor `json:"target,omitempty"`
	Event       string        `json:"event"`
	Mode        string        `json:"mode,omitempty"`
	Context     string        `json:"context,omitempty"`
	Text        string        `json:"text,omitempty"`
	EventText   string        `json:"eventText,omitempty"`
	Publication string        `json:"publication,omitempty"`
	Language    string        `json:"language,omitempty"`
	Coder       string        `json:"coder,omitempty"`
	Comment     string        `json:"comment,omitempty"`
	Status      string        `json:"status,omitempty"`
	OurType     string        `json:"our_type,omitempty"`
	Location    string        `json:"location,omitempty"`
	Sources     int           `json:"sources,omitempty"`
}

func actor(text, code string) []ploverActor {
	if code == "" {
		return nil
	}
	if text == "" {
		text = code
	}
	return []ploverActor{{ActorText: text, Code: code}}
}

func writePLOVER(w io.Writer, recs func(emit func(ploverRecord) error) error) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(ploverRecord{ID: "PARLEY-DOCUMENT-0001", Event: "DOCUMENT", Coder: "parley", Comment: PLOVERHeader}); err != nil {
		return err
	}
	if err := recs(func(r ploverRecord) error { return enc.Encode(&r) }); err != nil {
		return err
	}
	return bw.Flush()
}

// WritePLOVER writes merged events as PLOVER JSON records, one a line,
// after a DOCUMENT record whose comment is PLOVERHeader.
func WritePLOVER(w io.Writer, evs []merge.Event) error {
	return writePLOVER(w, func(emit func(ploverRecord) error) error {
		for _, e := range evs {
			text := e.Sentence
			typ, mapped := PLOVERType(e.Type, e.Status, strings.Join(evidenceTexts(e), " "))
			r := ploverRecord{ID: e.ID, Date: e.Date, Source: actor(e.SourceActor, e.Source), Target: actor(e.TargetActor, e.Target),
				Event: typ, Mode: ploverMode(e.Mode, mapped), Text: text, Publication: strings.Join(e.Docs, " "), Language: "en",
				Coder: "parley", Status: e.Status, Location: e.Location, Sources: e.Sources}
			if mapped {
				r.OurType = e.Type
			}
			if err := emit(r); err != nil {
				return err
			}
		}
		return nil
	})
}

// WritePLOVERMentions writes reports as PLOVER JSON records, one a line,
// after the DOCUMENT record.
func WritePLOVERMentions(w io.Writer, evs []events.Event) error {
	return writePLOVER(w, func(emit func(ploverRecord) error) error {
		for i, e := range evs {
			typ, mapped := PLOVERType(e.Type, e.Status, e.Evidence)
			r := ploverRecord{ID: fmt.Sprintf("%s-%04d", e.Doc, i+1), Date: e.Date, Source: actor(e.SourceActor, e.Source),
				Target: actor(e.TargetActor, e.Target), Event: typ, Mode: ploverMode(e.Mode, mapped), Text: e.Evidence,
				Publication: e.Doc, Language: "en", Coder: "parley", Status: e.Status, Location: e.Location}
			if mapped {
				r.OurType = e.Type
			}
			if err := emit(r); err != nil {
				return err
			}
		}
		return nil
	})
}

// ploverMode drops our CONSULT modes on an event mapped to another type.
func ploverMode(mode string, mapped bool) string {
	if mapped {
		return ""
	}
	return mode
}

func evidenceTexts(e merge.Event) []string {
	out := make([]string, len(e.Evidence))
	for i, ev := range e.Evidence {
		out[i] = ev.Text
	}
	return out
}
