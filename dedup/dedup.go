// Package dedup finds near-duplicate texts: the same wire story republished
// by many sites, with a different headline, byline or last paragraph.
//
// Each text is reduced to a MinHash signature over its word shingles (runs
// of Shingle words, lower case); two signatures agree in about as many
// places as the texts' shingle sets overlap (Jaccard similarity). An Index
// finds candidates by locality-sensitive hashing (the signature cut into
// bands; texts sharing one whole band are compared) and confirms them on
// the estimated similarity, so a lookup costs a few map probes, not a pass
// over the corpus.
package dedup

import (
	"hash/fnv"
	"strings"
	"sync"
	"unicode"
)

// Parameters of the signature and of the index.
const (
	Shingle = 5   // words in a shingle
	Hashes  = 128 // signature length
	Bands   = 16  // LSH bands of Hashes/Bands rows: candidates from about 0.7 similarity
	rows    = Hashes / Bands
)

// Signature is the MinHash signature of a text.
type Signature [Hashes]uint64

// seeds are the multipliers and offsets of the hash family h_i(x) = a_i*x + b_i
// (mod 2^64, a_i odd): one base hash per shingle, Hashes cheap variants.
var seedA, seedB = func() (a, b [Hashes]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	next := func() uint64 { // splitmix64: fixed, so signatures are stable across runs
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := range a {
		a[i] = next() | 1
		b[i] = next()
	}
	return
}()

// Sign returns the signature of text and the number of shingles it has; a
// text with no words has none (and an all-ones signature).
func Sign(text string) (Signature, int) {
	var sig Signature
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	n := 0
	add := func(ws []string) {
		h := fnv.New64a()
		for _, w := range ws {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for i := range sig {
			if v := seedA[i]*x + seedB[i]; v < sig[i] {
				sig[i] = v
			}
		}
		n++
	}
	if len(words) > 0 && len(words) < Shingle {
		add(words)
	}
	for i := 0; i+Shingle <= len(words); i++ {
		add(words[i : i+Shingle])
	}
	return sig, n
}

// Similarity estimates the Jaccard similarity of the shingle sets of the
// two texts: the share of places where the signatures agree.
func (s *Signature) Similarity(t *Signature) float64 {
	same := 0
	for i := range s {
		if s[i] == t[i] {
			same++
		}
	}
	return float64(same) / Hashes
}

// Index holds signatures and finds the near-duplicates of new ones. It is
// safe for concurrent use.
type Index struct {
	// Threshold is the estimated similarity from which two texts are the
	// same story; 0 means 0.8.
	Threshold float64

	mu      sync.Mutex
	buckets [Bands]map[uint64][]int
	ids     []string
	sigs    []Signature
}

// NewIndex returns an empty Index.
func NewIndex() *Index {
	x := &Index{}
	for i := range x.buckets {
		x.buckets[i] = make(map[uint64][]int)
	}
	return x
}

func bandKey(sig *Signature, b int) uint64 {
	h := uint64(14695981039346656037)
	for _, v := range sig[b*rows : (b+1)*rows] {
		h ^= v
		h *= 1099511628211
	}
	return h
}

// Add indexes a text by id and returns the id of the most similar text
// already indexed at or above the threshold, with its estimated
// similarity; "" and 0 when the text is new. A text without shingles is
// never a duplicate and is not indexed.
func (x *Index) Add(id, text string) (dupOf string, sim float64) {
	sig, n := Sign(text)
	if n == 0 {
		return "", 0
	}
	return x.AddSignature(id, &sig)
}

// AddSignature is Add with a signature computed by Sign.
func (x *Index) AddSignature(id string, sig *Signature) (dupOf string, sim float64) {
	th := x.Threshold
	if th <= 0 {
		th = 0.8
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	best := -1
	seen := map[int]bool{}
	var keys [Bands]uint64
	for b := range keys {
		keys[b] = bandKey(sig, b)
		for _, c := range x.buckets[b][keys[b]] {
			if seen[c] {
				continue
			}
			seen[c] = true
			if s := sig.Similarity(&x.sigs[c]); s >= th && s > sim {
				best, sim = c, s
			}
		}
	}
	k := len(x.ids)
	x.ids = append(x.ids, id)
	x.sigs = append(x.sigs, *sig)
	for b := range keys {
		x.buckets[b][keys[b]] = append(x.buckets[b][keys[b]], k)
	}
	if best < 0 {
		return "", 0
	}
	return x.ids[best], sim
}

// Len is the number of texts indexed.
func (x *Index) Len() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return len(x.ids)
}
