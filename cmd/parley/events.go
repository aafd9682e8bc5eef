package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"parley/caldate"
	"parley/events"
	"parley/export"
	"parley/merge"
	"parley/store"
)

// eventsSynopsis is the events command's usage line. (main.go registers the
// command; its one-line synopsis there predates --merged and friends.)
const eventsSynopsis = "events [--db FILE] [--merged|--mentions] [--pair A-B] [--type T] [--status S] [--actor NAME] [--min-sources N] [--search WORDS] [--since D] [--until D] [--format table|csv|jsonl]"

// queryFlags are the selection flags that events and export share.
type queryFlags struct {
	db, pair, typ, status, actor, since, until, search *string
	limit, minSources                                  *int
	merged, mentions                                   *bool
}

func addQueryFlags(fs interface {
	String(name, value, usage string) *string
	Int(name string, value int, usage string) *int
	Bool(name string, value bool, usage string) *bool
}) *queryFlags {
	return &queryFlags{
		db:         fs.String("db", "parley.db", "the SQLite database to read"),
		pair:       fs.String("pair", "", "only events between two parties, in either order (e.g. CHN-RUS)"),
		typ:        fs.String("type", "", "only events of this PLOVER type (e.g. CONSULT)"),
		status:     fs.String("status", "", "only events with this status (occurred, planned, background)"),
		actor:      fs.String("actor", "", "only events with this side's code, or whose actor name contains this"),
		since:      fs.String("since", "", "only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)"),
		until:      fs.String("until", "", "only events on or before this date"),
		search:     fs.String("search", "", "only events whose evidence holds all these words (full-text)"),
		limit:      fs.Int("limit", 0, "at most this many events (0: all)"),
		minSources: fs.Int("min-sources", 0, "only events reported by at least this many documents"),
		merged:     fs.Bool("merged", false, "real-world events, each merged from its reports (the default)"),
		mentions:   fs.Bool("mentions", false, "the reports themselves, one per document and event"),
	}
}

// filter builds the store filter; the error is a usage message.
// parse reads args (flags only, no positional arguments) and returns the
// filter they describe; a usage error has been reported when err is set.
func (q *queryFlags) parse(fs *flag.FlagSet, args []string, stderr io.Writer) (store.Filter, error) {
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return store.Filter{}, errUsage
	}
	if len(pos) > 0 {
		return store.Filter{}, usageError(fs, stderr, fmt.Sprintf("unexpected argument %q", pos[0]))
	}
	f, err := q.filter()
	if err != nil {
		return store.Filter{}, usageError(fs, stderr, err.Error())
	}
	return f, nil
}

func (q *queryFlags) filter() (store.Filter, error) {
	f := store.Filter{Pair: *q.pair, Type: *q.typ, Status: *q.status, Actor: *q.actor, Limit: *q.limit,
		MinSources: *q.minSources, Search: *q.search}
	var err error
	if f.Since, err = caldate.Parse(*q.since); err != nil {
		return f, fmt.Errorf("--since: %v", err)
	}
	if f.Until, err = caldate.Parse(*q.until); err != nil {
		return f, fmt.Errorf("--until: %v", err)
	}
	if *q.merged && *q.mentions {
		return f, fmt.Errorf("--merged and --mentions exclude each other")
	}
	return f, nil
}

// openMerged opens an existing store and brings its merged events up to
// date (a database written before merging existed, or by an interrupted
// run, is merged here).
func openMerged(path string) (*store.Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("no database at %s (run 'parley run PATH... --db %s' first)", path, path)
	}
	st, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	if _, err := st.Merge(nil); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

func cmdEvents(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("events", eventsSynopsis, stderr)
	q := addQueryFlags(fs)
	format := fs.String("format", "table", "output format: table, csv or jsonl")
	f, err := q.parse(fs, args, stderr)
	if err != nil {
		return err
	}
	writeMentions := map[string]func(io.Writer, []events.Event) error{
		"table": export.WriteTable,
		"csv":   export.WriteCSV,
		"jsonl": export.WriteJSONL,
	}[*format]
	writeMerged := map[string]func(io.Writer, []merge.Event) error{
		"table": export.WriteMergedTable,
		"csv":   export.WriteMergedCSV,
		"jsonl": export.WriteMergedJSONL,
	}[*format]
	if writeMentions == nil {
		return usageError(fs, stderr, fmt.Sprintf("unknown --format %q (want table, csv or jsonl)", *format))
	}
	st, err := openMerged(*q.db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *q.mentions {
		evs, err := st.Events(f)
		if err != nil {
			return err
		}
		return writeMentions(stdout, evs)
	}
	evs, err := st.Merged(f)
	if err != nil {
		return err
	}
	return writeMerged(stdout, evs)
}
