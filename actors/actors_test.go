package actors

import (
	"strings"
	"testing"
	"testing/fstest"

	"parley/caldate"
)

// want describes one expected mention: the text it spans, and its code,
// kind, actor and (for people) role. Empty Actor/Role are not checked.
type want struct {
	text  string
	code  string
	kind  Kind
	actor string
	role  string
}

func check(t *testing.T, name string, got []Mention, text string, ws []want) {
	t.Helper()
	for _, w := range ws {
		found := false
		for _, g := range got {
			if g.Text != w.text {
				continue
			}
			found = true
			if g.Code != w.code || g.Kind != w.kind || (w.actor != "" && g.Actor != w.actor) || (w.role != "" && g.Role != w.role) {
				t.Errorf("%s: %q -> %s %q %q %q; want %s %q %q %q", name, w.text, g.Kind, g.Code, g.Actor, g.Role, w.kind, w.code, w.actor, w.role)
			}
			if text[g.Start:g.End] != g.Text {
				t.Errorf("%s: offsets %d:%d give %q, Text is %q", name, g.Start, g.End, text[g.Start:g.End], g.Text)
			}
		}
		if !found {
			t.Errorf("%s: no mention %q in %s", name, w.text, dump(got))
		}
	}
}

func dump(ms []Mention) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString("[" + m.Text + " " + m.Kind.String() + " " + m.Code + " " + m.Actor + "]")
	}
	return b.String()
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		date string
		text string
		want []want
		none []string // texts that must not be a mention
	}{
		{"states and variants", "2019-01-10",
			"The United States of America, the U.S. and Russia's ally the DPRK met the Republic of Korea and the People’s Republic of China.",
			[]want{{"United States of America", "USA", State, "United States", ""}, {"U.S.", "USA", State, "", ""},
				{"Russia", "RUS", State, "", ""}, {"DPRK", "PRK", State, "North Korea", ""},
				{"Republic of Korea", "KOR", State, "South Korea", ""}, {"People’s Republic of China", "CHN", State, "China", ""}},
			nil},
		{"metonymy", "2020-05-05",
			"The Kremlin rejected a note from Washington, while Beijing and Pyongyang stayed quiet and the Blue House in Seoul waited.",
			[]want{{"Kremlin", "RUS", Capital, "", ""}, {"Washington", "USA", Capital, "", ""}, {"Beijing", "CHN", Capital, "", ""},
				{"Pyongyang", "PRK", Capital, "", ""}, {"Blue House", "KOR", Capital, "", ""}, {"Seoul", "KOR", Capital, "", ""}},
			nil},
		{"stop phrases", "2018-01-01",
			"Tension on the Korean Peninsula and in the South China Sea was the topic; the New York Times and Air China were not involved in the Korean War.",
			nil,
			[]string{"Korean", "China", "New York", "Korean Peninsula", "South China Sea"}},
		{"case and words", "2018-01-01",
			"She bought fine china and roast turkey; Chinatown and Russians are different words.",
			[]want{{"Russians", "RUS", Demonym, "", ""}},
			[]string{"china", "turkey", "Chinatown"}},
		{"possessive and hyphen", "2019-03-01",
			"Russia's envoy backed the U.S.-led plan and Sino-U.S. ties, said Japan’s minister.",
			[]want{{"Russia", "RUS", State, "", ""}, {"U.S.", "USA", State, "", ""}, {"Sino", "CHN", Demonym, "", ""}, {"Japan", "JPN", State, "", ""}},
			[]string{"Russia's", "Japan’s"}},
		{"title and name", "2017-10-31",
			"Russian President Vladimir Putin met U.S. Secretary of State Rex Tillerson; Foreign Ministry spokesman Geng Shuang and North Korean leader Kim Jong-un commented. China's President Xi Jinping also spoke.",
			[]want{{"Russian President Vladimir Putin", "RUS", Person, "Vladimir Putin", "president"},
				{"U.S. Secretary of State Rex Tillerson", "USA", Person, "Rex Tillerson", "foreign minister"},
				{"Foreign Ministry spokesman Geng Shuang", "CHN", Person, "Geng Shuang", "foreign ministry spokesperson"},
				{"North Korean leader Kim Jong-un", "PRK", Person, "Kim Jong Un", "leader"},
				{"China's President Xi Jinping", "CHN", Person, "Xi Jinping", "president"}},
			nil},
		{"title alone resolves by date 2016", "2016-06-01", "The U.S. president called the Japanese prime minister.",
			[]want{{"U.S. president", "USA", Person, "Barack Obama", "president"}, {"Japanese prime minister", "JPN", Person, "Shinzo Abe", "prime minister"}}, nil},
		{"title alone resolves by date 2018", "2018-06-01", "The U.S. president called the Japanese prime minister.",
			[]want{{"U.S. president", "USA", Person, "Donald Trump", ""}, {"Japanese prime minister", "JPN", Person, "Shinzo Abe", ""}}, nil},
		{"title alone resolves by date 2022", "2022-06-01", "The U.S. president called the Japanese prime minister.",
			[]want{{"U.S. president", "USA", Person, "Joe Biden", ""}, {"Japanese prime minister", "JPN", Person, "Fumio Kishida", ""}}, nil},
		{"defence minister 2023-04", "2023-04", "China's defence minister flew to Moscow.",
			[]want{{"China's defence minister", "CHN", Person, "Li Shangfu", "defence minister"}}, nil},
		{"defence minister 2024", "2024-06-15", "China's defence minister flew to Moscow.",
			[]want{{"China's defence minister", "CHN", Person, "Dong Jun", ""}}, nil},
		{"top diplomat and leader", "2024-03-01", "China's top diplomat met the North Korean leader and the Iranian leader.",
			[]want{{"China's top diplomat", "CHN", Person, "Wang Yi", "top diplomat"}, {"North Korean leader", "PRK", Person, "Kim Jong Un", ""},
				{"Iranian leader", "IRN", Person, "Ali Khamenei", ""}}, nil},
		{"president-elect is not the holder", "2016-11-20", "U.S. President-elect Donald Trump spoke; the former Japanese prime minister did too.",
			[]want{{"U.S. President-elect Donald Trump", "USA", Person, "Donald Trump", ""}}, []string{"Japanese prime minister"}},
		{"unknown name after demonym and title", "2017-08-20",
			"Japanese Envoy Hiroshi Tanakura and Philippine Foreign Secretary Alan Cayetano met. Later Cayetano left.",
			[]want{{"Japanese Envoy Hiroshi Tanakura", "JPN", Person, "Hiroshi Tanakura", ""},
				{"Philippine Foreign Secretary Alan Cayetano", "PHL", Person, "Alan Cayetano", "foreign secretary"},
				{"Cayetano", "PHL", Person, "Alan Cayetano", ""}}, nil},
		{"side, bodies and context", "2019-04-24",
			"The Chinese side agreed. Russia's foreign ministry said so, the Foreign Ministry added, the State Department and the Pentagon disagreed, and KCNA reported it. A Russian Security Council meeting followed; the Security Council voted.",
			[]want{{"Chinese side", "CHN", State, "China", ""}, {"Russia's foreign ministry", "RUS", Body, "Foreign Ministry", ""},
				{"Foreign Ministry", "", Body, "Foreign Ministry", ""}, {"State Department", "USA", Body, "", ""},
				{"Pentagon", "USA", Body, "", ""}, {"KCNA", "PRK", Body, "", ""},
				{"Russian Security Council", "RUS", Body, "Security Council", ""}, {"Security Council", "IGO:UN", IGO, "UN Security Council", ""}}, nil},
		{"igos", "2018-06-01",
			"The U.N. Security Council, NATO, the Shanghai Cooperation Organization and APEC met; UN Secretary-General Antonio Guterres spoke.",
			[]want{{"U.N. Security Council", "IGO:UN", IGO, "UN Security Council", ""}, {"NATO", "IGO:NATO", IGO, "", ""},
				{"Shanghai Cooperation Organization", "IGO:SCO", IGO, "", ""}, {"APEC", "IGO:APEC", IGO, "", ""},
				{"UN Secretary-General Antonio Guterres", "IGO:UN", Person, "Antonio Guterres", "secretary-general"}}, nil},
		{"demonyms", "2017-11-01", "Chinese banks cut ties; Russian air power and the Saudi-led coalition were blamed.",
			[]want{{"Chinese", "CHN", Demonym, "China", ""}, {"Russian", "RUS", Demonym, "", ""}, {"Saudi", "SAU", Demonym, "", ""}}, nil},
		{"ambiguous surname by date", "2018-05-01", "Li said the talks went well.",
			nil, []string{"Li"}},
		{"premier Li by role", "2018-05-01", "Chinese Premier Li spoke.",
			[]want{{"Chinese Premier Li", "CHN", Person, "Li Keqiang", "premier"}}, nil},
		{"surname alone unambiguous", "2019-02-01", "Putin and Abe met; Moon called.",
			[]want{{"Putin", "RUS", Person, "Vladimir Putin", ""}, {"Abe", "JPN", Person, "Shinzo Abe", ""}, {"Moon", "KOR", Person, "Moon Jae-in", ""}}, nil},
		{"state councilor and foreign minister", "2019-09-01", "Chinese State Councilor and Foreign Minister Wang Yi arrived.",
			[]want{{"Chinese State Councilor and Foreign Minister Wang Yi", "CHN", Person, "Wang Yi", "foreign minister"}}, nil},
		{"ambassador by posting", "2019-06-01", "The Chinese Ambassador to the United States met China's ambassador in Seoul.",
			[]want{{"Chinese Ambassador to the United States", "CHN", Person, "Cui Tiankai", "ambassador to the United States"},
				{"China", "CHN", State, "", ""}}, []string{"China's ambassador"}},
		{"title of state", "2021-03-01", "The President of Russia and the Secretary-General of the United Nations spoke.",
			[]want{{"President of Russia", "RUS", Person, "Vladimir Putin", ""}, {"Secretary-General of the United Nations", "IGO:UN", Person, "Antonio Guterres", ""}}, nil},
	}
	d := Default()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := d.Document(caldate.MustParse(tc.date)).Find(tc.text)
			check(t, tc.name, got, tc.text, tc.want)
			for _, n := range tc.none {
				for _, g := range got {
					if g.Text == n {
						t.Errorf("%q should not be a mention (got %s %s)", n, g.Kind, g.Code)
					}
				}
			}
			for i := 1; i < len(got); i++ {
				if got[i].Start < got[i-1].End {
					t.Errorf("overlap: %q and %q", got[i-1].Text, got[i].Text)
				}
			}
		})
	}
}

// TestMemory checks that surnames resolve to people named earlier in the
// same document, across Find calls, and not across documents.
func TestMemory(t *testing.T) {
	d := Default()
	date := caldate.MustParse("2018-05-01")
	m := d.Document(date)
	m.Find("Chinese Premier Li Keqiang met Kim Yo Jong, and Zhao Leji looked on.")
	tests := []struct {
		text, actor string
	}{
		{"Li said so.", "Li Keqiang"},
		{"Kim said so.", "Kim Yo Jong"}, // the latest Kim named wins over the default Kim
		{"Zhao said so.", "Zhao Leji"},
	}
	for _, tc := range tests {
		got := m.Find(tc.text)
		if len(got) == 0 || got[0].Actor != tc.actor || got[0].Kind != Person {
			t.Errorf("%q: got %s, want %s", tc.text, dump(got), tc.actor)
		}
	}
	// A fresh document has no memory: "Zhao" alone is nobody in 2018, and
	// "Kim" is the listed default, Kim Jong Un.
	fresh := d.Document(date)
	if got := fresh.Find("Zhao said so."); len(got) != 0 {
		t.Errorf("fresh document: Zhao resolved to %s", dump(got))
	}
	if got := fresh.Find("Kim said so."); len(got) != 1 || got[0].Actor != "Kim Jong Un" {
		t.Errorf("fresh document: Kim -> %s", dump(got))
	}
}

func TestZeroDate(t *testing.T) {
	d := Default()
	m := d.Document(caldate.Date{})
	got := m.Find("The Japanese prime minister met Barack Obama.")
	if len(got) != 2 {
		t.Fatalf("got %s", dump(got))
	}
	// The most recent holder, whoever that is in the data.
	hs := d.holders("JPN", "prime minister", 0)
	if len(hs) != 1 || got[0].Actor != d.people[hs[0]].name {
		t.Errorf("zero date: %s, most recent holder %v", dump(got), hs)
	}
	if got[1].Actor != "Barack Obama" || got[1].Code != "USA" {
		t.Errorf("full name without date: %s", dump(got))
	}
}

func TestLookup(t *testing.T) {
	d := Default()
	tests := []struct {
		name, date, code, actor string
	}{
		{"Sergey Lavrov", "2020-01-01", "RUS", "Sergei Lavrov"},
		{"Kim Jong-Un", "2020-01-01", "PRK", "Kim Jong Un"},
		{"Moon Jae In", "2020-01-01", "KOR", "Moon Jae-in"},
		{"the Kremlin", "", "RUS", "Kremlin"},
		{"Zhongnanhai", "", "CHN", "Zhongnanhai"},
		{"UNSC", "", "IGO:UN", "UN Security Council"},
		{"Mark Rutte", "2023-01-01", "NLD", "Mark Rutte"},
		{"Mark Rutte", "2025-01-01", "IGO:NATO", "Mark Rutte"},
	}
	for _, tc := range tests {
		got := d.Lookup(tc.name, caldate.MustParse(tc.date))
		if len(got) != 1 || got[0].Code != tc.code || got[0].Actor != tc.actor {
			t.Errorf("Lookup(%q, %s) = %s; want %s %s", tc.name, tc.date, dump(got), tc.code, tc.actor)
		}
	}
}

// TestLoad adds a user's own files on top of the default data.
func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"people-local.tsv": {Data: []byte("# mine\nErna Testvik\tISL\tforeign minister\tGOV\t2031-01-01\t\tTestvik\n")},
		"stop-local.tsv":   {Data: []byte("Russian Hill\tblock\n")},
		"notes.txt":        {Data: []byte("ignored")},
	}
	d, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	got := d.Document(caldate.MustParse("2031-05-01")).Find("Iceland's foreign minister visited Russian Hill with Sergei Lavrov.")
	check(t, "load", got, "", nil)
	if len(got) != 2 || got[0].Actor != "Erna Testvik" || got[1].Actor != "Sergei Lavrov" {
		t.Errorf("user data not applied: %s", dump(got))
	}
	if _, err := Load(fstest.MapFS{"people.tsv": {Data: []byte("X\tNOR\trole\tGOV\tnot-a-date\n")}}); err == nil {
		t.Error("bad date accepted")
	}
}

// TestData guards the embedded tables against silent damage.
func TestData(t *testing.T) {
	d := Default()
	s := d.Stats()
	if s.States != 199 {
		t.Errorf("states: %d rows, want 193 UN members + 6", s.States)
	}
	if s.Terms < 300 {
		t.Errorf("people: only %d terms", s.Terms)
	}
	for _, p := range d.people {
		for i, tm := range p.terms {
			if len(tm.roles) == 0 || tm.start > tm.end {
				t.Errorf("%s: bad term %d", p.name, i)
			}
			if len(p.code) != 3 && !strings.HasPrefix(p.code, "IGO:") {
				t.Errorf("%s: bad code %q", p.name, p.code)
			}
			if _, ok := d.names[p.code]; !ok {
				t.Errorf("%s: code %q not in states or igos", p.name, p.code)
			}
		}
	}
	// One holder at a time for offices that have exactly one.
	for k, refs := range d.roleIdx {
		switch k.role {
		case "president", "prime minister", "foreign minister", "defence minister", "supreme leader":
		default:
			continue
		}
		for i, a := range refs {
			ta := d.people[a.person].terms[a.term]
			for _, b := range refs[i+1:] {
				tb := d.people[b.person].terms[b.term]
				from, to := max(ta.start, tb.start), min(ta.end, tb.end)
				// A handover day, or a month where one side is only known to
				// the month, may be shared.
				if a.person != b.person && from < to && from/100 != to/100 {
					t.Errorf("%s %s: %s and %s overlap", k.code, k.role, d.people[a.person].name, d.people[b.person].name)
				}
			}
		}
	}
}

// TestSurnameBeforeOffice: a lone surname does not name someone before they
// took office, but does afterwards.
func TestSurnameBeforeOffice(t *testing.T) {
	d := Default()
	for _, tc := range []struct {
		date string
		n    int
	}{{"2008-01-01", 0}, {"2018-01-01", 1}, {"2030-01-01", 1}} {
		got := d.Document(caldate.MustParse(tc.date)).Find("Obama spoke.")
		if len(got) != tc.n {
			t.Errorf("%s: Obama -> %s", tc.date, dump(got))
		}
	}
}

// TestConcurrent runs documents in parallel on the shared default
// dictionary (meaningful under -race).
func TestConcurrent(t *testing.T) {
	d := Default()
	text := benchText(20000)
	want := len(d.Document(caldate.MustParse("2019-04-25")).Find(text))
	done := make(chan int)
	for i := 0; i < 4; i++ {
		go func() { done <- len(d.Document(caldate.MustParse("2019-04-25")).Find(text)) }()
	}
	for i := 0; i < 4; i++ {
		if n := <-done; n != want {
			t.Errorf("concurrent run found %d mentions, want %d", n, want)
		}
	}
}
