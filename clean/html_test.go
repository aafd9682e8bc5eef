package clean

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"parley/caldate"
)

// samplePage is a made-up news page: menus, a share bar, a photo caption,
// an article of several paragraphs with a line break inside one, related
// links and a footer.
const samplePage = `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour states sign fishing accord | Example Times</title>
<meta property="og:title" content="Harbour states sign fishing accord">
<meta property="article:published_time" content="2021-03-09T08:15:00Z">
<link rel="canonical" href="https://news.example.org/world/2021/03/09/fishing-accord">
</head><body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/asia">Asia</a></nav></header>
<div class="share"><a>Share</a> <a>Tweet</a> <a>Email</a></div>
<article>
<h1>Harbour states sign fishing accord</h1>
<p class="byline">By Ana Lopes | Example Times | Updated: 2021-03-10 11:02</p>
<p>PORTO NOVO, March 9 (ExampleWire) -- The foreign ministers of Arland and Borduria signed an accord on Tuesday that sets shared quotas for the fishing grounds between the two countries, ending a dispute that had simmered for a decade.</p>
<p>The accord was signed in the port city after two days of talks, the Arland foreign ministry said in a statement. Both sides agreed to meet again in the autumn to review the catch figures.<br>Officials from Borduria called the deal a fair compromise for the fishing towns on both coasts.</p>
<figure><img src="a.jpg"><figcaption>The two ministers shake hands after the signing. [Photo/ExampleWire]</figcaption></figure>
<p>Arland's minister said the quotas would be checked by a joint commission, and that coast guards of both countries would share their patrol data from next month.</p>
<ul><li>The commission will meet every quarter and publish its findings.</li><li>Disputes will go to a panel of three judges chosen by both sides.</li></ul>
<p>Fishing unions in Borduria, which had staged protests last year, said they would study the text before giving their view.</p>
</article>
<aside><h3>Most Read</h3><ul><li><a>Storm closes ports</a></li><li><a>Election date set</a></li></ul></aside>
<footer><p>Copyright 2021 Example Times. All rights reserved.</p><p>About Us | Contact Us | Privacy Policy</p></footer>
</body></html>`

func TestHTML(t *testing.T) {
	a, err := HTML([]byte(samplePage), "https://news.example.org/world/2021/03/09/fishing-accord")
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, "sample", a)
	t.Logf("text:\n%s", a.Text)
	if a.Title != "Harbour states sign fishing accord" {
		t.Errorf("Title = %q", a.Title)
	}
	if want := caldate.YMD(2021, 3, 9); a.Date != want || a.DateSource != "html-meta" {
		t.Errorf("Date = %v (%s), want %v from html-meta", a.Date, a.DateSource, want)
	}
	if a.Dateline != "PORTO NOVO" {
		t.Errorf("Dateline = %q", a.Dateline)
	}
	if a.Language != "en" {
		t.Errorf("Language = %q", a.Language)
	}
	var body []string
	for _, s := range a.Body {
		body = append(body, a.Text[s.Start:s.End])
	}
	joined := strings.Join(body, "\n")
	for _, want := range []string{
		"signed an accord on Tuesday",
		"review the catch figures.",                    // before the <br>
		"Officials from Borduria called the deal",      // after the <br>: its own line
		"The commission will meet every quarter",       // list item
		"Disputes will go to a panel of three judges",  // second list item, separate line
		"Fishing unions in Borduria, which had staged", // last paragraph
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	for _, s := range body {
		if strings.Contains(s, "Officials from Borduria") && strings.Contains(s, "catch figures") {
			t.Errorf("<br> did not split the paragraph: %q", s)
		}
		if strings.Contains(s, "Disputes") && strings.Contains(s, "commission will meet") {
			t.Errorf("list items run together: %q", s)
		}
	}
	for _, bad := range []string{"All rights reserved", "Privacy Policy", "Storm closes ports", "[Photo/", "Ana Lopes"} {
		if strings.Contains(joined, bad) {
			t.Errorf("body keeps boilerplate %q", bad)
		}
	}
}

func TestHTMLCharset(t *testing.T) {
	// A Latin-1 page that says so: the é must come out as UTF-8.
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Caf` + "\xe9" + ` owners meet the mayor</title></head><body>
<p>The owners of the caf` + "\xe9" + ` on the main square met the mayor on Monday to talk about the new rules for terraces in the old town, which they say will cost them much of their summer trade.</p>
<p>The mayor said the rules would be reviewed after the summer season, and that the council wanted to hear from every owner before it voted on the final text of the plan.</p>
<p>Owners said they were pleased to have been heard, though several of them said they would keep up their campaign until the vote was held in the autumn.</p>
</body></html>`
	a, err := HTML([]byte(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "café on the main square") {
		t.Errorf("Latin-1 not decoded: %q", a.Text)
	}
	// The same page in Windows-1252 without a declaration still decodes.
	enc, _ := charmap.Windows1252.NewEncoder().String("<html><body><p>" + strings.Repeat("The café owners met the mayor to discuss terraces, and they said the talks went well. ", 5) + "</p></body></html>")
	a, err = HTML([]byte(enc), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "café owners") {
		t.Errorf("undeclared Windows-1252 not decoded: %q", a.Text)
	}
}

func TestHTMLNoText(t *testing.T) {
	for _, page := range []string{
		"<html><body></body></html>",
		"<html><head><title>Only a title</title></head><body><nav>Home | World</nav></body></html>",
	} {
		if _, err := HTML([]byte(page), ""); !errors.Is(err, ErrNoText) {
			t.Errorf("%q: err = %v, want ErrNoText", page, err)
		}
	}
}
