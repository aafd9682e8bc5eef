package clean

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Model holds the weights with which the plain-text cleaner chooses the
// article among the clusters of prose lines of a page. Each cluster gets
// the score
//
//	log(bytes of its prose lines) + sum of weight × feature
//
// and the best one is the article; its neighbours are merged into it when
// the merge thresholds allow. The weights were tuned on a benchmark of
// labelled pages (see cmd/parley eval-extract --tune); the default model is
// embedded (data/model.txt) and ParseModel reads a user's own.
type Model struct {
	w [nWeights]float64
}

// The weights of a Model, by index.
const (
	wHead         = iota // the cluster opens just below the page's headline
	wHeadReach           // how many non-boilerplate lines below the headline that holds
	wOpened              // a byline or date stamp stands just above the cluster
	wTeaser              // the cluster is a listing of headed teasers
	wTrunc               // share of its prose lines cut off with "..." (teasers)
	wPos                 // where it starts in the page, 0 (top) to 1 (bottom)
	wStop                // mean share of stopwords of its prose lines
	wMergeOpen           // a neighbour split off by a byline or stamp is merged when its score is above the article's less this
	wMergeGap            // a neighbour split off by a long gap is merged when its score is above the article's less this
	wMergeSection        // a neighbour split off by a listing header is merged when its score is above the article's less this
	wLeadWords           // fewest words of a sentence line next to the article to take it in
	nWeights
)

// weightNames are the names of the weights in a model file, by index.
var weightNames = [nWeights]string{
	wHead:         "head",
	wHeadReach:    "head_reach",
	wOpened:       "opened",
	wTeaser:       "teaser",
	wTrunc:        "truncated",
	wPos:          "position",
	wStop:         "stopwords",
	wMergeOpen:    "merge_opened",
	wMergeGap:     "merge_gap",
	wMergeSection: "merge_section",
	wLeadWords:    "lead_words",
}

// ParseModel reads a model file: one "NAME VALUE" a line, "#" comments.
// Weights the file does not name keep their value in the embedded model.
func ParseModel(r io.Reader) (*Model, error) {
	m := *defaultModel
	return parseModel(r, &m)
}

func parseModel(r io.Reader, m *Model) (*Model, error) {
	err := eachLine(r, "model", func(n int, f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want NAME VALUE")
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("bad value %q", f[1])
		}
		return m.Set(f[0], v)
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// WeightNames lists the names of a model's weights.
func WeightNames() []string { return append([]string(nil), weightNames[:]...) }

// Get returns the weight called name (0 if there is none).
func (m *Model) Get(name string) float64 {
	for i, n := range weightNames {
		if n == name {
			return m.w[i]
		}
	}
	return 0
}

// Set sets the weight called name.
func (m *Model) Set(name string, v float64) error {
	for i, n := range weightNames {
		if n == name {
			m.w[i] = v
			return nil
		}
	}
	return fmt.Errorf("unknown weight %q (want one of %s)", name, strings.Join(weightNames[:], ", "))
}

// WriteTo writes the model in the format ParseModel reads.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	for i, n := range weightNames {
		fmt.Fprintf(&b, "%s %s\n", n, strconv.FormatFloat(m.w[i], 'g', 4, 64))
	}
	return b.WriteTo(w)
}

// DefaultModel returns a copy of the embedded model.
func DefaultModel() *Model { m := *defaultModel; return &m }

// WithModel returns a Cleaner that shares c's vocabulary and chooses the
// article with m.
func (c *Cleaner) WithModel(m *Model) *Cleaner {
	cc := *c
	mm := *m
	cc.m = &mm
	return &cc
}

var defaultModel = mustModel()

func mustModel() *Model {
	b, err := dataFS.ReadFile("data/model.txt")
	if err != nil {
		panic("clean: embedded model: " + err.Error())
	}
	m, err := parseModel(bytes.NewReader(b), &Model{})
	if err != nil {
		panic("clean: embedded model: " + err.Error())
	}
	return m
}
