// Package export writes events for people and other tools: JSON Lines (the
// gold file format), CSV for spreadsheets, and an aligned table for a
// terminal.
package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"parley/events"
)

// WriteJSONL writes one JSON object per line, in the gold field names, so
// the output can be scored against a gold set as it is.
func WriteJSONL(w io.Writer, evs []events.Event) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // evidence text keeps its "&" and quotes readable
	for i := range evs {
		if err := enc.Encode(&evs[i]); err != nil {
			return err
		}
	}
	return nil
}

// CSVHeader is the header row of WriteCSV: the gold GUIDE field names, then
// date_source, confidence and the evidence's character span.
var CSVHeader = []string{
	"doc", "event", "type", "mode", "status", "source", "target", "source_actor", "target_actor",
	"date", "end_date", "location", "evidence", "optional",
	"date_source", "confidence", "span_start", "span_end",
}

// WriteCSV writes a header row (CSVHeader) and one row per event.
func WriteCSV(w io.Writer, evs []events.Event) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	row := make([]string, len(CSVHeader))
	for _, e := range evs {
		row = append(row[:0],
			e.Doc, e.Event, e.Type, e.Mode, e.Status, e.Source, e.Target, e.SourceActor, e.TargetActor,
			e.Date, e.EndDate, e.Location, e.Evidence, strconv.FormatBool(e.Optional),
			e.DateSource, strconv.FormatFloat(e.Confidence, 'f', -1, 64),
			strconv.Itoa(e.Span[0]), strconv.Itoa(e.Span[1]))
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// EvidenceWidth is how many characters of evidence WriteTable shows.
const EvidenceWidth = 60

// WriteTable writes events as aligned columns for a terminal: date, type,
// mode, status, source, target, actors, doc and the start of the evidence.
// Empty cells show "-" so the columns stay readable.
func WriteTable(w io.Writer, evs []events.Event) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tTYPE\tMODE\tSTATUS\tSOURCE\tTARGET\tACTORS\tDOC\tEVIDENCE")
	for _, e := range evs {
		date := e.Date
		if e.EndDate != "" {
			date += ".." + e.EndDate
		}
		actors := ""
		if e.SourceActor != "" || e.TargetActor != "" {
			actors = cell(e.SourceActor) + " > " + cell(e.TargetActor)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			cell(date), cell(e.Type), cell(e.Mode), cell(e.Status), cell(e.Source), cell(e.Target),
			cell(actors), cell(e.Doc), cell(truncate(e.Evidence, EvidenceWidth)))
	}
	return tw.Flush()
}

// cell makes s safe for one tabwriter cell: no tabs or line breaks, and "-"
// for empty.
func cell(s string) string {
	if s == "" {
		return "-"
	}
	if strings.ContainsAny(s, "\t\n\r") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// truncate cuts s to at most n characters, marking a cut with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for j := range s {
		if count == n-1 {
			i = j
			break
		}
		count++
	}
	return strings.TrimRight(s[:i], " ") + "…"
}
