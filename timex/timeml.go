package timex

import (
	"strings"

	"parley/caldate"
)

// TagTimeML tags text the way TimeML's TIMEX3 annotation does, for the
// TempEval benchmarks and `parley timex`. It differs from Tag only in what
// TimeML leaves out or spells otherwise:
//   - expressions without a TIMEX3 value (an anniversary with no known base)
//     and ages ("a six-year-old boy") are dropped;
//   - a possessive "'s" is not part of the extent ("last year's" -> "last year");
//   - a decade takes in "the" and a part before it ("the late 1970s");
//   - a span written with a word ("from Aug. 26 to Oct. 20") is its two
//     ends, without the opening word;
//   - a day with a part of the day ("Friday morning") is a TIME, valued
//     "2019-04-26TMO".
func (t *Tagger) TagTimeML(text string, dct caldate.Date) []Expr {
	all := t.Tag(text, dct)
	out := make([]Expr, 0, len(all))
	for _, e := range all {
		if e.Value == "" {
			continue
		}
		low := strings.ToLower(e.Text)
		if e.Type == DurationType && strings.HasSuffix(low, "old") {
			continue
		}
		for _, s := range []string{"'s", "’s"} {
			if strings.HasSuffix(low, s) {
				e.End -= len(s)
				e.Text = e.Text[:len(e.Text)-len(s)]
				low = low[:len(low)-len(s)]
			}
		}
		if len(e.Value) == 3 && e.EndDate.Y == e.Date.Y+9 {
			e = widenDecade(text, e)
		}
		if e.Type == DateType && e.Date.Precision() == caldate.Day && e.Value == e.Date.String() {
			last := low[strings.LastIndexAny(low, " -")+1:]
			if code, ok := t.lex.dayParts[last]; ok {
				e.Type, e.Value = TimeType, e.Value+"T"+code
			}
		}
		if c := e.cut; c != nil && e.Type == DateType {
			a, b := e, e
			a.Start, a.End, a.Text = c.aStart, c.aEnd, text[c.aStart:c.aEnd]
			a.EndDate, a.cut = caldate.Date{}, nil
			b.Start, b.Text, b.Value = c.bStart, text[c.bStart:e.End], c.bValue
			b.Date, b.EndDate, b.cut = e.EndDate, caldate.Date{}, nil
			out = append(out, a, b)
			continue
		}
		out = append(out, e)
	}
	return out
}

// widenDecade moves a decade's start back over "the " and "early"/"mid"/"late".
func widenDecade(text string, e Expr) Expr {
	s := e.Start
	low := strings.ToLower(text[:s])
	for _, w := range []string{"early ", "mid-", "mid ", "late "} {
		if strings.HasSuffix(low, w) {
			s -= len(w)
			low = low[:len(low)-len(w)]
			break
		}
	}
	if strings.HasSuffix(low, "the ") {
		s -= len("the ")
	}
	if s < e.Start && (s == 0 || !isLetter(text[s-1])) {
		e.Start = s
		e.Text = text[e.Start:e.End]
	}
	return e
}
