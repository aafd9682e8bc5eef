package actors

import (
	"unicode"
	"unicode/utf8"

	"parley/caldate"
)

// Dictionary is a compiled set of actor names: a trie keyed by word tokens,
// built once, plus the people's terms of office. It is read-only after
// Build and safe for concurrent use.
type Dictionary struct {
	vocab   map[string]int32 // token text -> id
	edges   map[uint64]int32 // node<<32 | token id -> child node
	nodes   []node
	root    []int32 // token id -> child of the root node, 0 if none
	people  []person
	roleIdx map[roleKey][]termRef
	names   map[string]string        // code -> canonical name
	notName map[string]bool          // capitalised words that never start a name
	particl map[string]bool          // lower-case words allowed inside names
	pastMod map[string]bool          // words before a title that rule out the current holder
	gender  map[string]byte          // given or full name -> 'f' or 'm'
	corefs  map[string][]corefPhrase // lower-cased first word -> phrases starting with it

	apos, sTok, hyphen, ofTok, theTok int32

	stats Stats
}

// Stats counts what a Dictionary holds.
type Stats struct {
	States, IGOs, Bodies, Titles int // rows of each table
	People, Terms                int // distinct people, and terms of office
	Phrases                      int // phrases in the trie
	Nodes, Vocab                 int // trie nodes, distinct tokens
}

// Stats reports the dictionary's size.
func (d *Dictionary) Stats() Stats { return d.stats }

// Name returns the canonical name of a state or IGO code ("RUS" -> "Russia").
func (d *Dictionary) Name(code string) string { return d.names[code] }

type entryKind uint8

const (
	eNone entryKind = iota
	eStop
	eState
	eCapital
	eDemonym
	eIGO
	eBody
	eTitle
	ePerson
)

// entry is what a phrase in the trie stands for.
type entry struct {
	kind    entryKind
	code    string
	actor   string
	sector  string
	title   *title
	persons []int32 // ePerson: everyone who goes by this phrase
	single  bool    // ePerson: a one-word form (a surname)
	after   bool    // eBody: counts only after a country word
	asState bool    // eBody: country word + this = the state itself ("the Russian side")
}

type title struct {
	roles      []string
	code, body string
	sector     string
}

// node is a trie node. main is what the phrase means alone; after is a
// meaning that only applies after a country word ("Russian Security
// Council" is a Russian body though "Security Council" alone is the UN's).
type node struct {
	main, after *entry
}

type person struct {
	name, code string
	variants   []string
	surnames   []string // one-token forms
	forms      []string // every form matched, canonical first
	terms      []term   // sorted by start
}

type term struct {
	roles      []string
	sector     string
	start, end int32 // YYYYMMDD, inclusive
}

type roleKey struct{ code, role string }

type termRef struct{ person, term int32 }

func (d *Dictionary) intern(s string) int32 {
	if id, ok := d.vocab[s]; ok {
		return id
	}
	id := int32(len(d.vocab))
	d.vocab[s] = id
	return id
}

// keyTokens tokenises a dictionary phrase the way text is tokenised, drops a
// leading "the", and interns the tokens.
func (d *Dictionary) keyTokens(p string) []int32 {
	var ids []int32
	tokenize(p, func(t tok, s string) {
		ids = append(ids, d.intern(s))
	})
	if len(ids) > 1 && (ids[0] == d.theTok || ids[0] == d.vocab["The"]) {
		ids = ids[1:]
	}
	return ids
}

func (d *Dictionary) walk(ids []int32) int32 {
	n := int32(0)
	for _, id := range ids {
		k := uint64(n)<<32 | uint64(uint32(id))
		c, ok := d.edges[k]
		if !ok {
			c = int32(len(d.nodes))
			d.nodes = append(d.nodes, node{})
			d.edges[k] = c
		}
		n = c
	}
	return n
}

// add puts a phrase in the trie. The first meaning registered for a slot
// wins, so tables are added in order of authority (stop phrases first).
func (d *Dictionary) add(p string, e *entry) {
	ids := d.keyTokens(p)
	if len(ids) == 0 {
		return
	}
	n := &d.nodes[d.walk(ids)]
	if e.kind == eBody && e.after {
		if n.after == nil {
			n.after = e
			d.stats.Phrases++
		}
		return
	}
	if n.main == nil {
		n.main = e
		d.stats.Phrases++
	}
}

func (d *Dictionary) addPersonVariant(ids []int32, pi int32, single bool) {
	n := &d.nodes[d.walk(ids)]
	switch {
	case n.main == nil:
		n.main = &entry{kind: ePerson, persons: []int32{pi}, single: single}
		d.stats.Phrases++
	case n.main.kind == ePerson:
		for _, q := range n.main.persons {
			if q == pi {
				return
			}
		}
		n.main.persons = append(n.main.persons, pi)
	}
}

// tok is one token of text: a run of letters and digits, or one
// punctuation character. Curly apostrophes read as "'".
type tok struct {
	start, end int32
	id         int32 // vocabulary id, -1 if unknown
	flags      uint8
}

const (
	fWord  uint8 = 1 << iota // letters/digits
	fUpper                   // starts with an upper-case letter
	fSpace                   // preceded by white space
	fLine                    // preceded by a line break
)

// tokenize calls fn for each token of s with its text ("'" for any
// apostrophe). It never allocates.
func tokenize(s string, fn func(t tok, text string)) {
	var flags uint8
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\r':
				flags |= fSpace
				i++
				continue
			case c == '\n':
				flags |= fSpace | fLine
				i++
				continue
			case isASCIIWord(c):
				j := i + 1
				for j < len(s) {
					if s[j] < utf8.RuneSelf {
						if !isASCIIWord(s[j]) {
							break
						}
						j++
						continue
					}
					r, n := utf8.DecodeRuneInString(s[j:])
					if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
						break
					}
					j += n
				}
				f := flags | fWord
				if c >= 'A' && c <= 'Z' {
					f |= fUpper
				}
				fn(tok{start: int32(i), end: int32(j), flags: f}, s[i:j])
				flags = 0
				i = j
				continue
			default:
				fn(tok{start: int32(i), end: int32(i + 1), flags: flags}, s[i:i+1])
				flags = 0
				i++
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '’' || r == '‘' || r == 'ʼ':
			fn(tok{start: int32(i), end: int32(i + n), flags: flags}, "'")
			flags = 0
			i += n
		case r == '\u00a0' || unicode.IsSpace(r):
			flags |= fSpace
			i += n
		case r == '‐' || r == '‑' || r == '–':
			// Hyphens written as Unicode dashes inside compounds.
			fn(tok{start: int32(i), end: int32(i + n), flags: flags}, "-")
			flags = 0
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && !unicode.Is(unicode.Mn, r2) {
					break
				}
				j += n2
			}
			f := flags | fWord
			if unicode.IsUpper(r) {
				f |= fUpper
			}
			fn(tok{start: int32(i), end: int32(j), flags: f}, s[i:j])
			flags = 0
			i = j
		default:
			fn(tok{start: int32(i), end: int32(i + n), flags: flags}, s[i:i+n])
			flags = 0
			i += n
		}
	}
}

func isASCIIWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// holders returns the people holding role for code on day (YYYYMMDD); with
// day 0 it returns the most recent holder.
func (d *Dictionary) holders(code, role string, day int32) []int32 {
	refs := d.roleIdx[roleKey{code, role}]
	if len(refs) == 0 {
		return nil
	}
	if day == 0 {
		best, bestStart := int32(-1), int32(-1)
		for _, r := range refs {
			if s := d.people[r.person].terms[r.term].start; s > bestStart {
				best, bestStart = r.person, s
			}
		}
		return []int32{best}
	}
	var out []int32
	for _, r := range refs {
		t := d.people[r.person].terms[r.term]
		if t.start <= day && day <= t.end && !containsID(out, r.person) {
			out = append(out, r.person)
		}
	}
	return out
}

func containsID(xs []int32, x int32) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// roleAt is the role person p holds on day, preferring one of want; with
// day 0 it prefers want in any term, else the latest term's first role.
func (d *Dictionary) roleAt(p int32, day int32, want []string) (role, sector string, active bool) {
	ts := d.people[p].terms
	for _, w := range want {
		for _, t := range ts {
			if (day == 0 || t.start <= day && day <= t.end) && contains(t.roles, w) {
				return w, t.sector, true
			}
		}
	}
	if day == 0 {
		t := ts[len(ts)-1]
		return t.roles[0], t.sector, true
	}
	// The active term that started last; on a tie the one listed first,
	// so that built-in roles win over imported generic ones.
	best := -1
	for i, t := range ts {
		if t.start <= day && day <= t.end && (best < 0 || t.start > ts[best].start) {
			best = i
		}
	}
	if best >= 0 {
		return ts[best].roles[0], ts[best].sector, true
	}
	return "", ts[len(ts)-1].sector, false
}

// dayOf picks the day a document date stands for: its first day. A month or
// year is resolved at its start; holders are looked up again at its end if
// nobody held the role on the first day.
func dayOf(d caldate.Date) (first, last int32) {
	if d.IsZero() {
		return 0, 0
	}
	return dayNum(d), dayNum(d.Last())
}
