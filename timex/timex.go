// Package timex finds time expressions in English news text and resolves
// them to calendar dates against a reference date (the document date).
//
// The rules (month and weekday names, relative words, well-known base dates
// for anniversaries) are data files embedded in the binary; this package
// holds the mechanism.
package timex

import (
	"embed"
	"encoding/json"
	"io/fs"
	"sync"

	"parley/caldate"
)

// Type is the TIMEX3 type of an expression.
type Type string

const (
	DateType     Type = "DATE"
	TimeType     Type = "TIME"
	DurationType Type = "DURATION"
	SetType      Type = "SET"
)

// Expr is one time expression found in a text.
type Expr struct {
	Start, End int    // byte offsets into the text passed to the tagger
	Text       string // the expression as written
	Type       Type
	Value      string // TIMEX3 value: "2019-04-25", "2017-11", "P3D", "PAST_REF" ...
	// Date is the calendar date the expression names, at its honest precision;
	// zero when it names no date (a duration, "recently", an unresolvable weekday).
	Date caldate.Date
	// EndDate closes a span ("from Sunday to Wednesday"); zero otherwise.
	EndDate caldate.Date

	// Base is the date an anniversary or "N years ago" counts from, when it
	// is known (from the table of well-known dates or a year in the sentence).
	Base caldate.Date
	// Now is the time of writing the expression implies on its own, without
	// the document date: base + N years for "the Nth anniversary of ..." and
	// for "... N years ago" after a known base. It has day precision only when
	// the text says the news marks the anniversary day ("to mark the 76th
	// anniversary"); Anchor uses it as evidence for the document date.
	Now caldate.Date

	// cut splits a span written with a word ("from Aug. 26 to Oct. 20") into
	// its two ends, which TimeML annotates as two expressions.
	cut *spanCut
}

// spanCut is where the two ends of a span lie, as byte offsets, and the
// value of the second end.
type spanCut struct {
	aStart, aEnd, bStart int
	bValue               string
}

// Tagger finds and resolves time expressions with one set of rules.
// A Tagger is immutable after loading and safe for concurrent use.
type Tagger struct {
	lex lexicon
	// scratch buffers reused across calls, so that tagging a sentence does
	// not allocate per token.
	pool sync.Pool
}

//go:embed data/*.txt
var embedded embed.FS

var (
	defOnce sync.Once
	def     *Tagger
)

// Default returns the tagger built from the embedded rules. It is loaded once;
// a broken embedded rule file is a programming error and panics.
func Default() *Tagger {
	defOnce.Do(func() {
		sub, err := fs.Sub(embedded, "data")
		if err != nil {
			panic(err)
		}
		def, err = Load(sub)
		if err != nil {
			panic(err)
		}
	})
	return def
}

// Load builds a tagger from rule files in fsys, laid out like the embedded
// data folder: months.txt, weekdays.txt, numbers.txt, units.txt,
// relative.txt, cues.txt, anniversaries.txt and holidays.txt at its root. Each file
// documents its line format at its top.
func Load(fsys fs.FS) (*Tagger, error) {
	t := &Tagger{}
	if err := t.lex.load(fsys); err != nil {
		return nil, err
	}
	t.pool.New = func() any { return new(scan) }
	return t, nil
}

// MarshalJSON writes an expression with its dates as strings ("2019-04-25",
// "2017-11", "2025") and leaves out the empty ones.
func (e Expr) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Start   int    `json:"start"`
		End     int    `json:"end"`
		Text    string `json:"text"`
		Type    Type   `json:"type"`
		Value   string `json:"value,omitempty"`
		Date    string `json:"date,omitempty"`
		EndDate string `json:"end_date,omitempty"`
		Base    string `json:"base,omitempty"`
		Now     string `json:"now,omitempty"`
	}{e.Start, e.End, e.Text, e.Type, e.Value, e.Date.String(), e.EndDate.String(), e.Base.String(), e.Now.String()})
}
