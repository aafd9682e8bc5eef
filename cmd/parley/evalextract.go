package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"parley/caldate"
	"parley/clean"
)

func init() {
	register("eval-extract", "eval-extract DIR [--lines] [--misses N] [--json]",
		"score body extraction, the text cleaner or page dates on an extraction benchmark", cmdEvalExtract)
}

// cmdEvalExtract scores the clean stage on a benchmark directory. The layout
// decides what is scored:
//
//   - ground-truth.json an object {id: {articleBody, url}} with html/ID.html.gz
//     (scrapinghub article-extraction-benchmark): body extraction from HTML,
//     or with --lines the plain-text cleaner on plaintext-lines.jsonl.gz;
//   - ground-truth.json an array [{url, path, date}] (htmldate's MediaCloud
//     sample): exact-day accuracy of the page date.
func cmdEvalExtract(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval-extract", "eval-extract DIR [--lines] [--misses N] [--json]", stderr)
	lines := fs.Bool("lines", false, "score the plain-text line cleaner on DIR/plaintext-lines.jsonl.gz instead of the HTML path")
	misses := fs.Int("misses", 0, "list the N worst pages (or the wrong dates) on stderr")
	asJSON := fs.Bool("json", false, "print the figures as JSON")
	show := fs.String("show", "", "with --lines, print the page whose id starts with this, line by line: gold label, kept, text")
	model := fs.String("model", "", "with --lines, clean with the weights of this model file (format of clean/data/model.txt) instead of the embedded ones")
	tune := fs.Bool("tune", false, "with --lines, tune the model's weights on the odd-numbered pages, print the model and the F1 on odd, even and all pages")
	preds := fs.String("predictions", "", "score this file of another system's output ({id: {articleBody}}, optionally gzipped and wrapped in {\"output\": ...}) instead of ours")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return errUsage
	}
	if len(pos) != 1 {
		return usageError(fs, stderr, "want one benchmark directory")
	}
	dir := pos[0]
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return err
	}
	var rep extractReport
	if t := strings.TrimSpace(string(raw)); strings.HasPrefix(t, "[") {
		rep, err = evalDates(dir, raw, *misses, stderr)
	} else if *preds != "" {
		rep, err = evalPredictions(raw, *preds, *misses, stderr)
	} else if *lines {
		rep, err = evalLines(dir, raw, lineOpts{misses: *misses, show: *show, model: *model, tune: *tune}, stdout, stderr)
	} else {
		rep, err = evalBodies(dir, raw, *misses, stderr)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(rep)
	}
	if rep.Task == "dates" {
		fmt.Fprintf(stdout, "%s: %d pages: exact day %.3f (%d), none found %d\n",
			rep.Task, rep.Pages, rep.Accuracy, rep.Correct, rep.Missing)
		return nil
	}
	fmt.Fprintf(stdout, "%s: %d pages: F1 %.3f  precision %.3f  recall %.3f  (shingle metric of article-extraction-benchmark)\n",
		rep.Task, rep.Pages, rep.F1, rep.Precision, rep.Recall)
	if rep.Task == "lines" {
		fmt.Fprintf(stdout, "lines: F1 on odd-numbered pages %.3f, on even-numbered pages %.3f\n", rep.F1Odd, rep.F1Even)
	}
	return nil
}

// extractReport is what eval-extract measures.
type extractReport struct {
	Task      string  `json:"task"` // "html", "lines" or "dates"
	Pages     int     `json:"pages"`
	F1        float64 `json:"f1,omitempty"`
	Precision float64 `json:"precision,omitempty"`
	Recall    float64 `json:"recall,omitempty"`
	Accuracy  float64 `json:"accuracy,omitempty"`
	Correct   int     `json:"correct,omitempty"`
	Missing   int     `json:"missing,omitempty"`
	// F1Odd and F1Even split the lines task into the pages numbered 1, 3,
	// 5, ... and 2, 4, 6, ... in file order: the model is tuned on the odd
	// ones, so the even ones tell how well it carries over.
	F1Odd  float64 `json:"f1_odd,omitempty"`
	F1Even float64 `json:"f1_even,omitempty"`
}

type aebTruth struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// pageScore is one page's normalised shingle counts.
type pageScore struct {
	id         string
	tp, fp, fn float64
}

// evalBodies runs the HTML path over html/ID.html.gz and scores the body
// (the Body spans joined by newlines) against articleBody.
func evalBodies(dir string, raw []byte, misses int, stderr io.Writer) (extractReport, error) {
	var truth map[string]aebTruth
	if err := json.Unmarshal(raw, &truth); err != nil {
		return extractReport{}, fmt.Errorf("ground-truth.json: %v", err)
	}
	ids := sortedKeys(truth)
	scores := make([]pageScore, len(ids))
	var firstErr error
	var mu sync.Mutex
	parallel(len(ids), func(i int) {
		id := ids[i]
		page, err := readGz(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			mu.Lock()
			if firstErr == nil {
				firstErr = err
			}
			mu.Unlock()
			return
		}
		var pred string
		if a, err := clean.HTML(page, truth[id].URL); err == nil || len(a.Body) > 0 {
			pred = bodyText(a)
		}
		tp, fp, fn := shingleMatch(truth[id].ArticleBody, pred, 4)
		scores[i] = pageScore{id, tp, fp, fn}
	})
	if firstErr != nil {
		return extractReport{}, firstErr
	}
	rep := extractReport{Task: "html", Pages: len(ids)}
	rep.Precision, rep.Recall, rep.F1 = prf(scores)
	listMisses(scores, misses, stderr)
	return rep, nil
}

// evalPredictions scores a file of predictions in the benchmark's output
// layout, to check this metric against the figures the benchmark publishes.
func evalPredictions(raw []byte, path string, misses int, stderr io.Writer) (extractReport, error) {
	var truth map[string]aebTruth
	if err := json.Unmarshal(raw, &truth); err != nil {
		return extractReport{}, fmt.Errorf("ground-truth.json: %v", err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return extractReport{}, err
	}
	if strings.HasSuffix(path, ".gz") {
		if b, err = readGz(path); err != nil {
			return extractReport{}, err
		}
	}
	var wrapped struct {
		Output map[string]aebTruth `json:"output"`
	}
	var pred map[string]aebTruth
	if err := json.Unmarshal(b, &wrapped); err == nil && wrapped.Output != nil {
		pred = wrapped.Output
	} else if err := json.Unmarshal(b, &pred); err != nil {
		return extractReport{}, fmt.Errorf("%s: %v", path, err)
	}
	var scores []pageScore
	for _, id := range sortedKeys(truth) {
		tp, fp, fn := shingleMatch(truth[id].ArticleBody, pred[id].ArticleBody, 4)
		scores = append(scores, pageScore{id, tp, fp, fn})
	}
	rep := extractReport{Task: "predictions", Pages: len(scores)}
	rep.Precision, rep.Recall, rep.F1 = prf(scores)
	listMisses(scores, misses, stderr)
	return rep, nil
}

// linePage is one line of plaintext-lines.jsonl.gz: a page's full text as
// lines, each labelled body (1) or not (0).
type linePage struct {
	ID    string   `json:"id"`
	URL   string   `json:"url"`
	Lines []string `json:"lines"`
	Label []int    `json:"label"`
}

// lineOpts are the options of the lines task.
type lineOpts struct {
	misses int
	show   string
	model  string
	tune   bool
}

// evalLines runs the plain-text cleaner on each page's lines (joined by
// newlines) and scores the kept lines against articleBody. Pages of one
// site are cleaned with a shared clean.Corpus, so lines that repeat across
// a site's pages count as boilerplate.
func evalLines(dir string, raw []byte, o lineOpts, stdout, stderr io.Writer) (extractReport, error) {
	var truth map[string]aebTruth
	if err := json.Unmarshal(raw, &truth); err != nil {
		return extractReport{}, fmt.Errorf("ground-truth.json: %v", err)
	}
	f, err := os.Open(filepath.Join(dir, "plaintext-lines.jsonl.gz"))
	if err != nil {
		return extractReport{}, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return extractReport{}, err
	}
	var pages []linePage
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var p linePage
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return extractReport{}, fmt.Errorf("plaintext-lines: %v", err)
		}
		pages = append(pages, p)
	}
	if err := sc.Err(); err != nil {
		return extractReport{}, err
	}
	model := clean.DefaultModel()
	if o.model != "" {
		mf, err := os.Open(o.model)
		if err != nil {
			return extractReport{}, err
		}
		model, err = clean.ParseModel(mf)
		mf.Close()
		if err != nil {
			return extractReport{}, err
		}
	}
	lb := newLineBench(pages, truth)
	if o.tune {
		model = lb.tune(model, stderr)
		if _, err := model.WriteTo(stdout); err != nil {
			return extractReport{}, err
		}
	}
	scores, corpus := lb.run(model)
	if o.show != "" {
		for i, p := range pages {
			if strings.HasPrefix(p.ID, o.show) {
				showLines(stderr, corpus, siteOf(p.URL), lb.texts[i], p)
			}
		}
	}
	rep := extractReport{Task: "lines", Pages: len(pages)}
	rep.Precision, rep.Recall, rep.F1 = prf(scores)
	odd, even := splitOddEven(scores)
	_, _, rep.F1Odd = prf(odd)
	_, _, rep.F1Even = prf(even)
	listMisses(scores, o.misses, stderr)
	return rep, nil
}

// splitOddEven parts scores into the pages numbered 1, 3, 5, ... and 2, 4,
// 6, ... (from 1, in file order).
func splitOddEven(scores []pageScore) (odd, even []pageScore) {
	for i, s := range scores {
		if i%2 == 0 {
			odd = append(odd, s)
		} else {
			even = append(even, s)
		}
	}
	return odd, even
}

// lineBench is the lines task loaded once, to be run with several models.
type lineBench struct {
	pages []linePage
	texts []string
	truth map[string]aebTruth
}

func newLineBench(pages []linePage, truth map[string]aebTruth) *lineBench {
	lb := &lineBench{pages: pages, truth: truth, texts: make([]string, len(pages))}
	for i, p := range pages {
		lb.texts[i] = strings.Join(p.Lines, "\n")
	}
	return lb
}

// run cleans every page with model and scores it.
func (lb *lineBench) run(model *clean.Model) ([]pageScore, *clean.Corpus) {
	corpus := clean.NewCorpus(clean.New(nil).WithModel(model))
	for i, p := range lb.pages {
		corpus.Add(siteOf(p.URL), lb.texts[i])
	}
	scores := make([]pageScore, len(lb.pages))
	parallel(len(lb.pages), func(i int) {
		p := lb.pages[i]
		a := corpus.Text(siteOf(p.URL), lb.texts[i])
		tp, fp, fn := shingleMatch(lb.truth[p.ID].ArticleBody, bodyText(a), 4)
		scores[i] = pageScore{p.ID, tp, fp, fn}
	})
	return scores, corpus
}

// tuneSteps is the step of each weight in the search, by name; weights
// counted in lines or words move by whole numbers.
var tuneSteps = map[string]float64{
	"head_reach": 1, "lead_words": 1, "merge_opened": 0.5, "merge_gap": 0.5,
}

// minGain is the least gain in F1 on the tuning pages for which tune
// changes a weight: less is as likely to be noise as a better weight.
const minGain = 0.0005

// tune searches the model's weights one at a time, a few steps either way,
// for the best F1 on the odd-numbered pages only, and repeats while that
// improves. It logs each change and the F1 on the even-numbered pages.
func (lb *lineBench) tune(m *clean.Model, log io.Writer) *clean.Model {
	m = clone(m)
	f1 := func(m *clean.Model) (odd, even float64) {
		scores, _ := lb.run(m)
		o, e := splitOddEven(scores)
		_, _, odd = prf(o)
		_, _, even = prf(e)
		return odd, even
	}
	best, even := f1(m)
	fmt.Fprintf(log, "start: F1 odd %.4f even %.4f\n", best, even)
	for round := 0; round < 5; round++ {
		changed := false
		for _, name := range clean.WeightNames() {
			step, ok := tuneSteps[name]
			if !ok {
				step = 0.25
			}
			cur := m.Get(name)
			if cur <= -50 || cur >= 50 {
				// A switched-off threshold: try switching it on.
				cur = 0
			}
			bestV := m.Get(name)
			for k := -6; k <= 6; k++ {
				v := cur + float64(k)*step
				if v == m.Get(name) {
					continue
				}
				c := clone(m)
				c.Set(name, v)
				if f, e := f1(c); f > best+minGain {
					best, even, bestV = f, e, v
				}
			}
			if bestV != m.Get(name) {
				m.Set(name, bestV)
				changed = true
				fmt.Fprintf(log, "%s = %g: F1 odd %.4f even %.4f\n", name, bestV, best, even)
			}
		}
		if !changed {
			break
		}
	}
	return m
}

func clone(m *clean.Model) *clean.Model { c := *m; return &c }

// siteOf is the host of a URL, less "www.": the unit whose pages share
// their boilerplate.
func siteOf(u string) string {
	if p, err := url.Parse(u); err == nil && p.Host != "" {
		return strings.TrimPrefix(strings.ToLower(p.Host), "www.")
	}
	return ""
}

// showLines prints each line of a page with its gold label (1 body, 0 not),
// the cleaner's verdict (K kept, T title, P prose not kept, - dropped) and,
// for boilerplate, the rule's reason.
func showLines(w io.Writer, corpus *clean.Corpus, site, text string, p linePage) {
	_, notes := corpus.Explain(site, text)
	byStart := make(map[int]clean.LineNote, len(notes))
	for _, n := range notes {
		byStart[n.Start] = n
	}
	pos := 0
	for i, l := range p.Lines {
		n := byStart[pos+len(l)-len(strings.TrimLeft(l, " \t"))]
		mark := "-"
		switch {
		case n.Kept:
			mark = "K"
		case n.Title:
			mark = "T"
		case n.Prose:
			mark = "P"
		}
		lab := 0
		if i < len(p.Label) {
			lab = p.Label[i]
		}
		reason := ""
		if n.Reason != "" {
			reason = "  [" + n.Reason + "]"
		}
		fmt.Fprintf(w, "%d %s %s%s\n", lab, mark, l, reason)
		pos += len(l) + 1
	}
}

type dateTruth struct {
	URL  string `json:"url"`
	Path string `json:"path"`
	Date string `json:"date"`
}

// evalDates compares the page date of the HTML path with the gold day. A
// page whose gold date is "nan" (no date to be found) is right when the
// HTML path finds none.
func evalDates(dir string, raw []byte, misses int, stderr io.Writer) (extractReport, error) {
	var truth []dateTruth
	if err := json.Unmarshal(raw, &truth); err != nil {
		return extractReport{}, fmt.Errorf("ground-truth.json: %v", err)
	}
	// Pages without a gold date ("nan") count too: right when no date is found.
	labelled := truth
	got := make([]string, len(labelled))
	var firstErr error
	var mu sync.Mutex
	parallel(len(labelled), func(i int) {
		page, err := readGz(filepath.Join(dir, labelled[i].Path))
		if err != nil {
			mu.Lock()
			if firstErr == nil {
				firstErr = err
			}
			mu.Unlock()
			return
		}
		a, _ := clean.HTML(page, labelled[i].URL)
		if !a.Date.IsZero() {
			got[i] = a.Date.String()
		}
	})
	if firstErr != nil {
		return extractReport{}, firstErr
	}
	rep := extractReport{Task: "dates", Pages: len(labelled)}
	shown := 0
	for i, t := range labelled {
		gold := t.Date
		if d, err := caldate.Parse(gold); err != nil || d.IsZero() {
			gold = ""
		}
		switch {
		case got[i] == gold:
			rep.Correct++
		case got[i] == "":
			rep.Missing++
			fallthrough
		default:
			if shown < misses {
				fmt.Fprintf(stderr, "%s: want %s, got %q (%s)\n", t.Path, t.Date, got[i], t.URL)
				shown++
			}
		}
	}
	if rep.Pages > 0 {
		rep.Accuracy = float64(rep.Correct) / float64(rep.Pages)
	}
	return rep, nil
}

// bodyText is the article as the benchmark sees it: the body lines joined
// by newlines (the title is not part of articleBody).
func bodyText(a clean.Article) string {
	var b strings.Builder
	for i, s := range a.Body {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(a.Text[s.Start:s.End])
	}
	return b.String()
}

// The metric below is that of scrapinghub/article-extraction-benchmark
// (evaluate.py, functions string_shingle_matching, _tokenize, _ngrams,
// metrics_from_tp_fp_fns; MIT licence), re-implemented:
//
//   - tokens are the maximal runs of word characters (Python's \w: letters,
//     numbers and the underscore);
//   - a page's shingles are its token 4-grams, counted as a multiset (a
//     text of fewer than 4 tokens is one shorter shingle; no tokens, none);
//   - per page, TP = sum of min(true, pred) counts over all shingles, FP and
//     FN the excesses on either side, and the three are divided by their sum
//     so that every page weighs the same;
//   - precision is the mean over pages with TP+FP > 0 of TP/(TP+FP), recall
//     the mean over pages with TP+FN > 0 of TP/(TP+FN) (1 when FP = FN = 0),
//     and F1 the harmonic mean of those two means.

// shingleMatch returns the normalised TP, FP, FN of pred against true.
func shingleMatch(true_, pred string, n int) (tp, fp, fn float64) {
	t := shingles(true_, n)
	p := shingles(pred, n)
	for k, tc := range t {
		pc := p[k]
		tp += float64(min(tc, pc))
		if tc > pc {
			fn += float64(tc - pc)
		} else {
			fp += float64(pc - tc)
		}
	}
	for k, pc := range p {
		if _, ok := t[k]; !ok {
			fp += float64(pc)
		}
	}
	if s := tp + fp + fn; s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	return tp, fp, fn
}

// wordRune is Python's \w on str: letters, numbers, underscore.
func wordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// tokens splits s into runs of word characters.
func tokens(s string) []string {
	var out []string
	start := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if wordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// shingles counts the token n-grams of s (joined by a byte no token holds).
func shingles(s string, n int) map[string]int {
	toks := tokens(s)
	m := make(map[string]int, len(toks))
	if len(toks) == 0 {
		return m
	}
	for i := 0; i < max(1, len(toks)-n+1); i++ {
		m[strings.Join(toks[i:min(i+n, len(toks))], "\x00")]++
	}
	return m
}

// prf is metrics_from_tp_fp_fns: mean precision, mean recall, their F1.
func prf(scores []pageScore) (p, r, f1 float64) {
	var np, nr int
	for _, s := range scores {
		if s.tp+s.fp > 0 {
			np++
			p += prec(s.tp, s.fp, s.fn)
		}
		if s.tp+s.fn > 0 {
			nr++
			r += prec(s.tp, s.fn, s.fp)
		}
	}
	if np > 0 {
		p /= float64(np)
	}
	if nr > 0 {
		r /= float64(nr)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// prec is precision_score (and, with fp and fn swapped, recall_score).
func prec(tp, fp, fn float64) float64 {
	switch {
	case fp == 0 && fn == 0:
		return 1
	case tp == 0 && fp == 0:
		return 0
	}
	return tp / (tp + fp)
}

// listMisses prints the n pages with the lowest F1.
func listMisses(scores []pageScore, n int, w io.Writer) {
	if n <= 0 {
		return
	}
	s := append([]pageScore(nil), scores...)
	f := func(p pageScore) float64 {
		pr, rc := prec(p.tp, p.fp, p.fn), prec(p.tp, p.fn, p.fp)
		if pr+rc == 0 {
			return 0
		}
		return 2 * pr * rc / (pr + rc)
	}
	sort.SliceStable(s, func(i, j int) bool { return f(s[i]) < f(s[j]) })
	for _, p := range s[:min(n, len(s))] {
		fmt.Fprintf(w, "%s F1 %.3f precision %.3f recall %.3f\n", p.id, f(p), prec(p.tp, p.fp, p.fn), prec(p.tp, p.fn, p.fp))
	}
}

func readGz(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return b, nil
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// parallel calls fn(0..n-1) on as many goroutines as there are CPUs.
func parallel(n int, fn func(int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
