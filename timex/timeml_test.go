package timex

import (
	"testing"

	"parley/caldate"
)

// TestTimeML checks the TIMEX3 kinds and extents that TagTimeML gives,
// on sentences of our own. dct Thursday 2019-04-25 unless said otherwise.
func TestTimeML(t *testing.T) {
	type tx = timeMLWant
	cases := []timeMLCase{
		{"The vote closes at 3:30 p.m. and results follow.", "2019-04-25",
			[]tx{{"3:30 p.m.", "TIME", "2019-04-25T15:30"}}},
		{"The ceasefire starts at 10 p.m. Wednesday.", "2019-04-25",
			[]tx{{"10 p.m. Wednesday", "TIME", "2019-04-24T22:00"}}},
		{"Bids will close at noon Friday.", "2019-04-25",
			[]tx{{"noon Friday", "TIME", "2019-04-26T12:00"}}},
		{"The offer ends at 5 p.m. EST, May 6.", "2019-04-25",
			[]tx{{"5 p.m. EST, May 6", "TIME", "2019-05-06T17:00"}}},
		{"Crowds gathered on Friday morning outside the court.", "2019-04-25",
			[]tx{{"Friday morning", "TIME", "2019-04-19TMO"}}},
		{"Profit rose in the third quarter, the company said.", "2019-10-30",
			[]tx{{"the third quarter", "DATE", "2019-Q3"}}},
		{"Fourth-quarter sales fell, it said in February.", "2019-02-20",
			[]tx{{"Fourth-quarter", "DATE", "2018-Q4"}}},
		{"Results for the fiscal first quarter beat forecasts.", "2019-05-02",
			[]tx{{"the fiscal first quarter", "DATE", "2019-Q1"}}},
		{"Sales in the second quarter rose 5% from a year earlier.", "2019-08-01",
			[]tx{{"the second quarter", "DATE", "2019-Q2"}, {"a year earlier", "DATE", "2018-Q2"}}},
		{"Net income in the second quarter beat the year-ago quarter.", "2019-08-01",
			[]tx{{"the year-ago quarter", "DATE", "2018-Q2"}}},
		{"Margins narrowed in the quarter.", "2019-08-01",
			[]tx{{"the quarter", "DATE", "2019-Q2"}}},
		{"Revenue rose in fiscal 2018.", "2019-08-01",
			[]tx{{"fiscal 2018", "DATE", "2018"}}},
		{"Floods hit the valley last fall and again this summer.", "2019-07-10",
			[]tx{{"last fall", "DATE", "2018-FA"}, {"this summer", "DATE", "2019-SU"}}},
		{"Prices may fall in the spring.", "2019-01-10",
			[]tx{{"the spring", "DATE", "2019-SP"}}},
		{"The board meets every week and reports each Thursday.", "2019-04-25",
			[]tx{{"every week", "SET", "P1W"}, {"each Thursday", "SET", "XXXX-WXX-4"}}},
		{"Inspectors visit the plant daily.", "2019-04-25",
			[]tx{{"daily", "SET", "P1D"}}},
		{"The market is closed on Sundays.", "2019-04-25",
			[]tx{{"Sundays", "SET", "XXXX-WXX-7"}}},
		{"Output doubled in the 1990s and slumped in the late 1970s.", "2019-04-25",
			[]tx{{"the 1990s", "DATE", "199"}, {"the late 1970s", "DATE", "197"}}},
		{"Fashions of the nineties came back.", "2019-04-25",
			[]tx{{"the nineties", "DATE", "199"}}},
		{"Exports have grown over the past three years.", "2019-04-25",
			[]tx{{"the past three years", "DURATION", "P3Y"}}},
		{"The strike lasted nearly two months.", "2019-04-25",
			[]tx{{"nearly two months", "DURATION", "P2M"}}},
		{"Talks could take several weeks.", "2019-04-25",
			[]tx{{"several weeks", "DURATION", "PXW"}}},
		{"The firm moved here a few years ago.", "2019-04-25",
			[]tx{{"a few years ago", "DATE", "PAST_REF"}}},
		{"He lived abroad for a decade.", "2019-04-25",
			[]tx{{"a decade", "DURATION", "P10Y"}}},
		{"Prices rose sharply in recent years.", "2019-04-25",
			[]tx{{"recent years", "DURATION", "PXY"}}},
		{"Ties have recently improved and are now strong.", "2019-04-25",
			[]tx{{"recently", "DATE", "PAST_REF"}, {"now", "DATE", "PRESENT_REF"}}},
		{"Currently the port is shut; it may reopen in the future.", "2019-04-25",
			[]tx{{"Currently", "DATE", "PRESENT_REF"}, {"the future", "DATE", "FUTURE_REF"}}},
		{"Shops were busy over the weekend.", "2019-04-22",
			[]tx{{"the weekend", "DATE", "2019-W16-WE"}}},
		{"The week began with a rally (last week's slump was over).", "2019-04-25",
			[]tx{{"last week", "DATE", "2019-W16"}}},
		{"The deal should close by the end of June.", "2019-04-25",
			[]tx{{"the end of June", "DATE", "2019-06"}}},
		{"The merger is expected in December.", "2019-11-05",
			[]tx{{"December", "DATE", "2019-12"}}},
		{"The dividend is payable Dec. 15 to holders of record.", "2019-11-05",
			[]tx{{"Dec. 15", "DATE", "2019-12-15"}}},
		{"Rates fell in 2023-W16 and in 2021-08.", "2024-01-01",
			[]tx{{"2021-08", "DATE", "2021-08"}}},
		{"The envoy will arrive on Thursday.", "",
			[]tx{{"Thursday", "DATE", "XXXX-WXX-4"}}},
		// spelled-out years
		{"Prices were low in the winter of nineteen ninety-four.", "1998-02-23",
			[]tx{{"the winter of nineteen ninety-four", "DATE", "1994-WI"}}},
		{"Unemployment is to be halved by the year two thousand.", "1998-02-23",
			[]tx{{"the year two thousand", "DATE", "2000"}}},
		{"A blast hit the city in January nineteen ninety-seven.", "1998-02-23",
			[]tx{{"January nineteen ninety-seven", "DATE", "1997-01"}}},
		{"He left in nineteen seventy-nine.", "1998-02-23",
			[]tx{{"nineteen seventy-nine", "DATE", "1979"}}},
		// the year, the week
		{"Revenue for the year ended March 31 rose.", "1989-11-02",
			[]tx{{"the year", "DURATION", "P1Y"}, {"March 31", "DATE", "1989-03-31"}}},
		{"Sales for the full year were flat; the index fell for the week.", "1989-11-02",
			[]tx{{"the full year", "DATE", "1989"}, {"the week", "DATE", "1989-W44"}}},
		{"The deal should close by year-end.", "1989-11-02",
			[]tx{{"year-end", "DATE", "1989"}}},
		{"A hearing is set for the week of March 6.", "2000-02-24",
			[]tx{{"the week of March 6", "DATE", "2000-W10"}}},
		{"He fled in June 1998 and returned later that year.", "2000-01-28",
			[]tx{{"later that year", "DATE", "1998"}}},
		{"Output fell in July last year.", "1998-02-19",
			[]tx{{"July last year", "DATE", "1997-07"}}},
		// months ahead after "by", "until"
		{"It will repay the loan by February.", "1989-11-02",
			[]tx{{"February", "DATE", "1990-02"}}},
		// durations
		{"Troops will be committed within weeks.", "1990-08-15",
			[]tx{{"weeks", "DURATION", "PXW"}}},
		{"They lived in camps for 2 1/2 years.", "1998-02-27",
			[]tx{{"2 1/2 years", "DURATION", "P2Y6M"}}},
		{"The boy will stay for at least two more weeks.", "2000-04-20",
			[]tx{{"at least two more weeks", "DURATION", "P2W"}}},
		{"Nothing will change for a couple of years.", "1998-02-27",
			[]tx{{"a couple of years", "DURATION", "P2Y"}}},
		{"The panel will finish its work within a year.", "1998-02-27",
			[]tx{{"a year", "DURATION", "P1Y"}}},
		// quarters named through a year
		{"Net sales for this year's third quarter fell.", "1989-11-02",
			[]tx{{"this year's third quarter", "DATE", "1989-Q3"}}},
		{"Profit rose in the third quarter from the 1988 quarter.", "1989-11-02",
			[]tx{{"the 1988 quarter", "DATE", "1988-Q3"}}},
		// spans joined by a word are two expressions in TimeML
		{"Shares were bought from Aug. 26 to Oct. 20 at $23.", "1989-11-02",
			[]tx{{"Aug. 26", "DATE", "1989-08-26"}, {"Oct. 20", "DATE", "1989-10-20"}}},
		{"The fair runs between Monday and Wednesday.", "2019-04-25",
			[]tx{{"Monday", "DATE", "2019-04-22"}, {"Wednesday", "DATE", "2019-04-24"}}},
		{"Leaders meet at the summit on April 24 and 25.", "1999-02-10",
			[]tx{{"April 24", "DATE", "1999-04-24"}, {"25", "DATE", "1999-04-25"}}},
		// month names as possessives and adjectives
		{"The agency revised December's jobless figures.", "1998-02-06",
			[]tx{{"December", "DATE", "1997-12"}}},
		{"The March accession lets them join the drills.", "1999-02-10",
			[]tx{{"March", "DATE", "1999-03"}}},
		// vague durations after "for" and "in"
		{"The valley was ruled from the coast for centuries.", "1998-02-27",
			[]tx{{"centuries", "DURATION", "PXY"}}},
		{"Sales grew for the first time in years.", "1989-11-02",
			[]tx{{"years", "DURATION", "PXY"}}},
		// parts of a day counted from the last day named
		{"Prices fell Friday. Dealers sold in the morning.", "1989-10-30",
			[]tx{{"the morning", "TIME", "1989-10-27TMO"}}},
		{"He was arrested on Monday and appeared in court the next morning.", "2000-02-24",
			[]tx{{"the next morning", "TIME", "2000-02-22TMO"}}},
		{"Trading slowed by mid-afternoon yesterday.", "1989-11-02",
			[]tx{{"mid-afternoon yesterday", "TIME", "1989-11-01TAF"}}},
		{"The shot was fired on the night of Oct. 23.", "1998-11-20",
			[]tx{{"Oct. 23", "DATE", "1998-10-23"}}},
		{"The storm hit at 4 in the morning.", "2000-04-06",
			[]tx{{"4 in the morning", "TIME", "2000-04-06T04:00"}}},
		// months and quarters named through an earlier one
		{"It rejected the bid in March. The following month, it put itself up for sale.", "1989-11-02",
			[]tx{{"The following month", "DATE", "1989-04"}}},
		{"Profit fell in the second quarter of 1988, and results for that quarter included a charge.", "1989-11-02",
			[]tx{{"that quarter", "DATE", "1988-Q2"}}},
		// centuries and halves of a year
		{"It was the worst crash of the 20th century, said a 21st-century banker.", "1989-11-02",
			[]tx{{"the 20th century", "DATE", "19"}, {"21st-century", "DATE", "20"}}},
		{"Output rose in the first half of the year and fell in the second half of 1988.", "1989-11-02",
			[]tx{{"the first half of the year", "DATE", "1989-H1"}, {"the second half of 1988", "DATE", "1988-H2"}}},
		// frequencies are SETs
		{"The board meets twice a week and votes three times a year.", "2013-03-22",
			[]tx{{"twice a week", "SET", "P1W"}, {"three times a year", "SET", "P1Y"}}},
		{"The ferry runs every other day and the guard changes every morning.", "2013-03-22",
			[]tx{{"every other day", "SET", "P2D"}, {"every morning", "SET", "XXXX-XX-XXTMO"}}},
		// a 24-hour clock time with its zone
		{"The blast occurred at 0735 GMT.", "1998-08-07",
			[]tx{{"0735 GMT", "TIME", "1998-08-07T07:35"}}},
		// a day of the month alone
		{"The final round is on the 25th.", "2013-03-22",
			[]tx{{"the 25th", "DATE", "2013-03-25"}}},
		{"The polls will close on the 2nd, officials said.", "2013-03-22",
			[]tx{{"the 2nd", "DATE", "2013-04-02"}}},
		{"He arrived on the 21st of March 2012.", "2013-03-22",
			[]tx{{"the 21st of March 2012", "DATE", "2012-03-21"}}},
		{"Costs will double over the next decade.", "2013-03-22",
			[]tx{{"the next decade", "DURATION", "P10Y"}}},
		{"The 1994 war left thousands dead. Two decades later, the country has rebuilt.", "2019-03-22",
			[]tx{{"Two decades later", "DATE", "2014"}}},
		{"Wars have scarred this century.", "1999-03-12",
			[]tx{{"this century", "DATE", "19"}}},
		// vague periods and "-long" without a count
		{"The car was seen in the weeks before the shooting.", "1999-05-06",
			[]tx{{"weeks", "DURATION", "PXW"}}},
		{"The feud is a decades-long one; they held a third day-long meeting.", "2000-01-15",
			[]tx{{"decades-long", "DURATION", "PXY"}, {"day-long", "DURATION", "P1D"}}},
		{"The rest will be sold at a later date.", "1989-11-02",
			[]tx{{"a later date", "DATE", "FUTURE_REF"}}},
		// a day named by the last day written
		{"Talks opened on Monday. Later that day, the envoys left.", "2019-04-25",
			[]tx{{"Later that day", "DATE", "2019-04-22"}}},
		{"Eight trading days after the crash, the index was flat.", "1989-11-02",
			[]tx{{"Eight trading days", "DURATION", "P8D"}}},
	}
	checkTimeML(t, cases)
}

// timeMLWant is one expression TagTimeML must find, by its exact text.
type timeMLWant struct{ text, typ, value string }

// timeMLCase is a sentence, its document date and what TagTimeML must find.
type timeMLCase struct {
	s, dct string
	w      []timeMLWant
}

// checkTimeML runs TagTimeML on each case and checks each wanted expression's
// extent, type and value.
func checkTimeML(t *testing.T, cases []timeMLCase) {
	t.Helper()
	tg := Default()
	for _, c := range cases {
		dct, err := caldate.Parse(c.dct)
		if err != nil {
			t.Fatal(err)
		}
		got := tg.TagTimeML(c.s, dct)
		for _, w := range c.w {
			var e *Expr
			for i := range got {
				if got[i].Text == w.text {
					e = &got[i]
				}
			}
			if e == nil {
				t.Errorf("%q: no %q; got %v", c.s, w.text, texts(got))
				continue
			}
			if string(e.Type) != w.typ || e.Value != w.value || c.s[e.Start:e.End] != w.text {
				t.Errorf("%q: %q = %s %s, want %s %s", c.s, w.text, e.Type, e.Value, w.typ, w.value)
			}
		}
	}
}

// TestTimeMLDrops checks what TagTimeML leaves out that Tag keeps.
func TestTimeMLDrops(t *testing.T) {
	tg := Default()
	dct := caldate.YMD(2019, 4, 25)
	for _, s := range []string{
		"A six-year-old girl was rescued.",
		"The club held a dinner for its 40th anniversary.",
		"About three-quarters of voters agreed.",
		"Prices fall when supply grows.",
		"The plan saves $500 million a year and adds 700 seats a week.",
		"He was the second to speak.",
	} {
		if got := tg.TagTimeML(s, dct); len(got) != 0 {
			t.Errorf("%q: unexpected %v", s, texts(got))
		}
	}
	// Tag keeps the news extent and type; TagTimeML trims and retypes.
	s := "Last year's output rose and Friday night's vote failed."
	tag, tml := tg.Tag(s, dct), tg.TagTimeML(s, dct)
	if len(tag) != 2 || tag[0].Text != "Last year's" || tag[1].Type != DateType {
		t.Errorf("Tag: %v", texts(tag))
	}
	if len(tml) != 2 || tml[0].Text != "Last year" || tml[1].Text != "Friday night" || tml[1].Type != TimeType || tml[1].Value != "2019-04-19TNI" {
		t.Errorf("TagTimeML: %v", texts(tml))
	}
}

// TestNewsForms covers forms common in current web news that the TimeML
// training sets hardly contain. dct Friday 2019-04-26 unless said otherwise.
func TestNewsForms(t *testing.T) {
	type tx = timeMLWant
	cases := []timeMLCase{
		// spaces and apostrophes as pages write them
		{"The court ruled on April\u00a09, 2019 at 4\u00a0p.m. local time.", "2019-04-26",
			[]tx{{"April\u00a09, 2019", "DATE", "2019-04-09"}, {"4\u00a0p.m.", "TIME", "2019-04-09T16:00"}}},
		{"Prices peaked in the \u201890s and again in \u201908.", "2019-04-26",
			[]tx{{"the \u201890s", "DATE", "199"}, {"\u201908", "DATE", "2008"}}},
		{"Rents doubled in the 1980's.", "2019-04-26",
			[]tx{{"the 1980", "DATE", "198"}}},
		{"Ticket sales at the '60s revival slowed.", "2019-04-26",
			[]tx{{"the '60s", "DATE", "196"}}},
		// clock times
		{"The polls close at 9pm and open at 7.30am.", "2019-04-26",
			[]tx{{"9pm", "TIME", "2019-04-26T21:00"}, {"7.30am", "TIME", "2019-04-26T07:30"}}},
		{"The vote starts at 14:00 and ends at 3 o'clock.", "2019-04-26",
			[]tx{{"14:00", "TIME", "2019-04-26T14:00"}, {"3 o'clock", "TIME", "2019-04-26T03:00"}}},
		{"Trading resumes at 9:30 a.m. ET.", "2019-04-26",
			[]tx{{"9:30 a.m. ET", "TIME", "2019-04-26T09:30"}}},
		// weekends, weeks, months, decades
		{"Protesters marched last weekend and will return next weekend.", "2019-04-26",
			[]tx{{"last weekend", "DATE", "2019-W16-WE"}, {"next weekend", "DATE", "2019-W17-WE"}}},
		{"Storms hit this past weekend.", "2019-04-29",
			[]tx{{"this past weekend", "DATE", "2019-W17-WE"}}},
		{"Sales fell this past week and in the past month.", "2019-04-26",
			[]tx{{"this past week", "DATE", "2019-W16"}, {"the past month", "DATE", "2019-03"}}},
		{"The dam opened on May 2. The following week the river rose.", "2019-04-26",
			[]tx{{"The following week", "DATE", "2019-W19"}}},
		{"Growth will slow before the end of the decade.", "2019-04-26",
			[]tx{{"the end of the decade", "DATE", "201"}}},
		{"Wages rose faster last decade.", "2019-04-26",
			[]tx{{"last decade", "DATE", "200"}}},
		{"The mine closed a couple of weeks ago.", "2019-04-26",
			[]tx{{"a couple of weeks ago", "DATE", "2019-W15"}}},
		// business shorthand and numeric dates
		{"Margins rose in Q1 and should rise in H2 2019.", "2019-04-26",
			[]tx{{"Q1", "DATE", "2019-Q1"}, {"H2 2019", "DATE", "2019-H2"}}},
		{"Revenue for FY2018 beat forecasts.", "2019-04-26",
			[]tx{{"FY2018", "DATE", "2018"}}},
		{"The order dated 21/03/2019 was annulled on 4/2/2019.", "2019-04-26",
			[]tx{{"21/03/2019", "DATE", "2019-03-21"}, {"4/2/2019", "DATE", "2019-04-02"}}},
		// durations
		{"The siege lasted two and a half years.", "2019-04-26",
			[]tx{{"two and a half years", "DURATION", "P2Y6M"}}},
		{"Talks dragged on for a year and a half.", "2019-04-26",
			[]tx{{"a year and a half", "DURATION", "P1Y6M"}}},
		{"The treaty held for half a century and a quarter-century more.", "2019-04-26",
			[]tx{{"half a century", "DURATION", "P50Y"}, {"a quarter-century", "DURATION", "P25Y"}}},
		{"Many years passed before the trial.", "2019-04-26",
			[]tx{{"Many years", "DURATION", "PXY"}}},
		// sets, holidays, references
		{"The fair opens each spring and on weekends.", "2019-04-26",
			[]tx{{"each spring", "SET", "XXXX-SP"}, {"weekends", "SET", "XXXX-WXX-WE"}}},
		{"Shops opened early on Black Friday and Valentine\u2019s Day.", "2019-04-26",
			[]tx{{"Black Friday", "DATE", "2018-11-23"}, {"Valentine\u2019s Day", "DATE", "2019-02-14"}}},
		{"Prices rose months ago and fell the day after.", "2019-04-26",
			[]tx{{"months ago", "DATE", "PAST_REF"}, {"the day after", "DATE", "2019-04-27"}}},
		{"The fleet left the port that night.", "2019-04-26",
			[]tx{{"that night", "TIME", "2019-04-26TNI"}}},
		{"Profit fell from the prior year.", "2019-04-26",
			[]tx{{"the prior year", "DATE", "2018"}}},
		{"The dam was finished this past spring.", "2019-06-10",
			[]tx{{"this past spring", "DATE", "2019-SP"}}},
		{"The dam broke in 2009. That winter the valley flooded.", "2019-04-26",
			[]tx{{"2009", "DATE", "2009"}, {"That winter", "DATE", "2009-WI"}}},
		{"Nowadays few people write letters.", "2019-04-26",
			[]tx{{"Nowadays", "DATE", "PRESENT_REF"}}},
		// number words as transcripts space them
		{"In the last twenty four hours the river rose.", "2019-04-26",
			[]tx{{"the last twenty four hours", "DURATION", "PT24H"}}},
		// weekdays counted from the day last named, not from the dct
		{"The bank failed on March 8. The previous Friday its chief resigned.", "2019-04-26",
			[]tx{{"March 8", "DATE", "2019-03-08"}, {"The previous Friday", "DATE", "2019-03-01"}}},
		{"They met on March 8 and again the following Monday night.", "2019-04-26",
			[]tx{{"March 8", "DATE", "2019-03-08"}, {"the following Monday night", "TIME", "2019-03-11TNI"}}},
		// a clock time takes the day named after it
		{"The minister spoke at 5 p.m. on Tuesday.", "2019-04-26",
			[]tx{{"5 p.m.", "TIME", "2019-04-23T17:00"}, {"Tuesday", "DATE", "2019-04-23"}}},
		// ordinal days
		{"The pope was chosen on March 13, the second day of the conclave.", "2019-04-26",
			[]tx{{"March 13", "DATE", "2019-03-13"}, {"the second day", "DATE", "2019-03-13"}}},
		{"The law took effect on the first day of March.", "2019-04-26",
			[]tx{{"the first day of March", "DATE", "2019-03-01"}}},
		// approximations and ranges
		{"The mine closed a week or so ago.", "2019-04-26",
			[]tx{{"a week or so ago", "DATE", "2019-W16"}}},
		{"Repairs take two to three weeks, or 12-18 months for the dam.", "2019-04-26",
			[]tx{{"two to three weeks", "DURATION", "P2W"}, {"12-18 months", "DURATION", "P12M"}}},
		// a lead word is no tense cue: "later" does not make Thursday future
		{"The minister left later Thursday.", "2019-04-26",
			[]tx{{"later Thursday", "DATE", "2019-04-25"}}},
	}
	checkTimeML(t, cases)
}

// TestNewsFormsNot checks look-alikes of the forms above that are no time.
func TestNewsFormsNot(t *testing.T) {
	tg := Default()
	dct := caldate.YMD(2019, 4, 26)
	for _, s := range []string{
		"The stock rose 2.30 percent.",
		"He won the set 6:4.",
		"Mr. Reupke, 52 years old, retired.",
		"The Q&A ran long.",
		"He said ''60 is the limit''.",
		"The code 555/12/1234 failed.",
		"Prices that fall sharply recover slowly.",
		"Shoots that spring up die.",
	} {
		if got := tg.TagTimeML(s, dct); len(got) != 0 {
			t.Errorf("%q: unexpected %v", s, texts(got))
		}
	}
}
