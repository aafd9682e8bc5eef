package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/warc"
)

// warcRecord builds one WARC response record for uri with an HTTP message.
func warcRecord(typ, uri, ctype, body string) string {
	block := body
	if typ == "response" {
		block = "HTTP/1.1 200 OK\r\nContent-Type: " + ctype + "\r\n\r\n" + body
	}
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, uri, len(block), block)
}

func gz(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

const pageHTML = "<html><body><p>Ministers met in a small town on Monday.</p></body></html>"

// crawl is a small crawl: two good pages (one in windows-1251 declared only
// by HTTP), a request, an image, a page with a charset nobody knows, and
// a last record cut short.
func crawl() (data []byte, good []string) {
	recs := []string{
		warcRecord("request", "http://a.example/1", "", "GET /1 HTTP/1.1\r\n\r\n"),
		warcRecord("response", "http://a.example/1", "text/html; charset=utf-8", pageHTML),
		warcRecord("response", "http://a.example/logo.gif", "image/gif", "GIF89a"),
		warcRecord("response", "http://b.example/ru", "text/html; charset=windows-1251", "<html><body><p>\xcc\xe8\xf0 talks</p></body></html>"),
		warcRecord("response", "http://b.example/odd", "text/html; charset=x-nonesuch", "<html><body><p>Caf\xe9</p></body></html>"),
	}
	var b bytes.Buffer
	for _, r := range recs {
		b.Write(gz(r))
	}
	last := gz(warcRecord("response", "http://c.example/cut", "text/html", pageHTML))
	b.Write(last[:len(last)/2])
	return b.Bytes(), []string{"http://a.example/1", "http://b.example/ru"}
}

func TestWalkWARC(t *testing.T) {
	data, good := crawl()
	root := tree(t, map[string]string{"crawl/part.warc.gz": string(data), "crawl/note.txt": story})
	skipped := map[string]int{}
	var progress int64
	opt := Options{
		Skip:     func(p string, err error) { skipped[err.Error()]++ },
		Progress: func(n int64) { progress = n },
	}
	out := run(t, root, []string{filepath.Join(root, "crawl")}, opt)
	var urls []string
	for _, d := range out.docs {
		if d.Format == HTML {
			urls = append(urls, d.URL)
			if d.ID != warc.URIID(d.URL) || !strings.Contains(d.Path, "part.warc.gz@") {
				t.Errorf("%s: id %q path %q", d.URL, d.ID, d.Path)
			}
			if !bytes.HasPrefix(data[d.Offset:], []byte{0x1f, 0x8b}) || !strings.HasSuffix(d.Path, fmt.Sprintf("@%d", d.Offset)) {
				t.Errorf("%s: offset %d is not its gzip member", d.URL, d.Offset)
			}
		}
	}
	if strings.Join(urls, " ") != strings.Join(good, " ") || len(out.docs) != 3 {
		t.Errorf("pages %v (of %d documents), want %v and the note", urls, len(out.docs), good)
	}
	for _, d := range out.docs {
		if d.URL == "http://b.example/ru" && !strings.Contains(string(d.Raw), "Мир talks") {
			t.Errorf("windows-1251 page not decoded: %q", d.Raw)
		}
	}
	if len(skipped) != 2 {
		t.Errorf("skipped %v, want the request and the image", skipped)
	}
	var charset, truncated int
	for p, err := range out.fails {
		switch {
		case errors.Is(err, ErrCharset):
			charset++
		case errors.Is(err, warc.ErrTruncated):
			truncated++
		default:
			t.Errorf("%s: unexpected failure %v", p, err)
		}
		if !strings.Contains(p, "part.warc.gz@") {
			t.Errorf("failure not located at a record: %s", p)
		}
	}
	if charset != 1 || truncated != 1 {
		t.Errorf("failures %v, want one bad charset and one truncated record", out.fails)
	}
	if progress != int64(len(data)+len(story)) {
		t.Errorf("progress %d bytes, want %d", progress, len(data)+len(story))
	}
	if total := TotalSize([]string{root}); total != int64(len(data)+len(story)) {
		t.Errorf("TotalSize %d, want %d", total, len(data)+len(story))
	}
}

func TestWalkStdin(t *testing.T) {
	data, good := crawl()
	plain := warcRecord("response", "http://a.example/1", "text/html", pageHTML)
	cases := []struct {
		name   string
		in     []byte
		urls   int // pages with a URL
		format Format
		fails  int
	}{
		{"warc.gz", data, len(good), HTML, 2},
		{"plain warc", []byte(plain), 1, HTML, 0},
		{"text", []byte(story), 0, Text, 0},
		{"html", []byte("<!DOCTYPE html>" + pageHTML), 0, HTML, 0},
		{"empty", nil, 0, Text, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var docs []Document
			fails := 0
			Walk([]string{"-"}, Options{Stdin: bytes.NewReader(c.in)}, func(d Document) { docs = append(docs, d) },
				func(p string, err error) {
					fails++
					if !strings.HasPrefix(p, "-") {
						t.Errorf("failure path %q", p)
					}
				})
			if fails != c.fails {
				t.Errorf("%d failures, want %d", fails, c.fails)
			}
			urls := 0
			for _, d := range docs {
				if d.URL != "" {
					urls++
				}
				if d.Format != c.format {
					t.Errorf("format %v, want %v", d.Format, c.format)
				}
			}
			if urls != c.urls || (c.urls == 0 && c.fails == 0 && (len(docs) != 1 || docs[0].ID != "stdin")) {
				t.Errorf("%d documents (%d with URL), want %d with URL", len(docs), urls, c.urls)
			}
		})
	}
}

func TestUTF8Body(t *testing.T) {
	cases := []struct {
		body, label, want string
		err               error
	}{
		{"plain ascii", "windows-1251", "plain ascii", nil},
		{"caf\xe9", "iso-8859-1", "café", nil},
		{"caf\xe9", "", "caf\xe9", nil}, // left for the cleaner
		{"caf\xe9", "x-nonesuch", "", ErrCharset},
		{`<meta charset="latin1">caf` + "\xe9", "x-nonesuch", `<meta charset="latin1">caf` + "\xe9", nil},
	}
	for _, c := range cases {
		got, err := utf8Body([]byte(c.body), c.label)
		if !errors.Is(err, c.err) || string(got) != c.want {
			t.Errorf("utf8Body(%q, %q) = %q, %v; want %q, %v", c.body, c.label, got, err, c.want, c.err)
		}
	}
}

func TestWalkWARCTooLarge(t *testing.T) {
	rec := warcRecord("response", "http://a.example/big", "text/html", "<html><body>"+strings.Repeat("word ", 400)+"</body></html>")
	root := t.TempDir()
	p := filepath.Join(root, "x.warc")
	if err := os.WriteFile(p, []byte(rec+warcRecord("response", "http://a.example/1", "text/html", pageHTML)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := run(t, root, []string{p}, Options{MaxBytes: 1000})
	if len(out.docs) != 1 || len(out.fails) != 1 {
		t.Fatalf("docs %d fails %v", len(out.docs), out.fails)
	}
	for _, err := range out.fails {
		if !errors.Is(err, warc.ErrTooLarge) {
			t.Errorf("failure %v, want too large", err)
		}
	}
}
