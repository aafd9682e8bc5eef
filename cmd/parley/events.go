package main

import (
	"fmt"
	"io"
	"os"

	"parley/caldate"
	"parley/events"
	"parley/export"
	"parley/store"
)

func cmdEvents(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("events", "events [--db FILE] [--pair A-B] [--type T] [--since D] [--until D] [--format table|csv|jsonl]", stderr)
	dbPath := fs.String("db", "parley.db", "the SQLite database to read")
	pair := fs.String("pair", "", "only events between two parties, in either order (e.g. CHN-RUS)")
	typ := fs.String("type", "", "only events of this PLOVER type (e.g. CONSULT)")
	status := fs.String("status", "", "only events with this status (occurred, planned, background)")
	actor := fs.String("actor", "", "only events whose source or target actor contains this name")
	since := fs.String("since", "", "only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	until := fs.String("until", "", "only events on or before this date")
	limit := fs.Int("limit", 0, "at most this many events (0: all)")
	format := fs.String("format", "table", "output format: table, csv or jsonl")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return errUsage
	}
	if len(pos) > 0 {
		return usageError(fs, stderr, fmt.Sprintf("unexpected argument %q", pos[0]))
	}
	f := store.Filter{Pair: *pair, Type: *typ, Status: *status, Actor: *actor, Limit: *limit}
	if f.Since, err = caldate.Parse(*since); err != nil {
		return usageError(fs, stderr, "--since: "+err.Error())
	}
	if f.Until, err = caldate.Parse(*until); err != nil {
		return usageError(fs, stderr, "--until: "+err.Error())
	}
	write := map[string]func(io.Writer, []events.Event) error{
		"table": export.WriteTable,
		"csv":   export.WriteCSV,
		"jsonl": export.WriteJSONL,
	}[*format]
	if write == nil {
		return usageError(fs, stderr, fmt.Sprintf("unknown --format %q (want table, csv or jsonl)", *format))
	}
	if _, err := os.Stat(*dbPath); err != nil {
		return fmt.Errorf("no database at %s (run 'parley run PATH... --db %s' first)", *dbPath, *dbPath)
	}
	st, err := store.Open(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	evs, err := st.Events(f)
	if err != nil {
		return err
	}
	return write(stdout, evs)
}
