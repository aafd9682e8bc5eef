package timex

import (
	"bytes"
	"strconv"

	"parley/caldate"
)

// Rules for the TIMEX3 kinds that dated news events rarely need but TimeML
// annotates: clock times, quarters, seasons, sets, decades, weekends, and the
// words that lead into an expression ("nearly", "the end of"). None of them
// gives an Expr a Date unless it names a day, so the event coder, which
// dates events by Date, sees what it saw before.

// lead matches a lead phrase at i whose expression follows; the expression
// keeps its value and grows to include the phrase.
func (m *matcher) lead(i int, k string) int {
	if m.inLead {
		return i // one lead phrase per expression: not "over the past three years"
	}
	m.inLead = true
	defer func() { m.inLead, m.leadLo, m.leadHi = false, 0, 0 }()
	for _, l := range m.lx.leads[k] {
		e, ok := m.words(i, l.words)
		if !ok || e >= m.n() {
			continue
		}
		if len(l.words) == 1 && m.isw(e, "the") && len(l.types) == 1 && l.types[0] == DurationType {
			continue // "over the next decade": a preposition, not "more than"
		}
		if len(l.types) == 1 && l.types[0] == DurationType {
			// cheap test first: a duration starts with a count or a set phrase
			if _, _, ok := m.count(e, true); !ok && len(m.lx.phrases[string(m.kb(e))]) == 0 {
				continue
			}
		}
		n := len(m.out)
		m.leadLo, m.leadHi = i, e
		j := m.at(e)
		if j == e || len(m.out) == n || m.out[n].Start != m.sc.toks[e].s {
			m.out, m.meta = m.out[:n], m.meta[:n]
			continue
		}
		x := &m.out[n]
		if k := m.sc.key(j - 1); len(k) > 2 && bytes.HasSuffix(k, []byte("s")) && len(m.sc.base(j-1)) < len(k) {
			// "around Wednesday's ruling": the word is a preposition
			m.out, m.meta = m.out[:n], m.meta[:n]
			continue
		}
		allowed := false
		for _, t := range l.types {
			if t == x.Type {
				allowed = true
			}
		}
		if allowed && l.half != "" {
			_, err := strconv.Atoi(x.Value)
			allowed = len(x.Value) == 4 && err == nil && x.Date.Precision() <= caldate.Year
			x.Value += "-" + l.half
		}
		if !allowed {
			m.out, m.meta = m.out[:n], m.meta[:n]
			continue
		}
		x.Start = m.sc.toks[i].s
		x.Text = m.sc.text[x.Start:x.End]
		return j
	}
	return i
}

// words reports whether the phrase ws is at i, and where it ends.
func (m *matcher) words(i int, ws []string) (int, bool) {
	if i+len(ws) > m.n() {
		return i, false
	}
	for x, w := range ws {
		if !m.isw(i+x, w) {
			return i, false
		}
	}
	return i + len(ws), true
}

// ---- clock times ----

// clock reads "3:30 p.m.", "10 a.m. EST", "noon", "midnight Friday",
// "7:15 p.m. Wednesday" at i.
func (m *matcher) clock(i int) int {
	var hh, mm int
	end := i
	hasMin := false
	tk := &m.sc.toks[i]
	hm, word := m.lx.clocks[string(m.kb(i))]
	switch {
	case word && tk.kind == kWord:
		h, mi, _ := parseHM(hm)
		hh, mm, hasMin, end = h, mi, mi >= 0, i+1
	case tk.kind == kNum && tk.ndig == 4 && tk.val%100 < 60 && tk.val/100 < 24 && m.flag(i+1, fZone):
		// "0735 GMT": a 24-hour time with its zone
		hh, mm, hasMin, end = tk.val/100, tk.val%100, true, i+1
	case tk.ndig == 0 || tk.ndig > 2 || tk.val > 24:
		return i
	case tk.kind == kAlnum:
		// "3pm"
		off, ok := m.suffixMeridiem(i)
		if !ok || tk.val < 1 || tk.val > 12 {
			return i
		}
		hh, mm, end = tk.val%12+off, -1, i+1
	default:
		hh, mm, end = tk.val, -1, i+1
		sep := m.sc.is(end, ':')
		if (sep || m.sc.is(end, '.')) && m.sc.glued(end-1) && m.sc.glued(end) && end+1 < m.n() && m.sc.toks[end+1].ndig == 2 && m.sc.toks[end+1].kind != kPunct {
			nt := &m.sc.toks[end+1]
			mm, hasMin = nt.val, true
			if mm > 59 {
				return i
			}
			if nt.kind == kAlnum {
				// "2.30pm", "14:30GMT" is not read
				off, ok := m.suffixMeridiem(end + 1)
				if !ok || hh < 1 || hh > 12 {
					return i
				}
				hh, end = hh%12+off, end+2
				break
			}
			end += 2
		}
		off, e, ok := m.meridiem(end)
		switch {
		case ok && hh >= 1 && hh <= 12:
			hh, end = hh%12+off, e
		case !ok && sep && hasMin && hh < 24 && !m.sc.is(end, ':'):
			// "15:00": a 24-hour time; "2.30" alone is a number
		default:
			return i
		}
	}
	if m.flag(end, fZone) {
		end++
	}
	// a day after the clock time: "10 p.m. Wednesday", "5 p.m. EST, Nov. 6"
	day := m.dct
	if !day.IsZero() && day.Precision() < caldate.Day {
		day = caldate.Date{}
	}
	j := end
	if m.sc.is(j, ',') {
		j++
	}
	n := len(m.out)
	after := false
	if k := m.at(j); k > j && len(m.out) == n+1 && m.out[n].Date.Precision() == caldate.Day {
		day, end, after = m.out[n].Date, k, true
	} else if m.isw(j, "on") {
		// "5 p.m. on Friday": the clock takes the day, which stays an
		// expression of its own (tagged again when the scan reaches it)
		m.out, m.meta = m.out[:n], m.meta[:n]
		if k := m.at(j + 1); k > j+1 && len(m.out) == n+1 && m.out[n].Date.Precision() == caldate.Day {
			day, after = m.out[n].Date, true
		}
	}
	m.out, m.meta = m.out[:n], m.meta[:n]
	if !after && n > 0 && i >= 2 && m.out[n-1].Date.Precision() == caldate.Day && m.out[n-1].End == m.sc.toks[i-2].e && (m.isw(i-1, "at") || m.sc.is(i-1, ',')) {
		// "on March 5 at 5 p.m.": the day just named
		day = m.out[n-1].Date
	}
	v := "XXXX-XX-XX"
	if !day.IsZero() {
		v = day.String()
	}
	v += "T" + pad2(hh)
	if hasMin {
		v += ":" + pad2(mm)
	} else if mm < 0 {
		v += ":00"
	}
	e := Expr{Type: TimeType, Value: v}
	if end > i+1 || m.sc.toks[i].kind == kNum {
		e.Date = day
	}
	return m.emit(i, end, e)
}

// suffixMeridiem reads the letters after the digits of token i as "am" or
// "pm" ("3pm", "30pm"): the hours to add.
func (m *matcher) suffixMeridiem(i int) (int, bool) {
	tk := &m.sc.toks[i]
	off, ok := m.lx.meridiems[string(m.sc.low[tk.s+tk.ndig:tk.e])]
	return off, ok
}

// meridiem reads "a.m.", "p.m", "am", "PM" at i: the hours to add and the end.
func (m *matcher) meridiem(i int) (int, int, bool) {
	if i >= m.n() || m.sc.toks[i].kind != kWord {
		return 0, i, false
	}
	k := m.kw(i)
	// a phrase: "4 in the morning", "11 at night"
	for _, p := range m.lx.meridiemPhrases {
		if e, ok := m.words(i, p.words); ok {
			return p.off, e, true
		}
	}
	if off, ok := m.lx.meridiems[k]; ok {
		e := i + 1
		if m.sc.is(e, '.') && m.sc.glued(i) && m.dotBelongs(e) {
			e++
		}
		return off, e, true
	}
	// "a.m." is a, ., m, .
	if len(k) == 1 && m.sc.is(i+1, '.') && m.sc.glued(i) && i+2 < m.n() && m.sc.glued(i+1) && m.sc.toks[i+2].kind == kWord {
		if off, ok := m.lx.meridiems[k+m.kw(i+2)]; ok {
			e := i + 3
			if m.sc.is(e, '.') && m.sc.glued(i+2) && m.dotBelongs(e) {
				e++
			}
			return off, e, true
		}
	}
	return 0, i, false
}

// dotBelongs reports whether the dot at i closes an abbreviation rather than
// the sentence: "at 3 p.m. Friday" keeps it, "at 3 p.m. The talks" does not.
func (m *matcher) dotBelongs(i int) bool {
	if i+1 >= m.n() {
		return false
	}
	nt := &m.sc.toks[i+1]
	if nt.kind != kWord || !nt.upper {
		return true
	}
	_, wd := m.weekdayAt(i + 1)
	_, _, mo := m.month(i + 1)
	return wd || mo || m.flag(i+1, fZone)
}

func parseHM(s string) (int, int, bool) {
	h, mm := s, ""
	for x := 0; x < len(s); x++ {
		if s[x] == ':' {
			h, mm = s[:x], s[x+1:]
		}
	}
	hh, err := strconv.Atoi(h)
	if err != nil {
		return 0, -1, false
	}
	if mm == "" {
		return hh, -1, true
	}
	mi, err := strconv.Atoi(mm)
	if err != nil {
		return hh, -1, false
	}
	return hh, mi, true
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// ---- quarters ----

// quarter reads "[the] [1988] [fiscal] third[-]quarter [of] [1989]" with the
// optional words starting at i and the ordinal somewhere after.
func (m *matcher) quarter(i int) int {
	j := i
	if m.isw(j, "the") {
		j++
	}
	y, fixed := 0, false
	if yy, ok := m.year4(j); ok {
		y, fixed, j = yy, true, j+1
	} else if mod, ok := m.lx.mods[m.kw(j)]; ok && m.isw(j+1, "year") && len(m.sc.key(j+1)) > 4 && !m.dct.IsZero() {
		// "this year's third quarter", "last year's quarter"
		y, fixed, j = m.dct.Y+mod, true, j+2
	}
	if m.flag(j, fFiscal) {
		j++
	}
	n, e, ok := m.ordinal(j)
	if !ok && fixed && (m.isw(j, "quarter") || m.isw(j, "period")) && j > i+1 {
		// "the 1988 quarter", "last year's period": the quarter last named
		// (or the last full one) in that year
		q := 0
		if _, lq, ok := m.lastQuarter(); ok {
			q = lq
		} else if m.dct.Precision() >= caldate.Month {
			q = ((m.dct.M+2)/3+2)%4 + 1
		}
		if q == 0 {
			return i
		}
		return m.emit(i, j+1, Expr{Value: strconv.Itoa(y) + "-Q" + strconv.Itoa(q)})
	}
	if !ok || n < 1 || n > 4 {
		return i
	}
	if m.sc.isDash(e) && m.sc.glued(e-1) {
		e++
	}
	u, ok := m.unit(e)
	if !ok || u.code != "QTR" || !m.isw(e, "quarter") {
		return i
	}
	end := e + 1
	if !fixed {
		if yy, e2 := m.optYear(end); yy != 0 {
			y, fixed, end = yy, true, e2
		} else if m.isw(end, "of") {
			if yy, ok := m.year4(end + 1); ok {
				y, fixed, end = yy, true, end+2
			}
		}
	}
	if !fixed {
		if m.dct.IsZero() {
			return m.emit(i, end, Expr{Value: "XXXX-Q" + strconv.Itoa(n)})
		}
		y = m.dct.Y
		// a quarter still to come this year is last year's when reported
		if m.dct.Precision() >= caldate.Month && n > (m.dct.M+2)/3 && m.tense(i, end) != tenseFuture {
			y--
		}
	}
	j = m.emit(i, end, Expr{Value: strconv.Itoa(y) + "-Q" + strconv.Itoa(n)})
	m.meta[len(m.meta)-1].quarter = true
	return j
}

// periodCode reads the business shorthand "Q3", "Q3 2019", "H1 2019" at i:
// a quarter or a half, of the year written after it or else of the year that
// makes it the latest one begun (or, in a future clause, the coming one).
func (m *matcher) periodCode(i int) int {
	tk := &m.sc.toks[i]
	if tk.e-tk.s != 1 || !tk.upper || !m.sc.glued(i) || i+1 >= m.n() {
		return i
	}
	nt := &m.sc.toks[i+1]
	code, per := m.sc.text[tk.s], 3
	switch {
	case nt.kind != kNum || nt.ndig != 1 || nt.val < 1:
		return i
	case code == 'Q' && nt.val <= 4:
	case code == 'H' && nt.val <= 2:
		per = 6
	default:
		return i
	}
	end := i + 2
	y, e := m.optYear(end)
	if y != 0 {
		end = e
	} else {
		if m.dct.IsZero() {
			return i
		}
		y = m.dct.Y
		if m.dct.Precision() >= caldate.Month && nt.val > (m.dct.M+per-1)/per && m.tense(i, end) != tenseFuture {
			y--
		}
	}
	j := m.emit(i, end, Expr{Value: strconv.Itoa(y) + "-" + string(code) + strconv.Itoa(nt.val)})
	m.meta[len(m.meta)-1].quarter = code == 'Q'
	return j
}

// lastQuarter is the quarter named last in the text so far.
func (m *matcher) lastQuarter() (y, q int, ok bool) {
	for x := len(m.out) - 1; x >= 0; x-- {
		v := m.out[x].Value
		if m.meta[x].quarter && len(v) == 7 && v[4] == '-' && v[5] == 'Q' && v[6] >= '1' && v[6] <= '4' {
			y, _ = strconv.Atoi(v[:4])
			return y, int(v[6] - '0'), y > 0
		}
	}
	return 0, 0, false
}

// quarterRef resolves "the quarter" (shift 0) or "the year-ago quarter"
// (shift -4) against the last quarter named, else the last full quarter
// before dct.
func (m *matcher) quarterRef(shift int) Expr {
	y, q, ok := m.lastQuarter()
	if !ok {
		if m.dct.Precision() < caldate.Month {
			if shift <= -4 && !m.dct.IsZero() {
				return Expr{Value: strconv.Itoa(m.dct.Y - 1)}
			}
			return Expr{Value: "PAST_REF"}
		}
		y, q = m.dct.Y, (m.dct.M+2)/3-1
		if q == 0 {
			y, q = y-1, 4
		}
	}
	t := y*4 + q - 1 + shift
	return Expr{Value: strconv.Itoa(t/4) + "-Q" + strconv.Itoa(t%4+1)}
}

// ---- seasons ----

// season reads "[the|this|last|next] summer [of] [1990]" with the season word at s.
func (m *matcher) season(i, s int) int {
	code, ok := m.lx.seasons[string(m.kb(s))]
	if !ok || m.sc.toks[s].kind != kWord {
		return i
	}
	end := s + 1
	if m.sc.toks[s].upper && end < m.n() && m.sc.toks[end].kind == kWord && m.sc.toks[end].upper {
		return i // a name: "Spring Festival", "Summer Olympics"
	}
	y := 0
	if yy, e := m.optYear(end); yy != 0 {
		y, end = yy, e
	} else if m.isw(end, "of") {
		if yy, ok := m.year4(end + 1); ok {
			y, end = yy, end+2
		} else if yy, e, ok := m.spelledYear(end+1, false); ok {
			y, end = yy, e
		}
	}
	if y == 0 && s == i && !m.flag(i-1, fMonthCue) {
		return i // a bare "fall" or "spring" is a verb more often than not
	}
	if y == 0 && s > i && m.isw(s-1, "that") {
		// "that summer" is the summer of the year last named. "spring" and
		// "fall" after "that" are mostly verbs ("prices that fall"), so they
		// count only where the phrase ends.
		if (code == "SP" || code == "FA") && end < m.n() && m.sc.toks[end].kind == kWord {
			return i
		}
		y = m.lastDate(caldate.Year).Y // 0 only when dct is unknown too
	}
	if y == 0 {
		if m.dct.IsZero() {
			return m.emit(i, end, Expr{Value: "XXXX-" + code})
		}
		y = m.dct.Y
		start := seasonStart(code)
		if s > i {
			if mod, ok := m.lx.mods[string(m.kb(s-1))]; ok {
				switch {
				case mod < 0 && (m.dct.Precision() < caldate.Month || start >= m.dct.M):
					y--
				case mod > 0 && m.dct.Precision() >= caldate.Month && start <= m.dct.M:
					y++
				}
			}
		}
	}
	return m.emit(i, end, Expr{Value: strconv.Itoa(y) + "-" + code})
}

func seasonStart(code string) int {
	switch code {
	case "SP":
		return 3
	case "SU":
		return 6
	case "FA":
		return 9
	}
	return 12
}

// ---- sets ----

// every reads "every week", "each Thursday", "every two years", "each July".
func (m *matcher) every(i int) int {
	j := i + 1
	if wd, ok := m.weekdayAt(j); ok {
		end := j + 1
		v := "XXXX-WXX-" + strconv.Itoa(wd)
		if code, ok := m.lx.dayParts[string(m.kb(end))]; ok {
			v += "T" + code
			end++
		}
		return m.emit(i, end, Expr{Type: SetType, Value: v})
	}
	if mi, e, ok := m.month(j); ok {
		return m.emit(i, e, Expr{Type: SetType, Value: unknownValue(mi.m, 0)})
	}
	if code, ok := m.lx.seasons[string(m.kb(j))]; ok {
		// "every summer"
		return m.emit(i, j+1, Expr{Type: SetType, Value: "XXXX-" + code})
	}
	if m.isw(j, "weekend") {
		return m.emit(i, j+1, Expr{Type: SetType, Value: "XXXX-WXX-WE"})
	}
	if code, ok := m.lx.dayParts[string(m.kb(j))]; ok {
		// "every morning"
		return m.emit(i, j+1, Expr{Type: SetType, Value: "XXXX-XX-XXT" + code})
	}
	n := 1
	if c, e, ok := m.count(j, false); ok && c > 0 {
		n, j = c, e
	} else if c, ok := m.lx.everyN[m.kw(j)]; ok {
		n, j = c, j+1 // "every other day"
	}
	u, ok := m.unit(j)
	if !ok {
		return i
	}
	return m.emit(i, j+1, Expr{Type: SetType, Value: durationValue(n, u)})
}

// weekdays reads a plural weekday ("Mondays") as a SET.
func (m *matcher) weekdays(i int) int {
	tk := &m.sc.toks[i]
	if tk.kind != kWord || !tk.upper {
		return i
	}
	k := m.sc.key(i)
	if len(k) < 4 || k[len(k)-1] != 's' {
		return i
	}
	wd, ok := m.lx.weekdays[string(k[:len(k)-1])]
	if !ok {
		return i
	}
	return m.emit(i, i+1, Expr{Type: SetType, Value: "XXXX-WXX-" + strconv.Itoa(wd)})
}

// weekdayPlural reads "Tuesday nights" with the weekday at i.
func (m *matcher) weekdayPlural(i int) int {
	wd, ok := m.weekdayAt(i)
	if !ok || i+1 >= m.n() {
		return i
	}
	k := m.kw(i + 1)
	if len(k) < 2 || k[len(k)-1] != 's' {
		return i
	}
	code, ok := m.lx.dayParts[k[:len(k)-1]]
	if !ok {
		return i
	}
	return m.emit(i, i+2, Expr{Type: SetType, Value: "XXXX-WXX-" + strconv.Itoa(wd) + "T" + code})
}

// freq reads "twice a week", "three times a year", "once per month" at i:
// a SET of the unit (TimeML keeps the count in an attribute we leave out).
func (m *matcher) freq(i int) int {
	j := i + 1
	if n, ok := m.lx.freqs[m.kw(i)]; !ok || n == 0 {
		// a count and "times"
		_, e, ok := m.count(i, false)
		if !ok {
			return i
		}
		if n, ok := m.lx.freqs[m.kw(e)]; !ok || n != 0 {
			return i
		}
		j = e + 1
	}
	if !m.flag(j, fPer) {
		return i
	}
	u, ok := m.unit(j + 1)
	if !ok || u.code == "QTR" {
		return i
	}
	return m.emit(i, j+2, Expr{Type: SetType, Value: durationValue(1, u)})
}

// ---- decades ----

// decade reads "the nineties", "the '80s" starting at i. "1990s" is the
// numeric rule's; TagTimeML widens it over "the late".
func (m *matcher) decade(i int) int {
	j := i
	if m.isw(j, "the") {
		j++
	}
	if m.flag(j, fDecMod) {
		j++
		if m.sc.isDash(j) {
			j++
		}
	}
	if j >= m.n() {
		return i
	}
	if k := m.century(i, j); k > i {
		return k
	}
	if k := m.shortYear(i, j); k > i {
		return k
	}
	tk := &m.sc.toks[j]
	switch {
	case tk.kind == kWord && j > i:
		d, ok := m.lx.decades[string(m.kb(j))]
		if !ok {
			return i
		}
		c := 19
		if !m.dct.IsZero() {
			c = m.dct.Y / 100
			if d > m.dct.Y%100/10 {
				c--
			}
		}
		return m.emit(i, j+1, Expr{Value: strconv.Itoa(c*10 + d)})
	}
	return i
}

// shortYear reads "'08" and "'90s" with the apostrophe at j (the
// expression starting at i): the year or decade nearest before dct, or
// within a few years after it.
func (m *matcher) shortYear(i, j int) int {
	if j+1 >= m.n() || m.sc.toks[j].kind != kPunct || m.sc.apostrophe(m.sc.toks[j].s) != m.sc.toks[j].e-m.sc.toks[j].s || !m.sc.glued(j) {
		return i
	}
	if j > 0 && m.sc.glued(j-1) && (m.sc.toks[j-1].kind != kPunct || m.sc.apostrophe(m.sc.toks[j-1].s) > 0 || m.sc.is(j-1, '`')) {
		return i // inside a word or a number, or a quote written ''60
	}
	tk := &m.sc.toks[j+1]
	if tk.ndig != 2 || (m.sc.glued(j+1) && j+2 < m.n() && !m.sc.isStop(j+2, m.lx) && !m.sc.is(j+2, ',') && !m.sc.is(j+2, ')')) {
		return i
	}
	switch {
	case tk.kind == kNum:
		y := m.twoDigitYear(tk.val)
		return m.emit(i, j+2, Expr{Date: caldate.Date{Y: y}, Value: strconv.Itoa(y)})
	case tk.e-tk.s == 3 && m.sc.low[tk.e-1] == 's' && tk.val%10 == 0:
		return m.emit(i, j+2, decadeExpr(m.centuryOf(tk.val, 0)*100+tk.val))
	}
	return i
}

// twoDigitYear is the full year of "'08" or "3/5/13": the one nearest before
// dct or up to five years after it.
func (m *matcher) twoDigitYear(yy int) int {
	return m.centuryOf(yy, 5)*100 + yy
}

// centuryOf is the century (20 for 20xx) of the two-digit year yy: dct's
// unless yy lies more than ahead years after dct; without a dct, years over
// 30 are read as 19xx.
func (m *matcher) centuryOf(yy, ahead int) int {
	if m.dct.IsZero() {
		if yy > 30 {
			return 19
		}
		return 20
	}
	c := m.dct.Y / 100
	if yy > m.dct.Y%100+ahead {
		c--
	}
	return c
}

// century reads "20th century", "the twentieth century", "the early 21st
// century" with the ordinal at j (the expression starting at i): TimeML
// values a century by its first two digits ("19").
func (m *matcher) century(i, j int) int {
	n, e, ok := m.ordinal(j)
	if !ok || n < 1 || n > 30 {
		return i
	}
	if m.sc.isDash(e) {
		e++
	}
	if !m.isw(e, "century") {
		return i
	}
	return m.emit(i, e+1, Expr{Value: pad2(n - 1)})
}

// ---- the weekend ----

// weekend resolves "the weekend" (n = 0) to the weekend of dct's week, or of
// the week before when dct is early in the week and the clause is not about
// the future. "last weekend" (n < 0) counts back from dct's week; "next
// weekend" (n > 0) counts forward from the first weekend not yet begun.
func (m *matcher) weekend(i, end, n int) Expr {
	if m.dct.Precision() < caldate.Day {
		if m.dct.IsZero() {
			return Expr{Value: "XXXX-WXX-WE"}
		}
		return Expr{Value: m.dct.String()}
	}
	mon := monday(m.dct)
	switch {
	case n < 0:
		mon = mon.AddDays(7 * n)
	case n > 0:
		if isoWeekday(m.dct) <= 5 {
			n--
		}
		mon = mon.AddDays(7 * n)
	case isoWeekday(m.dct) <= 3 && m.tense(i, end) != tenseFuture:
		mon = mon.AddDays(-7)
	}
	return Expr{Value: weekValue(mon) + "-WE"}
}

// shifted resolves "a year earlier", "two days later" (n signed, in units u)
// against the last date named in the text, else dct. It names the time only
// through Value: the anchor is a guess, so Date stays zero.
func (m *matcher) shifted(i, end, n int, u unitInfo) int {
	if n == 0 {
		v := "PAST_REF"
		if m.lx.shifts[string(m.kb(end-1))] > 0 {
			v = "FUTURE_REF"
		}
		return m.emit(i, end, Expr{Value: v})
	}
	ref := m.lastDate(caldate.Year)
	var v string
	switch u.code {
	case "Y":
		// "a year earlier" after a quarter is that quarter a year before
		if y, q, ok := m.lastQuarter(); ok && (n == 1 || n == -1) {
			v = strconv.Itoa(y+n) + "-Q" + strconv.Itoa(q)
		} else if !ref.IsZero() {
			v = strconv.Itoa(ref.Y + n)
		}
	case "QTR":
		v = m.quarterRef(n).Value
	case "M":
		if ref.Precision() >= caldate.Month {
			v = addMonths(ref, n).String()
		}
	case "W":
		if ref.Precision() == caldate.Day {
			v = weekValue(ref.AddDays(7 * n))
		}
	case "D":
		if ref.Precision() == caldate.Day {
			v = ref.AddDays(n).String()
		}
	}
	if v == "" {
		v = refBySign(n)
	}
	return m.emit(i, end, Expr{Value: v})
}

// kb is the lower-case token i without a possessive, or nil out of range.
func (m *matcher) kb(i int) []byte {
	if i < 0 || i >= m.n() {
		return nil
	}
	return m.sc.base(i)
}

// isw reports whether token i is the word w, without allocating.
func (m *matcher) isw(i int, w string) bool { return string(m.kb(i)) == w }

// valuePhrase resolves the phrases that TimeML values but that give no Date:
// "the year" (dct's year, or a one-year period before "ended"), "that year"
// (the last year named) and "the week" (dct's week, or "the week of
// March 6"). ok is false when the phrase is part of something longer
// ("the year-earlier ...").
func (m *matcher) valuePhrase(p phrase, i, end int) (Expr, int, bool) {
	if m.sc.isDash(end) && m.sc.glued(end-1) {
		return Expr{}, end, false
	}
	switch p.kind {
	case pYearV:
		if y, ok := m.year4(end); ok {
			return Expr{Date: caldate.Date{Y: y}, Value: strconv.Itoa(y)}, end + 1, true
		}
		if y, e, ok := m.spelledYear(end, false); ok {
			return Expr{Date: caldate.Date{Y: y}, Value: strconv.Itoa(y)}, e, true
		}
		if m.flag(end, fPeriodEnd) {
			return Expr{Type: DurationType, Value: "P1Y"}, end, true
		}
		if m.dct.IsZero() {
			return Expr{}, end, false
		}
		return Expr{Value: strconv.Itoa(m.dct.Y + p.n)}, end, true
	case pYearRef:
		ref := m.lastDate(caldate.Year)
		if ref.IsZero() {
			return Expr{}, end, false
		}
		return Expr{Value: strconv.Itoa(ref.Y + p.n)}, end, true
	case pMonthRef:
		ref := m.lastDate(caldate.Month)
		if ref.Precision() < caldate.Month {
			return Expr{}, end, false
		}
		return Expr{Value: addMonths(ref.Truncate(caldate.Month), p.n).String()}, end, true
	case pWeekRef:
		ref := m.lastDate(caldate.Day)
		if ref.Precision() < caldate.Day {
			return Expr{}, end, false
		}
		return Expr{Value: weekValue(ref.AddDays(7 * p.n))}, end, true
	case pWeekV:
		if m.isw(end, "of") {
			n := len(m.out)
			if k := m.at(end + 1); k > end+1 && len(m.out) == n+1 && m.out[n].Date.Precision() == caldate.Day {
				d := m.out[n].Date
				m.out, m.meta = m.out[:n], m.meta[:n]
				return Expr{Value: weekValue(d)}, k, true
			}
			m.out, m.meta = m.out[:n], m.meta[:n]
		}
		if m.dct.Precision() < caldate.Day {
			return Expr{}, end, false
		}
		return Expr{Value: weekValue(m.dct)}, end, true
	}
	return Expr{}, end, false
}

// spelledYear reads a year written in words at i: "nineteen ninety-six",
// "two thousand", "two thousand and one". strict, for places where a count
// could stand ("May two thousand ..."), takes only "eighteen ..." and
// "nineteen ...".
func (m *matcher) spelledYear(i int, strict bool) (int, int, bool) {
	if i+1 >= m.n() || m.sc.toks[i].kind != kWord || m.sc.toks[i+1].kind != kWord {
		return 0, i, false
	}
	c, ok := m.lx.cards[string(m.sc.key(i))]
	if !ok {
		return 0, i, false
	}
	if c >= 11 && c <= 20 && (c >= 18 || !strict) {
		// "nineteen ninety-six", "eighteen twelve"
		if v, e, ok := m.count(i+1, false); ok && v >= 10 && v <= 99 {
			return c*100 + v, e, true
		}
		return 0, i, false
	}
	if c == 2 && !strict && m.isw(i+1, "thousand") {
		y, e := 2000, i+2
		j := e
		if m.isw(j, "and") {
			j++
		}
		if v, e2, ok := m.count(j, false); ok && v >= 1 && v <= 99 && m.sc.toks[j].kind == kWord {
			y, e = 2000+v, e2
		}
		return y, e, true
	}
	return 0, i, false
}
