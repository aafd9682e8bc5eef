// Package caldate is a calendar date that knows how precise it is.
//
// News text rarely gives a full day: "last month" is a month, "this year
// marks the 80th anniversary" is a year. A Date keeps only the fields the
// text supports, so that later stages never invent a day.
package caldate

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says which fields of a Date are known.
type Precision int

const (
	None  Precision = iota // nothing known
	Year                   // YYYY
	Month                  // YYYY-MM
	Day                    // YYYY-MM-DD
)

func (p Precision) String() string {
	switch p {
	case Year:
		return "year"
	case Month:
		return "month"
	case Day:
		return "day"
	}
	return "none"
}

// Date is a calendar date at some precision. The zero Date is unknown.
// Month is 0 when only the year is known; Day is 0 when only year and month are.
type Date struct {
	Y, M, D int
}

// Of returns the day-precision Date of t.
func Of(t time.Time) Date { return Date{t.Year(), int(t.Month()), t.Day()} }

// YMD returns a day-precision date.
func YMD(y, m, d int) Date { return Date{y, m, d} }

// Precision reports how much of d is known.
func (d Date) Precision() Precision {
	switch {
	case d.Y == 0:
		return None
	case d.M == 0:
		return Year
	case d.D == 0:
		return Month
	}
	return Day
}

// IsZero reports whether nothing is known.
func (d Date) IsZero() bool { return d.Y == 0 }

// Time returns the first instant of d (UTC); unknown fields count as 1.
func (d Date) Time() time.Time {
	m, day := d.M, d.D
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Truncate returns d cut to precision p (never finer than d itself).
func (d Date) Truncate(p Precision) Date {
	switch {
	case p <= None:
		return Date{}
	case p == Year:
		return Date{Y: d.Y}
	case p == Month:
		return Date{Y: d.Y, M: d.M}
	}
	return d
}

// AddDays returns the day-precision date n days after d (d must have day precision).
func (d Date) AddDays(n int) Date { return Of(d.Time().AddDate(0, 0, n)) }

// Weekday is d's day of the week (meaningful at day precision only).
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// String formats d as YYYY-MM-DD, YYYY-MM, YYYY or "".
func (d Date) String() string {
	switch d.Precision() {
	case Year:
		return fmt.Sprintf("%04d", d.Y)
	case Month:
		return fmt.Sprintf("%04d-%02d", d.Y, d.M)
	case Day:
		return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D)
	}
	return ""
}

// Parse reads "YYYY", "YYYY-MM" or "YYYY-MM-DD" (and "" as the zero Date).
// A longer ISO timestamp is cut to its date.
func Parse(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		s = s[:10]
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 {
		return Date{}, fmt.Errorf("caldate: bad date %q", s)
	}
	var f [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return Date{}, fmt.Errorf("caldate: bad date %q", s)
		}
		f[i] = n
	}
	d := Date{f[0], f[1], f[2]}
	if d.Y < 1 || d.Y > 9999 || d.M > 12 || (len(parts) > 1 && d.M < 1) || (len(parts) > 2 && d.D < 1) {
		return Date{}, fmt.Errorf("caldate: bad date %q", s)
	}
	if d.D > 0 && Of(d.Time()) != d {
		return Date{}, fmt.Errorf("caldate: no such day %q", s)
	}
	return d, nil
}

// MustParse is Parse for literals known to be valid; it panics otherwise.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Compare orders dates by their first instant, then by precision (coarser first).
func (d Date) Compare(e Date) int {
	a, b := d.Time(), e.Time()
	if c := a.Compare(b); c != 0 {
		return c
	}
	return int(d.Precision()) - int(e.Precision())
}

// Contains reports whether e falls inside d: same year, and the same month
// and day where d knows them. A coarse d contains every finer date in it.
func (d Date) Contains(e Date) bool {
	if d.IsZero() || e.IsZero() || d.Precision() > e.Precision() {
		return false
	}
	return e.Truncate(d.Precision()) == d
}

// Overlaps reports whether d and e can name the same time: one contains the other.
func (d Date) Overlaps(e Date) bool { return d.Contains(e) || e.Contains(d) }

// Last returns the last day covered by d (day precision).
func (d Date) Last() Date {
	switch d.Precision() {
	case Year:
		return Date{d.Y, 12, 31}
	case Month:
		return Of(Date{d.Y, d.M, 1}.Time().AddDate(0, 1, -1))
	}
	return d
}

// Range is a span of days [Start, End]; End is zero for a single date.
type Range struct {
	Start, End Date
}

// Contains reports whether all of e falls inside r. With no End, r is
// just Start and Contains is Start.Contains.
func (r Range) Contains(e Date) bool {
	if r.End.IsZero() {
		return r.Start.Contains(e)
	}
	if e.IsZero() || r.Start.IsZero() {
		return false
	}
	return !e.Time().Before(r.Start.Time()) && !e.Last().Time().After(r.End.Last().Time())
}
