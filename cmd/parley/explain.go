package main

import (
	"fmt"
	"io"

	"parley/events"
	"parley/ingest"
)

func init() {
	register("explain", "explain PATH... [--docs FILE]",
		"show, per sentence, which pattern fired and what it made or why it was dropped", cmdExplain)
}

// cmdExplain runs the pipeline with the event coder's decisions recorded and
// prints them document by document: the reference date and where it came
// from, then every trigger considered, sentence by sentence, and the events
// kept after repeated mentions are merged.
func cmdExplain(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("explain", "explain PATH... [--docs FILE]", stderr)
	docs := fs.String("docs", "", "a docs.jsonl index giving each document's `published` date and url")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return errUsage
	}
	if len(paths) == 0 {
		return usageError(fs, stderr, "no input: name files or directories")
	}
	opt, err := ingestOptions(*docs, ingest.DefaultMaxBytes)
	if err != nil {
		return err
	}
	p, err := newPipeline(true)
	if err != nil {
		return err
	}
	var decisions []events.Decision
	coder := *p.Coder
	coder.Explain = func(d events.Decision) { decisions = append(decisions, d) }
	p.Coder = &coder

	failed := 0
	ingest.Walk(paths, opt, func(doc ingest.Document) {
		decisions = decisions[:0]
		res, err := p.Process(doc)
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "parley: %s: %s\n", doc.Path, describe(err))
			return
		}
		a := res.Anchor
		fmt.Fprintf(stdout, "== %s (%s)\n", doc.ID, doc.Path)
		fmt.Fprintf(stdout, "reference date %s from %s", orDash(a.Date.String()), orDash(a.Source))
		if a.Republished {
			fmt.Fprintf(stdout, "; republished page: %s", a.Note)
		}
		fmt.Fprintf(stdout, "\n%d body paragraphs kept\n", len(res.Article.Body))
		last := -1
		for _, d := range decisions {
			if d.Sentence.Start != last {
				fmt.Fprintf(stdout, "\n[%d-%d] %s\n", d.Sentence.Start, d.Sentence.End, d.Sentence.Text)
				last = d.Sentence.Start
			}
			d.WriteText(stdout)
		}
		fmt.Fprintf(stdout, "\nevents kept (%d):\n", len(res.Events))
		for _, e := range res.Events {
			date := e.Date
			if e.EndDate != "" {
				date += ".." + e.EndDate
			}
			fmt.Fprintf(stdout, "  %s %s %s>%s %s %s conf %.2f\n", e.Type, e.Mode, e.Source, e.Target, orDash(date), e.Status, e.Confidence)
		}
		fmt.Fprintln(stdout)
	}, func(path string, err error) {
		failed++
		fmt.Fprintf(stderr, "parley: %s: %s\n", path, describe(err))
	})
	if failed > 0 {
		return errSomeFailed
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
