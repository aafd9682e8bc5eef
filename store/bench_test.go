package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkPutDocument stores a document with four events per iteration.
func BenchmarkPutDocument(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	d, evs := sample("d")
	for i := 0; b.Loop(); i++ {
		d.ID = fmt.Sprint("d", i)
		d.Hash = fmt.Sprint("h", i)
		if err := s.PutDocument(d, evs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTimeline10M times one pair's monthly timeline over a store of
// ten million merged events (PARLEY_BENCH_EVENTS overrides the size). The
// database is built once, with SQL alone, under the system's temporary
// directory and reused by later runs: 150 states, pairs drawn with a skew,
// 16 types, ten years. Run: go test ./store -run NONE -bench Timeline10M
func BenchmarkTimeline10M(b *testing.B) {
	n := 10_000_000
	if v := os.Getenv("PARLEY_BENCH_EVENTS"); v != "" {
		fmt.Sscan(v, &n)
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("parley-bench-%d.db", n))
	if _, err := os.Stat(path); err != nil {
		start := time.Now()
		if err := buildBenchDB(path+".tmp", n); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(path+".tmp", path); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %d merged events in %v", n, time.Since(start))
	}
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	// the busiest pair: the worst case for one timeline
	var pair string
	var rows int
	if err := s.db.QueryRow("SELECT pair, count(*) AS n FROM merged GROUP BY pair ORDER BY n DESC LIMIT 1").Scan(&pair, &rows); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		ps, err := s.Timeline(pair, "month")
		if err != nil || len(ps) == 0 {
			b.Fatal(err, len(ps))
		}
	}
	b.ReportMetric(float64(rows), "pair-events")
}

// buildBenchDB fills a new store with n synthetic merged events.
func buildBenchDB(path string, n int) error {
	os.Remove(path)
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	// a and b: skewed state numbers (busy pairs among the low numbers);
	// the day is spread over ten years.
	// Indexes are built after the rows, which is several times faster.
	idx := map[string]string{
		"merged_mkey":   "merged(mkey)",
		"merged_pair":   "merged(pair, day_first, type, quad, score)",
		"merged_source": "merged(source, target, quad, score)",
		"merged_target": "merged(target, source, quad, score)",
		"merged_date":   "merged(date)",
	}
	for name := range idx {
		if _, err := s.db.Exec("DROP INDEX " + name); err != nil {
			return err
		}
	}
	_, err = s.db.Exec(`
		WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i + 1 < ?),
		r AS (SELECT i, abs(random()) AS x, abs(random()) AS y FROM c),
		p AS (SELECT i, 1 + (x % 1000) * (x % 1000) / 6700 AS a, 1 + (y % 150) AS b, (x / 1000) % 16 AS t, (y / 150) % 3650 AS d FROM r)
		INSERT INTO merged (doc, sentence, id, mkey, pair, type, mode, status, source, target, source_actor, target_actor, date, end_date,
			planned_date, location, sources, mentions, docs, first_report, last_report, evidence, confidence, quad, score, day_first, day_last)
		SELECT '', '', 'E' || i, '', printf('S%03d-S%03d', min(a, b), max(a, b)),
			rtrim(substr('CONSULT AGREE   SUPPORT REQUEST ACCUSE  REJECT  THREATENSANCTIONCOOPERATAID     MOBILIZEPROTEST COERCE  ASSAULT CONCEDE RETREAT ', 1 + 8 * t, 8)),
			'', 'occurred', printf('S%03d', a), printf('S%03d', b), '', '', date('2015-01-01', '+' || d || ' days'), '', '', '',
			1, 1, '[]', '', '', '[]', 0.5, 1 + t % 4, (t % 7) - 3.0, date('2015-01-01', '+' || d || ' days'), date('2015-01-01', '+' || d || ' days')
		FROM p`, n)
	if err != nil {
		return err
	}
	for name, on := range idx {
		if _, err := s.db.Exec("CREATE INDEX " + name + " ON " + on); err != nil {
			return err
		}
	}
	return nil
}
