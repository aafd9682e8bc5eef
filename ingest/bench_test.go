package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// writeLargeWARC writes a .warc.gz of about size bytes (compressed) of
// HTML responses, each with its request record, one gzip member per record
// as crawlers write them. The words are drawn at random so that the file
// compresses about as well as real pages do.
func writeLargeWARC(tb testing.TB, path string, size int64) int {
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	cw := &countWriter{w: bw}
	rng := rand.New(rand.NewSource(1))
	vocab := strings.Fields("the of and to in a is that for on with as by at from talks minister border trade visit summit agreed said state talks foreign president prime envoy treaty sanctions meeting capital delegation")
	zw, _ := gzip.NewWriterLevel(cw, gzip.BestSpeed)
	var page bytes.Buffer
	n := 0
	for cw.n < size {
		page.Reset()
		page.WriteString("<!DOCTYPE html><html><head><title>Story</title></head><body><article>")
		for p := 0; p < 20; p++ {
			page.WriteString("<p>")
			for w := 0; w < 60; w++ {
				page.WriteString(vocab[rng.Intn(len(vocab))])
				page.WriteByte(' ')
			}
			page.WriteString(strconv.Itoa(rng.Int()))
			page.WriteString(".</p>")
		}
		page.WriteString("</article></body></html>")
		uri := fmt.Sprintf("https://news.example/%d", n)
		for _, rec := range []string{
			warcRecord("request", uri, "", "GET / HTTP/1.1\r\n\r\n"),
			warcRecord("response", uri, "text/html; charset=utf-8", page.String()),
		} {
			zw.Reset(cw)
			zw.Write([]byte(rec))
			zw.Close()
		}
		n++
	}
	if err := bw.Flush(); err != nil {
		tb.Fatal(err)
	}
	return n
}

type countWriter struct {
	w interface{ Write([]byte) (int, error) }
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// peakRSS is the process's peak resident set size in bytes (Linux), 0 if unknown.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// BenchmarkWalkLargeWARC reads a generated WARC of PARLEY_WARC_MB megabytes
// (default 64; the acceptance figure is taken at 1024) through Walk and
// reports the throughput and the process's peak RSS, which must stay flat
// whatever the file size.
func BenchmarkWalkLargeWARC(b *testing.B) {
	mb := int64(64)
	if s := os.Getenv("PARLEY_WARC_MB"); s != "" {
		mb, _ = strconv.ParseInt(s, 10, 64)
	}
	path := filepath.Join(b.TempDir(), "large.warc.gz")
	pages := writeLargeWARC(b, path, mb<<20)
	fi, _ := os.Stat(path)
	b.SetBytes(fi.Size())
	b.ResetTimer()
	for b.Loop() {
		docs, fails := 0, 0
		Walk([]string{path}, Options{}, func(d Document) { docs++ }, func(string, error) { fails++ })
		if docs != pages || fails != 0 {
			b.Fatalf("%d documents, %d failures; want %d pages", docs, fails, pages)
		}
	}
	b.ReportMetric(float64(peakRSS())/(1<<20), "peak-RSS-MB")
	b.ReportMetric(float64(pages), "pages")
}

// TestLargeWARCFlatMemory reads a generated 32 MB WARC and checks that the
// peak RSS stays far below the file's uncompressed size.
func TestLargeWARCFlatMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	path := filepath.Join(t.TempDir(), "large.warc.gz")
	pages := writeLargeWARC(t, path, 32<<20)
	docs := 0
	var raw int64
	Walk([]string{path}, Options{}, func(d Document) { docs++; raw += int64(len(d.Raw)) }, nil)
	if docs != pages {
		t.Fatalf("%d documents, want %d", docs, pages)
	}
	if rss := peakRSS(); rss > 0 && rss > raw/2 {
		t.Errorf("peak RSS %d MB for %d MB of pages: memory is not flat", rss>>20, raw>>20)
	}
}
