// Package events codes interactions between states from sentences in which
// actors and time expressions have been found.
package events

// Event is one coded event, in the field names of the gold GUIDE. The same
// record is read from gold files and written by `parley extract`.
type Event struct {
	Doc         string  `json:"doc"`
	Event       string  `json:"event"`
	Type        string  `json:"type"`
	Mode        string  `json:"mode"`
	Status      string  `json:"status"`
	Source      string  `json:"source"`
	Target      string  `json:"target"`
	SourceActor string  `json:"source_actor"`
	TargetActor string  `json:"target_actor"`
	Date        string  `json:"date"`
	EndDate     string  `json:"end_date,omitempty"`
	DateSource  string  `json:"date_source,omitempty"`
	Location    string  `json:"location"`
	Evidence    string  `json:"evidence"`
	Optional    bool    `json:"optional,omitempty"`
	Confidence  float64 `json:"confidence"`
	Span        [2]int  `json:"span"`
	// Spans lists the evidence of every mention of this event in the
	// document, first mention first (Span is Spans[0]); empty when there
	// was one mention.
	Spans [][2]int `json:"spans,omitempty"`
}

// Status values.
const (
	Occurred   = "occurred"
	Planned    = "planned"
	Background = "background"
)
