package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExplain(t *testing.T) {
	dir := t.TempDir()
	doc := "Updated: 2024-03-14\n\nChinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in Beijing on Tuesday. The two discussed trade and the war in Ukraine at length, the ministry said.\n\nAnalysts said Putin could meet Xi later in the year.\n"
	if err := os.WriteFile(filepath.Join(dir, "x.txt"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd("explain", dir)
	if code != 0 {
		t.Fatalf("explain exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"reference date 2024-03-14 from stamp",
		`pattern "met"`,
		"-> CONSULT CHN (Wang Yi) > RUS (Sergei Lavrov), occurred, 2024-03-12 from text",
		"dropped: hypothetical",
		"events kept (1):",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explain output lacks %q:\n%s", want, out)
		}
	}
}

// TestUserActors: a person added in the user's own table is known to extract.
func TestUserActors(t *testing.T) {
	dir := t.TempDir()
	table := "Arvid Tallgren\tFIN\tforeign minister\tGOV\t2030-01-01\t\tTallgren\n"
	if err := os.WriteFile(filepath.Join(dir, "people-mine.tsv"), []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PARLEY_ACTORS", dir)
	doc := filepath.Join(t.TempDir(), "n.txt")
	text := "Updated: 2030-03-08\n\nArvid Tallgren met Chinese Foreign Minister Wang Yi in Beijing on Thursday, and the two discussed trade at length.\n"
	if err := os.WriteFile(doc, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCmd("extract", doc)
	if code != 0 {
		t.Fatalf("extract exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, `"source":"FIN"`) || !strings.Contains(out, `"source_actor":"Arvid Tallgren"`) {
		t.Errorf("the user's actor was not used: %s", out)
	}
}
