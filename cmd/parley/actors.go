package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"parley/actors"
	"parley/caldate"
)

const (
	actorsSynopsis = "actors lookup NAME [--date D] [--dict DIR] | actors import FILE... [--out DIR] [--tag NAME]"
	lookupSynopsis = "actors lookup NAME [--date YYYY-MM-DD] [--dict DIR]"
	importSynopsis = "actors import FILE... [--out DIR] [--tag NAME]"
)

func init() {
	register("actors", actorsSynopsis, "explain what a name resolves to; import CAMEO actor dictionaries", cmdActors)
}

func cmdActors(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintf(stderr, "Usage:\n  parley %s\n  parley %s\n", lookupSynopsis, importSynopsis)
		return errUsage
	}
	switch args[0] {
	case "lookup":
		return cmdActorsLookup(args[1:], stdout, stderr)
	case "import":
		return cmdActorsImport(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprintf(stderr, "Usage:\n  parley %s\n  parley %s\n", lookupSynopsis, importSynopsis)
		return nil
	}
	fmt.Fprintf(stderr, "parley actors: unknown subcommand %q\nUsage:\n  parley %s\n  parley %s\n", args[0], lookupSynopsis, importSynopsis)
	return errUsage
}

// cmdActorsLookup prints what a name resolves to on a date, the person
// chosen with the term that applies, and the other people the name (or one
// of its words) could stand for.
func cmdActorsLookup(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("actors lookup", lookupSynopsis, stderr)
	date := fs.String("date", "", "the date the name is read at (YYYY, YYYY-MM or YYYY-MM-DD); empty: the latest roles")
	dict := fs.String("dict", actors.UserDir(), "a folder of user tables (*.tsv) loaded on top of the built-in dictionary")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return errUsage
	}
	if len(pos) == 0 {
		return usageError(fs, stderr, "no name given")
	}
	day, err := caldate.Parse(*date)
	if err != nil {
		return usageError(fs, stderr, "--date: "+err.Error())
	}
	d, err := actors.LoadUser(*dict)
	if err != nil {
		return err
	}
	ex := d.Explain(strings.Join(pos, " "), day)
	on := "no date (latest roles)"
	if !day.IsZero() {
		on = day.String()
	}
	fmt.Fprintf(stdout, "%q on %s\n", ex.Query, on)
	if len(ex.Mentions) == 0 {
		fmt.Fprintln(stdout, "  resolves to: nothing")
	}
	for _, m := range ex.Mentions {
		fmt.Fprintf(stdout, "  resolves to: %s %s %q", m.Code, m.Kind, m.Actor)
		if m.Role != "" {
			fmt.Fprintf(stdout, ", %s", m.Role)
		}
		if m.Sector != "" {
			fmt.Fprintf(stdout, " [%s]", m.Sector)
		}
		fmt.Fprintf(stdout, "  (matched %q)\n", m.Text)
	}
	fmt.Fprintf(stdout, "  why: %s\n", ex.Reason)
	for i, c := range ex.People {
		label := "alternative"
		if c.Chosen {
			label = "matched entry"
		}
		if i == 0 && !c.Chosen {
			fmt.Fprintln(stdout, "  people going by this name or one of its words:")
		}
		fmt.Fprintf(stdout, "  %s: %s (%s), also written %s\n", label, c.Name, c.Code, strings.Join(c.Forms[1:], ", "))
		for _, t := range c.Terms {
			fmt.Fprintf(stdout, "      %s\n", t)
		}
	}
	return nil
}

// cmdActorsImport reads CAMEO actor dictionaries and writes them as user
// tables that extend the built-in dictionary.
func cmdActorsImport(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("actors import", importSynopsis, stderr)
	out := fs.String("out", actors.UserDir(), "the folder to write the tables to (read by 'actors lookup --dict')")
	tag := fs.String("tag", "", "the name part of the written files (<table>-<tag>.tsv); default: from the first file's name")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return errUsage
	}
	if len(pos) == 0 {
		return usageError(fs, stderr, "no file given")
	}
	im := actors.NewCAMEOImport(actors.Default().Name)
	for _, p := range pos {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		err = im.Read(f, p)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %v", p, err)
		}
	}
	t := *tag
	if t == "" {
		t = importTag(pos[0])
	}
	paths, err := im.WriteTSV(*out, t)
	if err != nil {
		return err
	}
	// Make sure what was written loads before saying it worked.
	if _, err := actors.LoadUser(*out); err != nil {
		return fmt.Errorf("the written tables do not load: %v", err)
	}
	fmt.Fprintf(stdout, "imported %d person terms, %d state names, %d organisations, %d bodies; %d lines skipped\n",
		len(im.People), len(im.States), len(im.IGOs), len(im.Bodies), len(im.Skipped))
	for _, p := range paths {
		fmt.Fprintln(stdout, "wrote", p)
	}
	for i, s := range im.Skipped {
		if i == 20 {
			fmt.Fprintf(stderr, "... and %d more skipped\n", len(im.Skipped)-i)
			break
		}
		fmt.Fprintln(stderr, "skipped:", s)
	}
	return nil
}

// importTag makes a file-name tag from an input path:
// "Phoenix.Countries.actors.txt" -> "phoenix-countries".
func importTag(p string) string {
	b := strings.ToLower(filepath.Base(p))
	b = strings.TrimSuffix(b, filepath.Ext(b))
	b = strings.TrimSuffix(b, ".actors")
	var sb strings.Builder
	for _, r := range b {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			sb.WriteRune(r)
		} else if sb.Len() > 0 && !strings.HasSuffix(sb.String(), "-") {
			sb.WriteByte('-')
		}
	}
	if s := strings.Trim(sb.String(), "-"); s != "" {
		return s
	}
	return "imported"
}
