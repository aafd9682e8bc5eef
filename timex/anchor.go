package timex

import (
	"fmt"

	"parley/caldate"
)

// Anchor is the reference date chosen for a document.
type Anchor struct {
	Date caldate.Date
	// Source says where Date comes from: "stamp", "hint", "text:anniversary",
	// "text:date", or "" when nothing is known.
	Source string
	// Republished is set when the text's own evidence puts the news more than
	// a year away from the page stamp or hint: the page is an old story
	// shown again (re-crawled, re-dated, aggregated).
	Republished bool
	Note        string // why, one line
}

// Anchor decides a document's reference date from the page stamp, an
// outside hint (feed or URL date) and the text's own evidence.
//
// The rule is conservative:
//   - The stamp wins, then the hint (a finer hint inside a coarser stamp
//     refines it).
//   - Text evidence is of two kinds only: an anniversary with a known base
//     ("to mark the 76th anniversary of ...", "this year marks the 80th
//     anniversary of ...", "diplomatic ties ... 75 years ago"), which fixes
//     the news year (the day, when the text says the news marks it), and an
//     explicit full date of the news in a reporting clause ("on April 24,
//     2019, the ministry said"). Weekday words and bare years are never
//     evidence: a page stamped years after every year its body mentions is
//     common and normal (background years), so they cannot flag a re-publication.
//   - When the stamp (or hint) and the evidence differ by more than one year
//     (anniversary) or more than 366 days (explicit date), the page is
//     republished and Date is the text's date.
//   - With neither stamp nor hint, Date is the text's evidence, or zero.
//
// The first piece of evidence in the text is used; anniversary evidence is
// preferred over an explicit date.
func (t *Tagger) Anchor(text string, stamp, hint caldate.Date) Anchor {
	var a Anchor
	switch {
	case !stamp.IsZero() && !hint.IsZero() && hint.Precision() > stamp.Precision() && stamp.Contains(hint):
		a = Anchor{Date: hint, Source: "hint", Note: "hint " + hint.String() + " refines stamp " + stamp.String()}
	case !stamp.IsZero():
		a = Anchor{Date: stamp, Source: "stamp", Note: "page stamp"}
		if !hint.IsZero() && !stamp.Overlaps(hint) {
			a.Note = "page stamp; hint " + hint.String() + " disagrees"
		}
	case !hint.IsZero():
		a = Anchor{Date: hint, Source: "hint", Note: "outside hint, no page stamp"}
	}

	exprs, meta := t.tag(text, caldate.Date{})
	var ev Expr
	var evSource string
	for _, e := range exprs {
		if !e.Now.IsZero() {
			ev, evSource = e, "text:anniversary"
			break
		}
	}
	if evSource == "" {
		for x, e := range exprs {
			if meta[x].reported {
				ev, evSource = e, "text:date"
				break
			}
		}
	}
	if evSource == "" {
		return a
	}
	evDate := ev.Now
	if evSource == "text:date" {
		evDate = ev.Date
	}
	what := fmt.Sprintf("%q implies %s", ev.Text, evDate)
	if evSource == "text:anniversary" && !ev.Base.IsZero() {
		what = fmt.Sprintf("%q from base %s implies %s", ev.Text, ev.Base, evDate)
	}
	if a.Date.IsZero() {
		return Anchor{Date: evDate, Source: evSource, Note: "no stamp or hint; " + what}
	}
	far := absInt(a.Date.Y-evDate.Y) > 1
	if evSource == "text:date" {
		far = absInt(daysBetween(a.Date.Truncate(caldate.Day), evDate)) > 366
		if a.Date.Precision() < caldate.Day {
			far = absInt(a.Date.Y-evDate.Y) > 1
		}
	}
	if far {
		return Anchor{Date: evDate, Source: evSource, Republished: true,
			Note: fmt.Sprintf("%s %s contradicts the text: %s", a.Source, a.Date, what)}
	}
	a.Note += "; text agrees: " + what
	return a
}
