package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"parley/eval"
)

func cmdEval(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval", "eval GOLD_DIR [--json]", stderr)
	asJSON := fs.Bool("json", false, "print the figures as one JSON object")
	misses := fs.Bool("misses", false, "also list missed and spurious events")
	calib := fs.Bool("calibration", false, "also print the confidence calibration table")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return errUsage
	}
	if len(pos) != 1 {
		return usageError(fs, stderr, "want exactly one GOLD_DIR")
	}
	dir := pos[0]
	gold, err := eval.ReadEvents(filepath.Join(dir, "events.jsonl"))
	if err != nil {
		return err
	}
	index := filepath.Join(dir, "docs.jsonl")
	if _, err := os.Stat(index); err != nil {
		index = ""
	}
	// Scores use the built-in dictionaries only, so that they do not depend on the machine.
	c, err := process([]string{filepath.Join(dir, "docs")}, index, 0, false, stderr)
	if err != nil {
		return err
	}
	rep := eval.Score(gold, c.events)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		rep.WriteText(stdout)
		if *calib {
			fmt.Fprintln(stdout)
			rep.WriteCalibration(stdout)
		}
		if *misses {
			for _, m := range rep.Misses {
				e := m.Event
				fmt.Fprintf(stdout, "%s %-8s %-9s %s %s->%s %s | %.110s\n", m.Doc, m.Side, e.Type, e.Status, e.Source, e.Target, e.Date, e.Evidence)
			}
		}
	}
	if c.failed > 0 {
		return errSomeFailed
	}
	return nil
}
