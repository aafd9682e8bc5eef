package actors

import (
	"sync"

	"parley/caldate"
)

// tokPool recycles token buffers across documents, since a DocMatcher
// usually lives for one document only.
var tokPool = sync.Pool{New: func() any { b := make([]tok, 0, 1024); return &b }}

// DocMatcher finds actors in the texts of one document. It remembers the
// people named so far, so that a bare surname later in the document
// resolves to them. A DocMatcher is not safe for concurrent use; make one
// per document (they are cheap).
type DocMatcher struct {
	d           *Dictionary
	date        caldate.Date
	first, last int32 // the date's first and last day, 0 if unknown
	toks        []tok
	mem         map[string]*memRef
	seen        map[int32]int      // person -> when last named
	named       map[string]*memRef // mention text -> what it was remembered as
	seq         int
}

// memRef is a person named earlier in the document, known or not.
type memRef struct {
	person                    int32 // index in Dictionary.people, -1 if not in the dictionary
	actor, code, role, sector string
	follow                    []string // tokens that follow the remembered word in the full name
}

// atom is the longest dictionary phrase (or remembered name) at a token.
type atom struct {
	i, j int // tokens [i, j)
	e    *entry
	aft  *entry
	mem  *memRef
}

// Document returns a matcher for one document dated date. With a zero date
// a title resolves to its most recent holder and people resolve without a
// role check.
func (d *Dictionary) Document(date caldate.Date) *DocMatcher {
	f, l := dayOf(date)
	return &DocMatcher{d: d, date: date, first: f, last: l, seen: map[int32]int{}}
}

// Lookup reports what name means on date, as Find does on a document that
// consists of name alone.
func (d *Dictionary) Lookup(name string, date caldate.Date) []Mention {
	return d.Document(date).Find(name)
}

// Find returns the actor mentions in text in text order, without overlaps,
// preferring the longest phrase. Offsets are byte offsets into text; a
// possessive "'s" is not part of a span, a leading "the" neither.
//
// Composite phrases become one mention: a country word, a title and a name
// ("Russian Foreign Minister Sergei Lavrov") is a Person; a country word and
// a title alone ("the Japanese prime minister") is the Person who held the
// office on the document date (if exactly one did); a country word and a
// title followed by a name not in the dictionary is a Person with the
// country's code and the name as Actor. A country word and a state body
// ("China's foreign ministry") is a Body of that country; a body whose
// country depends on context and has no country word next to it ("the
// Foreign Ministry") is a Body with an empty Code, for the caller to resolve
// from the rest of the document. "the Russian side" is the State itself.
func (m *DocMatcher) Find(text string) []Mention {
	d := m.d
	buf := tokPool.Get().(*[]tok)
	m.toks = (*buf)[:0]
	defer func() {
		*buf = m.toks[:0]
		m.toks = nil
		tokPool.Put(buf)
	}()
	tokenize(text, func(t tok, s string) {
		id, ok := d.vocab[s]
		if !ok {
			id = -1
		}
		t.id = id
		m.toks = append(m.toks, t)
	})
	var out []Mention
	for i := 0; i < len(m.toks); {
		a, ok := m.atomAt(text, i)
		if !ok {
			i++
			continue
		}
		var next int
		out, next = m.compose(text, a, out)
		if next <= i {
			next = i + 1
		}
		i = next
	}
	return out
}

// atomAt finds the longest phrase starting at token i.
func (m *DocMatcher) atomAt(text string, i int) (atom, bool) {
	d := m.d
	n := int32(0)
	best := atom{i: i, j: -1}
	for j := i; j < len(m.toks); j++ {
		id := m.toks[j].id
		if id < 0 {
			break
		}
		var c int32
		if j == i {
			// Most tokens start no phrase; a slice answers that faster
			// than the edge map.
			if c = d.root[id]; c == 0 {
				break
			}
		} else {
			var ok bool
			if c, ok = d.edges[uint64(n)<<32|uint64(uint32(id))]; !ok {
				break
			}
		}
		n = c
		if nd := &d.nodes[c]; nd.main != nil || nd.after != nil {
			best.j, best.e, best.aft = j+1, nd.main, nd.after
		}
	}
	if best.j > 0 {
		return best, true
	}
	t := m.toks[i]
	if len(m.mem) == 0 || t.flags&(fWord|fUpper) != fWord|fUpper {
		return best, false
	}
	r, ok := m.mem[text[t.start:t.end]]
	if !ok {
		return best, false
	}
	j := i + 1
	for _, f := range r.follow {
		if j >= len(m.toks) || m.tokText(text, j) != f {
			break
		}
		j++
	}
	return atom{i: i, j: j, mem: r}, true
}

func (m *DocMatcher) tokText(text string, i int) string {
	t := m.toks[i]
	if t.id == m.d.apos {
		return "'"
	}
	return text[t.start:t.end]
}

func (m *DocMatcher) span(text string, i, j int) (int, int, string) {
	s, e := int(m.toks[i].start), int(m.toks[j-1].end)
	return s, e, text[s:e]
}

// prefixCode reports whether a can stand before a title or body as the
// country (or organisation) it belongs to, and which.
func prefixCode(a atom) (string, bool) {
	if a.e == nil {
		return "", false
	}
	switch a.e.kind {
	case eState, eCapital, eDemonym, eIGO:
		return a.e.code, true
	case eBody:
		return a.e.code, a.e.code != "" && !a.e.after
	}
	return "", false
}

// skipPossessive steps over "'s" (or a bare "'" after a plural) at k.
func (m *DocMatcher) skipPossessive(text string, k int) int {
	if k < len(m.toks) && m.toks[k].id == m.d.apos && m.toks[k].flags&fSpace == 0 {
		if k+1 < len(m.toks) && m.toks[k+1].id == m.d.sTok && m.toks[k+1].flags&fSpace == 0 {
			return k + 2
		}
		if prev := m.tokText(text, k-1); len(prev) > 0 && prev[len(prev)-1] == 's' {
			return k + 1
		}
	}
	return k
}

func (m *DocMatcher) emitAtom(text string, a atom, out []Mention) []Mention {
	s, e, t := m.span(text, a.i, a.j)
	mm := Mention{Start: s, End: e, Text: t, Code: a.e.code, Actor: a.e.actor, Sector: a.e.sector}
	switch a.e.kind {
	case eState:
		mm.Kind = State
	case eCapital:
		mm.Kind = Capital
	case eDemonym:
		mm.Kind = Demonym
	case eIGO:
		mm.Kind = IGO
	case eBody:
		mm.Kind = Body
	default:
		return out
	}
	return append(out, mm)
}

// compose turns the atom at a (and what follows it) into mentions.
func (m *DocMatcher) compose(text string, a atom, out []Mention) ([]Mention, int) {
	if a.mem != nil {
		s, e, t := m.span(text, a.i, a.j)
		r := a.mem
		if r.person >= 0 {
			m.seen[r.person] = m.seq
			m.seq++
		}
		return append(out, Mention{Start: s, End: e, Text: t, Kind: Person, Code: r.code, Actor: r.actor, Role: r.role, Sector: r.sector}), a.j
	}
	if a.e == nil {
		// Only a context-dependent meaning, and no country word before it.
		return out, a.j
	}
	switch a.e.kind {
	case eStop:
		return out, a.j
	case ePerson:
		return m.emitPerson(text, a, a.i, "", nil, out)
	case eTitle:
		return m.composeTitle(text, a.i, "", a, out)
	case eBody:
		if a.e.after {
			return out, a.j
		}
	}
	code, ok := prefixCode(a)
	if !ok {
		return m.emitAtom(text, a, out), a.j
	}
	k := m.skipPossessive(text, a.j)
	if k >= len(m.toks) {
		return m.emitAtom(text, a, out), a.j
	}
	b, ok := m.atomAt(text, k)
	if !ok || b.mem != nil {
		return m.emitAtom(text, a, out), a.j
	}
	if b.aft != nil || (b.e != nil && b.e.kind == eBody && b.e.code == "") {
		be := b.aft
		if be == nil {
			be = b.e
		}
		s, e, t := m.span(text, a.i, b.j)
		if be.asState {
			return append(out, Mention{Start: s, End: e, Text: t, Kind: State, Code: code, Actor: m.d.names[code], Sector: "GOV"}), b.j
		}
		return append(out, Mention{Start: s, End: e, Text: t, Kind: Body, Code: code, Actor: be.actor, Sector: be.sector}), b.j
	}
	if b.e == nil {
		return m.emitAtom(text, a, out), a.j
	}
	switch b.e.kind {
	case eTitle:
		return m.composeTitle(text, a.i, code, b, out)
	case eBody:
		// A body with a fixed country after a country word: "U.S. Congress".
		s, e, t := m.span(text, a.i, b.j)
		return append(out, Mention{Start: s, End: e, Text: t, Kind: Body, Code: b.e.code, Actor: b.e.actor, Sector: b.e.sector}), b.j
	}
	return m.emitAtom(text, a, out), a.j
}

// composeTitle handles a title at t, with an optional country code found
// before it (the phrase starts at token start).
func (m *DocMatcher) composeTitle(text string, start int, code string, t atom, out []Mention) ([]Mention, int) {
	d := m.d
	ti := t.e.title
	k := t.j
	holderOK := true
	// "President-elect", "Defense Secretary-designate": not the holder.
	if k+1 < len(m.toks) && m.toks[k].id == d.hyphen && m.toks[k+1].flags&(fWord|fUpper) == fWord {
		k += 2
		holderOK = false
	}
	if p := m.prevWord(text, start); p != "" && d.pastMod[p] {
		holderOK = false
	}
	// "State Councilor and Foreign Minister Wang Yi": the last title counts.
	for k+1 < len(m.toks) && (m.tokText(text, k) == "and" || m.tokText(text, k) == ",") {
		b, ok := m.atomAt(text, k+1)
		if !ok || b.e == nil || b.e.kind != eTitle {
			break
		}
		ti, k = b.e.title, b.j
	}
	// "the President of Russia", "Secretary-General of the United Nations".
	if k+1 < len(m.toks) && m.toks[k].id == d.ofTok {
		k2 := k + 1
		if m.toks[k2].id == d.theTok && k2+1 < len(m.toks) {
			k2++
		}
		if b, ok := m.atomAt(text, k2); ok && b.mem == nil {
			if c, ok := prefixCode(b); ok && (b.e.kind == eState || b.e.kind == eIGO) {
				code, k = c, b.j
			}
		}
	}
	if code == "" {
		code = ti.code
	}
	roles := ti.roles
	if k < len(m.toks) && m.toks[k].flags&fLine == 0 {
		if n, ok := m.atomAt(text, k); ok {
			if n.mem != nil {
				r := n.mem
				s, e, tx := m.span(text, start, n.j)
				if r.person >= 0 {
					m.seen[r.person] = m.seq
					m.seq++
				}
				return append(out, Mention{Start: s, End: e, Text: tx, Kind: Person, Code: r.code, Actor: r.actor, Role: r.role, Sector: r.sector}), n.j
			}
			if n.e != nil && n.e.kind == ePerson {
				if o, next := m.emitPerson(text, n, start, code, roles, out); next > 0 && len(o) > len(out) {
					return o, next
				}
			}
		}
		if e := m.nameSpan(text, k); e > k {
			if code == "" {
				// A title and a name but no country: leave it to the caller.
				return out, e
			}
			s, en, tx := m.span(text, start, e)
			_, _, name := m.span(text, k, e)
			role := ""
			if len(roles) > 0 {
				role = roles[0]
			}
			r := &memRef{person: -1, actor: name, code: code, role: role, sector: ti.sector}
			m.rememberTokens(text, k, e, r)
			return append(out, Mention{Start: s, End: en, Text: tx, Kind: Person, Code: code, Actor: name, Role: role, Sector: ti.sector}), e
		}
	}
	if code == "" {
		return out, k
	}
	if holderOK {
		for _, role := range roles {
			hs := d.holders(code, role, m.first)
			if len(hs) == 0 && m.last != m.first {
				hs = d.holders(code, role, m.last)
			}
			if len(hs) == 0 {
				continue
			}
			if len(hs) > 1 {
				break
			}
			s, e, tx := m.span(text, start, k)
			p := hs[0]
			_, sec, _ := d.roleAt(p, m.first, []string{role})
			return append(out, Mention{Start: s, End: e, Text: tx, Kind: Person, Code: code, Actor: d.people[p].name, Role: role, Sector: sec}), k
		}
	}
	if ti.body != "" {
		s, e, tx := m.span(text, start, k)
		return append(out, Mention{Start: s, End: e, Text: tx, Kind: Body, Code: code, Actor: ti.body, Sector: ti.sector}), k
	}
	if start < t.i {
		// Keep the country word; the title adds nothing we can resolve.
		if a, ok := m.atomAt(text, start); ok && a.e != nil {
			return m.emitAtom(text, a, out), k
		}
	}
	return out, k
}

// prevWord is the word before token i, skipping "the".
func (m *DocMatcher) prevWord(text string, i int) string {
	for j := i - 1; j >= 0; j-- {
		if m.toks[j].id == m.d.theTok {
			continue
		}
		if m.toks[j].flags&fWord == 0 {
			return ""
		}
		return text[m.toks[j].start:m.toks[j].end]
	}
	return ""
}

// nameSpan returns the end of a capitalised name starting at token k (k if
// there is none): up to four words, hyphenated parts and particles such as
// "bin" or "al-" allowed inside.
func (m *DocMatcher) nameSpan(text string, k int) int {
	d := m.d
	words, j := 0, k
	for j < len(m.toks) && words < 4 {
		t := m.toks[j]
		if j > k && t.flags&fLine != 0 {
			break
		}
		w := text[t.start:t.end]
		if t.flags&(fWord|fUpper) == fWord|fUpper {
			if d.notName[w] {
				break
			}
			if a, ok := m.atomAt(text, j); ok && a.e != nil && a.e.kind != ePerson {
				break
			}
			words++
			j++
		} else if t.flags&fWord != 0 && words > 0 && d.particl[w] {
			j++
			continue
		} else {
			break
		}
		// Hyphenated continuation: "Chiu Chui-cheng", "al-Assad".
		for j+1 < len(m.toks) && m.toks[j].id == d.hyphen && m.toks[j].flags&fSpace == 0 &&
			m.toks[j+1].flags&fWord != 0 && m.toks[j+1].flags&fSpace == 0 {
			j += 2
		}
		// Initials: "H.R."
		if j < len(m.toks) && m.tokText(text, j) == "." && t.end-t.start == 1 {
			j++
		}
	}
	for j > k && m.toks[j-1].flags&fWord == 0 {
		j--
	}
	return j
}

// emitPerson resolves a person atom n; the mention spans from token start.
// It returns the index after the name, or out unchanged if nobody fits.
func (m *DocMatcher) emitPerson(text string, n atom, start int, code string, roles []string, out []Mention) ([]Mention, int) {
	d := m.d
	p, ok := m.resolve(text, n, code, roles)
	s, e, tx := m.span(text, start, n.j)
	if !ok {
		return out, n.j
	}
	if p.person < 0 {
		return append(out, Mention{Start: s, End: e, Text: tx, Kind: Person, Code: p.code, Actor: p.actor, Role: p.role, Sector: p.sector}), n.j
	}
	role, sec, _ := d.roleAt(p.person, m.first, roles)
	pr := &d.people[p.person]
	m.seen[p.person] = m.seq
	m.seq++
	// A name repeated with the same role is already remembered; skipping
	// the work keeps long documents cheap.
	if r0, ok := m.named[tx]; !ok || r0.person != p.person || r0.role != role || !m.stillRemembered(text, n.i, n.j, p.person, pr.surnames) {
		r := &memRef{person: p.person, actor: pr.name, code: pr.code, role: role, sector: sec}
		for _, sn := range pr.surnames {
			m.remember(sn, r, nil)
		}
		m.rememberTokens(text, n.i, n.j, r)
		if m.named == nil {
			m.named = map[string]*memRef{}
		}
		m.named[tx] = r
	}
	return append(out, Mention{Start: s, End: e, Text: tx, Kind: Person, Code: pr.code, Actor: pr.name, Role: role, Sector: sec}), n.j
}

// stillRemembered reports whether every key a mention of person p in
// tokens [i, j) would be remembered under still points to p, so that
// remembering it again would change nothing.
func (m *DocMatcher) stillRemembered(text string, i, j int, p int32, surnames []string) bool {
	for _, sn := range surnames {
		if r, ok := m.mem[sn]; !ok || r.person != p {
			return false
		}
	}
	for q := i; q < j; q++ {
		t := m.toks[q]
		if t.flags&(fWord|fUpper) != fWord|fUpper {
			continue
		}
		if r, ok := m.mem[text[t.start:t.end]]; ok && r.person != p {
			return false
		}
	}
	return true
}

func (m *DocMatcher) remember(key string, r *memRef, follow []string) {
	if m.mem == nil {
		m.mem = map[string]*memRef{}
	}
	c := *r
	c.follow = follow
	m.mem[key] = &c
}

// rememberTokens keys r by each capitalised word of the name in tokens
// [i, j), with the rest of the name as the words that may follow it.
func (m *DocMatcher) rememberTokens(text string, i, j int, r *memRef) {
	for q := i; q < j; q++ {
		t := m.toks[q]
		if t.flags&(fWord|fUpper) != fWord|fUpper {
			continue
		}
		if q+1 < j && m.toks[q+1].id == m.d.hyphen {
			continue // "Jae" of "Jae-in" is not a name on its own
		}
		if q > i && m.toks[q-1].id == m.d.hyphen {
			continue
		}
		var follow []string
		for x := q + 1; x < j; x++ {
			follow = append(follow, m.tokText(text, x))
		}
		m.remember(text[t.start:t.end], r, follow)
	}
}

// resolve picks the person an atom names: by memory for a surname, then by
// country, then by who was named earlier, then by who held a matching role
// (or any office) on the date.
func (m *DocMatcher) resolve(text string, n atom, code string, roles []string) (memRef, bool) {
	d := m.d
	cands := n.e.persons
	if n.e.single {
		t := m.toks[n.i]
		if r, ok := m.mem[text[t.start:t.end]]; ok {
			return *r, true
		}
		// A surname alone never names someone before their first listed
		// office: "Koizumi" in 2017 is not the minister of 2025.
		if m.first != 0 {
			var f []int32
			for _, p := range cands {
				if d.people[p].terms[0].start <= m.last {
					f = append(f, p)
				}
			}
			cands = f
		}
	}
	if code != "" && len(cands) > 1 {
		var f []int32
		for _, p := range cands {
			if d.people[p].code == code {
				f = append(f, p)
			}
		}
		if len(f) > 0 {
			cands = f
		}
	}
	if len(cands) > 1 {
		best, bestSeq := int32(-1), -1
		for _, p := range cands {
			if s, ok := m.seen[p]; ok && s > bestSeq {
				best, bestSeq = p, s
			}
		}
		if best >= 0 {
			cands = []int32{best}
		}
	}
	if len(cands) > 1 {
		var f []int32
		for _, p := range cands {
			_, _, active := d.roleAt(p, m.first, nil)
			if m.first == 0 {
				active = false
			}
			if len(roles) > 0 {
				r, _, _ := d.roleAt(p, m.first, roles)
				active = active && contains(roles, r)
			}
			if active {
				f = append(f, p)
			}
		}
		cands = f
	}
	if len(cands) != 1 {
		return memRef{}, false
	}
	return memRef{person: cands[0]}, true
}
