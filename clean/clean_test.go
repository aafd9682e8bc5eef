package clean

import (
	"strings"
	"testing"

	"parley/caldate"
)

// Pages below are made up for the tests; they imitate the kinds of noise
// scraped news pages carry.

const pagePortal = `Global EditionEUROPE 中文Español
World
Home / World / Asia

Island nations agree to joint coast patrols

By LENA MARSH | example-daily.com | Updated: 2022-06-14 09:12
Share
Share - WeChat
Photo taken on June 12, 2022 shows a patrol boat near the harbour of Port Vela. The two navies will hold their first joint patrol next month, officials said. [Photo/Agencies]

The defence ministers of Tamaru and Kelesia agreed on Tuesday to run joint coast patrols, the Tamaru defence ministry said after a meeting in the capital.

The patrols will start in July and cover the strait between the two islands, where smuggling boats have been seen more often this year.

"We share the same sea and the same problems," the Kelesian minister told reporters. Both sides will review the plan in December.

Most Viewed in 24 Hours
Top
BACK TO THE TOP
English
Copyright 2000 - . All rights reserved. Nothing published on this site may be copied without the consent of the publisher, whether text, photo or video.
License for publishing audio-visual programmes 0012345

Registration Number: 998877
FOLLOW US
`

const pageBlog = `Categories: Politics

Neighbours pledge to reopen border crossings | Politics

Reading Time: 2 minutes

In a step toward easing years of tension, the prime ministers of Varnia and Ostrel pledged on Friday to reopen three border crossings that have been shut since the war.

The two leaders met in a lakeside town near the frontier and said that trade and family visits would resume once customs posts are rebuilt, a task they expect to finish within a year.

Team@ExampleNews.

Share
Published by
Team@ExampleNews.

Recent Posts

Storm season arrives early

Forecasters in the region said on Monday that the storm season had come early, and they warned that the coast should prepare for heavy rain over the coming weeks.

3 days ago

Harvest festival draws crowds

Thousands of visitors came to the valley for the harvest festival, which the organisers said was the largest since the event began in the village many years ago.

5 days ago
`

const pageWire = `  • 免费领取优惠券全场包邮限时抢购数码配件厂家直销
  • 新款夏季男女同款运动鞋透气轻便跑步鞋包邮特价

邮箱:[email protected]



Ministers exchange letters on treaty anniversary

2023-11-02 07:45:10      浏览:015

In this 2019 file photo, the two ministers walk to a news conference in the capital. AP-Wire

SOLIA, Nov. 1 (ExampleWire) -- The foreign ministers of Solia and Dravan exchanged letters on Wednesday to mark the 30th anniversary of the treaty that set their border, the Solian foreign ministry said.

In his letter, the Solian minister said the treaty had kept the peace for three decades and that the two governments should build on it.

The Dravan minister replied that his country valued the friendship and wished to widen trade, according to the statement.
`

const pageBare = `Talks between the two coastal states resumed on Monday after a pause of six months, diplomats from both sides said.

The delegations met at a hotel in the neutral city and discussed fishing rights, shipping lanes and the return of seized boats.

A spokesman said the next round would be held in March.



`

const pageQuestion = `Will the river treaty survive the drought?

Officials from the three countries that share the river met on Thursday to discuss water quotas as the drought entered its second year.

The upstream country said it would release more water in the spring if the rains return, an offer the others called a first step.
`

const pageListing = `Latest Posts
Officials in the northern province said on Sunday that the bridge would reopen in May after repairs.
2 hours ago

Lawmakers meet to debate the budget
By Sam Okoro | Updated: 9 March 2024
Lawmakers from all parties met on Tuesday to debate the budget, which the finance minister presented to parliament last week.

The debate is expected to last three days, and a vote is set for Friday, officials said.

Opposition members said they would propose changes to the spending on roads and schools.
Reproduction in whole or in part without permission is prohibited.
`

// pageChinese is an article in Chinese under a menu.
const pageChinese = `首页 | 新闻 | 国际

两国外长举行会谈

2021-06-01 10:00 来源：示例网

两国外长周二在首都举行会谈，双方就双边关系和地区局势交换了意见，并同意加强在经贸领域的合作。

会谈结束后，双方签署了关于文化交流的合作文件，并宣布将于明年举办文化年活动。

责任编辑：王明
`

// pageWrapped is hard-wrapped at about 60 columns, with CRLF line ends.
var pageWrapped = strings.ReplaceAll(`Envoys hold first round of border talks

Share

The envoys of Marel and Tosk held their first round of
talks on the disputed border on Monday, and they agreed
to set up a joint commission to map the frontier before
the end of the year.

The talks took place in a hotel on the lake, officials
said, and the next round is planned for the spring.
`, "\n", "\r\n")

const pageNameLead = "Updated: 2024-03-14\n\n" +
	"Ostrel Foreign Minister Lena Varga met Kelesian Foreign Minister Piet Doran in Kelm on Tuesday.\n\n" +
	"Observers said Varga could visit Kelm again later in the year.\n"

func TestText(t *testing.T) {
	cases := []struct {
		name     string
		page     string
		title    string
		date     caldate.Date
		dateline string
		lang     string   // "" means "en"
		keep     []string // each must lie inside a Body span
		drop     []string // none may lie inside a Body span
	}{
		{
			name:  "portal",
			page:  pagePortal,
			title: "Island nations agree to joint coast patrols",
			date:  caldate.YMD(2022, 6, 14),
			keep: []string{
				"The defence ministers of Tamaru and Kelesia agreed on Tuesday",
				"The patrols will start in July",
				`"We share the same sea and the same problems,"`,
			},
			drop: []string{"Global Edition", "Home / World", "LENA MARSH", "Share", "Photo taken on",
				"Most Viewed", "BACK TO THE TOP", "All rights reserved", "License for", "Registration Number", "FOLLOW US"},
		},
		{
			name:  "blog with listing",
			page:  pageBlog,
			title: "Neighbours pledge to reopen border crossings",
			keep: []string{
				"the prime ministers of Varnia and Ostrel pledged on Friday",
				"The two leaders met in a lakeside town",
			},
			drop: []string{"Categories", "Reading Time", "Team@", "Published by", "Recent Posts",
				"Storm season", "Forecasters in the region", "Thousands of visitors", "days ago"},
		},
		{
			name:     "wire copy under spam",
			page:     pageWire,
			title:    "Ministers exchange letters on treaty anniversary",
			date:     caldate.YMD(2023, 11, 2),
			dateline: "SOLIA",
			keep: []string{
				"SOLIA, Nov. 1 (ExampleWire) -- The foreign ministers",
				"In his letter, the Solian minister said",
				"The Dravan minister replied",
			},
			drop: []string{"免费", "邮箱", "file photo", "浏览"},
		},
		{
			name: "bare article",
			page: pageBare,
			keep: []string{"Talks between the two coastal states resumed", "The delegations met", "A spokesman said the next round"},
		},
		{
			name:  "question headline",
			page:  pageQuestion,
			title: "Will the river treaty survive the drought?",
			keep:  []string{"Officials from the three countries", "The upstream country said"},
			drop:  []string{"Will the river treaty"},
		},
		{
			name:  "chinese",
			page:  pageChinese,
			title: "两国外长举行会谈",
			lang:  "zh",
			date:  caldate.YMD(2021, 6, 1),
			keep:  []string{"两国外长周二在首都举行会谈", "会谈结束后"},
			drop:  []string{"首页", "责任编辑"},
		},
		{
			name:  "hard wrapped",
			page:  pageWrapped,
			title: "Envoys hold first round of border talks",
			keep:  []string{"The envoys of Marel and Tosk held", "talks on the disputed border on Monday, and they agreed", "the end of the year.", "said, and the next round is planned for the spring."},
			drop:  []string{"Share"},
		},
		{
			// The lead is one sentence of names: too few stopwords to read
			// as prose, but it ends like a sentence right above the body.
			name: "name-heavy lead",
			page: pageNameLead,
			date: caldate.YMD(2024, 3, 14),
			keep: []string{"Ostrel Foreign Minister Lena Varga met Kelesian Foreign Minister Piet Doran in Kelm on Tuesday.",
				"Observers said Varga could visit Kelm again later in the year."},
			drop: []string{"Updated:"},
		},
		{
			name:  "listing above the article",
			page:  pageListing,
			title: "Lawmakers meet to debate the budget",
			date:  caldate.YMD(2024, 3, 9),
			keep:  []string{"Lawmakers from all parties met on Tuesday", "The debate is expected", "Opposition members said"},
			drop:  []string{"Latest Posts", "the bridge would reopen", "hours ago", "Sam Okoro", "Reproduction"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := Text(c.page)
			if a.Text != c.page {
				t.Fatal("Text changed the page")
			}
			checkSpans(t, c.name, a)
			if a.Title != c.title {
				t.Errorf("Title = %q, want %q", a.Title, c.title)
			}
			if a.Date != c.date {
				t.Errorf("Date = %v, want %v", a.Date, c.date)
			}
			if !c.date.IsZero() && (a.DateSource != "stamp" || !strings.ContainsAny(a.Text[a.DateSpan.Start:a.DateSpan.End], "0123456789")) {
				t.Errorf("DateSource = %q, DateSpan = %v", a.DateSource, a.DateSpan)
			}
			if want := c.lang; a.Language != want && !(want == "" && a.Language == "en") {
				t.Errorf("Language = %q, want %q", a.Language, want)
			}
			if a.Dateline != c.dateline {
				t.Errorf("Dateline = %q, want %q", a.Dateline, c.dateline)
			}
			for _, k := range c.keep {
				if !inBody(a, k) {
					t.Errorf("dropped %q", k)
				}
			}
			for _, d := range c.drop {
				if inBody(a, d) {
					t.Errorf("kept %q", d)
				}
			}
			if t.Failed() {
				for _, s := range a.Body {
					t.Logf("body: %q", a.Text[s.Start:s.End])
				}
			}
		})
	}
}

func inBody(a Article, s string) bool {
	for _, sp := range a.Body {
		if strings.Contains(a.Text[sp.Start:sp.End], s) {
			return true
		}
	}
	return false
}

func TestTextEmpty(t *testing.T) {
	for _, page := range []string{"", "\n\n  \n", "Home\nShare\nPrint\n"} {
		a := Text(page)
		if len(a.Body) != 0 || a.Title != "" || !a.Date.IsZero() {
			t.Errorf("%q: got %+v", page, a)
		}
	}
}

func TestStamp(t *testing.T) {
	cases := []struct {
		header string // lines above a fixed title and body
		want   caldate.Date
		text   string // the DateSpan text
	}{
		{"Updated: 2019-04-24 17:40", caldate.YMD(2019, 4, 24), "2019-04-24"},
		{"2023-04-20 08:36:29example.com Editor : Ann Lee", caldate.YMD(2023, 4, 20), "2023-04-20"},
		{"Published: April 24, 2019", caldate.YMD(2019, 4, 24), "April 24, 2019"},
		{"Nov 9, 2017 10:32 AM", caldate.YMD(2017, 11, 9), "Nov 9, 2017"},
		{"24 April 2019", caldate.YMD(2019, 4, 24), "24 April 2019"},
		{"Sept. 3, 2020 | 5 min read", caldate.YMD(2020, 9, 3), "Sept. 3, 2020"},
		{"发布时间：2021年8月15日", caldate.YMD(2021, 8, 15), "2021年8月15日"},
		{"Posted 2020/02/29", caldate.YMD(2020, 2, 29), "2020/02/29"},
		// Published beats a later revision.
		{"Updated: 2019-05-01\nPublished: 2019-04-24", caldate.YMD(2019, 4, 24), "2019-04-24"},
		// No such day, number runs, dates inside sentences: no stamp.
		{"2019-02-30 10:00", caldate.Date{}, ""},
		{"Ref 120190424 2019-04-2412", caldate.Date{}, ""},
		{"Pictures taken on April 23, 2019", caldate.Date{}, ""},
		{"Photo taken on April 23, 2019 shows the gate of the university, where the two leaders will meet on Thursday, officials said.", caldate.Date{}, ""},
	}
	for _, c := range cases {
		page := c.header + "\n\nTitle of the test story here\n\n" +
			"The ministers met in the capital on Monday and agreed to hold further talks on trade, the ministry said.\n" +
			"They also discussed the issued statement from July 2017 and plans for a visit in 2020.\n"
		a := Text(page)
		if a.Date != c.want {
			t.Errorf("%q: Date = %v, want %v", c.header, a.Date, c.want)
			continue
		}
		if got := a.Text[a.DateSpan.Start:a.DateSpan.End]; got != c.text {
			t.Errorf("%q: DateSpan holds %q, want %q", c.header, got, c.text)
		}
		if (a.DateSource == "stamp") != !c.want.IsZero() {
			t.Errorf("%q: DateSource = %q", c.header, a.DateSource)
		}
	}
}

func TestDateline(t *testing.T) {
	cases := []struct{ para, want string }{
		{"GENEVA (Reuters) - The envoy said on Thursday that talks would go on.", "GENEVA"},
		{"BEIJING, April 24 (Xinhua) -- The two sides agreed to widen trade.", "BEIJING"},
		{"Seoul, Nov. 7 (Yonhap) -- South Korea said on Tuesday it would send a team.", "Seoul"},
		{"BEIJING/SHANGHAI (Reuters) - Deals worth billions were signed.", "BEIJING/SHANGHAI"},
		{"WASHINGTON — The president met his counterpart on Monday.", "WASHINGTON"},
		{"NEW DELHI, Jan. 5 (AFP) - India and Nepal agreed on a new rail link.", "NEW DELHI"},
		{"MOSCOW, May 5. /TASS/. The two ministers will meet next week.", "MOSCOW"},
		{"Pyongyang, May 5 (KCNA) -- A delegation left for Moscow.", "Pyongyang"},
		{"The minister (pictured) - who arrived late - said little.", ""},
		{"US and EU officials met on Monday.", ""},
		{"In a statement, the ministry said it would respond.", ""},
	}
	for _, c := range cases {
		if got := std.dateline(c.para); got != c.want {
			t.Errorf("dateline(%q) = %q, want %q", c.para, got, c.want)
		}
	}
}

// TestVocabulary checks that a user's own vocabulary replaces the embedded
// one and that bad files are reported with their line.
func TestVocabulary(t *testing.T) {
	page := "Ministers of the two states met on Monday and agreed to meet again soon in the capital.\nSponsored words follow here in this line for you.\n"
	if a := Text(page); len(a.Body) != 2 {
		t.Fatalf("default vocabulary: %d body lines, want 2", len(a.Body))
	}
	v, err := ParseVocabulary(strings.NewReader("contains sponsored words\n"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a := New(v).Text(page); len(a.Body) != 1 {
		t.Errorf("own vocabulary: %d body lines, want 1", len(a.Body))
	}
	for _, bad := range []string{"nosuchkind phrase\n", "line\n", "line ---\n"} {
		if _, err := ParseVocabulary(strings.NewReader("# c\n"+bad), nil, nil); err == nil || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("%q: err = %v, want a line-2 error", bad, err)
		}
	}
	if _, err := ParseVocabulary(nil, nil, strings.NewReader("stamp posted\n")); err == nil {
		t.Error("dates without months: no error")
	}
}

func TestNormalize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Share - WeChat", "share we chat"},
		{"Global EditionASIA 中文双语Français", "global edition asia 中文双语 français"},
		{"MorePhoto", "more photo"},
		{"Text:AAAPrint", "text aaa print"},
		{"Copyright ©1999-2023 Example.com", "copyright copyright 1999 2023 example com"},
		{"Korea’s leaders' talks", "korea's leaders talks"},
		{"12v24v", "12 v 24 v"},
	}
	for _, c := range cases {
		if got := normalizePhrase(c.in); got != c.want {
			t.Errorf("normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzText checks that Text never panics and keeps its span invariants.
func FuzzText(f *testing.F) {
	for _, p := range []string{pagePortal, pageBlog, pageWire, pageBare, pageQuestion, pageListing, pageChinese, pageWrapped, "", "\xff\xfe", "By X |\n2019-13-45\n(Reuters) -"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, page string) {
		a := Text(page)
		if a.Text != page {
			t.Fatal("text changed")
		}
		checkSpans(t, "fuzz", a)
	})
}
