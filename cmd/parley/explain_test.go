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
