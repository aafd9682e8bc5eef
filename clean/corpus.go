package clean

import (
	"hash/fnv"
	"sync"
)

// Corpus counts, for each site, in how many documents each line occurs.
// A line that recurs across the pages of one site (a menu, a newsletter
// box, a cookie notice, a footer) is boilerplate wherever it stands: it
// is the strongest signal a text-only cleaner has, since no article
// repeats its own sentences on the site's other pages.
//
// Feed the documents with Add (all of them first for the best result, or
// as they come: the signal grows with the crawl), then clean with Text.
// A Corpus is safe for concurrent use.
type Corpus struct {
	// MinDocs is the number of documents of a site a line must occur in to
	// be boilerplate; 0 means 2.
	MinDocs int

	c     *Cleaner
	mu    sync.RWMutex
	sites map[string]map[uint64]int32
}

// NewCorpus returns an empty Corpus that cleans with c (the default
// cleaner if c is nil).
func NewCorpus(c *Cleaner) *Corpus {
	if c == nil {
		c = std
	}
	return &Corpus{c: c, sites: make(map[string]map[uint64]int32)}
}

// lineHash is the key of a line: its bytes less surrounding white space.
func lineHash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// Add counts the distinct lines of one document of site.
func (k *Corpus) Add(site, text string) {
	seen := make(map[uint64]bool)
	for pos := 0; pos < len(text); {
		end := indexNL(text, pos)
		s, e := trimSpan(text, pos, end)
		pos = end + 1
		if s < e {
			seen[lineHash(text[s:e])] = true
		}
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	m := k.sites[site]
	if m == nil {
		m = make(map[uint64]int32)
		k.sites[site] = m
	}
	for h := range seen {
		m[h]++
	}
}

// Docs returns in how many documents of site the line occurs.
func (k *Corpus) Docs(site, line string) int {
	k.mu.RLock()
	defer k.mu.RUnlock()
	return int(k.sites[site][lineHash(line)])
}

// Text cleans a plain-text page of site as Cleaner.Text does, with the
// lines that occur in MinDocs or more documents of the site taken for
// boilerplate.
func (k *Corpus) Text(site, raw string) Article {
	k.mu.RLock()
	m := k.sites[site]
	k.mu.RUnlock()
	if m == nil {
		return k.c.Text(raw)
	}
	return k.c.text(raw, k.repeated(m))
}

// Explain cleans a page of site as Text does and returns the verdict on
// each line (see Cleaner.Explain).
func (k *Corpus) Explain(site, raw string) (Article, []LineNote) {
	k.mu.RLock()
	m := k.sites[site]
	k.mu.RUnlock()
	if m == nil {
		return k.c.Explain(raw)
	}
	return k.c.explain(raw, k.repeated(m))
}

// repeated tells the lines that occur in MinDocs or more documents of the
// site whose counts are m.
func (k *Corpus) repeated(m map[uint64]int32) func(string) bool {
	min := k.MinDocs
	if min <= 0 {
		min = 2
	}
	return func(s string) bool {
		k.mu.RLock()
		n := m[lineHash(s)]
		k.mu.RUnlock()
		return int(n) >= min
	}
}

func indexNL(text string, pos int) int {
	for i := pos; i < len(text); i++ {
		if text[i] == '\n' {
			return i
		}
	}
	return len(text)
}
