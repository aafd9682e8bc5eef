package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const story = "Ministers met in a small town on Monday.\nThey agreed to meet again.\n"

// tree writes files (path -> content) under a fresh temporary directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, c := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

type outcome struct {
	docs  []Document
	fails map[string]error // by path relative to root
}

func run(t *testing.T, root string, paths []string, opt Options) outcome {
	t.Helper()
	out := outcome{fails: map[string]error{}}
	Walk(paths, opt, func(d Document) { out.docs = append(out.docs, d) }, func(p string, err error) {
		rel, _ := filepath.Rel(root, p)
		out.fails[filepath.ToSlash(rel)] = err
	})
	return out
}

func TestWalkDirectory(t *testing.T) {
	root := tree(t, map[string]string{
		"b.txt":          story,
		"a.HTML":         "<html><body><p>" + story + "</p></body></html>",
		"sub/c.text":     story,
		"sub/d.htm":      "<p>x</p>",
		"sub/skip.json":  `{"x":1}`,
		"sub/notes.md":   story,
		".hidden/e.txt":  story,
		"sub/.f.txt":     story,
		"z.txt":          "<!DOCTYPE html><html><body>hi there</body></html>",
		"sub/deep/g.txt": "  \n<html lang=en><p>page</p></html>",
	})
	out := run(t, root, []string{root}, Options{})
	if len(out.fails) != 0 {
		t.Fatalf("unexpected failures: %v", out.fails)
	}
	want := []struct {
		rel    string
		id     string
		format Format
	}{
		{"a.HTML", "a", HTML},
		{"b.txt", "b", Text},
		{"sub/c.text", "c", Text},
		{"sub/d.htm", "d", HTML},
		{"sub/deep/g.txt", "g", HTML},
		{"z.txt", "z", HTML},
	}
	if len(out.docs) != len(want) {
		var got []string
		for _, d := range out.docs {
			got = append(got, d.Path)
		}
		t.Fatalf("got %d docs %v, want %d", len(out.docs), got, len(want))
	}
	for i, w := range want {
		d := out.docs[i]
		if d.Path != filepath.Join(root, filepath.FromSlash(w.rel)) || d.ID != w.id || d.Format != w.format {
			t.Errorf("doc %d = {%s %s %v}, want {%s %s %v}", i, d.Path, d.ID, d.Format, w.rel, w.id, w.format)
		}
		if len(d.Raw) == 0 {
			t.Errorf("doc %s has no bytes", d.ID)
		}
	}
}

func TestWalkExplicitAndIndex(t *testing.T) {
	root := tree(t, map[string]string{
		"x1.dat": story,
		"x2.txt": story,
	})
	idx := map[string]Meta{"x1": {Doc: "x1", URL: "https://example.org/x1", Published: "2020-02-03"}}
	paths := []string{filepath.Join(root, "x1.dat"), filepath.Join(root, "x2.txt"), filepath.Join(root, "x1.dat")}
	out := run(t, root, paths, Options{Index: idx})
	if len(out.fails) != 0 {
		t.Fatalf("unexpected failures: %v", out.fails)
	}
	if len(out.docs) != 2 {
		t.Fatalf("got %d docs, want 2 (a file named twice is read once)", len(out.docs))
	}
	if d := out.docs[0]; d.ID != "x1" || d.Format != Text || d.URL != idx["x1"].URL || d.Published != "2020-02-03" {
		t.Errorf("x1 = %+v", d)
	}
	if d := out.docs[1]; d.URL != "" || d.Published != "" {
		t.Errorf("x2 has index fields it should not: %+v", d)
	}
}

func TestWalkBadInput(t *testing.T) {
	big := strings.Repeat("word ", 100)
	invalid := "Good start, then a bad byte \xff here.\n"
	cases := []struct {
		name    string
		file    string // relative path written with content, "" for none
		content string
		arg     string // path passed to Walk, relative to root
		max     int64
		is      error  // expected wrapped error, or nil
		msg     string // substring the message must hold
	}{
		{"empty", "e.txt", "", "e.txt", 0, ErrEmpty, "empty"},
		{"whitespace", "w.txt", " \n\t\r\n  ", "w.txt", 0, ErrEmpty, "whitespace"},
		{"nul", "n.txt", "abc\x00def", "n.txt", 0, ErrBinary, "NUL byte at offset 3"},
		{"control", "c.txt", strings.Repeat("\x01\x02\x03a", 50), "c.txt", 0, ErrBinary, "control bytes"},
		{"utf8", "u.txt", invalid, "u.txt", 0, ErrEncoding, "byte offset 28"},
		{"utf8 html is left to clean", "h.html", "<p>caf\xe9</p>", "h.html", 0, nil, ""},
		{"oversize", "big.txt", big, "big.txt", 100, ErrTooLarge, "500 bytes (limit 100)"},
		{"missing", "", "", "nope.txt", 0, fs.ErrNotExist, "does not exist"},
		{"missing dir", "", "", "nodir", 0, fs.ErrNotExist, "does not exist"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{}
			if c.file != "" {
				files[c.file] = c.content
			}
			root := tree(t, files)
			out := run(t, root, []string{filepath.Join(root, c.arg)}, Options{MaxBytes: c.max})
			err := out.fails[c.arg]
			if c.is == nil {
				if err != nil || len(out.docs) != 1 {
					t.Fatalf("err = %v, docs = %d; want one doc", err, len(out.docs))
				}
				return
			}
			if err == nil {
				t.Fatalf("no failure reported; docs = %d", len(out.docs))
			}
			if !errors.Is(err, c.is) {
				t.Errorf("err = %v, want errors.Is %v", err, c.is)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("err = %q, want it to say %q", err, c.msg)
			}
			if strings.Contains(err.Error(), "\n") || strings.Contains(err.Error(), root) {
				t.Errorf("err %q must be one line and not repeat the path", err)
			}
			if len(out.docs) != 0 {
				t.Errorf("bad file was visited")
			}
		})
	}
}

// TestWalkKeepsGoing checks that bad files in a directory do not stop the
// others from being read.
func TestWalkKeepsGoing(t *testing.T) {
	root := tree(t, map[string]string{
		"1.txt": story,
		"2.txt": "",
		"3.txt": "x\x00y",
		"4.txt": "\xfe\xfe",
		"5.txt": story,
	})
	out := run(t, root, []string{root, filepath.Join(root, "missing.txt")}, Options{})
	if len(out.docs) != 2 || out.docs[0].ID != "1" || out.docs[1].ID != "5" {
		t.Errorf("docs = %v", out.docs)
	}
	for _, f := range []string{"2.txt", "3.txt", "4.txt", "missing.txt"} {
		if out.fails[f] == nil {
			t.Errorf("%s: no failure reported", f)
		}
	}
}

func TestWalkPermission(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads anything: permission errors cannot be produced")
	}
	root := tree(t, map[string]string{
		"ok.txt":         story,
		"locked/in.txt":  story,
		"closed.txt":     story,
		"zz/another.txt": story,
	})
	locked := filepath.Join(root, "locked")
	closed := filepath.Join(root, "closed.txt")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(closed, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	out := run(t, root, []string{root}, Options{})
	for _, f := range []string{"locked", "closed.txt"} {
		err := out.fails[f]
		if err == nil || !errors.Is(err, fs.ErrPermission) {
			t.Errorf("%s: err = %v, want a permission error", f, err)
		}
	}
	if len(out.docs) != 2 {
		t.Errorf("got %d docs, want ok.txt and zz/another.txt", len(out.docs))
	}
}

func TestLoadIndex(t *testing.T) {
	cases := []struct {
		name    string
		content string
		n       int
		errMsg  string
	}{
		{"ok", `{"doc":"a","url":"u","published":"2019-04-24"}` + "\n\n" + `{"doc":"b","published":"","extra":1}` + "\n", 2, ""},
		{"bad json", `{"doc":"a"}` + "\n" + `{"doc":` + "\n", 0, "line 2: bad JSON"},
		{"no doc", `{"url":"u"}`, 0, `line 1: missing "doc"`},
		{"duplicate", `{"doc":"a"}` + "\n" + `{"doc":"a"}`, 0, "line 2: doc \"a\" already listed on line 1"},
		{"bad date", `{"doc":"a","published":"24/04/2019"}`, 0, "line 1: bad \"published\""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := tree(t, map[string]string{"docs.jsonl": c.content})
			idx, err := LoadIndex(filepath.Join(root, "docs.jsonl"))
			if c.errMsg != "" {
				if err == nil || !strings.Contains(err.Error(), c.errMsg) {
					t.Fatalf("err = %v, want %q", err, c.errMsg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(idx) != c.n {
				t.Errorf("got %d entries, want %d", len(idx), c.n)
			}
			if idx["a"].Published != "2019-04-24" || idx["a"].URL != "u" {
				t.Errorf("a = %+v", idx["a"])
			}
		})
	}
	if _, err := LoadIndex(filepath.Join(t.TempDir(), "none.jsonl")); err == nil {
		t.Error("missing index: no error")
	}
}
