package timex

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"parley/caldate"
)

// want is one expression expected in a tagged sentence.
type want struct {
	text, typ, value, date, end string
}

func date(t *testing.T, s string) caldate.Date {
	t.Helper()
	d, err := caldate.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// check tags sentence against dct and requires every wanted expression to be
// found with its type, value and dates.
func check(t *testing.T, tg *Tagger, sentence, dct string, ws []want) {
	t.Helper()
	got := tg.Tag(sentence, date(t, dct))
	for _, w := range ws {
		var e *Expr
		for i := range got {
			if got[i].Text == w.text {
				e = &got[i]
				break
			}
		}
		if e == nil {
			t.Errorf("%q (dct %s): no expression %q; got %v", sentence, dct, w.text, texts(got))
			continue
		}
		typ := w.typ
		if typ == "" {
			typ = string(DateType)
		}
		if string(e.Type) != typ || e.Value != w.value || e.Date.String() != w.date || e.EndDate.String() != w.end {
			t.Errorf("%q (dct %s): %q = %s %q %s..%s, want %s %q %s..%s", sentence, dct, w.text,
				e.Type, e.Value, e.Date, e.EndDate, typ, w.value, w.date, w.end)
		}
		if sentence[e.Start:e.End] != e.Text {
			t.Errorf("%q: offsets %d..%d do not give %q", sentence, e.Start, e.End, e.Text)
		}
	}
}

func texts(es []Expr) []string {
	var s []string
	for _, e := range es {
		s = append(s, e.Text+"="+e.Value)
	}
	return s
}

func TestAbsolute(t *testing.T) {
	tg := Default()
	cases := []struct {
		s, dct string
		w      []want
	}{
		{"The two ministers signed the accord on March 3, 2021 in Hanoi.", "2021-03-04",
			[]want{{"March 3, 2021", "", "2021-03-03", "2021-03-03", ""}}},
		{"The envoy first arrived on 9 October 2018.", "",
			[]want{{"9 October 2018", "", "2018-10-09", "2018-10-09", ""}}},
		{"Negotiators said the round would reopen in Vienna on Dec. 12.", "2022-11-20",
			[]want{{"Dec. 12", "", "2022-12-12", "2022-12-12", ""}}},
		{"Officials must report to parliament by Feb. 15 on the new measures.", "2020-10-30",
			[]want{{"Feb. 15", "", "2021-02-15", "2021-02-15", ""}}},
		{"The export ban took effect on Sept. 5, the agency said.", "2020-10-30",
			[]want{{"Sept. 5", "", "2020-09-05", "2020-09-05", ""}}},
		{"They had agreed in a communique issued in March 2016 to cut tariffs.", "2019-06-01",
			[]want{{"March 2016", "", "2016-03", "2016-03", ""}}},
		{"Elections are expected in 2024, he said.", "2023-05-01",
			[]want{{"2024", "", "2024", "2024", ""}}},
		{"A cable dated 2015-06-30 was leaked.", "",
			[]want{{"2015-06-30", "", "2015-06-30", "2015-06-30", ""}}},
		{"The ministry sanctioned the shipping firm in October.", "2018-02-10",
			[]want{{"October", "", "2017-10", "2017-10", ""}}},
		{"The delegation will travel to Seoul in October.", "2018-02-10",
			[]want{{"October", "", "2018-10", "2018-10", ""}}},
		{"The conflict has gone on since it started in February 2022.", "2024-01-01",
			[]want{{"February 2022", "", "2022-02", "2022-02", ""}}},
		{"The leader is on a Sept. 20-26 swing through four capitals.", "2019-09-18",
			[]want{{"Sept. 20-26", "", "2019-09-20", "2019-09-20", "2019-09-26"}}},
		{"The fair runs from June 8 to 11 in the port city.", "2019-05-30",
			[]want{{"from June 8 to 11", "", "2019-06-08", "2019-06-08", "2019-06-11"}}},
		{"Colonial rule over the islands lasted 1898-1946.", "",
			[]want{{"1898-1946", "", "1898", "1898", "1946"}}},
		{"The occupation of 1940-44 left deep scars.", "",
			[]want{{"1940-44", "", "1940", "1940", "1944"}}},
		{"Sanctions imposed in the 1990s were lifted.", "",
			[]want{{"1990s", "", "199", "1990", "1999"}}},
		{"He returned in late May after the talks.", "2021-07-01",
			[]want{{"late May", "", "2021-05", "2021-05", ""}}},
		// no document date: the year is unknown, so no Date
		{"The deadline is Nov. 28.", "",
			[]want{{"Nov. 28", "", "XXXX-11-28", "", ""}}},
		// a coarse document date gives only its year
		{"The deadline is Nov. 28.", "2016",
			[]want{{"Nov. 28", "", "2016-11-28", "2016-11-28", ""}}},
	}
	for _, c := range cases {
		check(t, tg, c.s, c.dct, c.w)
	}
}

func TestNotDates(t *testing.T) {
	tg := Default()
	for _, s := range []string{
		"You may recall that he will march with 1,500 troops.",
		"The fund holds $2019 million and 2020% more.",
		"Wed and Sat are busy for the sun king.",
		"Crowds swelled for the Spring Festival holiday.",
		"Prices are expected to fall; the office is on the 3rd floor.",
		"The truce held for a second day and then a second week.",
	} {
		if got := tg.Tag(s, date(t, "2020-01-01")); len(got) != 0 {
			t.Errorf("%q: unexpected expressions %v", s, texts(got))
		}
	}
}

func TestWeekdays(t *testing.T) {
	tg := Default()
	cases := []struct {
		s, dct string
		w      []want
	}{
		// dct Wednesday 2022-06-15
		{"The two presidents will hold talks on Friday in Geneva.", "2022-06-15",
			[]want{{"Friday", "", "2022-06-17", "2022-06-17", ""}}},
		{"The foreign ministry said on Monday it regretted the move.", "2022-06-15",
			[]want{{"Monday", "", "2022-06-13", "2022-06-13", ""}}},
		{"The spokesman told reporters on Wednesday that ties were strong.", "2022-06-15",
			[]want{{"Wednesday", "", "2022-06-15", "2022-06-15", ""}}},
		{"Ministers are expected to sign the deal on Saturday.", "2022-06-15",
			[]want{{"Saturday", "", "2022-06-18", "2022-06-18", ""}}},
		{"The premier is due to arrive Tuesday night.", "2022-06-15",
			[]want{{"Tuesday night", "", "2022-06-21", "2022-06-21", ""}}},
		{"We'll see him on Thursday, the envoy said on Tuesday.", "2022-06-15",
			[]want{{"Thursday", "", "2022-06-16", "2022-06-16", ""}, {"Tuesday", "", "2022-06-14", "2022-06-14", ""}}},
		{"On Friday, the leaders will sign the pact.", "2022-06-15",
			[]want{{"Friday", "", "2022-06-17", "2022-06-17", ""}}},
		{"The ambassador told reporters on Monday it will take time.", "2022-06-15",
			[]want{{"Monday", "", "2022-06-13", "2022-06-13", ""}}},
		// a participle after a future cue is future; a cue before a comma
		// belongs to another clause; the window counts words, not dots
		{"Banks will stay closed until Tuesday, officials said.", "2022-06-15",
			[]want{{"Tuesday", "", "2022-06-21", "2022-06-21", ""}}},
		{"Ahead of the trip, the ministry on Sunday issued a warning.", "2022-06-15",
			[]want{{"Sunday", "", "2022-06-12", "2022-06-12", ""}}},
		{"The envoy will leave at dawn (4 a.m. EDT Friday), he said.", "2022-06-15",
			[]want{{"4 a.m. EDT Friday", "TIME", "2022-06-17T04:00", "2022-06-17", ""}}},
		// a future clause on the same weekday as dct counts dct itself
		{"The summit will open on Wednesday.", "2022-06-15",
			[]want{{"Wednesday", "", "2022-06-15", "2022-06-15", ""}}},
		{"The cabinet met last Monday and will meet again next Monday.", "2022-06-15",
			[]want{{"last Monday", "", "2022-06-13", "2022-06-13", ""}, {"next Monday", "", "2022-06-20", "2022-06-20", ""}}},
		// spans: dct Thursday 2022-06-16
		{"The minister toured the region from Sunday to Wednesday.", "2022-06-16",
			[]want{{"from Sunday to Wednesday", "", "2022-06-12", "2022-06-12", "2022-06-15"}}},
		{"The drills took place between Monday and Wednesday.", "2022-06-16",
			[]want{{"between Monday and Wednesday", "", "2022-06-13", "2022-06-13", "2022-06-15"}}},
		{"The drills will run from Friday to Monday.", "2022-06-16",
			[]want{{"from Friday to Monday", "", "2022-06-17", "2022-06-17", "2022-06-20"}}},
		// a cue that covers a shorter one: "will last" is future, not the past "last"
		// (dct Monday 2024-06-17)
		{"The visit, made at the invitation of the host leader, will last from Tuesday to Wednesday, after which he leaves.", "2024-06-17",
			[]want{{"from Tuesday to Wednesday", "", "2024-06-18", "2024-06-18", "2024-06-19"}}},
		{"The talks had been due to end on Friday.", "2022-06-15",
			[]want{{"Friday", "", "2022-06-10", "2022-06-10", ""}}},
		// a capitalised "-ed" word is a name, not a past verb
		{"The father would be travelling to the United States Thursday.", "2022-06-15",
			[]want{{"Thursday", "", "2022-06-16", "2022-06-16", ""}}},
		{"The envoy may return as early as Monday.", "2022-06-15",
			[]want{{"Monday", "", "2022-06-20", "2022-06-20", ""}}},
		// a weekday with its date: the date decides
		{"The paper said in its editorial on Saturday, April 25 that the court erred.", "1998-04-27",
			[]want{{"Saturday, April 25", "", "1998-04-25", "1998-04-25", ""}}},
		// no dct: an unresolved weekday
		{"The envoy will arrive on Thursday.", "",
			[]want{{"Thursday", "", "XXXX-WXX-4", "", ""}}},
		// a year-only dct: only the year is honest
		{"The envoy arrived on Sunday.", "2025",
			[]want{{"Sunday", "", "2025", "2025", ""}}},
	}
	for _, c := range cases {
		check(t, tg, c.s, c.dct, c.w)
	}
}

func TestRelative(t *testing.T) {
	tg := Default()
	// dct Wednesday 2018-03-14, ISO week 11
	const dct = "2018-03-14"
	cases := []struct {
		s, dct string
		w      []want
	}{
		{"The ambassador was summoned yesterday and will reply tomorrow.", dct,
			[]want{{"yesterday", "", "2018-03-13", "2018-03-13", ""}, {"tomorrow", "", "2018-03-15", "2018-03-15", ""}}},
		{"Talks held last week failed, and a new round opens next week.", dct,
			[]want{{"last week", "", "2018-W10", "2018-03-05", "2018-03-11"}, {"next week", "", "2018-W12", "2018-03-19", "2018-03-25"}}},
		{"The board met this week.", dct,
			[]want{{"this week", "", "2018-W11", "2018-03-12", "2018-03-18"}}},
		{"The leaders will meet this week.", dct,
			[]want{{"this week", "", "2018-W11", "2018-03-14", "2018-03-18"}}},
		{"Exports fell last month and may recover next month.", dct,
			[]want{{"last month", "", "2018-02", "2018-02", ""}, {"next month", "", "2018-04", "2018-04", ""}}},
		{"Trade grew last year's pace and will slow next year.", dct,
			[]want{{"last year's", "", "2017", "2017", ""}, {"next year", "", "2019", "2019", ""}}},
		{"The blockade began earlier this year.", dct,
			[]want{{"earlier this year", "", "2018", "2018", ""}}},
		{"The two sides clashed last December.", dct,
			[]want{{"last December", "", "2017-12", "2017-12", ""}}},
		{"The treaty was signed 12 years ago.", dct,
			[]want{{"12 years ago", "", "2006", "2006", ""}}},
		{"The dispute began six months ago.", dct,
			[]want{{"six months ago", "", "2017-09", "2017-09", ""}}},
		{"A ceasefire was agreed on March 10. The previous day, shells fell.", dct,
			[]want{{"March 10", "", "2018-03-10", "2018-03-10", ""}, {"The previous day", "", "2018-03-09", "2018-03-09", ""}}},
		{"The envoy left and the president spoke the same day.", dct,
			[]want{{"the same day", "", "2018-03-14", "2018-03-14", ""}}},
		{"Relations have recently improved.", dct,
			[]want{{"recently", "", "PAST_REF", "", ""}}},
		{"Relations improved last month.", "2018",
			[]want{{"last month", "", "2018", "2018", ""}}},
		{"Relations improved last year.", "",
			[]want{{"last year", "", "PAST_REF", "", ""}}},
	}
	for _, c := range cases {
		check(t, tg, c.s, c.dct, c.w)
	}
}

func TestDurations(t *testing.T) {
	tg := Default()
	cases := []struct {
		s string
		w []want
	}{
		{"He wrapped up a four-day visit to the capital.", []want{{"four-day", "DURATION", "P4D", "", ""}}},
		{"She ended a month-long tour on Friday.", []want{{"a month-long", "DURATION", "P1M", "", ""}}},
		{"They will stay for a week.", []want{{"a week", "DURATION", "P1W", "", ""}}},
		{"He spent a week-long holiday at the coast.", []want{{"a week-long", "DURATION", "P1W", "", ""}}},
		{"The talks went on for three days.", []want{{"three days", "DURATION", "P3D", "", ""}}},
		{"The deal runs twenty-five years.", []want{{"twenty-five years", "DURATION", "P25Y", "", ""}}},
		{"The vote lasted 2 hours.", []want{{"2 hours", "DURATION", "PT2H", "", ""}}},
	}
	for _, c := range cases {
		check(t, tg, c.s, "2020-02-02", c.w)
	}
}

func TestAnniversaries(t *testing.T) {
	tg := Default()
	cases := []struct {
		s, dct string
		w      []want
		base   string // want Expr.Base of the first wanted expression
		now    string // want Expr.Now of the first wanted expression
	}{
		{"Leaders sent greetings to mark the 60th anniversary of the armistice that halted the Korean War.", "",
			[]want{{"the 60th anniversary", "", "2013-07-27", "2013-07-27", ""}}, "1953-07-27", "2013-07-27"},
		{"This year marks the 70th anniversary of the founding of the People's Republic of China.", "",
			[]want{{"the 70th anniversary", "", "2019", "2019", ""}}, "1949-10-01", "2019"},
		{"Seoul and Beijing will hold events ahead of the 30th anniversary of their diplomatic relations.", "",
			[]want{{"the 30th anniversary", "", "2022-08-24", "2022-08-24", ""}}, "1992-08-24", "2022"},
		{"Pyongyang and Moscow celebrated the seventy-fifth anniversary of their diplomatic ties.", "",
			[]want{{"the seventy-fifth anniversary", "", "2023-10-12", "2023-10-12", ""}}, "1948-10-12", "2023-10-12"},
		{"Pyongyang and Moscow celebrated the seventy fifth anniversary of their diplomatic ties.", "",
			[]want{{"the seventy fifth anniversary", "", "2023-10-12", "2023-10-12", ""}}, "1948-10-12", "2023-10-12"},
		// an explicit base year that the table does not know
		{"Villagers marked the 50th anniversary of the dam opened in 1968.", "",
			[]want{{"the 50th anniversary", "", "2018", "2018", ""}}, "1968", "2018"},
		// an explicit year overrides the table when they disagree
		{"The 25th anniversary of the ties between China and the island state, established in 1990, fell this week.", "",
			[]want{{"The 25th anniversary", "", "2015", "2015", ""}}, "1990", "2015"},
		{"Since diplomatic ties were set up 70 years ago, Beijing and Moscow have grown close.", "",
			[]want{{"70 years ago", "", "1949", "1949", ""}}, "1949-10-02", "2019"},
		// with a dct, "N years ago" counts back from it
		{"Since diplomatic ties were set up 70 years ago, Beijing and Moscow have grown close.", "2019-10-01",
			[]want{{"70 years ago", "", "1949", "1949", ""}}, "1949-10-02", "2019"},
		// an explicit base with its month: the news is dated to the month
		{"Both capitals hailed the 75th anniversary of ties established in October 1948.", "",
			[]want{{"the 75th anniversary", "", "2023-10", "2023-10", ""}}, "1948-10", "2023-10"},
		{"Crowds marked the 20th anniversary of the bridge opened on 3 May 2001.", "",
			[]want{{"the 20th anniversary", "", "2021-05-03", "2021-05-03", ""}}, "2001-05-03", "2021-05-03"},
		// no base: no date invented
		{"The club held a dinner for its 40th anniversary.", "",
			[]want{{"40th anniversary", "", "", "", ""}}, "", ""},
	}
	for _, c := range cases {
		check(t, tg, c.s, c.dct, c.w)
		for _, e := range tg.Tag(c.s, date(t, c.dct)) {
			if e.Text == c.w[0].text && (e.Base.String() != c.base || e.Now.String() != c.now) {
				t.Errorf("%q: base %s now %s, want %s %s", c.s, e.Base, e.Now, c.base, c.now)
			}
		}
	}
}

func TestAnchor(t *testing.T) {
	tg := Default()
	cases := []struct {
		name, text, stamp, hint string
		date, source            string
		republished             bool
	}{
		{"normal page", "The foreign minister said on Tuesday that talks went well.", "2020-05-12", "2020-05-12",
			"2020-05-12", "stamp", false},
		{"hint only", "The foreign minister said on Tuesday that talks went well.", "", "2020-05-12",
			"2020-05-12", "hint", false},
		{"finer hint", "The minister spoke.", "2020-05", "2020-05-12",
			"2020-05-12", "hint", false},
		{"nothing", "The minister spoke on Tuesday about the 2019 meeting.", "", "",
			"", "", false},
		{"republished anniversary",
			"Old copy. Hanoi and Beijing exchanged greetings to mark the 70th anniversary of their diplomatic ties on Saturday.",
			"2024-03-01", "", "2020-01-18", "text:anniversary", true},
		{"anniversary agrees",
			"Hanoi and Beijing exchanged greetings to mark the 70th anniversary of their diplomatic ties on Saturday.",
			"2020-01-19", "", "2020-01-19", "stamp", false},
		{"one year off is not republished",
			"This year marks the 60th anniversary of the friendship treaty between China and North Korea.",
			"2022-01-03", "", "2022-01-03", "stamp", false},
		{"no date, anniversary day",
			"Messages were exchanged to mark the 75th anniversary of the liberation of Korea.", "", "",
			"2020-08-15", "text:anniversary", false},
		{"no date, anniversary year",
			"This year marks the 80th anniversary of the founding of the United Nations.", "", "",
			"2025", "text:anniversary", false},
		{"no date, years ago",
			"Since diplomatic relations were established 30 years ago, Seoul and Beijing have traded heavily.", "", "",
			"2022", "text:anniversary", false},
		{"republished explicit date",
			"On March 2, 2016, the ministry said it would expel the diplomats.", "2021-07-07", "",
			"2016-03-02", "text:date", true},
		{"background full date is not evidence",
			"The accord signed on July 16, 2001 still guides ties, the minister said on Monday.", "2021-07-07", "",
			"2021-07-07", "stamp", false},
		{"no date, text base with a month",
			"The 75th anniversary of ties established in October 1948 was celebrated in both capitals.", "", "",
			"2023-10", "text:anniversary", false},
		{"weekday and old years are not evidence",
			"The envoy recalled the 2015 talks on Sunday.", "2023-02-02", "",
			"2023-02-02", "stamp", false},
	}
	for _, c := range cases {
		a := tg.Anchor(c.text, date(t, c.stamp), date(t, c.hint))
		if a.Date.String() != c.date || a.Source != c.source || a.Republished != c.republished {
			t.Errorf("%s: got %s %q republished=%v (%s), want %s %q %v", c.name, a.Date, a.Source, a.Republished, a.Note, c.date, c.source, c.republished)
		}
		if c.source != "" && a.Note == "" {
			t.Errorf("%s: no note", c.name)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	good := fstest.MapFS{}
	for _, name := range []string{"months.txt", "weekdays.txt", "numbers.txt", "units.txt", "relative.txt", "cues.txt", "anniversaries.txt", "holidays.txt"} {
		b, err := embedded.ReadFile("data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		good[name] = &fstest.MapFile{Data: b}
	}
	tg, err := Load(good)
	if err != nil {
		t.Fatalf("Load(copy of embedded rules): %v", err)
	}
	if got := tg.Tag("They met on 3 May 2001.", caldate.Date{}); len(got) != 1 || got[0].Value != "2001-05-03" {
		t.Errorf("loaded tagger: got %v", texts(got))
	}
	// a user's own table with an extra base date
	custom := fstest.MapFS{}
	for k, v := range good {
		custom[k] = v
	}
	custom["anniversaries.txt"] = &fstest.MapFile{Data: []byte("2003-02-01 ; harbour bridge ; opening\n")}
	tg, err = Load(custom)
	if err != nil {
		t.Fatal(err)
	}
	got := tg.Tag("Crowds marked the 20th anniversary of the opening of the harbour bridge.", caldate.Date{})
	if len(got) != 1 || got[0].Value != "2023-02-01" {
		t.Errorf("custom table: got %v", texts(got))
	}
	for _, c := range []struct{ name, bad string }{
		{"months.txt", "smarch 13\n"},
		{"relative.txt", "week|last week|x\n"},
		{"relative.txt", "weekday-ref|the previous|0\n"}, // would never reach the weekday
		{"cues.txt", "sometimes|maybe\n"},
		{"anniversaries.txt", "1949-13-01 ; x\n"},
		{"units.txt", "day Q 1\n"},
		{"holidays.txt", "thanksgiving | 11-22>8\n"},
	} {
		name, bad := c.name, c.bad
		broken := fstest.MapFS{}
		for k, v := range good {
			broken[k] = v
		}
		broken[name] = &fstest.MapFile{Data: []byte(bad)}
		if _, err := Load(broken); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("Load with bad %s: err = %v", name, err)
		}
	}
}

func TestMarshalJSON(t *testing.T) {
	got := Default().Tag("Talks resume on April 2, 2019.", caldate.Date{})
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"date":"2019-04-02"`) || strings.Contains(string(b), `"end_date"`) {
		t.Errorf("json: %s", b)
	}
}

func TestConcurrent(t *testing.T) {
	tg := Default()
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 200; i++ {
				got := tg.Tag("The envoy will arrive on Thursday and leave on Nov. 3.", caldate.YMD(2019, 4, 24))
				if len(got) != 2 || got[0].Value != "2019-04-25" {
					t.Errorf("concurrent: %v", texts(got))
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

func TestHolidays(t *testing.T) {
	tg := Default()
	cases := []struct {
		s, dct string
		w      []want
	}{
		// dct Saturday 1999-11-20
		{"Shops expect crowds on Thanksgiving Day.", "1999-11-20",
			[]want{{"Thanksgiving Day", "", "1999-11-25", "1999-11-25", ""}}},
		{"Sales were weak last Christmas.", "1999-11-20",
			[]want{{"last Christmas", "", "1998-12-25", "1998-12-25", ""}}},
		{"The pope spoke on Easter 2001 and on Good Friday 2024.", "1999-11-20",
			[]want{{"Easter 2001", "", "2001-04-15", "2001-04-15", ""}, {"Good Friday 2024", "", "2024-03-29", "2024-03-29", ""}}},
		{"Voters go to the polls on Election Day.", "1998-10-26",
			[]want{{"Election Day", "", "1998-11-03", "1998-11-03", ""}}},
		{"The truce held over New Year’s Day.", "2019-01-03",
			[]want{{"New Year’s Day", "", "2019-01-01", "2019-01-01", ""}}},
		// a coarse or missing dct
		{"Talks resume after Christmas.", "",
			[]want{{"Christmas", "", "XXXX-12-25", "", ""}}},
		{"Talks resume after Thanksgiving.", "2005",
			[]want{{"Thanksgiving", "", "2005-11-24", "2005-11-24", ""}}},
	}
	for _, c := range cases {
		check(t, tg, c.s, c.dct, c.w)
	}
	// a lower-case word is not a holiday
	if got := tg.Tag("We give thanks at easter.", date(t, "2020-01-01")); len(got) != 0 {
		t.Errorf("lower case: %v", texts(got))
	}
}

func TestEaster(t *testing.T) {
	for y, want := range map[int]string{1998: "1998-04-12", 2000: "2000-04-23", 2019: "2019-04-21", 2024: "2024-03-31", 2038: "2038-04-25"} {
		if got := easter(y).String(); got != want {
			t.Errorf("easter(%d) = %s, want %s", y, got, want)
		}
	}
}

// TestClockAtEnd: a clock time that ends the text, with or without a
// comma after it, must not read past the last token.
func TestClockAtEnd(t *testing.T) {
	for _, s := range []string{"The talks ended at 5 p.m.", "The talks ended at 5 p.m.,", "at 10:30", "10 p.m. EST", "5 p.m. EST,"} {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("Tag(%q) panicked: %v", s, r)
				}
			}()
			Default().Tag(s, caldate.MustParse("2024-05-01"))
		}()
	}
}
