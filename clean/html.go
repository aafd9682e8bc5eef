package clean

import (
	"bytes"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"

	"parley/caldate"
)

// ErrNoText is returned by HTML when a page has no article text.
var ErrNoText = errors.New("no article text found")

// HTML cleans an HTML page with the default vocabulary.
func HTML(raw []byte, url string) (Article, error) { return std.HTML(raw, url) }

// HTML cleans an HTML page. The main content is found by trafilatura; its
// content tree is laid out again as lines (one per paragraph, heading, list
// item, quote or line break), since trafilatura's own text runs them
// together. Article.Text is that text and Body its lines, less those the
// boilerplate rules reject. Title comes from the page's metadata (TitleSpan
// is set only when the headline is also the first line of Text); the date
// from htmldate run on the whole page (DateSource "html-meta" from
// its quick search, "html-text" from its search of the text; see
// pageDate), else from a stamp line above the body. url may be "".
//
// When no body is found the error is ErrNoText, and the Article still
// carries the title and date if they were found.
func (c *Cleaner) HTML(raw []byte, url string) (a Article, err error) {
	// The extractors are large third-party code run on arbitrary pages: a
	// panic in them must cost one document, not the run.
	defer func() {
		if p := recover(); p != nil {
			a, err = Article{}, fmt.Errorf("html extraction failed: %v", p)
		}
	}()
	doc, err := html.Parse(bytes.NewReader(decodeHTML(raw)))
	if err != nil {
		return a, err
	}
	opts := trafilatura.Options{
		// The readability and distiller fallbacks took a fifth of the time
		// and did not help: body F1 on article-extraction-benchmark is
		// 0.964 without them, 0.963 with them.
		EnableFallback:  false,
		ExcludeComments: true,
		// The page date is taken below by htmldate on the untouched page.
		HtmlDateMode: trafilatura.Disabled,
	}
	if u, err := nurl.ParseRequestURI(url); err == nil && url != "" {
		opts.OriginalURL = u
	}
	res, terr := trafilatura.ExtractDocument(doc, opts)
	if terr == nil && res != nil {
		a.Text = renderLines(res.ContentNode)
		a.Title = strings.Join(strings.Fields(res.Metadata.Title), " ")
		a.Language = res.Metadata.Language
	}
	// htmldate works on the raw page: trafilatura leaves its metadata empty
	// when extraction fails, and the page date is wanted either way.
	a.Date, a.DateSource = pageDate(doc, url)
	if a.Text == "" {
		return a, ErrNoText
	}
	c.lightFilter(&a)
	if len(a.Body) == 0 {
		return a, ErrNoText
	}
	return a, nil
}

// lightFilter sets Body, TitleSpan, Dateline and (failing htmldate) Date
// on an Article whose Text is the extracted content. Trafilatura has
// already chosen the content, so only lines a boilerplate rule rejects,
// lines in another script and menus are dropped.
func (c *Cleaner) lightFilter(a *Article) {
	var n lineNorm
	lines := c.scan(a.Text, &n, 0)
	foreign := markScript(lines)
	title := -1
	for i := range lines {
		l := &lines[i]
		s := a.Text[l.start:l.end]
		if title < 0 && len(a.Body) == 0 && a.Title != "" && strings.EqualFold(strings.Join(strings.Fields(s), " "), a.Title) {
			// The headline repeated as the first line of the content.
			title = i
			a.TitleSpan = Span{l.start, l.end}
			a.Title = s
			continue
		}
		if l.words == 0 || l.bad != "" && !trustExtractor(l.bad) {
			continue
		}
		// A short line with no sentence punctuation at the top (a section
		// label, a stamp) is no paragraph either.
		if len(a.Body) == 0 && !l.endPunct && l.words < minProseWords && !l.shape {
			continue
		}
		a.Body = append(a.Body, Span{l.start, l.end})
	}
	if len(a.Body) == 0 {
		return
	}
	a.Dateline = c.dateline(a.Text[a.Body[0].Start:a.Body[0].End])
	if a.Date.IsZero() {
		first := 0
		for first < len(lines) && lines[first].start < a.Body[0].Start {
			first++
		}
		c.findStamp(a, lines, title, first)
	}
	if a.Language == "" {
		words, stop := 0, 0
		for i := range lines {
			words += lines[i].words
			stop += lines[i].stop
		}
		a.Language = language(a.Text, a.Body, words, stop, foreign)
	}
}

// pageDate finds the publication date of a page with htmldate: first its
// quick search (metadata, structured data, URL, time elements); failing
// that, the extensive search over the page's text. A date the extensive
// search gives as 1 January is taken for what it usually is, a bare year
// (a copyright line, a "since 2016") padded to a day, and dropped.
func pageDate(doc *html.Node, url string) (caldate.Date, string) {
	opt := htmldate.Options{URL: url, UseOriginalDate: true, SkipExtensiveSearch: true}
	if hd, err := htmldate.FromDocument(doc, opt); err == nil && !hd.IsZero() {
		return caldate.Of(hd.DateTime), "html-meta"
	}
	opt.SkipExtensiveSearch = false
	if hd, err := htmldate.FromDocument(doc, opt); err == nil && !hd.IsZero() {
		if d := caldate.Of(hd.DateTime); !(d.M == 1 && d.D == 1) {
			return d, "html-text"
		}
	}
	return caldate.Date{}, ""
}

// trustExtractor tells the boilerplate verdicts that trafilatura's choice
// overrides: it has seen the markup, and a line in another script or with
// list separators inside the content it chose is part of the article far
// more often than not (a page not in English, a table row).
func trustExtractor(bad string) bool {
	return bad == "other script" || bad == "menu" || bad == "e-mail" || bad == "credit"
}

// decodeHTML returns the page as UTF-8. A byte order mark decides first;
// then valid UTF-8 is taken as such (pages often declare a charset they do
// not use); otherwise the charset the page declares, or Windows-1252.
func decodeHTML(raw []byte) []byte {
	enc, name, certain := charset.DetermineEncoding(raw, "text/html")
	if certain && name != "utf-8" {
		if out, err := enc.NewDecoder().Bytes(raw); err == nil {
			return out
		}
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if utf8.Valid(raw) {
		return raw
	}
	if name == "utf-8" {
		return bytes.ToValidUTF8(raw, []byte("\uFFFD"))
	}
	if enc == nil {
		enc = unicode.UTF8
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return bytes.ToValidUTF8(raw, []byte("\uFFFD"))
	}
	return out
}

// blockTags start a new line, in HTML and in trafilatura's own tag names.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "dl": true, "dd": true, "dt": true, "blockquote": true,
	"pre": true, "section": true, "article": true, "header": true, "footer": true, "main": true,
	"aside": true, "nav": true, "figure": true, "figcaption": true, "table": true, "tr": true,
	"thead": true, "tbody": true, "tfoot": true, "caption": true, "address": true, "details": true,
	"summary": true, "form": true, "center": true, "body": true,
	// trafilatura's names
	"head": true, "list": true, "item": true, "quote": true, "row": true, "doc": true,
}

// breakTags end a line without content of their own.
var breakTags = map[string]bool{"br": true, "lb": true, "hr": true}

// skipTags hold no readable text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"math": true, "iframe": true, "object": true, "embed": true, "select": true, "button": true,
}

// renderLines lays out the text of a content tree as lines: one per block
// element, white space inside a line collapsed to single spaces.
func renderLines(root *html.Node) string {
	if root == nil {
		return ""
	}
	r := lineWriter{empty: true}
	r.walk(root)
	r.newline()
	return strings.TrimRight(r.b.String(), "\n")
}

type lineWriter struct {
	b     strings.Builder
	space bool // a space is owed before the next word
	empty bool // the current line has no text yet
}

func (w *lineWriter) newline() {
	if w.b.Len() > 0 && !w.empty {
		w.b.WriteByte('\n')
	}
	w.empty, w.space = true, false
}

func (w *lineWriter) text(s string) {
	if s == "" {
		return
	}
	if isSpace(firstRune(s)) {
		w.space = true
	}
	for i, f := range strings.FieldsFunc(s, isSpace) {
		if (i > 0 || w.space) && !w.empty {
			w.b.WriteByte(' ')
		}
		w.b.WriteString(f)
		w.empty, w.space = false, false
	}
	if isSpace(lastRune(s)) {
		w.space = true
	}
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

func (w *lineWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		tag := strings.ToLower(n.Data)
		switch {
		case skipTags[tag]:
			return
		case breakTags[tag]:
			w.newline()
			return
		case tag == "td" || tag == "th" || tag == "cell":
			w.space = true
		}
		if blockTags[tag] {
			w.newline()
			defer w.newline()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}
