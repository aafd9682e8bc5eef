package main

import (
	"fmt"
	"io"
	"os"

	"parley/export"
)

func init() {
	register("export", "export --format csv|jsonl|parquet|plover [--mentions] [--out FILE] [--db FILE] [query flags of events]",
		"write merged events (or their reports) for other tools", cmdExport)
}

func cmdExport(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", commands["export"].synopsis, stderr)
	q := addQueryFlags(fs)
	format := fs.String("format", "jsonl", "csv, jsonl, parquet or plover (PLOVER JSON, departures mapped back)")
	out := fs.String("out", "", "write to this file instead of stdout (parquet needs one unless stdout is redirected)")
	f, err := q.parse(fs, args, stderr)
	if err != nil {
		return err
	}
	switch *format {
	case "csv", "jsonl", "parquet", "plover":
	default:
		return usageError(fs, stderr, fmt.Sprintf("unknown --format %q (want csv, jsonl, parquet or plover)", *format))
	}
	st, err := openMerged(*q.db)
	if err != nil {
		return err
	}
	defer st.Close()
	w := stdout
	if *out != "" {
		file, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer file.Close()
		w = file
	}
	if *q.mentions {
		evs, err := st.Events(f)
		if err != nil {
			return err
		}
		switch *format {
		case "csv":
			err = export.WriteCSV(w, evs)
		case "jsonl":
			err = export.WriteJSONL(w, evs)
		case "parquet":
			err = export.WriteMentionsParquet(w, evs)
		case "plover":
			err = export.WritePLOVERMentions(w, evs)
		}
		return closeOut(w, err)
	}
	evs, err := st.Merged(f)
	if err != nil {
		return err
	}
	switch *format {
	case "csv":
		err = export.WriteMergedCSV(w, evs)
	case "jsonl":
		err = export.WriteMergedJSONL(w, evs)
	case "parquet":
		err = export.WriteMergedParquet(w, evs)
	case "plover":
		err = export.WritePLOVER(w, evs)
	}
	return closeOut(w, err)
}

// closeOut closes an output file so that a failed close (a full disk) is
// an error, not a truncated file.
func closeOut(w io.Writer, err error) error {
	if f, ok := w.(*os.File); ok && f != os.Stdout && err == nil {
		return f.Close()
	}
	return err
}
