// Package eval scores predicted events against a gold set, by the rules in
// the "Scoring" section of the gold GUIDE.
//
// Matching happens within one document at a time. A prediction matches a
// gold row when they have the same type, the same pair of sides (in either
// order for CONSULT, in the given order otherwise) and a compatible date (see
// DateMatches). Gold rows with status "background" or optional:true are
// neutral: matching one earns nothing and costs nothing, and missing one is
// not a false negative. Each gold row matches at most one prediction and each
// prediction at most one gold row; the matching is maximum, and among maximum
// matchings it first maximises the scored (non-neutral) rows, so that a
// neutral row never takes a prediction a scored row could use.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"

	"parley/caldate"
	"parley/events"
)

// ReadEvents reads a JSON Lines file of events. Blank lines are skipped; a
// line that is not a JSON event is an error naming the file and line.
func ReadEvents(path string) ([]events.Event, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	evs, err := DecodeEvents(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return evs, nil
}

// DecodeEvents reads JSON Lines events from r (see ReadEvents).
func DecodeEvents(r io.Reader) ([]events.Event, error) {
	sc := bufio.NewScanner(r)
	// Evidence sentences are short, but a pasted page can make a long line.
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	var evs []events.Event
	line := 0
	for sc.Scan() {
		line++
		b := trimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var e events.Event
		if err := json.Unmarshal(b, &e); err != nil {
			return nil, fmt.Errorf("line %d: %v", line, err)
		}
		evs = append(evs, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %v", line+1, err)
	}
	return evs, nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	// A UTF-8 byte order mark at the start of a file is not part of the JSON.
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	}
	return b
}

// PRF holds counts and the derived precision, recall and F1. A ratio whose
// denominator is zero is reported as 0.
type PRF struct {
	TP, FP, FN            int
	Precision, Recall, F1 float64
}

func (p *PRF) finish() {
	p.Precision = ratio(p.TP, p.TP+p.FP)
	p.Recall = ratio(p.TP, p.TP+p.FN)
	p.F1 = f1(p.Precision, p.Recall)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Cluster is the cross-document agreement of predicted event ids with gold
// event ids.
//
// It is computed over every pair of scored gold rows that were matched to a
// prediction and lie in DIFFERENT documents (Pairs counts those pairs). A pair
// is gold-same when both gold rows carry the same non-empty `event` id, and
// pred-same when the two predictions they matched carry the same non-empty
// `event` id. Then
//
//	Precision = |gold-same ∧ pred-same| / |pred-same|
//	Recall    = |gold-same ∧ pred-same| / |gold-same|
//
// and F1 is their harmonic mean. A zero denominator gives 0 (never NaN); read
// the figures together with GoldSame and PredSame.
type Cluster struct {
	Precision, Recall, F1 float64
	Pairs                 int
	GoldSame, PredSame    int // pairs that are the same event in gold, in predictions
	Both                  int // pairs that are the same event in both
}

// Report is the outcome of Score.
type Report struct {
	All     PRF            // all types
	Consult PRF            // CONSULT alone (the exchanges figure)
	ByType  map[string]PRF // per type; FP counted by the prediction's type

	// Date accuracy among scored gold rows matched on type and pair only
	// (see Score): DateCorrect of DateMatched also agree on the date.
	DateAccuracy             float64
	DateCorrect, DateMatched int

	Cluster Cluster

	// Calibration bins predictions by confidence (width 0.1): how many fell
	// in each bin and how many of them matched a gold row (scored or neutral).
	Calibration []CalBin
	// AboveHalf is the share of predictions with confidence above 0.5 that
	// matched a gold row.
	AboveHalf PRF

	// Misses lists scored gold rows left unmatched ("missed", the false
	// negatives) and predictions left unmatched ("spurious", the false
	// positives), ordered by document.
	Misses []Miss
}

// CalBin is one confidence bin: predictions with Lo <= confidence < Hi.
type CalBin struct {
	Lo, Hi    float64
	N, Right  int
	Precision float64
}

// Miss is one unmatched row, for debugging.
type Miss struct {
	Doc   string
	Side  string // "missed" (gold row, FN) or "spurious" (prediction, FP)
	Event events.Event
}

// Neutral reports whether a gold row neither earns nor costs: background
// rows and optional rows.
func Neutral(g events.Event) bool { return g.Optional || g.Status == events.Background }

// SamePair reports whether prediction p names the same sides as gold row g:
// in either order for CONSULT (a meeting is two-sided), in order otherwise.
func SamePair(g, p events.Event) bool {
	if g.Source == p.Source && g.Target == p.Target {
		return true
	}
	return g.Type == "CONSULT" && g.Source == p.Target && g.Target == p.Source
}

// DateMatches reports whether the predicted date (pd, with optional end pe)
// fits the gold date (gd, with optional end ge), at the gold row's precision:
//
//   - an empty gold date matches any prediction;
//   - a gold span [gd, ge] matches a prediction whose whole period falls
//     inside it (a day inside, or a predicted span inside);
//   - otherwise the prediction's period must fall inside the gold date's
//     period: the predicted date cut to the gold precision equals the gold
//     date, and a prediction coarser than the gold row does not match.
//
// A predicted span must lie wholly inside the gold period. Strings that do
// not parse as dates match only an identical string.
func DateMatches(gd, ge, pd, pe string) bool {
	if gd == "" && ge == "" {
		return true
	}
	g, err1 := caldate.Parse(gd)
	gEnd, err2 := caldate.Parse(ge)
	p, err3 := caldate.Parse(pd)
	pEnd, err4 := caldate.Parse(pe)
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
		return gd == pd && ge == pe
	}
	if p.IsZero() {
		return false
	}
	r := caldate.Range{Start: g, End: gEnd}
	if !r.Contains(p) {
		return false
	}
	return pEnd.IsZero() || r.Contains(pEnd)
}

// keyMatch reports whether g and p agree on type and pair.
func keyMatch(g, p events.Event) bool { return g.Type == p.Type && SamePair(g, p) }

// fullMatch reports whether g and p agree on type, pair and date.
func fullMatch(g, p events.Event) bool {
	return keyMatch(g, p) && DateMatches(g.Date, g.EndDate, p.Date, p.EndDate)
}

// affinity ranks equally valid candidates, so that among matchings of the
// same size the closest prediction is preferred (it matters for which
// prediction's cluster id a gold row is judged by, and makes scoring a set
// against itself match every row with its own copy).
func affinity(g, p events.Event) int {
	n := 0
	if g.Evidence == p.Evidence {
		n += 32
	}
	if g.Date == p.Date && g.EndDate == p.EndDate {
		n += 16
	}
	if g.Source == p.Source {
		n += 8
	}
	if g.SourceActor == p.SourceActor && g.TargetActor == p.TargetActor {
		n += 4
	}
	if g.Status == p.Status {
		n += 2
	}
	if g.Mode == p.Mode {
		n++
	}
	return n
}

// matcher is Kuhn's augmenting-path bipartite matching of gold rows (left)
// to predictions (right). A left vertex, once matched, stays matched when
// later vertices augment, so processing scored rows first makes the scored
// part of the matching maximum, and the whole matching is still maximum.
type matcher struct {
	adj     [][]int // per gold row, candidate predictions in preference order
	matchL  []int   // gold -> prediction, -1 if none
	matchR  []int   // prediction -> gold, -1 if none
	visited []int   // per prediction, stamp of the last search that saw it
	stamp   int
}

func newMatcher(nl, nr int) *matcher {
	m := &matcher{adj: make([][]int, nl), matchL: make([]int, nl), matchR: make([]int, nr), visited: make([]int, nr)}
	for i := range m.matchL {
		m.matchL[i] = -1
	}
	for i := range m.matchR {
		m.matchR[i] = -1
	}
	return m
}

func (m *matcher) augment(l int) bool {
	for _, r := range m.adj[l] {
		if m.visited[r] == m.stamp {
			continue
		}
		m.visited[r] = m.stamp
		if m.matchR[r] < 0 || m.augment(m.matchR[r]) {
			m.matchL[l] = r
			m.matchR[r] = l
			return true
		}
	}
	return false
}

func (m *matcher) try(l int) bool {
	m.stamp++
	return m.augment(l)
}

// setEdges fills the candidate lists of the given gold rows with the
// predictions ok accepts, best affinity first.
func (m *matcher) setEdges(gold, pred []events.Event, rows []int, ok func(g, p events.Event) bool) {
	for _, gi := range rows {
		var cand []int
		for pi := range pred {
			if ok(gold[gi], pred[pi]) {
				cand = append(cand, pi)
			}
		}
		g := gold[gi]
		sort.SliceStable(cand, func(a, b int) bool {
			return affinity(g, pred[cand[a]]) > affinity(g, pred[cand[b]])
		})
		m.adj[gi] = cand
	}
}

// docResult is the matching of one document.
type docResult struct {
	gold, pred []events.Event
	match      []int // gold row -> prediction, -1 if none
	predUsed   []bool
	dateOK     int
	dateAll    int
}

func scoreDoc(gold, pred []events.Event) docResult {
	var scored, neutral []int
	for i, g := range gold {
		if Neutral(g) {
			neutral = append(neutral, i)
		} else {
			scored = append(scored, i)
		}
	}
	m := newMatcher(len(gold), len(pred))
	m.setEdges(gold, pred, scored, fullMatch)
	m.setEdges(gold, pred, neutral, fullMatch)
	for _, i := range scored {
		m.try(i)
	}
	for _, i := range neutral {
		m.try(i)
	}
	res := docResult{gold: gold, pred: pred, match: m.matchL, predUsed: make([]bool, len(pred))}
	for r, l := range m.matchR {
		res.predUsed[r] = l >= 0
	}

	// Date accuracy. Phase 1: a maximum matching of scored rows on type, pair
	// and date (these are the date-correct rows). Phase 2: the scored rows
	// still unmatched, against the predictions still free, on type and pair
	// only (these matched with a wrong date). Phase 2 never re-routes a
	// phase-1 pair, so a row whose date can agree is counted as agreeing.
	d1 := newMatcher(len(gold), len(pred))
	d1.setEdges(gold, pred, scored, fullMatch)
	var rest []int
	for _, i := range scored {
		if d1.try(i) {
			res.dateOK++
		} else {
			rest = append(rest, i)
		}
	}
	d2 := newMatcher(len(gold), len(pred))
	d2.setEdges(gold, pred, rest, func(g, p events.Event) bool { return keyMatch(g, p) })
	for _, i := range rest {
		d2.adj[i] = without(d2.adj[i], d1.matchR)
	}
	res.dateAll = res.dateOK
	for _, i := range rest {
		if d2.try(i) {
			res.dateAll++
		}
	}
	return res
}

// without drops candidates already taken in taken (prediction -> gold).
func without(cand []int, taken []int) []int {
	out := cand[:0]
	for _, r := range cand {
		if taken[r] < 0 {
			out = append(out, r)
		}
	}
	return out
}

// Score compares predictions with gold rows. Rows are grouped by document;
// a prediction for a document without gold rows is a false positive (a gold
// set may hold documents that report no event).
//
// Date accuracy is a separate, looser matching of scored gold rows to
// predictions on type and pair only, one-to-one, preferring pairs whose date
// also agrees: DateMatched rows are matched, DateCorrect of them agree on the
// date as Score's main matching requires.
func Score(gold, pred []events.Event) Report {
	goldBy := groupByDoc(gold)
	predBy := groupByDoc(pred)
	docs := make([]string, 0, len(goldBy)+len(predBy))
	for d := range goldBy {
		docs = append(docs, d)
	}
	for d := range predBy {
		if _, ok := goldBy[d]; !ok {
			docs = append(docs, d)
		}
	}
	sort.Strings(docs)

	rep := Report{ByType: map[string]PRF{}}
	type matched struct {
		doc    string
		goldID string
		predID string
	}
	var pairs []matched
	for _, d := range docs {
		res := scoreDoc(goldBy[d], predBy[d])
		rep.DateCorrect += res.dateOK
		rep.DateMatched += res.dateAll
		for i, g := range res.gold {
			if Neutral(g) {
				continue
			}
			t := rep.ByType[g.Type]
			if j := res.match[i]; j >= 0 {
				t.TP++
				pairs = append(pairs, matched{d, g.Event, res.pred[j].Event})
			} else {
				t.FN++
				rep.Misses = append(rep.Misses, Miss{Doc: d, Side: "missed", Event: g})
			}
			rep.ByType[g.Type] = t
		}
		for j, p := range res.pred {
			b := int(p.Confidence * 10)
			if b > 9 {
				b = 9
			}
			if b < 0 {
				b = 0
			}
			for len(rep.Calibration) <= b {
				k := len(rep.Calibration)
				rep.Calibration = append(rep.Calibration, CalBin{Lo: float64(k) / 10, Hi: float64(k+1) / 10})
			}
			rep.Calibration[b].N++
			if p.Confidence > 0.5 {
				if res.predUsed[j] {
					rep.AboveHalf.TP++
				} else {
					rep.AboveHalf.FP++
				}
			}
			if res.predUsed[j] {
				rep.Calibration[b].Right++
				continue
			}
			t := rep.ByType[p.Type]
			t.FP++
			rep.ByType[p.Type] = t
			rep.Misses = append(rep.Misses, Miss{Doc: d, Side: "spurious", Event: p})
		}
	}
	for typ, t := range rep.ByType {
		rep.All.TP += t.TP
		rep.All.FP += t.FP
		rep.All.FN += t.FN
		t.finish()
		rep.ByType[typ] = t
	}
	rep.All.finish()
	rep.AboveHalf.finish()
	for i := range rep.Calibration {
		rep.Calibration[i].Precision = ratio(rep.Calibration[i].Right, rep.Calibration[i].N)
	}
	rep.Consult = rep.ByType["CONSULT"]
	rep.DateAccuracy = ratio(rep.DateCorrect, rep.DateMatched)

	c := &rep.Cluster
	for i := range pairs {
		for j := i + 1; j < len(pairs); j++ {
			a, b := pairs[i], pairs[j]
			if a.doc == b.doc {
				continue
			}
			c.Pairs++
			gs := a.goldID != "" && a.goldID == b.goldID
			ps := a.predID != "" && a.predID == b.predID
			if gs {
				c.GoldSame++
			}
			if ps {
				c.PredSame++
			}
			if gs && ps {
				c.Both++
			}
		}
	}
	c.Precision = ratio(c.Both, c.PredSame)
	c.Recall = ratio(c.Both, c.GoldSame)
	c.F1 = f1(c.Precision, c.Recall)
	return rep
}

func groupByDoc(evs []events.Event) map[string][]events.Event {
	m := map[string][]events.Event{}
	for _, e := range evs {
		m[e.Doc] = append(m[e.Doc], e)
	}
	return m
}
