package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"parley/actors"

	"parley/events"
	"parley/export"
	"parley/ingest"
	"parley/merge"
	"parley/pipeline"
)

// corpus is the outcome of running the pipeline over some paths.
type corpus struct {
	results []pipeline.Result
	events  []events.Event
	failed  int
}

// process reads every document under paths and codes its events, reporting
// each failure as one line on stderr. Cross-document event ids are assigned.
func process(paths []string, docsIndex string, maxBytes int64, userActors bool, stderr io.Writer) (*corpus, error) {
	opt, err := ingestOptions(docsIndex, maxBytes)
	if err != nil {
		return nil, err
	}
	p, err := newPipeline(userActors)
	if err != nil {
		return nil, err
	}
	if os.Getenv("PARLEY_TRACE") != "" {
		coder := *p.Coder
		coder.Explain = func(d events.Decision) {
			fmt.Fprintf(stderr, "%s:", d.Doc)
			d.WriteText(stderr)
		}
		p.Coder = &coder
	}
	c := &corpus{}
	run := p.NewCorpus()
	fail := func(path string, err error) {
		c.failed++
		fmt.Fprintf(stderr, "parley: %s: %s\n", path, describe(err))
	}
	ingest.Walk(paths, opt, func(doc ingest.Document) {
		res, _, err := run.Process(doc)
		if err != nil {
			fail(doc.Path, err)
			return
		}
		c.results = append(c.results, res)
		c.events = append(c.events, res.Events...)
	}, fail)
	merge.Assign(c.events)
	return c, nil
}

func cmdExtract(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("extract", "extract PATH... [--docs FILE]", stderr)
	docs := fs.String("docs", "", "a docs.jsonl index giving each document's `published` date and url")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "skip documents larger than this many bytes")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return errUsage
	}
	if len(paths) == 0 {
		return usageError(fs, stderr, "no input: name files or directories")
	}
	c, err := process(paths, *docs, *maxBytes, true, stderr)
	if err != nil {
		return err
	}
	if err := export.WriteJSONL(stdout, c.events); err != nil {
		return err
	}
	if c.failed > 0 {
		return errSomeFailed
	}
	return nil
}

// describe is the one-line message for a document that could not be read.
func describe(err error) string {
	msg := oneLine(err)
	if errors.Is(err, ingest.ErrTooLarge) {
		msg += " (raise the limit with --max-bytes)"
	}
	return msg
}

// ingestOptions reads the optional docs.jsonl index into ingest options.
func ingestOptions(docsIndex string, maxBytes int64) (ingest.Options, error) {
	opt := ingest.Options{MaxBytes: maxBytes}
	if docsIndex != "" {
		idx, err := ingest.LoadIndex(docsIndex)
		if err != nil {
			return opt, err
		}
		opt.Index = idx
	}
	return opt, nil
}

// newPipeline is the default pipeline; with userActors, the actor
// dictionary is extended by the user's own tables (see 'parley actors
// import'), found in $PARLEY_ACTORS or ~/.parley/actors.
func newPipeline(userActors bool) (*pipeline.Pipeline, error) {
	p := pipeline.Default()
	if userActors {
		d, err := actors.LoadUser(actors.UserDir())
		if err != nil {
			return nil, fmt.Errorf("user actor dictionary in %s: %w", actors.UserDir(), err)
		}
		p.Actors = d
	}
	return p, nil
}
