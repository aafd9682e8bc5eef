// Command parley turns noisy news pages into dated, evidence-linked events
// between states.
//
// Usage:
//
//	parley extract PATH... [--docs FILE]     events as JSON Lines on stdout
//	parley eval GOLD_DIR [--json]            score against a gold set
//	parley run PATH... [--db FILE] [--docs FILE]   ingest into the store
//	parley events [--db FILE] [--pair A-B] [--type T] [--since D] [--until D] [--format table|csv|jsonl]
//
// Exit status: 0 when every document was read, 1 when some failed, 2 on bad usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// usage lists the registered commands with their synopses.
func usage() string {
	var b strings.Builder
	b.WriteString("parley: noisy news pages in, dated, evidence-linked events out.\n\nUsage:\n")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&b, "  parley %s\n      %s\n", commands[n].synopsis, commands[n].summary)
	}
	b.WriteString("\nPATH is a .txt, .html, .warc or .warc.gz file, a directory (read recursively), or - for standard input.\nRun 'parley COMMAND -h' for a command's flags.\n")
	return b.String()
}

// commands maps a command name to its implementation. Each command file
// registers its own commands in an init function, so adding a command never
// touches this file.
var commands = map[string]command{}

// command is one subcommand of parley.
type command struct {
	synopsis string // "extract PATH... [--docs FILE]"
	summary  string // one line on what it does
	run      func(args []string, stdout, stderr io.Writer) error
}

func register(name, synopsis, summary string, fn func(args []string, stdout, stderr io.Writer) error) {
	commands[name] = command{synopsis, summary, fn}
}

func init() {
	register("extract", "extract PATH... [--docs FILE] [--max-bytes N]", "print events as JSON Lines", cmdExtract)
	register("eval", "eval GOLD_DIR [--json] [--misses] [--calibration]", "score the pipeline on a gold set", cmdEval)
	register("run", "run PATH... [--db FILE] [--docs FILE]", "ingest documents into the store", cmdRun)
	register("events", "events [--db FILE] [--merged|--mentions] [--pair A-B] [--type T] [--status S] [--actor NAME] [--min-sources N] [--search WORDS] [--since D] [--until D] [--format table|csv|jsonl]", "query the store", cmdEvents)
}

// errUsage marks a usage error: exit status 2.
var errUsage = errors.New("usage")

// errSomeFailed marks a run in which some documents could not be read: exit status 1.
var errSomeFailed = errors.New("some documents failed")

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, usage())
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "parley: unknown command %q\n\n%s", args[0], usage())
		return 2
	}
	err := cmd.run(args[1:], stdout, stderr)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errSomeFailed):
		return 1
	}
	fmt.Fprintf(stderr, "parley %s: %v\n", args[0], err)
	return 1
}

// parseInterspersed parses flags that may come before, between or after the
// positional arguments ("parley extract docs/ --docs docs.jsonl").
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: parley %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// usageError prints msg and the command's usage, and returns errUsage.
func usageError(fs *flag.FlagSet, stderr io.Writer, msg string) error {
	fmt.Fprintf(stderr, "parley %s: %s\n", fs.Name(), msg)
	fs.Usage()
	return errUsage
}

func oneLine(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", " ")
}
