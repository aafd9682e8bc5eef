// Package text splits an article's body into sentences, keeping the byte
// offsets of each sentence in the document text.
package text

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range [Start, End) of a document text.
type Span struct {
	Start, End int
}

// Sentence is one sentence of a document.
type Sentence struct {
	Start, End int    // byte offsets into the document text
	Text       string // the sentence as written
	Para       int    // index of the paragraph (body span) it belongs to
}

//go:embed data/abbreviations.txt
var abbreviationData string

// Splitter splits text into sentences. The zero value is not usable; use
// NewSplitter or Default.
type Splitter struct {
	abbrev map[string]bool
}

var defaultSplitter = NewSplitter(abbreviationData)

// Default returns the splitter built from the embedded abbreviation list.
func Default() *Splitter { return defaultSplitter }

// NewSplitter builds a splitter from an abbreviation list: one word per line,
// without its final full stop; '#' starts a comment.
func NewSplitter(abbreviations string) *Splitter {
	s := &Splitter{abbrev: map[string]bool{}}
	for _, line := range strings.Split(abbreviations, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		s.abbrev[line] = true
	}
	return s
}

// Split returns the sentences of doc that lie inside the given paragraph
// spans, in order. A sentence never crosses a paragraph boundary.
func (s *Splitter) Split(doc string, paras []Span) []Sentence {
	var out []Sentence
	for pi, p := range paras {
		if p.Start < 0 || p.End > len(doc) || p.Start >= p.End {
			continue
		}
		start := p.Start
		for start < p.End {
			end := s.next(doc, start, p.End)
			if sent := trimSpan(doc, start, end); sent.Start < sent.End {
				out = append(out, Sentence{Start: sent.Start, End: sent.End, Text: doc[sent.Start:sent.End], Para: pi})
			}
			start = end
		}
	}
	return out
}

// next returns the end offset of the sentence that starts at start.
func (s *Splitter) next(doc string, start, limit int) int {
	for i := start; i < limit; i++ {
		c := doc[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// Take a run of terminal punctuation and closing quotes or brackets.
		j := i + 1
		for j < limit {
			r, size := utf8.DecodeRuneInString(doc[j:])
			if r == '.' || r == '!' || r == '?' || r == '"' || r == '\'' || r == ')' || r == ']' || r == '\u201d' || r == '\u2019' {
				j += size
				continue
			}
			break
		}
		if j >= limit {
			return limit
		}
		r, _ := utf8.DecodeRuneInString(doc[j:])
		if !unicode.IsSpace(r) {
			continue // "U.S.-led", "3.5", "Yahoo!News"
		}
		if c == '.' && s.isAbbreviation(doc, start, i) {
			continue
		}
		// The next word must look like a sentence opening.
		k := j
		for k < limit {
			r, size := utf8.DecodeRuneInString(doc[k:])
			if !unicode.IsSpace(r) {
				break
			}
			k += size
		}
		if k >= limit {
			return limit
		}
		r, _ = utf8.DecodeRuneInString(doc[k:])
		if unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'\u201c\u2018([", r) {
			return j
		}
	}
	return limit
}

// isAbbreviation reports whether the full stop at dot ends a known
// abbreviation or a single initial ("A."), rather than a sentence.
func (s *Splitter) isAbbreviation(doc string, start, dot int) bool {
	w := dot
	for w > start {
		r, size := utf8.DecodeLastRuneInString(doc[start:w])
		if unicode.IsSpace(r) || r == '(' || r == '"' || r == '\u201c' {
			break
		}
		w -= size
	}
	word := doc[w:dot]
	if word == "" {
		return false
	}
	if s.abbrev[word] {
		return true
	}
	// A single capital letter is an initial ("John F. Kennedy").
	if r, size := utf8.DecodeRuneInString(word); size == len(word) && unicode.IsUpper(r) {
		return true
	}
	return false
}

func trimSpan(doc string, start, end int) Span {
	for start < end {
		r, size := utf8.DecodeRuneInString(doc[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(doc[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return Span{start, end}
}
