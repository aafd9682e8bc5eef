package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/ingest"
)

func TestProcess(t *testing.T) {
	page := "Home | World | Asia\nShare\n\nMinisters meet in Seoul\n\nUpdated: 2024-03-14 09:10\n\n" +
		"Japanese Foreign Minister Yoko Kamikawa held talks with her South Korean counterpart in Seoul on Wednesday, the ministry said.\n\n" +
		"The two ministers agreed to resume regular security dialogue.\n\nCopyright 2024 Example News. All rights reserved.\n"
	res, err := Default().Process(ingest.Document{ID: "p1", Format: ingest.Text, Raw: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Anchor.Date.String(); got != "2024-03-14" {
		t.Errorf("document date %q, want 2024-03-14 from the stamp", got)
	}
	var consult, agree bool
	for _, e := range res.Events {
		if page[e.Span[0]:e.Span[1]] != e.Evidence {
			t.Errorf("span %v does not hold %q", e.Span, e.Evidence)
		}
		if e.Type == "CONSULT" && e.Date == "2024-03-13" && (e.Source == "JPN" && e.Target == "KOR" || e.Source == "KOR" && e.Target == "JPN") {
			consult = true
		}
		if e.Type == "AGREE" && e.Date == "2024-03-13" {
			agree = true
		}
		if strings.Contains(e.Evidence, "Copyright") {
			t.Errorf("event from boilerplate: %+v", e)
		}
	}
	if !consult || !agree {
		t.Errorf("want JPN-KOR CONSULT and AGREE on 2024-03-13, got %+v", res.Events)
	}
}

func TestProcessNoArticle(t *testing.T) {
	_, err := Default().Process(ingest.Document{ID: "x", Format: ingest.Text, Raw: []byte("Home\nShare\nAbout Us | Contact\n")})
	if err == nil {
		t.Fatal("want an error for a page with no article")
	}
}

// BenchmarkPipeline runs the whole pipeline over the bundled example pages
// (text and HTML) and reports documents per second.
func BenchmarkPipeline(b *testing.B) {
	benchDocs(b, "*")
}

// BenchmarkPipelineText is the same on the plain-text pages only.
func BenchmarkPipelineText(b *testing.B) {
	benchDocs(b, "*.txt")
}

func benchDocs(b *testing.B, pattern string) {
	paths, _ := filepath.Glob(filepath.Join("..", "examples", "docs", pattern))
	var docs []ingest.Document
	var size int64
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		f := ingest.Text
		if strings.HasSuffix(p, ".html") {
			f = ingest.HTML
		}
		docs = append(docs, ingest.Document{ID: filepath.Base(p), Format: f, Raw: raw})
		size += int64(len(raw))
	}
	if len(docs) == 0 {
		b.Skip("no example documents")
	}
	p := Default()
	b.SetBytes(size / int64(len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := p.Process(docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
