package events

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
)

//go:embed data/patterns.tsv
var patternData string

//go:embed data/cues.txt
var cueData string

// Frame says how a trigger's arguments attach to it.
type Frame string

const (
	FrameSVO    Frame = "svo"    // subject acts on object
	FrameHost   Frame = "host"   // subject receives the object (a visit by the object)
	FrameTravel Frame = "travel" // subject travels to the object
	FrameMutual Frame = "mutual" // a plural subject acts towards each other
	FrameSpeech Frame = "speech" // a request aimed at the object
	// FrameJudge is an evaluative word in reported speech ("genocide",
	// "a threat to"): the speaker judges the actor named with it.
	FrameJudge Frame = "judge"
	// FrameObligation is "X should ..." in reported speech: the speaker asks X.
	FrameObligation Frame = "obligation"
	// FrameInvite is "X invited Y (to visit)": a planned visit by Y to X.
	FrameInvite Frame = "invite"
)

// Pattern is one trigger phrase and what it codes.
type Pattern struct {
	Type, Mode string
	Frame      Frame
	Words      []string // lower-case words; "*" is a gap of up to three words
}

// Rules is the linguistic knowledge the coder applies: trigger patterns and cue words.
type Rules struct {
	Patterns []Pattern
	Cues     map[string][][]string // section -> phrases (each a word sequence)
}

// ParseRules reads a pattern file (see data/patterns.tsv) and a cue file (see data/cues.txt).
func ParseRules(patterns, cues io.Reader) (*Rules, error) {
	r := &Rules{Cues: map[string][][]string{}}
	sc := bufio.NewScanner(patterns)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("patterns line %d: want 4 tab-separated fields, have %d", n, len(f))
		}
		mode := f[1]
		if mode == "-" {
			mode = ""
		}
		fr := Frame(f[2])
		switch fr {
		case FrameSVO, FrameHost, FrameTravel, FrameMutual, FrameSpeech, FrameJudge, FrameObligation, FrameInvite:
		default:
			return nil, fmt.Errorf("patterns line %d: unknown frame %q", n, f[2])
		}
		for _, alt := range strings.Split(f[3], "|") {
			words := tokenWords(alt)
			if len(words) == 0 {
				continue
			}
			r.Patterns = append(r.Patterns, Pattern{Type: f[0], Mode: mode, Frame: fr, Words: words})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	sc = bufio.NewScanner(cues)
	section := ""
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			continue
		}
		if section == "" {
			return nil, fmt.Errorf("cues line %d: entry before any [section]", n)
		}
		r.Cues[section] = append(r.Cues[section], tokenWords(line))
	}
	return r, sc.Err()
}

// tokenWords splits a phrase the way the tokenizer splits text.
func tokenWords(s string) []string {
	var out []string
	for _, t := range tokenize(strings.ToLower(s)) {
		out = append(out, t.lower)
	}
	return out
}

var defaultRules = func() *Rules {
	r, err := ParseRules(strings.NewReader(patternData), strings.NewReader(cueData))
	if err != nil {
		panic("events: embedded rules: " + err.Error())
	}
	return r
}()

// DefaultRules returns the embedded rules.
func DefaultRules() *Rules { return defaultRules }
