package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Within-document coreference: which actor "he", "the two leaders", "both
// sides", "the ministry" or "the spokesman" stands for. The phrases and
// what they refer to live in data/coref.tsv; who is a woman in
// data/gender.tsv. Titles with a country word ("the Russian side",
// "Moscow's top diplomat", "the Japanese prime minister") need no
// coreference: Find resolves them directly.
//
// Use: for each sentence of a document, in order,
//
//	refs := c.Find(sentence)   // references, resolved against earlier sentences
//	c.Observe(mentions)        // then the sentence's own mentions (from DocMatcher.Find)
//
// A Coref is cheap and belongs to one document; it is not safe for
// concurrent use.

var corefKinds = map[string]bool{"he": true, "she": true, "pair": true, "ministry": true, "spokesperson": true, "minister": true, "leader": true}

type corefPhrase struct {
	words []string // lower case, as tokenised
	kind  string
}

func (d *Dictionary) addCoref(phrase, kind string) {
	var words []string
	tokenize(phrase, func(_ tok, s string) { words = append(words, strings.ToLower(s)) })
	if len(words) == 0 {
		return
	}
	d.corefs[words[0]] = append(d.corefs[words[0]], corefPhrase{words, kind})
}

// Anaphor is a reference to an earlier actor found in a sentence.
type Anaphor struct {
	Start, End int       // byte offsets in the text passed to Find
	Text       string    // as written
	Kind       string    // he, she, pair, ministry, spokesperson, minister, leader
	Refs       []Mention // what it refers to (two for a pair); empty if unresolved
}

// Coref resolves references within one document.
type Coref struct {
	d        *Dictionary
	people   []Mention // people named so far, oldest first
	bodies   []Mention // state bodies named so far
	lastCode string    // the last state (or IGO) code named
	pair     []Mention // the parties of the last sentence naming two codes or more
}

// Coref returns a resolver for one document.
func (d *Dictionary) Coref() *Coref { return &Coref{d: d} }

// Observe records one sentence's mentions, in text order.
func (c *Coref) Observe(ms []Mention) {
	var parties []Mention
	for _, m := range ms {
		switch m.Kind {
		case Person:
			c.people = append(c.people, m)
			// "Foreign Ministry spokeswoman Mao Ning" also names the
			// ministry she speaks for.
			if b, ok := strings.CutSuffix(m.Role, " spokesperson"); ok && m.Code != "" &&
				(strings.Contains(b, "ministry") || strings.Contains(b, "department")) {
				c.bodies = append(c.bodies, Mention{Start: m.Start, End: m.End, Text: m.Text, Kind: Body, Code: m.Code,
					Actor: titleCase(b), Sector: m.Sector})
			}
		case Body:
			if m.Code == "" && c.lastCode != "" {
				m.Code = c.lastCode
			}
			c.bodies = append(c.bodies, m)
		}
		if m.Code == "" {
			continue
		}
		c.lastCode = m.Code
		dup := false
		for _, p := range parties {
			dup = dup || p.Code == m.Code
		}
		if !dup {
			parties = append(parties, m)
		}
	}
	if len(parties) >= 2 {
		c.pair = parties[:2]
	}
}

// Gender reports the gender recorded for a person's name: 'f', 'm' or 0
// when unknown. The full name is looked up first, then its first word.
func (d *Dictionary) Gender(name string) byte {
	if g, ok := d.gender[name]; ok {
		return g
	}
	if i := strings.IndexByte(name, ' '); i > 0 {
		return d.gender[name[:i]]
	}
	return 0
}

// Find returns the references in text (one sentence), resolved against
// the sentences observed so far.
func (c *Coref) Find(text string) []Anaphor {
	d := c.d
	type word struct {
		start, end int
		lower      string
	}
	var ws []word
	tokenize(text, func(t tok, s string) {
		ws = append(ws, word{int(t.start), int(t.end), s})
	})
	var out []Anaphor
	for i := 0; i < len(ws); i++ {
		w := ws[i].lower
		// Only the first letter may be upper case ("He", "The two leaders");
		// "HE" or "She-Ra" are not pronouns.
		if r, n := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			if strings.ToLower(w[n:]) != w[n:] {
				continue
			}
			w = strings.ToLower(w)
		}
		cands := d.corefs[w]
		best := -1
		for k, p := range cands {
			if len(p.words) > len(ws)-i || (best >= 0 && len(p.words) <= len(cands[best].words)) {
				continue
			}
			ok := true
			for j := 1; j < len(p.words) && ok; j++ {
				ok = strings.ToLower(ws[i+j].lower) == p.words[j]
			}
			if ok {
				best = k
			}
		}
		if best < 0 {
			continue
		}
		p := cands[best]
		e := ws[i+len(p.words)-1].end
		out = append(out, Anaphor{Start: ws[i].start, End: e, Text: text[ws[i].start:e], Kind: p.kind, Refs: c.resolve(p.kind)})
		i += len(p.words) - 1
	}
	return out
}

// Resolve returns what a reference of kind (see coref.tsv) stands for now.
func (c *Coref) Resolve(kind string) []Mention { return c.resolve(kind) }

func (c *Coref) resolve(kind string) []Mention {
	d := c.d
	lastPerson := func(ok func(Mention) bool) []Mention {
		for i := len(c.people) - 1; i >= 0; i-- {
			if ok(c.people[i]) {
				return []Mention{c.people[i]}
			}
		}
		return nil
	}
	switch kind {
	case "he":
		return lastPerson(func(m Mention) bool { return d.Gender(m.Actor) != 'f' })
	case "she":
		if r := lastPerson(func(m Mention) bool { return d.Gender(m.Actor) == 'f' }); r != nil {
			return r
		}
		return lastPerson(func(m Mention) bool { return d.Gender(m.Actor) == 0 })
	case "pair":
		return append([]Mention(nil), c.pair...)
	case "ministry":
		if n := len(c.bodies); n > 0 {
			return []Mention{c.bodies[n-1]}
		}
	case "spokesperson":
		if r := lastPerson(func(m Mention) bool {
			return strings.Contains(m.Role, "spokesperson") || strings.Contains(m.Role, "press secretary")
		}); r != nil {
			return r
		}
		if n := len(c.bodies); n > 0 {
			return []Mention{c.bodies[n-1]}
		}
	case "minister":
		return lastPerson(func(m Mention) bool { return strings.Contains(m.Role, "minister") || m.Role == "top diplomat" })
	case "leader":
		return lastPerson(func(m Mention) bool {
			switch m.Role {
			case "president", "prime minister", "premier", "chancellor", "leader", "supreme leader", "king", "emir",
				"general secretary", "head of state", "crown prince", "chief executive", "acting president":
				return true
			}
			return false
		})
	}
	return nil
}

// titleCase capitalises each word: "foreign ministry" -> "Foreign Ministry".
func titleCase(s string) string {
	w := strings.Fields(s)
	for i, x := range w {
		r, n := utf8.DecodeRuneInString(x)
		w[i] = string(unicode.ToUpper(r)) + x[n:]
	}
	return strings.Join(w, " ")
}
