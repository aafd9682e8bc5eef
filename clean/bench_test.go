package clean

import (
	"strings"
	"testing"
)

// benchPage builds a noisy page of about 5 KB: a menu, a title, a byline
// with a stamp, share buttons, a caption, a dozen paragraphs, a listing and
// a footer with lines in another script.
func benchPage() string {
	var b strings.Builder
	b.WriteString("Global EditionASIA 中文Español\nWorld\nHome / World / Asia\n\n")
	b.WriteString("Coastal states agree on a joint plan for the strait\n\n")
	b.WriteString("By KIM ARDEN | example-daily.com | Updated: 2021-05-06 10:20\nShare\nShare - WeChat\n")
	b.WriteString("Photo taken on May 4, 2021 shows ships waiting at the mouth of the strait. [Photo/Agencies]\n\n")
	paras := []string{
		"PORT ELM, May 5 (ExampleWire) -- The foreign ministers of the three coastal states agreed on Wednesday to draw up a joint plan for shipping in the strait, after a meeting that lasted most of the day.",
		"The plan will set rules for tankers and fishing boats alike, and it will be checked every year by a panel of experts from each country, the host ministry said in a statement.",
		"\"We have talked about this for far too long, and now we have a text that all of us can sign,\" one of the ministers told reporters at the end of the meeting.",
		"Shipping firms have long asked for one set of rules, since each state now has its own and captains must change their papers as they cross from one zone to the next.",
		"The ministers also discussed the cost of new radar stations along the coast, which they said should be shared in proportion to the traffic each port receives.",
		"Talks on the radar stations will go on next month, when officials from the ports will join the experts for a week of meetings in the northern city.",
	}
	for i := 0; i < 4; i++ {
		for _, p := range paras {
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	}
	b.WriteString("Most Viewed in 24 Hours\nStorm closes the northern ports\nElection date set for autumn\nTop\nBACK TO THE TOP\n")
	b.WriteString("Copyright 2000 - 2021. All rights reserved. Nothing on this site may be copied without the consent of the publisher.\n")
	b.WriteString("About Us | Jobs | Contact Us | Privacy Policy\n")
	b.WriteString("[网络视听许可证0000000号] [京ICP备00000000号]\n主站模板: 免费领取优惠券| 全场包邮限时抢购| 数码配件厂家直销\n")
	return b.String()
}

func BenchmarkText(b *testing.B) {
	page := benchPage()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		Text(page)
	}
}

func TestBenchPage(t *testing.T) {
	page := benchPage()
	a := Text(page)
	if len(page) < 4500 || len(page) > 6000 {
		t.Errorf("bench page is %d bytes, want about 5 KB", len(page))
	}
	if len(a.Body) != 24 || a.Title == "" || a.Date.IsZero() || a.Dateline != "PORT ELM" {
		t.Errorf("bench page cleaned wrongly: %d body lines, title %q, date %v, dateline %q", len(a.Body), a.Title, a.Date, a.Dateline)
	}
}
