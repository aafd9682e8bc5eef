// Package pipeline runs one document through every stage, from raw bytes to
// coded events. It holds no knowledge of its own: each stage is a package,
// and this one only passes each stage's output to the next.
package pipeline

import (
	"errors"
	"fmt"
	"strings"

	"parley/actors"
	"parley/caldate"
	"parley/clean"
	"parley/events"
	"parley/ingest"
	"parley/text"
	"parley/timex"
)

// Pipeline holds the stages' knowledge: dictionaries, rules and word lists.
// It is safe for concurrent use.
type Pipeline struct {
	Splitter *text.Splitter
	Actors   *actors.Dictionary
	Timex    *timex.Tagger
	Coder    *events.Coder
}

// Default returns a pipeline with every stage's embedded data.
func Default() *Pipeline {
	return &Pipeline{
		Splitter: text.Default(),
		Actors:   actors.Default(),
		Timex:    timex.Default(),
		Coder:    events.Default(),
	}
}

// ErrNoArticle is returned for a page in which the cleaner kept no paragraph.
var ErrNoArticle = errors.New("no article text found")

// ErrNotEnglish is matched (errors.Is) by the error returned for a page
// whose body is in another language: the later stages know English only.
// The error itself is a *LanguageError naming the language.
var ErrNotEnglish = errors.New("not English")

// LanguageError reports a document skipped for its language.
type LanguageError struct {
	Lang string // ISO 639-1 code of the body, as clean found it
}

func (e *LanguageError) Error() string { return "not English: language " + e.Lang }

// Is makes errors.Is(err, ErrNotEnglish) true.
func (e *LanguageError) Is(target error) bool { return target == ErrNotEnglish }

// baseLang is the language part of a tag ("en-GB" -> "en"), lower case.
func baseLang(tag string) string {
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(strings.TrimSpace(tag))
}

// Result is what the pipeline learnt of one document.
type Result struct {
	Doc     ingest.Document
	Article clean.Article
	Anchor  timex.Anchor
	Events  []events.Event
}

// ErrInternal marks a document on which a stage failed unexpectedly (a
// bug): the document is reported and the run goes on.
var ErrInternal = errors.New("internal error")

// guard turns a panic in a stage into an error for this document alone.
func guard(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%w (please report it with the document): %v", ErrInternal, r)
	}
}

// Process runs one document through clean, sentences, mentions and events.
func (p *Pipeline) Process(doc ingest.Document) (res Result, err error) {
	defer guard(&err)
	art, err := p.Clean(doc)
	if err != nil {
		return Result{Doc: doc, Article: art}, err
	}
	return p.Code(doc, art), nil
}

// Clean runs the first stage: the article of a raw document, or why there
// is none (no article text, not English).
func (p *Pipeline) Clean(doc ingest.Document) (clean.Article, error) {
	var art clean.Article
	if doc.Format == ingest.HTML {
		var err error
		art, err = clean.HTML(doc.Raw, doc.URL)
		if err != nil {
			return art, err
		}
	} else {
		art = clean.Text(string(doc.Raw))
	}
	if len(art.Body) == 0 {
		return art, ErrNoArticle
	}
	// An unknown language ("") is given the benefit of the doubt.
	if lang := baseLang(art.Language); lang != "" && lang != "en" {
		return art, &LanguageError{Lang: lang}
	}
	return art, nil
}

// Body returns the article's paragraphs, one per line.
func Body(art clean.Article) string {
	var b strings.Builder
	for _, s := range art.Body {
		b.WriteString(art.Text[s.Start:s.End])
		b.WriteByte('\n')
	}
	return b.String()
}

// Code runs the stages after cleaning: the reference date, sentences,
// actors and time expressions, and the events.
func (p *Pipeline) Code(doc ingest.Document, art clean.Article) Result {
	res := Result{Doc: doc, Article: art}
	spans := make([]text.Span, len(art.Body))
	for i, s := range art.Body {
		spans[i] = text.Span{Start: s.Start, End: s.End}
	}
	hint, _ := caldate.Parse(doc.Published)
	res.Anchor = p.Timex.Anchor(Body(art), art.Date, hint)

	sents := p.Splitter.Split(art.Text, spans)
	in := events.Input{
		Doc:        doc.ID,
		Text:       art.Text,
		Sentences:  sents,
		Actors:     make([][]actors.Mention, len(sents)),
		Times:      make([][]timex.Expr, len(sents)),
		Date:       res.Anchor.Date,
		DateSource: res.Anchor.Source,
	}
	am := p.Actors.Document(res.Anchor.Date)
	for i, s := range sents {
		ms := am.Find(s.Text)
		for k := range ms {
			// A capital or a demonym stands for its state: report the state's name.
			if ms[k].Kind == actors.Capital || ms[k].Kind == actors.Demonym {
				if name := p.Actors.Name(ms[k].Code); name != "" {
					ms[k].Actor = name
				}
			}
		}
		in.Actors[i] = ms
		in.Times[i] = p.Timex.Tag(s.Text, res.Anchor.Date)
	}
	res.Events = p.Coder.Code(in)
	return res
}
