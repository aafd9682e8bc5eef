package main

import (
	"errors"
	"io/fs"

	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"parley/clean"
	"sort"
	"time"

	"parley/ingest"
	"parley/pipeline"
	"parley/store"
)

func cmdRun(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("run", "run PATH... [--db FILE] [--docs FILE]", stderr)
	dbPath := fs.String("db", "parley.db", "the SQLite database to write")
	docs := fs.String("docs", "", "a docs.jsonl index giving each document's `published` date and url")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "skip documents larger than this many bytes")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return errUsage
	}
	if len(paths) == 0 {
		return usageError(fs, stderr, "no input: name files or directories")
	}
	opt, err := ingestOptions(*docs, *maxBytes)
	if err != nil {
		return err
	}
	st, err := store.Open(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()

	prog := newProgress(stderr)
	p := pipeline.Default()
	var read, stored, unchanged, failed, processFailed, nEvents int
	var storeErr error
	reasons := map[string]int{}
	fail := func(path string, err error) {
		failed++
		reasons[failureReason(err)]++
		prog.clear()
		fmt.Fprintf(stderr, "parley: %s: %s\n", path, describe(err))
	}
	ingest.Walk(paths, opt, func(doc ingest.Document) {
		if storeErr != nil {
			return
		}
		read++
		defer prog.update(read, nEvents)
		sum := sha256.Sum256(doc.Raw)
		hash := hex.EncodeToString(sum[:])
		have, err := st.HasDocument(hash)
		if err != nil {
			storeErr = err
			return
		}
		if have {
			unchanged++
			return
		}
		res, err := p.Process(doc)
		if err != nil {
			processFailed++
			fail(doc.Path, err)
			return
		}
		rec := store.Document{
			ID: doc.ID, Path: doc.Path, URL: doc.URL, Hash: hash, Format: doc.Format.String(),
			Date: res.Anchor.Date.String(), DateSource: res.Anchor.Source, Republished: res.Anchor.Republished,
			Title: res.Article.Title, Text: res.Article.Text,
		}
		if err := st.PutDocument(rec, res.Events); err != nil {
			storeErr = err
			return
		}
		stored++
		nEvents += len(res.Events)
	}, fail)
	prog.clear()
	if storeErr != nil {
		return storeErr
	}
	fmt.Fprintf(stdout, "%d documents: %d stored, %d already stored, %d failed; %d events stored in %s\n",
		read+failed-processFailed, stored, unchanged, failed, nEvents, *dbPath)
	kinds := make([]string, 0, len(reasons))
	for r := range reasons {
		kinds = append(kinds, r)
	}
	sort.Strings(kinds)
	for _, r := range kinds {
		fmt.Fprintf(stdout, "  skipped %d: %s\n", reasons[r], r)
	}
	if failed > 0 {
		return errSomeFailed
	}
	return nil
}

// failureReason is the kind of an ingest or pipeline error, for the summary.
func failureReason(err error) string {
	for _, k := range []struct {
		err  error
		name string
	}{
		{ingest.ErrEmpty, "empty"},
		{ingest.ErrBinary, "binary"},
		{ingest.ErrEncoding, "not UTF-8"},
		{ingest.ErrTooLarge, "too large"},
		{clean.ErrNoText, "no article text"},
		{pipeline.ErrNoArticle, "no article text"},
		{fs.ErrNotExist, "no such file"},
		{fs.ErrPermission, "permission denied"},
	} {
		if errors.Is(err, k.err) {
			return k.name
		}
	}
	return "other"
}

// progress draws a one-line counter on a terminal, and nothing elsewhere.
type progress struct {
	w     io.Writer
	tty   bool
	last  time.Time
	start time.Time
	drawn bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now()}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progress) update(docs, events int) {
	if !p.tty || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	rate := float64(docs) / time.Since(p.start).Seconds()
	fmt.Fprintf(p.w, "\r%d documents, %d events (%.0f docs/s)  ", docs, events, rate)
	p.drawn = true
}

func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}
