package timex

import (
	"fmt"
	"strconv"

	"parley/caldate"
)

// Calendar helpers. Weekdays use ISO numbers: 1 = Monday ... 7 = Sunday.

func isoWeekday(d caldate.Date) int {
	w := int(d.Weekday())
	if w == 0 {
		return 7
	}
	return w
}

// onOrBefore returns the latest day with weekday wd on or before d.
func onOrBefore(d caldate.Date, wd int) caldate.Date {
	return d.AddDays(-((isoWeekday(d) - wd + 7) % 7))
}

// onOrAfter returns the earliest day with weekday wd on or after d.
func onOrAfter(d caldate.Date, wd int) caldate.Date {
	return d.AddDays((wd - isoWeekday(d) + 7) % 7)
}

// monday returns the Monday of d's ISO week.
func monday(d caldate.Date) caldate.Date { return d.AddDays(1 - isoWeekday(d)) }

// weekValue is the TIMEX3 week value of d ("2017-W45").
func weekValue(d caldate.Date) string {
	y, w := d.Time().ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// addMonths moves a date with a month by n months (month precision).
func addMonths(d caldate.Date, n int) caldate.Date {
	m := d.Y*12 + d.M - 1 + n
	return caldate.Date{Y: m / 12, M: m%12 + 1}
}

// validDay reports whether y-m-d exists.
func validDay(y, m, d int) bool {
	if y < 1 || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return caldate.Of(caldate.YMD(y, m, d).Time()) == caldate.YMD(y, m, d)
}

// addYears adds n years keeping d's precision; 29 February falls back to the 28th.
func addYears(d caldate.Date, n int) caldate.Date {
	e := d
	e.Y += n
	if e.D == 29 && e.M == 2 && !validDay(e.Y, 2, 29) {
		e.D = 28
	}
	return e
}

// daysBetween is b - a in days (both day precision).
func daysBetween(a, b caldate.Date) int {
	return int(b.Time().Sub(a.Time()).Hours() / 24)
}

// unknownValue is a TIMEX3 value with an unknown year: "XXXX-11-28", "XXXX-12".
func unknownValue(m, d int) string {
	if d == 0 {
		return fmt.Sprintf("XXXX-%02d", m)
	}
	return fmt.Sprintf("XXXX-%02d-%02d", m, d)
}

// durationValue is the TIMEX3 value of n units: "P3D", "P1W", "PT2H".
// A count of 0 stands for a vague one ("several days", "a few years"): "PXD".
func durationValue(n int, u unitInfo) string {
	n *= u.mult
	num := strconv.Itoa(n)
	if n == 0 {
		num = "X"
	}
	switch u.code {
	case "TH":
		return "PT" + num + "H"
	case "TM":
		return "PT" + num + "M"
	case "TS":
		return "PT" + num + "S"
	case "QTR":
		return "P" + num + "Q"
	}
	return "P" + num + u.code
}

func absInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
