package actors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/caldate"
)

// TestTitleByDate: the same title names different holders on different
// dates, with a country word in any of its forms.
func TestTitleByDate(t *testing.T) {
	d := Default()
	tests := []struct {
		text, date, actor, code, role string
	}{
		{"the Russian president", "2010-06-01", "Dmitry Medvedev", "RUS", "president"},
		{"the Russian president", "2015-06-01", "Vladimir Putin", "RUS", "president"},
		{"Japan's prime minister", "2005-03-01", "Junichiro Koizumi", "JPN", "prime minister"},
		{"Japan's prime minister", "2022-03-01", "Fumio Kishida", "JPN", "prime minister"},
		{"China's top diplomat", "2010-05-01", "Dai Bingguo", "CHN", "top diplomat"},
		{"China's top diplomat", "2019-05-01", "Yang Jiechi", "CHN", "top diplomat"},
		{"China's top diplomat", "2024-05-01", "Wang Yi", "CHN", "top diplomat"},
		{"the North Korean leader", "2009-01-01", "Kim Jong Il", "PRK", "leader"},
		{"the North Korean leader", "2019-01-01", "Kim Jong Un", "PRK", "leader"},
		{"Moscow's top diplomat", "2020-01-01", "Sergei Lavrov", "RUS", "top diplomat"},
		{"the Chinese defense minister", "2023-04-15", "Li Shangfu", "CHN", "defence minister"},
		{"the Chinese defense minister", "2024-04-15", "Dong Jun", "CHN", "defence minister"},
		{"the British foreign secretary", "2003-01-01", "Jack Straw", "GBR", "foreign secretary"},
		{"the U.S. Secretary of State", "2006-01-01", "Condoleezza Rice", "USA", "foreign minister"},
		{"India's national security adviser", "2016-01-01", "Ajit Doval", "IND", "national security adviser"},
		{"Iran's supreme leader", "2001-01-01", "Ali Khamenei", "IRN", "supreme leader"},
		{"the German chancellor", "2003-01-01", "Gerhard Schroeder", "DEU", "chancellor"},
		{"the Turkish prime minister", "2010-01-01", "Recep Tayyip Erdogan", "TUR", "prime minister"},
	}
	for _, tc := range tests {
		got := d.Lookup(tc.text, caldate.MustParse(tc.date))
		if len(got) != 1 || got[0].Actor != tc.actor || got[0].Code != tc.code || got[0].Role != tc.role || got[0].Kind != Person {
			t.Errorf("%q on %s = %s role %q; want %s (%s, %s)", tc.text, tc.date, dump(got), roleOf(got), tc.actor, tc.code, tc.role)
		}
	}
}

func roleOf(ms []Mention) string {
	if len(ms) == 0 {
		return ""
	}
	return ms[0].Role + "/" + ms[0].Sector
}

// TestNamesAndSectors: variants resolve to one person, whose role and
// sector depend on the date.
func TestNamesAndSectors(t *testing.T) {
	d := Default()
	tests := []struct {
		name, date, actor, code, role, sector string
	}{
		{"Kim Yong Chol", "2018-05-31", "Kim Yong Chol", "PRK", "vice chairman of the Workers' Party", "GOV"},
		{"Kim Yong-chol", "2012-05-31", "Kim Yong Chol", "PRK", "director of the Reconnaissance General Bureau", "SPY"},
		{"Sergey Shoigu", "2015-01-01", "Sergei Shoigu", "RUS", "defence minister", "MIL"},
		{"Sergei Shoigu", "2025-01-01", "Sergei Shoigu", "RUS", "secretary of the Security Council", "GOV"},
		{"Kim Jong-il", "2005-01-01", "Kim Jong Il", "PRK", "supreme leader", "GOV"},
		{"Ban Ki-moon", "2005-01-01", "Ban Ki-moon", "KOR", "foreign minister", "GOV"},
		{"Ban Ki-moon", "2010-01-01", "Ban Ki-moon", "IGO:UN", "secretary-general", "IGO"},
		{"Nancy Pelosi", "2020-01-01", "Nancy Pelosi", "USA", "speaker", "LEG"},
		{"Jean-Yves Le Drian", "2014-01-01", "Jean-Yves Le Drian", "FRA", "defence minister", "MIL"},
		{"Mohammad Bagher Ghalibaf", "2021-01-01", "Mohammad Bagher Ghalibaf", "IRN", "speaker", "LEG"},
	}
	for _, tc := range tests {
		got := d.Lookup(tc.name, caldate.MustParse(tc.date))
		if len(got) != 1 || got[0].Actor != tc.actor || got[0].Code != tc.code || got[0].Role != tc.role || got[0].Sector != tc.sector {
			t.Errorf("%q on %s = %s %s; want %s %s %q %s", tc.name, tc.date, dump(got), roleOf(got), tc.actor, tc.code, tc.role, tc.sector)
		}
	}
}

// TestSurnameAfterFullName: a surname shared by several people resolves to
// the one named earlier in the document.
func TestSurnameAfterFullName(t *testing.T) {
	d := Default()
	text := "Wang Yi met Kim Yo Jong. Later Kim spoke to Wang about the visit."
	got := d.Document(caldate.MustParse("2024-03-01")).Find(text)
	check(t, "surname", got, text, []want{
		{"Wang Yi", "CHN", Person, "Wang Yi", ""},
		{"Kim Yo Jong", "PRK", Person, "Kim Yo Jong", ""},
		{"Kim", "PRK", Person, "Kim Yo Jong", ""},
		{"Wang", "CHN", Person, "Wang Yi", ""},
	})
}

func TestExplain(t *testing.T) {
	d := Default()
	ex := d.Explain("Kim Yong Chol", caldate.MustParse("2018-05-31"))
	if len(ex.Mentions) != 1 || ex.Mentions[0].Actor != "Kim Yong Chol" {
		t.Fatalf("mentions: %s", dump(ex.Mentions))
	}
	if len(ex.People) < 2 || !ex.People[0].Chosen || ex.People[0].Name != "Kim Yong Chol" {
		t.Fatalf("people: %+v", ex.People)
	}
	active := 0
	for _, tm := range ex.People[0].Terms {
		if tm.Active {
			active++
		}
	}
	if active == 0 {
		t.Errorf("no term active on the date: %+v", ex.People[0].Terms)
	}
	if !strings.Contains(ex.Reason, "2018-05-31") {
		t.Errorf("reason %q", ex.Reason)
	}
	// Other Kims are listed as alternatives, not chosen.
	for _, c := range ex.People[1:] {
		if c.Chosen {
			t.Errorf("%s also chosen", c.Name)
		}
	}
	if ex := d.Explain("Zyxwv Qwerty", caldate.Date{}); len(ex.Mentions) != 0 || ex.Reason != "not in the dictionary" {
		t.Errorf("unknown name: %+v", ex)
	}
}

func TestCoref(t *testing.T) {
	d := Default()
	sents := []struct {
		text string
		want map[string]string // anaphor text -> actor(s) it resolves to, joined with "+"
	}{
		{"Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing.", nil},
		{"The two sides discussed trade, and he said ties were stable.", map[string]string{"The two sides": "Wang Yi+Antony Blinken", "he": "Antony Blinken"}},
		{"Foreign Ministry spokeswoman Mao Ning later briefed reporters.", nil},
		{"She said the ministry welcomed the talks, and the spokeswoman added little.", map[string]string{"She": "Mao Ning", "the ministry": "Foreign Ministry", "the spokeswoman": "Mao Ning"}},
		{"The minister flew home.", map[string]string{"The minister": "Antony Blinken"}},
	}
	c := d.Coref()
	m := d.Document(caldate.MustParse("2023-06-19"))
	for i, s := range sents {
		refs := c.Find(s.text)
		got := map[string]string{}
		for _, r := range refs {
			var names []string
			for _, x := range r.Refs {
				names = append(names, x.Actor)
			}
			got[r.Text] = strings.Join(names, "+")
			if s.text[r.Start:r.End] != r.Text {
				t.Errorf("sentence %d: bad offsets for %q", i, r.Text)
			}
		}
		for k, v := range s.want {
			if got[k] != v {
				t.Errorf("sentence %d: %q -> %q, want %q (all: %v)", i, k, got[k], v, got)
			}
		}
		c.Observe(m.Find(s.text))
	}
	// The ministry mentioned without a country takes the last state's code.
	if r := c.Resolve("ministry"); len(r) != 1 || r[0].Code != "CHN" && r[0].Code != "USA" {
		t.Errorf("ministry -> %s", dump(r))
	}
	if r := d.Coref().Resolve("he"); r != nil {
		t.Errorf("empty document resolves he to %s", dump(r))
	}
}

// sampleCAMEO is written for this test in the PETRARCH actor syntax.
const sampleCAMEO = `# a small actor file in the CAMEO syntax
FREEDONIA_  [FRD]
+FREEDONIAN_
+FREEDONIAN_REPUBLIC
RUFUS_T._FIREFLY_  # the country's leader
+PRESIDENT_FIREFLY_
	[FRDGOV 330101-331231]
	[FRDELI >340101]
	[FRDGOV]
BAN_KI-MOON_
	[KORGOV 040117-061109]
	[IGOUNO 070101-161231]
FREEDONIAN_ARMY_ [FRDMIL]
+FREEDONIA_ARMED_FORCES
THE_LEAGUE_OF_PLANETS_ [IGOLOP]
BASHAR_AL-ASSAD_
	[SYRGOV <241208]
BROKEN_ENTRY_
	[FRDGOV 991301-000101]
`

func TestImportCAMEO(t *testing.T) {
	im := NewCAMEOImport(Default().Name)
	if err := im.Read(strings.NewReader(sampleCAMEO), "sample.actors.txt"); err != nil {
		t.Fatal(err)
	}
	join := func(rows [][]string) string {
		var b []string
		for _, r := range rows {
			b = append(b, strings.Join(r, "|"))
		}
		return strings.Join(b, "\n")
	}
	for _, w := range []struct{ table, got, want string }{
		{"people", join(im.People), strings.Join([]string{
			"Rufus T. Firefly|FRD|government official|GOV|1933-01-01|1933-12-31|President Firefly",
			"Rufus T. Firefly|FRD|elite|ELI|1934-01-01||President Firefly",
			"Ban Ki-Moon|KOR|government official|GOV|2004-01-17|2006-11-09|Ban Ki-moon",
			"Ban Ki-Moon|IGO:UN|official|IGO|2007-01-01|2016-12-31|Ban Ki-moon",
			"Bashar al-Assad|SYR|government official|GOV|1900|2024-12-08|"}, "\n")},
		{"states", join(im.States), "FRD|Freedonia|Freedonia|Freedonian|Freedonian Republic||"},
		{"bodies", join(im.Bodies), "Freedonian Army|Freedonian Army|FRD|MIL|any\nFreedonia Armed Forces|Freedonian Army|FRD|MIL|any"},
		{"igos", join(im.IGOs), "IGO:LOP|The League of Planets|The League of Planets|IGO"},
	} {
		if w.got != w.want {
			t.Errorf("%s:\n%s\nwant\n%s", w.table, w.got, w.want)
		}
	}
	if len(im.Skipped) != 2 || !strings.Contains(strings.Join(im.Skipped, " "), "991301") {
		t.Errorf("skipped: %q", im.Skipped)
	}

	// Written out and loaded on top of the default dictionary.
	dir := t.TempDir()
	paths, err := im.WriteTSV(dir, "sample")
	if err != nil || len(paths) != 4 {
		t.Fatalf("WriteTSV: %v %v", paths, err)
	}
	d, err := LoadUser(dir)
	if err != nil {
		t.Fatal(err)
	}
	text := "President Firefly of Freedonia met Ban Ki-moon; the Freedonian Army and the Kremlin watched."
	got := d.Document(caldate.MustParse("1933-06-01")).Find(text)
	check(t, "imported", got, text, []want{
		{"President Firefly", "FRD", Person, "Rufus T. Firefly", "government official"},
		{"Freedonia", "FRD", State, "", ""},
		{"Freedonian Army", "FRD", Body, "Freedonian Army", ""},
		{"Kremlin", "RUS", Capital, "", ""},
	})
	if n := d.Name("KOR"); n != "South Korea" {
		t.Errorf("imported tables changed a default name: KOR = %q", n)
	}
	// A missing directory gives the default dictionary.
	if d2, err := LoadUser(filepath.Join(dir, "none")); err != nil || d2 != Default() {
		t.Errorf("LoadUser(missing) = %v, %v", d2, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "people-sample.tsv")); err != nil {
		t.Error(err)
	}
}
