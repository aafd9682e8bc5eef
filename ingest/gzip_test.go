package ingest

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGzipPages: a page compressed on its own is read like the page, and a
// broken one is reported, not skipped.
func TestGzipPages(t *testing.T) {
	dir := t.TempDir()
	var good bytes.Buffer
	zw := gzip.NewWriter(&good)
	zw.Write([]byte("<html><body><article><p>The ministers met in Seoul on Monday.</p></article></body></html>"))
	zw.Close()
	files := map[string][]byte{
		"page.html.gz": good.Bytes(),
		"note.txt.gz":  gzPage(t, "The envoy arrived in Tokyo on Friday.\n"),
		"broken.txt.gz": func() []byte {
			b := gzPage(t, strings.Repeat("A long line of text about the talks.\n", 50))
			return b[:len(b)/2] // cut in the middle
		}(),
		"other.tar.gz": gzPage(t, "not a page"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var docs []Document
	var failed []string
	Walk([]string{dir}, Options{}, func(d Document) { docs = append(docs, d) }, func(p string, err error) {
		failed = append(failed, filepath.Base(p)+": "+err.Error())
	})
	if len(docs) != 2 {
		t.Fatalf("read %d documents, want 2 (page.html.gz, note.txt.gz); failures %v", len(docs), failed)
	}
	for _, d := range docs {
		switch d.ID {
		case "page":
			if d.Format != HTML || !strings.HasSuffix(d.Path, "page.html.gz") {
				t.Errorf("page: format %v path %q", d.Format, d.Path)
			}
		case "note":
			if d.Format != Text || !strings.Contains(string(d.Raw), "Tokyo") {
				t.Errorf("note: format %v raw %q", d.Format, d.Raw)
			}
		default:
			t.Errorf("unexpected document %q", d.ID)
		}
	}
	if len(failed) != 1 || !strings.HasPrefix(failed[0], "broken.txt.gz: ") {
		t.Errorf("failures = %q, want the broken file only", failed)
	}
}

func gzPage(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	return b.Bytes()
}
