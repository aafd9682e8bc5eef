package clean

import (
	"math"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one non-empty line of a page and what the cleaner found out about it.
type line struct {
	start, end int // the line's span in the text, surrounding space trimmed

	words        int // words holding a letter
	stop         int // of which stopwords
	latin, other int // letters in Latin and other scripts
	upper, lower int
	seps         int
	endPunct     bool // ends like a sentence (. ! ? …, before closing quotes)

	shape   bool   // shaped like running prose
	prose   bool   // prose and not boilerplate
	bad     string // why the line is boilerplate wherever it stands; "" if it is not
	section bool   // header of a listing ("Most Viewed", "Recent Posts")
	caption bool   // photo caption or credit
}

// Limits of the line classifier. They are about the shape of text, not its
// words, so they live in code.
const (
	minProseWords  = 6  // fewer words is a label, a menu item or a headline
	minProseStopPc = 15 // % stopwords in a punctuated line of prose
	minLongStopPc  = 25 // % stopwords in a long line without final punctuation
	minLongWords   = 15 // a line this long may lack final punctuation (cut teaser)
	maxGap         = 8  // non-prose lines allowed inside the article
	maxShortWords  = 8  // line and prefix rules also hit prose this short
	maxTitleWords  = 30
	titleLookback  = 12 // lines scanned back from the body for the title
	stampLookback  = 12 // lines scanned for the page date stamp
)

// scan splits text into lines and describes each, counting stopwords of
// language lang (an index of Vocabulary.langs).
func (c *Cleaner) scan(text string, n *lineNorm, lang int) []line {
	n.hits = [maxLangs]int{}
	lines := make([]line, 0, 64)
	for pos := 0; pos < len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += pos
		}
		s, e := trimSpan(text, pos, end)
		pos = end + 1
		if s == e {
			continue
		}
		lines = append(lines, c.describe(text, s, e, n, uint16(1)<<lang))
	}
	return lines
}

// isSpace reports white space, counting the invisible characters scraped
// pages are full of (byte order mark, zero-width space).
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060'
}

// trimSpan trims white space from both ends of text[s:e].
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		c := text[s]
		if c < utf8.RuneSelf {
			if c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v' && c != '\n' {
				break
			}
			s++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		c := text[e-1]
		if c < utf8.RuneSelf {
			if c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v' && c != '\n' {
				break
			}
			e--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// endsSentence reports whether s ends with sentence punctuation, looking
// through closing quotes and brackets.
func endsSentence(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', '’', '”', '»', ')', ']', '*':
			s = s[:len(s)-n]
			continue
		case '.', '!', '?', '…', '。', '！', '？':
			return true
		}
		return false
	}
	return false
}

// describe measures one line and applies the boilerplate rules to it.
func (c *Cleaner) describe(text string, s, e int, n *lineNorm, lang uint16) line {
	str := text[s:e]
	n.run(str)
	l := line{start: s, end: e, latin: n.latin, other: n.other, upper: n.upper, lower: n.lower, seps: n.seps}
	l.endPunct = endsSentence(str)
	var hits [ruleCaption + 1]string
	for i := range n.starts {
		w := n.word(i)
		letters := w[0] < '0' || w[0] > '9'
		if letters {
			l.words++
		}
		wi := c.v.words[string(w)]
		if wi == nil {
			continue
		}
		if wi.stop != 0 && letters {
			if wi.stop&lang != 0 {
				l.stop++
			}
			for b := wi.stop; b != 0; b &= b - 1 {
				n.hits[bits.TrailingZeros16(b)]++
			}
		}
		rest := n.buf[n.starts[i]:]
		for _, r := range wi.rules {
			if len(rest) < len(r.phrase) || string(rest[:len(r.phrase)]) != r.phrase ||
				(len(rest) > len(r.phrase) && rest[len(r.phrase)] != ' ') {
				continue
			}
			whole := len(rest) == len(r.phrase)
			switch r.kind {
			case ruleLine:
				if i == 0 && whole {
					hits[r.kind] = r.phrase
				}
			case rulePrefix, ruleSection:
				if i == 0 {
					hits[r.kind] = r.phrase
				}
			default:
				hits[r.kind] = r.phrase
			}
		}
	}
	l.shape = proseShape(&l)
	short := !l.shape || l.words <= maxShortWords
	switch {
	case hits[ruleCaption] != "":
		l.caption = true
		l.bad = "caption: " + hits[ruleCaption]
	case hits[ruleContains] != "":
		l.bad = "contains: " + hits[ruleContains]
	case hits[ruleSection] != "" && short && l.words <= 6:
		l.section = true
		l.bad = "section: " + hits[ruleSection]
	case hits[ruleLine] != "" && short:
		l.bad = "line: " + hits[ruleLine]
	case hits[rulePrefix] != "" && short:
		l.bad = "prefix: " + hits[rulePrefix]
	case hits[ruleMark] != "" && !l.shape:
		l.bad = "mark: " + hits[ruleMark]
	case l.seps > 0 && !l.shape && l.words <= 3*(l.seps+1):
		l.bad = "menu"
	case n.at && l.words < minLongWords:
		l.bad = "e-mail"
	case isByline(str, l):
		l.bad = "byline"
	case str[0] == '(' && str[len(str)-1] == ')' && l.words <= 4:
		l.bad = "credit"
	case galleryCount(str):
		l.caption = true
		l.bad = "caption: gallery"
	}
	return l
}

// galleryCount spots the caption of a photo gallery, which opens with the
// photo's number: "3 of 12 Shoppers queue outside the store".
func galleryCount(s string) bool {
	i := 0
	for i < len(s) && i < 3 && digitAt(s, i) {
		i++
	}
	if i == 0 || !strings.HasPrefix(s[i:], " of ") {
		return false
	}
	j := i + 4
	k := j
	for k < len(s) && k < j+3 && digitAt(s, k) {
		k++
	}
	return k > j && k < len(s) && s[k] == ' '
}

// isByline spots "By NAME | site | date" and "By NAME" lines; "By the end
// of the year, ..." is prose.
func isByline(s string, l line) bool {
	if len(s) < 4 || !(s[0] == 'B' || s[0] == 'b') || !(s[1] == 'y' || s[1] == 'Y') || s[2] != ' ' && s[2] != ':' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[3:], " :"))
	if !unicode.IsUpper(r) {
		return false
	}
	return l.seps > 0 || (!l.endPunct && l.words <= 10)
}

// Text cleans a plain-text page with the default vocabulary.
func Text(raw string) Article { return std.Text(raw) }

// Text cleans a plain-text page: Article.Text is raw unchanged, Body the
// spans of the lines that make up the article, plus its title, dateline,
// page date stamp and language.
//
// The article is taken to be the largest cluster of prose lines: lines with
// enough words, sentence punctuation and English stopwords, in the page's
// main script, and not matched by a boilerplate rule. A cluster may hold up
// to a few other lines between its prose lines (those that read like
// sentences are kept) but does not run across a listing header such as
// "Most Viewed".
func (c *Cleaner) Text(raw string) Article { return c.text(raw, nil) }

// text is Text; repeated, if not nil, tells the lines that recur across
// the site's pages (see Corpus).
func (c *Cleaner) text(raw string, repeated func(line string) bool) Article {
	a, _ := c.analyse(raw, repeated)
	return a
}

// LineNote is the cleaner's verdict on one non-empty line of a page, for
// studying its mistakes.
type LineNote struct {
	Span
	Kept   bool   // the line is in Article.Body
	Title  bool   // the line holds Article.Title
	Prose  bool   // the line reads as running prose
	Reason string // why the line is boilerplate wherever it stands, "" if it is not
}

// Explain cleans raw as Text does and returns the verdict on each line.
func (c *Cleaner) Explain(raw string) (Article, []LineNote) { return c.explain(raw, nil) }

func (c *Cleaner) explain(raw string, repeated func(line string) bool) (Article, []LineNote) {
	a, lines := c.analyse(raw, repeated)
	kept := make(map[int]bool, len(a.Body))
	for _, s := range a.Body {
		kept[s.Start] = true
	}
	notes := make([]LineNote, len(lines))
	for i, l := range lines {
		notes[i] = LineNote{Span: Span{l.start, l.end}, Kept: kept[l.start], Prose: l.prose, Reason: l.bad,
			Title: a.Title != "" && a.TitleSpan.Start == l.start}
	}
	return a, notes
}

// analyse is text, also returning the lines as judged.
func (c *Cleaner) analyse(raw string, repeated func(line string) bool) (Article, []line) {
	a := Article{Text: raw}
	var n lineNorm
	n.buf = make([]byte, 0, 512)
	lines := c.scan(raw, &n, 0)
	if len(lines) == 0 {
		return a, lines
	}
	lang := c.pageLang(&n)
	if lang != 0 {
		// Judge the page again with its own language's function words.
		lines = c.scan(raw, &n, lang)
	}
	if repeated != nil {
		for i := range lines {
			if l := &lines[i]; l.bad == "" && repeated(raw[l.start:l.end]) {
				l.bad = "repeated"
			}
		}
	}
	foreign := markScript(lines)
	c.joinWrapped(raw, lines)
	for i := range lines {
		l := &lines[i]
		l.prose = l.bad == "" && (l.shape || foreign && foreignProse(l))
	}
	first, last := c.mainCluster(raw, lines)
	if first < 0 {
		// No line reads as running prose (a short note, a list of name-heavy
		// sentences): keep the lines that still end like sentences.
		for i := range lines {
			if l := &lines[i]; l.bad == "" && l.endPunct && l.words >= 5 {
				if first < 0 {
					first = i
				}
				last = i
				l.prose = true
			}
		}
		if first < 0 {
			return a, lines
		}
	}
	// A sentence right next to the article belongs to it, though it has
	// too few stopwords to read as prose: a lead that is all names ("Foreign
	// Minister A met Foreign Minister B in C on Tuesday.").
	lead := int(c.m.w[wLeadWords])
	for first > 0 && c.adjacentSentence(raw, &lines[first-1], lead) {
		first--
		lines[first].prose = true
	}
	for last+1 < len(lines) && c.adjacentSentence(raw, &lines[last+1], lead) {
		last++
		lines[last].prose = true
	}
	body := make([]int, 0, last-first+1)
	words, stop := 0, 0
	for i := first; i <= last; i++ {
		if l := &lines[i]; l.prose || l.bad == "" && (sentenceLike(l) || l.words >= 2) {
			body = append(body, i)
			words += l.words
			stop += l.stop
		}
	}
	ti := c.findTitle(raw, lines, body[0], foreign)
	if ti < 0 && len(body) > 1 && titleLike(raw, &lines[body[0]], true) {
		// A headline shaped like a sentence ("Will the talks in Hanoi bring
		// peace?") opens the cluster itself.
		ti, body = body[0], body[1:]
	}
	if ti >= 0 {
		a.TitleSpan = titleSpan(raw, lines[ti])
		a.Title = raw[a.TitleSpan.Start:a.TitleSpan.End]
	}
	a.Body = make([]Span, len(body))
	for k, i := range body {
		a.Body[k] = Span{lines[i].start, lines[i].end}
	}
	c.findStamp(&a, lines, ti, body[0])
	a.Dateline = c.dateline(raw[a.Body[0].Start:a.Body[0].End])
	a.Language = language(raw, a.Body, words, stop, foreign || lang != 0)
	return a, lines
}

// pageLang returns the language (index of Vocabulary.langs) whose function
// words are the most frequent on the page just scanned, English unless
// another clearly leads: a page in Portuguese has few English stopwords
// and its prose would not read as prose.
func (c *Cleaner) pageLang(n *lineNorm) int {
	best := 0
	for i := 1; i < len(c.v.langs); i++ {
		if n.hits[i] > n.hits[best] {
			best = i
		}
	}
	if best != 0 && (n.hits[best] < minLangHits || n.hits[best]*2 < n.hits[0]*3) {
		return 0
	}
	return best
}

// minLangHits is the fewest function words of a language on a page for
// the page to be judged in it.
const minLangHits = 20

// joinWrapped judges hard-wrapped paragraphs as a whole: a run of adjacent
// lines (no blank line between) where every line but the last is a long
// fragment of prose without final punctuation. If the run together is
// shaped like prose, each of its lines is, and each stays its own Body span.
func (c *Cleaner) joinWrapped(text string, lines []line) {
	for i := 0; i < len(lines); {
		j := i
		for j+1 < len(lines) && fragment(&lines[j]) && c.continues(text, &lines[j], &lines[j+1]) {
			j++
		}
		if j > i {
			var sum line
			for k := i; k <= j; k++ {
				l := &lines[k]
				sum.words += l.words
				sum.stop += l.stop
				sum.latin += l.latin
				sum.other += l.other
				sum.upper += l.upper
				sum.lower += l.lower
			}
			sum.endPunct = lines[j].endPunct
			if proseShape(&sum) {
				for k := i; k <= j; k++ {
					lines[k].shape = true
				}
			}
		}
		i = j + 1
	}
}

// continues reports whether next carries on the sentence of l: it follows
// with no blank line, and it opens in lower case or l breaks off after a
// comma, a hyphen or a short function word. A headline directly above the
// first paragraph fails this, so it is not taken for part of it.
func (c *Cleaner) continues(text string, l, next *line) bool {
	if strings.Count(text[l.end:next.start], "\n") != 1 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[next.start:next.end])
	if unicode.IsLower(r) {
		return true
	}
	s := text[l.start:l.end]
	switch s[len(s)-1] {
	case ',', ';', '-':
		return true
	}
	i := strings.LastIndexByte(s, ' ')
	w := strings.ToLower(s[i+1:])
	wi := c.v.words[w]
	return len(w) <= 4 && wi != nil && wi.stop != 0
}

// fragment: a line that may be the start or middle of a wrapped paragraph.
func fragment(l *line) bool {
	return !l.endPunct && !l.shape && l.bad == "" && l.end-l.start >= 40 && l.words >= minProseWords &&
		l.seps == 0 && l.lower >= l.upper && l.stop*100 >= minLongStopPc*l.words
}

// proseShape: enough words, mostly Latin letters in lower case, and enough
// stopwords for its punctuation.
func proseShape(l *line) bool {
	return l.words >= minProseWords && l.latin*10 >= 7*(l.latin+l.other) && l.lower >= l.upper &&
		((l.endPunct && l.stop*100 >= minProseStopPc*l.words) ||
			(l.words >= minLongWords && l.stop*100 >= minLongStopPc*l.words))
}

// markScript decides the page's main script and marks lines mostly in
// another one as boilerplate (spam and menus in another language around an
// English article). It reports whether the page is mostly not in Latin script.
func markScript(lines []line) bool {
	var latin, other int
	for i := range lines {
		latin += lines[i].latin
		other += lines[i].other
	}
	foreign := other > latin
	for i := range lines {
		l := &lines[i]
		if l.bad != "" {
			continue
		}
		if !foreign && l.other > l.latin && l.other >= 2 || foreign && l.latin > l.other && l.latin >= 2 {
			l.bad = "other script"
		}
	}
	return foreign
}

// foreignProse is the prose test for pages not in Latin script, where
// stopwords are not known: long enough and ending like a sentence.
func foreignProse(l *line) bool {
	return l.other >= 20 && (l.endPunct || l.other >= 60)
}

// adjacentSentence: a line that is no boilerplate, of at least minWords
// words, in the page's script and ending like a sentence (not a headline).
func (c *Cleaner) adjacentSentence(text string, l *line, minWords int) bool {
	return l.bad == "" && !l.prose && l.endPunct && l.words >= minWords && l.latin >= l.other &&
		!titleLike(text, l, false)
}

// sentenceLike accepts short lines inside the article that read as a
// sentence ("Talks resume today.") but are too short to count as prose.
func sentenceLike(l *line) bool {
	return l.endPunct && l.words >= 3 && l.lower >= l.upper && l.latin >= l.other
}

// cluster is a run of prose lines that may hold a few other lines.
type cluster struct {
	first, last int
	size        int     // bytes of its prose lines
	split       byte    // why it is apart from the cluster before: 'g' gap, 'o' byline or stamp, 's' listing header
	score       float64 // see Model
}

// mainCluster returns the first and last line index of the article: the
// cluster of prose lines with the best score under the cleaner's Model,
// with the neighbours the model merges into it; -1, -1 if there is no
// prose. A cluster does not run across a listing header, nor across a
// byline or date stamp, which open an article (a teaser above the article
// must not join it), nor across a long gap.
func (c *Cleaner) mainCluster(text string, lines []line) (int, int) {
	var cls []cluster
	first, last, size, gap := -1, -1, 0, 0
	split, pending := byte('g'), byte('g')
	flush := func() {
		if first >= 0 {
			cls = append(cls, cluster{first: first, last: last, size: size, split: split})
			first = -1
		}
	}
	for i := range lines {
		l := &lines[i]
		switch {
		case l.prose:
			if first >= 0 && gap > maxGap {
				flush()
				pending = 'g'
			}
			if first < 0 {
				first, size, split = i, 0, pending
			}
			last = i
			size += l.end - l.start
			gap = 0
		case l.section:
			flush()
			pending = 's'
		case first >= 0 && c.opensArticle(text, l):
			flush()
			pending = 'o'
		case l.bad != "":
			gap += 2 // boilerplate weighs more than a subheading or a short line
		default:
			gap++
		}
	}
	flush()
	if len(cls) == 0 {
		return -1, -1
	}
	c.scoreClusters(text, lines, cls)
	best := 0
	for k := range cls {
		if cls[k].score > cls[best].score {
			best = k
		}
	}
	// Merge neighbours the article was split from by a byline or stamp
	// line (a standfirst above it, the rest of the story below a photo
	// credit with a date), by a long gap (a story broken by a gallery) or
	// by a header ("Read more" links inside the story), when they score
	// nearly as well.
	lo, hi := best, best
	merge := func(k, edge int) bool {
		var th float64
		switch cls[edge].split {
		case 'o':
			th = c.m.w[wMergeOpen]
		case 'g':
			th = c.m.w[wMergeGap]
		default:
			// Never across a header into a listing of headed teasers.
			if _, headed := teaserCount(text, lines, cls[k].first, cls[k].last, 0); headed >= 2 {
				return false
			}
			th = c.m.w[wMergeSection]
		}
		return cls[k].score >= cls[best].score-th
	}
	for lo > 0 && merge(lo-1, lo) {
		lo--
	}
	for hi+1 < len(cls) && merge(hi+1, hi+1) {
		hi++
	}
	return cls[lo].first, cls[hi].last
}

// scoreClusters sets the score of each cluster under the cleaner's Model.
func (c *Cleaner) scoreClusters(text string, lines []line, cls []cluster) {
	w := &c.m.w
	heads := headlines(text, lines)
	opened := -1 << 30 // last byline or stamp line
	k := 0
	for i := range lines {
		if k == len(cls) {
			break
		}
		l := &lines[i]
		if !l.prose && c.opensArticle(text, l) {
			opened = i
		}
		cl := &cls[k]
		if i != cl.first {
			continue
		}
		k++
		score := math.Log(float64(cl.size + 1))
		for _, h := range heads {
			if h < cl.first && c.reach(lines, h, cl.first) <= int(w[wHeadReach]) {
				score += w[wHead]
				break
			}
		}
		if c.reach(lines, opened, cl.first) <= 2 {
			score += w[wOpened]
		}
		if teasers(text, lines, cl.first, cl.last) {
			score += w[wTeaser]
		}
		var prose, cut, stop float64
		for j := cl.first; j <= cl.last; j++ {
			if p := &lines[j]; p.prose {
				prose++
				if strings.HasSuffix(text[p.start:p.end], "...") || strings.HasSuffix(text[p.start:p.end], "…") {
					cut++
				}
				if p.words > 0 {
					stop += float64(p.stop) / float64(p.words)
				}
			}
		}
		score += w[wTrunc]*cut/prose + w[wStop]*stop/prose
		score += w[wPos] * float64(lines[cl.first].start) / float64(len(text))
		cl.score = score
	}
}

// reach counts the lines from line a down to line b that are not
// boilerplate (a headline and the article may be parted by a byline, share
// buttons and a dozen lines of menu). A large number if a is not above b.
func (c *Cleaner) reach(lines []line, a, b int) int {
	if a < 0 || a >= b {
		return 1 << 30
	}
	n := 0
	for i := a + 1; i < b; i++ {
		if lines[i].bad == "" {
			n++
		}
	}
	return n
}

// headlines returns the lines that repeat the page's title: in a page
// dumped to text the first line is usually the document title ("Talks
// resume in Geneva - Example News"), and the headline above the article
// repeats it, with or without the site name.
func headlines(text string, lines []line) []int {
	if len(lines) < 3 {
		return nil
	}
	title := strings.ToLower(text[lines[0].start:lines[0].end])
	head := title
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		if i := strings.LastIndex(head, sep); i >= 20 {
			head = head[:i]
		}
	}
	if len(head) < 15 {
		return nil
	}
	var out []int
	for i := 1; i < len(lines); i++ {
		l := &lines[i]
		if l.end-l.start < 15 || l.end-l.start > 2*len(title) || l.prose {
			continue
		}
		s := strings.ToLower(text[l.start:l.end])
		if s == head || s == title || strings.HasPrefix(s, head) || len(s) >= len(head)/2 && strings.HasPrefix(title, s) {
			out = append(out, i)
		}
	}
	return out
}

// teasers reports a listing of teasers: prose lines that each follow a
// headline-shaped line of their own, three times or more and for most of
// the prose lines of the cluster.
func teasers(text string, lines []line, first, last int) bool {
	prose, headed := teaserCount(text, lines, first, last, first)
	return headed >= 3 && headed*2 >= prose
}

// teaserCount counts the prose lines of lines[first:last+1] and those of
// them that follow a headline-shaped line of their own.
// A line counts as headed only after line from.
func teaserCount(text string, lines []line, first, last, from int) (prose, headed int) {
	for i := first; i <= last; i++ {
		if !lines[i].prose {
			continue
		}
		prose++
		if i > from && !lines[i-1].prose && titleLike(text, &lines[i-1], false) {
			headed++
		}
	}
	return prose, headed
}

// opensArticle reports a byline or a date stamp line.
func (c *Cleaner) opensArticle(text string, l *line) bool {
	if l.bad == "byline" {
		return true
	}
	// A line with an @ and a date is the signature of an embedded post
	// ("— Name (@handle) November 18, 2019"), inside the article.
	if l.prose || l.caption || l.bad == "e-mail" || l.end-l.start > 300 || !hasYear(text[l.start:l.end]) {
		return false
	}
	return c.hasDate(text[l.start:l.end])
}

// hasYear is a quick test for a year 1900-2099, to spare the date patterns
// most lines.
func hasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && digitAt(s, i+2) && digitAt(s, i+3) {
			return true
		}
	}
	return false
}

// findTitle looks back from the first body line for the headline: the
// nearest line shaped like one that is not boilerplate. -1 if none.
func (c *Cleaner) findTitle(text string, lines []line, firstBody int, foreign bool) int {
	for i, k := firstBody-1, 0; i >= 0 && k < titleLookback; i, k = i-1, k+1 {
		l := &lines[i]
		if l.section {
			return -1 // the headline does not sit above a listing header
		}
		if l.bad != "" || l.prose {
			continue
		}
		ok := titleLike(text, l, false)
		if foreign {
			// No capitals or spaces to go by: a short line without final punctuation.
			ok = l.other >= 4 && l.other <= 60 && !l.endPunct && l.latin < l.other
		}
		if ok && !c.hasDate(text[l.start:l.end]) {
			return i
		}
	}
	return -1
}

// titleLike: a few words to a line, in the page's main script, with a
// capital and no final period (a question mark is allowed when the line
// opens the body).
func titleLike(text string, l *line, inBody bool) bool {
	if l.words < 3 || l.words > maxTitleWords || l.upper == 0 || l.latin < l.other || l.end-l.start > 300 {
		return false
	}
	s := text[l.start:l.end]
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case '.', ':', ',', ';', '…':
		return false
	}
	if inBody {
		return last == '?' || last == '!' || !l.endPunct && l.words <= 20
	}
	return true
}

// titleSpan drops a trailing " | Section" or " | Site" from a headline line.
func titleSpan(text string, l line) Span {
	s := text[l.start:l.end]
	if i := strings.Index(s, " | "); i > 0 {
		head, tail := s[:i], s[i+3:]
		if len(strings.Fields(tail)) <= 4 && len(strings.Fields(head)) >= 3 {
			_, e := trimSpan(text, l.start, l.start+i)
			return Span{l.start, e}
		}
	}
	return Span{l.start, l.end}
}
