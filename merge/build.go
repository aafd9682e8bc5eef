package merge

import (
	"cmp"
	"slices"
	"strings"

	"parley/caldate"
	"parley/events"
)

// Event is one real-world event: the reports (mentions) that share a
// cluster id, summed up.
//
// Its JSON form is a gold row (doc, event, type, ..., evidence: those of its
// best report, the one its date comes from) plus the merged fields.
type Event struct {
	Doc         string `json:"doc"` // the best report's document
	ID          string `json:"event"`
	Type        string `json:"type"`
	Mode        string `json:"mode"`   // the most reported mode
	Status      string `json:"status"` // occurred if any report says so, else planned if any, else background
	Source      string `json:"source"`
	Target      string `json:"target"`
	SourceActor string `json:"source_actor"`
	TargetActor string `json:"target_actor"`
	// Date and EndDate are the best-known date of the event: that of its
	// firmest, most precise report that did happen (or, for an event only
	// planned, of its most precise plan).
	Date    string `json:"date"`
	EndDate string `json:"end_date,omitempty"`
	// PlannedDate is the date its plans gave, kept when a planned event was
	// later reported as having happened.
	PlannedDate string   `json:"planned_date,omitempty"`
	Location    string   `json:"location"`
	Sources     int      `json:"sources"`  // distinct documents
	Mentions    int      `json:"mentions"` // reports
	Docs        []string `json:"docs"`     // sorted
	// FirstReport and LastReport are the earliest and latest publication
	// dates of its documents ("" when none is known).
	FirstReport string     `json:"first_report"`
	LastReport  string     `json:"last_report"`
	Sentence    string     `json:"evidence"`   // the best report's sentence
	Evidence    []Evidence `json:"reports"`    // every report's sentence, by document
	Confidence  float64    `json:"confidence"` // 1 - Π(1 - c) over its reports
	Quad        int        `json:"quad"`       // PLOVER quad class (0 when the type is unknown)
	Score       float64    `json:"score"`      // Goldstein-style score of the type
}

// Evidence is one report's sentence.
type Evidence struct {
	Doc    string `json:"doc"`
	Text   string `json:"text"`
	Span   [2]int `json:"span"`
	Status string `json:"status"`
	Date   string `json:"date"`
}

// Pair is the event's pair as "AAA-BBB", sorted, for timelines.
func (e *Event) Pair() string { return PairOf(e.Source, e.Target) }

// PairOf is the sorted pair "AAA-BBB" of two sides.
func PairOf(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return a + "-" + b
}

// Build sums up reports into real-world events, one per distinct Event id
// (reports with no id are skipped), ordered by date then id. published gives
// a document's publication date (YYYY[-MM[-DD]]); it may be nil.
func (m *Merger) Build(evs []events.Event, published func(doc string) string) []Event {
	by := map[string][]*events.Event{}
	for i := range evs {
		if evs[i].Event != "" {
			by[evs[i].Event] = append(by[evs[i].Event], &evs[i])
		}
	}
	out := make([]Event, 0, len(by))
	for id, rs := range by {
		out = append(out, m.build(id, rs, published))
	}
	slices.SortFunc(out, func(a, b Event) int {
		if (a.Date == "") != (b.Date == "") {
			return cmp.Compare(len(b.Date), len(a.Date)) // undated last
		}
		return cmp.Or(strings.Compare(a.Date, b.Date), strings.Compare(a.ID, b.ID))
	})
	return out
}

// Build is Default().Build.
func Build(evs []events.Event, published func(doc string) string) []Event {
	return defaultMerger.Build(evs, published)
}

// dateRank orders reports for the event's date: realised before planned,
// text-dated before document-dated, finer before coarser.
func dateRank(e *events.Event) [3]int {
	r := [3]int{}
	if e.Status == events.Planned {
		r[0] = 1
	}
	if e.DateSource == "document" {
		r[1] = 1
	}
	d, err := caldate.Parse(e.Date)
	if err != nil || d.IsZero() {
		r[2] = 9
	} else {
		r[2] = 3 - int(d.Precision())
	}
	return r
}

func (m *Merger) build(id string, rs []*events.Event, published func(string) string) Event {
	// A fixed order of the reports makes every choice below order-free.
	slices.SortFunc(rs, func(a, b *events.Event) int {
		ra, rb := dateRank(a), dateRank(b)
		return cmp.Or(slices.Compare(ra[:], rb[:]), strings.Compare(a.Doc, b.Doc),
			cmp.Compare(a.Span[0], b.Span[0]), strings.Compare(a.Evidence, b.Evidence), strings.Compare(a.Date, b.Date))
	})
	best := rs[0]
	e := Event{ID: id, Doc: best.Doc, Sentence: best.Evidence, Type: best.Type, Source: best.Source, Target: best.Target, Date: best.Date, EndDate: best.EndDate,
		Mentions: len(rs), Status: events.Background}
	modes, srcA, tgtA, locs, dirs := counter{}, counter{}, counter{}, counter{}, counter{}
	docs := map[string]bool{}
	miss := 1.0
	for _, r := range rs {
		switch {
		case r.Status == events.Occurred:
			e.Status = events.Occurred
		case r.Status == events.Planned && e.Status == events.Background:
			e.Status = events.Planned
		}
		if r.Status == events.Planned && e.PlannedDate == "" && r.Date != "" {
			e.PlannedDate = r.Date
		}
		modes.add(r.Mode)
		dirs.add(r.Source + "\x00" + r.Target)
		srcA.add(r.Source + "\x00" + r.SourceActor)
		tgtA.add(r.Target + "\x00" + r.TargetActor)
		locs.add(r.Location)
		docs[r.Doc] = true
		miss *= 1 - min(max(r.Confidence, 0), 1)
		e.Evidence = append(e.Evidence, Evidence{Doc: r.Doc, Text: r.Evidence, Span: r.Span, Status: r.Status, Date: r.Date})
	}
	if d := dirs.top(); d != "" {
		e.Source, e.Target, _ = strings.Cut(d, "\x00")
	}
	// Actors are counted with their side, so that a CONSULT reported in
	// both directions keeps each actor on the right side.
	e.SourceActor = actorOf(srcA, tgtA, e.Source)
	e.TargetActor = actorOf(srcA, tgtA, e.Target)
	e.Mode, e.Location = modes.top(), locs.top()
	if e.Status != events.Occurred {
		e.PlannedDate = "" // a plan's date is then the event's own Date
	}
	for d := range docs {
		e.Docs = append(e.Docs, d)
	}
	slices.Sort(e.Docs)
	e.Sources = len(e.Docs)
	if published != nil {
		for _, d := range e.Docs {
			p := published(d)
			if p == "" {
				continue
			}
			if e.FirstReport == "" || p < e.FirstReport {
				e.FirstReport = p
			}
			if p > e.LastReport {
				e.LastReport = p
			}
		}
	}
	slices.SortFunc(e.Evidence, func(a, b Evidence) int {
		return cmp.Or(strings.Compare(a.Doc, b.Doc), cmp.Compare(a.Span[0], b.Span[0]), strings.Compare(a.Text, b.Text))
	})
	e.Confidence = 1 - miss
	if ti, ok := m.Types[e.Type]; ok {
		e.Quad, e.Score = ti.Quad, ti.Score
	}
	return e
}

// actorOf is the most reported actor on side code, from either direction.
func actorOf(src, tgt counter, code string) string {
	c := counter{}
	for k, n := range src {
		if s, a, _ := strings.Cut(k, "\x00"); s == code && a != "" {
			c[a] += n
		}
	}
	for k, n := range tgt {
		if s, a, _ := strings.Cut(k, "\x00"); s == code && a != "" {
			c[a] += n
		}
	}
	return c.top()
}

// counter counts non-empty strings; top is the most frequent, ties by text.
type counter map[string]int

func (c counter) add(s string) {
	if s != "" && s != "\x00" {
		c[s]++
	}
}

func (c counter) top() string {
	best, n := "", 0
	for s, k := range c {
		if k > n || (k == n && s < best) {
			best, n = s, k
		}
	}
	return best
}
