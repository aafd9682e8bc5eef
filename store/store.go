// Package store keeps documents and their coded events in one SQLite file,
// through the pure-Go driver modernc.org/sqlite.
//
// A document is known by its id and by the SHA-256 of its raw bytes, so
// that a re-run over the same files stores nothing twice, and a changed file
// replaces what was stored for it.
package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"parley/caldate"
	"parley/events"
	"parley/merge"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// schemaVersion is kept in PRAGMA user_version. Bump it, and add a step to
// migrate, whenever the schema below changes.
const schemaVersion = 2

const schema = `
CREATE TABLE IF NOT EXISTS documents (
	id          TEXT PRIMARY KEY,
	path        TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	hash        TEXT NOT NULL UNIQUE,
	format      TEXT NOT NULL DEFAULT '',
	date        TEXT NOT NULL DEFAULT '',
	date_source TEXT NOT NULL DEFAULT '',
	republished INTEGER NOT NULL DEFAULT 0,
	title       TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL DEFAULT '',
	added_at    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
	id           INTEGER PRIMARY KEY,
	doc          TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	event        TEXT NOT NULL DEFAULT '',
	type         TEXT NOT NULL DEFAULT '',
	mode         TEXT NOT NULL DEFAULT '',
	status       TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	target       TEXT NOT NULL DEFAULT '',
	source_actor TEXT NOT NULL DEFAULT '',
	target_actor TEXT NOT NULL DEFAULT '',
	date         TEXT NOT NULL DEFAULT '',
	end_date     TEXT NOT NULL DEFAULT '',
	date_source  TEXT NOT NULL DEFAULT '',
	location     TEXT NOT NULL DEFAULT '',
	evidence     TEXT NOT NULL DEFAULT '',
	optional     INTEGER NOT NULL DEFAULT 0,
	span_start   INTEGER NOT NULL DEFAULT 0,
	span_end     INTEGER NOT NULL DEFAULT 0,
	confidence   REAL NOT NULL DEFAULT 0,
	-- first and last day the event may cover (YYYY-MM-DD), derived from
	-- date and end_date, so that date filters work at any precision.
	day_first    TEXT NOT NULL DEFAULT '',
	day_last     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS events_pair ON events(source, target);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_doc  ON events(doc);
`

// schemaV2 adds merged real-world events (see Merge), the merge key of every
// report, the keys waiting to be merged, and full-text search over evidence.
const schemaV2 = `
ALTER TABLE events ADD COLUMN mkey TEXT NOT NULL DEFAULT '';
UPDATE events SET mkey = CASE WHEN type = 'CONSULT' AND target < source
	THEN type || '|' || target || '|' || source ELSE type || '|' || source || '|' || target END;
CREATE INDEX events_mkey  ON events(mkey);
CREATE INDEX events_event ON events(event);
-- keys whose reports changed since the last Merge
CREATE TABLE dirty (mkey TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT OR IGNORE INTO dirty SELECT DISTINCT mkey FROM events;
CREATE TABLE merged (
	id           TEXT PRIMARY KEY,
	mkey         TEXT NOT NULL,
	doc          TEXT NOT NULL, -- the best report's document and sentence
	sentence     TEXT NOT NULL,
	pair         TEXT NOT NULL, -- sorted "AAA-BBB"
	type         TEXT NOT NULL,
	mode         TEXT NOT NULL,
	status       TEXT NOT NULL,
	source       TEXT NOT NULL,
	target       TEXT NOT NULL,
	source_actor TEXT NOT NULL,
	target_actor TEXT NOT NULL,
	date         TEXT NOT NULL,
	end_date     TEXT NOT NULL,
	planned_date TEXT NOT NULL,
	location     TEXT NOT NULL,
	sources      INTEGER NOT NULL,
	mentions     INTEGER NOT NULL,
	docs         TEXT NOT NULL, -- JSON array of document ids
	first_report TEXT NOT NULL,
	last_report  TEXT NOT NULL,
	evidence     TEXT NOT NULL, -- JSON array of {doc, text, span, status, date}
	confidence   REAL NOT NULL,
	quad         INTEGER NOT NULL,
	score        REAL NOT NULL,
	day_first    TEXT NOT NULL,
	day_last     TEXT NOT NULL
);
CREATE INDEX merged_mkey   ON merged(mkey);
-- covering index for timelines: one pair's events by day, with what a
-- timeline sums, are read from the index alone
CREATE INDEX merged_pair   ON merged(pair, day_first, type, quad, score);
CREATE INDEX merged_source ON merged(source, target, quad, score);
CREATE INDEX merged_target ON merged(target, source, quad, score);
CREATE INDEX merged_date   ON merged(date);
CREATE VIRTUAL TABLE events_fts USING fts5(evidence, content='events', content_rowid='id');
INSERT INTO events_fts(events_fts) VALUES ('rebuild');
CREATE TRIGGER events_fts_ins AFTER INSERT ON events BEGIN
	INSERT INTO events_fts(rowid, evidence) VALUES (new.id, new.evidence);
END;
CREATE TRIGGER events_fts_del AFTER DELETE ON events BEGIN
	INSERT INTO events_fts(events_fts, rowid, evidence) VALUES ('delete', old.id, old.evidence);
END;
CREATE TRIGGER events_fts_upd AFTER UPDATE OF evidence ON events BEGIN
	INSERT INTO events_fts(events_fts, rowid, evidence) VALUES ('delete', old.id, old.evidence);
	INSERT INTO events_fts(rowid, evidence) VALUES (new.id, new.evidence);
END;
`

// Store is an open database. Its methods are safe for concurrent use.
type Store struct {
	db *sql.DB
}

// Open opens the database at path, creating it and its schema if needed,
// and switches it to write-ahead logging. A file that is not a SQLite
// database, or one written by a newer version of this package, is an error.
// The path must not contain '?' (it would be read as driver options).
func Open(path string) (*Store, error) {
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("store: path %q contains '?'", path)
	}
	// synchronous=NORMAL is safe with WAL (no corruption; a power cut may lose
	// the last commits, which a re-run restores) and saves an fsync per document.
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)")
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	// One connection: SQLite has one writer anyway, and it keeps ":memory:"
	// databases (one per connection) whole.
	db.SetMaxOpenConns(1)
	s := &Store{db: db}
	if err := s.init(); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	return s, nil
}

func (s *Store) init() error {
	var version int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return notDB(err)
	}
	if version > schemaVersion {
		return fmt.Errorf("schema version %d is newer than this program's %d", version, schemaVersion)
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
		return notDB(err)
	}
	if version == schemaVersion {
		return nil
	}
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if version < 1 {
		if _, err := tx.Exec(schema); err != nil {
			return notDB(err)
		}
	}
	if version < 2 {
		if _, err := tx.Exec(schemaV2); err != nil {
			return fmt.Errorf("migrate to schema 2: %w", err)
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", schemaVersion)); err != nil {
		return err
	}
	return tx.Commit()
}

// notDB makes SQLite's terse answer for a foreign file say what happened.
func notDB(err error) error {
	if err != nil && strings.Contains(err.Error(), "not a database") {
		return fmt.Errorf("not a SQLite database: %w", err)
	}
	return err
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Document is one stored page.
type Document struct {
	ID          string
	Path        string
	URL         string
	Hash        string // SHA-256 of the raw bytes, lower-case hex
	Format      string
	Date        string // publication date, YYYY[-MM[-DD]]
	DateSource  string
	Republished bool
	Title       string
	Text        string
}

// HasDocument reports whether a document with this hash is already stored.
func (s *Store) HasDocument(hash string) (bool, error) {
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM documents WHERE hash = ?", hash).Scan(&n)
	return n > 0, err
}

// PutDocument stores a document and its events in one transaction.
//
// Re-putting a hash that is already stored (under any id) adds nothing, so a
// re-run is idempotent. Putting an id that is stored with another hash (the
// file changed) replaces that document and all its events. Events are stored
// under d.ID whatever their own Doc field says.
func (s *Store) PutDocument(d Document, evs []events.Event) error {
	if d.ID == "" || d.Hash == "" {
		return errors.New("store: document needs an id and a hash")
	}
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRow("SELECT count(*) FROM documents WHERE hash = ?", d.Hash).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	// The reports a replaced document takes away change their events too.
	if _, err := tx.Exec("INSERT OR IGNORE INTO dirty SELECT DISTINCT mkey FROM events WHERE doc = ?", d.ID); err != nil {
		return err
	}
	if _, err := tx.Exec("DELETE FROM events WHERE doc = ?", d.ID); err != nil {
		return err
	}
	if _, err := tx.Exec("DELETE FROM documents WHERE id = ?", d.ID); err != nil {
		return err
	}
	_, err = tx.Exec(`INSERT INTO documents (id, path, url, hash, format, date, date_source, republished, title, text, added_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ID, d.Path, d.URL, d.Hash, d.Format, d.Date, d.DateSource, d.Republished, d.Title, d.Text,
		time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("store: put %s: %w", d.ID, err)
	}
	if len(evs) > 0 {
		st, err := tx.Prepare(`INSERT INTO events (doc, event, type, mode, status, source, target, source_actor, target_actor,
			date, end_date, date_source, location, evidence, optional, span_start, span_end, confidence, day_first, day_last, mkey)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, e := range evs {
			first, last := dayBounds(e.Date, e.EndDate)
			key := merge.Key(e)
			_, err := st.Exec(d.ID, e.Event, e.Type, e.Mode, e.Status, e.Source, e.Target, e.SourceActor, e.TargetActor,
				e.Date, e.EndDate, e.DateSource, e.Location, e.Evidence, e.Optional, e.Span[0], e.Span[1], e.Confidence, first, last, key)
			if err != nil {
				return fmt.Errorf("store: put %s events: %w", d.ID, err)
			}
			if _, err := tx.Exec("INSERT OR IGNORE INTO dirty (mkey) VALUES (?)", key); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

// dayBounds returns the first and last day covered by a date and optional
// end date, as YYYY-MM-DD; both empty when the date is empty or malformed.
func dayBounds(date, end string) (string, string) {
	d, err := caldate.Parse(date)
	if err != nil || d.IsZero() {
		return "", ""
	}
	last := d.Last()
	if e, err := caldate.Parse(end); err == nil && !e.IsZero() && e.Last().Compare(last) > 0 {
		last = e.Last()
	}
	return d.Time().Format("2006-01-02"), last.String()
}

// Filter selects events. Zero fields select everything.
type Filter struct {
	Pair   string // "CHN-RUS": events between the two, in either direction
	Type   string // exact PLOVER type, e.g. "CONSULT"
	Status string // occurred, planned or background
	Actor  string // a side's code (exact), or part of an actor's name (case-insensitive)
	// Since and Until keep events whose period overlaps [Since, Until], each
	// bound taken at its own precision: an event dated "2017-11" is kept for
	// Since 2017-11-20 (it may have happened after), and Until 2017 means the
	// end of 2017. Events with no date are dropped when either bound is set.
	Since, Until caldate.Date
	Limit        int // at most this many; 0 means no limit
	// MinSources keeps events reported by at least this many documents (for
	// reports: whose merged event is).
	MinSources int
	// Search keeps events whose evidence holds all these words (SQLite FTS5;
	// for merged events: the evidence of any of their reports).
	Search string
}

// where is the filter as SQL conditions on the columns that the events and
// merged tables share.
// query completes the SELECT selectFrom with f's conditions, the ORDER BY
// orderBy and f's limit, for the events table or (merged) the merged one.
func (f Filter) query(merged bool, selectFrom, orderBy string) (string, []any, error) {
	where, args, err := f.where(merged)
	if err != nil {
		return "", nil, err
	}
	q := selectFrom
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY " + orderBy
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	return q, args, nil
}

func (f Filter) where(merged bool) ([]string, []any, error) {
	var where []string
	var args []any
	if f.Pair != "" {
		a, b, ok := strings.Cut(f.Pair, "-")
		if !ok || a == "" || b == "" {
			return nil, nil, fmt.Errorf("store: pair %q is not of the form AAA-BBB", f.Pair)
		}
		where = append(where, "((source = ? AND target = ?) OR (source = ? AND target = ?))")
		args = append(args, a, b, b, a)
	}
	if f.Type != "" {
		where = append(where, "type = ?")
		args = append(args, f.Type)
	}
	if f.Status != "" {
		where = append(where, "status = ?")
		args = append(args, f.Status)
	}
	if f.Actor != "" {
		like := "%" + escapeLike(f.Actor) + "%"
		where = append(where, `(source = ? OR target = ? OR source_actor LIKE ? ESCAPE '\' OR target_actor LIKE ? ESCAPE '\')`)
		args = append(args, f.Actor, f.Actor, like, like)
	}
	if !f.Since.IsZero() {
		where = append(where, "day_last != '' AND day_last >= ?")
		args = append(args, f.Since.Time().Format("2006-01-02"))
	}
	if !f.Until.IsZero() {
		where = append(where, "day_first != '' AND day_first <= ?")
		args = append(args, f.Until.Last().String())
	}
	if f.MinSources > 0 {
		if merged {
			where = append(where, "sources >= ?")
		} else {
			where = append(where, "event IN (SELECT id FROM merged WHERE sources >= ?)")
		}
		args = append(args, f.MinSources)
	}
	if f.Search != "" {
		q := ftsQuery(f.Search)
		if q == "" {
			return nil, nil, fmt.Errorf("store: nothing to search for in %q", f.Search)
		}
		if merged {
			where = append(where, "id IN (SELECT event FROM events WHERE id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?))")
		} else {
			where = append(where, "id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
		}
		args = append(args, q)
	}
	return where, args, nil
}

// ftsQuery turns a user's words into an FTS5 query that requires them all,
// each quoted so that FTS5 operators and punctuation in it are literal.
func ftsQuery(s string) string {
	var parts []string
	for _, w := range strings.Fields(s) {
		w = strings.ReplaceAll(w, `"`, `""`)
		parts = append(parts, `"`+w+`"`)
	}
	return strings.Join(parts, " ")
}

// Events returns the events that pass f, ordered by date (undated last),
// then document.
func (s *Store) Events(f Filter) ([]events.Event, error) {
	q, args, err := f.query(false, `SELECT doc, event, type, mode, status, source, target, source_actor, target_actor,
		date, end_date, date_source, location, evidence, optional, span_start, span_end, confidence FROM events`,
		"date = '', date, doc, id")
	if err != nil {
		return nil, err
	}
	rows, err := s.db.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []events.Event
	for rows.Next() {
		var e events.Event
		if err := rows.Scan(&e.Doc, &e.Event, &e.Type, &e.Mode, &e.Status, &e.Source, &e.Target, &e.SourceActor, &e.TargetActor,
			&e.Date, &e.EndDate, &e.DateSource, &e.Location, &e.Evidence, &e.Optional, &e.Span[0], &e.Span[1], &e.Confidence); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// likeEscaper makes a user's text literal inside a LIKE pattern.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

func escapeLike(s string) string { return likeEscaper.Replace(s) }

// Stats counts stored documents and events.
func (s *Store) Stats() (docs, events int, err error) {
	err = s.db.QueryRow("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events)").Scan(&docs, &events)
	return docs, events, err
}
