package clean

import (
	"unicode"
	"unicode/utf8"
)

// Character classes the normaliser tells apart.
const (
	cNone = iota
	cLower
	cUpper // upper or title case Latin
	cLatin // Latin letter without case
	cOther // letter of another script
	cDigit
)

// lineNorm normalises one line and counts what the line is made of. It is
// reused from line to line so that a page costs no allocation per line.
//
// The normal form is lower case, words of letters, digits and inner
// apostrophes separated by one space; a word never mixes letters and digits
// or Latin and other scripts, and camel case is split ("MorePhoto" ->
// "more photo", "EditionASIA" -> "edition asia"), since menus scraped to
// text lose the spaces between their items.
type lineNorm struct {
	buf    []byte
	starts []int // word starts in buf
	ends   []int // word ends in buf

	latin, other int // letters in Latin and in other scripts
	upper, lower int // cased Latin letters
	digits       int
	seps         int  // list separators: | • · » › and " / "
	at           bool // an @ (e-mail, handle)
	inWord       bool

	hits [maxLangs]int // function words of each language on the page so far (see Cleaner.scan)
}

func (n *lineNorm) reset() {
	n.buf = n.buf[:0]
	n.starts = n.starts[:0]
	n.ends = n.ends[:0]
	n.latin, n.other, n.upper, n.lower, n.digits, n.seps = 0, 0, 0, 0, 0, 0
	n.at, n.inWord = false, false
}

func (n *lineNorm) open() {
	if len(n.buf) > 0 {
		n.buf = append(n.buf, ' ')
	}
	n.starts = append(n.starts, len(n.buf))
	n.inWord = true
}

func (n *lineNorm) close() {
	if n.inWord {
		n.ends = append(n.ends, len(n.buf))
		n.inWord = false
	}
}

func class(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case 'a' <= r && r <= 'z':
			return cLower
		case 'A' <= r && r <= 'Z':
			return cUpper
		case '0' <= r && r <= '9':
			return cDigit
		}
		return cNone
	case unicode.IsLetter(r):
		if !unicode.Is(unicode.Latin, r) {
			return cOther
		}
		switch {
		case unicode.IsLower(r):
			return cLower
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			return cUpper
		}
		return cLatin
	case unicode.IsDigit(r):
		return cDigit
	}
	return cNone
}

func isLetterClass(c int) bool { return c == cLower || c == cUpper || c == cLatin || c == cOther }

// run normalises s into n.buf.
func (n *lineNorm) run(s string) {
	n.reset()
	prev := cNone
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		c := class(r)
		if c != cNone {
			split := !n.inWord
			if !split {
				switch {
				case (c == cDigit) != (prev == cDigit):
					split = true
				case (c == cOther) != (prev == cOther):
					split = true
				case prev == cLower && c == cUpper:
					split = true
				case prev == cUpper && c == cUpper:
					// "AAAPrint": the last capital before a lower case letter starts a word.
					if j := i + size; j < len(s) {
						nr, _ := utf8.DecodeRuneInString(s[j:])
						split = class(nr) == cLower
					}
				}
			}
			if split {
				n.close()
				n.open()
			}
			switch c {
			case cLower:
				n.latin++
				n.lower++
			case cUpper:
				n.latin++
				n.upper++
			case cLatin:
				n.latin++
			case cOther:
				n.other++
			case cDigit:
				n.digits++
			}
			if r < utf8.RuneSelf {
				if c == cUpper {
					r += 'a' - 'A'
				}
				n.buf = append(n.buf, byte(r))
			} else {
				n.buf = utf8.AppendRune(n.buf, unicode.ToLower(r))
			}
			prev = c
			i += size
			continue
		}
		switch {
		case r >= utf8.RuneSelf && n.inWord && unicode.IsMark(r):
			n.buf = utf8.AppendRune(n.buf, r)
			i += size
			continue
		case (r == '\'' || r == '’' || r == 'ʼ') && n.inWord && isLetterClass(prev):
			if j := i + size; j < len(s) {
				nr, _ := utf8.DecodeRuneInString(s[j:])
				if isLetterClass(class(nr)) {
					n.buf = append(n.buf, '\'')
					i += size
					continue
				}
			}
		case r == '©':
			n.close()
			n.open()
			n.buf = append(n.buf, "copyright"...)
		case r == '|' || r == '•' || r == '·' || r == '»' || r == '›':
			n.seps++
		case r == '/' && i > 0 && s[i-1] == ' ' && i+1 < len(s) && s[i+1] == ' ':
			n.seps++
		case r == '@':
			n.at = true
		}
		n.close()
		prev = cNone
		i += size
	}
	n.close()
}

// words is the number of words in the normal form.
func (n *lineNorm) words() int { return len(n.starts) }

// word returns the i-th word.
func (n *lineNorm) word(i int) []byte { return n.buf[n.starts[i]:n.ends[i]] }
