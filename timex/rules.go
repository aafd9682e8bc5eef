package timex

import (
	"bytes"
	"strconv"

	"parley/caldate"
)

// ---- points and spans ----

type pointKind uint8

const (
	ptWeekday pointKind = iota + 1
	ptMonthDay
	ptMonth
)

// point is one end of a span, before resolution.
type point struct {
	kind           pointKind
	wd, mo, day, y int
	end            int
}

// point reads a weekday, "Nov. 3[, 2019]", "3 November [2019]" or "March [2019]" at i.
func (m *matcher) point(i int) (point, bool) {
	if wd, ok := m.weekdayAt(i); ok {
		return point{kind: ptWeekday, wd: wd, end: i + 1}, true
	}
	if mi, e, ok := m.month(i); ok {
		if d, ok := m.dayNum(e); ok {
			p := point{kind: ptMonthDay, mo: mi.m, day: d, end: e + 1}
			p.y, p.end = m.optYear(p.end)
			return p, true
		}
		p := point{kind: ptMonth, mo: mi.m, end: e}
		p.y, p.end = m.optYear(e)
		return p, true
	}
	if d, ok := m.dayNum(i); ok {
		if mi, e, ok := m.month(i + 1); ok {
			p := point{kind: ptMonthDay, mo: mi.m, day: d, end: e}
			p.y, p.end = m.optYear(e)
			return p, true
		}
	}
	return point{}, false
}

// optYear reads an optional "[,] 2019" at i.
func (m *matcher) optYear(i int) (int, int) {
	if y, ok := m.year4(i); ok {
		return y, i + 1
	}
	if y, e, ok := m.spelledYear(i, true); ok {
		return y, e
	}
	if m.sc.is(i, ',') {
		if y, ok := m.year4(i + 1); ok {
			return y, i + 2
		}
	}
	return 0, i
}

// span reads "from A to B", "between A and B", "A-B", "A to B" where the
// first point starts at p (p > i when an opener word is at i).
func (m *matcher) span(i, p int) int {
	opened := p > i
	a, ok := m.point(p)
	if !ok {
		return i
	}
	j := a.end
	dash := m.sc.isDash(j)
	// "and" joins a span only after an opener ("between"), or a day number
	// to a month and day ("April 24 and 25").
	andDay := !opened && m.kw(j) == "and" && a.kind == ptMonthDay && a.y == 0
	if !dash && !(m.flag(j, fSpanJoin) && (opened || m.kw(j) != "and" || andDay)) {
		return i
	}
	b, ok := m.point(j + 1)
	if andDay && ok {
		return i
	}
	if !ok && a.kind == ptMonthDay && a.y == 0 {
		if d, ok2 := m.dayNum(j + 1); ok2 {
			b, ok = point{kind: ptMonthDay, mo: a.mo, day: d, end: j + 2}, true
			b.y, b.end = m.optYear(b.end)
		}
	}
	if !ok || b.kind != a.kind || (a.kind == ptMonth && !opened) {
		return i
	}
	end := b.end
	tn := m.tense(i, end)
	var e Expr
	switch a.kind {
	case ptWeekday:
		switch m.dct.Precision() {
		case caldate.None:
			e.Value = "XXXX-WXX-" + strconv.Itoa(a.wd)
		case caldate.Day:
			if tn == tenseFuture {
				e.Date = onOrAfter(m.dct, a.wd)
				e.EndDate = onOrAfter(e.Date, b.wd)
			} else {
				e.EndDate = onOrBefore(m.dct, b.wd)
				e.Date = onOrBefore(e.EndDate, a.wd)
			}
			e.Value = e.Date.String()
		default:
			e.Date, e.Value = m.dct, m.dct.String()
		}
	case ptMonthDay:
		if a.y == 0 && b.y != 0 {
			a.y = b.y
			if a.mo > b.mo {
				a.y--
			}
		}
		var sd caldate.Date
		if a.y != 0 {
			if !validDay(a.y, a.mo, a.day) {
				return i
			}
			sd = caldate.YMD(a.y, a.mo, a.day)
		} else if sd, ok = m.resolveMonthDay(a.mo, a.day, tn); !ok {
			return i
		}
		if !sd.IsZero() {
			y := b.y
			if y == 0 {
				y = sd.Y
				if b.mo < a.mo {
					y++
				}
			}
			if !validDay(y, b.mo, b.day) {
				return i
			}
			ed := caldate.YMD(y, b.mo, b.day)
			if ed.Compare(sd) < 0 {
				return i
			}
			e.Date, e.EndDate = sd, ed
		}
		e.Value = dateValue(sd, a.mo, a.day)
	case ptMonth:
		var sd caldate.Date
		if a.y != 0 {
			sd = caldate.Date{Y: a.y, M: a.mo}
		} else if b.y != 0 {
			sd = caldate.Date{Y: b.y, M: a.mo}
			if a.mo > b.mo {
				sd.Y--
			}
		} else {
			sd, _ = m.resolveMonth(a.mo, nil, tn)
		}
		if !sd.IsZero() {
			y := b.y
			if y == 0 {
				y = sd.Y
				if b.mo < a.mo {
					y++
				}
			}
			e.Date, e.EndDate = sd, caldate.Date{Y: y, M: b.mo}
		}
		e.Value = dateValue(sd, a.mo, 0)
	}
	k := m.emit(i, end, e)
	if !dash {
		bv := dateValue(e.EndDate, b.mo, b.day)
		switch {
		case a.kind == ptWeekday && !e.EndDate.IsZero():
			bv = e.EndDate.String()
		case a.kind == ptWeekday:
			bv = "XXXX-WXX-" + strconv.Itoa(b.wd)
		}
		m.out[len(m.out)-1].cut = &spanCut{
			aStart: m.sc.toks[p].s, aEnd: m.sc.toks[a.end-1].e,
			bStart: m.sc.toks[j+1].s, bValue: bv,
		}
	}
	return k
}

// ---- relative phrases ----

func refBySign(n int) string {
	switch {
	case n < 0:
		return "PAST_REF"
	case n > 0:
		return "FUTURE_REF"
	}
	return "PRESENT_REF"
}

// phrase matches a relative phrase from relative.txt at i.
func (m *matcher) phrase(i int, k string) int {
	ps := m.lx.phrases[k]
	if len(ps) == 0 {
		return i
	}
	var second []byte // the next word, looked up once: "the" opens ~90 phrases
	if i+1 < m.n() {
		second = m.sc.base(i + 1)
	}
	for _, p := range ps {
		if i+len(p.words) > m.n() || (len(p.words) > 1 && string(second) != p.words[1]) {
			continue
		}
		ok := true
		for x := 2; x < len(p.words); x++ {
			if m.kw(i+x) != p.words[x] {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		end := i + len(p.words)
		var e Expr
		switch p.kind {
		case pDay:
			e = m.relDay(m.dct, p.n)
			end = m.dayPart(end)
		case pWeek:
			switch {
			case m.dct.Precision() == caldate.Day:
				mon := monday(m.dct).AddDays(7 * p.n)
				e.Date, e.EndDate, e.Value = mon, mon.AddDays(6), weekValue(mon)
				if p.n == 0 && m.tense(i, end) == tenseFuture {
					e.Date = m.dct
				}
			case m.dct.IsZero():
				e.Value = refBySign(p.n)
			case p.n == 0:
				e.Date, e.Value = m.dct, m.dct.String()
			default:
				e.Date = m.dct.Truncate(caldate.Year)
				e.Value = e.Date.String()
			}
		case pMonth:
			switch {
			case m.dct.Precision() >= caldate.Month:
				e.Date = addMonths(m.dct, p.n)
				e.Value = e.Date.String()
			case !m.dct.IsZero():
				// a year-only dct: the month is most likely in that year
				e.Date, e.Value = m.dct, m.dct.String()
			default:
				e.Value = refBySign(p.n)
			}
		case pYear:
			if m.dct.IsZero() {
				e.Value = refBySign(p.n)
			} else {
				e.Date = caldate.Date{Y: m.dct.Y + p.n}
				e.Value = e.Date.String()
			}
		case pRef:
			e.Value = p.ref
		case pFixed:
			e.Type, e.Value = p.typ, p.ref
		case pQuarter:
			e = m.quarterRef(p.n)
		case pWeekend:
			e = m.weekend(i, end, p.n)
		case pAnchorPart:
			ref := m.lastDate(caldate.Day)
			if ref.Precision() < caldate.Day {
				continue
			}
			d := ref.AddDays(p.n)
			if p.n == 0 {
				// "mid-afternoon yesterday", "the morning of March 5": the day
				// written after the part is the part's day
				at := end
				if m.isw(at, "of") {
					// "the night of Oct. 23": TimeML tags the date alone
					at++
					if _, ok := m.weekdayAt(at); ok {
						continue
					}
					if _, _, ok := m.month(at); ok {
						continue
					}
				}
				n := len(m.out)
				if k := m.at(at); k > at && len(m.out) == n+1 && m.out[n].Type == DateType && m.out[n].Date.Precision() == caldate.Day {
					d, end = m.out[n].Date, k
				}
				m.out, m.meta = m.out[:n], m.meta[:n]
			}
			e = Expr{Type: TimeType, Date: d, Value: d.String() + "T" + p.ref}
		case pCentury:
			if m.dct.IsZero() {
				continue
			}
			e.Value = pad2(m.dct.Y/100 + p.n)
		case pDecade:
			if m.dct.IsZero() || m.sc.isDash(end) {
				continue // "the decade-long war" is a duration
			}
			e = decadeExpr((m.dct.Y/10 + p.n) * 10)
		case pYearV, pYearRef, pWeekV, pWeekRef, pMonthRef:
			var ok bool
			if e, end, ok = m.valuePhrase(p, i, end); !ok {
				continue
			}
		case pWeekdayRef:
			wd, ok := m.weekdayAt(end)
			if !ok {
				continue
			}
			ref := m.lastDate(caldate.Day)
			if ref.Precision() < caldate.Day {
				continue
			}
			d := onOrAfter(ref.AddDays(1), wd)
			if p.n < 0 {
				d = onOrBefore(ref.AddDays(-1), wd)
			}
			end = m.dayPart(end + 1)
			e = Expr{Date: d, Value: d.String()}
		case pAnchor:
			// the last day named; a month or a year named since is no
			// anchor for "the day before"
			ref := m.dct
			for x := len(m.out) - 1; x >= 0; x-- {
				if o := m.out[x]; o.Type == DateType && !o.Date.IsZero() && o.Now.IsZero() {
					if o.Date.Precision() == caldate.Day {
						ref = o.Date
					}
					break
				}
			}
			e = m.relDay(ref, p.n)
			end = m.dayPart(end)
		}
		return m.emit(i, end, e)
	}
	return i
}

// lastDate is the date of the last expression named so far that has at
// least precision p and is not an anniversary's implied date, else dct.
func (m *matcher) lastDate(p caldate.Precision) caldate.Date {
	for x := len(m.out) - 1; x >= 0; x-- {
		if o := m.out[x]; o.Type == DateType && o.Date.Precision() >= p && o.Now.IsZero() {
			return o.Date
		}
	}
	return m.dct
}

// relDay is the day n days from ref, or ref itself at its precision when it
// has no day.
func (m *matcher) relDay(ref caldate.Date, n int) Expr {
	var e Expr
	switch ref.Precision() {
	case caldate.Day:
		e.Date = ref.AddDays(n)
		e.Value = e.Date.String()
	case caldate.None:
		e.Value = refBySign(n)
	default:
		e.Date, e.Value = ref, ref.String()
	}
	return e
}

// dayPart extends an expression over a following "morning", "night" ...
func (m *matcher) dayPart(end int) int {
	if m.flag(end, fDayPart) {
		return end + 1
	}
	return end
}

// modified reads "last December", "next Monday", "this Friday".
func (m *matcher) modified(i int) int {
	mod := m.lx.mods[m.kw(i)]
	if mi, e, ok := m.month(i + 1); ok {
		if _, ok := m.dayNum(e); ok {
			return i // "next May 5": the date rule reads it
		}
		d, v := m.resolveMonth(mi.m, &mod, tenseNone)
		return m.emit(i, e, Expr{Date: d, Value: v})
	}
	if m.flag(i+1, fHoliday) {
		if j := m.holiday(i, i+1); j > i {
			return j
		}
	}
	if wd, ok := m.weekdayAt(i + 1); ok {
		end := m.dayPart(i + 2)
		d, v := m.resolveWeekday(wd, &mod, tenseNone)
		return m.emit(i, end, Expr{Date: d, Value: v})
	}
	return i
}

// ---- anniversaries and "N years ago" ----

// anniversary reads "[the] 76th anniversary" with the ordinal at j.
func (m *matcher) anniversary(i, j int) int {
	n, k, ok := m.ordinal(j)
	if !ok {
		// "one-year anniversary"
		c, e, ok2 := m.count(j, false)
		if !ok2 || !m.sc.isDash(e) {
			return i
		}
		if u, ok3 := m.unit(e + 1); !ok3 || u.code != "Y" {
			return i
		}
		n, k = c*m.lx.units[m.kw(e+1)].mult, e+2
	}
	if m.sc.isDash(k) {
		k++
	}
	if !m.flag(k, fAnniv) || n < 1 {
		return i
	}
	end := k + 1
	var e Expr
	// an explicit base year later in the sentence: "... ties established in 1949"
	// ("... established in October 1948" gives the month too)
	var expl caldate.Date
	for x := end; x < m.n() && !m.sc.isStop(x, m.lx); x++ {
		if y, ok := m.year4(x); ok && y+n >= 1000 && y+n <= 2200 {
			expl = m.dateBefore(x, y)
			break
		}
	}
	textBase := false
	if be, ok := m.findBase(i); ok && (expl.IsZero() || expl.Y == be.date.Y) {
		e.Base = be.date
	} else if !expl.IsZero() {
		e.Base, textBase = expl, true
	}
	if !e.Base.IsZero() {
		e.Date = addYears(e.Base, n)
		yearOnly := m.cueBefore(i, 4, cYearOnly)
		if yearOnly {
			e.Date = e.Date.Truncate(caldate.Year)
		}
		e.Now = e.Date.Truncate(caldate.Year)
		if textBase {
			// a base the text spells out with its month dates the news to
			// that month; only a marking cue makes it the day itself
			e.Now = e.Date.Truncate(caldate.Month)
		}
		if !yearOnly && m.cueBefore(i, 4, cMark) {
			e.Now = e.Date
		}
		e.Value = e.Date.String()
	}
	return m.emit(i, end, e)
}

// dateBefore widens the year y at token x with a month and day written just
// before it: "October 1948", "Oct. 1, 1949", "1 October 1949".
func (m *matcher) dateBefore(x, y int) caldate.Date {
	d := caldate.Date{Y: y}
	p := x - 1
	if m.sc.is(p, ',') {
		p--
	}
	if day, ok := m.dayNum(p); ok && p > 0 {
		if mi, e, ok := m.month(p - 1); ok && e == p && validDay(y, mi.m, day) {
			return caldate.YMD(y, mi.m, day)
		}
	}
	if p != x-1 {
		return d
	}
	for s := max(0, p-1); s <= p; s++ { // "Oct." is two tokens
		if mi, e, ok := m.month(s); ok && e == x {
			if day, ok := m.dayNum(s - 1); ok && s > 0 && validDay(y, mi.m, day) {
				return caldate.YMD(y, mi.m, day)
			}
			return caldate.Date{Y: y, M: mi.m}
		}
	}
	return d
}

// ago reads "75 years ago", "a year ago", "two weeks ago".
func (m *matcher) ago(i int) int {
	n, e, ok := m.count(i, true)
	if !ok {
		return i
	}
	if m.sc.isDash(e) {
		e++
	} else if m.isw(e, "of") && m.sc.toks[e-1].kind == kWord && m.lx.articles[m.kw(e-1)] == 0 {
		e++ // "a couple of weeks ago"
	}
	u, ok := m.unit(e)
	if !ok {
		return i
	}
	if m.isw(e+1, "or") && m.isw(e+2, "so") && m.flag(e+3, fAgo) {
		e += 2 // "a week or so ago": the approximation keeps the value
	}
	if shift, ok := m.lx.shifts[m.kw(e+1)]; ok && !m.flag(e+1, fAgo) {
		return m.shifted(i, e+2, n*u.mult*shift, u)
	}
	if !m.flag(e+1, fAgo) {
		return i
	}
	end := e + 2
	n *= u.mult
	if n == 0 {
		return m.emit(i, end, Expr{Value: "PAST_REF"})
	}
	var x Expr
	dp := m.dct.Precision()
	switch u.code {
	case "Y":
		if dp >= caldate.Year {
			x.Date = caldate.Date{Y: m.dct.Y - n}
		}
		if y, q, ok := m.lastQuarter(); ok && n == 1 {
			// "a year ago" in an earnings report: the same quarter a year before
			x.Value = strconv.Itoa(y-1) + "-Q" + strconv.Itoa(q)
		}
		if be, ok := m.findBase(i); ok && n >= 2 {
			x.Base = be.date
			x.Now = caldate.Date{Y: be.date.Y + n}
			if x.Date.IsZero() {
				x.Date = be.date.Truncate(caldate.Year)
			}
		}
	case "M":
		if dp >= caldate.Month {
			x.Date = addMonths(m.dct, -n)
		}
	case "W":
		if dp == caldate.Day {
			mon := monday(m.dct).AddDays(-7 * n)
			x.Date, x.EndDate, x.Value = mon, mon.AddDays(6), weekValue(mon)
		}
	case "D":
		if dp == caldate.Day {
			x.Date = m.dct.AddDays(-n)
		}
	}
	if x.Value == "" {
		x.Value = x.Date.String()
	}
	if x.Value == "" {
		x.Value = "PAST_REF"
	}
	return m.emit(i, end, x)
}

// findBase looks up the well-known date whose keyword groups all occur in the
// sentence around token i; more groups win, then keywords nearer to i.
func (m *matcher) findBase(i int) (baseEntry, bool) {
	s, e := i, i
	for s > 0 && !m.sc.isStop(s-1, m.lx) {
		s--
	}
	for e < m.n()-1 && !m.sc.isStop(e, m.lx) {
		e++
	}
	lo, hi := m.sc.toks[s].s, m.sc.toks[e].e
	low := m.sc.low[lo:hi]
	pos := m.sc.toks[i].s - lo
	best, bestGroups, bestDist := -1, 0, 1<<30
	for bi := range m.lx.bases {
		b := &m.lx.bases[bi]
		if len(b.groups) < bestGroups {
			continue
		}
		total := 0
		for _, g := range b.groups {
			d := groupDist(low, g, pos)
			if d < 0 {
				total = -1
				break
			}
			total += d
		}
		if total < 0 {
			continue
		}
		if len(b.groups) > bestGroups || total < bestDist {
			best, bestGroups, bestDist = bi, len(b.groups), total
		}
	}
	if best < 0 {
		return baseEntry{}, false
	}
	return m.lx.bases[best], true
}

func isWordByte(c byte) bool { return isLetter(c) || isDigit(c) }

// groupDist is the distance from pos to the nearest occurrence of any
// alternative of g in low, at word boundaries; -1 when none occurs.
func groupDist(low []byte, g []kwAlt, pos int) int {
	best := -1
	for _, a := range g {
		w := []byte(a.s)
		for off := 0; off < len(low); {
			x := bytes.Index(low[off:], w)
			if x < 0 {
				break
			}
			x += off
			off = x + 1
			if x > 0 && isWordByte(low[x-1]) {
				continue
			}
			if end := x + len(w); !a.prefix && end < len(low) && isWordByte(low[end]) {
				continue
			}
			if d := absInt(x - pos); best < 0 || d < best {
				best = d
			}
		}
	}
	return best
}

// ---- numbers: ISO dates, years, year ranges, decades ----

func (m *matcher) numeric(i int) int {
	tk := &m.sc.toks[i]
	if tk.kind == kAlnum {
		// "1970s"
		if tk.ndig == 4 && tk.e-tk.s == 5 && m.sc.low[tk.e-1] == 's' && tk.val%10 == 0 {
			return m.emit(i, i+1, decadeExpr(tk.val))
		}
		return i
	}
	if j := m.slashDate(i); j > i {
		return j
	}
	y, ok := m.year4(i)
	if !ok {
		return i
	}
	if y%10 == 0 && (m.isw(i-1, "the") || m.flag(i-1, fDecMod)) && m.sc.glued(i) && i+2 < m.n() && m.sc.apostrophe(m.sc.toks[i+1].s) > 0 && m.sc.glued(i+1) && m.kw(i+2) == "s" {
		// "the 1990's"
		return m.emit(i, i+3, decadeExpr(y))
	}
	if m.sc.isDash(i+1) && m.sc.glued(i) && m.sc.glued(i+1) && i+2 < m.n() && m.sc.toks[i+2].kind == kNum {
		nt := &m.sc.toks[i+2]
		// 2019-04-23 or 2019-04
		if nt.ndig == 2 {
			if m.sc.isDash(i+3) && m.sc.glued(i+2) && m.sc.glued(i+3) && i+4 < m.n() && m.sc.toks[i+4].kind == kNum && m.sc.toks[i+4].ndig == 2 {
				d := m.sc.toks[i+4].val
				if validDay(y, nt.val, d) {
					j := m.emit(i, i+5, Expr{Date: caldate.YMD(y, nt.val, d), Value: caldate.YMD(y, nt.val, d).String()})
					m.markReported(i, j)
					return j
				}
				return i
			}
			// "1910-45": a year range when the end is later; else "2019-04", a month
			if nt.val > y%100 {
				end := y - y%100 + nt.val
				return m.emit(i, i+3, Expr{Date: caldate.Date{Y: y}, EndDate: caldate.Date{Y: end}, Value: strconv.Itoa(y)})
			}
			if nt.val >= 1 && nt.val <= 12 {
				d := caldate.Date{Y: y, M: nt.val}
				return m.emit(i, i+3, Expr{Date: d, Value: d.String()})
			}
		}
		if nt.ndig == 4 && nt.val > y && nt.val-y < 200 {
			return m.emit(i, i+3, Expr{Date: caldate.Date{Y: y}, EndDate: caldate.Date{Y: nt.val}, Value: strconv.Itoa(y)})
		}
	}
	if y < 1800 || y > 2199 {
		return i
	}
	if i > 0 && m.sc.glued(i-1) && m.sc.toks[i-1].kind == kPunct {
		switch m.sc.text[m.sc.toks[i-1].s:m.sc.toks[i-1].e] {
		case "$", "€", "£", "¥", "#":
			return i
		}
	}
	if m.sc.is(i+1, '%') || (m.sc.is(i+1, ',') && m.sc.glued(i) && i+2 < m.n() && m.sc.toks[i+2].kind == kNum) {
		return i
	}
	d := caldate.Date{Y: y}
	return m.emit(i, i+1, Expr{Date: d, Value: d.String()})
}

// slashDate reads "3/22/2013", "22/3/13" and "2013/03/22" at i. Month and
// day are told apart by a value over 12; when both could be either, the
// month comes first, as in American usage.
func (m *matcher) slashDate(i int) int {
	if i+4 >= m.n() {
		return i
	}
	for x := i; x < i+4; x++ {
		if !m.sc.glued(x) {
			return i
		}
	}
	sep := m.sc.text[m.sc.toks[i+1].s:m.sc.toks[i+1].e]
	if (sep != "/" && sep != ".") || !m.sc.is(i+3, sep[0]) {
		return i
	}
	a, b, c := &m.sc.toks[i], &m.sc.toks[i+2], &m.sc.toks[i+4]
	if a.kind != kNum || b.kind != kNum || c.kind != kNum || b.ndig > 2 {
		return i
	}
	if i+5 < m.n() && m.sc.glued(i+4) && (m.sc.is(i+5, '/') || m.sc.toks[i+5].kind == kNum) {
		return i // a longer code
	}
	var y, mo, d int
	switch {
	case a.ndig == 4 && c.ndig <= 2:
		y, mo, d = a.val, b.val, c.val
	case a.ndig <= 2 && (c.ndig == 4 || (c.ndig == 2 && sep == "/")):
		y = c.val
		if c.ndig == 2 {
			y = m.twoDigitYear(y)
		}
		mo, d = a.val, b.val
		if mo > 12 || (sep == "." && d <= 12) {
			mo, d = d, mo // "22/3/2013"; "22.03.2013" is European
		}
	default:
		return i
	}
	if y < 1800 || y > 2199 || !validDay(y, mo, d) {
		return i
	}
	dt := caldate.YMD(y, mo, d)
	return m.emit(i, i+5, Expr{Date: dt, Value: dt.String()})
}

// decadeExpr is the decade that starts in year first: "1970s" is 1970..1979,
// valued "197".
func decadeExpr(first int) Expr {
	return Expr{Date: caldate.Date{Y: first}, EndDate: caldate.Date{Y: first + 9}, Value: strconv.Itoa(first / 10)}
}

// markReported flags an explicit full date written as "on <date>" next to a
// reporting verb: "the ministry said on March 2, 2016" or "On March 2, 2016,
// the ministry said". Only these count as evidence of when the news happened;
// a date inside another clause ("the accord signed on ...") does not.
func (m *matcher) markReported(i, j int) {
	if m.kw(i-1) != "on" || m.out[len(m.out)-1].Date.Precision() != caldate.Day {
		return
	}
	report := func(x int) bool {
		if x < 0 || x >= m.n() {
			return false
		}
		k, _ := m.cueAt(x, func(c cueKind) bool { return c == cReport })
		return k == cReport
	}
	ok := false
	for x := i - 2; x >= 0 && x >= i-4 && !m.sc.isStop(x, m.lx); x-- {
		if report(x) {
			ok = true
			break
		}
	}
	if !ok && m.sc.is(j, ',') {
		for x := j + 1; x < m.n() && x <= j+4 && !m.sc.isStop(x, m.lx); x++ {
			if report(x) {
				ok = true
				break
			}
		}
	}
	m.meta[len(m.meta)-1].reported = ok
}

// ---- month names ----

// dayMonth reads "24 April [2019]".
func (m *matcher) dayMonth(i int) int {
	d, ok := m.dayNum(i)
	if !ok {
		return i
	}
	mi, e, ok := m.month(i + 1)
	if !ok {
		return i
	}
	y, end := m.optYear(e)
	return m.monthDay(i, end, mi.m, d, y)
}

// monthDay resolves and emits a month and day, with y = 0 when no year is written.
func (m *matcher) monthDay(i, end, mo, d, y int) int {
	var e Expr
	if y != 0 {
		if !validDay(y, mo, d) {
			return i
		}
		e.Date = caldate.YMD(y, mo, d)
	} else {
		var ok bool
		tn := m.tense(i, end)
		if tn == tensePast && m.strongPast(i, end) {
			tn = tenseStrongPast
		}
		if e.Date, ok = m.resolveMonthDay(mo, d, tn); !ok {
			return i
		}
	}
	e.Value = dateValue(e.Date, mo, d)
	j := m.emit(i, end, e)
	if y != 0 {
		m.markReported(i, j)
	}
	return j
}

// monthFirst reads "April 24[, 2019]", "July 2017" or a month alone.
func (m *matcher) monthFirst(i int) int {
	mi, e, ok := m.month(i)
	if !ok {
		return i
	}
	if d, ok := m.dayNum(e); ok {
		y, end := m.optYear(e + 1)
		return m.monthDay(i, end, mi.m, d, y)
	}
	if y, end := m.optYear(e); y != 0 {
		d := caldate.Date{Y: y, M: mi.m}
		return m.emit(i, end, Expr{Date: d, Value: d.String()})
	}
	if mod, ok := m.lx.mods[m.kw(e)]; ok && m.isw(e+1, "year") && !m.dct.IsZero() {
		// "June last year"
		d := caldate.Date{Y: m.dct.Y + mod, M: mi.m}
		return m.emit(i, e+2, Expr{Date: d, Value: d.String()})
	}
	if (mi.ambiguous || mi.abbr) && !m.flag(i-1, fMonthCue) && !m.monthAdjective(i, e) {
		return i
	}
	d, v := m.resolveMonth(mi.m, nil, m.monthTense(mi.m, i, e))
	return m.emit(i, e, Expr{Date: d, Value: v})
}

// ordinalDay reads "the second day of the talks" and "the first day of March"
// at i ("the"). A day of a named month is that date; a day of anything else is
// valued by the last day named, else dct, as a Value only: the text does not
// say which day the talks began.
func (m *matcher) ordinalDay(i int) int {
	n, e, ok := m.ordinal(i + 1)
	if !ok || n < 1 || n > 31 || !m.isw(e, "day") || !m.isw(e+1, "of") {
		return i
	}
	if mi, me, ok := m.month(e + 2); ok {
		y, end := m.optYear(me)
		return m.monthDay(i, end, mi.m, n, y)
	}
	ref := m.lastDate(caldate.Day)
	if ref.Precision() < caldate.Day {
		return i
	}
	return m.emit(i, e+1, Expr{Value: ref.String()})
}

// dayOfMonth reads "on the 25th" (the 25th of dct's month or the nearest
// month the clause's tense allows) and "the 25th of March" at i ("the").
func (m *matcher) dayOfMonth(i int) int {
	d, ok := m.dayNum(i + 1)
	if !ok || m.sc.toks[i+1].kind != kAlnum {
		return i
	}
	end := i + 2
	if m.isw(end, "of") {
		if mi, e, ok := m.month(end + 1); ok {
			y, ye := m.optYear(e)
			return m.monthDay(i, ye, mi.m, d, y)
		}
	}
	if !m.isw(i-1, "on") || (end < m.n() && m.sc.toks[end].kind != kPunct) {
		return i // "the 25th anniversary", "the 3rd floor"
	}
	if m.dct.Precision() < caldate.Month {
		return i
	}
	y, mo := m.dct.Y, m.dct.M
	switch tn := m.tense(i, end); {
	case tn == tenseFuture && m.dct.Precision() == caldate.Day && d < m.dct.D:
		mo++
	case tn == tensePast && m.dct.Precision() == caldate.Day && d > m.dct.D:
		mo--
	}
	ref := addMonths(caldate.Date{Y: y, M: 1}, mo-1)
	if !validDay(ref.Y, ref.M, d) {
		return i
	}
	e := Expr{Date: caldate.YMD(ref.Y, ref.M, d)}
	e.Value = e.Date.String()
	return m.emit(i, end, e)
}

// monthAdjective reports whether the month name at [i, e) modifies a noun
// after "the" ("the March accession", "the May elections"), where an
// ambiguous name is a month all the same.
func (m *matcher) monthAdjective(i, e int) bool {
	if !m.isw(i-1, "the") || e >= m.n() {
		return false
	}
	tk := &m.sc.toks[e]
	// a noun is lower-case and not one of the short function words
	// ("the March on Washington")
	return tk.kind == kWord && !tk.upper && tk.e-tk.s >= 4 && m.lx.words[m.kw(e)] == 0
}

// monthPart reads "early November", "mid-2019", "late March 2018".
func (m *matcher) monthPart(i int) int {
	j := i + 1
	if m.sc.isDash(j) {
		j++
	}
	if mi, e, ok := m.month(j); ok {
		if _, ok := m.dayNum(e); ok {
			return i
		}
		if y, end := m.optYear(e); y != 0 {
			d := caldate.Date{Y: y, M: mi.m}
			return m.emit(i, end, Expr{Date: d, Value: d.String()})
		}
		d, v := m.resolveMonth(mi.m, nil, m.monthTense(mi.m, i, e))
		return m.emit(i, e, Expr{Date: d, Value: v})
	}
	if y, ok := m.year4(j); ok && y >= 1800 && y <= 2199 {
		d := caldate.Date{Y: y}
		return m.emit(i, j+1, Expr{Date: d, Value: d.String()})
	}
	return i
}

// ---- weekdays ----

func (m *matcher) weekday(i int) int {
	wd, ok := m.weekdayAt(i)
	if !ok {
		return i
	}
	// "Saturday, April 25" and "Friday Oct. 13": the date names the day
	j := i + 1
	if m.sc.is(j, ',') {
		j++
	}
	if n := len(m.out); j < m.n() {
		k := m.monthFirst(j)
		if k == j {
			k = m.dayMonth(j)
		}
		if k > j && len(m.out) == n+1 && m.out[n].Date.Precision() == caldate.Day {
			x := &m.out[n]
			x.Start = m.sc.toks[i].s
			x.Text = m.sc.text[x.Start:x.End]
			return k
		}
		m.out, m.meta = m.out[:n], m.meta[:n]
	}
	end := m.dayPart(i + 1)
	d, v := m.resolveWeekday(wd, nil, m.tense(i, end))
	return m.emit(i, end, Expr{Date: d, Value: v})
}

// ---- durations ----

// duration reads "three-day", "a week-long", "two days" with the count at i;
// start < i when a duration opener ("for") precedes, which lets an article count.
func (m *matcher) duration(i, start int) int {
	n, e, ok := m.count(i, true)
	if ok && e == i+1 && m.lx.articles[m.kw(i)] != 0 && (m.isw(e, "half") || m.isw(e, "quarter")) {
		// "a half century", "a quarter-century", "a half-hour"
		j := e + 1
		if m.sc.isDash(j) && m.sc.glued(e) {
			j++
		}
		if u, ok := m.unit(j); ok && !bytes.HasSuffix(m.sc.key(j), []byte("s")) {
			v, ok := halfValue(0, u)
			if m.isw(e, "quarter") {
				v, ok = quarterValue(u)
			}
			if ok {
				return m.emit(i, j+1, Expr{Type: DurationType, Value: v})
			}
		}
	}
	if !ok && m.isw(i, "half") && start == i {
		// "half a century", "half an hour"
		if m.lx.articles[m.kw(i+1)] != 0 {
			if u, ok := m.unit(i + 2); ok {
				if v, ok := halfValue(0, u); ok {
					return m.emit(i, i+3, Expr{Type: DurationType, Value: v})
				}
			}
		}
	}
	if !ok {
		// "decades-long", "a day-long": a unit with "-long" and no count
		if u, ok := m.unit(i); ok && start == i && m.sc.toks[i].kind == kWord && m.sc.isDash(i+1) && m.sc.glued(i) && m.flag(i+2, fLong) && m.isw(i+2, "long") && u.code != "QTR" && u.code != "TS" {
			k := m.sc.key(i)
			c := 1
			if k[len(k)-1] == 's' {
				c = 0
			}
			return m.emit(i, i+3, Expr{Type: DurationType, Value: durationValue(c, u)})
		}
		return start
	}
	// article: the count is a bare "a" or "an" ("a few" is a count of its own)
	article := e == i+1 && m.sc.toks[i].kind == kWord && m.lx.articles[m.kw(i)] != 0
	if !article && (m.isw(e, "to") || m.isw(e, "or") || m.sc.isDash(e)) {
		// a range, "two to three weeks", "12-18 months", is one expression
		// valued by its lower end
		if n2, e2, ok := m.count(e+1, false); ok && n2 > n {
			if _, ok := m.unit(e2); ok {
				e = e2
			}
		}
	}
	hyph, half := false, false
	if m.isHalf(e) && !article {
		e, half = e+3, true // "2 1/2 years"
	} else if !article && m.andAHalf(e) {
		e, half = e+3, true // "two and a half years"
	}
	if m.sc.isDash(e) && m.sc.glued(e-1) {
		e, hyph = e+1, true
	} else if m.isw(e, "of") && !article && m.sc.toks[e-1].kind == kWord {
		e++ // "a couple of years"
	} else if m.flag(e, fDurMore) {
		e++ // "two more weeks", "an additional year"
	}
	u, ok := m.unit(e)
	if !ok {
		return start
	}
	if article && e == i+1 && bytes.HasSuffix(m.sc.key(e), []byte("s")) {
		return start // "a decades-long feud": the article goes with the noun
	}
	end := e + 1
	if half {
		v, ok := halfValue(n, u)
		if !ok {
			return start
		}
		return m.emit(i, end, Expr{Type: DurationType, Value: v})
	}
	if u.code == "TS" && article && !hyph && end < m.n() && m.sc.toks[end].kind == kWord {
		return start // "a second day", "for a second time": an ordinal
	}
	if u.code == "QTR" && (hyph || m.kw(end) == "of") {
		return start // "three-quarters of" is a share, not a duration
	}
	long := false
	if m.sc.isDash(end) && m.flag(end+1, fLong) {
		end, long = end+2, true
	} else if m.flag(end, fLong) && hyph {
		end, long = end+1, true
	}
	if article && start == i && !long {
		// "a week" alone is a duration, but not a rate after an amount
		// ("$5 million a year", "interviews a day"), "a second" or "a quarter"
		if u.code == "QTR" || u.code == "TS" || e != i+1 || m.sc.isDash(end) {
			return start
		}
		if i > 0 && (m.flag(i-1, fRateAmount) || m.sc.toks[i-1].kind == kNum || m.pluralNoun(i-1)) {
			return start // TimeML annotators mostly leave rates untagged
		}
	}
	if m.sc.toks[i].kind == kNum && m.sc.toks[i].ndig == 4 && !hyph {
		return start // "2019 years" is not a duration we trust
	}
	if !long && u.code == "Y" && m.isw(end, "old") {
		return start // "52 years old" is an age, which TimeML leaves untagged
	}
	if !hyph && !long && m.andAHalf(end) {
		// "a year and a half"
		if v, ok := halfValue(n, u); ok {
			return m.emit(i, end+3, Expr{Type: DurationType, Value: v})
		}
	}
	return m.emit(i, end, Expr{Type: DurationType, Value: durationValue(n, u)})
}

// pluralNoun reports whether token i is a lower-case word that looks like a
// plural noun ("interviews", "CDs"), as before a rate ("... a day").
func (m *matcher) pluralNoun(i int) bool {
	if i < 0 || i >= m.n() || m.sc.toks[i].kind != kWord {
		return false
	}
	k := m.sc.key(i)
	return len(k) > 3 && k[len(k)-1] == 's' && k[len(k)-2] != 's' && m.lx.words[string(k)] == 0
}

// andAHalf reports whether "and a half" is written at token i.
func (m *matcher) andAHalf(i int) bool {
	return m.isw(i, "and") && m.lx.articles[m.kw(i+1)] != 0 && m.isw(i+2, "half")
}

// isHalf reports whether "1/2" is written at token i.
func (m *matcher) isHalf(i int) bool {
	if i+2 >= m.n() || !m.sc.is(i+1, '/') || !m.sc.glued(i) || !m.sc.glued(i+1) {
		return false
	}
	a, b := &m.sc.toks[i], &m.sc.toks[i+2]
	return a.kind == kNum && a.val == 1 && b.kind == kNum && b.val == 2
}

// halfValue is n and a half units, written in the next smaller unit:
// "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M.
// n may be 0: "half a century" P50Y, "half an hour" PT30M.
func halfValue(n int, u unitInfo) (string, bool) {
	n *= u.mult
	num := strconv.Itoa(n)
	switch u.code {
	case "Y":
		switch {
		case u.mult > 1:
			return "P" + strconv.Itoa(n+u.mult/2) + "Y", true
		case n == 0:
			return "P6M", true
		}
		return "P" + num + "Y6M", true
	case "D":
		if n == 0 {
			return "PT12H", true
		}
		return "P" + num + "DT12H", true
	case "TH":
		if n == 0 {
			return "PT30M", true
		}
		return "PT" + num + "H30M", true
	case "TM":
		if n == 0 {
			return "PT30S", true
		}
		return "PT" + num + "M30S", true
	case "W":
		return "P" + strconv.Itoa(n*7+3) + "DT12H", true
	}
	return "", false
}

// quarterValue is a quarter of one unit: "a quarter century" P25Y.
func quarterValue(u unitInfo) (string, bool) {
	switch {
	case u.code == "Y" && u.mult == 100:
		return "P25Y", true
	case u.code == "Y" && u.mult == 1:
		return "P3M", true
	case u.code == "TH":
		return "PT15M", true
	}
	return "", false
}

// bareUnits reads "years", "weeks or months" after a duration opener at i:
// a vague duration "PXY".
func (m *matcher) bareUnits(i int) int {
	if m.isw(i+1, "the") && m.flag(i+3, fPeriodLink) {
		// "in the weeks before the vote", "in the years that followed";
		// TimeML leaves "the" out
		if u, ok := m.unit(i + 2); ok && u.code != "QTR" && u.code != "TS" && bytes.HasSuffix(m.sc.key(i+2), []byte("s")) {
			return m.emit(i+2, i+3, Expr{Type: DurationType, Value: durationValue(0, u)})
		}
	}
	u, ok := m.unit(i + 1)
	if !ok || m.sc.toks[i+1].kind != kWord {
		return i
	}
	k := m.sc.key(i + 1)
	if k[len(k)-1] != 's' || u.code == "QTR" || u.code == "TS" || m.flag(i+2, fAgo) || m.lx.shifts[m.kw(i+2)] != 0 {
		return i
	}
	end := i + 2
	if m.isw(end, "or") || m.isw(end, "and") {
		if u2, ok := m.unit(end + 1); ok && u2.code != "QTR" {
			end += 2
		}
	}
	return m.emit(i+1, end, Expr{Type: DurationType, Value: durationValue(0, u)})
}
