package events

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or punctuation mark of a sentence.
type token struct {
	start, end int    // byte offsets in the sentence
	lower      string // lower-cased text; possessive 's and quotes removed
	punct      bool
	poss       bool // the word carried a possessive 's
}

func isQuote(r rune) bool {
	return r == '"' || r == '\u201c' || r == '\u201d' || r == '\u2018' || r == '\u2019' || r == '`'
}

// tokenize splits s into words and punctuation. Quotes are dropped so that
// patterns match across quoted words ("exchanged “views”").
func tokenize(s string) []token {
	var out []token
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || isQuote(r) && !isWordApostrophe(s, i, size):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '-' && j+sz < len(s) && isWordStart(s[j+sz:]) ||
					(r2 == '\'' || r2 == '\u2019') && isWordApostrophe(s, j, sz) ||
					r2 == '.' && j+sz < len(s) && isAbbrevDot(s, i, j, sz) {
					j += sz
					continue
				}
				break
			}
			w := s[i:j]
			t := token{start: i, end: j}
			lw := strings.ToLower(strings.ReplaceAll(w, "\u2019", "'"))
			if strings.HasSuffix(lw, "'s") {
				lw = lw[:len(lw)-2]
				t.poss = true
			} else if strings.HasSuffix(lw, "s'") {
				lw = lw[:len(lw)-1]
				t.poss = true
			}
			t.lower = lw
			out = append(out, t)
			i = j
		default:
			out = append(out, token{start: i, end: i + size, lower: string(r), punct: true})
			i += size
		}
	}
	return out
}

func isWordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isWordApostrophe reports whether the apostrophe at i joins letters ("Russia's", "don't").
func isWordApostrophe(s string, i, size int) bool {
	if i == 0 || i+size >= len(s) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	next, _ := utf8.DecodeRuneInString(s[i+size:])
	return unicode.IsLetter(prev) && unicode.IsLetter(next)
}

// isAbbrevDot keeps the dots of "U.S." and "U.N." inside the word.
func isAbbrevDot(s string, wordStart, j, size int) bool {
	next, _ := utf8.DecodeRuneInString(s[j+size:])
	if unicode.IsUpper(next) && j-wordStart <= 3 {
		return true
	}
	// "U.S." final dot: a single letter before it and a dotted word.
	return j-wordStart >= 2 && s[j-2] == '.' && unicode.IsUpper(rune(s[j-1]))
}
