// Package clean turns a raw page into an article: the body paragraphs with
// their byte offsets, the title, the dateline and the page's own date stamp.
//
// Boilerplate is dropped by leaving it out of Body, never by rewriting the
// text: every offset a later stage reports points into Article.Text.
package clean

import "parley/caldate"

// Span is a byte range [Start, End) of Article.Text.
type Span struct {
	Start, End int
}

// Article is the cleaned view of one document.
type Article struct {
	// Text is the document text that all offsets refer to: for plain text the
	// file as read, for HTML the text extracted from the page.
	Text string
	// Body lists the article's paragraphs in order; boilerplate lines are not in it.
	Body []Span
	// Title is the headline, if one was found ("" otherwise); TitleSpan locates it.
	Title     string
	TitleSpan Span
	// Dateline is the place that opens the story ("GENEVA" in "GENEVA (Reuters) -"), if any.
	Dateline string
	// Date is the page's own date stamp ("Updated: 2019-04-24 17:40"), zero if none.
	Date caldate.Date
	// DateSource says where Date came from ("stamp", "html-meta", ...), "" if Date is zero.
	DateSource string
	// DateSpan locates the stamp in Text when it came from the text.
	DateSpan Span
	// Language is the body's language as an ISO 639-1 code, "" if unknown.
	Language string
}
