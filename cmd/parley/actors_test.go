package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestActorsCommand(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "tiny.actors.txt")
	// Written for this test in the CAMEO actor syntax.
	os.WriteFile(src, []byte("QUENTIN_ZORBLATT_\n+MINISTER_ZORBLATT_\n\t[NORGOV 300101-351231]\nNORTH_SEA_ARMY_ [NORMIL]\n"), 0o644)
	out := filepath.Join(dir, "dict")
	tests := []struct {
		args []string
		code int
		want []string // substrings of stdout
	}{
		{[]string{"actors", "lookup", "Kim Yong Chol", "--date", "2018-05-31", "--dict", out}, 0,
			[]string{"PRK person \"Kim Yong Chol\"", "vice chairman of the Workers' Party", "<- on the date", "alternative: Kim Jong Un"}},
		{[]string{"actors", "lookup", "the Russian president", "--date", "2010-06-01", "--dict", out}, 0, []string{"Dmitry Medvedev"}},
		{[]string{"actors", "lookup", "Quentin Zorblatt", "--date", "2031-01-01", "--dict", out}, 0, []string{"resolves to: nothing"}},
		{[]string{"actors", "import", src, "--out", out}, 0, []string{"imported 1 person terms", "people-tiny.tsv", "bodies-tiny.tsv"}},
		{[]string{"actors", "lookup", "Quentin Zorblatt", "--date", "2031-01-01", "--dict", out}, 0, []string{"NOR person \"Quentin Zorblatt\"", "government official"}},
		{[]string{"actors", "lookup", "--date", "2031-13-01", "X"}, 2, nil},
		{[]string{"actors", "lookup"}, 2, nil},
		{[]string{"actors", "frobnicate"}, 2, nil},
		{[]string{"actors", "import", filepath.Join(dir, "missing.txt"), "--out", out}, 1, nil},
	}
	for _, tc := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &stdout, &stderr)
		if code != tc.code {
			t.Errorf("%v: exit %d, want %d; stderr %s", tc.args, code, tc.code, stderr.String())
		}
		for _, w := range tc.want {
			if !strings.Contains(stdout.String(), w) {
				t.Errorf("%v: output lacks %q:\n%s", tc.args, w, stdout.String())
			}
		}
	}
}

func TestImportTag(t *testing.T) {
	for in, want := range map[string]string{
		"/x/Phoenix.Countries.actors.txt": "phoenix-countries",
		"mine.txt":                        "mine",
		"___.txt":                         "imported",
	} {
		if got := importTag(in); got != want {
			t.Errorf("importTag(%q) = %q, want %q", in, got, want)
		}
	}
}
