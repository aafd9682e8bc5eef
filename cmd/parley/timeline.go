package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

func init() {
	register("timeline", "timeline --pair A-B [--by month|year] [--db FILE] [--format table|jsonl]",
		"counts by type and a cooperation-conflict score per period for one pair", cmdTimeline)
	register("partners", "partners CODE [--db FILE] [--limit N] [--format table|jsonl]",
		"the sides a state has most events with", cmdPartners)
}

func cmdTimeline(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("timeline", commands["timeline"].synopsis, stderr)
	db := fs.String("db", "parley.db", "the SQLite database to read")
	pair := fs.String("pair", "", "the pair, in either order (e.g. CHN-RUS)")
	by := fs.String("by", "month", "period: month or year")
	format := fs.String("format", "table", "output format: table or jsonl")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return errUsage
	}
	switch {
	case len(pos) > 0:
		return usageError(fs, stderr, fmt.Sprintf("unexpected argument %q", pos[0]))
	case !strings.Contains(*pair, "-"):
		return usageError(fs, stderr, "--pair AAA-BBB is required")
	case *by != "month" && *by != "year":
		return usageError(fs, stderr, fmt.Sprintf("unknown --by %q (want month or year)", *by))
	case *format != "table" && *format != "jsonl":
		return usageError(fs, stderr, fmt.Sprintf("unknown --format %q (want table or jsonl)", *format))
	}
	st, err := openMerged(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	periods, err := st.Timeline(*pair, *by)
	if err != nil {
		return err
	}
	if *format == "jsonl" {
		enc := json.NewEncoder(stdout)
		for i := range periods {
			if err := enc.Encode(&periods[i]); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PERIOD\tEVENTS\tV-COOP\tM-COOP\tV-CONF\tM-CONF\tNET\tSCORE\tBY TYPE")
	for _, p := range periods {
		types := make([]string, 0, len(p.ByType))
		for t := range p.ByType {
			types = append(types, t)
		}
		sort.Slice(types, func(i, j int) bool {
			if p.ByType[types[i]] != p.ByType[types[j]] {
				return p.ByType[types[i]] > p.ByType[types[j]]
			}
			return types[i] < types[j]
		})
		var parts []string
		for _, t := range types {
			parts = append(parts, fmt.Sprintf("%s %d", t, p.ByType[t]))
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%+d\t%+.2f\t%s\n", p.Period, p.Events, p.Quad[0], p.Quad[1], p.Quad[2], p.Quad[3],
			p.Net, p.Score, strings.Join(parts, ", "))
	}
	return tw.Flush()
}

func cmdPartners(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("partners", commands["partners"].synopsis, stderr)
	db := fs.String("db", "parley.db", "the SQLite database to read")
	limit := fs.Int("limit", 20, "at most this many partners (0: all)")
	format := fs.String("format", "table", "output format: table or jsonl")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return errUsage
	}
	if len(pos) != 1 {
		return usageError(fs, stderr, "want exactly one CODE (e.g. CHN)")
	}
	if *format != "table" && *format != "jsonl" {
		return usageError(fs, stderr, fmt.Sprintf("unknown --format %q (want table or jsonl)", *format))
	}
	st, err := openMerged(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	ps, err := st.Partners(pos[0], *limit)
	if err != nil {
		return err
	}
	if *format == "jsonl" {
		enc := json.NewEncoder(stdout)
		for i := range ps {
			if err := enc.Encode(&ps[i]); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PARTNER\tEVENTS\tCOOPERATION\tCONFLICT\tSCORE")
	for _, p := range ps {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%+.2f\n", p.Code, p.Events, p.Cooperation, p.Conflict, p.Score)
	}
	return tw.Flush()
}
