package timex

import (
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	kWord  tokKind = iota + 1 // letters (with inner apostrophes)
	kNum                      // digits only
	kAlnum                    // digits then letters: "76th", "1970s"
	kPunct                    // one punctuation rune
)

// token is a span of the text; its lower-case form is scan.low[s:e].
type token struct {
	s, e  int
	kind  tokKind
	ndig  int  // number of leading digits (kNum, kAlnum)
	val   int  // value of the leading digits, when ndig <= 9
	upper bool // first byte is an upper-case ASCII letter
}

// scan holds per-call scratch space, reused through Tagger.pool.
type scan struct {
	text string
	low  []byte
	toks []token
}

func (sc *scan) reset(text string) {
	sc.text = text
	if cap(sc.low) < len(text) {
		sc.low = make([]byte, len(text), len(text)+len(text)/2)
	}
	sc.low = sc.low[:len(text)]
	for i := 0; i < len(text); i++ {
		c := text[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		sc.low[i] = c
	}
	sc.toks = sc.toks[:0]
	sc.tokenize()
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// wordRune reports whether the rune at i continues a word, and its width.
func (sc *scan) wordRune(i int) (bool, int) {
	c := sc.text[i]
	if c < utf8.RuneSelf {
		return isLetter(c), 1
	}
	r, w := utf8.DecodeRuneInString(sc.text[i:])
	return unicode.IsLetter(r), w
}

// space returns the width of a Unicode space at i, or 0.
func (sc *scan) space(i int) int {
	r, w := utf8.DecodeRuneInString(sc.text[i:])
	if unicode.IsSpace(r) || r == '\u200b' {
		return w
	}
	return 0
}

// apostrophe returns the width of an apostrophe at i (', ’ or the ‘ that
// word processors put before "'90s"), or 0.
func (sc *scan) apostrophe(i int) int {
	if i < len(sc.text) && sc.text[i] == '\'' {
		return 1
	}
	if i+2 < len(sc.text) && sc.text[i] == 0xE2 && sc.text[i+1] == 0x80 && (sc.text[i+2] == 0x99 || sc.text[i+2] == 0x98) {
		return 3
	}
	return 0
}

func (sc *scan) tokenize() {
	t := sc.text
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c >= utf8.RuneSelf && sc.space(i) > 0:
			// no-break and thin spaces, common in pages ("March\u00a05")
			i += sc.space(i)
		case isDigit(c):
			j, v := i, 0
			for j < len(t) && isDigit(t[j]) {
				if j-i < 9 {
					v = v*10 + int(t[j]-'0')
				}
				j++
			}
			tk := token{s: i, kind: kNum, ndig: j - i, val: v}
			for j < len(t) && isLetter(t[j]) {
				j++
				tk.kind = kAlnum
			}
			tk.e = j
			sc.toks = append(sc.toks, tk)
			i = j
		default:
			ok, w := sc.wordRune(i)
			if !ok {
				sc.toks = append(sc.toks, token{s: i, e: i + w, kind: kPunct})
				i += w
				continue
			}
			j := i + w
			for j < len(t) {
				if ok, w := sc.wordRune(j); ok {
					j += w
					continue
				}
				// an apostrophe between letters stays in the word: "year's", "we'll"
				if a := sc.apostrophe(j); a > 0 && j+a < len(t) {
					if ok, _ := sc.wordRune(j + a); ok {
						j += a
						continue
					}
				}
				break
			}
			sc.toks = append(sc.toks, token{s: i, e: j, kind: kWord, upper: 'A' <= c && c <= 'Z'})
			i = j
		}
	}
}

// key is the lower-case form of token i.
func (sc *scan) key(i int) []byte {
	tk := &sc.toks[i]
	return sc.low[tk.s:tk.e]
}

// base is key without a possessive "'s".
func (sc *scan) base(i int) []byte {
	k := sc.key(i)
	n := len(k)
	if n > 2 && k[n-1] == 's' && k[n-2] == '\'' {
		return k[:n-2]
	}
	if n > 4 && k[n-1] == 's' && k[n-2] == 0x99 && k[n-3] == 0x80 && k[n-4] == 0xE2 {
		return k[:n-4]
	}
	return k
}

// is reports whether token i is the punctuation byte c.
func (sc *scan) is(i int, c byte) bool {
	return i >= 0 && i < len(sc.toks) && sc.toks[i].kind == kPunct && sc.toks[i].e-sc.toks[i].s == 1 && sc.text[sc.toks[i].s] == c
}

// isDash reports whether token i is a hyphen or an en or em dash.
func (sc *scan) isDash(i int) bool {
	if i < 0 || i >= len(sc.toks) || sc.toks[i].kind != kPunct {
		return false
	}
	s := sc.text[sc.toks[i].s:sc.toks[i].e]
	return s == "-" || s == "–" || s == "—"
}

// glued reports whether tokens i and i+1 touch (no space between them).
func (sc *scan) glued(i int) bool {
	return i+1 < len(sc.toks) && sc.toks[i].e == sc.toks[i+1].s
}

// isStop reports whether token i ends a clause for the cue window. A dot after
// a one-letter word or a month abbreviation ("U.S.", "Nov.") is not a stop.
func (sc *scan) isStop(i int, lx *lexicon) bool {
	tk := &sc.toks[i]
	if tk.kind != kPunct || tk.e-tk.s != 1 {
		return false
	}
	switch sc.text[tk.s] {
	case '!', '?', ';', ':':
		return true
	case '.':
		if i > 0 && sc.glued(i-1) {
			p := &sc.toks[i-1]
			if p.e-p.s == 1 {
				return false
			}
			if mi, ok := lx.months[string(sc.key(i-1))]; ok && mi.abbr {
				return false
			}
		}
		return true
	}
	return false
}
