package actors

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// This file reads PETRARCH/TABARI (CAMEO) actor dictionaries and turns them
// into rows of our own tables, so that a user can extend the built-in
// dictionary with them.
//
// The CAMEO syntax, as far as it matters here:
//
//	NAME_WITH_UNDERSCORES_  [CODE]        an entry, optionally with its code on the same line
//	+OTHER_NAME_                          a synonym of the entry above
//		[USAGOV 010120-090120]            a code with a date range (YYMMDD or YYYYMMDD)
//		[USAGOV >090120]                  ... from a date on
//		[USAGOV <090120]                  ... until a date
//	# comment                             anywhere on a line
//
// A code is a three-letter country (or "IGO" and an organisation code)
// followed by three-letter agent codes (GOV, MIL, ELI, ...). Entries with
// dated codes become people (one term per dated code); undated entries
// become states (a bare country code), IGOs, or bodies (a country and an
// agent: "AFGHAN_NATIONAL_ARMY [AFGMIL]").

// CAMEOImport holds the rows read from CAMEO actor files, in our formats.
type CAMEOImport struct {
	People, States, IGOs, Bodies [][]string // TSV rows of each table
	Skipped                      []string   // lines or codes that were not understood, with reasons
	names                        func(code string) string
}

// cameoIGO maps CAMEO organisation codes (the letters after "IGO", in
// three-letter groups) to our IGO acronyms. Unknown ones keep their CAMEO
// letters: "IGO:XYZ".
var cameoIGO = map[string]string{
	"UNO": "UN", "NAT": "NATO", "EEC": "EU", "ASN": "ASEAN", "OPC": "OPEC", "WTO": "WTO",
	"WHO": "WHO", "IAE": "IAEA", "IMF": "IMF", "WBK": "WB", "ARL": "ARL", "GCC": "GCC",
	"AFU": "AU", "SCO": "SCO", "OAS": "OAS", "OSC": "OSCE", "ICC": "ICC", "ICJ": "ICJ",
}

// cameoRole names the role an agent code stands for in people rows.
var cameoRole = map[string]string{
	"GOV": "government official", "MIL": "military officer", "LEG": "legislator", "JUD": "judge",
	"ELI": "elite", "SPY": "intelligence official", "COP": "police official", "BUS": "business",
	"MED": "media", "OPP": "opposition", "REB": "rebel", "PTY": "party official", "IGO": "official",
}

// NewCAMEOImport starts an import; names gives the canonical name of a
// known code (typically Dictionary.Name of the default dictionary), so that
// imported state names join the existing states.
func NewCAMEOImport(names func(code string) string) *CAMEOImport {
	if names == nil {
		names = func(string) string { return "" }
	}
	return &CAMEOImport{names: names}
}

type cameoEntry struct {
	names []string
	codes []cameoCode
	line  int
}

type cameoCode struct {
	code       string
	start, end string // our date syntax; empty when open
	dated      bool
}

// Read adds the entries of one CAMEO actor file; name is used in messages.
func (im *CAMEOImport) Read(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var cur *cameoEntry
	flush := func() {
		if cur != nil && len(cur.names) > 0 {
			im.addEntry(cur, name)
		}
		cur = nil
	}
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		indented := s[0] == ' ' || s[0] == '\t'
		s = strings.TrimSpace(s)
		head, codes := s, ""
		if i := strings.IndexByte(s, '['); i >= 0 {
			head, codes = strings.TrimSpace(s[:i]), s[i:]
		}
		switch {
		case head == "":
			// A code line for the current entry.
		case strings.HasPrefix(head, "+"):
			if cur == nil {
				im.Skipped = append(im.Skipped, fmt.Sprintf("%s:%d: synonym without an entry", name, line))
				continue
			}
			cur.names = append(cur.names, cameoName(head[1:]))
		case indented && cur != nil:
			cur.names = append(cur.names, cameoName(head))
		default:
			flush()
			cur = &cameoEntry{names: []string{cameoName(head)}, line: line}
		}
		if codes != "" {
			if cur == nil {
				im.Skipped = append(im.Skipped, fmt.Sprintf("%s:%d: code without an entry", name, line))
				continue
			}
			for _, c := range strings.Split(codes, "[")[1:] {
				c = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(c), "]"))
				cc, err := parseCAMEOCode(c)
				if err != nil {
					im.Skipped = append(im.Skipped, fmt.Sprintf("%s:%d: %v", name, line, err))
					continue
				}
				if cc.code != "" {
					cur.codes = append(cur.codes, cc)
				}
			}
		}
	}
	flush()
	return sc.Err()
}

// parseCAMEOCode reads "USAGOV 010120-090120", ">090120", "<090120" or a
// bare code. "---" (no code) gives an empty code and no error.
func parseCAMEOCode(s string) (cameoCode, error) {
	f := strings.Fields(strings.TrimSuffix(s, "]"))
	if len(f) == 0 || strings.Trim(f[0], "-~") == "" {
		return cameoCode{}, nil
	}
	cc := cameoCode{code: strings.ToUpper(f[0])}
	if len(cc.code) < 3 || len(cc.code)%3 != 0 {
		return cc, fmt.Errorf("code %q is not in three-letter groups", f[0])
	}
	if len(f) == 1 {
		return cc, nil
	}
	r := f[1]
	cc.dated = true
	var err error
	switch {
	case strings.HasPrefix(r, ">"):
		cc.start, err = cameoDate(r[1:])
	case strings.HasPrefix(r, "<"):
		cc.start = "1900"
		cc.end, err = cameoDate(r[1:])
	default:
		a, b, ok := strings.Cut(r, "-")
		if !ok {
			return cc, fmt.Errorf("date range %q", r)
		}
		if cc.start, err = cameoDate(a); err == nil {
			cc.end, err = cameoDate(b)
		}
	}
	if err == nil && cc.end != "" && cc.end < cc.start {
		err = fmt.Errorf("range %q ends before it starts", r)
	}
	return cc, err
}

// cameoDate turns YYMMDD or YYYYMMDD into YYYY-MM-DD. Two-digit years
// below 30 are read as 20YY, the rest as 19YY (the dictionaries were last
// revised in the 2010s and reach back to the 1930s).
func cameoDate(s string) (string, error) {
	orig := s
	var y int
	switch len(s) {
	case 6:
		yy, err := strconv.Atoi(s[:2])
		if err != nil {
			return "", fmt.Errorf("date %q", s)
		}
		y = 1900 + yy
		if yy < 30 {
			y = 2000 + yy
		}
		s = s[2:]
	case 8:
		var err error
		if y, err = strconv.Atoi(s[:4]); err != nil {
			return "", fmt.Errorf("date %q", s)
		}
		s = s[4:]
	default:
		return "", fmt.Errorf("date %q is neither YYMMDD nor YYYYMMDD", s)
	}
	m, err1 := strconv.Atoi(s[:2])
	d, err2 := strconv.Atoi(s[2:])
	if err1 != nil || err2 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", fmt.Errorf("date %q", orig)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), nil
}

// cameoName turns "BAN_KI-MOON_" into "Ban Ki-Moon": underscores are
// spaces, words are capitalised (also after a hyphen or apostrophe) and
// particles inside a name stay lower case ("Bashar al-Assad").
func cameoName(s string) string {
	s = strings.Trim(strings.TrimSpace(s), "_")
	words := strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' })
	for i, w := range words {
		words[i] = cameoWord(strings.ToLower(w), i > 0)
	}
	return strings.Join(words, " ")
}

var cameoParticles = map[string]bool{"al": true, "el": true, "bin": true, "ibn": true, "de": true, "da": true,
	"del": true, "der": true, "van": true, "von": true, "la": true, "le": true, "du": true, "dos": true, "das": true, "of": true, "the": true, "and": true}

func cameoWord(w string, inner bool) string {
	parts := strings.Split(w, "-")
	for j, p := range parts {
		if inner && j == 0 && cameoParticles[p] {
			continue
		}
		b := []byte(p)
		for k := range b {
			if b[k] >= 'a' && b[k] <= 'z' && (k == 0 || b[k-1] == '\'' || b[k-1] == '.') {
				b[k] -= 'a' - 'A'
			}
		}
		parts[j] = string(b)
	}
	return strings.Join(parts, "-")
}

// nameForms adds, for hyphenated names, the form with a lower-case part
// after the hyphen ("Ban Ki-moon"), which is how news writes Korean names.
func nameForms(names []string) []string {
	var out []string
	add := func(s string) {
		if s != "" && !contains(out, s) {
			out = append(out, s)
		}
	}
	for _, n := range names {
		add(n)
		w := strings.Fields(n)
		if len(w) > 1 && strings.Contains(w[len(w)-1], "-") && !cameoParticles[strings.SplitN(w[len(w)-1], "-", 2)[0]] {
			a, b, _ := strings.Cut(w[len(w)-1], "-")
			w[len(w)-1] = a + "-" + strings.ToLower(b)
			add(strings.Join(w, " "))
		}
	}
	return out
}

// splitCAMEO splits a CAMEO code into our code and its sector: "USAGOV" ->
// "USA", "GOV"; "IGOUNO" -> "IGO:UN", "IGO".
func splitCAMEO(code string) (string, string) {
	if strings.HasPrefix(code, "IGO") && len(code) >= 6 {
		for i := 3; i+3 <= len(code); i += 3 {
			if a, ok := cameoIGO[code[i:i+3]]; ok {
				return "IGO:" + a, "IGO"
			}
		}
		return "IGO:" + code[3:6], "IGO"
	}
	if len(code) == 3 {
		return code, ""
	}
	return code[:3], code[3:6]
}

func (im *CAMEOImport) addEntry(e *cameoEntry, file string) {
	forms := nameForms(e.names)
	canon := forms[0]
	variants := strings.Join(forms[1:], "|")
	dated := false
	for _, c := range e.codes {
		dated = dated || c.dated
	}
	if len(e.codes) == 0 {
		im.Skipped = append(im.Skipped, fmt.Sprintf("%s:%d: %s has no code", file, e.line, canon))
		return
	}
	if dated {
		for _, c := range e.codes {
			if !c.dated {
				// An undated code next to dated ones is TABARI's fallback
				// for other dates; a term needs a start, so it is left out.
				continue
			}
			code, agent := splitCAMEO(c.code)
			sector := agent
			if sector == "" {
				sector = "GOV"
			}
			role := cameoRole[sector]
			if role == "" {
				role = strings.ToLower(sector)
			}
			im.People = append(im.People, []string{canon, code, role, sector, c.start, c.end, variants})
		}
		return
	}
	c := e.codes[0]
	code, agent := splitCAMEO(c.code)
	switch {
	case strings.HasPrefix(code, "IGO:"):
		im.IGOs = append(im.IGOs, []string{code, im.canonical(code, canon), strings.Join(forms, "|"), "IGO"})
	case agent == "":
		im.States = append(im.States, []string{code, im.canonical(code, canon), strings.Join(forms, "|"), "", ""})
	default:
		for _, f := range forms {
			im.Bodies = append(im.Bodies, []string{f, canon, code, agent, "any"})
		}
	}
}

func (im *CAMEOImport) canonical(code, fallback string) string {
	if n := im.names(code); n != "" {
		return n
	}
	return fallback
}

// WriteTSV writes the imported rows as table files in dir (created if
// needed), named "<table>-<tag>.tsv" so that Load picks them up and
// imports with different tags do not overwrite each other. It returns the
// paths written.
func (im *CAMEOImport) WriteTSV(dir, tag string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	tables := []struct {
		table, header string
		rows          [][]string
	}{
		{"people", "name\tcode\troles\tsector\tstart\tend\tvariants", im.People},
		{"states", "code\tcanonical\tnames\tdemonyms\tseats", im.States},
		{"igos", "code\tcanonical\tnames\tsector", im.IGOs},
		{"bodies", "phrase\tcanonical\tcode\tsector\tuse", im.Bodies},
	}
	var paths []string
	for _, t := range tables {
		if len(t.rows) == 0 {
			continue
		}
		rows := append([][]string(nil), t.rows...)
		sort.SliceStable(rows, func(i, j int) bool { return rows[i][0] < rows[j][0] })
		var b strings.Builder
		fmt.Fprintf(&b, "# %s table imported from CAMEO actor dictionaries by 'parley actors import' (see actors/data/%s.tsv)\n# %s\n", t.table, t.table, t.header)
		for _, r := range rows {
			for i := range r {
				r[i] = strings.ReplaceAll(r[i], "\t", " ")
			}
			b.WriteString(strings.Join(r, "\t"))
			b.WriteByte('\n')
		}
		p := filepath.Join(dir, t.table+"-"+tag+".tsv")
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			return paths, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// UserDir is where user dictionaries live by default: $PARLEY_ACTORS if
// set, else ~/.parley/actors.
func UserDir() string {
	if d := os.Getenv("PARLEY_ACTORS"); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(".parley", "actors")
	}
	return filepath.Join(home, ".parley", "actors")
}

// LoadUser returns the default dictionary extended with the *.tsv tables
// in dir (see Load). A missing dir is not an error: the default dictionary
// is returned as is.
func LoadUser(dir string) (*Dictionary, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return Default(), nil
	}
	return Load(os.DirFS(dir))
}
