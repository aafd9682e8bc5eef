package store

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"parley/events"
	"parley/merge"
)

// Merge brings the merged events up to date with the stored reports.
//
// Merging is incremental: PutDocument records the merge keys (type and
// pair) its reports touch, and Merge re-clusters only those keys, each from
// all its stored reports, so the result is the same whatever order the
// documents came in and whether they came in one run or many. It rewrites
// the reports' event ids and the merged rows of those keys, and returns how
// many keys it merged. m nil means merge.Default().
func (s *Store) Merge(m *merge.Merger) (int, error) {
	if m == nil {
		m = merge.Default()
	}
	tx, err := s.db.Begin()
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	keys, err := strColumn(tx, "SELECT mkey FROM dirty ORDER BY mkey")
	if err != nil || len(keys) == 0 {
		return 0, err
	}
	load, err := tx.Prepare(`SELECT e.id, e.doc, e.event, e.type, e.mode, e.status, e.source, e.target, e.source_actor, e.target_actor,
		e.date, e.end_date, e.date_source, e.location, e.evidence, e.optional, e.span_start, e.span_end, e.confidence, d.date
		FROM events e JOIN documents d ON d.id = e.doc WHERE e.mkey = ? ORDER BY e.id`)
	if err != nil {
		return 0, err
	}
	defer load.Close()
	setID, err := tx.Prepare("UPDATE events SET event = ? WHERE id = ?")
	if err != nil {
		return 0, err
	}
	defer setID.Close()
	ins, err := tx.Prepare(`INSERT INTO merged (doc, sentence, id, mkey, pair, type, mode, status, source, target, source_actor, target_actor,
		date, end_date, planned_date, location, sources, mentions, docs, first_report, last_report, evidence, confidence,
		quad, score, day_first, day_last) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, err
	}
	defer ins.Close()
	var (
		evs   []events.Event
		rowid []int64
		pub   = map[string]string{}
	)
	for _, key := range keys {
		evs, rowid = evs[:0], rowid[:0]
		clear(pub)
		rows, err := load.Query(key)
		if err != nil {
			return 0, err
		}
		for rows.Next() {
			var e events.Event
			var id int64
			var published string
			if err := rows.Scan(&id, &e.Doc, &e.Event, &e.Type, &e.Mode, &e.Status, &e.Source, &e.Target, &e.SourceActor, &e.TargetActor,
				&e.Date, &e.EndDate, &e.DateSource, &e.Location, &e.Evidence, &e.Optional, &e.Span[0], &e.Span[1], &e.Confidence, &published); err != nil {
				rows.Close()
				return 0, err
			}
			evs = append(evs, e)
			rowid = append(rowid, id)
			pub[e.Doc] = published
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, err
		}
		ids := m.AssignKey(key, evs)
		for i := range evs {
			if evs[i].Event != ids[i] {
				if _, err := setID.Exec(ids[i], rowid[i]); err != nil {
					return 0, err
				}
				evs[i].Event = ids[i]
			}
		}
		if _, err := tx.Exec("DELETE FROM merged WHERE mkey = ?", key); err != nil {
			return 0, err
		}
		for _, me := range m.Build(evs, func(doc string) string { return pub[doc] }) {
			docs, _ := json.Marshal(me.Docs)
			ev, _ := json.Marshal(me.Evidence)
			first, last := dayBounds(me.Date, me.EndDate)
			if _, err := ins.Exec(me.Doc, me.Sentence, me.ID, key, me.Pair(), me.Type, me.Mode, me.Status, me.Source, me.Target, me.SourceActor, me.TargetActor,
				me.Date, me.EndDate, me.PlannedDate, me.Location, me.Sources, me.Mentions, string(docs), me.FirstReport, me.LastReport,
				string(ev), me.Confidence, me.Quad, me.Score, first, last); err != nil {
				return 0, fmt.Errorf("store: merge %s: %w", key, err)
			}
		}
	}
	if _, err := tx.Exec("DELETE FROM dirty"); err != nil {
		return 0, err
	}
	return len(keys), tx.Commit()
}

func strColumn(tx *sql.Tx, q string, args ...any) ([]string, error) {
	rows, err := tx.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Pending reports how many merge keys wait for Merge.
func (s *Store) Pending() (int, error) {
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM dirty").Scan(&n)
	return n, err
}

// Merged returns the merged events that pass f, ordered by date (undated
// last), then id. Call Merge first for an up-to-date answer.
func (s *Store) Merged(f Filter) ([]merge.Event, error) {
	q, args, err := f.query(true, `SELECT doc, sentence, id, type, mode, status, source, target, source_actor, target_actor, date, end_date, planned_date, location,
		sources, mentions, docs, first_report, last_report, evidence, confidence, quad, score FROM merged`,
		"date = '', date, id")
	if err != nil {
		return nil, err
	}
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []merge.Event
	for rows.Next() {
		var e merge.Event
		var docs, ev string
		if err := rows.Scan(&e.Doc, &e.Sentence, &e.ID, &e.Type, &e.Mode, &e.Status, &e.Source, &e.Target, &e.SourceActor, &e.TargetActor,
			&e.Date, &e.EndDate, &e.PlannedDate, &e.Location, &e.Sources, &e.Mentions, &docs, &e.FirstReport, &e.LastReport,
			&ev, &e.Confidence, &e.Quad, &e.Score); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(docs), &e.Docs); err != nil {
			return nil, fmt.Errorf("store: merged %s docs: %w", e.ID, err)
		}
		if err := json.Unmarshal([]byte(ev), &e.Evidence); err != nil {
			return nil, fmt.Errorf("store: merged %s evidence: %w", e.ID, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Period is one row of a timeline: the merged events of a pair in one
// month or year.
type Period struct {
	Period string         `json:"period"` // YYYY or YYYY-MM
	Events int            `json:"events"`
	ByType map[string]int `json:"by_type"`
	Quad   [4]int         `json:"quad"` // events per PLOVER quad class 1..4
	// Score is the mean Goldstein-style score of the period's events
	// (-10 conflict .. +10 cooperation); Net is cooperative minus
	// conflictual events.
	Score float64 `json:"score"`
	Net   int     `json:"net"`
}

// Timeline counts the merged events between the two sides of pair
// ("CHN-RUS", either order) per month (by "month") or year (by "year"),
// in date order. Undated events are left out. It reads one covering index.
func (s *Store) Timeline(pair, by string) ([]Period, error) {
	a, b, ok := strings.Cut(pair, "-")
	if !ok || a == "" || b == "" {
		return nil, fmt.Errorf("store: pair %q is not of the form AAA-BBB", pair)
	}
	width := 7
	switch by {
	case "", "month":
	case "year":
		width = 4
	default:
		return nil, fmt.Errorf("store: timeline by %q (want month or year)", by)
	}
	rows, err := s.db.Query(`SELECT day_first, type, quad, score FROM merged INDEXED BY merged_pair
		WHERE pair = ? AND day_first != '' ORDER BY day_first`, merge.PairOf(a, b))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Period
	var cur *Period
	var sum float64
	var day, typ string
	var quad int
	var score float64
	finish := func() {
		if cur != nil && cur.Events > 0 {
			cur.Score = sum / float64(cur.Events)
		}
	}
	for rows.Next() {
		if err := rows.Scan(&day, &typ, &quad, &score); err != nil {
			return nil, err
		}
		if len(day) < width {
			continue
		}
		p := day[:width]
		if cur == nil || cur.Period != p {
			finish()
			out = append(out, Period{Period: p, ByType: map[string]int{}})
			cur, sum = &out[len(out)-1], 0
		}
		cur.Events++
		cur.ByType[typ]++
		sum += score
		if quad >= 1 && quad <= 4 {
			cur.Quad[quad-1]++
			if quad <= 2 {
				cur.Net++
			} else {
				cur.Net--
			}
		}
	}
	finish()
	return out, rows.Err()
}

// Partner is one counterpart of a state in the merged events.
type Partner struct {
	Code        string  `json:"code"`
	Events      int     `json:"events"`
	Cooperation int     `json:"cooperation"` // quad classes 1 and 2
	Conflict    int     `json:"conflict"`    // quad classes 3 and 4
	Score       float64 `json:"score"`       // mean Goldstein-style score
}

// Partners lists the sides that code has merged events with, most events
// first (ties by code); limit 0 means all.
func (s *Store) Partners(code string, limit int) ([]Partner, error) {
	rows, err := s.db.Query(`SELECT other, count(*), sum(quad IN (1, 2)), sum(quad IN (3, 4)), avg(score) FROM (
			SELECT target AS other, quad, score FROM merged WHERE source = ?1 AND target != ?1
			UNION ALL
			SELECT source AS other, quad, score FROM merged WHERE target = ?1 AND source != ?1)
		GROUP BY other`, code)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Partner
	for rows.Next() {
		var p Partner
		if err := rows.Scan(&p.Code, &p.Events, &p.Cooperation, &p.Conflict, &p.Score); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].Code < out[j].Code
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}
