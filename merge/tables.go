package merge

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data/types.tsv data/stopwords.txt
var dataFS embed.FS

// Quad classes of PLOVER.
const (
	VerbalCoop       = 1
	MaterialCoop     = 2
	VerbalConflict   = 3
	MaterialConflict = 4
)

// QuadName is the name of a quad class ("" for an unknown one).
func QuadName(q int) string {
	switch q {
	case VerbalCoop:
		return "verbal cooperation"
	case MaterialCoop:
		return "material cooperation"
	case VerbalConflict:
		return "verbal conflict"
	case MaterialConflict:
		return "material conflict"
	}
	return ""
}

// TypeInfo is what the merger and the timelines know of a PLOVER type.
type TypeInfo struct {
	Quad   int     // PLOVER quad class, 1..4
	Score  float64 // Goldstein-style score, -10 (conflict) .. +10 (cooperation)
	Verbal bool    // several distinct acts a day are common: wording must agree
}

// TypeTable maps a PLOVER type to its TypeInfo.
type TypeTable map[string]TypeInfo

// Verbal reports whether typ is a verbal type.
func (t TypeTable) Verbal(typ string) bool { return t[typ].Verbal }

// LoadTypes reads a table of tab-separated lines "TYPE quad score verbal"
// (verbal is yes or no); blank lines and lines starting with '#' are skipped.
func LoadTypes(r io.Reader) (TypeTable, error) {
	t := TypeTable{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 4 {
			return nil, fmt.Errorf("merge: types line %d: want 4 fields, got %d", n, len(f))
		}
		q, err1 := strconv.Atoi(f[1])
		s, err2 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil || q < 1 || q > 4 || s < -10 || s > 10 || (f[3] != "yes" && f[3] != "no") {
			return nil, fmt.Errorf("merge: types line %d: bad fields %q", n, line)
		}
		t[f[0]] = TypeInfo{Quad: q, Score: s, Verbal: f[3] == "yes"}
	}
	return t, sc.Err()
}

// LoadStopwords reads one word a line; '#' starts a comment.
func LoadStopwords(r io.Reader) (map[string]bool, error) {
	m := map[string]bool{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if w := strings.ToLower(strings.TrimSpace(line)); w != "" {
			m[w] = true
		}
	}
	return m, sc.Err()
}

func mustLoad[T any](name string, load func(io.Reader) (T, error)) T {
	f, err := dataFS.Open(name)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	v, err := load(f)
	if err != nil {
		panic(err)
	}
	return v
}

var (
	defaultTypes = mustLoad("data/types.tsv", LoadTypes)
	defaultStop  = mustLoad("data/stopwords.txt", LoadStopwords)
)

// DefaultTypes is the embedded type table (data/types.tsv). Callers must
// not modify it.
func DefaultTypes() TypeTable { return defaultTypes }

// DefaultStopwords is the embedded stop word list (data/stopwords.txt).
// Callers must not modify it.
func DefaultStopwords() map[string]bool { return defaultStop }

// words returns the content words of an evidence sentence, sorted and
// without repeats: lower-cased, crudely stemmed, without stop words, without
// capitalised words (names, which the key already fixes) and without words
// of fewer than three letters.
func (m *Merger) words(s string) []string {
	var out []string
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			s = s[n:]
			continue
		}
		j := 0
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && r2 != '\'' && r2 != '’' {
				break
			}
			j += n2
		}
		w := s[:j]
		s = s[j:]
		if unicode.IsUpper(r) || len(w) < 3 {
			continue
		}
		w = strings.ToLower(w)
		if i := strings.IndexAny(w, "'’"); i >= 0 {
			w = w[:i]
		}
		if m.Stop[w] {
			continue
		}
		w = stem(w)
		if len(w) < 3 || m.Stop[w] {
			continue
		}
		out = append(out, w)
	}
	return sortUniq(out)
}

// stem strips a few English inflections so that "deals" meets "deal" and
// "pressed" meets "press"; it is deliberately crude and only ever compares
// stems with stems.
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

func sortUniq(s []string) []string {
	if len(s) < 2 {
		return s
	}
	slices.Sort(s)
	out := s[:1]
	for _, w := range s[1:] {
		if w != out[len(out)-1] {
			out = append(out, w)
		}
	}
	return out
}

// normLoc is a place name as compared: lower case, single spaces.
func normLoc(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// sameLoc reports whether two normalised place names can name the same
// place: equal, or one inside the other ("beijing" and "great hall, beijing").
func sameLoc(a, b string) bool {
	return a == b || strings.Contains(a, b) || strings.Contains(b, a)
}
