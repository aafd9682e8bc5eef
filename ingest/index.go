package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"parley/caldate"
)

// LoadIndex reads a docs.jsonl index: one JSON object per line with the
// fields doc, url and published (other fields are ignored). Blank lines are
// skipped. A line that is not JSON, lacks a doc id, repeats an id or has a
// published date that is not YYYY[-MM[-DD]] is an error naming its line.
func LoadIndex(path string) (map[string]Meta, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	idx, err := ReadIndex(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return idx, nil
}

// ReadIndex is LoadIndex on an open reader.
func ReadIndex(r io.Reader) (map[string]Meta, error) {
	idx := make(map[string]Meta)
	seen := make(map[string]int) // doc id -> line number, to name both lines of a duplicate
	sc := bufio.NewScanner(r)
	// Index lines are short, but an "origin" or a long URL must not stop the scan.
	sc.Buffer(make([]byte, 0, 64*1024), 4<<20)
	n := 0
	for sc.Scan() {
		n++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var m Meta
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("line %d: bad JSON: %v", n, err)
		}
		if m.Doc == "" {
			return nil, fmt.Errorf("line %d: missing \"doc\"", n)
		}
		if prev, ok := seen[m.Doc]; ok {
			return nil, fmt.Errorf("line %d: doc %q already listed on line %d", n, m.Doc, prev)
		}
		if _, err := caldate.Parse(m.Published); err != nil {
			return nil, fmt.Errorf("line %d: bad \"published\" %q for doc %q", n, m.Published, m.Doc)
		}
		seen[m.Doc] = n
		idx[m.Doc] = m
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %v", n+1, err)
	}
	return idx, nil
}
