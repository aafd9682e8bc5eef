package timex

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"parley/caldate"
)

// wordFlag marks the function words the engine needs (relative.txt).
type wordFlag uint32

const (
	fSpanOpen wordFlag = 1 << iota
	fSpanJoin
	fMonthCue
	fMonthPart
	fAgo
	fLong
	fDurOpen
	fDayPart
	fAnniv
	fEvery  // "every", "each": opens a SET
	fZone   // a time zone after a clock time ("EST")
	fFiscal // "fiscal" before a year or quarter
	fDecMod // "early", "mid", "late" inside "the late 1970s"

	// set at load time from the other tables, so that the tagger looks a
	// word up once to learn which rules can start at it
	fLead
	fSeason
	fClock
	fOrd
	fHoliday
	fPeriodEnd    // "ended", "ending" after "the year": a period, not a date
	fDurMore      // "more", "additional" between a count and a unit
	fRateAmount   // "million" before "a year": a rate (SET)
	fBareUnitOpen // "for", "within" before a bare "years": a vague duration
	fMonthFuture  // "by", "until" right before a month alone: the coming one
	fPeriodLink   // "before", "after" following "the weeks": a vague period
	fPer          // "a", "per", "each" between a frequency and its unit ("twice a week")
)

var flagKinds = map[string]wordFlag{
	"span-open":    fSpanOpen,
	"span-join":    fSpanJoin,
	"month-cue":    fMonthCue,
	"month-part":   fMonthPart,
	"ago":          fAgo,
	"long":         fLong,
	"dur-open":     fDurOpen,
	"day-part":     fDayPart,
	"anniversary":  fAnniv,
	"every":        fEvery,
	"zone":         fZone,
	"fiscal":       fFiscal,
	"decade-mod":   fDecMod,
	"period-end":   fPeriodEnd,
	"dur-more":     fDurMore,
	"rate-amount":  fRateAmount,
	"bare-units":   fBareUnitOpen,
	"month-future": fMonthFuture,
	"period-link":  fPeriodLink,
	"per":          fPer,
}

type monthInfo struct {
	m               int
	abbr, ambiguous bool
}

type unitInfo struct {
	code string // D W M Y TH TM
	mult int
}

// phraseKind is what a relative phrase resolves to.
type phraseKind uint8

const (
	pDay phraseKind = iota
	pWeek
	pMonth
	pYear
	pRef
	pAnchor
	pFixed   // a fixed TIMEX3: "daily" SET P1D
	pQuarter // a quarter named by reference: "the latest quarter"
	pWeekend // "the weekend"
	// TimeML readings that name a time only through Value (no Date, so the
	// event coder does not date events by them):
	pYearV    // "the year", "the full year": dct's year; a period ("the year ended ...") when a period-end word follows
	pYearRef  // "that year", "the following year": N years from the last year named, else dct's
	pWeekV    // "the week": dct's week; "the week of March 6" the week of that day
	pWeekRef  // "that week": N weeks from the last day named, else from dct
	pMonthRef // "that month", "the following month": N months from the last month named, else dct's
	pCentury  // "this century": the century N centuries from dct's
	pDecade   // "this decade": the decade N decades from dct's
	// a part of a day counted from the last day named ("the next morning"):
	// a TIME with the day's date
	pAnchorPart
	// a weekday counted from the last day named ("the previous Friday" -1,
	// "the following Monday" 1): the phrase is followed by the weekday
	pWeekdayRef
)

var phraseKinds = map[string]phraseKind{
	"day": pDay, "week": pWeek, "month": pMonth, "year": pYear, "ref": pRef, "anchor": pAnchor,
	"fixed": pFixed, "quarter": pQuarter, "weekend": pWeekend,
	"year-value": pYearV, "year-ref": pYearRef, "week-value": pWeekV,
	"week-ref":  pWeekRef,
	"month-ref": pMonthRef, "century": pCentury, "anchor-part": pAnchorPart,
	"decade": pDecade, "weekday-ref": pWeekdayRef,
}

type phrase struct {
	words []string
	kind  phraseKind
	n     int    // offset
	ref   string // for pRef; the value for pFixed
	typ   Type   // for pFixed
}

// lead is a phrase that joins the expression after it when that expression
// has one of the listed types: "nearly" three years, "the end of" November.
type meridiemPhrase struct {
	words []string
	off   int
}

type lead struct {
	words []string
	types []Type
	// half, when set, is the part of a year the lead names ("H1" for "the
	// first half of"); it takes only a year and adds the code to its value.
	half string
}

type cueKind uint8

const (
	cNone cueKind = iota
	cFuture
	cPast
	cMark
	cYearOnly
	cReport
)

var cueKinds = map[string]cueKind{"future": cFuture, "past": cPast, "mark": cMark, "year-only": cYearOnly, "report": cReport}

type cue struct {
	words []string
	kind  cueKind
}

type kwAlt struct {
	s      string
	prefix bool
}

// baseEntry is one well-known date with the keyword groups that name it.
type baseEntry struct {
	date   caldate.Date
	groups [][]kwAlt
	label  string
}

// lexicon is everything read from the rule files.
type lexicon struct {
	months   map[string]monthInfo
	weekdays map[string]int // ISO 1..7
	cards    map[string]int
	ords     map[string]int
	articles map[string]int
	units    map[string]unitInfo
	phrases  map[string][]phrase // by first word, longest first
	words    map[string]wordFlag
	mods     map[string]int
	cues     map[string][]cue // by first word, longest first
	suffixes []string         // past-suffix
	bases    []baseEntry

	leads     map[string][]lead // by first word, longest first
	dayParts  map[string]string // "morning" -> "MO"
	seasons   map[string]string // "summer" -> "SU"
	clocks    map[string]string // "noon" -> "12:00"
	meridiems map[string]int    // "pm" -> 12
	freqs     map[string]int    // "twice" -> 2, "times" -> 0 (after a count)
	everyN    map[string]int    // "other" -> 2 in "every other day"
	// meridiem phrases of more than one word ("in the morning"), longest first
	meridiemPhrases []meridiemPhrase
	decades         map[string]int       // "nineties" -> 9
	shifts          map[string]int       // "earlier" -> -1
	holidays        map[string][]holiday // by first word, longest first
}

func (lx *lexicon) load(fsys fs.FS) error {
	*lx = lexicon{
		months: map[string]monthInfo{}, weekdays: map[string]int{},
		cards: map[string]int{}, ords: map[string]int{}, articles: map[string]int{},
		units: map[string]unitInfo{}, phrases: map[string][]phrase{},
		words: map[string]wordFlag{}, mods: map[string]int{}, cues: map[string][]cue{},
		leads: map[string][]lead{}, dayParts: map[string]string{}, seasons: map[string]string{},
		clocks: map[string]string{}, meridiems: map[string]int{}, decades: map[string]int{},
		shifts: map[string]int{}, holidays: map[string][]holiday{},
		freqs: map[string]int{}, everyN: map[string]int{},
	}
	steps := []struct {
		name string
		fn   func(line string) error
	}{
		{"months.txt", lx.monthLine},
		{"weekdays.txt", lx.weekdayLine},
		{"numbers.txt", lx.numberLine},
		{"units.txt", lx.unitLine},
		{"relative.txt", lx.relativeLine},
		{"cues.txt", lx.cueLine},
		{"anniversaries.txt", newBaseReader(lx).line},
		{"holidays.txt", lx.holidayLine},
	}
	for _, s := range steps {
		if err := eachLine(fsys, s.name, s.fn); err != nil {
			return err
		}
	}
	for _, ps := range lx.phrases {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
	}
	sort.SliceStable(lx.meridiemPhrases, func(i, j int) bool {
		return len(lx.meridiemPhrases[i].words) > len(lx.meridiemPhrases[j].words)
	})
	for w, ls := range lx.leads {
		lx.words[w] |= fLead
		sort.SliceStable(ls, func(i, j int) bool { return len(ls[i].words) > len(ls[j].words) })
	}
	for w := range lx.seasons {
		lx.words[w] |= fSeason
	}
	for w := range lx.clocks {
		lx.words[w] |= fClock
	}
	for w := range lx.ords {
		lx.words[w] |= fOrd
	}
	for w, hs := range lx.holidays {
		lx.words[w] |= fHoliday
		sort.SliceStable(hs, func(i, j int) bool { return len(hs[i].words) > len(hs[j].words) })
	}
	for _, ls := range lx.leads {
		sort.SliceStable(ls, func(i, j int) bool { return len(ls[i].words) > len(ls[j].words) })
	}
	for _, cs := range lx.cues {
		sort.SliceStable(cs, func(i, j int) bool { return len(cs[i].words) > len(cs[j].words) })
	}
	return nil
}

// phraseWords splits a phrase into the tokens the scanner makes of it: words,
// and hyphens as tokens of their own ("year-earlier" is year, -, earlier).
func phraseWords(ph string) []string {
	var out []string
	for _, f := range strings.Fields(ph) {
		for k, part := range strings.Split(f, "-") {
			if k > 0 {
				out = append(out, "-")
			}
			if part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

// eachLine calls fn on every non-blank, non-comment line of a rule file.
func eachLine(fsys fs.FS, name string, fn func(string) error) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("timex: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("timex: %s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func (lx *lexicon) monthLine(line string) error {
	f := strings.Fields(line)
	if len(f) < 2 {
		return fmt.Errorf("want WORD NUMBER [FLAGS], got %q", line)
	}
	m, err := strconv.Atoi(f[1])
	if err != nil || m < 1 || m > 12 {
		return fmt.Errorf("bad month number in %q", line)
	}
	mi := monthInfo{m: m}
	for _, fl := range f[2:] {
		switch fl {
		case "abbr":
			mi.abbr = true
		case "ambiguous":
			mi.ambiguous = true
		default:
			return fmt.Errorf("unknown flag %q", fl)
		}
	}
	lx.months[strings.ToLower(f[0])] = mi
	return nil
}

func (lx *lexicon) weekdayLine(line string) error {
	f := strings.Fields(line)
	if len(f) != 2 {
		return fmt.Errorf("want WORD NUMBER, got %q", line)
	}
	n, err := strconv.Atoi(f[1])
	if err != nil || n < 1 || n > 7 {
		return fmt.Errorf("bad weekday number in %q", line)
	}
	lx.weekdays[strings.ToLower(f[0])] = n
	return nil
}

func (lx *lexicon) numberLine(line string) error {
	f := strings.Fields(line)
	if len(f) != 3 {
		return fmt.Errorf("want KIND WORD VALUE, got %q", line)
	}
	n, err := strconv.Atoi(f[2])
	if err != nil {
		return fmt.Errorf("bad value in %q", line)
	}
	w := strings.ToLower(f[1])
	switch f[0] {
	case "card":
		lx.cards[w] = n
	case "ord":
		lx.ords[w] = n
	case "article":
		lx.articles[w] = n
	default:
		return fmt.Errorf("unknown kind %q", f[0])
	}
	return nil
}

func (lx *lexicon) unitLine(line string) error {
	f := strings.Fields(line)
	if len(f) != 3 {
		return fmt.Errorf("want WORD CODE MULTIPLIER, got %q", line)
	}
	n, err := strconv.Atoi(f[2])
	if err != nil || n < 1 {
		return fmt.Errorf("bad multiplier in %q", line)
	}
	switch f[1] {
	case "D", "W", "M", "Y", "QTR", "TH", "TM", "TS":
	default:
		return fmt.Errorf("bad code in %q", line)
	}
	lx.units[strings.ToLower(f[0])] = unitInfo{code: f[1], mult: n}
	return nil
}

func (lx *lexicon) relativeLine(line string) error {
	f := strings.Split(line, "|")
	if len(f) != 3 {
		return fmt.Errorf("want KIND|PHRASE|ARG, got %q", line)
	}
	kind, ph, arg := strings.TrimSpace(f[0]), strings.ToLower(strings.TrimSpace(f[1])), strings.TrimSpace(f[2])
	if ph == "" {
		return fmt.Errorf("empty phrase in %q", line)
	}
	if fl, ok := flagKinds[kind]; ok {
		lx.words[ph] |= fl
		if fl == fDayPart && arg != "" {
			lx.dayParts[ph] = arg
		}
		return nil
	}
	switch kind {
	case "season":
		lx.seasons[ph] = arg
		return nil
	case "clock":
		lx.clocks[ph] = arg
		return nil
	case "freq", "every-count":
		n, err := strconv.Atoi(arg)
		if err != nil {
			return fmt.Errorf("bad number in %q", line)
		}
		if kind == "freq" {
			lx.freqs[ph] = n
		} else {
			lx.everyN[ph] = n
		}
		return nil
	case "meridiem", "decade-word", "shift":
		n, err := strconv.Atoi(arg)
		if err != nil {
			return fmt.Errorf("bad number in %q", line)
		}
		if ws := phraseWords(ph); kind == "meridiem" && len(ws) > 1 {
			lx.meridiemPhrases = append(lx.meridiemPhrases, meridiemPhrase{ws, n})
			return nil
		}
		map[string]map[string]int{"meridiem": lx.meridiems, "decade-word": lx.decades, "shift": lx.shifts}[kind][ph] = n
		return nil
	case "half":
		if arg == "" {
			return fmt.Errorf("no code in %q", line)
		}
		l := lead{words: phraseWords(ph), types: []Type{DateType}, half: arg}
		lx.leads[l.words[0]] = append(lx.leads[l.words[0]], l)
		return nil
	case "lead":
		l := lead{words: phraseWords(ph)}
		for _, t := range strings.Fields(arg) {
			switch Type(t) {
			case DateType, TimeType, DurationType, SetType:
				l.types = append(l.types, Type(t))
			default:
				return fmt.Errorf("bad type %q in %q", t, line)
			}
		}
		if len(l.types) == 0 {
			return fmt.Errorf("no types in %q", line)
		}
		lx.leads[l.words[0]] = append(lx.leads[l.words[0]], l)
		return nil
	}
	if kind == "mod" {
		n, err := strconv.Atoi(arg)
		if err != nil {
			return fmt.Errorf("bad offset in %q", line)
		}
		lx.mods[ph] = n
		return nil
	}
	pk, ok := phraseKinds[kind]
	if !ok {
		return fmt.Errorf("unknown kind %q", kind)
	}
	p := phrase{words: phraseWords(ph), kind: pk}
	switch pk {
	case pFixed:
		f := strings.Fields(arg)
		if len(f) != 2 {
			return fmt.Errorf("want TYPE VALUE in %q", line)
		}
		switch Type(f[0]) {
		case DateType, TimeType, DurationType, SetType:
		default:
			return fmt.Errorf("bad type in %q", line)
		}
		p.typ, p.ref = Type(f[0]), f[1]
	case pWeekV:
	case pWeekend:
		if arg != "" {
			n, err := strconv.Atoi(arg)
			if err != nil {
				return fmt.Errorf("bad offset in %q", line)
			}
			p.n = n
		}
	case pAnchorPart:
		f := strings.Fields(arg)
		if len(f) != 2 {
			return fmt.Errorf("want N CODE in %q", line)
		}
		n, err := strconv.Atoi(f[0])
		if err != nil {
			return fmt.Errorf("bad offset in %q", line)
		}
		p.n, p.ref = n, f[1]
	case pWeekdayRef:
		n, err := strconv.Atoi(arg)
		if err != nil || (n != -1 && n != 1) {
			return fmt.Errorf("want -1 or 1 in %q", line)
		}
		p.n = n
	case pRef:
		switch arg {
		case "PAST_REF", "PRESENT_REF", "FUTURE_REF":
		default:
			return fmt.Errorf("bad reference %q", arg)
		}
		p.ref = arg
	default:
		n, err := strconv.Atoi(arg)
		if err != nil {
			return fmt.Errorf("bad offset in %q", line)
		}
		p.n = n
	}
	lx.phrases[p.words[0]] = append(lx.phrases[p.words[0]], p)
	return nil
}

func (lx *lexicon) cueLine(line string) error {
	f := strings.Split(line, "|")
	if len(f) != 2 {
		return fmt.Errorf("want KIND|PHRASE, got %q", line)
	}
	kind, ph := strings.TrimSpace(f[0]), strings.ToLower(strings.TrimSpace(f[1]))
	if ph == "" {
		return fmt.Errorf("empty phrase in %q", line)
	}
	if kind == "past-suffix" {
		lx.suffixes = append(lx.suffixes, ph)
		return nil
	}
	k, ok := cueKinds[kind]
	if !ok {
		return fmt.Errorf("unknown kind %q", kind)
	}
	c := cue{words: strings.Fields(ph), kind: k}
	lx.cues[c.words[0]] = append(lx.cues[c.words[0]], c)
	return nil
}

// baseReader reads anniversaries.txt, which has aliases defined before use.
type baseReader struct {
	lx      *lexicon
	aliases map[string][]kwAlt
}

func newBaseReader(lx *lexicon) *baseReader {
	return &baseReader{lx: lx, aliases: map[string][]kwAlt{}}
}

func (r *baseReader) line(line string) error {
	if line[0] == '@' {
		name, alts, ok := strings.Cut(line, "=")
		if !ok {
			return fmt.Errorf("want @NAME = alternatives, got %q", line)
		}
		g, err := r.group(alts)
		if err != nil {
			return err
		}
		r.aliases[strings.TrimSpace(name)] = g
		return nil
	}
	body, label, _ := strings.Cut(line, "#")
	parts := strings.Split(body, ";")
	d, err := caldate.Parse(strings.TrimSpace(parts[0]))
	if err != nil || d.IsZero() {
		return fmt.Errorf("bad date in %q", line)
	}
	e := baseEntry{date: d, label: strings.TrimSpace(label)}
	for _, p := range parts[1:] {
		if strings.TrimSpace(p) == "" {
			continue
		}
		g, err := r.group(p)
		if err != nil {
			return err
		}
		e.groups = append(e.groups, g)
	}
	if len(e.groups) == 0 {
		return fmt.Errorf("no keyword groups in %q", line)
	}
	r.lx.bases = append(r.lx.bases, e)
	return nil
}

// group parses "alt|alt|@alias".
func (r *baseReader) group(s string) ([]kwAlt, error) {
	var g []kwAlt
	for _, a := range strings.Split(s, "|") {
		a = strings.ToLower(strings.TrimSpace(a))
		switch {
		case a == "":
			continue
		case a[0] == '@':
			al, ok := r.aliases[a]
			if !ok {
				return nil, fmt.Errorf("unknown alias %q", a)
			}
			g = append(g, al...)
		case strings.HasSuffix(a, "*"):
			g = append(g, kwAlt{s: strings.TrimSuffix(a, "*"), prefix: true})
		default:
			g = append(g, kwAlt{s: a})
		}
	}
	if len(g) == 0 {
		return nil, fmt.Errorf("empty keyword group %q", s)
	}
	return g, nil
}
