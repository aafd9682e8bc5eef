package timex

import (
	"bytes"
	"strconv"

	"parley/caldate"
)

// Tense of the clause around an expression, decided by the nearest cue word
// (cues.txt documents the window).
type tense uint8

const (
	tenseNone tense = iota
	tenseFuture
	tensePast
	// tenseStrongPast is a past cue word (not merely an "-ed" ending): a
	// month and day may then be up to maxStrongPast days back.
	tenseStrongPast
)

const maxStrongPast = 300

// exprMeta is what the tagger knows about an expression beyond Expr; Anchor uses it.
type exprMeta struct {
	// reported: an explicit full date ("on April 24, 2019") in a clause with a
	// past reporting cue.
	reported bool
	// quarter: an explicit quarter ("the third quarter"), which later
	// references ("the quarter", "a year earlier") count from.
	quarter bool
}

// matcher holds the state of one Tag call.
type matcher struct {
	lx   *lexicon
	sc   *scan
	dct  caldate.Date
	out  []Expr
	meta []exprMeta
	// inLead is set while a lead phrase looks for its expression; the lead's
	// own words [leadLo, leadHi) are then no tense cue ("later Thursday" is
	// not a future clause).
	inLead         bool
	leadLo, leadHi int
}

// Tag finds time expressions in text (usually one sentence) and resolves
// them against the document date dct. dct may be zero or coarse: then only
// what the text itself fixes is resolved, at the precision it supports.
//
// Choices worth knowing:
//   - A weekday in a past or neutral clause is the latest such day on or
//     before dct; in a future clause ("will meet on Thursday") it is the
//     earliest such day on or after dct, so the same day counts: news
//     written in the morning often says "will meet on Friday" on Friday.
//   - A month and day without a year take the year that puts them nearest
//     to dct; a future clause takes the first on or after dct, a past cue
//     the last on or before.
//   - A month alone ("in December") is the latest such month on or before
//     dct's month, or the first on or after it in a future clause.
//   - "this week" is Monday..Sunday of dct's week; in a future clause it
//     starts at dct instead, since what is planned cannot be earlier.
//   - A span's Value is the Value of its start; Date..EndDate is the span.
func (t *Tagger) Tag(text string, dct caldate.Date) []Expr {
	out, _ := t.tag(text, dct)
	return out
}

func (t *Tagger) tag(text string, dct caldate.Date) ([]Expr, []exprMeta) {
	sc := t.pool.Get().(*scan)
	sc.reset(text)
	m := matcher{lx: &t.lex, sc: sc, dct: dct}
	for i := 0; i < len(sc.toks); {
		if j := m.at(i); j > i {
			i = j
		} else {
			i++
		}
	}
	sc.text = ""
	t.pool.Put(sc)
	return m.out, m.meta
}

// emit appends an expression covering tokens [i, j) and returns j.
func (m *matcher) emit(i, j int, e Expr) int {
	e.Start, e.End = m.sc.toks[i].s, m.sc.toks[j-1].e
	e.Text = m.sc.text[e.Start:e.End]
	if e.Type == "" {
		e.Type = DateType
	}
	m.out = append(m.out, e)
	m.meta = append(m.meta, exprMeta{})
	return j
}

// at tries every rule at token i and returns the token after the match, or i.
func (m *matcher) at(i int) int {
	if i >= len(m.sc.toks) {
		return i // a rule looked past the end ("... at 5 p.m.")
	}
	tk := &m.sc.toks[i]
	switch tk.kind {
	case kPunct:
		return m.shortYear(i, i)
	case kNum, kAlnum:
		if j := m.clock(i); j > i {
			return j
		}
		if j := m.quarter(i); j > i {
			return j
		}
		if j := m.century(i, i); j > i {
			return j
		}
		if j := m.anniversary(i, i); j > i {
			return j
		}
		if j := m.ago(i); j > i {
			return j
		}
		if j := m.numeric(i); j > i {
			return j
		}
		if j := m.span(i, i); j > i {
			return j
		}
		if j := m.dayMonth(i); j > i {
			return j
		}
		if j := m.freq(i); j > i {
			return j
		}
		return m.duration(i, i)
	}
	if j := m.periodCode(i); j > i {
		return j
	}
	k := string(m.sc.base(i))
	fl := m.lx.words[k]
	if fl&fLead != 0 {
		if j := m.lead(i, k); j > i {
			return j
		}
	}
	the := k == "the"
	if the || fl&(fFiscal|fOrd) != 0 || m.hasMod(k) {
		if j := m.quarter(i); j > i {
			return j
		}
	}
	if the || fl&fDecMod != 0 {
		if j := m.decade(i); j > i {
			return j
		}
	}
	if fl&fSeason != 0 {
		if j := m.season(i, i); j > i {
			return j
		}
	} else if seasonDet := the || k == "that"; seasonDet || fl&fMonthCue != 0 {
		s := i + 1
		if k == "this" && m.hasMod(m.kw(s)) {
			s++ // "this past spring", "this coming winter"
		}
		if m.lx.words[string(m.kb(s))]&fSeason != 0 && (seasonDet || m.hasMod(k)) {
			if j := m.season(i, s); j > i {
				return j
			}
		}
	}
	if fl&fEvery != 0 {
		if j := m.every(i); j > i {
			return j
		}
	}
	if fl&fClock != 0 {
		if j := m.clock(i); j > i {
			return j
		}
	}
	if fl&fFiscal != 0 {
		if y, ok := m.year4(i + 1); ok {
			d := caldate.Date{Y: y}
			return m.emit(i, i+2, Expr{Date: d, Value: d.String()})
		}
	}
	if fl&fHoliday != 0 && m.sc.toks[i].upper {
		if j := m.holiday(i, i); j > i {
			return j
		}
	}
	if m.sc.toks[i].upper {
		if j := m.weekdays(i); j > i {
			return j
		}
		if j := m.weekdayPlural(i); j > i {
			return j
		}
	}
	if fl&fSpanOpen != 0 {
		if j := m.span(i, i+1); j > i {
			return j
		}
	}
	if j := m.phrase(i, k); j > i {
		return j
	}
	if y, j, ok := m.spelledYear(i, true); ok {
		d := caldate.Date{Y: y}
		return m.emit(i, j, Expr{Date: d, Value: d.String()})
	}
	if _, ok := m.lx.mods[k]; ok {
		if j := m.modified(i); j > i {
			return j
		}
	}
	if k == "the" {
		if j := m.anniversary(i, i+1); j > i {
			return j
		}
		if j := m.dayOfMonth(i); j > i {
			return j
		}
		if j := m.ordinalDay(i); j > i {
			return j
		}
	}
	if j := m.anniversary(i, i); j > i {
		return j
	}
	if j := m.ago(i); j > i {
		return j
	}
	if fl&fBareUnitOpen != 0 && i+1 < len(m.sc.toks) {
		if j := m.bareUnits(i); j > i {
			return j
		}
	}
	if fl&fDurOpen != 0 && i+1 < len(m.sc.toks) {
		if j := m.duration(i+1, i); j > i+1 {
			return j
		}
	}
	if fl&fMonthPart != 0 {
		if j := m.monthPart(i); j > i {
			return j
		}
	}
	if j := m.span(i, i); j > i {
		return j
	}
	if j := m.monthFirst(i); j > i {
		return j
	}
	if j := m.weekday(i); j > i {
		return j
	}
	if _, ok := m.lx.freqs[k]; ok || m.lx.cards[k] != 0 {
		if j := m.freq(i); j > i {
			return j
		}
	}
	return m.duration(i, i)
}

// ---- token readers ----

func (m *matcher) hasMod(k string) bool {
	_, ok := m.lx.mods[k]
	return ok
}

func (m *matcher) n() int { return len(m.sc.toks) }

func (m *matcher) kw(i int) string {
	if i < 0 || i >= m.n() {
		return ""
	}
	return string(m.sc.base(i))
}

func (m *matcher) flag(i int, f wordFlag) bool {
	if i < 0 || i >= m.n() || m.sc.toks[i].kind != kWord {
		return false
	}
	return m.lx.words[string(m.sc.base(i))]&f != 0
}

// month reads a capitalised month name at i; end is past a glued "." after an abbreviation.
func (m *matcher) month(i int) (mi monthInfo, end int, ok bool) {
	if i >= m.n() || m.sc.toks[i].kind != kWord || !m.sc.toks[i].upper {
		return mi, i, false
	}
	mi, ok = m.lx.months[string(m.sc.key(i))]
	if !ok {
		// a possessive full name: "December's figures"
		if mi, ok = m.lx.months[string(m.sc.base(i))]; !ok || mi.abbr {
			return mi, i, false
		}
		return mi, i + 1, true
	}
	end = i + 1
	if mi.abbr && m.sc.is(end, '.') && m.sc.glued(i) {
		end++
	}
	return mi, end, true
}

// weekdayAt reads a capitalised weekday name (possessive allowed) at i.
func (m *matcher) weekdayAt(i int) (int, bool) {
	if i >= m.n() || m.sc.toks[i].kind != kWord || !m.sc.toks[i].upper {
		return 0, false
	}
	wd, ok := m.lx.weekdays[string(m.sc.base(i))]
	return wd, ok
}

// dayNum reads a day of the month: "28" or "28th".
func (m *matcher) dayNum(i int) (int, bool) {
	if i >= m.n() {
		return 0, false
	}
	tk := &m.sc.toks[i]
	if tk.ndig == 0 || tk.ndig > 2 || tk.val < 1 || tk.val > 31 {
		return 0, false
	}
	if tk.kind == kAlnum && !m.ordSuffix(i) {
		return 0, false
	}
	return tk.val, true
}

// ordSuffix reports whether an alnum token is digits + st/nd/rd/th.
func (m *matcher) ordSuffix(i int) bool {
	tk := &m.sc.toks[i]
	suf := m.sc.low[tk.s+tk.ndig : tk.e]
	return len(suf) == 2 && (string(suf) == "st" || string(suf) == "nd" || string(suf) == "rd" || string(suf) == "th")
}

// year4 reads a four-digit year at i.
func (m *matcher) year4(i int) (int, bool) {
	if i >= m.n() {
		return 0, false
	}
	tk := &m.sc.toks[i]
	if tk.kind != kNum || tk.ndig != 4 || tk.val < 1000 {
		return 0, false
	}
	return tk.val, true
}

// count reads a cardinal number at i ("3", "three", "twenty-five");
// articles count only when article is true.
func (m *matcher) count(i int, article bool) (n, end int, ok bool) {
	if i >= m.n() {
		return 0, i, false
	}
	tk := &m.sc.toks[i]
	if tk.kind == kNum {
		if tk.ndig > 4 {
			return 0, i, false
		}
		return tk.val, i + 1, true
	}
	if tk.kind != kWord {
		return 0, i, false
	}
	k := string(m.sc.key(i))
	if v, ok := m.lx.cards[k]; ok {
		if u, e, ok := m.tensUnit(i, v, m.lx.cards, true); ok {
			return v + u, e, true // "twenty-five", "twenty five"
		}
		return v, i + 1, true
	}
	if article {
		if v, ok := m.lx.articles[k]; ok {
			// "a few" is a vague count
			if i+1 < m.n() && m.sc.toks[i+1].kind == kWord {
				if c, ok := m.lx.cards[string(m.sc.key(i+1))]; ok && (c == 0 || c == 2 || c == 12) {
					return c, i + 2, true // "a few", "a couple", "a dozen"
				}
			}
			return v, i + 1, true
		}
	}
	return 0, i, false
}

// ordinal reads "76th", "third", "seventy-sixth" at i.
func (m *matcher) ordinal(i int) (n, end int, ok bool) {
	if i >= m.n() {
		return 0, i, false
	}
	tk := &m.sc.toks[i]
	if tk.kind == kAlnum && tk.ndig <= 4 && m.ordSuffix(i) {
		return tk.val, i + 1, true
	}
	if tk.kind != kWord {
		return 0, i, false
	}
	k := string(m.sc.key(i))
	if v, ok := m.lx.ords[k]; ok {
		return v, i + 1, true
	}
	if v, ok := m.lx.cards[k]; ok {
		if u, e, ok := m.tensUnit(i, v, m.lx.ords, false); ok {
			return v + u, e, true // "seventy-sixth", "seventy sixth"
		}
	}
	return 0, i, false
}

// tensUnit reads the unit word that completes a tens word v at i, from units
// (cardinals or ordinals up to 9): after a dash ("twenty-five"; with glued, the
// dash must touch the tens word) or after a space, as transcripts write it
// ("twenty five"). It returns the unit and the end of the compound.
func (m *matcher) tensUnit(i, v int, units map[string]int, glued bool) (u, end int, ok bool) {
	if v < 20 || v%10 != 0 || v >= 100 {
		return 0, i, false
	}
	j := i + 1
	dashed := m.sc.isDash(j) && (!glued || m.sc.glued(i))
	if dashed {
		j++
	} else if j >= m.n() || m.sc.toks[j].kind != kWord {
		return 0, i, false
	}
	if j >= m.n() {
		return 0, i, false
	}
	u, ok = units[string(m.sc.key(j))]
	if !ok || u > 9 || (u == 0 && !dashed) {
		return 0, i, false // spaced, a vague count is a word of its own: "twenty several"
	}
	return u, j + 1, true
}

// unit reads a duration unit at i.
func (m *matcher) unit(i int) (unitInfo, bool) {
	if i >= m.n() || m.sc.toks[i].kind != kWord {
		return unitInfo{}, false
	}
	u, ok := m.lx.units[string(m.sc.base(i))]
	return u, ok
}

// ---- cue window ----

// cueAt returns the tense or framing cue starting at token j and its length.
func (m *matcher) cueAt(j int, want func(cueKind) bool) (cueKind, int) {
	tk := &m.sc.toks[j]
	if tk.kind != kWord {
		return cNone, 0
	}
	k := m.sc.key(j)
	lookup := string(k)
	if n := len(k); n > 3 && string(k[n-2:]) == "ll" && (k[n-3] == '\'' || k[n-3] == 0x99) {
		lookup = "'ll"
	}
	for _, c := range m.lx.cues[lookup] {
		if !want(c.kind) || j+len(c.words) > m.n() {
			continue
		}
		ok := true
		for x := 1; x < len(c.words); x++ {
			if string(m.sc.key(j+x)) != c.words[x] {
				ok = false
				break
			}
		}
		if ok {
			return c.kind, len(c.words)
		}
	}
	return cNone, 0
}

func isTenseCue(k cueKind) bool { return k == cFuture || k == cPast }

// coverAt is the tense cue that covers token j: one that starts up to
// maxCover words before j and reaches j wins over one that starts at j, so
// that "will last" is future although "last" alone is a past cue, and "had
// been due to" is past although "due to" alone is future.
func (m *matcher) coverAt(j int) cueKind {
	for s := max(0, j-maxCover); s <= j; s++ {
		if s < j && m.sc.isStop(s, m.lx) {
			continue
		}
		if k, n := m.cueAt(s, isTenseCue); k != cNone && s+n > j {
			return k
		}
	}
	return cNone
}

// maxCover is how many words before a token a covering cue may start.
const maxCover = 3

// tenseAt is the cue kind at j for tense, including past-tense endings.
func (m *matcher) tenseAt(j int) cueKind {
	if k := m.coverAt(j); k != cNone {
		return k
	}
	tk := &m.sc.toks[j]
	// A capitalised word ending in "-ed" is a name ("United") far more
	// often than a verb that opens a sentence.
	if tk.kind == kWord && tk.e-tk.s > 4 && !tk.upper {
		k := m.sc.key(j)
		for _, s := range m.lx.suffixes {
			if bytes.HasSuffix(k, []byte(s)) {
				// a participle after a future cue is future: "will stay
				// closed", "is expected to be finalised"
				for x := j - 1; x >= 0 && x >= j-maxCover; x-- {
					if m.sc.isStop(x, m.lx) {
						break
					}
					if c, _ := m.cueAt(x, isTenseCue); c != cNone {
						return c
					}
				}
				return cPast
			}
		}
	}
	return cNone
}

// backLimit is the first token of the backward cue window before token i:
// backWindow words back, not counting punctuation ("a.m." is four tokens).
func (m *matcher) backLimit(i int) int {
	x, words := i, 0
	for x > 0 && words < backWindow {
		x--
		if m.sc.toks[x].kind != kPunct {
			words++
		}
	}
	return x
}

const (
	backWindow = 12
	fwdWindow  = 5
)

// tense decides the tense of the clause around tokens [i, j): the nearest
// cue from the expression's own words back to backWindow words before it;
// only when there is none, the first cue up to fwdWindow words after it
// ("On Friday, the leaders will meet"). Words after the expression often
// open the next clause ("said on Monday it will ..."), hence the preference.
// Neither window crosses a sentence stop.
func (m *matcher) tense(i, j int) tense {
	k := cNone
	comma := -1
	for x, lim := j-1, m.backLimit(i); x >= 0 && x >= lim; x-- {
		if m.sc.isStop(x, m.lx) {
			break
		}
		if x < i && comma < 0 && m.sc.is(x, ',') {
			comma = x
			break
		}
		if x >= m.leadLo && x < m.leadHi {
			continue
		}
		if k = m.tenseAt(x); k != cNone {
			break
		}
	}
	if k == cNone {
		for x := j; x < m.n() && x < j+fwdWindow; x++ {
			if m.sc.isStop(x, m.lx) {
				break
			}
			if k = m.tenseAt(x); k != cNone {
				break
			}
		}
	}
	// a cue before a comma belongs to another clause ("ahead of the trip,
	// the ministry on Sunday issued ..."); it counts only when the
	// expression's own clause has none
	for x, lim := comma-1, m.backLimit(i); k == cNone && comma > 0 && x >= 0 && x >= lim; x-- {
		if m.sc.isStop(x, m.lx) {
			break
		}
		k = m.tenseAt(x)
	}
	switch k {
	case cFuture:
		return tenseFuture
	case cPast:
		return tensePast
	}
	return tenseNone
}

// strongPast reports whether the clause around [i, j) has a past cue word
// (not merely a word ending in "-ed", which is as often an adjective) and
// no future cue nearer; the window is the one tense uses.
func (m *matcher) strongPast(i, j int) bool {
	for x, lim := j-1, m.backLimit(i); x >= 0 && x >= lim; x-- {
		if m.sc.isStop(x, m.lx) {
			break
		}
		if k := m.coverAt(x); k != cNone {
			return k == cPast
		}
	}
	for x := j; x < m.n() && x < j+fwdWindow; x++ {
		if m.sc.isStop(x, m.lx) {
			break
		}
		if k := m.coverAt(x); k != cNone {
			return k == cPast
		}
	}
	return false
}

// monthTense is the tense for a month named alone: a month one or two months
// after dct's ("in December", written in November) is the coming one unless
// a past cue word says otherwise.
func (m *matcher) monthTense(mo, i, j int) tense {
	tn := m.tense(i, j)
	if tn != tenseFuture && m.dct.Precision() >= caldate.Month {
		ahead := (mo - m.dct.M + 12) % 12
		if ahead >= 1 && ahead <= 2 && !m.strongPast(i, j) {
			return tenseFuture
		}
		// "by February", "until mid-November": a limit ahead, within half a year
		if ahead >= 0 && ahead <= 6 && m.flag(i-1, fMonthFuture) && !m.strongPast(i, j) {
			return tenseFuture
		}
	}
	return tn
}

// cueBefore reports whether a cue of kind k starts within n words before token i.
func (m *matcher) cueBefore(i, n int, k cueKind) bool {
	for x := i - 1; x >= 0 && x >= i-n; x-- {
		if m.sc.isStop(x, m.lx) {
			return false
		}
		if c, _ := m.cueAt(x, func(c cueKind) bool { return c == k }); c != cNone {
			return true
		}
	}
	return false
}

// ---- resolution ----

// coarse returns dct cut to at most precision p, for expressions that dct is
// too coarse to resolve exactly.
func (m *matcher) coarse(p caldate.Precision) caldate.Date {
	if m.dct.Precision() < p {
		return m.dct
	}
	return m.dct.Truncate(p)
}

// resolveWeekday resolves a weekday, shifted by a modifier (mod: -1 last,
// 0 this, +1 next; nil none) or by tense.
func (m *matcher) resolveWeekday(wd int, mod *int, tn tense) (caldate.Date, string) {
	switch m.dct.Precision() {
	case caldate.None:
		return caldate.Date{}, "XXXX-WXX-" + strconv.Itoa(wd)
	case caldate.Day:
	default:
		return m.dct, m.dct.String()
	}
	var d caldate.Date
	switch {
	case mod != nil && *mod < 0:
		d = onOrBefore(m.dct.AddDays(-1), wd)
	case mod != nil && *mod > 0:
		d = onOrAfter(m.dct.AddDays(1), wd)
	case mod != nil:
		d = monday(m.dct).AddDays(wd - 1)
	case tn == tenseFuture:
		d = onOrAfter(m.dct, wd)
	default:
		d = onOrBefore(m.dct, wd)
	}
	return d, d.String()
}

// resolveMonth resolves a month name without a year.
func (m *matcher) resolveMonth(mo int, mod *int, tn tense) (caldate.Date, string) {
	switch m.dct.Precision() {
	case caldate.None:
		return caldate.Date{}, unknownValue(mo, 0)
	case caldate.Year:
		d := caldate.Date{Y: m.dct.Y, M: mo}
		if mod != nil && *mod != 0 {
			// "last December" in a year-only document: only the year range is known.
			return caldate.Date{}, unknownValue(mo, 0)
		}
		return d, d.String()
	}
	y, cm := m.dct.Y, m.dct.M
	switch {
	case mod != nil && *mod < 0:
		if mo >= cm {
			y--
		}
	case mod != nil && *mod > 0:
		if mo <= cm {
			y++
		}
	case mod != nil:
	case tn == tenseFuture:
		if mo < cm {
			y++
		}
	default:
		if mo > cm {
			y--
		}
	}
	d := caldate.Date{Y: y, M: mo}
	return d, d.String()
}

// resolveMonthDay gives a year to a month and day.
func (m *matcher) resolveMonthDay(mo, day int, tn tense) (caldate.Date, bool) {
	switch m.dct.Precision() {
	case caldate.None:
		return caldate.Date{}, validDay(2000, mo, day)
	case caldate.Year:
		return caldate.YMD(m.dct.Y, mo, day), validDay(m.dct.Y, mo, day)
	}
	ref := m.dct
	if ref.D == 0 {
		ref.D = 15 // a month-precision dct: compare against its middle
	}
	var best, nearest caldate.Date
	bestDist, nearDist := 1<<30, 1<<30
	for y := ref.Y - 1; y <= ref.Y+1; y++ {
		if !validDay(y, mo, day) {
			continue
		}
		c := caldate.YMD(y, mo, day)
		dist := daysBetween(ref, c)
		if absInt(dist) < nearDist {
			nearest, nearDist = c, absInt(dist)
		}
		cmp := dist
		if m.dct.D == 0 { // month-precision dct: the whole month is "now"
			cmp = (c.Y*12 + c.M) - (m.dct.Y*12 + m.dct.M)
		}
		if (tn == tenseFuture && cmp < 0) || (tn >= tensePast && cmp > 0) {
			continue
		}
		if absInt(dist) < bestDist {
			best, bestDist = c, absInt(dist)
		}
	}
	// A tense cue moves a date across dct only within about half a year:
	// "payable Dec. 15" in a clause with some past verb, written in
	// November, is next month, not eleven months ago.
	// A past cue word ("was last seen Nov. 3", "the year ended March 31")
	// reaches further back.
	if bestDist > 183 && (tn != tenseStrongPast || bestDist > maxStrongPast) {
		best = nearest
	}
	return best, !best.IsZero()
}

func dateValue(d caldate.Date, mo, day int) string {
	if d.IsZero() {
		return unknownValue(mo, day)
	}
	return d.String()
}
