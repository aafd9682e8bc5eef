package clean

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

//go:embed data/*.txt
var dataFS embed.FS

// ruleKind says how a boilerplate phrase is matched (see data/boilerplate.txt).
type ruleKind uint8

const (
	ruleLine ruleKind = iota
	rulePrefix
	ruleContains
	ruleMark
	ruleSection
	ruleCaption
)

var ruleKinds = map[string]ruleKind{
	"line": ruleLine, "prefix": rulePrefix, "contains": ruleContains,
	"mark": ruleMark, "section": ruleSection, "caption": ruleCaption,
}

type rule struct {
	kind   ruleKind
	phrase string // normalised, starts with the word it is filed under
}

// wordInfo is what the vocabulary knows of one normalised word: one map
// lookup per word answers both the stopword test and which phrases may
// start there.
type wordInfo struct {
	stop  uint16 // bit i: a function word of language i (see Vocabulary.langs)
	rules []rule
}

// maxLangs bounds the languages of the stopword file (bits of wordInfo.stop).
const maxLangs = 16

// Vocabulary is the linguistic knowledge of the cleaner: boilerplate
// phrases, English stopwords and the words of date stamps. The default one
// is embedded (data/*.txt); ParseVocabulary reads a user's own files.
type Vocabulary struct {
	words  map[string]*wordInfo
	langs  []string        // the stopword languages; 0 is English, the language of the other lists
	stamp  map[string]bool // labels of a page stamp: "updated", "published"
	inside map[string]bool // words before a date that put it inside a sentence
	later  map[string]bool // labels of a later revision ("updated"), ranked below "published"

	isoDate, mdyDate, dmyDate *regexp.Regexp
	months                    map[string]int
	asciiMonths               bool // all month names are ASCII (enables a quick pre-test)
}

// ParseVocabulary reads the three vocabulary files (formats as in the
// embedded data/boilerplate.txt, data/stopwords.txt and data/dates.txt).
// A nil reader takes the embedded file.
func ParseVocabulary(boilerplate, stopwords, dates io.Reader) (*Vocabulary, error) {
	v := &Vocabulary{
		words:  make(map[string]*wordInfo),
		stamp:  make(map[string]bool),
		inside: make(map[string]bool),
		later:  map[string]bool{},
		months: make(map[string]int),
	}
	open := func(r io.Reader, name string) (io.Reader, error) {
		if r != nil {
			return r, nil
		}
		b, err := dataFS.ReadFile("data/" + name)
		return bytes.NewReader(b), err
	}
	r, err := open(stopwords, "stopwords.txt")
	if err != nil {
		return nil, err
	}
	v.langs = []string{"en"}
	lang := 0
	if err := eachLine(r, "stopwords", func(n int, f []string) error {
		if f[0] == "lang" && len(f) == 2 {
			lang = -1
			for i, l := range v.langs {
				if l == f[1] {
					lang = i
				}
			}
			if lang < 0 {
				if len(v.langs) == maxLangs {
					return fmt.Errorf("more than %d languages", maxLangs)
				}
				lang = len(v.langs)
				v.langs = append(v.langs, f[1])
			}
			return nil
		}
		for _, w := range f {
			v.word(normalizePhrase(w)).stop |= 1 << lang
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if r, err = open(boilerplate, "boilerplate.txt"); err != nil {
		return nil, err
	}
	if err := eachLine(r, "boilerplate", func(n int, f []string) error {
		k, ok := ruleKinds[f[0]]
		if !ok || len(f) < 2 {
			return fmt.Errorf("want KIND PHRASE with KIND one of line, prefix, contains, mark, section, caption")
		}
		p := normalizePhrase(strings.Join(f[1:], " "))
		if p == "" {
			return fmt.Errorf("phrase %q has no words", strings.Join(f[1:], " "))
		}
		first, _, _ := strings.Cut(p, " ")
		wi := v.word(first)
		wi.rules = append(wi.rules, rule{k, p})
		return nil
	}); err != nil {
		return nil, err
	}
	if r, err = open(dates, "dates.txt"); err != nil {
		return nil, err
	}
	if err := eachLine(r, "dates", func(n int, f []string) error {
		switch f[0] {
		case "month":
			if len(f) < 3 {
				return fmt.Errorf("want: month N NAME...")
			}
			m, err := strconv.Atoi(f[1])
			if err != nil || m < 1 || m > 12 {
				return fmt.Errorf("bad month number %q", f[1])
			}
			for _, w := range f[2:] {
				v.months[strings.ToLower(w)] = m
			}
		case "stamp", "later", "inside":
			set := map[string]map[string]bool{"stamp": v.stamp, "later": v.later, "inside": v.inside}[f[0]]
			for _, w := range f[1:] {
				set[strings.ToLower(w)] = true
			}
		default:
			return fmt.Errorf("unknown kind %q (want month, stamp, later or inside)", f[0])
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if len(v.months) == 0 {
		return nil, fmt.Errorf("dates: no month names")
	}
	// Later-revision labels are stamp labels too.
	for w := range v.later {
		v.stamp[w] = true
	}
	v.compileDates()
	return v, nil
}

func (v *Vocabulary) word(w string) *wordInfo {
	wi := v.words[w]
	if wi == nil {
		wi = &wordInfo{}
		v.words[w] = wi
	}
	return wi
}

// compileDates builds the stamp patterns from the month names, longest
// name first so that "sept" wins over "sep".
func (v *Vocabulary) compileDates() {
	names := make([]string, 0, len(v.months))
	v.asciiMonths = true
	for m := range v.months {
		for i := 0; i < len(m); i++ {
			if !isASCIILetter(m[i]) || len(m) > 12 {
				v.asciiMonths = false
			}
		}
		names = append(names, regexp.QuoteMeta(m))
	}
	sort.Slice(names, func(i, j int) bool {
		if len(names[i]) != len(names[j]) {
			return len(names[i]) > len(names[j])
		}
		return names[i] < names[j]
	})
	mon := "(" + strings.Join(names, "|") + ")"
	v.isoDate = regexp.MustCompile(`((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})日?`)
	v.mdyDate = regexp.MustCompile(`(?i)\b` + mon + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+((?:19|20)\d\d)\b`)
	v.dmyDate = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + mon + `\.?,?\s+((?:19|20)\d\d)\b`)
}

// eachLine calls fn with the fields of every line that is not blank or a
// "#" comment, and names the file and line in any error.
func eachLine(r io.Reader, name string, fn func(n int, fields []string) error) error {
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		s := sc.Text()
		if i := strings.Index(s, " #"); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimSpace(s)
		if s == "" || s[0] == '#' {
			continue
		}
		if err := fn(n, strings.Fields(s)); err != nil {
			return fmt.Errorf("%s line %d: %v", name, n, err)
		}
	}
	return sc.Err()
}

// normalizePhrase puts a vocabulary phrase in the form lines are compared in.
func normalizePhrase(s string) string {
	var ln lineNorm
	ln.run(s)
	return strings.TrimSpace(string(ln.buf))
}
