package clean

import (
	"strings"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// Cleaner cleans pages with one vocabulary. It is safe for concurrent use.
type Cleaner struct {
	v *Vocabulary
	m *Model
}

// New returns a Cleaner using v (the embedded vocabulary if v is nil).
func New(v *Vocabulary) *Cleaner {
	if v == nil {
		v = defaultVocabulary
	}
	return &Cleaner{v: v, m: defaultModel}
}

var (
	defaultVocabulary = mustDefault()
	std               = New(defaultVocabulary)
)

func mustDefault() *Vocabulary {
	v, err := ParseVocabulary(nil, nil, nil)
	if err != nil {
		panic("clean: embedded vocabulary: " + err.Error())
	}
	return v
}

// DefaultVocabulary returns the embedded vocabulary.
func DefaultVocabulary() *Vocabulary { return defaultVocabulary }

// langSample bounds the text given to the language guesser, whose cost
// grows with its input; a couple of hundred characters settle it.
const langSample = 240

// englishStopPc is the share of English stopwords (%) above which a body
// in Latin script is taken to be English without asking the guesser:
// English prose runs at 35-50%, other languages that share a few of the
// words far lower.
const englishStopPc = 25

// language guesses the ISO 639-1 code of the body, "" when unsure. words
// and stop count the body's words and English stopwords.
func language(text string, body []Span, words, stop int, foreign bool) string {
	if !foreign && words >= 20 && stop*100 >= englishStopPc*words {
		return "en"
	}
	var b strings.Builder
	for _, s := range body {
		if b.Len() >= langSample {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(text[s.Start:s.End])
	}
	sample := b.String()
	if len(sample) > langSample {
		// Cut at a space (or a rune boundary) so no rune is split.
		cut := langSample
		for cut > 0 && !utf8.RuneStart(sample[cut]) {
			cut--
		}
		if i := strings.LastIndexByte(sample[:cut], ' '); i > langSample/2 {
			cut = i
		}
		sample = sample[:cut]
	}
	if sample == "" {
		return ""
	}
	info := whatlanggo.Detect(sample)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}
