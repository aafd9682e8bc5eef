package pipeline

import (
	"errors"
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

func TestProcessNotEnglish(t *testing.T) {
	cases := []struct {
		name   string
		doc    ingest.Document
		lang   string // "" means the page must be processed
		events bool   // the page holds an event
	}{
		{
			name: "portuguese text",
			doc: ingest.Document{ID: "pt", Format: ingest.Text, Raw: []byte("Os ministros dos dois países se reuniram na terça-feira em Lisboa para discutir a fronteira, e disseram que as conversas vão continuar em maio.\n\n" +
				"Segundo o governo, o acordo deve ser assinado antes do fim do ano, mas ainda há pontos que não foram resolvidos pelas duas partes.\n")},
			lang: "pt",
		},
		{
			name: "german html",
			doc: ingest.Document{ID: "de", Format: ingest.HTML, Raw: []byte(`<html lang="de"><head><title>Gespräche</title></head><body><article>` +
				`<p>Die Außenminister der beiden Länder haben sich am Dienstag in Berlin getroffen und über die Lage an der Grenze gesprochen.</p>` +
				`<p>Nach dem Treffen sagten beide, dass die Gespräche im Mai fortgesetzt werden sollen, weil noch viele Fragen offen sind.</p>` +
				`</article></body></html>`)},
			lang: "de",
		},
		{
			name: "english text",
			doc: ingest.Document{ID: "en", Format: ingest.Text, Raw: []byte("Japanese Foreign Minister Yoko Kamikawa held talks with her South Korean counterpart in Seoul on Wednesday, the ministry said.\n\n" +
				"The two ministers agreed to resume regular security dialogue, and they said that the talks would go on in the spring.\n")},
			events: true,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Default().Process(c.doc)
			if c.lang == "" {
				if err != nil {
					t.Fatalf("error %v (language %q)", err, res.Article.Language)
				}
				if c.events && len(res.Events) == 0 {
					t.Error("no events")
				}
				return
			}
			if !errors.Is(err, ErrNotEnglish) {
				t.Fatalf("error %v, want ErrNotEnglish (language %q)", err, res.Article.Language)
			}
			var le *LanguageError
			if !errors.As(err, &le) || le.Lang != c.lang || !strings.Contains(err.Error(), c.lang) {
				t.Errorf("error %v, want one naming %q", err, c.lang)
			}
			if errors.Is(err, ErrNoArticle) || len(res.Events) != 0 {
				t.Errorf("a skipped page must have no events and not be 'no article': %v %v", err, res.Events)
			}
		})
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

// TestCorpusNearDuplicate: the same story on a second site is not coded
// again; it carries the first one's events, with spans in its own text.
func TestCorpusNearDuplicate(t *testing.T) {
	story := "Japanese Foreign Minister Yoko Kamikawa held talks with her South Korean counterpart in Seoul on Wednesday, the ministry said. " +
		"The two ministers agreed to resume regular security dialogue, which had been suspended for several years. " +
		"Officials from both governments said the talks covered trade, security and the situation on the Korean Peninsula.\n"
	first := "Updated: 2024-03-14 09:10\n\n" + story + "\nCopyright 2024 First Site.\n"
	second := "World News | Asia\n\nPublished 2024-03-14\n\n" + story + "\nShare this article\n"
	third := "Updated: 2024-03-14\n\nChina and Russia held joint naval drills in the East China Sea on Wednesday, the defence ministry in Beijing said in a statement on its website.\n"
	c := Default().NewCorpus()
	r1, dup1, err := c.Process(ingest.Document{ID: "a", Raw: []byte(first)})
	if err != nil || dup1 != "" || len(r1.Events) == 0 {
		t.Fatalf("first: dup %q, err %v, %d events", dup1, err, len(r1.Events))
	}
	r2, dup2, err := c.Process(ingest.Document{ID: "b", Raw: []byte(second)})
	if err != nil || dup2 != "a" {
		t.Fatalf("second: dup %q, err %v", dup2, err)
	}
	if len(r2.Events) != len(r1.Events) {
		t.Errorf("second carries %d events, want %d", len(r2.Events), len(r1.Events))
	}
	for _, e := range r2.Events {
		if e.Doc != "b" || second[e.Span[0]:e.Span[1]] != e.Evidence {
			t.Errorf("carried event not re-located in its own text: %+v", e)
		}
	}
	if _, dup3, _ := c.Process(ingest.Document{ID: "c", Raw: []byte(third)}); dup3 != "" {
		t.Errorf("a different story was taken for a duplicate of %q", dup3)
	}
}

// TestProcessPanicIsAnError: a stage that fails unexpectedly costs one
// document, reported as ErrInternal, not the run.
func TestProcessPanicIsAnError(t *testing.T) {
	p := Default()
	p.Coder = nil // the coding stage will fail
	doc := ingest.Document{ID: "x", Raw: []byte("Updated: 2024-03-14\n\nJapanese Foreign Minister Yoko Kamikawa held talks with her South Korean counterpart in Seoul on Wednesday, the ministry said.\n")}
	if _, err := p.Process(doc); !errors.Is(err, ErrInternal) {
		t.Errorf("Process error = %v, want ErrInternal", err)
	}
	if _, _, err := p.NewCorpus().Process(doc); !errors.Is(err, ErrInternal) {
		t.Errorf("Corpus.Process error = %v, want ErrInternal", err)
	}
}
