package pipeline

import (
	"strings"

	"parley/clean"
	"parley/dedup"
	"parley/ingest"
)

// Corpus codes the documents of one run in turn. A document whose article
// is a near-duplicate of one seen earlier in the run (the same wire story on
// another site) is not coded again: the events of its original are carried
// over, each found again in the new text, so that the story counts as one
// more source of the same events rather than as ten separate codings.
type Corpus struct {
	p     *Pipeline
	index *dedup.Index
	coded map[string]Result // by document id: what each indexed document yielded (no article text)
}

// NewCorpus starts a run.
func (p *Pipeline) NewCorpus() *Corpus {
	return &Corpus{p: p, index: dedup.NewIndex(), coded: map[string]Result{}}
}

// Process cleans doc and codes it, or carries over the events of the
// near-duplicate it repeats; dupOf names that original ("" if none).
func (c *Corpus) Process(doc ingest.Document) (res Result, dupOf string, err error) {
	defer guard(&err)
	art, err := c.p.Clean(doc)
	if err != nil {
		return Result{Doc: doc, Article: art}, "", err
	}
	dupOf, _ = c.index.Add(doc.ID, Body(art))
	if orig, ok := c.coded[dupOf]; ok && dupOf != "" {
		res = Reuse(doc, art, orig)
	} else {
		dupOf = ""
		res = c.p.Code(doc, art)
	}
	keep := res
	keep.Article = clean.Article{}
	keep.Doc.Raw = nil
	c.coded[doc.ID] = keep
	return res, dupOf, nil
}

// Reuse gives doc, a near-duplicate of orig, the events of orig: each event
// whose evidence sentence occurs in doc's article is kept with the span it
// has there; the others (a paragraph the copy left out) are dropped.
func Reuse(doc ingest.Document, art clean.Article, orig Result) Result {
	res := Result{Doc: doc, Article: art, Anchor: orig.Anchor}
	for _, e := range orig.Events {
		i := strings.Index(art.Text, e.Evidence)
		if i < 0 {
			continue
		}
		e.Doc = doc.ID
		e.Span = [2]int{i, i + len(e.Evidence)}
		e.Spans = nil
		e.Event = ""
		res.Events = append(res.Events, e)
	}
	return res
}
