package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// DefaultMaxBytes is the size limit used when Options.MaxBytes is 0.
const DefaultMaxBytes = 16 << 20

// sniffLen is how much of a file the binary test and the HTML sniff look at.
const sniffLen = 8 << 10

// Errors a rejected file is reported with; test them with errors.Is.
var (
	ErrEmpty    = errors.New("empty file")
	ErrBinary   = errors.New("binary file")
	ErrEncoding = errors.New("invalid UTF-8")
	ErrTooLarge = errors.New("file too large")
)

// Options control Walk.
type Options struct {
	// MaxBytes is the largest file accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Index supplies URL and publication date by document ID.
	Index map[string]Meta
	// Skip, if set, is told of each WARC record that is no page (a request,
	// metadata, an image, a redirect), with the reason; these are not failures.
	Skip func(path string, reason error)
	// Progress, if set, is called as input is read with the number of
	// bytes read so far (compressed bytes for a compressed WARC).
	Progress func(read int64)
	// Stdin is what the path "-" reads; nil means os.Stdin.
	Stdin io.Reader
}

// Walk visits the documents found at paths, in order. A directory is walked
// recursively in lexical order; in it only files ending in .txt, .text,
// .html, .htm, .warc or .warc.gz (any case) are read, and names starting
// with "." are skipped. A file named explicitly is read whatever its
// extension. The path "-" reads the standard input: a WARC stream (plain or
// gzip) or a single page.
//
// A WARC file yields one Document per HTML response record (see
// warcStream); its other records go to Options.Skip, and records that
// cannot be read to fail, named "FILE@OFFSET".
//
// Every file that cannot be a document (missing, unreadable, empty, binary,
// not UTF-8, too large) is passed to fail with a one-line error that does
// not repeat the path; the walk goes on with the other files.
func Walk(paths []string, opt Options, visit func(Document), fail func(path string, err error)) {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if fail == nil {
		fail = func(string, error) {}
	}
	w := walker{opt: opt, visit: visit, fail: fail, done: make(map[string]bool)}
	for _, p := range paths {
		if p == "-" {
			w.stdin()
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			fail(p, osError(err))
			continue
		}
		if fi.IsDir() {
			w.dir(p)
			continue
		}
		w.file(p, true)
	}
}

type walker struct {
	opt   Options
	visit func(Document)
	fail  func(string, error)
	done  map[string]bool // cleaned paths already read, so a file named twice is read once
	read  int64           // input bytes read so far, for Options.Progress
}

func (w *walker) dir(dir string) {
	// os.ReadDir sorts by name; on error it still returns what it could read.
	ents, err := os.ReadDir(dir)
	if err != nil {
		w.fail(dir, osError(err))
	}
	for _, e := range ents {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(dir, name)
		switch {
		case e.IsDir():
			w.dir(p)
		case e.Type()&fs.ModeSymlink != 0:
			// Follow links to files, not to directories: a linked directory
			// may loop back into the tree.
			fi, err := os.Stat(p)
			if err != nil {
				if wanted(name) {
					w.fail(p, osError(err))
				}
				continue
			}
			if fi.Mode().IsRegular() && wanted(name) {
				w.file(p, false)
			}
		case e.Type().IsRegular() && wanted(name):
			w.file(p, false)
		}
	}
}

// wanted reports whether a file met in a directory walk is a document.
// A page compressed on its own ("x.html.gz", as crawlers store them) counts.
func wanted(name string) bool {
	if isWARC(name) {
		return true
	}
	name = strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".GZ")
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".html", ".htm":
		return true
	}
	return isWARC(name)
}

func (w *walker) file(p string, explicit bool) {
	key := filepath.Clean(p)
	if w.done[key] {
		return
	}
	w.done[key] = true
	if isWARC(p) {
		w.warcFile(p)
		return
	}
	doc, err := read(p, w.opt.MaxBytes)
	if fi, serr := os.Stat(p); serr == nil {
		w.read += fi.Size()
	}
	defer w.progress()
	if err != nil {
		w.fail(p, err)
		return
	}
	if m, ok := w.opt.Index[doc.ID]; ok {
		doc.URL = m.URL
		doc.Published = m.Published
	}
	w.visit(doc)
}

// read loads one file and decides its format; the error, if any, is one line.
func read(p string, max int64) (Document, error) {
	f, err := os.Open(p)
	if err != nil {
		return Document{}, osError(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return Document{}, osError(err)
	}
	if fi.IsDir() {
		return Document{}, errors.New("is a directory")
	}
	// The size from Stat rejects most big files without reading them; the
	// limited read catches files that grow or report no size (pipes).
	if fi.Mode().IsRegular() && fi.Size() > max {
		return Document{}, fmt.Errorf("%w: %d bytes (limit %d)", ErrTooLarge, fi.Size(), max)
	}
	if strings.EqualFold(filepath.Ext(p), ".gz") {
		// One page compressed on its own: the limit applies to the page.
		zr, err := gzip.NewReader(f)
		if err != nil {
			return Document{}, fmt.Errorf("not a gzip file: %v", err)
		}
		defer zr.Close()
		doc, err := readDoc(p[:len(p)-len(".gz")], zr, -1, max)
		doc.Path = p
		return doc, err
	}
	return readDoc(p, f, fi.Size(), max)
}

// readDoc reads one document from r (size bytes if known, else -1).
func readDoc(p string, r io.Reader, size, max int64) (Document, error) {
	raw, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.Is(err, io.ErrUnexpectedEOF) {
			return Document{}, fmt.Errorf("corrupt or truncated gzip data: %v", err)
		}
		return Document{}, osError(err)
	}
	if int64(len(raw)) > max {
		return Document{}, fmt.Errorf("%w: more than %d bytes (limit %d)", ErrTooLarge, max, max)
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		if len(raw) == 0 {
			return Document{}, fmt.Errorf("%w", ErrEmpty)
		}
		return Document{}, fmt.Errorf("%w: whitespace only (%d bytes)", ErrEmpty, len(raw))
	}
	if err := binaryCheck(raw); err != nil {
		return Document{}, err
	}
	base := filepath.Base(p)
	ext := filepath.Ext(base)
	doc := Document{ID: strings.TrimSuffix(base, ext), Path: p, Raw: raw}
	switch strings.ToLower(ext) {
	case ".html", ".htm":
		doc.Format = HTML
	default:
		if looksHTML(raw) {
			doc.Format = HTML
		}
	}
	// An HTML page may declare another charset in a meta tag: decoding is
	// left to the cleaner. Plain text has no such declaration, so it must be UTF-8.
	if doc.Format == Text {
		if off := invalidUTF8(raw); off >= 0 {
			return Document{}, fmt.Errorf("%w at byte offset %d", ErrEncoding, off)
		}
	}
	return doc, nil
}

// binaryCheck rejects a file whose first bytes hold a NUL or many control
// bytes (other than tab, newline, carriage return, form feed, escape).
func binaryCheck(raw []byte) error {
	head := raw
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	ctl := 0
	for _, c := range head {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
			ctl++
		}
	}
	// Text has next to none; 10% leaves room for stray bytes in a scraped page.
	if ctl*10 > len(head) {
		return fmt.Errorf("%w: %d control bytes in the first %d", ErrBinary, ctl, len(head))
	}
	return nil
}

// looksHTML reports whether raw opens like an HTML page (after a byte
// order mark and white space).
func looksHTML(raw []byte) bool {
	head := raw
	if len(head) > 512 {
		head = head[:512]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n\f")
	for _, p := range []string{"<!doctype html", "<html"} {
		if len(head) >= len(p) && strings.EqualFold(string(head[:len(p)]), p) {
			return true
		}
	}
	return false
}

// invalidUTF8 returns the offset of the first byte that is not valid UTF-8, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// osError strips the path that os errors carry, since the caller prints it.
func osError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(pe.Err, fs.ErrNotExist):
			return fmt.Errorf("does not exist: %w", pe.Err)
		case errors.Is(pe.Err, fs.ErrPermission):
			return fmt.Errorf("cannot read: %w", pe.Err)
		}
		return fmt.Errorf("cannot %s: %w", pe.Op, pe.Err)
	}
	return err
}
