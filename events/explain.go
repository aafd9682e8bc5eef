package events

import (
	"fmt"
	"io"
	"strings"

	"parley/text"
)

// Decision records what the coder did with one trigger: the pattern that
// fired on which words, and either the events it made or why it made none.
type Decision struct {
	Doc        string
	Sentence   text.Sentence
	Trigger    string // the words the pattern matched
	Start, End int    // their byte offsets in the document text
	Pattern    Pattern
	Events     []Event // the candidates made (before merging repeats)
	Dropped    string  // why no event was made, "" if some were
}

// WriteText writes the decision on one or two lines for a person.
func (d Decision) WriteText(w io.Writer) {
	pat := strings.Join(d.Pattern.Words, " ")
	fmt.Fprintf(w, "  %q at %d-%d: pattern %q (%s", d.Trigger, d.Start, d.End, pat, d.Pattern.Type)
	if d.Pattern.Mode != "" {
		fmt.Fprintf(w, "/%s", d.Pattern.Mode)
	}
	fmt.Fprintf(w, ", frame %s)\n", d.Pattern.Frame)
	if d.Dropped != "" {
		fmt.Fprintf(w, "      dropped: %s\n", d.Dropped)
		return
	}
	for _, e := range d.Events {
		date := e.Date
		if e.EndDate != "" {
			date += ".." + e.EndDate
		}
		if date == "" {
			date = "undated"
		}
		fmt.Fprintf(w, "      -> %s %s (%s) > %s (%s), %s, %s from %s, confidence %.2f\n",
			e.Type, e.Source, e.SourceActor, e.Target, e.TargetActor, e.Status, date, orNone(e.DateSource), e.Confidence)
	}
}

func orNone(s string) string {
	if s == "" {
		return "nothing"
	}
	return s
}
