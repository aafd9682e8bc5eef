package clean

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"parley/caldate"
)

// stamp is one date found in a header line.
type stamp struct {
	d    caldate.Date
	span Span // in the text
	rank int  // 0: belongs to a sentence; 1: labelled as a revision; 2: bare; 3: labelled as publication
}

// findStamp sets the page date from the lines above the body: first those
// between the title and the body, then those above the title, nearest
// first. Prose lines and captions are passed over, so a date inside a
// sentence ("Photo taken on April 23, 2019 shows ...") is never taken.
func (c *Cleaner) findStamp(a *Article, lines []line, title, firstBody int) {
	var best stamp
	try := func(i int) {
		l := &lines[i]
		if l.prose || l.caption || l.section || i == title || l.end-l.start > 300 {
			return
		}
		c.stamps(a.Text, l.start, l.end, func(s stamp) {
			if s.rank > best.rank {
				best = s
			}
		})
	}
	from := firstBody - 1
	if title >= 0 {
		for i := title + 1; i < firstBody; i++ {
			try(i)
		}
		from = title - 1
	}
	for i, k := from, 0; i >= 0 && k < stampLookback; i, k = i-1, k+1 {
		try(i)
	}
	if best.rank > 0 {
		a.Date, a.DateSource, a.DateSpan = best.d, "stamp", best.span
	}
}

// hasDate reports whether s holds a full calendar date.
func (c *Cleaner) hasDate(s string) bool {
	found := false
	c.stamps(s, 0, len(s), func(stamp) { found = true })
	return found
}

// stamps calls fn for every valid day-precision date in text[s:e].
func (c *Cleaner) stamps(text string, s, e int, fn func(stamp)) {
	str := text[s:e]
	// Cheap exit: every pattern needs a year.
	if !hasYear(str) {
		return
	}
	type pat struct {
		re      *regexp.Regexp
		y, m, d int // submatch numbers
	}
	pats := [...]pat{{c.v.isoDate, 1, 2, 3}, {c.v.mdyDate, 3, 1, 2}, {c.v.dmyDate, 3, 2, 1}}
	n := 1
	if !c.v.asciiMonths || c.hasMonthName(str) {
		// The name patterns are slow (case-folded alternation): only run
		// them on lines that hold a month name.
		n = 3
	}
	for _, p := range pats[:n] {
		for _, m := range p.re.FindAllStringSubmatchIndex(str, -1) {
			if p.re == c.v.isoDate && (digitAt(str, m[0]-1) || digitAt(str, m[1])) {
				continue // part of a longer number
			}
			y, _ := strconv.Atoi(str[m[2*p.y]:m[2*p.y+1]])
			mo := c.month(str[m[2*p.m]:m[2*p.m+1]])
			d, _ := strconv.Atoi(str[m[2*p.d]:m[2*p.d+1]])
			date := caldate.YMD(y, mo, d)
			if mo == 0 || d < 1 || d > 31 || caldate.Of(date.Time()) != date {
				continue
			}
			fn(stamp{d: date, span: Span{s + m[0], s + m[1]}, rank: c.rank(str[:m[0]])})
		}
	}
}

// hasMonthName reports whether a word of s is a month name.
func (c *Cleaner) hasMonthName(s string) bool {
	var buf [12]byte
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		if j-i <= len(buf) {
			w := buf[:0]
			for k := i; k < j; k++ {
				w = append(w, s[k]|0x20)
			}
			if c.v.months[string(w)] != 0 {
				return true
			}
		}
		i = j
	}
	return false
}

func isASCIILetter(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' }

func digitAt(s string, i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }

// month reads a month number or name.
func (c *Cleaner) month(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= 12 {
			return n
		}
		return 0
	}
	return c.v.months[strings.ToLower(s)]
}

// rank judges a date by up to three words before it: a stamp label makes it
// a stamp, a preposition or verb without one puts it inside a sentence.
func (c *Cleaner) rank(before string) int {
	words := lastWords(before, 3)
	for _, w := range words {
		if c.v.later[w] {
			return 1
		}
		if c.v.stamp[w] {
			return 3
		}
	}
	if len(words) > 0 && c.v.inside[words[0]] {
		return 0
	}
	return 2
}

// lastWords returns up to n words at the end of s, last first, lower case.
func lastWords(s string, n int) []string {
	var out []string
	for len(out) < n && len(s) > 0 {
		e := len(s)
		for e > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:e])
			if unicode.IsLetter(r) {
				break
			}
			e -= size
		}
		b := e
		for b > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:b])
			if !unicode.IsLetter(r) {
				break
			}
			b -= size
		}
		if b == e {
			break
		}
		out = append(out, strings.ToLower(s[b:e]))
		s = s[:b]
	}
	return out
}

// Datelines: "GENEVA (Reuters) - ", "BEIJING, April 24 (Xinhua) -- ",
// "Seoul, Nov. 7 (Yonhap) -- ", "MOSCOW, May 5. /TASS/. ", "WASHINGTON — ".
// These describe typography, not words, so they are code.
var (
	datelineAgency = regexp.MustCompile(`^(\p{Lu}[\p{Lu}\p{M}.'’/ -]*\p{Lu}\.?)\s*(?:,[^()\n]{1,40}?)?\s*\([^()\n]{2,40}\)\s*(?:-{1,2}|–|—|:)\s`)
	datelineTitle  = regexp.MustCompile(`^(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,3})\s*,\s*[^()\n]{1,30}?\s*\([^()\n]{2,40}\)\s*(?:-{1,2}|–|—)\s`)
	datelineSlash  = regexp.MustCompile(`^(\p{Lu}[\p{Lu}\p{M}.'’ -]*\p{Lu})\s*(?:,[^/\n]{1,30}?)?\.?\s*/[^/\n]{2,20}/\.?\s`)
	datelineBare   = regexp.MustCompile(`^(\p{Lu}[\p{Lu}.'’/ -]*\p{Lu})\s*(?:,[^—–\n]{1,30}?)?\s+(?:--|—|–)\s`)
)

// dateline returns the place that opens a paragraph, or "".
func (c *Cleaner) dateline(p string) string {
	if len(p) > 160 {
		p = p[:160]
	}
	for _, re := range [...]*regexp.Regexp{datelineAgency, datelineTitle, datelineSlash, datelineBare} {
		if m := re.FindStringSubmatch(p); m != nil {
			city := strings.TrimSpace(m[1])
			if utf8.RuneCountInString(city) >= 2 && len(strings.Fields(city)) <= 4 {
				return city
			}
		}
	}
	return ""
}
