package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/htmlindex"

	"parley/warc"
)

// ErrCharset reports an HTML record whose charset cannot be known: the
// HTTP header names one that does not exist, the page declares none, and
// its bytes are not UTF-8.
var ErrCharset = errors.New("unknown charset")

// isWARC reports whether a file name is that of a WARC file.
func isWARC(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".warc") || strings.HasSuffix(n, ".warc.gz")
}

// warcFile reads every HTML page of a WARC file.
func (w *walker) warcFile(p string) {
	f, err := os.Open(p)
	if err != nil {
		w.fail(p, osError(err))
		return
	}
	defer f.Close()
	w.warcStream(p, f)
}

// warcStream reads the records of one WARC stream: each HTML response
// becomes a Document whose Path is "NAME@OFFSET" (the offset of the record,
// or of its gzip member, in the file; "NAME@OFFSET+INNER" inside a file
// compressed as a whole). Records that are no page are passed to Skip,
// records that cannot be read to fail.
func (w *walker) warcStream(p string, r io.Reader) {
	wr := warc.NewReader(r)
	wr.MaxBlock = w.opt.MaxBytes
	base := w.read
	for {
		rec, err := wr.Next()
		w.read = base + wr.Consumed()
		if err == io.EOF {
			w.progress()
			return
		}
		var we *warc.Error
		if err != nil {
			loc := p
			if errors.As(err, &we) {
				loc = recordPath(p, we.Offset, 0)
				err = we.Err
				if we.URI != "" {
					err = fmt.Errorf("%w (%s)", err, we.URI)
				}
			}
			w.fail(loc, err)
			w.progress()
			continue
		}
		loc := recordPath(p, rec.Offset, rec.Inner)
		if err := rec.HTML(); err != nil {
			if errors.As(err, &we) {
				err = we.Err
			}
			if errors.Is(err, warc.ErrHTTP) {
				w.fail(loc, err)
			} else if w.opt.Skip != nil {
				w.opt.Skip(loc, err)
			}
			w.progress()
			continue
		}
		raw, err := utf8Body(rec.Body, rec.Charset)
		if err != nil {
			w.fail(loc, fmt.Errorf("%w (%s)", err, rec.TargetURI))
			w.progress()
			continue
		}
		if len(bytes.TrimSpace(raw)) == 0 {
			w.fail(loc, fmt.Errorf("%w: empty page (%s)", ErrEmpty, rec.TargetURI))
			w.progress()
			continue
		}
		doc := Document{ID: rec.ID(), Path: loc, Format: HTML, Raw: raw, URL: rec.TargetURI, Offset: rec.Offset}
		if m, ok := w.opt.Index[doc.ID]; ok {
			doc.Published = m.Published
		}
		w.visit(doc)
		w.progress()
	}
}

func recordPath(p string, off, inner int64) string {
	if inner > 0 {
		return fmt.Sprintf("%s@%d+%d", p, off, inner)
	}
	return fmt.Sprintf("%s@%d", p, off)
}

// utf8Body returns an HTML body as UTF-8 when the HTTP header names its
// charset (the page itself may not), and leaves it for the cleaner to
// decode otherwise.
func utf8Body(body []byte, label string) ([]byte, error) {
	if label == "" || utf8.Valid(body) {
		// Valid UTF-8 is taken as such, whatever is declared: servers often
		// declare a charset they do not use.
		return body, nil
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		// An unknown label is ignored, as browsers do, when the page
		// declares its own charset.
		if declaresCharset(body) {
			return body, nil
		}
		return nil, fmt.Errorf("%w %q and the page declares none", ErrCharset, label)
	}
	if name, _ := htmlindex.Name(enc); name == "utf-8" {
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, fmt.Errorf("%w: cannot decode as %s: %v", ErrCharset, label, err)
	}
	return out, nil
}

// declaresCharset reports whether the head of a page names a charset that
// exists (in a meta tag or a byte order mark).
func declaresCharset(body []byte) bool {
	head := body
	if len(head) > 2048 {
		head = head[:2048]
	}
	_, name, certain := charset.DetermineEncoding(head, "text/html")
	if certain {
		return true
	}
	// Without a declaration DetermineEncoding falls back on windows-1252.
	return name != "windows-1252" || bytes.Contains(bytes.ToLower(head), []byte("charset"))
}

// stdin reads the standard input, deciding from its first bytes whether it
// is a WARC stream (plain or gzip) or one page of text or HTML.
func (w *walker) stdin() {
	in := w.opt.Stdin
	if in == nil {
		in = os.Stdin
	}
	br := bufio.NewReaderSize(in, 64<<10)
	head, _ := br.Peek(8)
	if (len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b) || bytes.HasPrefix(head, []byte("WARC/")) {
		w.warcStream("-", br)
		return
	}
	doc, err := readDoc("-", br, -1, w.opt.MaxBytes)
	if err != nil {
		w.fail("-", err)
		return
	}
	doc.ID = "stdin"
	w.read += int64(len(doc.Raw))
	w.visit(doc)
	w.progress()
}

func (w *walker) progress() {
	if w.opt.Progress != nil {
		w.opt.Progress(w.read)
	}
}

// TotalSize is the number of bytes Walk will read from paths (the sizes of
// the files it will open), for a progress bar; the standard input counts 0.
func TotalSize(paths []string) int64 {
	var total int64
	seen := map[string]bool{}
	var visit func(p string, explicit bool)
	visit = func(p string, explicit bool) {
		fi, err := os.Stat(p)
		if err != nil {
			return
		}
		if fi.IsDir() {
			ents, _ := os.ReadDir(p)
			for _, e := range ents {
				if strings.HasPrefix(e.Name(), ".") {
					continue
				}
				q := filepath.Join(p, e.Name())
				if e.IsDir() {
					visit(q, false)
				} else if wanted(e.Name()) {
					visit(q, false)
				}
			}
			return
		}
		if k := filepath.Clean(p); !seen[k] && fi.Mode().IsRegular() {
			seen[k] = true
			total += fi.Size()
		}
	}
	for _, p := range paths {
		if p != "-" {
			visit(p, true)
		}
	}
	return total
}
