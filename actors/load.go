package actors

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"parley/caldate"
)

//go:embed data/*.tsv
var defaultData embed.FS

// Tables are the data files a Dictionary is built from, by base name.
// A user file belongs to the table its name starts with ("people-extra.tsv"
// adds to "people").
var Tables = []string{"stop", "states", "igos", "bodies", "titles", "people", "gender", "coref"}

var (
	defaultOnce sync.Once
	defaultDict *Dictionary
	defaultErr  error
)

// Default returns the dictionary built from the embedded data. It is built
// once and is safe for concurrent use. It panics if the embedded data is
// broken, which tests catch.
func Default() *Dictionary {
	defaultOnce.Do(func() {
		b := NewBuilder()
		if defaultErr = b.AddDefault(); defaultErr == nil {
			defaultDict, defaultErr = b.Build()
		}
	})
	if defaultErr != nil {
		panic(defaultErr)
	}
	return defaultDict
}

// Load builds a dictionary from the embedded data plus every *.tsv file at
// the root of fsys whose name starts with a table name (see Tables). User
// rows add to the default ones; a user phrase that repeats a default phrase
// of an earlier table does not replace it.
func Load(fsys fs.FS) (*Dictionary, error) {
	b := NewBuilder()
	if err := b.AddDefault(); err != nil {
		return nil, err
	}
	if err := b.AddFS(fsys); err != nil {
		return nil, err
	}
	return b.Build()
}

// Builder collects table rows and compiles them into a Dictionary.
// The zero Builder is not usable; call NewBuilder.
type Builder struct {
	stops   []stopRow
	states  []stateRow
	igos    []igoRow
	bodies  []bodyRow
	titles  []titleRow
	people  []personRow
	genders [][2]string
	corefs  [][2]string
	sources []string
}

// NewBuilder returns an empty Builder (without the embedded data).
func NewBuilder() *Builder { return &Builder{} }

// AddDefault adds the embedded data files.
func (b *Builder) AddDefault() error { return b.AddFS(defaultData, "data") }

// AddFS adds every *.tsv file in dir (default ".") of fsys whose name starts
// with a table name.
func (b *Builder) AddFS(fsys fs.FS, dir ...string) error {
	d := "."
	if len(dir) > 0 {
		d = dir[0]
	}
	ents, err := fs.ReadDir(fsys, d)
	if err != nil {
		return err
	}
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".tsv") {
			continue
		}
		table := tableOf(e.Name())
		if table == "" {
			continue
		}
		f, err := fsys.Open(path.Join(d, e.Name()))
		if err != nil {
			return err
		}
		err = b.Add(table, f, e.Name())
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func tableOf(name string) string {
	for _, t := range Tables {
		if strings.HasPrefix(name, t) {
			return t
		}
	}
	return ""
}

// Add reads one table ("states", "igos", "people", "titles", "bodies" or
// "stop") from r; name is used in error messages.
func (b *Builder) Add(table string, r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	b.sources = append(b.sources, name)
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if err := b.addRow(table, f); err != nil {
			return fmt.Errorf("actors: %s:%d: %v", name, line, err)
		}
	}
	return sc.Err()
}

func need(f []string, n int) error {
	if len(f) < n {
		return fmt.Errorf("want at least %d columns, have %d", n, len(f))
	}
	return nil
}

func col(f []string, i int) string {
	if i < len(f) {
		return f[i]
	}
	return ""
}

func list(s, sep string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

type stopRow struct{ phrase, kind string }

type stateRow struct {
	code, canonical          string
	names, demonyms, capital []string
}

type igoRow struct {
	code, canonical, sector string
	names                   []string
}

type bodyRow struct {
	phrase, canonical, code, sector, use string
}

type titleRow struct {
	phrase, code, body, sector string
	roles                      []string
}

type personRow struct {
	name, code, sector string
	roles, variants    []string
	start, end         caldate.Date
}

func (b *Builder) addRow(table string, f []string) error {
	switch table {
	case "stop":
		if err := need(f, 2); err != nil {
			return err
		}
		switch f[1] {
		case "block", "notname", "particle", "past":
		default:
			return fmt.Errorf("unknown stop kind %q", f[1])
		}
		b.stops = append(b.stops, stopRow{f[0], f[1]})
	case "states":
		if err := need(f, 2); err != nil {
			return err
		}
		b.states = append(b.states, stateRow{f[0], f[1], list(col(f, 2), "|"), list(col(f, 3), "|"), list(col(f, 4), "|")})
	case "igos":
		if err := need(f, 2); err != nil {
			return err
		}
		if !strings.HasPrefix(f[0], "IGO:") {
			return fmt.Errorf("IGO code %q must start with IGO:", f[0])
		}
		b.igos = append(b.igos, igoRow{f[0], f[1], col(f, 3), list(col(f, 2), "|")})
	case "bodies":
		if err := need(f, 5); err != nil {
			return err
		}
		switch f[4] {
		case "any", "after", "state":
		default:
			return fmt.Errorf("unknown use %q", f[4])
		}
		b.bodies = append(b.bodies, bodyRow{f[0], f[1], f[2], f[3], f[4]})
	case "titles":
		if err := need(f, 2); err != nil {
			return err
		}
		b.titles = append(b.titles, titleRow{phrase: f[0], roles: list(f[1], ";"), code: col(f, 2), body: col(f, 3), sector: col(f, 4)})
	case "people":
		if err := need(f, 5); err != nil {
			return err
		}
		start, err := caldate.Parse(f[4])
		if err != nil {
			return err
		}
		end, err := caldate.Parse(col(f, 5))
		if err != nil {
			return err
		}
		if start.IsZero() {
			return fmt.Errorf("person %q has no start date", f[0])
		}
		if !end.IsZero() && end.Last().Compare(start) < 0 {
			return fmt.Errorf("person %q ends before starting", f[0])
		}
		b.people = append(b.people, personRow{name: f[0], code: f[1], roles: list(f[2], ";"), sector: f[3],
			start: start, end: end, variants: list(col(f, 6), "|")})
	case "gender":
		if err := need(f, 2); err != nil {
			return err
		}
		if f[1] != "f" && f[1] != "m" {
			return fmt.Errorf("gender %q is neither f nor m", f[1])
		}
		b.genders = append(b.genders, [2]string{f[0], f[1]})
	case "coref":
		if err := need(f, 2); err != nil {
			return err
		}
		if !corefKinds[f[1]] {
			return fmt.Errorf("unknown coreference kind %q", f[1])
		}
		b.corefs = append(b.corefs, [2]string{f[0], f[1]})
	default:
		return fmt.Errorf("unknown table %q", table)
	}
	return nil
}

// Build compiles the rows into a Dictionary.
func (b *Builder) Build() (*Dictionary, error) {
	d := &Dictionary{
		vocab:   map[string]int32{},
		edges:   map[uint64]int32{},
		nodes:   make([]node, 1, 4096),
		roleIdx: map[roleKey][]termRef{},
		names:   map[string]string{},
		notName: map[string]bool{},
		particl: map[string]bool{},
		pastMod: map[string]bool{},
	}
	d.apos = d.intern("'")
	d.sTok = d.intern("s")
	d.hyphen = d.intern("-")
	d.ofTok = d.intern("of")
	d.theTok = d.intern("the")

	for _, r := range b.stops {
		switch r.kind {
		case "block":
			d.add(r.phrase, &entry{kind: eStop})
		case "notname":
			d.notName[r.phrase] = true
		case "particle":
			d.particl[r.phrase] = true
		case "past":
			d.pastMod[r.phrase] = true
		}
	}
	for _, r := range b.states {
		// A user table may list more names for a known state; the first
		// canonical name stays.
		if _, ok := d.names[r.code]; !ok {
			d.names[r.code] = r.canonical
		}
		d.add(r.canonical, &entry{kind: eState, code: r.code, actor: r.canonical, sector: "GOV"})
		for _, n := range r.names {
			d.add(n, &entry{kind: eState, code: r.code, actor: r.canonical, sector: "GOV"})
		}
		for _, n := range r.demonyms {
			d.add(n, &entry{kind: eDemonym, code: r.code, actor: r.canonical})
		}
		for _, n := range r.capital {
			d.add(n, &entry{kind: eCapital, code: r.code, actor: n, sector: "GOV"})
		}
		d.stats.States++
	}
	for _, r := range b.igos {
		if _, ok := d.names[r.code]; !ok {
			d.names[r.code] = r.canonical
		}
		sec := r.sector
		if sec == "" {
			sec = "IGO"
		}
		d.add(r.canonical, &entry{kind: eIGO, code: r.code, actor: r.canonical, sector: sec})
		for _, n := range r.names {
			d.add(n, &entry{kind: eIGO, code: r.code, actor: r.canonical, sector: sec})
		}
		d.stats.IGOs++
	}
	for _, r := range b.bodies {
		e := &entry{kind: eBody, code: r.code, actor: r.canonical, sector: r.sector, after: r.use != "any", asState: r.use == "state"}
		d.add(r.phrase, e)
		if lc := strings.ToLower(r.phrase); lc != r.phrase {
			le := *e
			le.after = true
			d.add(lc, &le)
		}
		d.stats.Bodies++
	}
	for _, r := range b.titles {
		t := &title{roles: r.roles, code: r.code, body: r.body, sector: r.sector}
		for _, v := range titleForms(r.phrase) {
			d.add(v, &entry{kind: eTitle, title: t, sector: r.sector})
		}
		d.stats.Titles++
	}
	if err := d.addPeople(b.people); err != nil {
		return nil, err
	}
	d.gender = map[string]byte{}
	for _, g := range b.genders {
		if _, ok := d.gender[g[0]]; !ok {
			d.gender[g[0]] = g[1][0]
		}
	}
	d.corefs = map[string][]corefPhrase{}
	for _, c := range b.corefs {
		d.addCoref(c[0], c[1])
	}
	d.root = make([]int32, len(d.vocab))
	for k, c := range d.edges {
		if k>>32 == 0 {
			d.root[uint32(k)] = c
		}
	}
	d.stats.Nodes = len(d.nodes)
	d.stats.Vocab = len(d.vocab)
	return d, nil
}

// titleForms returns a title as written, in lower case, and capitalised
// (small words kept lower case), since news writes "the Russian president"
// as often as "Russian President".
func titleForms(p string) []string {
	out := []string{p, strings.ToLower(p)}
	w := strings.Fields(p)
	for i, x := range w {
		switch strings.ToLower(x) {
		case "of", "the", "for", "to", "and":
			if i > 0 {
				w[i] = strings.ToLower(x)
				continue
			}
		}
		w[i] = strings.ToUpper(x[:1]) + x[1:]
	}
	return append(out, strings.Join(w, " "))
}

// spelledNameForms adds the usual spellings of East Asian given names:
// "Kim Jong Un" is also written "Kim Jong-un" and "Kim Jong-Un", and
// "Moon Jae-in" also "Moon Jae In".
func spelledNameForms(n string) []string {
	w := strings.Fields(n)
	switch {
	case len(w) == 3 && !strings.Contains(n, "-"):
		a, b := w[1], w[2]
		return []string{
			w[0] + " " + a + "-" + strings.ToLower(b),
			w[0] + " " + a + "-" + b,
		}
	case len(w) == 2 && strings.Count(w[1], "-") == 1:
		p := strings.SplitN(w[1], "-", 2)
		if p[1] == "" {
			return nil
		}
		up := strings.ToUpper(p[1][:1]) + p[1][1:]
		return []string{w[0] + " " + p[0] + " " + up, w[0] + " " + p[0] + "-" + up, w[0] + " " + p[0] + "-" + strings.ToLower(p[1])}
	}
	return nil
}

// eastAsian lists codes whose names put the family name first and use
// hyphenated or spaced given names.
var eastAsian = map[string]bool{"CHN": true, "PRK": true, "KOR": true, "TWN": true, "HKG": true, "MAC": true}

func (d *Dictionary) addPeople(rows []personRow) error {
	idx := map[string]int32{}
	for _, r := range rows {
		key := r.name + "\x00" + r.code
		pi, ok := idx[key]
		if !ok {
			pi = int32(len(d.people))
			idx[key] = pi
			d.people = append(d.people, person{name: r.name, code: r.code})
		}
		p := &d.people[pi]
		t := term{roles: r.roles, sector: r.sector, start: dayNum(r.start), end: endNum(r.end)}
		p.terms = append(p.terms, t)
		for _, v := range r.variants {
			if !contains(p.variants, v) {
				p.variants = append(p.variants, v)
			}
		}
		for _, role := range r.roles {
			k := roleKey{r.code, role}
			d.roleIdx[k] = append(d.roleIdx[k], termRef{pi, int32(len(p.terms) - 1)})
		}
		d.stats.Terms++
	}
	for pi := range d.people {
		p := &d.people[pi]
		forms := append([]string{p.name}, p.variants...)
		if eastAsian[p.code] {
			for _, f := range append([]string(nil), forms...) {
				for _, g := range spelledNameForms(f) {
					if !contains(forms, g) {
						forms = append(forms, g)
					}
				}
			}
		}
		p.forms = forms
		for _, f := range forms {
			toks := d.keyTokens(f)
			if len(toks) == 0 {
				continue
			}
			single := len(toks) == 1
			if single {
				p.surnames = append(p.surnames, f)
			}
			d.addPersonVariant(toks, int32(pi), single)
		}
		sort.SliceStable(p.terms, func(i, j int) bool { return p.terms[i].start < p.terms[j].start })
	}
	// roleIdx refers to term positions before sorting; rebuild it.
	d.roleIdx = map[roleKey][]termRef{}
	for pi := range d.people {
		for ti, t := range d.people[pi].terms {
			for _, role := range t.roles {
				k := roleKey{d.people[pi].code, role}
				d.roleIdx[k] = append(d.roleIdx[k], termRef{int32(pi), int32(ti)})
			}
		}
	}
	d.stats.People = len(d.people)
	return nil
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// dayNum turns the first day of a date into an ordered integer YYYYMMDD.
func dayNum(d caldate.Date) int32 {
	if d.IsZero() {
		return 0
	}
	t := d.Time()
	return int32(t.Year()*10000 + int(t.Month())*100 + t.Day())
}

// endNum is the last day covered by an end date; open ends are far future.
func endNum(d caldate.Date) int32 {
	if d.IsZero() {
		return 99991231
	}
	return dayNum(d.Last())
}
