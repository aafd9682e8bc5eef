package timex

import (
	"fmt"
	"strconv"
	"strings"

	"parley/caldate"
)

// holiday is one named day from holidays.txt.
type holiday struct {
	words []string
	// mo, day: a fixed day, or the start of the search when wd > 0
	mo, day, wd int
	easter      bool // the day is easter + off
	off         int
}

// holidayLine reads "NAME | RULE" (holidays.txt documents the rules).
func (lx *lexicon) holidayLine(line string) error {
	name, rule, ok := strings.Cut(line, "|")
	name, rule = strings.ToLower(strings.TrimSpace(name)), strings.TrimSpace(rule)
	if !ok || name == "" || rule == "" {
		return fmt.Errorf("want NAME | RULE, got %q", line)
	}
	h := holiday{words: strings.Fields(name)}
	switch {
	case strings.HasPrefix(rule, "easter"):
		n, err := strconv.Atoi(strings.TrimPrefix(strings.TrimPrefix(rule, "easter"), "+"))
		if err != nil {
			return fmt.Errorf("bad easter offset in %q", line)
		}
		h.easter, h.off = true, n
	default:
		md, wd, hasWD := strings.Cut(rule, ">")
		mo, day, ok := strings.Cut(md, "-")
		var err1, err2 error
		h.mo, err1 = strconv.Atoi(mo)
		h.day, err2 = strconv.Atoi(day)
		if !ok || err1 != nil || err2 != nil || !validDay(2000, h.mo, h.day) {
			return fmt.Errorf("bad day in %q", line)
		}
		if hasWD {
			n, err := strconv.Atoi(wd)
			if err != nil || n < 1 || n > 7 {
				return fmt.Errorf("bad weekday in %q", line)
			}
			h.wd = n
		}
	}
	// filed under the stem, so that either apostrophe finds "Valentine's Day"
	first, _ := strings.CutSuffix(h.words[0], "'s")
	lx.holidays[first] = append(lx.holidays[first], h)
	return nil
}

// in returns the holiday's date in year y.
func (h *holiday) in(y int) caldate.Date {
	if h.easter {
		return easter(y).AddDays(h.off)
	}
	d := caldate.YMD(y, h.mo, h.day)
	if h.wd > 0 {
		d = onOrAfter(d, h.wd)
	}
	return d
}

// fixed reports whether the holiday falls on the same month and day every year.
func (h *holiday) fixed() bool { return !h.easter && h.wd == 0 }

// easter is Western Easter Sunday of year y (the anonymous Gregorian
// algorithm, as published by Meeus).
func easter(y int) caldate.Date {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return caldate.YMD(y, month, day)
}

// holidayAt reads a capitalised holiday name at i: the holiday and the token after it.
func (m *matcher) holidayAt(i int) (*holiday, int, bool) {
	if i >= m.n() || m.sc.toks[i].kind != kWord || !m.sc.toks[i].upper {
		return nil, i, false
	}
	hs := m.lx.holidays[string(m.sc.key(i))]
	if len(hs) == 0 {
		hs = m.lx.holidays[string(m.sc.base(i))]
	}
	for x := range hs {
		h := &hs[x]
		if e, ok := m.holidayWords(i, h.words); ok {
			return h, e, true
		}
	}
	return nil, i, false
}

// holidayWords matches a holiday name; "'s" in the name matches either apostrophe.
func (m *matcher) holidayWords(i int, ws []string) (int, bool) {
	if i+len(ws) > m.n() {
		return i, false
	}
	for x, w := range ws {
		k := m.sc.key(i + x)
		if string(k) == w {
			continue
		}
		if stem, ok := strings.CutSuffix(w, "'s"); ok && string(m.sc.base(i+x)) == stem && len(k) > len(stem) {
			continue
		}
		return i, false
	}
	return i + len(ws), true
}

// holiday reads "Thanksgiving", "Christmas Day 1998", "last Easter" with the
// modifier (if any) at i and the name at s.
func (m *matcher) holiday(i, s int) int {
	h, end, ok := m.holidayAt(s)
	if !ok {
		return i
	}
	var e Expr
	if y, e2 := m.optYear(end); y != 0 {
		e.Date, end = h.in(y), e2
	} else if m.dct.Precision() < caldate.Day {
		switch {
		case !m.dct.IsZero():
			e.Date = h.in(m.dct.Y)
		case h.fixed():
			e.Value = unknownValue(h.mo, h.day)
		default:
			e.Value = "XXXX-XX-XX"
		}
	} else {
		mod, hasMod := 0, s > i
		if hasMod {
			mod = m.lx.mods[m.kw(i)]
		}
		tn := m.tense(i, end)
		var best, nearest caldate.Date
		bestDist, nearDist := 1<<30, 1<<30
		for y := m.dct.Y - 1; y <= m.dct.Y+1; y++ {
			c := h.in(y)
			dist := daysBetween(m.dct, c)
			if absInt(dist) < nearDist {
				nearest, nearDist = c, absInt(dist)
			}
			switch {
			case hasMod && mod < 0 && dist >= 0, hasMod && mod > 0 && dist <= 0:
				continue
			case hasMod && mod == 0 && c.Y != m.dct.Y:
				continue
			case !hasMod && tn == tenseFuture && dist < 0, !hasMod && tn == tensePast && dist > 0:
				continue
			}
			if absInt(dist) < bestDist {
				best, bestDist = c, absInt(dist)
			}
		}
		// as for a month and day, tense moves a holiday across dct only
		// within about half a year
		if !hasMod && bestDist > 183 {
			best = nearest
		}
		e.Date = best
	}
	if e.Value == "" {
		e.Value = e.Date.String()
	}
	return m.emit(i, end, e)
}
