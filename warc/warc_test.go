package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// record builds one WARC record; block is the content block as stored.
func record(version, typ, uri, block string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\r\nWARC-Type: %s\r\n", version, typ)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "WARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%x>\r\n", len(block)+len(uri))
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s\r\n\r\n", len(block), block)
	return b.String()
}

func httpResponse(status, ctype, body string) string {
	return "HTTP/1.1 " + status + "\r\nContent-Type: " + ctype + "\r\nServer: test\r\n\r\n" + body
}

const page = "<!DOCTYPE html><html><head><title>Talks</title></head><body><p>Two ministers met on Monday to talk about the river.</p></body></html>"

// fixture is a small crawl: what a crawler writes for three pages, plus
// the records around them. want lists the good HTML pages by URI.
type fixture struct {
	records []string
	pages   []string // URIs of the good HTML pages, in order
	skipped map[string]error
}

func newFixture() fixture {
	f := fixture{skipped: map[string]error{}}
	add := func(rec string) { f.records = append(f.records, rec) }
	add(record("WARC/1.0", "warcinfo", "", "software: test-crawler\r\nformat: WARC File Format 1.0\r\n"))
	add(record("WARC/1.0", "request", "http://a.example/news/1", "GET /news/1 HTTP/1.1\r\nHost: a.example\r\n\r\n"))
	add(record("WARC/1.0", "response", "http://a.example/news/1", httpResponse("200 OK", "text/html; charset=UTF-8", page)))
	f.pages = append(f.pages, "http://a.example/news/1")
	add(record("WARC/1.1", "response", "<http://b.example/logo.png>", httpResponse("200 OK", "image/png", "\x89PNG\r\n\x1a\nbinary")))
	f.skipped["http://b.example/logo.png"] = ErrNotHTML
	add(record("WARC/1.1", "response", "http://b.example/story", httpResponse("200 OK", "text/html; charset=x-no-such-charset", "<html><body><p>Caf\xe9 talks end.</p></body></html>")))
	f.pages = append(f.pages, "http://b.example/story") // read; the charset is the consumer's to judge
	add(record("WARC/1.1", "response", "http://b.example/gone", httpResponse("404 Not Found", "text/html", "<html>gone</html>")))
	f.skipped["http://b.example/gone"] = ErrStatus
	add(record("WARC/1.0", "metadata", "http://a.example/news/1", "fetchTimeMs: 120\r\n"))
	f.skipped["metadata"] = ErrNotResponse
	add(record("WARC/1.1", "response", "http://c.example/late", httpResponse("200 OK", "text/html", page)))
	f.pages = append(f.pages, "http://c.example/late")
	return f
}

func gzipMember(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

// readAll reads every record and sorts them into pages and errors.
func readAll(t *testing.T, data []byte) (pages []*Record, skipped, bad []error) {
	t.Helper()
	r := NewReader(bytes.NewReader(data))
	for i := 0; ; i++ {
		if i > 1000 {
			t.Fatal("reader does not stop")
		}
		rec, err := r.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			var we *Error
			if !errors.As(err, &we) {
				t.Fatalf("error %v is not a *warc.Error", err)
			}
			bad = append(bad, err)
			continue
		}
		if err := rec.HTML(); err != nil {
			skipped = append(skipped, err)
			continue
		}
		pages = append(pages, rec)
	}
}

func TestReader(t *testing.T) {
	f := newFixture()
	truncated := record("WARC/1.1", "response", "http://d.example/cut", httpResponse("200 OK", "text/html", page))
	truncated = truncated[:len(truncated)/2]

	var perRecord, plain bytes.Buffer
	offsets := []int64{}
	for _, rec := range f.records {
		offsets = append(offsets, int64(perRecord.Len()))
		perRecord.Write(gzipMember(rec))
		plain.WriteString(rec)
	}
	cut := gzipMember(truncated)
	perRecordCut := append(append([]byte(nil), perRecord.Bytes()...), cut[:len(cut)*2/3]...)
	whole := gzipMember(plain.String() + truncated)

	cases := []struct {
		name    string
		data    []byte
		wantBad int // records reported as unreadable
		members bool
	}{
		{"plain", []byte(plain.String()), 0, false},
		{"plain, truncated last record", []byte(plain.String() + truncated), 1, false},
		{"gzip per record", perRecord.Bytes(), 0, true},
		{"gzip per record, truncated last member", perRecordCut, 1, true},
		{"gzip whole file, truncated last record", whole, 1, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pages, skipped, bad := readAll(t, c.data)
			var uris []string
			for _, p := range pages {
				uris = append(uris, p.TargetURI)
			}
			if strings.Join(uris, " ") != strings.Join(f.pages, " ") {
				t.Errorf("pages %v, want %v", uris, f.pages)
			}
			// warcinfo, request, metadata, image and 404 are skipped.
			if len(skipped) != 5 {
				t.Errorf("%d records skipped, want 5: %v", len(skipped), skipped)
			}
			for _, want := range []error{ErrNotHTML, ErrStatus, ErrNotResponse} {
				found := false
				for _, e := range skipped {
					found = found || errors.Is(e, want)
				}
				if !found {
					t.Errorf("no record skipped for %v", want)
				}
			}
			if len(bad) != c.wantBad {
				t.Errorf("%d bad records, want %d: %v", len(bad), c.wantBad, bad)
			}
			for _, e := range bad {
				if !errors.Is(e, ErrTruncated) {
					t.Errorf("bad record error %v, want ErrTruncated", e)
				}
			}
			for _, p := range pages {
				if !bytes.HasPrefix(p.Body, []byte("<")) || p.Status != 200 || p.ContentType != "text/html" {
					t.Errorf("%s: status %d type %q body %q", p.TargetURI, p.Status, p.ContentType, clip(string(p.Body), 20))
				}
				if p.ID() == "" || p.ID() != URIID(p.TargetURI) || len(p.ID()) != 16 {
					t.Errorf("%s: id %q", p.TargetURI, p.ID())
				}
				if c.members {
					// The offset points at the record's own gzip member.
					found := false
					for i, o := range offsets {
						if o == p.Offset {
							found = true
							zr, err := gzip.NewReader(bytes.NewReader(c.data[o:]))
							if err != nil {
								t.Fatal(err)
							}
							zr.Multistream(false)
							b, _ := io.ReadAll(zr)
							if string(b) != f.records[i] || !strings.Contains(string(b), p.TargetURI) {
								t.Errorf("%s: offset %d holds another record", p.TargetURI, o)
							}
						}
					}
					if !found {
						t.Errorf("%s: offset %d is no member start", p.TargetURI, p.Offset)
					}
				} else if p.Inner == 0 {
					// Plain: the offset points at the version line.
					if !bytes.HasPrefix(c.data[p.Offset:], []byte("WARC/1.")) && !c.members && p.Offset != 0 && c.data[0] != 0x1f {
						t.Errorf("%s: offset %d is no record start", p.TargetURI, p.Offset)
					}
				}
			}
			if c.name == "gzip whole file, truncated last record" {
				plainData := []byte(plain.String())
				for _, p := range pages {
					if p.Offset != 0 || !bytes.HasPrefix(plainData[p.Inner:], []byte("WARC/1.")) {
						t.Errorf("%s: offset %d inner %d", p.TargetURI, p.Offset, p.Inner)
					}
				}
			}
		})
	}
}

func TestCharsetAndHeader(t *testing.T) {
	f := newFixture()
	pages, _, _ := readAll(t, []byte(strings.Join(f.records, "")))
	if len(pages) != 3 {
		t.Fatalf("%d pages", len(pages))
	}
	if pages[0].Charset != "utf-8" || pages[1].Charset != "x-no-such-charset" {
		t.Errorf("charsets %q %q", pages[0].Charset, pages[1].Charset)
	}
	if pages[0].Header.Get("warc-date") != "2024-03-05T10:00:00Z" || pages[0].Version != "WARC/1.0" || pages[2].Version != "WARC/1.1" {
		t.Errorf("header %v version %q", pages[0].Header, pages[0].Version)
	}
}

func TestBadInput(t *testing.T) {
	rec := record("WARC/1.0", "response", "http://a.example/", httpResponse("200 OK", "text/html", page))
	cases := []struct {
		name string
		data string
		want error
	}{
		{"not warc", "hello world\n", ErrFormat},
		{"bad length", strings.Replace(rec, "Content-Length: ", "Content-Length: x", 1), ErrFormat},
		{"header cut", rec[:30], ErrTruncated},
		{"block cut", rec[:len(rec)-60], ErrTruncated},
		{"corrupt gzip", string(gzipMember(rec)[:10]) + "garbage garbage garbage", ErrCompression},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, bad := readAll(t, []byte(c.data))
			if len(bad) != 1 || !errors.Is(bad[0], c.want) {
				t.Errorf("errors %v, want one %v", bad, c.want)
			}
		})
	}
	// Empty input: no records, no error.
	if rec, err := NewReader(strings.NewReader("")).Next(); rec != nil || err != io.EOF {
		t.Errorf("empty input: %v %v", rec, err)
	}
}

func TestTooLarge(t *testing.T) {
	big := record("WARC/1.0", "response", "http://a.example/big", httpResponse("200 OK", "text/html", strings.Repeat("x", 5000)))
	small := record("WARC/1.0", "response", "http://a.example/small", httpResponse("200 OK", "text/html", page))
	r := NewReader(strings.NewReader(big + small))
	r.MaxBlock = 1000
	_, err := r.Next()
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("big record: %v", err)
	}
	rec, err := r.Next()
	if err != nil || rec.TargetURI != "http://a.example/small" {
		t.Fatalf("record after the big one: %v %v", rec, err)
	}
}

func TestDechunk(t *testing.T) {
	rec := record("WARC/1.0", "response", "http://a.example/", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<html\r\n3\r\n>x<\r\n0\r\n\r\n")
	r, err := NewReader(strings.NewReader(rec)).Next()
	if err != nil {
		t.Fatal(err)
	}
	if err := r.HTML(); err != nil || string(r.Body) != "<html>x<" {
		t.Errorf("body %q, err %v", r.Body, err)
	}
}

func FuzzReader(f *testing.F) {
	fx := newFixture()
	plain := strings.Join(fx.records, "")
	f.Add([]byte(plain))
	f.Add(gzipMember(fx.records[2]))
	f.Add(gzipMember(plain))
	f.Add([]byte(fx.records[2][:100]))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data))
		r.MaxBlock = 1 << 20
		for i := 0; i < 10000; i++ {
			rec, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var we *Error
				if !errors.As(err, &we) {
					t.Fatalf("error %v is not a *warc.Error", err)
				}
				continue
			}
			if rec.Offset < 0 || rec.Offset > int64(len(data)) {
				t.Fatalf("offset %d outside the input", rec.Offset)
			}
			rec.HTML()
		}
		t.Fatal("reader does not stop")
	})
}
