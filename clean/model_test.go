package clean

import (
	"strings"
	"testing"
)

func TestParseModel(t *testing.T) {
	m, err := ParseModel(strings.NewReader("# a comment\nhead 2.5\nlead_words 3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Get("head") != 2.5 || m.Get("lead_words") != 3 {
		t.Errorf("head %v lead_words %v", m.Get("head"), m.Get("lead_words"))
	}
	// Weights the file leaves out keep their embedded value.
	if m.Get("teaser") != DefaultModel().Get("teaser") {
		t.Errorf("teaser = %v, want the default %v", m.Get("teaser"), DefaultModel().Get("teaser"))
	}
	var b strings.Builder
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	back, err := ParseModel(strings.NewReader(b.String()))
	if err != nil || *back != *m {
		t.Errorf("round trip: %v\n%s", err, b.String())
	}
	for _, bad := range []string{"nosuch 1\n", "head\n", "head x\n", "head NaN\n"} {
		if _, err := ParseModel(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestWithModel checks that the model is what decides: with the lead
// rule switched off, the name-heavy lead is dropped again.
func TestWithModel(t *testing.T) {
	lead := "Foreign Minister Lena Varga met"
	if a := Text(pageNameLead); !inBody(a, lead) {
		t.Fatal("default model dropped the lead")
	}
	m := DefaultModel()
	if err := m.Set("lead_words", 99); err != nil {
		t.Fatal(err)
	}
	if a := New(nil).WithModel(m).Text(pageNameLead); inBody(a, lead) {
		t.Error("with lead_words 99 the lead is still kept")
	}
	if DefaultModel().Get("lead_words") == 99 {
		t.Error("Set on a copy changed the default model")
	}
}

// TestPageLanguage checks that a page in another language written in
// Latin script is judged with that language's function words: its prose
// is kept and its menu dropped.
func TestPageLanguage(t *testing.T) {
	page := "Início\nNotícias\nContato\n\n" +
		"Os ministros dos dois países se reuniram na terça-feira para discutir a fronteira, e disseram que as conversas vão continuar em maio.\n\n" +
		"Segundo o governo, o acordo deve ser assinado antes do fim do ano, mas ainda há pontos que não foram resolvidos pelas duas partes.\n\n" +
		"Para a oposição, o texto não protege os agricultores da região e precisa ser discutido no parlamento antes da assinatura.\n"
	a := Text(page)
	for _, k := range []string{"Os ministros", "Segundo o governo", "Para a oposição"} {
		if !inBody(a, k) {
			t.Errorf("dropped %q", k)
		}
	}
	for _, d := range []string{"Início", "Notícias", "Contato"} {
		if inBody(a, d) {
			t.Errorf("kept %q", d)
		}
	}
	if a.Language != "pt" {
		t.Errorf("Language = %q, want pt", a.Language)
	}
}
