// Package warc reads WARC files (WARC/1.0 and WARC/1.1, ISO 28500), as
// written by crawlers and published by Common Crawl.
//
// A file may be plain, gzip-compressed record by record (one gzip member per
// record, the usual ".warc.gz"), or compressed as a whole. The Reader
// streams: it holds one record's block at a time (up to a size limit) and
// never the file, so memory stays flat whatever the file size.
//
// Every record keeps the byte offset where it starts in the file (for a
// compressed file, the offset of the gzip member that holds it), so that a
// document can always be traced back to its bytes.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"strconv"
	"strings"
)

// DefaultMaxBlock is the largest record block read into memory when
// Reader.MaxBlock is 0; larger records are skipped (and reported).
const DefaultMaxBlock = 16 << 20

// maxHeaderBytes bounds a record's (or an HTTP message's) header block:
// a header larger than this is no header but garbage.
const maxHeaderBytes = 1 << 20

// Errors a bad or skipped record is reported with; test with errors.Is.
var (
	// ErrFormat: the bytes are not a WARC record (bad version line or
	// header, missing Content-Length). Reading stops.
	ErrFormat = errors.New("not a WARC record")
	// ErrTruncated: the file ends inside a record. Reading stops.
	ErrTruncated = errors.New("truncated record")
	// ErrCompression: a gzip member is corrupt. Reading stops.
	ErrCompression = errors.New("corrupt gzip data")
	// ErrTooLarge: the record's block exceeds the limit; it is skipped and
	// reading goes on.
	ErrTooLarge = errors.New("record too large")
	// ErrHTTP: a response record whose HTTP message cannot be parsed.
	ErrHTTP = errors.New("bad HTTP response")
	// ErrNotHTML: a response that is not an HTML page (image, PDF, feed...).
	ErrNotHTML = errors.New("not HTML")
	// ErrStatus: a response whose HTTP status is not 200 (redirect, error).
	ErrStatus = errors.New("HTTP status not 200")
	// ErrNotResponse: a record of another type (request, metadata, warcinfo).
	ErrNotResponse = errors.New("not a response record")
)

// Error is a record that could not be read or is not a page. Offset is
// where the record starts in the file.
type Error struct {
	Offset int64
	URI    string // the record's target URI, if known
	Err    error  // one of the Err values above, wrapped with detail
}

func (e *Error) Error() string {
	if e.URI != "" {
		return fmt.Sprintf("record at offset %d (%s): %v", e.Offset, e.URI, e.Err)
	}
	return fmt.Sprintf("record at offset %d: %v", e.Offset, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Fatal reports whether reading cannot go on after e (the stream lost its
// framing: truncation, corruption, garbage).
func (e *Error) Fatal() bool {
	return errors.Is(e.Err, ErrFormat) || errors.Is(e.Err, ErrTruncated) || errors.Is(e.Err, ErrCompression)
}

// Header is a record's WARC header fields, names in canonical case
// ("Warc-Target-Uri"); a repeated field keeps its first value.
type Header map[string]string

// Get returns the field named name, in any case.
func (h Header) Get(name string) string { return h[canonical(name)] }

// Record is one WARC record.
type Record struct {
	// Offset is where the record starts in the file: for a file of gzip
	// members, the offset of the member that holds it.
	Offset int64
	// Inner is the record's offset in the uncompressed data of its member;
	// 0 for plain files and for files compressed record by record.
	Inner int64
	// Version is "WARC/1.0" or "WARC/1.1".
	Version string
	// Type is the WARC-Type field: response, request, warcinfo, metadata...
	Type string
	// TargetURI is the WARC-Target-URI field, without the angle brackets
	// some writers of WARC/1.0 put around it.
	TargetURI string
	// Date is the WARC-Date field (capture time, ISO 8601).
	Date   string
	Header Header
	// Block is the record's content block, as stored.
	Block []byte

	// For a response record with an HTTP message (see ParseHTTP):
	Status      int    // HTTP status code
	ContentType string // media type, lower case ("text/html"), "" if none
	Charset     string // charset parameter of Content-Type, lower case, "" if none
	Body        []byte // the HTTP payload (a slice of Block), de-chunked if need be
}

// ID is the document id of the record: a stable short hash of its target
// URI (the first 16 hex digits of its SHA-256), "" without a URI.
func (r *Record) ID() string { return URIID(r.TargetURI) }

// URIID is the stable short id of a URI.
func URIID(uri string) string {
	if uri == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(uri))
	return hex.EncodeToString(sum[:8])
}

// Reader reads records from a WARC stream.
type Reader struct {
	// MaxBlock is the largest record block read; 0 means DefaultMaxBlock.
	MaxBlock int64

	src   *countReader  // the file, counting bytes consumed
	gz    *gzip.Reader  // nil for a plain file
	in    *bufio.Reader // the uncompressed stream of the current member (or file)
	inPos int64         // bytes consumed from in since the member began
	// member is the offset of the current gzip member; -1 when none is open.
	member  int64
	started bool
	done    bool
	err     error // sticky fatal error, returned once
}

// NewReader returns a Reader on r. Whether the stream is gzip is sniffed
// from its first bytes.
func NewReader(r io.Reader) *Reader {
	return &Reader{src: &countReader{r: bufio.NewReaderSize(r, 64<<10)}, member: -1}
}

// countReader counts the bytes read through it. It is an io.ByteReader so
// that the gzip decompressor reads exactly to the end of a member and no
// further, which lets the offset of the next member be known.
type countReader struct {
	r *bufio.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *countReader) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

// posReader counts the uncompressed bytes read from a member.
type posReader struct {
	r   io.Reader
	pos *int64
}

func (p posReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	*p.pos += int64(n)
	return n, err
}

// Next returns the next record. At the end of the stream it returns
// io.EOF. A record that cannot be read is returned as an *Error: when the
// error is Fatal, the next call returns io.EOF; otherwise reading goes on
// with the following record. Next never panics on bad input.
func (r *Reader) Next() (*Record, error) {
	if r.done {
		return nil, io.EOF
	}
	if !r.started {
		r.started = true
		head, err := r.src.r.Peek(2)
		if len(head) == 0 && err != nil {
			r.done = true
			return nil, io.EOF
		}
		if len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
			r.gz = new(gzip.Reader)
		} else {
			r.in = bufio.NewReaderSize(posReader{r.src, &r.inPos}, 64<<10)
			r.member = 0
		}
	}
	rec, err := r.next()
	var we *Error
	if errors.As(err, &we) && we.Fatal() {
		r.done = true
	}
	if err == io.EOF {
		r.done = true
	}
	return rec, err
}

// openMember starts the next gzip member; io.EOF when there is none.
func (r *Reader) openMember() error {
	// Skip padding some writers leave between members.
	for {
		b, err := r.src.r.Peek(1)
		if len(b) == 0 || err != nil {
			return io.EOF
		}
		if b[0] != 0 && b[0] != '\n' && b[0] != '\r' {
			break
		}
		r.src.ReadByte()
	}
	r.member = r.src.n
	if err := r.gz.Reset(r.src); err != nil {
		return &Error{Offset: r.member, Err: fmt.Errorf("%w: %v", ErrCompression, err)}
	}
	r.gz.Multistream(false)
	r.inPos = 0
	if r.in == nil {
		r.in = bufio.NewReaderSize(posReader{r.gz, &r.inPos}, 64<<10)
	} else {
		r.in.Reset(posReader{r.gz, &r.inPos})
	}
	return nil
}

// offsets returns the record's offset and inner offset for a record that
// starts at the current position of the uncompressed stream.
func (r *Reader) offsets() (int64, int64) {
	pos := r.inPos - int64(r.in.Buffered())
	if r.gz == nil {
		return pos, 0
	}
	return r.member, pos
}

func (r *Reader) next() (*Record, error) {
	// Find the version line, passing over blank lines (and, in a gzip file,
	// moving on to the next member when this one is used up).
	var off, inner int64
	var version string
	for {
		if r.gz != nil && r.member < 0 {
			if err := r.openMember(); err != nil {
				return nil, err
			}
		}
		off, inner = r.offsets()
		line, err := readLine(r.in)
		if err == io.EOF && line == "" {
			if r.gz != nil {
				if cerr := r.gzErr(); cerr != nil {
					return nil, &Error{Offset: r.member, Err: cerr}
				}
				r.member = -1
				continue
			}
			return nil, io.EOF
		}
		if err != nil && err != io.EOF {
			return nil, r.streamErr(off, err, "")
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		version = strings.TrimSpace(line)
		break
	}
	rec := &Record{Offset: off, Inner: inner, Version: version}
	if !strings.HasPrefix(version, "WARC/") {
		return nil, &Error{Offset: off, Err: fmt.Errorf("%w: version line %q", ErrFormat, clip(version, 40))}
	}
	h, err := readHeader(r.in)
	if err != nil {
		return nil, r.streamErr(off, err, "")
	}
	rec.Header = h
	rec.Type = h["Warc-Type"]
	rec.TargetURI = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(h["Warc-Target-Uri"]), "<"), ">")
	rec.Date = h["Warc-Date"]
	n, err := strconv.ParseInt(strings.TrimSpace(h["Content-Length"]), 10, 64)
	if err != nil || n < 0 {
		return nil, &Error{Offset: off, URI: rec.TargetURI, Err: fmt.Errorf("%w: bad Content-Length %q", ErrFormat, clip(h["Content-Length"], 20))}
	}
	max := r.MaxBlock
	if max <= 0 {
		max = DefaultMaxBlock
	}
	if n > max {
		// Skip the block without holding it.
		if m, err := io.CopyN(io.Discard, r.in, n); err != nil {
			return nil, r.streamErr(off, fmt.Errorf("%w: %d of %d block bytes", ErrTruncated, m, n), rec.TargetURI)
		}
		r.trailer()
		return nil, &Error{Offset: off, URI: rec.TargetURI, Err: fmt.Errorf("%w: %d bytes (limit %d)", ErrTooLarge, n, max)}
	}
	rec.Block = make([]byte, n)
	if m, err := io.ReadFull(r.in, rec.Block); err != nil {
		if err == io.ErrUnexpectedEOF || err == io.EOF {
			if cerr := r.gzErr(); cerr != nil {
				return nil, &Error{Offset: off, URI: rec.TargetURI, Err: cerr}
			}
			return nil, &Error{Offset: off, URI: rec.TargetURI, Err: fmt.Errorf("%w: %d of %d block bytes", ErrTruncated, m, n)}
		}
		return nil, r.streamErr(off, err, rec.TargetURI)
	}
	r.trailer()
	return rec, nil
}

// trailer consumes the CRLF CRLF that ends a record (tolerating bare LFs
// or its absence: the next version line is looked for anyway).
func (r *Reader) trailer() {
	for i := 0; i < 4; i++ {
		b, err := r.in.Peek(1)
		if err != nil || len(b) == 0 || (b[0] != '\r' && b[0] != '\n') {
			return
		}
		r.in.ReadByte()
	}
}

// gzErr returns the decompressor's error if the current member is corrupt
// or cut short, nil if it ended cleanly.
func (r *Reader) gzErr() error {
	if r.gz == nil {
		return nil
	}
	// Reading on past the end of the member reports how it ended.
	_, err := r.gz.Read(make([]byte, 1))
	switch {
	case err == nil || err == io.EOF:
		return nil
	case err == io.ErrUnexpectedEOF:
		return fmt.Errorf("%w: file ends inside a gzip member", ErrTruncated)
	}
	return fmt.Errorf("%w: %v", ErrCompression, err)
}

// streamErr classifies an error met while reading the uncompressed stream.
func (r *Reader) streamErr(off int64, err error, uri string) error {
	var we *Error
	if errors.As(err, &we) {
		return err
	}
	switch {
	case errors.Is(err, ErrFormat), errors.Is(err, ErrTruncated):
		return &Error{Offset: off, URI: uri, Err: err}
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return &Error{Offset: off, URI: uri, Err: fmt.Errorf("%w: file ends inside the header", ErrTruncated)}
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader):
		return &Error{Offset: off, URI: uri, Err: fmt.Errorf("%w: %v", ErrCompression, err)}
	}
	if r.gz != nil {
		return &Error{Offset: off, URI: uri, Err: fmt.Errorf("%w: %v", ErrCompression, err)}
	}
	return &Error{Offset: off, URI: uri, Err: fmt.Errorf("%w: %v", ErrTruncated, err)}
}

// readLine reads one line without its line ending, bounded in length.
func readLine(br *bufio.Reader) (string, error) {
	var b []byte
	for {
		chunk, err := br.ReadSlice('\n')
		b = append(b, chunk...)
		if len(b) > maxHeaderBytes {
			return "", fmt.Errorf("%w: line longer than %d bytes", ErrFormat, maxHeaderBytes)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		s := strings.TrimRight(string(b), "\r\n")
		if err != nil {
			return s, err
		}
		return s, nil
	}
}

// readHeader reads "Name: value" lines up to a blank line. Continuation
// lines (starting with a space or tab) extend the previous value.
func readHeader(br *bufio.Reader) (Header, error) {
	h := Header{}
	total := 0
	last := ""
	for {
		line, err := readLine(br)
		total += len(line) + 2
		if total > maxHeaderBytes {
			return nil, fmt.Errorf("%w: header longer than %d bytes", ErrFormat, maxHeaderBytes)
		}
		if err != nil {
			if err == io.EOF {
				return nil, fmt.Errorf("%w: file ends inside the header", ErrTruncated)
			}
			return nil, err
		}
		if line == "" {
			return h, nil
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			h[last] += " " + strings.TrimSpace(line)
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(name) == "" {
			return nil, fmt.Errorf("%w: header line %q", ErrFormat, clip(line, 40))
		}
		last = canonical(strings.TrimSpace(name))
		if _, dup := h[last]; !dup {
			h[last] = strings.TrimSpace(value)
		}
	}
}

// canonical puts a field name in canonical case: "warc-target-URI" ->
// "Warc-Target-Uri".
func canonical(s string) string {
	b := []byte(s)
	up := true
	for i, c := range b {
		switch {
		case up && 'a' <= c && c <= 'z':
			b[i] = c - 32
		case !up && 'A' <= c && c <= 'Z':
			b[i] = c + 32
		}
		up = c == '-'
	}
	return string(b)
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

// ParseHTTP parses the HTTP response message in the block of a response
// record, setting Status, ContentType, Charset and Body. It returns an
// *Error wrapping ErrNotResponse for a record of another type or ErrHTTP
// for a block that is not an HTTP response.
func (r *Record) ParseHTTP() error {
	if !strings.EqualFold(r.Type, "response") {
		return &Error{Offset: r.Offset, URI: r.TargetURI, Err: fmt.Errorf("%w: %s", ErrNotResponse, clip(r.Type, 20))}
	}
	if !strings.HasPrefix(strings.ToLower(r.TargetURI), "http") {
		// dns:, ftp: and the like: no HTTP message.
		return &Error{Offset: r.Offset, URI: r.TargetURI, Err: fmt.Errorf("%w: target is not an HTTP URI", ErrNotResponse)}
	}
	b := r.Block
	end, sep := bytes.Index(b, []byte("\r\n\r\n")), 4
	if e2 := bytes.Index(b, []byte("\n\n")); e2 >= 0 && (end < 0 || e2 < end) {
		end, sep = e2, 2
	}
	if end < 0 {
		return &Error{Offset: r.Offset, URI: r.TargetURI, Err: fmt.Errorf("%w: no end of header", ErrHTTP)}
	}
	head := string(b[:end])
	body := b[end+sep:]
	status, rest, _ := strings.Cut(head, "\n")
	status = strings.TrimSpace(status)
	f := strings.Fields(status)
	if len(f) < 2 || !strings.HasPrefix(f[0], "HTTP/") {
		return &Error{Offset: r.Offset, URI: r.TargetURI, Err: fmt.Errorf("%w: status line %q", ErrHTTP, clip(status, 40))}
	}
	code, err := strconv.Atoi(f[1])
	if err != nil || code < 100 || code > 999 {
		return &Error{Offset: r.Offset, URI: r.TargetURI, Err: fmt.Errorf("%w: status line %q", ErrHTTP, clip(status, 40))}
	}
	r.Status = code
	var ctype, encoding string
	chunked := false
	for _, line := range strings.Split(rest, "\n") {
		name, value, ok := strings.Cut(strings.TrimRight(line, "\r"), ":")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "content-type":
			if ctype == "" {
				ctype = value
			}
		case "transfer-encoding":
			chunked = chunked || strings.Contains(strings.ToLower(value), "chunked")
		case "content-encoding":
			encoding = strings.ToLower(value)
		}
	}
	if ctype != "" {
		mt, params, err := mime.ParseMediaType(ctype)
		if err != nil {
			// A malformed parameter list still names its media type.
			mt, _, _ = strings.Cut(ctype, ";")
			mt = strings.ToLower(strings.TrimSpace(mt))
			if i := strings.Index(strings.ToLower(ctype), "charset="); i >= 0 {
				cs := ctype[i+len("charset="):]
				cs, _, _ = strings.Cut(cs, ";")
				params = map[string]string{"charset": strings.Trim(strings.TrimSpace(cs), `"'`)}
			}
		}
		r.ContentType = mt
		r.Charset = strings.ToLower(params["charset"])
	}
	if chunked {
		// Crawlers normally store the payload de-chunked and keep the
		// header; de-chunk only when the body really is chunked.
		if d, ok := dechunk(body); ok {
			body = d
		}
	}
	if encoding != "" && encoding != "identity" && isGzip(body) {
		// Content-Encoding: gzip kept as sent: inflate, bounded.
		if zr, err := gzip.NewReader(bytes.NewReader(body)); err == nil {
			if d, err := io.ReadAll(io.LimitReader(zr, DefaultMaxBlock)); err == nil {
				body = d
			}
		}
	}
	r.Body = body
	return nil
}

func isGzip(b []byte) bool { return len(b) > 2 && b[0] == 0x1f && b[1] == 0x8b }

// dechunk decodes an HTTP chunked body; ok is false if b is not one.
func dechunk(b []byte) ([]byte, bool) {
	var out []byte
	for {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			return nil, false
		}
		sizeLine := strings.TrimSpace(string(b[:i]))
		sizeLine, _, _ = strings.Cut(sizeLine, ";")
		n, err := strconv.ParseInt(sizeLine, 16, 64)
		if err != nil || n < 0 || n > int64(len(b)) {
			return nil, false
		}
		b = b[i+1:]
		if n == 0 {
			return out, true
		}
		if int64(len(b)) < n {
			return nil, false
		}
		out = append(out, b[:n]...)
		b = bytes.TrimPrefix(bytes.TrimPrefix(b[n:], []byte("\r")), []byte("\n"))
	}
}

// HTML checks that a record is an HTML page worth reading: a response
// record with an HTTP message, status 200, and an HTML media type (or none,
// with a body that opens like HTML). It parses the HTTP message if that was
// not done yet. The error is an *Error wrapping ErrNotResponse, ErrHTTP,
// ErrStatus or ErrNotHTML.
func (r *Record) HTML() error {
	if r.Status == 0 {
		if err := r.ParseHTTP(); err != nil {
			return err
		}
	}
	if r.Status != 200 {
		return &Error{Offset: r.Offset, URI: r.TargetURI, Err: fmt.Errorf("%w: %d", ErrStatus, r.Status)}
	}
	switch r.ContentType {
	case "text/html", "application/xhtml+xml":
		return nil
	case "", "text/plain", "application/octet-stream":
		if sniffHTML(r.Body) {
			return nil
		}
	}
	ct := r.ContentType
	if ct == "" {
		ct = "no content type"
	}
	return &Error{Offset: r.Offset, URI: r.TargetURI, Err: fmt.Errorf("%w: %s", ErrNotHTML, clip(ct, 40))}
}

// sniffHTML reports whether b opens like an HTML document.
func sniffHTML(b []byte) bool {
	if len(b) > 512 {
		b = b[:512]
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	b = bytes.TrimLeft(b, " \t\r\n\f")
	for _, p := range []string{"<!doctype html", "<html", "<head", "<!--"} {
		if len(b) >= len(p) && strings.EqualFold(string(b[:len(p)]), p) {
			return true
		}
	}
	return false
}

// Consumed is the number of bytes read from the underlying stream so far
// (compressed bytes for a gzip file), for progress reports.
func (r *Reader) Consumed() int64 { return r.src.n }
