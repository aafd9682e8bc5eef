// Package ingest reads documents from files and directories.
//
// It knows nothing of what a document says: it finds files, decides their
// format, reads their bytes and rejects what cannot be a news page (empty,
// binary, too large), with an error that names the file.
package ingest

// Format is how a document's bytes are to be read.
type Format int

const (
	Text Format = iota // plain text, boilerplate and all
	HTML               // an HTML page
)

func (f Format) String() string {
	if f == HTML {
		return "html"
	}
	return "text"
}

// Document is one input page as read from disk.
type Document struct {
	ID        string // file name without extension; for a WARC record a short hash of its URL
	Path      string // where it was read from
	Format    Format
	Raw       []byte // the bytes as read
	URL       string // from the --docs index, if any
	Published string // publication date hint (YYYY-MM-DD) from the --docs index, if any
	// Offset is, for a page read from a WARC file, where its record (or
	// the record's gzip member) starts in the file; 0 otherwise.
	Offset int64
}

// Meta is one line of a docs.jsonl index (GUIDE layout).
type Meta struct {
	Doc       string `json:"doc"`
	URL       string `json:"url"`
	Published string `json:"published"`
}
