package events

import (
	"math"
	"sort"
	"strings"

	"parley/actors"
	"parley/caldate"
	"parley/text"
	"parley/timex"
)

// Input is one document, split and tagged by the earlier stages.
type Input struct {
	Doc       string
	Text      string             // the document text all offsets refer to
	Sentences []text.Sentence    // in order
	Actors    [][]actors.Mention // per sentence, offsets relative to the sentence
	Times     [][]timex.Expr     // per sentence, offsets relative to the sentence
	// Date is the document's reference date (publication, or what the text fixes).
	Date       caldate.Date
	DateSource string
}

// Coder turns tagged sentences into events.
type Coder struct {
	// Explain, when set, receives one Decision per trigger considered: the
	// pattern that fired, the arguments found, and the events made or why
	// the candidate was dropped.
	Explain func(Decision)

	rules *Rules
	trie  *trieNode
	cues  map[string]*trieNode
}

// NewCoder builds a coder from rules.
func NewCoder(r *Rules) *Coder {
	c := &Coder{rules: r, trie: newTrie(), cues: map[string]*trieNode{}}
	for i := range r.Patterns {
		c.trie.add(r.Patterns[i].Words, i)
	}
	for sec, phrases := range r.Cues {
		t := newTrie()
		for i, p := range phrases {
			t.add(p, i)
		}
		c.cues[sec] = t
	}
	return c
}

var defaultCoder = NewCoder(defaultRules)

// Default returns a coder with the embedded rules.
func Default() *Coder { return defaultCoder }

// trieNode is a word trie; "*" edges are gaps.
type trieNode struct {
	next map[string]*trieNode
	ids  []int
}

func newTrie() *trieNode { return &trieNode{next: map[string]*trieNode{}} }

func (t *trieNode) add(words []string, id int) {
	n := t
	for _, w := range words {
		c := n.next[w]
		if c == nil {
			c = newTrie()
			n.next[w] = c
		}
		n = c
	}
	n.ids = append(n.ids, id)
}

// match returns the longest match starting at token i: its end (exclusive)
// and the ids stored there, or end = -1. stop(j) reports tokens that a
// gap may not cross.
func (t *trieNode) match(toks []token, i int, stop func(int) bool) (int, []int) {
	best, ids := -1, []int(nil)
	var walk func(n *trieNode, j int)
	walk = func(n *trieNode, j int) {
		if len(n.ids) > 0 && j > best {
			best, ids = j, n.ids
		}
		if j >= len(toks) {
			return
		}
		if c := n.next[toks[j].lower]; c != nil && !toks[j].punct || c != nil && toks[j].lower == "-" {
			walk(c, j+1)
		}
		if g := n.next["*"]; g != nil {
			for k := 1; k <= 4 && j+k <= len(toks); k++ {
				if stop(j + k - 1) {
					break
				}
				walk(g, j+k)
			}
		}
	}
	walk(t, i)
	return best, ids
}

// hasCue reports whether a phrase of cue section sec starts at token i; it returns its end.
func (c *Coder) cueAt(sec string, toks []token, i int) int {
	t := c.cues[sec]
	if t == nil {
		return -1
	}
	end, _ := t.match(toks, i, func(int) bool { return true })
	return end
}

// span of an actor mention in token indices.
type actorTok struct {
	m          actors.Mention
	first, end int // token range [first, end)
}

// sentenceState is what the coder knows while reading one sentence.
type sentenceState struct {
	s       text.Sentence
	toks    []token
	actors  []actorTok
	actorAt []int // token -> index into actors, -1 if none
	times   []timex.Expr
	speaker []actors.Mention
	said    int // token index of the main speech verb, -1 if none
	content int // first token of the reported content after the speech verb
	// prev is the last candidate made in this sentence, if any: a "where"
	// clause after it ("Xi's visit to Moscow, where he held talks") shares
	// its status and date.
	prev *candidate
	// opinion is set when the sentence reports what analysts or experts say.
	opinion bool
	// addressee is who the speaker told ("Xi told Blinken that ..."), if named.
	addressee *actors.Mention
	sayDate   *timex.Expr
}

// docState carries what earlier sentences said, for pronouns and "the two sides".
type docState struct {
	lastSubject []actors.Mention
	lastPair    [2]actors.Mention
	havePair    bool
	group       []actors.Mention // the parties of the latest exchange, its source first
	traveller   []actors.Mention // who made the latest visit or trip ("the visit includes ...")
	trip        *candidate       // that visit or trip, whose status and dates a reference to it shares
	lastSpeaker []actors.Mention
}

// Code returns the events of one document, one per distinct happening.
func (c *Coder) Code(in Input) []Event {
	var ds docState
	var raw []candidate
	for si, s := range in.Sentences {
		st := c.prepare(in, si, s, &ds)
		raw = append(raw, c.codeSentence(in, st, &ds)...)
	}
	return finish(in, raw)
}

func (c *Coder) prepare(in Input, si int, s text.Sentence, ds *docState) *sentenceState {
	st := &sentenceState{s: s, toks: tokenize(s.Text), said: -1, content: -1}
	if si < len(in.Times) {
		st.times = in.Times[si]
	}
	st.actorAt = make([]int, len(st.toks))
	for i := range st.actorAt {
		st.actorAt[i] = -1
	}
	var ms []actors.Mention
	if si < len(in.Actors) {
		ms = in.Actors[si]
	}
	for _, m := range ms {
		if m.Code == "" {
			continue
		}
		first, end := -1, -1
		for i, t := range st.toks {
			if t.end > m.Start && t.start < m.End {
				if first < 0 {
					first = i
				}
				end = i + 1
			}
		}
		if first < 0 {
			continue
		}
		idx := len(st.actors)
		st.actors = append(st.actors, actorTok{m: m, first: first, end: end})
		for i := first; i < end; i++ {
			st.actorAt[i] = idx
		}
	}
	// "Analysts say ...", "according to experts": opinion, not an act of state.
	for i := range st.toks {
		if c.cueAt("opinion", st.toks, i) > 0 {
			for k := i + 1; k < len(st.toks) && k <= i+4; k++ {
				if c.cueAt("speech", st.toks, k) > 0 {
					st.opinion = true
				}
			}
			if i >= 2 && st.toks[i-1].lower == "to" && st.toks[i-2].lower == "according" {
				st.opinion = true
			}
		}
	}
	// The speaker: an actor next to a reporting verb.
	for i := range st.toks {
		e := c.cueAt("speech", st.toks, i)
		if e < 0 {
			continue
		}
		// "stressed the friendly ties", "noted progress": a verb with an object,
		// not a report, unless "that", a quote or the end of the clause follows.
		switch st.toks[i].lower {
		case "stressed", "noted", "emphasized", "emphasised", "added", "insisted", "declared", "announced", "stated", "reported":
			if e < len(st.toks) && st.toks[e].lower != "that" && !st.toks[e].punct && !(i > 0 && st.toks[i-1].punct) && !nextIsDate(st, e) {
				continue
			}
		}
		var sp []actors.Mention
		if st.toks[i].lower == "according" {
			if a := c.actorAfter(st, e, e+6); a >= 0 {
				sp = []actors.Mention{st.actors[a].m}
			}
		} else {
			// "Geng said", "the ministry spokesman Geng Shuang said", "said Tan",
			// "the State Department on Thursday said".
			between := 0
			for j := i - 1; j >= 0 && j >= i-6; j-- {
				if a := st.actorAt[j]; a >= 0 {
					// "North Korea's nuclear ambitions and said": a possessor is no speaker.
					if !st.toks[st.actors[a].end-1].poss {
						sp = []actors.Mention{st.actors[a].m}
					}
					break
				}
				if w := st.toks[j].lower; st.toks[j].punct || w == "and" || w == "but" || w == "that" {
					break
				}
				if !inTime(st, j) && !isAdverb(st.toks[j].lower) {
					between++
				}
				if between > 2 {
					break
				}
			}
			// "X pressed China ... and said": the subject of the coordinated verb.
			if sp == nil && i > 0 && st.toks[i-1].lower == "and" {
				sp = c.subjectAt(st, 0, i)
			}
			if sp == nil {
				if a := c.actorAfter(st, e, e+4); a >= 0 && st.actors[a].first <= e+2 {
					sp = []actors.Mention{st.actors[a].m}
				}
			}
			if sp == nil && i > 0 && c.cueAt("pronoun", st.toks, i-1) == i {
				sp = ds.lastSpeaker
				if sp == nil {
					sp = ds.lastSubject
				}
			}
		}
		if sp != nil {
			st.speaker = sp
			st.said = i
			st.content = e
			// "X told Y (that) ...": the content starts after the addressee.
			if w := st.toks[i].lower; (w == "told" || w == "tells") && e < len(st.toks) {
				if a := st.actorAt[e]; a >= 0 {
					st.content = st.actors[a].end
					m := st.actors[a].m
					st.addressee = &m
				} else if w := st.toks[e].lower; w == "reporters" || w == "journalists" || w == "him" || w == "her" || w == "them" {
					st.content = e + 1
				}
			}
			if st.content < len(st.toks) && st.toks[st.content].lower == "that" {
				st.content++
			}
			ds.lastSpeaker = sp
			// The date told with the reporting verb: "said on Wednesday", "reported Sunday".
			for k := range st.times {
				x := &st.times[k]
				if x.Date.IsZero() {
					continue
				}
				ti := st.tokenAt(x.Start)
				if ti >= e && ti <= e+2 || ti >= i-3 && ti < i {
					st.sayDate = x
				}
			}
			// "In a statement on Thursday ..., the ministry said": the opening phrase's date.
			if st.sayDate == nil {
				comma := -1
				for k := 0; k < i; k++ {
					if st.toks[k].lower == "," {
						comma = k
						break
					}
				}
				for k := range st.times {
					x := &st.times[k]
					if !x.Date.IsZero() && comma > 0 && st.tokenAt(x.Start) < comma {
						st.sayDate = x
						break
					}
				}
			}
			break
		}
	}
	return st
}

func (st *sentenceState) tokenAt(off int) int {
	for i, t := range st.toks {
		if t.end > off {
			return i
		}
	}
	return len(st.toks)
}

// actorAfter returns the first actor starting in token range [from, to), or -1.
func (c *Coder) actorAfter(st *sentenceState, from, to int) int {
	for j := from; j < to && j < len(st.toks); j++ {
		if a := st.actorAt[j]; a >= 0 {
			return a
		}
	}
	return -1
}

// candidate is an event found in one clause, before per-document merging.
type candidate struct {
	Event
	explicitDate bool
	sentence     int
}

func (c *Coder) codeSentence(in Input, st *sentenceState, ds *docState) []candidate {
	var out []candidate
	stop := func(j int) bool { return st.toks[j].punct && st.toks[j].lower != "." || st.actorAt[j] >= 0 }
	for i := 0; i < len(st.toks); {
		if st.toks[i].punct || st.actorAt[i] >= 0 {
			i++
			continue
		}
		end, ids := c.trie.match(st.toks, i, stop)
		if end < 0 {
			i++
			continue
		}
		p := c.rules.Patterns[ids[0]]
		out = append(out, c.codeTrigger(in, st, ds, p, i, end)...)
		i = end
	}
	// A subject of two named parties is the pair that "the two sides" refers to next.
	if subj := c.subjectAt(st, 0, len(st.toks)); len(distinctCodes(subj)) == 2 {
		ds.lastPair = [2]actors.Mention{subj[0], otherThan(subj, subj[0].Code)}
		ds.havePair = true
		ds.group = []actors.Mention{ds.lastPair[0], ds.lastPair[1]}
	}
	if subj := c.subjectAt(st, 0, len(st.toks)); len(subj) > 0 {
		ds.lastSubject = subj
	}
	return out
}

func otherThan(ms []actors.Mention, code string) actors.Mention {
	for _, m := range ms {
		if m.Code != code {
			return m
		}
	}
	return ms[0]
}

func distinctCodes(ms []actors.Mention) []string {
	var out []string
	for _, m := range ms {
		dup := false
		for _, c := range out {
			dup = dup || c == m.Code
		}
		if !dup {
			out = append(out, m.Code)
		}
	}
	return out
}

// isBoundary reports whether token i closes a clause.
func (st *sentenceState) isBoundary(i int) bool {
	switch st.toks[i].lower {
	case ";", ":", "\u2014", "\u2013":
		return true
	case "-":
		return i > 0 && st.toks[i].start > st.toks[i-1].end // a spaced dash
	}
	return false
}

var subordinators = map[string]bool{"while": true, "as": true, "but": true, "although": true, "though": true, "whereas": true, "because": true, "after": true, "before": true, "when": true, "where": true, "despite": true, "even": true, "since": true, "until": true, "unless": true}

// clause returns the token range of the clause around the trigger [ts, te).
func (c *Coder) clause(st *sentenceState, ts, te int) (int, int) {
	left := 0
	for j := ts - 1; j >= 0; j-- {
		if st.isBoundary(j) {
			left = j + 1
			break
		}
		w := st.toks[j].lower
		opensClause := j+1 < ts && (st.actorAt[j+1] >= 0 && !st.toks[st.actors[st.actorAt[j+1]].end-1].poss || isSubjectPronoun(st.toks[j+1].lower)) // "before Trump visits"
		if subordinators[w] && j+1 < ts && (j == 0 || st.toks[j-1].punct || w == "while" || w == "as" || w == "but" || opensClause) {
			left = j + 1
			break
		}
		// The content of a reported statement: "X said (that) ...".
		if st.content > 0 && j == st.content-1 && ts >= st.content {
			left = j + 1
			break
		}
	}
	right := len(st.toks)
	for j := te; j < len(st.toks); j++ {
		if st.isBoundary(j) {
			right = j
			break
		}
		w := st.toks[j].lower
		if w == "," && j+1 < len(st.toks) {
			nx := st.toks[j+1].lower
			if subordinators[nx] || nx == "which" || nx == "who" {
				right = j
				break
			}
			// ", Geng said" / ", the ministry said"
			if st.said > j && st.said <= j+6 {
				right = j
				break
			}
		}
		if j == st.said {
			right = j
			break
		}
		if (w == "while" || w == "but" || w == "whereas") && j > te {
			right = j
			break
		}
		// "... vowed cooperation as they exchanged messages": a new clause.
		if (w == "as" || w == "after" || w == "before" || w == "because" || w == "when") && j+1 < len(st.toks) && j > te {
			nx := j + 1
			if c.cueAt("pronoun", st.toks, nx) > 0 || c.cueAt("plural", st.toks, nx) > 0 || st.actorAt[nx] >= 0 || st.toks[nx].lower == "the" {
				if st.toks[j-1].lower != "such" && st.toks[j-1].lower != "well" && st.toks[j-1].lower != "as" {
					right = j
					break
				}
			}
		}
	}
	return left, right
}

// subjectAt returns the clause subject in [from, to): the leftmost actor
// not governed by a preposition, with the actors coordinated with it.
func (c *Coder) subjectAt(st *sentenceState, from, to int) []actors.Mention {
	for j := from; j < to; j++ {
		a := st.actorAt[j]
		if a < 0 || st.actors[a].first != j {
			continue
		}
		if j > from && c.governed(st, j) {
			continue
		}
		return c.coordinated(st, a, to)
	}
	return nil
}

// governed reports whether the actor starting at token j follows a preposition
// (possibly across determiners and adjectives), so it is no subject.
func (c *Coder) governed(st *sentenceState, j int) bool {
	for k := j - 1; k >= 0 && k >= j-3; k-- {
		t := st.toks[k]
		if t.punct {
			return false
		}
		if c.cueAt("preposition", st.toks, k) == k+1 {
			return true
		}
		if st.actorAt[k] >= 0 {
			return false
		}
		if !isDeterminer(t.lower) {
			return false
		}
	}
	return false
}

func isDeterminer(w string) bool {
	switch w {
	case "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "both", "all", "other":
		return true
	}
	return false
}

func isCap(st *sentenceState, k int) bool {
	t := st.toks[k]
	return t.end > t.start && st.s.Text[t.start] >= 'A' && st.s.Text[t.start] <= 'Z'
}

// coordinated returns actor a and the actors joined to it by "and", "," or "or".
func (c *Coder) coordinated(st *sentenceState, a int, to int) []actors.Mention {
	out := []actors.Mention{st.actors[a].m}
	j := st.actors[a].end
	for j < to {
		k := j
		conj := false
		for k < to && k < j+3 {
			w := st.toks[k].lower
			if w == "and" || w == "," || w == "or" || w == "&" {
				conj = true
				k++
				continue
			}
			if isDeterminer(w) && conj {
				k++
				continue
			}
			break
		}
		if !conj || k >= to {
			break
		}
		b := st.actorAt[k]
		// "Seoul, Beijing and Danang, Vietnam": an unknown city named with its country.
		if b < 0 && k+2 < to && isCap(st, k) && st.toks[k+1].lower == "," {
			if c2 := st.actorAt[k+2]; c2 >= 0 && st.actors[c2].first == k+2 && st.actors[c2].m.Kind == actors.State {
				b, k = c2, k+2
			}
		}
		if b < 0 || st.actors[b].first != k {
			break
		}
		out = append(out, st.actors[b].m)
		j = st.actors[b].end
	}
	return out
}

// hasCueIn reports whether a cue of section sec starts in [from, to) outside [skipFrom, skipTo).
func (c *Coder) hasCueIn(sec string, st *sentenceState, from, to, skipFrom, skipTo int) bool {
	for j := from; j < to; j++ {
		if j >= skipFrom && j < skipTo {
			continue
		}
		if sec == "negation" && strings.HasSuffix(st.toks[j].lower, "n't") {
			return true // "don't", "didn't", "won't"
		}
		if e := c.cueAt(sec, st.toks, j); e > 0 && (e <= skipFrom || j >= skipTo) {
			return true
		}
	}
	return false
}

func (c *Coder) codeTrigger(in Input, st *sentenceState, ds *docState, p Pattern, ts, te int) []candidate {
	left, right := c.clause(st, ts, te)
	trigger := st.s.Text[st.toks[ts].start:st.toks[te-1].end]
	drop := func(why string) []candidate {
		if c.Explain != nil {
			c.Explain(Decision{Doc: in.Doc, Sentence: st.s, Trigger: trigger,
				Start: st.s.Start + st.toks[ts].start, End: st.s.Start + st.toks[te-1].end,
				Pattern: p, Dropped: why})
		}
		return nil
	}

	// Negated or hypothetical clauses report nothing that happened.
	negFrom := maxInt(left, ts-4)
	if c.hasCueIn("negation", st, negFrom, ts, ts, te) {
		return drop("negated")
	}
	// In an accusation the modality belongs to the claim ("used the balloon
	// to try to spy on ..."): the speaker's act stands.
	if p.Frame != FrameJudge && (c.hasCueIn("hypothetical", st, maxInt(left, ts-6), ts, ts, te) || c.hasModalIn(st, left, negFrom)) {
		return drop("hypothetical")
	}
	if st.opinion && isStatement(p.Type) {
		return drop("an analyst's or expert's opinion")
	}
	// "a broad effort to pressure X", "do more to pressure X": a purpose, not an act.
	if ts >= 2 && st.toks[ts-1].lower == "to" && purposeHead[st.toks[ts-2].lower] {
		return drop("purpose infinitive")
	}
	// "the disputed sea", "a backed candidate": a participle used as an adjective.
	if ts > 0 && strings.HasSuffix(st.toks[ts].lower, "ed") && (st.toks[ts-1].lower == "the" || st.toks[ts-1].lower == "a" || st.toks[ts-1].lower == "an") {
		return drop("participle used as an adjective")
	}
	// A noun trigger is one word ("visit") or a noun with its preposition
	// ("visit to"); "visit includes" ends in a verb and takes objects as one.
	isNoun := c.cueAt("noun", st.toks, ts) > 0 && !verbUse(st, ts) &&
		(te-ts == 1 || c.cueAt("preposition", st.toks, te-1) == te)
	nounCtx := ""
	if isNoun {
		// "the Tianjin Summit", "Security Consultative Meeting": part of a name.
		if ts > 0 && isCap(st, ts) && !st.toks[ts-1].punct {
			return drop("noun trigger inside a name")
		}
		// What governs the noun: a light verb ("held talks"), a preposition of
		// participation ("during talks"), of context ("amid talks"), or "his".
		ofSeen := false
		for k := ts - 1; k >= left && k >= ts-6; k-- {
			if st.actorAt[k] >= 0 || st.toks[k].punct {
				break
			}
			if e := c.cueAt("light", st.toks, k); e > 0 && e <= ts {
				nounCtx = "light"
				break
			}
			w := st.toks[k].lower
			if c.cueAt("context", st.toks, k) == k+1 {
				// "several hours of talks" after a light verb is still the subject's act.
				if w == "of" && !ofSeen {
					ofSeen = true
					continue
				}
				return drop("noun trigger in a context phrase")
			}
			if e := c.cueAt("participate", st.toks, k); e > 0 && e <= ts {
				if p.Type != "CONSULT" {
					return drop("noun trigger inside a prepositional phrase")
				}
				nounCtx = "participate"
				break
			}
			if w == "his" || w == "her" || w == "their" || w == "its" {
				nounCtx = "possessive"
				break
			}
			// "wrap up a visit", "is on a trip": an indefinite noun is the subject's own.
			if (w == "a" || w == "an") && !ofSeen {
				nounCtx = "indefinite"
				break
			}
			// Another verb governs the noun ("watching the summit"): not the subject's act.
			if strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") || isAuxiliary(w) {
				break
			}
		}
		if ofSeen && nounCtx != "light" {
			return drop("noun trigger in a context phrase")
		}
	}

	var sources, targets []actors.Mention
	plural := false
	usedBy := -1

	// "talks between X and Y", "the meeting between the leaders of X and Y".
	if te < right && st.toks[te].lower == "between" {
		if a := c.actorAfter(st, te+1, minInt(right, te+6)); a >= 0 {
			both := c.coordinatedLoose(st, a, right)
			if len(distinctCodes(both)) >= 2 {
				sources = both
				plural = true
			}
		}
	}

	// The agent: "was condemned by X", "a visit to Russia by X", "the visit to Russia of Li".
	// "was condemned by X"; "Supported by X, ...": a participle with its agent.
	passive := ts > 0 && isAuxiliary(st.toks[ts-1].lower) ||
		!isNoun && te < len(st.toks) && st.toks[te].lower == "by" && strings.HasSuffix(st.toks[te-1].lower, "ed")
	for j := te; sources == nil && j < right && j < te+8; j++ {
		w := st.toks[j].lower
		if w == "of" && (p.Frame != FrameTravel || j > te+3 || c.subjectAt(st, left, ts) != nil) {
			break
		}
		if w != "by" && w != "of" || j+1 >= right {
			continue
		}
		if w == "by" && !isNoun && !passive && j != te {
			break
		}
		if a := c.actorAfter(st, j+1, j+5); a >= 0 {
			sources = c.coordinated(st, a, right)
			usedBy = a
		}
		break
	}
	// A possessor or modifier right before a noun trigger: "Pyongyang's support",
	// "U.S. sanctions", "Xi's Russia visit".
	destBefore := -1
	if sources == nil && ts > 0 {
		k := ts - 1
		for k > left && !st.toks[k].punct && st.actorAt[k] < 0 && k >= ts-3 && !c.isVerbish(st.toks[k].lower) {
			k--
		}
		if a := st.actorAt[k]; a >= 0 && k >= ts-3 {
			switch {
			case st.toks[st.actors[a].end-1].poss:
				sources = []actors.Mention{st.actors[a].m}
			case isNoun && st.actors[a].end == ts && (p.Frame == FrameTravel || p.Type == "CONSULT" && (st.actors[a].m.Kind == actors.Capital || st.actors[a].m.Kind == actors.IGO)):
				// "Xi's Russia visit", "his Beijing meetings", "the APEC summit": where it happens.
				destBefore = a
				if b := st.actors[a].first - 1; b >= 0 && st.actorAt[b] >= 0 && st.toks[b].poss {
					sources = []actors.Mention{st.actors[st.actorAt[b]].m}
				}
			case isNoun && st.actors[a].end == ts && p.Frame != FrameTravel:
				sources = []actors.Mention{st.actors[a].m}
			}
		}
	}

	switch p.Frame {
	case FrameJudge, FrameObligation:
		return c.codeSpeech(in, st, ds, p, ts, te, left, right, drop)
	}
	// "asked whether ...", "Asked by reporters": a question, not a request.
	if p.Type == "REQUEST" {
		for j := te; j < right && j <= te+3; j++ {
			if w := st.toks[j].lower; w == "whether" || w == "if" || w == "by" && st.actorAt[minInt(j+1, len(st.toks)-1)] < 0 {
				return drop("a question, not a request")
			}
		}
	}

	// "the delegation that traveled to Beijing": the subject is no actor.
	if sources == nil && ts > 0 && (st.toks[ts-1].lower == "that" || st.toks[ts-1].lower == "which") {
		return drop("relative clause with no actor as antecedent")
	}
	nounNeedsSubject := isNoun && sources == nil
	if nounNeedsSubject && nounCtx == "" && destBefore < 0 {
		// "The visit includes Japan": the trip just told of.
		if w := st.toks[maxInt(ts-1, 0)].lower; p.Frame == FrameTravel && ts > 0 && (w == "the" || w == "this") && ds.traveller != nil {
			sources = ds.traveller
		} else {
			return drop("noun trigger with no actor of its own")
		}
	}
	// "X, who ... pressed": the relative pronoun's antecedent.
	if sources == nil {
		for k := ts - 1; k >= left && k >= ts-3; k-- {
			if st.toks[k].lower == "who" && k >= 2 && st.toks[k-1].lower == "," && st.actorAt[k-2] >= 0 {
				sources = []actors.Mention{st.actors[st.actorAt[k-2]].m}
				break
			}
		}
	}
	// A clause that opens with a pronoun or "the two sides" has that subject.
	if sources == nil {
		j := left
		for j < ts && (st.toks[j].punct || isDeterminer(st.toks[j].lower) && c.cueAt("plural", st.toks, j) < 0 || isAdverb(st.toks[j].lower)) {
			j++
		}
		if e := c.cueAt("plural", st.toks, j); e > 0 && e <= ts && st.toks[j].lower != "both" || st.toks[j].lower == "both" && e > 0 && e <= ts {
			if st.addressee != nil && st.speaker != nil && left == st.content && st.addressee.Code != st.speaker[0].Code {
				// "Xi told Blinken that the two sides had made progress".
				sources = []actors.Mention{st.speaker[0], *st.addressee}
				plural = true
			} else if len(ds.group) >= 2 {
				sources = ds.group
				plural = true
			} else {
				return drop("plural subject with no earlier exchange")
			}
		} else if e := c.cueAt("pronoun", st.toks, j); e > 0 && e <= ts && !st.toks[j].poss && st.toks[j].lower != "his" && st.toks[j].lower != "her" && st.toks[j].lower != "its" {
			embedded := st.content > 0 && left == st.content
			switch {
			case embedded:
				sources = st.speaker
			case st.toks[j].lower == "it" || st.toks[j].lower == "they":
				return drop("\"it\" with no speaker to refer to")
			default:
				// "Xi's state visit to Moscow, where he held talks": the person
				// just named in the sentence, else the last subject.
				sources = ds.lastSubject
				for k := j - 1; k >= 0; k-- {
					if a := st.actorAt[k]; a >= 0 && st.actors[a].m.Kind == actors.Person {
						sources = []actors.Mention{st.actors[a].m}
						break
					}
				}
			}
			if sources == nil {
				return drop("pronoun subject with no antecedent")
			}
		}
	}
	if sources == nil {
		sources = c.subjectAt(st, left, ts)
		if destBefore >= 0 && len(sources) == 1 && sources[0] == st.actors[destBefore].m {
			sources = nil
		}
	}
	if sources == nil && st.content > 0 && left >= st.content {
		sources = st.speaker // "Beijing said on Wednesday it is pleased ..."
	}
	// "The visit includes Japan": the trip just told of.
	tripRef := false
	if sources == nil && p.Frame == FrameTravel && ds.traveller != nil && c.cueAt("noun", st.toks, ts) > 0 && ts > 0 {
		if w := st.toks[ts-1].lower; w == "the" || w == "this" {
			sources = ds.traveller
			tripRef = true
		}
	}
	if sources == nil && left == 0 {
		// An opening phrase: "In a message sent to Putin on Sunday, Kim emphasized ..."
		for j := te; j < len(st.toks); j++ {
			if st.toks[j].lower == "," {
				sources = c.subjectAt(st, j+1, minInt(len(st.toks), j+8))
				break
			}
		}
	}
	if sources == nil && nounCtx == "possessive" {
		// "Lavrov arrived ... after his visit to North Korea": the sentence's subject, else the last one.
		if sources = c.subjectAt(st, 0, ts); sources == nil {
			sources = ds.lastSubject
		}
	}
	if sources == nil && st.speaker != nil && st.said >= 0 && ts > st.said {
		sources = st.speaker
	}

	// A subject of two parties meets, agrees or exchanges with itself: no object needed.
	subjectPair := len(distinctCodes(sources)) >= 2 && (p.Type == "CONSULT" || p.Type == "AGREE" || p.Frame == FrameMutual)

	// Targets: the object of the trigger and the actors coordinated with it.
	if destBefore >= 0 {
		targets = []actors.Mention{st.actors[destBefore].m}
	}
	maxGap := 8
	switch {
	case p.Frame == FrameMutual:
		maxGap = 14 // "discussed Russia's violation of the treaty with his NATO counterparts"
	case p.Frame == FrameTravel:
		maxGap = 12
	case isNoun:
		maxGap = 3 // "talks in Beijing", "support for Moscow"
	}
	// "pressed it to ...": an object we cannot name. ("her" before a noun is a determiner.)
	herDet := te+1 < len(st.toks) && st.toks[te].lower == "her" && !st.toks[te+1].punct && c.cueAt("preposition", st.toks, te+1) < 0
	if te < len(st.toks) && st.actorAt[te] < 0 && isObjectPronoun(st.toks[te].lower) && !herDet && p.Frame != FrameTravel {
		return drop("object is a pronoun")
	}
	var location *actors.Mention
	if targets == nil && !subjectPair && !plural {

		for j := te; j < right && j <= te+maxGap; j++ {
			w := st.toks[j].lower
			// "to squeeze North Korea": an infinitive starts another verb's phrase.
			if w == "to" && j+1 < right && st.actorAt[j+1] < 0 && !isDeterminer(st.toks[j+1].lower) && !isCap(st, j+1) {
				break
			}
			if j > te && st.actorAt[j] < 0 && (strings.HasSuffix(w, "ing") && w != "including" && w != "during" || w == "that" || w == "which" || w == "who" || w == "when" || w == "where") {
				break
			}
			a := st.actorAt[j]
			if a < 0 || a == usedBy || st.actors[a].first != j {
				continue
			}
			if usedBy >= 0 && st.actors[a].m == st.actors[usedBy].m {
				continue
			}
			// "includes U.S. allies Japan and South Korea": the traveller's own side is no destination.
			if p.Frame == FrameTravel && len(sources) > 0 && st.actors[a].m.Code == sources[0].Code {
				continue
			}
			if isNoun && !onlyFunctionWords(c, st, te, j) {
				break // a noun takes its object at once: "talks with X", "support for X"
			}
			if p.Frame == FrameSpeech && contentWords(c, st, te, j) > 0 {
				break // "urged X", "called on X": the addressee comes first
			}
			if p.Frame != FrameTravel && p.Frame != FrameMutual && contentWords(c, st, te, j) > 2 && c.governor(st, j) != "between" {
				break // "condemned missile attacks by ... on X": X is not the object
			}
			gov := c.governor(st, j)
			switch {
			case p.Frame == FrameMutual && gov != "with":
				continue // a mutual act takes its partner only with "with"
			case p.Frame == FrameTravel && (gov == "from" || gov == "by"):
				continue
			case p.Frame != FrameTravel && (gov == "in" || gov == "at"):
				if location == nil {
					m := st.actors[a].m
					location = &m
				}
				continue
			case j == te && gov != "" && gov == st.toks[te-1].lower:
				// The trigger ends in the preposition: "withdrew troops from X".
			case p.Frame != FrameTravel && (gov == "by" || gov == "of" || gov == "from" || gov == "under" || gov == "during" || gov == "about" || gov == "over"):
				continue
			}
			if j > 0 && st.toks[j-1].lower == "not" {
				return drop("target negated")
			}
			targets = c.coordinated(st, a, right)
			break
		}
	}
	// "a trip to Asia - including China, South Korea and Japan".
	if targets == nil && p.Frame == FrameTravel {
		for j := te; j+1 < len(st.toks) && j <= right+1; j++ {
			if st.toks[j].lower == "including" {
				if a := c.actorAfter(st, j+1, minInt(len(st.toks), j+4)); a >= 0 {
					targets = c.coordinated(st, a, len(st.toks))
				}
				break
			}
		}
	}
	// "made the visit ... at the invitation of X": X is the host.
	if targets == nil && p.Frame == FrameTravel {
		for j := te; j+2 < right; j++ {
			if st.toks[j].lower == "invitation" && st.toks[j+1].lower == "of" {
				if a := c.actorAfter(st, j+2, minInt(right, j+6)); a >= 0 {
					targets = []actors.Mention{st.actors[a].m}
				}
				break
			}
		}
	}
	// "South Korea was criticised by China": the subject is the target.
	if targets == nil && passive && usedBy >= 0 {
		targets = c.subjectAt(st, left, ts)
	}
	if targets == nil && location != nil && p.Type == "CONSULT" && (location.Kind == actors.Capital || location.Kind == actors.State) {
		targets = []actors.Mention{*location} // "told Xi during talks in Beijing"
	}
	mode := p.Mode
	if p.Type == "CONSULT" && len(targets) == 1 && targets[0].Kind == actors.IGO && destBefore >= 0 {
		mode = "multilateral"
	}
	p.Mode = mode
	if p.Frame == FrameTravel {
		// One travels to a country or its capital, not to an organisation.
		var keep []actors.Mention
		for _, t := range targets {
			if t.Kind != actors.IGO {
				keep = append(keep, t)
			}
		}
		targets = keep
	}

	if !plural && len(distinctCodes(sources)) > 2 {
		return drop("more than two parties: a multilateral act")
	}
	// "Both Xi and Trump expressed support for peace": a shared position is an agreement.
	if p.Type == "SUPPORT" && p.Frame != FrameMutual && len(distinctCodes(sources)) >= 2 && len(targets) == 0 {
		p.Type, p.Frame = "AGREE", FrameMutual
	}

	// Build the pairs.
	var pairs []pair
	switch {
	case len(distinctCodes(sources)) >= 2 && (subjectPair || plural || len(targets) == 0 && p.Frame == FrameMutual):
		// "Kim and Putin exchanged messages", "the two sides agreed": the parties
		// act towards each other; with more than two, the first is the hub.
		hub := sources[0]
		for _, o := range sources[1:] {
			if o.Code == hub.Code || containsPair(pairs, hub.Code, o.Code) {
				continue
			}
			pairs = append(pairs, pair{hub, o})
			if p.Type != "CONSULT" {
				pairs = append(pairs, pair{o, hub})
			}
		}
	case len(sources) >= 1 && len(targets) >= 1:
		for _, t := range targets {
			pairs = append(pairs, pair{sources[0], t})
		}
		if p.Frame == FrameMutual && p.Type != "CONSULT" && len(targets) == 1 {
			pairs = append(pairs, pair{targets[0], sources[0]})
		}
	default:
		return drop("no pair")
	}
	if p.Frame == FrameHost || p.Frame == FrameInvite {
		for i := range pairs {
			pairs[i].s, pairs[i].t = pairs[i].t, pairs[i].s
		}
	}
	coref := plural || tripRef || len(sources) > 0 && st.speaker != nil && sources[0] == st.speaker[0] && st.said < ts
	trip := ds.trip // emit records this trigger as the latest trip
	out := c.emit(in, st, ds, p, ts, te, left, right, pairs, coref)
	if tripRef && trip != nil {
		// A leg of the trip just told of shares its status and, undated, its dates.
		for i := range out {
			out[i].Status = trip.Status
			if !out[i].explicitDate {
				out[i].Date, out[i].EndDate, out[i].DateSource, out[i].explicitDate = trip.Date, trip.EndDate, "trip", trip.explicitDate
			}
		}
		if len(out) > 0 {
			ds.trip = trip
		}
	}
	return out
}

// pair is one directed source-target pair of a candidate event.
type pair struct{ s, t actors.Mention }

func containsPair(ps []pair, a, b string) bool {
	for _, p := range ps {
		if p.s.Code == a && p.t.Code == b {
			return true
		}
	}
	return false
}

// codeSpeech codes the frames whose source is the speaker of the sentence:
// an evaluative word ("genocide", "a threat to") judges the actor named with
// it; "X should ..." asks X.
func (c *Coder) codeSpeech(in Input, st *sentenceState, ds *docState, p Pattern, ts, te, left, right int, drop func(string) []candidate) []candidate {
	speaker := st.speaker
	if speaker == nil && st.said < 0 && insideQuote(st.s.Text, st.toks[ts].start) {
		speaker = ds.lastSpeaker
	}
	if speaker == nil {
		return drop("no speaker")
	}
	// "accusations that it meddled": the wrongdoer is a bare pronoun, often
	// the speaker itself answering a charge; who is judged is unknown.
	if p.Frame == FrameJudge && ts > 0 && isSubjectPronoun(st.toks[ts-1].lower) {
		return drop("judged actor is a bare pronoun")
	}
	var target *actors.Mention
	switch p.Frame {
	case FrameObligation:
		// The actor right before "should": "Washington should investigate".
		for k := ts - 1; k >= left && k >= ts-3; k-- {
			if a := st.actorAt[k]; a >= 0 && !c.governed(st, st.actors[a].first) {
				m := st.actors[a].m
				target = &m
				break
			}
		}
	case FrameJudge:
		// The subject of the judged clause ("Iran's supply of rockets ... was
		// aggression"), else the nearest actor in the clause, on either side.
		for _, m := range c.subjectAt(st, left, ts) {
			if m.Code != speaker[0].Code {
				m := m
				target = &m
				break
			}
		}
		best := 1 << 30
		if target != nil {
			best = -1
		}
		for _, a := range st.actors {
			if a.first < left || a.first >= right || a.m.Code == speaker[0].Code {
				continue
			}
			d := a.first - te
			if a.end <= ts {
				d = ts - a.end
			}
			if d >= 0 && d < best {
				best = d
				m := a.m
				target = &m
			}
		}
	}
	if target == nil || target.Code == speaker[0].Code {
		return drop("no actor judged or asked")
	}
	return c.emit(in, st, ds, p, ts, te, left, right, []pair{{speaker[0], *target}}, true)
}

// insideQuote reports whether offset off of s lies inside an opening quote.
func insideQuote(s string, off int) bool {
	open := false
	for i, r := range s {
		if i >= off {
			break
		}
		switch r {
		case '\u201c':
			open = true
		case '\u201d':
			open = false
		case '"':
			open = !open
		}
	}
	return open
}

// emit dates the pairs of one trigger, decides their status and makes the candidates.
func (c *Coder) emit(in Input, st *sentenceState, ds *docState, p Pattern, ts, te, left, right int, pairs []pair, coref bool) []candidate {
	trigger := st.s.Text[st.toks[ts].start:st.toks[te-1].end]

	// Date: the expression in the clause nearest the trigger.
	var date, endDate caldate.Date
	explicit := false
	var when *timex.Expr
	bestDist := 1 << 30
	for k := range st.times {
		x := &st.times[k]
		if x.Date.IsZero() {
			continue
		}
		ti := st.tokenAt(x.Start)
		// Distance in words that are not part of a name: "met US Secretary of
		// State Antony Blinken at the Great Hall ... on Monday" is near.
		if ti < left || ti >= right || ti > te && ti-te-actorTokens(st, te, ti) > 12 {
			continue
		}
		// "Japan's 1910-45 colonial rule": a date that qualifies a noun, not the event.
		if ti > 0 && st.toks[ti-1].poss {
			continue
		}
		d := ti - te
		if ti < ts {
			d = ts - ti + 2 // prefer what follows the trigger
		}
		if d < bestDist {
			bestDist, when = d, x
		}
	}
	if when == nil && st.sayDate != nil && isStatement(p.Type) {
		when = st.sayDate
	}
	if when != nil {
		date, endDate, explicit = when.Date, when.EndDate, true
	} else {
		date = in.Date
	}

	// Status.
	status := Occurred
	if p.Frame == FrameInvite || containsWord(p.Words, "invitation") || p.Type == "CONSULT" && c.hasCueIn("plannedvisit", st, maxInt(left, ts-3), ts, ts, te) {
		// An invitation, given or accepted, is for a visit still to come.
		status = Planned
		if !explicit {
			date = caldate.Date{}
		}
	} else if c.hasCueIn("planned", st, left, ts+1, ts, te) || explicit && in.Date.Precision() == caldate.Day && date.Precision() == caldate.Day && date.Compare(in.Date) > 0 {
		if p.Type == "CONSULT" || p.Type == "SANCTION" || p.Type == "REQUEST" || p.Type == "THREATEN" && false {
			status = Planned
		} else if c.hasCueIn("planned", st, maxInt(left, ts-3), ts, ts, te) && !continues(st, ts) {
			status = Planned
		}
	}
	if status == Planned && !explicit {
		// What is planned is not dated by the page. An invitation is open;
		// other plans reported without a date are taken to fall in the
		// page's month (finish may still date them from the document).
		date = caldate.Date{}
		if p.Frame != FrameInvite && !containsWord(p.Words, "invitation") && in.Date.Precision() >= caldate.Month {
			date = in.Date.Truncate(caldate.Month)
		}
	}
	// "... after Trump accused China of ...", "a month after Xi's visit": a
	// clause or a noun phrase opened by "after" or "since" tells what came
	// before the news.
	if status == Occurred && !explicit {
		opened := left > 0 && (st.toks[left-1].lower == "after" || st.toks[left-1].lower == "since")
		for k := ts - 1; !opened && k >= left && k >= ts-5; k-- {
			// "a month after Xi's state visit", "years since the summit": at a
			// distance; "speaking after the summit" is the same news.
			if w := st.toks[k].lower; (w == "after" || w == "since") && k > 0 && distanceWord[st.toks[k-1].lower] {
				for n := ts; n < te && !opened; n++ {
					opened = c.cueAt("noun", st.toks, n) > 0
				}
			}
			if st.toks[k].punct {
				break
			}
		}
		if opened {
			status = Background
			date = caldate.Date{}
		}
	}
	if status == Occurred && !explicit && st.prev != nil && st.prev.Status == Background && left > 0 &&
		(st.toks[left-1].lower == "where" || st.toks[left-1].lower == "when" || left > 1 && st.toks[left-2].lower == "," && (st.toks[left-1].lower == "where" || st.toks[left-1].lower == "when")) {
		status = Background
		date, _ = caldate.Parse(st.prev.Date)
	}
	if status == Occurred {
		if explicit && isBefore(date, in.Date) {
			status = Background
		} else if !explicit && c.hasCueIn("background", st, maxInt(left, ts-4), ts, ts, te) {
			status = Background
			date = caldate.Date{}
		}
	}

	noun := c.cueAt("noun", st.toks, ts) > 0 && !verbUse(st, ts)
	// "The visit ... will last from Tuesday to Wednesday": a noun's own verb may follow it.
	if status == Occurred && noun && c.hasCueIn("planned", st, te, right, ts, te) {
		status = Planned
	}
	var out []candidate
	for _, pr := range pairs {
		if pr.s.Code == "" || pr.t.Code == "" || pr.s.Code == pr.t.Code {
			continue
		}
		e := Event{
			Confidence: confidence(p, pr, explicit, coref, noun, status),
			Doc:        in.Doc, Type: p.Type, Mode: p.Mode, Status: status,
			Source: pr.s.Code, Target: pr.t.Code,
			SourceActor: pr.s.Actor, TargetActor: pr.t.Actor,
			Date: date.String(), Location: c.location(st, left, right),
			Evidence: st.s.Text,
			Span:     [2]int{st.s.Start, st.s.End},
		}
		if !endDate.IsZero() {
			e.EndDate = endDate.String()
		}
		if explicit {
			e.DateSource = "text"
		} else if !date.IsZero() {
			e.DateSource = "document"
		}
		out = append(out, candidate{Event: e, explicitDate: explicit})
	}
	if c.Explain != nil {
		d := Decision{Doc: in.Doc, Sentence: st.s, Trigger: trigger,
			Start: st.s.Start + st.toks[ts].start, End: st.s.Start + st.toks[te-1].end, Pattern: p}
		for _, e := range out {
			d.Events = append(d.Events, e.Event)
		}
		if len(out) == 0 {
			d.Dropped = "self pair or unknown code"
		}
		c.Explain(d)
	}
	if len(out) > 0 {
		last := out[len(out)-1]
		st.prev = &last
	}
	if p.Frame == FrameTravel && len(out) > 0 {
		ds.traveller = []actors.Mention{pairs[0].s}
		trip := out[0]
		ds.trip = &trip
	}
	if p.Type == "CONSULT" && len(out) > 0 {
		ds.lastPair = [2]actors.Mention{pairs[0].s, pairs[0].t}
		ds.havePair = true
		ds.group = []actors.Mention{pairs[0].s}
		for _, pr := range pairs {
			ds.group = append(ds.group, pr.t)
		}
	}
	return out
}

// continues reports "will continue to ...": a standing commitment, not a plan.
func continues(st *sentenceState, ts int) bool {
	for j := maxInt(0, ts-3); j < ts; j++ {
		if st.toks[j].lower == "continue" || st.toks[j].lower == "always" {
			return true
		}
	}
	return false
}

func isStatement(typ string) bool {
	switch typ {
	case "SUPPORT", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE":
		return true
	}
	return false
}

func (c *Coder) isVerbish(w string) bool {
	return strings.HasSuffix(w, "ed") || w == "is" || w == "was" || w == "are" || w == "were" || w == "has" || w == "have"
}

// isBefore reports whether d lies before the news of an article dated ref:
// an earlier month or year, or more than a week earlier.
func isBefore(d, ref caldate.Date) bool {
	if d.IsZero() || ref.IsZero() {
		return false
	}
	if d.Y != ref.Y {
		return d.Y < ref.Y
	}
	if d.Precision() == caldate.Year || ref.Precision() == caldate.Year {
		return false
	}
	if d.Precision() == caldate.Month || ref.Precision() == caldate.Month {
		return d.M < ref.M
	}
	return ref.Time().Sub(d.Last().Time()).Hours() > 24*7
}

// location is the place named with "in" or "at" inside the clause.
func (c *Coder) location(st *sentenceState, left, right int) string {
	for j := left; j+1 < right; j++ {
		w := st.toks[j].lower
		if w != "in" && w != "at" {
			continue
		}
		if a := st.actorAt[j+1]; a >= 0 {
			m := st.actors[a].m
			if m.Kind == actors.Capital || m.Kind == actors.State {
				if m.Kind == actors.Capital {
					return strings.TrimPrefix(m.Text, "the ")
				}
				return m.Actor
			}
		}
	}
	return ""
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// finish merges repeated mentions of one happening within the document and
// gives undated statements the date of the exchange they belong to.
func finish(in Input, cands []candidate) []Event {
	key := func(e Event) string {
		s, t := e.Source, e.Target
		if e.Type == "CONSULT" && s > t {
			s, t = t, s
		}
		return e.Type + "|" + s + "|" + t
	}
	// Undated reports take the date of the exchange they belong to: the
	// nearest explicitly dated occurred CONSULT of the same pair before them,
	// else the first after them, else the nearest dated occurred event of
	// the same pair before them (the article's news day for that pair).
	dated := func(o candidate, k string, anyType bool) bool {
		return o.explicitDate && o.Status == Occurred && (anyType || o.Type == "CONSULT") && pairKey(o.Source, o.Target) == k
	}
	// shared counts the named people two candidates have in common.
	shared := func(a, b candidate) int {
		n := 0
		if a.SourceActor == b.SourceActor || a.SourceActor == b.TargetActor {
			n++
		}
		if a.TargetActor == b.SourceActor || a.TargetActor == b.TargetActor {
			n++
		}
		return n
	}
	for i := range cands {
		c := &cands[i]
		if c.explicitDate || c.Status != Occurred {
			continue
		}
		k := pairKey(c.Source, c.Target)
		found := -1
		for need := 2; need >= 1 && found < 0; need-- {
			for j := i - 1; j >= 0 && found < 0; j-- {
				if dated(cands[j], k, false) && shared(cands[j], *c) >= need {
					found = j
				}
			}
		}
		for j := i - 1; j >= 0 && found < 0; j-- {
			if dated(cands[j], k, false) {
				found = j
			}
		}
		for j := i + 1; j < len(cands) && found < 0; j++ {
			if dated(cands[j], k, false) {
				found = j
			}
		}
		for j := i - 1; j >= 0 && found < 0; j-- {
			if dated(cands[j], k, true) {
				found = j
			}
		}
		if found >= 0 {
			v := cands[found]
			c.Date, c.EndDate, c.DateSource = v.Date, v.EndDate, "exchange"
		}
	}
	// An undated plan takes the date of a dated plan of the same pair in the document.
	for i := range cands {
		c := &cands[i]
		if c.explicitDate || c.Status != Planned {
			continue
		}
		k := pairKey(c.Source, c.Target)
		found := false
		for j := range cands {
			if o := cands[j]; j != i && o.explicitDate && o.Status == Planned && pairKey(o.Source, o.Target) == k {
				c.Date, c.EndDate, c.DateSource = o.Date, o.EndDate, "plan"
				found = true
				break
			}
		}
		// A leg of a tour takes the tour's dates: the traveller's dated planned visit.
		for j := range cands {
			if o := cands[j]; !found && c.Mode == "visit" && j != i && o.explicitDate && o.Status == Planned && o.Mode == "visit" && o.Source == c.Source && o.EndDate != "" {
				c.Date, c.EndDate, c.DateSource = o.Date, o.EndDate, "plan"
				break
			}
		}
	}
	var out []Event
	index := map[string][]int{}
	for _, c := range cands {
		k := key(c.Event)
		merged := false
		for _, oi := range index[k] {
			o := &out[oi]
			if sameHappening(o, &c.Event) {
				if o.DateSource != "text" && c.DateSource == "text" {
					o.Date, o.EndDate, o.DateSource = c.Date, c.EndDate, c.DateSource
				}
				if o.Status == Planned && c.Status == Occurred && o.Date == c.Date {
					o.Status = Occurred
				}
				if o.Location == "" {
					o.Location = c.Location
				}
				if c.Span != o.Span {
					if len(o.Spans) == 0 {
						o.Spans = [][2]int{o.Span}
					}
					if !containsSpan(o.Spans, c.Span) {
						o.Spans = append(o.Spans, c.Span)
					}
				}
				if o.Confidence < 0.95 {
					o.Confidence += 0.05
				}
				merged = true
				break
			}
		}
		if !merged {
			index[k] = append(index[k], len(out))
			out = append(out, c.Event)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Span[0] < out[j].Span[0] })
	return out
}

func pairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + "|" + b
}

// sameHappening reports whether two events of one type and pair in a document
// are the same happening: same date, or one of them dated only by the document.
func sameHappening(a, b *Event) bool {
	if a.Date == b.Date {
		return true
	}
	if a.DateSource != "text" || b.DateSource != "text" {
		return a.Status == b.Status
	}
	da, _ := caldate.Parse(a.Date)
	db, _ := caldate.Parse(b.Date)
	if a.EndDate != "" {
		ea, _ := caldate.Parse(a.EndDate)
		if (caldate.Range{Start: da, End: ea}).Contains(db) {
			return true
		}
	}
	if b.EndDate != "" {
		eb, _ := caldate.Parse(b.EndDate)
		if (caldate.Range{Start: db, End: eb}).Contains(da) {
			return true
		}
	}
	return false
}

// withBefore reports whether "with" (or "and") introduces the actor at token j,
// the only way a mutual trigger takes an object: "agreed with X".
func withBefore(st *sentenceState, te, j int) bool {
	for k := j - 1; k >= te && k >= j-3; k-- {
		if w := st.toks[k].lower; w == "with" {
			return true
		}
	}
	return false
}

func isAdverb(w string) bool {
	switch w {
	case "also", "then", "later", "earlier", "however", "notably", "meanwhile", "separately", "both":
		return true
	}
	return false
}

// coordinatedLoose is coordinated but lets "the leaders of" stand between
// the conjunction and the next actor ("between the leaders of X and Y").
func (c *Coder) coordinatedLoose(st *sentenceState, a int, to int) []actors.Mention {
	out := c.coordinated(st, a, to)
	if len(out) > 1 {
		return out
	}
	j := st.actors[a].end
	if j < to && st.toks[j].lower == "and" {
		if b := c.actorAfter(st, j+1, minInt(to, j+5)); b >= 0 {
			out = append(out, st.actors[b].m)
		}
	}
	return out
}

func isAuxiliary(w string) bool {
	switch w {
	case "was", "were", "been", "be", "is", "are", "being", "get", "got":
		return true
	}
	return false
}

func isObjectPronoun(w string) bool {
	switch w {
	case "it", "him", "them", "her", "us", "me":
		return true
	}
	return false
}

// governor returns the preposition that governs the actor starting at token
// j (across determiners, numbers and lower-case modifiers), or "".
func (c *Coder) governor(st *sentenceState, j int) string {
	for k := j - 1; k >= 0 && k >= j-3; k-- {
		t := st.toks[k]
		if t.punct || st.actorAt[k] >= 0 {
			return ""
		}
		if c.cueAt("preposition", st.toks, k) == k+1 {
			return t.lower
		}
		if !isDeterminer(t.lower) && !isNumber(t.lower) && isCap(st, k) {
			return ""
		}
	}
	return ""
}

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// onlyFunctionWords reports whether tokens [from, to) are all prepositions
// or determiners.
func onlyFunctionWords(c *Coder, st *sentenceState, from, to int) bool {
	for k := from; k < to; k++ {
		if w := st.toks[k].lower; !isDeterminer(w) && c.cueAt("preposition", st.toks, k) != k+1 && !inTime(st, k) {
			return false
		}
	}
	return true
}

// nextIsDate reports whether a time expression starts at token j ("reported Sunday").
func nextIsDate(st *sentenceState, j int) bool {
	if j >= len(st.toks) {
		return false
	}
	for _, x := range st.times {
		if x.Start <= st.toks[j].start && st.toks[j].start < x.End {
			return true
		}
	}
	return false
}

// inTime reports whether token j lies inside a time expression.
func inTime(st *sentenceState, j int) bool {
	for _, x := range st.times {
		if x.Start <= st.toks[j].start && st.toks[j].end <= x.End {
			return true
		}
	}
	return false
}

// hasModalIn reports a modal of possibility ("could", "might", "may") in
// tokens [from, to): it makes the rest of its clause hypothetical.
func (c *Coder) hasModalIn(st *sentenceState, from, to int) bool {
	for j := from; j < to; j++ {
		switch st.toks[j].lower {
		case "could", "might", "may":
			return true
		}
	}
	return false
}

// contentWords counts the tokens in [from, to) that are neither function
// words, nor inside a time expression, nor part of an actor.
func contentWords(c *Coder, st *sentenceState, from, to int) int {
	n := 0
	for k := from; k < to; k++ {
		if st.toks[k].punct || st.actorAt[k] >= 0 || inTime(st, k) || isDeterminer(st.toks[k].lower) || c.cueAt("preposition", st.toks, k) == k+1 {
			continue
		}
		n++
	}
	return n
}

// verbUse reports whether a word that can be a noun ("support", "visit",
// "pressure") is used as a verb here: after "to", a modal or a pronoun
// subject, across adverbs in -ly.
func verbUse(st *sentenceState, ts int) bool {
	k := ts - 1
	for k >= 0 && (strings.HasSuffix(st.toks[k].lower, "ly") || st.toks[k].lower == "also" || st.toks[k].lower == "further") {
		k--
	}
	if k < 0 {
		return false
	}
	// "Trump visits Beijing": a person is a subject, never a noun modifier.
	if a := st.actorAt[k]; a >= 0 && st.actors[a].m.Kind == actors.Person && !st.toks[k].poss {
		return true
	}
	switch st.toks[k].lower {
	case "to", "will", "would", "shall", "must", "should", "can", "could", "may", "might", "we", "they", "i", "you", "not", "n't":
		return true
	}
	return false
}

func isSubjectPronoun(w string) bool {
	switch w {
	case "he", "she", "it", "they", "we":
		return true
	}
	return false
}

// purposeHead lists words after which "to VERB" states an aim, not an act.
var purposeHead = map[string]bool{
	"effort": true, "efforts": true, "bid": true, "attempt": true, "attempts": true, "push": true,
	"campaign": true, "plan": true, "plans": true, "way": true, "ways": true, "need": true,
	"chance": true, "order": true, "more": true, "pressure": true, "calls": true,
}

// confidence scores how likely a candidate is right, from what the coder
// relied on: a clause of its own with a date and named parties raises it;
// arguments found by reference ("he", "the two sides", the speaker), a noun
// trigger, an evaluative word and a background mention lower it. Repeated
// mentions raise it further when the document's events are merged.
func confidence(p Pattern, pr pair, explicit, coref, noun bool, status string) float64 {
	c := 0.6
	if explicit {
		c += 0.1
	}
	named := func(m actors.Mention) bool {
		return m.Kind == actors.Person || m.Kind == actors.State || m.Kind == actors.IGO
	}
	if named(pr.s) && named(pr.t) {
		c += 0.05
	}
	if !noun {
		c += 0.05
	}
	if coref {
		c -= 0.15
	}
	if p.Frame == FrameJudge || p.Frame == FrameObligation {
		c -= 0.15
	}
	if status == Background {
		c -= 0.1
	}
	return math.Max(0.05, math.Min(0.95, c))
}

// actorTokens counts the tokens in [from, to) that belong to actor mentions.
func actorTokens(st *sentenceState, from, to int) int {
	n := 0
	for k := from; k < to; k++ {
		if st.actorAt[k] >= 0 {
			n++
		}
	}
	return n
}

func containsWord(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

func containsSpan(spans [][2]int, s [2]int) bool {
	for _, x := range spans {
		if x == s {
			return true
		}
	}
	return false
}

// distanceWord lists the units that put "after"/"since" at a distance.
var distanceWord = map[string]bool{
	"days": true, "week": true, "weeks": true, "month": true, "months": true,
	"year": true, "years": true, "decade": true, "decades": true,
}
