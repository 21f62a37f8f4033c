// Package cli is nianbao's command line: the same binary as the editor,
// scriptable, and the way tests drive the core without a window. Every
// command prints Chinese messages and has --help.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"nianbao/forms/l10n"
	"nianbao/forms/registry"
)

// Exit codes.
const (
	ExitOK       = 0 // success; for check: no error-severity problem
	ExitProblems = 1 // check found errors
	ExitUsage    = 2 // bad usage, or a file could not be read or written
)

// env is what a command runs with.
type env struct {
	stdout, stderr io.Writer
	reg            *registry.Registry
}

// command is one subcommand.
type command struct {
	name    string
	usage   string // l10n key of the usage line
	summary string // l10n key of the one-line description
	run     func(e *env, fs *flag.FlagSet, args []string) error
	flags   func(fs *flag.FlagSet) // declares the command's flags
}

func commands() []*command {
	return []*command{cmdNew, cmdSet, cmdGet, cmdCheck, cmdExport, cmdConsolidate, cmdBoard, cmdImport, cmdDraft, cmdSections, cmdCells, cmdFormats, cmdSample, cmdVersion}
}

// Version is printed by "nianbao version"; main sets it.
var Version = "dev"

// IsCommand reports whether arg names a command (or asks for help), so that
// main can tell "nianbao check x" from "nianbao 报告.nianbao".
func IsCommand(arg string) bool {
	return arg == "help" || arg == "-h" || arg == "--help" || find(arg) != nil
}

// Run runs the command line args (without the program name) and returns
// the exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			if c := find(args[1]); c != nil {
				printUsage(stdout, c, newFlagSet(c))
				return ExitOK
			}
		}
		printOverview(stdout)
		return ExitOK
	}
	c := find(args[0])
	if c == nil {
		fmt.Fprintln(stderr, l10n.T("cli.unknownCommand", "Name", args[0]))
		printOverview(stderr)
		return ExitUsage
	}
	fs := newFlagSet(c)
	pos, err := parseInterspersed(fs, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		printUsage(stdout, c, fs)
		return ExitOK
	}
	if err != nil {
		fmt.Fprintln(stderr, l10n.T("cli.badFlag", "Detail", flagErrorText(err), "Name", c.name))
		return ExitUsage
	}
	e.reg = registry.Default()
	err = c.run(e, fs, pos)
	var pe problemsFound
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &pe):
		return ExitProblems
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, l10n.T("cli.seeHelp", "Name", c.name))
		return ExitUsage
	}
	fmt.Fprintln(stderr, err.Error())
	if l10n.HasKey(err, "report.unknownFormat") {
		// The format may be a local one whose file failed to load: say why.
		for _, loadErr := range e.reg.Errors {
			fmt.Fprintln(stderr, loadErr.Error())
		}
	}
	return ExitUsage
}

// errUsage reports a usage mistake after its message was printed.
var errUsage = errors.New("usage")

// problemsFound is returned by check when the report has errors.
type problemsFound struct{}

func (problemsFound) Error() string { return "problems found" }

// usageError prints a message and returns errUsage.
func (e *env) usageError(key string, args ...any) error {
	fmt.Fprintln(e.stderr, l10n.T(key, args...))
	return errUsage
}

func find(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

// flagErrorText translates the flag package's errors.
func flagErrorText(err error) string {
	msg := err.Error()
	for prefix, key := range map[string]string{
		"flag provided but not defined: ": "cli.flag.unknown",
		"flag needs an argument: ":        "cli.flag.needsValue",
	} {
		if name, ok := strings.CutPrefix(msg, prefix); ok {
			return l10n.T(key, "Flag", name)
		}
	}
	return l10n.T("cli.flag.invalid", "Detail", msg)
}

func newFlagSet(c *command) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported in Chinese by Run
	if c.flags != nil {
		c.flags(fs)
	}
	fs.Usage = func() {} // Run prints the usage itself, once
	return fs
}

// parseInterspersed parses flags wherever they stand among the positional
// arguments ("nianbao get FILE --json"); after "--" all are positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func printOverview(w io.Writer) {
	fmt.Fprintln(w, l10n.T("cli.overview"))
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, l10n.T(c.summary))
	}
	fmt.Fprintln(w, l10n.T("cli.overviewMore"))
}

func printUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintln(w, strings.TrimSpace(l10n.T("cli.usage")+"nianbao "+c.name+" "+l10n.T(c.usage)))
	fmt.Fprintln(w, l10n.T(c.summary))
	has := false
	fs.VisitAll(func(*flag.Flag) { has = true })
	if !has {
		return
	}
	fmt.Fprintln(w, l10n.T("cli.options"))
	fs.VisitAll(func(f *flag.Flag) {
		name := "--" + f.Name
		if len(f.Name) == 1 {
			name = "-" + f.Name
		}
		arg, usage := flag.UnquoteUsage(f)
		if arg != "" {
			name += " " + arg
		}
		fmt.Fprintf(w, "  %s\n      %s\n", name, usage)
	})
}
