package store

import (
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkPutDocument stores a document with four events per iteration.
func BenchmarkPutDocument(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	d, evs := sample("d")
	for i := 0; b.Loop(); i++ {
		d.ID = fmt.Sprint("d", i)
		d.Hash = fmt.Sprint("h", i)
		if err := s.PutDocument(d, evs); err != nil {
			b.Fatal(err)
		}
	}
}
