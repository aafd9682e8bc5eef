package clean

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// aebPages reads the HTML pages of the article-extraction benchmark when
// the shared data sits beside the checkout; nil otherwise.
func aebPages(tb testing.TB, max int) [][]byte {
	files, _ := filepath.Glob("../../shared/data/extraction/scrapinghub-aeb/html/*.html.gz")
	var pages [][]byte
	for _, p := range files {
		if len(pages) == max {
			break
		}
		f, err := os.Open(p)
		if err != nil {
			tb.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			tb.Fatal(err)
		}
		b, _ := io.ReadAll(zr)
		f.Close()
		pages = append(pages, b)
	}
	return pages
}

// BenchmarkHTMLPages cleans real news pages (one per iteration, in turn):
// pages/s per core is 1/(ns/op). It falls back on a page of our own.
func BenchmarkHTMLPages(b *testing.B) {
	pages := aebPages(b, 60)
	if len(pages) == 0 {
		pages = [][]byte{[]byte(testPageHTML())}
	}
	var size int64
	for _, p := range pages {
		size += int64(len(p))
	}
	b.SetBytes(size / int64(len(pages)))
	i := 0
	for b.Loop() {
		HTML(pages[i%len(pages)], "https://news.example/story")
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

func testPageHTML() string {
	s := "<!DOCTYPE html><html><head><title>Coastal states agree on a plan</title><meta property=\"article:published_time\" content=\"2021-05-05\"></head><body><nav><a href=/>Home</a> | <a href=/world>World</a></nav><article><h1>Coastal states agree on a plan</h1>"
	for i := 0; i < 12; i++ {
		s += "<p>The foreign ministers of the three coastal states agreed on Wednesday to draw up a joint plan for shipping in the strait, after a meeting that lasted most of the day.</p>"
	}
	return s + "</article><footer>About us | Contact</footer></body></html>"
}
