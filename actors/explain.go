package actors

import (
	"fmt"
	"sort"
	"strings"

	"parley/caldate"
)

// Term is one term of office of a person, as the dictionary lists it.
type Term struct {
	Roles      []string
	Sector     string
	Start, End caldate.Date // End is zero while the term is open
	Active     bool         // the term covers the date asked about
}

// Candidate is a person a name could stand for.
type Candidate struct {
	Name, Code string
	Forms      []string // every form matched, canonical first
	Terms      []Term
	Chosen     bool // this is the person the name resolved to
}

// Explanation says what a name resolves to on a date, and why.
type Explanation struct {
	Query    string
	Date     caldate.Date
	Mentions []Mention   // what Find reports for the name alone
	People   []Candidate // everyone who goes by the name (or a word of it), chosen first
	Reason   string      // one line on how the resolution was made
}

// Explain reports what name means on date (see Lookup), with every person
// the name or one of its words could stand for and their terms of office,
// so that a user can see why one was chosen.
func (d *Dictionary) Explain(name string, date caldate.Date) Explanation {
	ex := Explanation{Query: name, Date: date, Mentions: d.Lookup(name, date)}
	day, last := dayOf(date)
	seen := map[int32]bool{}
	add := func(p int32) {
		if seen[p] {
			return
		}
		seen[p] = true
		pr := &d.people[p]
		c := Candidate{Name: pr.name, Code: pr.code, Forms: pr.forms}
		for _, m := range ex.Mentions {
			if m.Kind == Person && m.Actor == pr.name && m.Code == pr.code {
				c.Chosen = true
			}
		}
		for _, t := range pr.terms {
			ct := Term{Roles: t.roles, Sector: t.sector, Start: numDate(t.start), Active: day != 0 && t.start <= last && day <= t.end}
			if t.end != 99991231 {
				ct.End = numDate(t.end)
			}
			c.Terms = append(c.Terms, ct)
		}
		ex.People = append(ex.People, c)
	}
	// Whole phrase first, then each word: "Kim Yong Chol" also lists the
	// other Kims, which is what makes a bare "Kim" ambiguous.
	var phrases []string
	phrases = append(phrases, name)
	phrases = append(phrases, strings.Fields(name)...)
	for _, ph := range phrases {
		ids := d.lookupTokens(ph)
		if ids == nil {
			continue
		}
		n := int32(0)
		ok := true
		for i, id := range ids {
			var c int32
			if i == 0 {
				if c = d.root[id]; c == 0 {
					ok = false
					break
				}
			} else if c, ok = d.edges[uint64(n)<<32|uint64(uint32(id))]; !ok {
				break
			}
			n = c
		}
		if !ok {
			continue
		}
		if e := d.nodes[n].main; e != nil && e.kind == ePerson {
			for _, p := range e.persons {
				add(p)
			}
		}
	}
	sort.SliceStable(ex.People, func(i, j int) bool { return ex.People[i].Chosen && !ex.People[j].Chosen })
	ex.Reason = d.reason(ex)
	return ex
}

// lookupTokens tokenises p like text and returns known token ids, or nil if
// some token is not in the vocabulary (then no phrase can match).
func (d *Dictionary) lookupTokens(p string) []int32 {
	var ids []int32
	bad := false
	tokenize(p, func(t tok, s string) {
		id, ok := d.vocab[s]
		if !ok {
			bad = true
		}
		ids = append(ids, id)
	})
	if bad || len(ids) == 0 {
		return nil
	}
	if len(ids) > 1 && (ids[0] == d.theTok || ids[0] == d.vocab["The"]) {
		ids = ids[1:]
	}
	return ids
}

func (d *Dictionary) reason(ex Explanation) string {
	if len(ex.Mentions) == 0 {
		switch {
		case len(ex.People) > 1:
			return fmt.Sprintf("ambiguous: %d people go by this name and none is singled out on the date", len(ex.People))
		case len(ex.People) == 1:
			return "a known person, but the name alone does not single them out on this date"
		}
		return "not in the dictionary"
	}
	m := ex.Mentions[0]
	if m.Kind != Person {
		return fmt.Sprintf("a %s name of %s (%s)", m.Kind, m.Actor, m.Code)
	}
	switch {
	case m.Role != "" && ex.Date.IsZero():
		return fmt.Sprintf("%s; no date given, so the latest role (%s) is reported", m.Actor, m.Role)
	case m.Role != "":
		return fmt.Sprintf("%s held the office of %s on %s", m.Actor, m.Role, ex.Date)
	}
	return fmt.Sprintf("%s, who held no listed office on %s", m.Actor, ex.Date)
}

// numDate turns a YYYYMMDD number back into a date.
func numDate(n int32) caldate.Date {
	if n == 0 {
		return caldate.Date{}
	}
	return caldate.YMD(int(n/10000), int(n/100%100), int(n%100))
}

// String formats a term as "2018-05-09..2021-01 vice chairman (GOV)".
func (t Term) String() string {
	end := "today"
	if !t.End.IsZero() {
		end = t.End.String()
	}
	s := t.Start.String() + ".." + end + " " + strings.Join(t.Roles, "; ") + " (" + t.Sector + ")"
	if t.Active {
		s += "  <- on the date"
	}
	return s
}
