// Package merge gives events from different documents that report the same
// real-world event one shared cluster id (Event.Event).
//
// The v0 rule is deliberately plain. Two reports can be the same event only
// when they have the same type and the same pair of sides (in either order
// for CONSULT, whose sides are symmetric; in order otherwise), and their
// dates are compatible. Status is ignored: a planned report and an occurred
// report of the same meeting join, and so may a background mention.
//
// Dates are where naive merging goes wrong: if "2017" were allowed to join
// anything inside it, a year-precision mention would chain the Nov 6 and
// Nov 9 meetings of the same pair into one cluster. So clusters grow from
// the most precise reports outward:
//
//  1. Reports with the same key and the same period (same date and end date)
//     are one group.
//  2. Groups are visited from the shortest period to the longest (single
//     days first, then spans, months, years), with ties broken by date, so
//     the order of the input never matters. Each group joins the cluster of
//     the one earlier group (an "anchor") that it is compatible with: its
//     period contains the anchor's period, or both are multi-day spans that
//     overlap. If it is compatible with no anchor, or with anchors of more
//     than one cluster, it starts a cluster of its own and becomes an anchor.
//     Hence two different days never share a cluster, and a month joins a
//     day only when no other day of that pair lies in that month.
//  3. Reports with an empty date join only each other (the same key with no
//     date: typically the same background event cited again); a date that
//     does not parse is treated like its own period, joining only reports
//     with the identical date text.
//
// Ids are "E" followed by 12 hex digits of a SHA-256 of the cluster's key and
// its first anchor's period, so they are stable across runs and do not depend
// on input order.
package merge

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
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

// period is the span of days a report covers.
type period struct {
	first, last time.Time
	ok          bool // parsed and non-empty
	span        bool // an explicit multi-day span (end date given)
	text        string
}

func periodOf(e events.Event) period {
	p := period{text: e.Date + ".." + e.EndDate}
	d, err1 := caldate.Parse(e.Date)
	end, err2 := caldate.Parse(e.EndDate)
	if err1 != nil || err2 != nil || d.IsZero() {
		return p
	}
	p.ok = true
	p.first = d.Time()
	p.last = d.Last().Time()
	if !end.IsZero() {
		if l := end.Last().Time(); l.After(p.last) {
			p.last = l
			p.span = true
		}
	}
	return p
}

func (p period) days() int { return int(p.last.Sub(p.first).Hours()/24) + 1 }

func (p period) contains(q period) bool {
	return !q.first.Before(p.first) && !q.last.After(p.last)
}

func (p period) overlaps(q period) bool {
	return !q.first.After(p.last) && !p.first.After(q.last)
}

// group is the set of reports with one key and one period.
type group struct {
	per     period
	members []int
	cluster int // index of the anchor group whose cluster it joined
}

// Assign sets Event on every event so that reports of the same real event,
// in any documents, share an id (see the package comment for the rule).
func Assign(evs []events.Event) {
	byKey := map[string][]int{}
	for i := range evs {
		k := Key(evs[i])
		byKey[k] = append(byKey[k], i)
	}
	for k, idx := range byKey {
		assignKey(evs, k, idx)
	}
}

func assignKey(evs []events.Event, key string, idx []int) {
	// 1. One group per distinct period.
	byPeriod := map[string]*group{}
	var groups []*group
	for _, i := range idx {
		p := periodOf(evs[i])
		g := byPeriod[p.text]
		if g == nil {
			g = &group{per: p}
			byPeriod[p.text] = g
			groups = append(groups, g)
		}
		g.members = append(g.members, i)
	}
	// 2. Shortest periods first; unparsed and empty dates last (they never join
	// others). Ties by start, then by text, so the order is the data's own.
	sort.Slice(groups, func(a, b int) bool {
		ga, gb := groups[a].per, groups[b].per
		if ga.ok != gb.ok {
			return ga.ok
		}
		if ga.ok {
			if da, db := ga.days(), gb.days(); da != db {
				return da < db
			}
			if !ga.first.Equal(gb.first) {
				return ga.first.Before(gb.first)
			}
		}
		return ga.text < gb.text
	})
	var anchors []int // indexes into groups of cluster-starting groups
	for gi, g := range groups {
		g.cluster = gi
		if !g.per.ok {
			continue
		}
		found := -1
		ambiguous := false
		for _, ai := range anchors {
			a := groups[ai].per
			if !(g.per.contains(a) || (g.per.span && a.span && g.per.overlaps(a))) {
				continue
			}
			c := groups[ai].cluster
			if found >= 0 && found != c {
				ambiguous = true
				break
			}
			found = c
		}
		if found >= 0 && !ambiguous {
			g.cluster = found
			continue
		}
		anchors = append(anchors, gi)
	}
	for _, g := range groups {
		id := clusterID(key, groups[g.cluster].per.text)
		for _, i := range g.members {
			evs[i].Event = id
		}
	}
}

func clusterID(key, period string) string {
	h := sha256.Sum256([]byte(key + "#" + period))
	return "E" + hex.EncodeToString(h[:6])
}
