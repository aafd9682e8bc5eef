// Package merge gives events from different documents that report the same
// real-world event one shared cluster id (Event.Event), and builds the merged
// real-world events (Build).
//
// Two reports can be the same event only when they have the same type and
// the same pair of sides (in either order for CONSULT, whose sides are
// symmetric; in order otherwise): the Key. Within a key, reports are
// clustered by their dates, places and, for verbal types, their wording.
//
// Dates are where naive merging goes wrong. If "2017" were allowed to join
// anything inside it, a year-precision mention would chain the Nov 6 and
// Nov 9 meetings of the same pair into one cluster; and a date that is only
// the article's own date (date_source "document") says little more than
// "shortly before publication". So reports are weighed by how firm their
// date is, and visited in three tiers, each from the shortest period to the
// longest, ties broken by date and then by the report's own text, so that the
// order of the input never matters:
//
//  1. Firm reports (a date from the text) that did happen (occurred or
//     background). A report joins the cluster whose anchor period it
//     contains: a day joins its day, a span the days inside it, a month the
//     days of that month. When a span holds several clusters it joins the one
//     with the most documents (the main event of those days); a month or year
//     that holds several starts its own cluster. Otherwise it starts a
//     cluster and becomes its anchor. Hence two different days never share a
//     cluster.
//  2. Soft reports (dated only by their document) that did happen join the
//     nearest cluster in the few days up to their date (a story tells of an
//     event on or shortly before its publication), or start a cluster.
//  3. Planned reports join the occurred event they announce: a day plan the
//     first event from shortly before to a week after its date (a trip's
//     departure date precedes its stops), a document-dated plan the first
//     event in the two weeks after publication, a span the event inside it
//     with the most documents, a month the first event of the month; firm
//     clusters are preferred over soft ones. A plan with no event joins the
//     plans that leave a day open to all of them (their windows intersect),
//     or starts a cluster of plans.
//
// Everywhere two reports must agree on place (when both name one, one name
// contains the other), and for verbal types (statements: several may be made
// on one day between one pair, see data/types.tsv) on wording: their evidence
// must share a content word, not counting names and stop words
// (data/stopwords.txt), except for a plan and its realisation, whose wording
// differs by nature. Reports with an empty date join only each other, and a
// date that does not parse joins only the identical text.
//
// Ids are "E" followed by 12 hex digits of a SHA-256 of the cluster's key,
// its anchor's tier and period (and, for verbal types, its anchor's
// evidence), so they are stable across runs and do not depend on input
// order. Clustering is a function of the set of reports of one key, so a
// store can merge incrementally by re-clustering only the keys that new
// documents touch.
package merge

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"

	"parley/caldate"
	"parley/events"
)

// Key is the part of an event that must agree for two reports to be the
// same event: the type and the pair, sorted for CONSULT.
func Key(e events.Event) string {
	s, t := e.Source, e.Target
	if e.Type == "CONSULT" && t < s {
		s, t = t, s
	}
	return e.Type + "|" + s + "|" + t
}

// Merger clusters reports. Its zero value is not usable; use New or Default.
// A Merger is safe for concurrent use once built.
type Merger struct {
	Types TypeTable
	Stop  map[string]bool // stop words for evidence similarity

	SoftBack      int // days a document-dated report may follow its event
	PlanBack      int // days a planned day may follow the event it announces
	PlanAhead     int // days a planned day may precede the event
	SoftPlanAhead int // days a document-dated plan may precede the event
}

// New returns a Merger with the given tables and the default windows.
func New(types TypeTable, stop map[string]bool) *Merger {
	return &Merger{Types: types, Stop: stop, SoftBack: 3, PlanBack: 2, PlanAhead: 7, SoftPlanAhead: 14}
}

var defaultMerger = New(DefaultTypes(), DefaultStopwords())

// Default returns the Merger built from the embedded data files.
func Default() *Merger { return defaultMerger }

// Assign sets Event on every event so that reports of the same real event,
// in any documents, share an id (see the package comment for the rule),
// using the Default merger.
func Assign(evs []events.Event) { defaultMerger.Assign(evs) }

// Assign sets Event on every event of evs.
func (m *Merger) Assign(evs []events.Event) {
	byKey := map[string][]int{}
	for i := range evs {
		k := Key(evs[i])
		byKey[k] = append(byKey[k], i)
	}
	for k, idx := range byKey {
		ids := m.clusterKey(evs, k, idx)
		for j, i := range idx {
			evs[i].Event = ids[j]
		}
	}
}

// AssignKey clusters the reports of one key (all with Key(e) == key) and
// returns their ids in order; it does not change evs. A store re-clusters
// the keys that new documents touch with it.
func (m *Merger) AssignKey(key string, evs []events.Event) []string {
	idx := make([]int, len(evs))
	for i := range idx {
		idx[i] = i
	}
	return m.clusterKey(evs, key, idx)
}

// Tiers of reports, in the order they are clustered.
const (
	tierFirm    = iota // occurred/background, date from the text
	tierSoft           // occurred/background, date from the document only
	tierPlanned        // planned
	tierNoDate         // empty or unparsable date
)

// mention is one report as the clustering sees it.
type mention struct {
	ev          *events.Event
	pos         int // index into the key's reports
	tier        int
	first, last int32 // days since 1970-01-01
	span        bool  // an explicit multi-day span (end date given)
	prec        caldate.Precision
	text        string // date text: the period's identity
	words       []string
	loc         string
}

func (p *mention) days() int32 { return p.last - p.first + 1 }

// cluster is one real event being built.
type cluster struct {
	anchor      *mention
	first, last int32    // the anchor's period
	lo, hi      int32    // the days its dated, realised reports cover
	into        *cluster // the cluster this one was absorbed into
	plo, phi    int32    // for a cluster of plans: the days all its plans allow
	span        bool
	prec        caldate.Precision
	firm        bool // holds a firm report
	planned     bool // holds only plans
	docs        map[string]bool
	words       map[string]bool
	locs        []string
	id          string
}

func dayNum(t time.Time) int32 { return int32(t.Unix() / 86400) }

func (m *Merger) mentionOf(e *events.Event, pos int) *mention {
	mt := &mention{ev: e, pos: pos, text: e.Date + ".." + e.EndDate, loc: normLoc(e.Location)}
	d, err1 := caldate.Parse(e.Date)
	end, err2 := caldate.Parse(e.EndDate)
	switch {
	case err1 != nil || err2 != nil || d.IsZero():
		mt.tier = tierNoDate
	case e.Status == events.Planned:
		mt.tier = tierPlanned
	case e.DateSource == "document":
		mt.tier = tierSoft
	default:
		mt.tier = tierFirm
	}
	if mt.tier != tierNoDate {
		mt.prec = d.Precision()
		mt.first = dayNum(d.Time())
		mt.last = dayNum(d.Last().Time())
		if !end.IsZero() {
			if l := dayNum(end.Last().Time()); l > mt.last {
				mt.last = l
				mt.span = true
			}
		}
	}
	if m.Types.Verbal(e.Type) {
		mt.words = m.words(e.Evidence)
	}
	return mt
}

// less orders mentions within a key: tier, shortest period, start, then the
// report's own content, so that any input order gives the same sequence.
func less(a, b *mention) int {
	if a.tier != b.tier {
		return a.tier - b.tier
	}
	if da, db := a.days(), b.days(); da != db {
		return int(da - db)
	}
	if a.first != b.first {
		return int(a.first - b.first)
	}
	ea, eb := a.ev, b.ev
	for _, c := range [][2]string{{a.text, b.text}, {ea.Doc, eb.Doc}, {ea.Evidence, eb.Evidence},
		{ea.Source, eb.Source}, {ea.Location, eb.Location}, {ea.Mode, eb.Mode}, {ea.SourceActor, eb.SourceActor},
		{ea.TargetActor, eb.TargetActor}, {ea.Status, eb.Status}} {
		if c[0] != c[1] {
			return strings.Compare(c[0], c[1])
		}
	}
	if ea.Span != eb.Span {
		if ea.Span[0] != eb.Span[0] {
			return ea.Span[0] - eb.Span[0]
		}
		return ea.Span[1] - eb.Span[1]
	}
	return 0
}

func (m *Merger) clusterKey(evs []events.Event, key string, idx []int) []string {
	ms := make([]*mention, len(idx))
	for j, i := range idx {
		ms[j] = m.mentionOf(&evs[i], j)
	}
	slices.SortStableFunc(ms, less)
	verbal := m.Types.Verbal(strings.SplitN(key, "|", 2)[0])
	k := keyClusters{m: m, verbal: verbal}
	noDate := map[string]*cluster{}
	placed := make([]*cluster, len(idx))
	for _, mt := range ms {
		var c *cluster
		switch mt.tier {
		case tierFirm:
			c = k.firm(mt)
		case tierSoft:
			c = k.soft(mt)
		case tierPlanned:
			c = k.plan(mt)
		default:
			c = noDate[mt.text]
			if c == nil {
				c = &cluster{anchor: mt}
				noDate[mt.text] = c
			}
		}
		if c == nil {
			c = k.start(mt)
		} else {
			k.add(c, mt)
		}
		if c.id == "" {
			c.id = k.id(key, c)
		}
		placed[mt.pos] = c
	}
	ids := make([]string, len(idx))
	for i, c := range placed {
		for c.into != nil {
			c = c.into
		}
		ids[i] = c.id
	}
	return ids
}

// keyClusters is the clustering state of one key.
type keyClusters struct {
	m      *Merger
	verbal bool
	all    []*cluster
	used   map[string]bool
}

func (k *keyClusters) start(mt *mention) *cluster {
	c := &cluster{anchor: mt, first: mt.first, last: mt.last, lo: mt.first, hi: mt.last, span: mt.span, prec: mt.prec,
		planned: mt.tier == tierPlanned}
	if c.planned {
		c.plo, c.phi = k.planWindow(mt)
	}
	k.add(c, mt)
	k.all = append(k.all, c)
	return c
}

func (k *keyClusters) add(c *cluster, mt *mention) {
	if c.docs == nil {
		c.docs = map[string]bool{}
	}
	c.docs[mt.ev.Doc] = true
	if mt.tier == tierFirm {
		c.firm = true
	}
	if mt.tier == tierSoft {
		c.lo, c.hi = min(c.lo, mt.first), max(c.hi, mt.last)
	}
	if mt.tier == tierPlanned && c.planned && c.anchor != mt {
		lo, hi := k.planWindow(mt)
		c.plo, c.phi = max(c.plo, lo), min(c.phi, hi)
	}
	if mt.tier != tierPlanned {
		c.planned = false
	}
	if len(mt.words) > 0 {
		if c.words == nil {
			c.words = map[string]bool{}
		}
		for _, w := range mt.words {
			c.words[w] = true
		}
	}
	if mt.loc != "" && !slices.Contains(c.locs, mt.loc) {
		c.locs = append(c.locs, mt.loc)
	}
}

func (k *keyClusters) id(key string, c *cluster) string {
	a := c.anchor
	s := key + "#" + string(rune('0'+a.tier)) + "#" + a.text
	if k.verbal {
		s += "#" + a.ev.Evidence
	}
	for n := 0; ; n++ {
		t := s
		if n > 0 {
			t += "#" + string(rune('0'+n%10)) + strings.Repeat("+", n/10)
		}
		h := sha256.Sum256([]byte(t))
		id := "E" + hex.EncodeToString(h[:6])
		if !k.used[id] {
			if k.used == nil {
				k.used = map[string]bool{}
			}
			k.used[id] = true
			return id
		}
	}
}

// compatible reports whether mt may join c at all: places agree and, when
// wording counts, the evidence shares a content word.
func (k *keyClusters) compatible(c *cluster, mt *mention, wording bool) bool {
	if mt.loc != "" && len(c.locs) > 0 {
		ok := false
		for _, l := range c.locs {
			if sameLoc(l, mt.loc) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if wording && k.verbal {
		return k.similar(c, mt) > 0
	}
	return true
}

func (k *keyClusters) similar(c *cluster, mt *mention) int {
	n := 0
	for _, w := range mt.words {
		if c.words[w] {
			n++
		}
	}
	return n
}

// firm places a firm report: it joins a cluster whose anchor period it
// contains (see the package comment).
func (k *keyClusters) firm(mt *mention) *cluster {
	var cands []*cluster
	for _, c := range k.all {
		if c.planned || !k.compatible(c, mt, true) {
			continue
		}
		contains := mt.first <= c.first && c.last <= mt.last
		if contains || (mt.span && c.span && mt.first <= c.last && c.first <= mt.last) {
			cands = append(cands, c)
		}
	}
	switch {
	case len(cands) == 1:
		return cands[0]
	case len(cands) > 1 && mt.span:
		return mostDocs(cands)
	}
	return nil
}

// mostDocs is the candidate with strictly the most documents, or nil.
func mostDocs(cands []*cluster) *cluster {
	var best *cluster
	tie := false
	for _, c := range cands {
		switch {
		case best == nil || len(c.docs) > len(best.docs):
			best, tie = c, false
		case len(c.docs) == len(best.docs):
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

// soft places a document-dated report: the nearest cluster ending in the
// few days up to its date.
func (k *keyClusters) soft(mt *mention) *cluster {
	lo, hi := mt.first-int32(k.m.SoftBack), mt.last
	var best *cluster
	var bestDist int32
	for _, c := range k.all {
		if c.planned || c.hi < lo || c.lo > hi || !k.compatible(c, mt, true) {
			continue
		}
		if c.prec < caldate.Day && !c.span && mt.prec == caldate.Day {
			continue // a month-precision cluster is no evidence of this day
		}
		d := max(hi-c.hi, 0)
		if best == nil || d < bestDist || (d == bestDist && better(c, best)) {
			best, bestDist = c, d
		}
	}
	return best
}

// better breaks ties between two candidate clusters: firm first, then more
// documents; the earlier cluster otherwise (the order is deterministic).
func better(a, b *cluster) bool {
	if a.firm != b.firm {
		return a.firm
	}
	return len(a.docs) > len(b.docs)
}

// planWindow is the days in which the event a plan announces may fall.
func (k *keyClusters) planWindow(mt *mention) (lo, hi int32) {
	lo, hi = mt.first, mt.last
	switch {
	case mt.span:
		lo -= int32(k.m.PlanBack)
		hi += int32(k.m.PlanBack)
	case mt.prec == caldate.Day && mt.ev.DateSource == "document":
		hi += int32(k.m.SoftPlanAhead)
	case mt.prec == caldate.Day:
		lo -= int32(k.m.PlanBack)
		hi += int32(k.m.PlanAhead)
	}
	return lo, hi
}

// plan places a planned report (see the package comment).
func (k *keyClusters) plan(mt *mention) *cluster {
	lo, hi := k.planWindow(mt)
	for _, realised := range []bool{true, false} {
		var cands []*cluster
		for _, c := range k.all {
			if c.planned == realised || !k.compatible(c, mt, false) {
				continue
			}
			// A plan meets an event by its days, another plan by the days
			// both allow.
			if realised && (c.hi < lo || c.lo > hi) || !realised && (c.phi < lo || c.plo > hi) {
				continue
			}
			if realised && c.prec < caldate.Day && !c.span {
				continue // only a dated event realises a plan
			}
			cands = append(cands, c)
		}
		if len(cands) == 0 {
			continue
		}
		if mt.prec == caldate.Year {
			if len(cands) == 1 {
				return cands[0]
			}
			return nil
		}
		if mt.span && realised {
			if c := mostDocs(cands); c != nil {
				return c
			}
		}
		var best *cluster
		var bestRank [3]int
		for _, c := range cands {
			r := [3]int{0, 0, 0}
			if !c.firm {
				r[0] = 1
			}
			if k.verbal && k.similar(c, mt) == 0 {
				r[1] = 1
			}
			if c.lo >= mt.first {
				r[2] = int(c.lo - mt.first)
			} else {
				r[2] = 2*int(mt.first-min(c.hi, mt.first)) + 1
			}
			if best == nil || slices.Compare(r[:], bestRank[:]) < 0 {
				best, bestRank = c, r
			}
		}
		if realised && best.firm {
			k.absorb(best, mt.first)
		}
		return best
	}
	return nil
}

// absorb merges into c the soft-only clusters that lie between a plan's
// date (from) and c: undated-in-text reports of the pair published while the
// announced event was under way are reports of it ("as the president sets
// off ...").
func (k *keyClusters) absorb(c *cluster, from int32) {
	keep := k.all[:0]
	for _, o := range k.all {
		if o != c && !o.firm && !o.planned && o.lo >= from && o.hi < c.lo && k.compatible(c, o.anchor, true) {
			o.into = c
			for d := range o.docs {
				c.docs[d] = true
			}
			for w := range o.words {
				if c.words == nil {
					c.words = map[string]bool{}
				}
				c.words[w] = true
			}
			for _, l := range o.locs {
				if !slices.Contains(c.locs, l) {
					c.locs = append(c.locs, l)
				}
			}
			c.lo = min(c.lo, o.lo)
			continue
		}
		keep = append(keep, o)
	}
	k.all = keep
}
