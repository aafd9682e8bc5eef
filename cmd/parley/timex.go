package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"parley/caldate"
	"parley/timex"
)

func init() {
	register("timex", "timex FILE|- [--dct YYYY-MM-DD]", "print the time expressions of a text as JSON Lines", cmdTimex)
	register("eval-timex", "eval-timex DIR [--json] [--misses]", "score the time tagger on TimeML .tml files (TempEval-3 rules)", cmdEvalTimex)
}

// timexLine is one line of `parley timex`: the TIMEX3 view of an expression.
type timexLine struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

func cmdTimex(args []string, stdout, stderr io.Writer) error {
	const synopsis = "timex FILE|- [--dct YYYY-MM-DD]"
	fs := newFlagSet("timex", synopsis, stderr)
	dctFlag := fs.String("dct", "", "document creation date (YYYY, YYYY-MM or YYYY-MM-DD) the expressions are resolved against")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return errUsage
	}
	if len(pos) != 1 {
		return usageError(fs, stderr, "want one FILE or -")
	}
	dct, err := caldate.Parse(*dctFlag)
	if err != nil {
		return usageError(fs, stderr, "bad --dct: "+oneLine(err))
	}
	var b []byte
	if pos[0] == "-" {
		b, err = io.ReadAll(os.Stdin)
	} else {
		b, err = os.ReadFile(pos[0])
	}
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, e := range timex.Default().TagTimeML(string(b), dct) {
		if err := enc.Encode(timexLine{e.Start, e.End, e.Text, string(e.Type), e.Value}); err != nil {
			return err
		}
	}
	return nil
}

// timexReport is the --json output of eval-timex.
type timexReport struct {
	Docs         int       `json:"docs"`
	Gold         int       `json:"gold"`
	System       int       `json:"system"`
	Strict       timex.PRF `json:"strict"`
	Relaxed      timex.PRF `json:"relaxed"`
	TypeAccuracy float64   `json:"type_accuracy"`
	ValueAcc     float64   `json:"value_accuracy"`
	TypeF1       float64   `json:"type_f1"`
	ValueF1      float64   `json:"value_f1"`
}

func cmdEvalTimex(args []string, stdout, stderr io.Writer) error {
	const synopsis = "eval-timex DIR [--json] [--misses]"
	fs := newFlagSet("eval-timex", synopsis, stderr)
	asJSON := fs.Bool("json", false, "print the scores as one JSON object")
	misses := fs.Bool("misses", false, "list every expression missed, spurious, or with a wrong extent, type or value")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return errUsage
	}
	if len(pos) != 1 {
		return usageError(fs, stderr, "want one DIR")
	}
	files, err := filepath.Glob(filepath.Join(pos[0], "*.tml"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no .tml files in %s", pos[0])
	}
	sort.Strings(files)
	tg := timex.Default()
	var total timex.Score
	failed := false
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		doc, err := timex.ParseTML(b)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %s\n", f, oneLine(err))
			failed = true
			continue
		}
		sys := tg.TagTimeML(doc.Text, doc.DCT)
		total.Add(timex.ScoreDoc(doc.Gold, sys))
		if *misses {
			printMisses(stdout, filepath.Base(f), doc.Text, doc.Gold, sys)
		}
	}
	r := timexReport{Docs: len(files), Gold: total.Gold, System: total.System,
		Strict: total.StrictPRF(), Relaxed: total.RelaxedPRF(),
		TypeAccuracy: total.TypeAccuracy(), ValueAcc: total.ValueAccuracy(),
		TypeF1: total.TypeF1(), ValueF1: total.ValueF1()}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(stdout, "documents %d   gold %d   system %d\n", r.Docs, r.Gold, r.System)
		fmt.Fprintf(stdout, "strict   P %.3f  R %.3f  F1 %.3f\n", r.Strict.P, r.Strict.R, r.Strict.F1)
		fmt.Fprintf(stdout, "relaxed  P %.3f  R %.3f  F1 %.3f\n", r.Relaxed.P, r.Relaxed.R, r.Relaxed.F1)
		fmt.Fprintf(stdout, "type   accuracy %.3f  F1 %.3f\n", r.TypeAccuracy, r.TypeF1)
		fmt.Fprintf(stdout, "value  accuracy %.3f  F1 %.3f\n", r.ValueAcc, r.ValueF1)
	}
	if failed {
		return errSomeFailed
	}
	return nil
}

// printMisses writes one line per disagreement between gold and system,
// with the text around it.
func printMisses(w io.Writer, doc, text string, gold, sys []timex.Expr) {
	q := func(e timex.Expr) string {
		return fmt.Sprintf("%q %s %s\t…%s…", strings.ReplaceAll(e.Text, "\n", " "), e.Type, e.Value, around(text, e.Start, e.End))
	}
	for _, p := range timex.Align(gold, sys) {
		switch {
		case p.System < 0:
			fmt.Fprintf(w, "%s\tMISS\t%s\n", doc, q(gold[p.Gold]))
		case p.Gold < 0:
			fmt.Fprintf(w, "%s\tSPURIOUS\t%s\n", doc, q(sys[p.System]))
		default:
			g, s := gold[p.Gold], sys[p.System]
			var what []string
			if g.Start != s.Start || g.End != s.End {
				what = append(what, "EXTENT")
			}
			if g.Type != s.Type {
				what = append(what, "TYPE")
			}
			if g.Value != s.Value {
				what = append(what, "VALUE")
			}
			if len(what) > 0 {
				fmt.Fprintf(w, "%s\t%s\tgold %s\tsys %s\n", doc, strings.Join(what, ","), q(g), q(s))
			}
		}
	}
}

// around is the text within 60 bytes of [s, e), on one line.
func around(text string, s, e int) string {
	a, b := max(0, s-60), min(len(text), e+60)
	for a > 0 && a < len(text) && text[a]&0xC0 == 0x80 {
		a--
	}
	for b < len(text) && text[b]&0xC0 == 0x80 {
		b++
	}
	return strings.Join(strings.Fields(text[a:b]), " ")
}
