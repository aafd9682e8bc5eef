package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"time"

	"parley/clean"
	"parley/ingest"
	"parley/pipeline"
	"parley/store"
	"parley/warc"
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
	if prog.tty {
		prog.total = ingest.TotalSize(paths)
	}
	p, err := newPipeline(true)
	if err != nil {
		return err
	}
	// Near-duplicates within the run (the same wire story on several sites)
	// carry over their original's events instead of being coded again.
	corpus := p.NewCorpus()
	nearDup := 0
	var read, stored, unchanged, failed, processFailed, nEvents int
	var storeErr error
	reasons := map[string]int{}
	passed := map[string]int{} // WARC records that are no page, by reason
	opt.Skip = func(path string, err error) {
		passed[failureReason(err)]++
	}
	opt.Progress = func(n int64) {
		prog.bytes = n
		prog.update(read, nEvents)
	}
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
		res, dupOf, err := corpus.Process(doc)
		if dupOf != "" {
			nearDup++
		}
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
	// New reports join the stored events: only the keys they touch are re-merged.
	if _, err := st.Merge(nil); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d documents: %d stored, %d already stored, %d failed; %d events stored in %s\n",
		read+failed-processFailed, stored, unchanged, failed, nEvents, *dbPath)
	if nearDup > 0 {
		fmt.Fprintf(stdout, "  %d near-duplicates of earlier documents: their original's events carried over, not coded again\n", nearDup)
	}
	kinds := make([]string, 0, len(reasons))
	for r := range reasons {
		kinds = append(kinds, r)
	}
	sort.Strings(kinds)
	for _, r := range kinds {
		fmt.Fprintf(stdout, "  skipped %d: %s\n", reasons[r], r)
	}
	kinds = kinds[:0]
	for r := range passed {
		kinds = append(kinds, r)
	}
	sort.Strings(kinds)
	for _, r := range kinds {
		fmt.Fprintf(stdout, "  WARC records passed over %d: %s\n", passed[r], r)
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
		{ingest.ErrCharset, "unknown charset"},
		{warc.ErrTooLarge, "too large"},
		{warc.ErrTruncated, "truncated WARC record"},
		{warc.ErrCompression, "corrupt gzip data"},
		{warc.ErrFormat, "not a WARC record"},
		{warc.ErrHTTP, "bad HTTP response"},
		{warc.ErrNotResponse, "not a response record"},
		{warc.ErrNotHTML, "not HTML"},
		{warc.ErrStatus, "HTTP status not 200"},
		{clean.ErrNoText, "no article text"},
		{pipeline.ErrNoArticle, "no article text"},
		{pipeline.ErrNotEnglish, "not English"},
		{pipeline.ErrInternal, "internal error"},
		{fs.ErrNotExist, "no such file"},
		{fs.ErrPermission, "permission denied"},
	} {
		if errors.Is(err, k.err) {
			return k.name
		}
	}
	return "other"
}

// progress draws a one-line counter on a terminal, and nothing elsewhere:
// input bytes read (of the total, when known), documents and events.
type progress struct {
	w     io.Writer
	tty   bool
	bytes int64 // input bytes read so far
	total int64 // input bytes in all, 0 if unknown
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
	secs := time.Since(p.start).Seconds()
	rate := float64(docs) / secs
	bar := ""
	if p.total > 0 {
		frac := min(float64(p.bytes)/float64(p.total), 1)
		const width = 20
		full := int(frac * width)
		bar = fmt.Sprintf("[%-*s] %3.0f%% ", width, string(bytesRepeat('#', full)), 100*frac)
	}
	fmt.Fprintf(p.w, "\r%s%s read, %d documents, %d events (%.0f docs/s, %s/s)  \033[K",
		bar, humanBytes(p.bytes), docs, events, rate, humanBytes(int64(float64(p.bytes)/secs)))
	p.drawn = true
}

func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}

func bytesRepeat(c byte, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = c
	}
	return b
}

// humanBytes writes a byte count in KB, MB or GB (powers of 1024).
func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	f, u := float64(n)/unit, "KB"
	for _, next := range []string{"MB", "GB", "TB"} {
		if f < unit {
			break
		}
		f, u = f/unit, next
	}
	return fmt.Sprintf("%.1f %s", f, u)
}
