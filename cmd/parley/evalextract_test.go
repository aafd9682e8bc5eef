package main

import (
	"math"
	"os"
	"strings"
	"testing"
)

func TestShingleMatch(t *testing.T) {
	cases := []struct {
		truth, pred string
		tp, fp, fn  float64
	}{
		{"a b c d e", "a b c d e", 1, 0, 0},
		{"a b c d e", "", 0, 0, 1},
		{"", "a b c d e", 0, 1, 0},
		{"", "", 0, 0, 0},
		// 2 true shingles (abcd, bcde), 3 predicted (abcd, bcde, cdef): 2 TP, 1 FP.
		{"a b c d e", "a b c d e f", 2.0 / 3, 1.0 / 3, 0},
		{"one two", "one, two!", 1, 0, 0}, // fewer than 4 tokens: one short shingle; punctuation is no token
		{"Über straße", "über straße", 0, 0.5, 0.5},
	}
	for _, c := range cases {
		tp, fp, fn := shingleMatch(c.truth, c.pred, 4)
		if math.Abs(tp-c.tp) > 1e-9 || math.Abs(fp-c.fp) > 1e-9 || math.Abs(fn-c.fn) > 1e-9 {
			t.Errorf("shingleMatch(%q, %q) = %.3f %.3f %.3f, want %.3f %.3f %.3f", c.truth, c.pred, tp, fp, fn, c.tp, c.fp, c.fn)
		}
	}
	// Precision and recall are means over pages, F1 their harmonic mean.
	p, r, f := prf([]pageScore{{"a", 1, 0, 0}, {"b", 0.5, 0.5, 0}, {"c", 0, 0, 1}})
	if math.Abs(p-0.75) > 1e-9 || math.Abs(r-2.0/3) > 1e-9 || math.Abs(f-2*p*r/(p+r)) > 1e-9 {
		t.Errorf("prf = %.3f %.3f %.3f", p, r, f)
	}
}

// TestEvalExtractPredictions checks the metric against the figure the
// benchmark publishes for keeping the whole page text (html-text: F1 0.665).
func TestEvalExtractPredictions(t *testing.T) {
	dir := "../../shared/data/extraction/scrapinghub-aeb"
	if _, err := os.Stat(dir + "/output/html-text.json.gz"); err != nil {
		t.Skip("benchmark data absent")
	}
	code, out, errOut := runCmd("eval-extract", dir, "--predictions", dir+"/output/html-text.json.gz")
	if code != 0 || !strings.Contains(out, "F1 0.665") {
		t.Errorf("exit %d, out %q, err %q", code, out, errOut)
	}
}
