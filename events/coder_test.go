package events_test

import (
	"fmt"
	"strings"
	"testing"

	"parley/actors"
	"parley/caldate"
	"parley/events"
	"parley/text"
	"parley/timex"
)

// code runs the coder on a small text written as one paragraph per line,
// with the earlier stages' default data.
func code(t *testing.T, doc, dct string) []events.Event {
	t.Helper()
	date := caldate.MustParse(dct)
	var spans []text.Span
	off := 0
	for _, line := range strings.SplitAfter(doc, "\n") {
		if s := strings.TrimSpace(line); s != "" {
			start := off + strings.Index(line, s)
			spans = append(spans, text.Span{Start: start, End: start + len(s)})
		}
		off += len(line)
	}
	sents := text.Default().Split(doc, spans)
	in := events.Input{Doc: "t", Text: doc, Sentences: sents, Date: date, DateSource: "test",
		Actors: make([][]actors.Mention, len(sents)), Times: make([][]timex.Expr, len(sents))}
	am := actors.Default().Document(date)
	for i, s := range sents {
		in.Actors[i] = am.Find(s.Text)
		in.Times[i] = timex.Default().Tag(s.Text, date)
	}
	return events.Default().Code(in)
}

// brief is the part of an event the tests pin down.
func brief(e events.Event) string {
	d := e.Date
	if e.EndDate != "" {
		d += ".." + e.EndDate
	}
	return fmt.Sprintf("%s %s>%s %s %s", e.Type, e.Source, e.Target, d, e.Status)
}

func TestCode(t *testing.T) {
	tests := []struct {
		name string
		dct  string
		doc  string
		want []string // every brief expected, in any order
		none []string // type+pair prefixes that must not appear ("CONSULT RUS>PRK")
	}{
		{
			name: "meeting with weekday in the past",
			dct:  "2024-03-14", // a Thursday
			doc:  "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Beijing on Tuesday.",
			want: []string{"CONSULT CHN>RUS 2024-03-12 occurred"},
		},
		{
			name: "planned meeting of a coordinated subject",
			dct:  "2024-03-14",
			doc:  "Putin and Xi Jinping will meet on Saturday, the Kremlin said.",
			want: []string{"CONSULT RUS>CHN 2024-03-16 planned"},
		},
		{
			name: "visit span from one weekday to another",
			dct:  "2024-05-09", // Thursday
			doc:  "The Japanese prime minister visited South Korea from Monday to Wednesday.",
			want: []string{"CONSULT JPN>KOR 2024-05-06..2024-05-08 occurred"},
		},
		{
			name: "hosting is coded as a visit by the guest",
			dct:  "2024-05-09",
			doc:  "Kim Jong Un received Russian Defence Minister Sergei Shoigu in Pyongyang on Wednesday.",
			want: []string{"CONSULT RUS>PRK 2024-05-08 occurred"},
		},
		{
			name: "phone call",
			dct:  "2022-03-19",
			doc:  "Joe Biden spoke by phone with Xi Jinping on Friday about the war.",
			want: []string{"CONSULT USA>CHN 2022-03-18 occurred"},
		},
		{
			name: "messages exchanged by two leaders",
			dct:  "2022-09-10",
			doc:  "Kim Jong Un and Vladimir Putin exchanged messages on Friday to mark the founding day.",
			want: []string{"CONSULT PRK>RUS 2022-09-09 occurred"},
		},
		{
			name: "mutual agreement gives two directed rows",
			dct:  "2023-03-22",
			doc:  "Xi Jinping held talks with Vladimir Putin in Moscow on Tuesday.\nThe two sides agreed to deepen energy cooperation.",
			want: []string{"CONSULT CHN>RUS 2023-03-21 occurred", "AGREE CHN>RUS 2023-03-21 occurred", "AGREE RUS>CHN 2023-03-21 occurred"},
		},
		{
			name: "support by a spokesman counts for the state",
			dct:  "2021-06-02",
			doc:  "Foreign Ministry spokesman Wang Wenbin said on Wednesday that China firmly supports Russia in safeguarding its security.",
			want: []string{"SUPPORT CHN>RUS 2021-06-02 occurred"},
		},
		{
			name: "condemnation",
			dct:  "2023-07-13",
			doc:  "Japan condemned North Korea on Wednesday after the launch of a long-range missile.",
			want: []string{"ACCUSE JPN>PRK 2023-07-12 occurred"},
		},
		{
			name: "sanctions imposed",
			dct:  "2023-02-25",
			doc:  "The United States imposed sanctions on Russia on Friday over the war in Ukraine.",
			want: []string{"SANCTION USA>RUS 2023-02-24 occurred"},
		},
		{
			name: "request by urging",
			dct:  "2023-02-25",
			doc:  "Beijing urged Washington on Friday to stop arming Taiwan.",
			want: []string{"REQUEST CHN>USA 2023-02-24 occurred"},
		},
		{
			name: "rejection",
			dct:  "2023-02-25",
			doc:  "Moscow rejected the Ukrainian peace plan on Friday.",
			want: []string{"REJECT RUS>UKR 2023-02-24 occurred"},
		},
		{
			name: "threat",
			dct:  "2023-02-25",
			doc:  "North Korea threatened the United States on Friday with a powerful response.",
			want: []string{"THREATEN PRK>USA 2023-02-24 occurred"},
		},
		{
			name: "passive voice takes the agent as source",
			dct:  "2023-02-25",
			doc:  "South Korea was criticised by China on Friday for its stance.",
			want: []string{"ACCUSE CHN>KOR 2023-02-24 occurred"},
			none: []string{"ACCUSE KOR>CHN"},
		},
		{
			name: "negated meeting is not coded",
			dct:  "2023-02-25",
			doc:  "Putin did not meet Zelensky on Friday.",
			none: []string{"CONSULT RUS>UKR"},
		},
		{
			name: "postponed trip is not coded",
			dct:  "2023-02-04",
			doc:  "Blinken postponed a trip to Beijing on Friday.",
			none: []string{"CONSULT USA>CHN"},
		},
		{
			name: "hypothetical meeting is not coded",
			dct:  "2023-02-25",
			doc:  "Analysts said Kim could meet Putin in the future.",
			none: []string{"CONSULT PRK>RUS"},
		},
		{
			name: "last month is background at month precision",
			dct:  "2023-04-20",
			doc:  "The minister recalled President Xi Jinping's Russia visit last month.",
			want: []string{"CONSULT CHN>RUS 2023-03 background"},
		},
		{
			name: "invitation is a planned visit by the guest",
			dct:  "2023-09-14",
			doc:  "Kim Jong Un invited Vladimir Putin to visit North Korea.",
			want: []string{"CONSULT RUS>PRK  planned"},
		},
		{
			name: "one statement aimed at two states is two events",
			dct:  "2019-04-24",
			doc:  "Beijing said on Wednesday it welcomes closer ties between Pyongyang and Moscow.",
			want: []string{"SUPPORT CHN>PRK 2019-04-24 occurred", "SUPPORT CHN>RUS 2019-04-24 occurred"},
		},
		{
			name: "pronoun in reported speech refers to the speaker",
			dct:  "2023-04-20",
			doc:  "The Russian side said it firmly supports China on the Taiwan question.",
			want: []string{"SUPPORT RUS>CHN 2023-04-20 occurred"},
		},
		{
			name: "speaker asks the actor that should act",
			dct:  "2017-10-31",
			doc:  "Washington should look into the Ukrainian link, Russian Foreign Minister Sergei Lavrov said on Tuesday.",
			want: []string{"REQUEST RUS>USA 2017-10-31 occurred"},
		},
		{
			name: "cooperate: joint drills",
			dct:  "2024-07-12",
			doc:  "China held joint drills with Russia in the Sea of Japan on Thursday.",
			want: []string{"COOPERATE CHN>RUS 2024-07-11 occurred"},
		},
		{
			name: "aid delivered",
			dct:  "2023-02-10",
			doc:  "Japan delivered emergency aid to Turkey on Thursday after the earthquake.",
			want: []string{"AID JPN>TUR 2023-02-09 occurred"},
		},
		{
			name: "concede: sanctions eased",
			dct:  "2023-06-02",
			doc:  "The European Union eased sanctions on Belarus on Thursday.",
			want: []string{"CONCEDE IGO:EU>BLR 2023-06-01 occurred"},
		},
		{
			name: "retreat: troops withdrawn",
			dct:  "2021-09-01",
			doc:  "The United States withdrew its last troops from Afghanistan on Monday.",
			want: []string{"RETREAT USA>AFG 2021-08-30 occurred"},
		},
		{
			name: "protest lodged",
			dct:  "2023-02-06",
			doc:  "China lodged a formal protest with the United States on Sunday over the balloon.",
			want: []string{"PROTEST CHN>USA 2023-02-05 occurred"},
		},
		{
			name: "coerce: diplomats expelled",
			dct:  "2023-04-21",
			doc:  "Germany expelled Russian diplomats on Friday.",
			want: []string{"COERCE DEU>RUS 2023-04-21 occurred"},
		},
		{
			name: "assault: strikes",
			dct:  "2024-04-20",
			doc:  "Israel launched strikes on Iran on Friday, officials said.",
			want: []string{"ASSAULT ISR>IRN 2024-04-19 occurred"},
		},
		{
			name: "mobilize: warships deployed",
			dct:  "2024-04-20",
			doc:  "Russia deployed warships to the Black Sea near Ukraine on Friday.",
			want: []string{"MOBILIZE RUS>UKR 2024-04-19 occurred"},
		},
		{
			name: "planned by 'is expected to'",
			dct:  "2024-05-13",
			doc:  "Vladimir Putin is expected to visit China on Thursday.",
			want: []string{"CONSULT RUS>CHN 2024-05-16 planned"},
		},
		{
			name: "background: a meeting last year",
			dct:  "2024-05-13",
			doc:  "Xi Jinping met Joe Biden in San Francisco last year.",
			want: []string{"CONSULT CHN>USA 2023 background"},
		},
		{
			name: "quoted criticism comes from the speaker",
			dct:  "2017-11-03",
			doc:  "\u201cThe sanctions campaign led by the United States is genocide,\u201d the North Korean Foreign Ministry said on Friday.",
			want: []string{"ACCUSE PRK>USA 2017-11-03 occurred"},
		},
		{
			name: "joint support for a principle is an agreement",
			dct:  "2017-11-10",
			doc:  "Both Xi Jinping and Donald Trump expressed support for stability on the Korean Peninsula on Thursday.",
			want: []string{"AGREE CHN>USA 2017-11-09 occurred", "AGREE USA>CHN 2017-11-09 occurred"},
		},
		{
			name: "US is a country, not the pronoun",
			dct:  "2023-06-20",
			doc:  "Xi Jinping met US Secretary of State Antony Blinken in Beijing on Monday.",
			want: []string{"CONSULT CHN>USA 2023-06-19 occurred"},
		},
		{
			name: "onward leg of a trip",
			dct:  "2024-06-19",
			doc:  "The Russian leader is due to fly on to Vietnam on Thursday.",
			want: []string{"CONSULT RUS>VNM 2024-06-20 planned"},
		},
		{
			name: "legs of a tour share its plan and dates",
			dct:  "2024-05-01",
			doc:  "Xi Jinping's stop in Paris is part of a May 5-10 tour of Europe.\nThe trip includes Serbia and Hungary, officials said.",
			want: []string{"CONSULT CHN>FRA 2024-05-05..2024-05-10 planned", "CONSULT CHN>SRB 2024-05-05..2024-05-10 planned", "CONSULT CHN>HUN 2024-05-05..2024-05-10 planned"},
		},
		{
			name: "a trip that will take him to several capitals",
			dct:  "2017-11-06",
			doc:  "The spokeswoman said Donald Trump would keep the schedule of his trip, which will also take him to Seoul and Beijing.",
			want: []string{"CONSULT USA>KOR 2017-11 planned", "CONSULT USA>CHN 2017-11 planned"},
		},
		{
			name: "analysts' opinions are not events",
			dct:  "2024-05-13",
			doc:  "Analysts said China firmly supports Russia in the conflict.",
			none: []string{"SUPPORT CHN>RUS"},
		},
		{
			name: "quoted as saying names the speaker",
			dct:  "2017-10-31",
			doc:  "Tokyo should drop the tariffs, the TASS news agency quoted Russian Foreign Minister Sergei Lavrov as saying on Tuesday.",
			want: []string{"REQUEST RUS>JPN 2017-10-31 occurred"},
		},
		{
			name: "hopes that the other side acts is a request",
			dct:  "2022-08-03",
			doc:  "China hopes that the United States will stop interfering in its internal affairs, the ministry said on Wednesday.",
			want: []string{"REQUEST CHN>USA 2022-08-03 occurred"},
		},
		{
			name: "call upon",
			dct:  "2022-08-03",
			doc:  "Japan called upon China on Wednesday to halt the military drills.",
			want: []string{"REQUEST JPN>CHN 2022-08-03 occurred"},
		},
		{
			name: "discussed a topic with a partner named later",
			dct:  "2020-02-14",
			doc:  "U.S. Defense Secretary Mark Esper said on Thursday he had discussed Russia's breach of the missile treaty with his NATO counterparts in Brussels.",
			want: []string{"CONSULT USA>IGO:NATO 2020-02-13 occurred"},
		},
		{
			name: "unknown city named with its country in a list",
			dct:  "2017-11-06",
			doc:  "Donald Trump will fly to Tokyo, Seoul and Danang, Vietnam, next week.",
			want: []string{"CONSULT USA>VNM 2017-11-13..2017-11-19 planned"},
		},
		{
			name: "a pronoun in a where-clause is the person just named",
			dct:  "2023-04-27",
			doc:  "Zelensky welcomed the call on Wednesday.\nIt came a month after Xi Jinping's state visit to Moscow, where he held talks with Vladimir Putin.",
			want: []string{"CONSULT CHN>RUS  background"},
			none: []string{"CONSULT UKR>RUS"},
		},
		{
			name: "an accusation keeps its target through the claim's modality",
			dct:  "2023-02-05",
			doc:  "Lloyd Austin said on Saturday that Beijing had used the balloon to try to spy on American bases.",
			want: []string{"ACCUSE USA>CHN 2023-02-04 occurred"},
		},
		{
			name: "concern over another state's actions",
			dct:  "2023-10-20",
			doc:  "Sergei Lavrov said on Thursday Russia had serious concern over military drills by the United States near the peninsula.",
			want: []string{"ACCUSE RUS>USA 2023-10-19 occurred"},
		},
		{
			name: "developing cooperation with a partner is an agreement",
			dct:  "2021-07-12",
			doc:  "Kim Jong Un replied on Sunday that it was his firm stance to keep developing friendship and cooperation with China.",
			want: []string{"AGREE PRK>CHN 2021-07-11 occurred"},
		},
		{
			name: "sending an envoy is a planned visit",
			dct:  "2023-04-27",
			doc:  "Xi Jinping told Volodymyr Zelensky that China would send its special representative for Eurasian affairs to Ukraine.",
			want: []string{"CONSULT CHN>UKR 2023-04 planned"},
		},
		{
			name: "a charge answered is no accusation by the speaker",
			dct:  "2017-10-31",
			doc:  "The Kremlin said on Tuesday that Moscow had been unfairly maligned in accusations that it meddled in the U.S. election.",
			none: []string{"ACCUSE RUS>USA"},
		},
		{
			name: "no self pairs and no domestic events",
			dct:  "2023-02-25",
			doc:  "Chinese Premier Li Qiang met Chinese business leaders in Beijing on Friday.",
			none: []string{"CONSULT CHN>CHN"},
		},
		{
			name: "repeated mentions merge into one event",
			dct:  "2024-06-20",
			doc:  "Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday.\nThe meeting between Putin and Kim lasted several hours.",
			want: []string{"CONSULT RUS>PRK 2024-06-19 occurred"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := code(t, tt.doc, tt.dct)
			var briefs []string
			for _, e := range got {
				briefs = append(briefs, brief(e))
				if tt.doc[e.Span[0]:e.Span[1]] != e.Evidence {
					t.Errorf("span %v does not hold the evidence %q", e.Span, e.Evidence)
				}
			}
			for _, w := range tt.want {
				found := false
				for _, b := range briefs {
					found = found || b == w
				}
				if !found {
					t.Errorf("missing %q; got %q", w, briefs)
				}
			}
			for _, n := range tt.none {
				for _, b := range briefs {
					if strings.HasPrefix(b, n) {
						t.Errorf("unexpected %q; got %q", b, briefs)
					}
				}
			}
			if strings.Contains(tt.name, "merge") {
				if len(got) != 1 {
					t.Errorf("want one merged event, got %q", briefs)
				} else if len(got[0].Spans) != 2 {
					t.Errorf("merged event keeps %d evidence spans, want 2: %v", len(got[0].Spans), got[0].Spans)
				}
			}
		})
	}
}
