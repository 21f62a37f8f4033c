package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"nianbao/assets"
	"nianbao/forms/importer"
	"nianbao/forms/l10n"
	"nianbao/forms/report"
	"nianbao/forms/safefile"
)

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

var cmdNew = &command{
	name: "new", usage: "cli.new.usage", summary: "cli.new.summary",
	flags: func(fs *flag.FlagSet) {
		fs.Int("year", defaultYear(), l10n.T("cli.new.year"))
		fs.String("unit", "", l10n.T("cli.new.unit"))
		fs.String("kind", "", l10n.T("cli.new.kind"))
		fs.String("format", "", l10n.T("cli.new.format"))
		fs.String("from", "", l10n.T("cli.new.from"))
		fs.String("o", "", l10n.T("cli.new.out"))
		fs.Bool("force", false, l10n.T("cli.force"))
	},
	run: runNew,
}

func runNew(e *env, fs *flag.FlagSet, args []string) error {
	year := flagInt(fs, "year")
	unit, kind, out := flagString(fs, "unit"), flagString(fs, "kind"), flagString(fs, "o")
	from, formatID := flagString(fs, "from"), flagString(fs, "format")
	if len(args) > 0 {
		return e.usageError("cli.extraArgs", "Args", strings.Join(args, " "))
	}
	if out == "" {
		return e.usageError("cli.new.needOut")
	}
	if unit == "" && from == "" {
		return e.usageError("cli.new.needUnit")
	}
	if err := refuseOverwrite(fs, out); err != nil {
		return err
	}
	var last *report.Doc
	if from != "" {
		var err error
		if last, err = openLast(e, from, !flagSet(fs, "year")); err != nil {
			return err
		}
		if !flagSet(fs, "year") {
			year = last.Report.Year + 1 // the year after last year's report
		}
		if last.Path == "" {
			// A published report read in: kept beside the new one as its
			// last year's, so that its texts are at hand and cross-year
			// rules check the carried figures.
			if err := last.Save(importedPath(out, from)); err != nil {
				return err
			}
			defer last.Close()
		}
	}
	d, err := report.Create(e.reg, report.Spec{Year: year, Unit: unit, Kind: kind, FormatID: formatID, From: last})
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Save(out); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, l10n.T("cli.new.done", "Path", out, "Year", year, "Format", d.Entry.DisplayName()))
	return nil
}

// openLast opens last year's report: a report file, or a published report
// (a page, a Word document, a text) read as import reads it, whose year
// must be found when needYear (this year follows from it).
func openLast(e *env, path string, needYear bool) (*report.Doc, error) {
	if strings.EqualFold(filepath.Ext(path), report.Extension) {
		return report.Open(path, e.reg)
	}
	res, err := importer.ImportFile(path, e.reg, importer.Hints{})
	if err != nil {
		return nil, err
	}
	if needYear && res.Year == 0 {
		return nil, l10n.Errorf("cli.new.fromNoYear", "Path", path)
	}
	return res.Doc, nil
}

// importedPath names the report file a published report read in by new
// --from is kept in: beside out, named after the published file, numbered
// rather than replacing a file.
func importedPath(out, from string) string {
	base := strings.TrimSuffix(filepath.Base(from), filepath.Ext(from))
	path := filepath.Join(filepath.Dir(out), base+l10n.T("cli.new.importedSuffix")+report.Extension)
	for n := 2; ; n++ {
		if _, err := os.Stat(path); err != nil {
			return path
		}
		path = filepath.Join(filepath.Dir(out), fmt.Sprintf("%s%s-%d%s", base, l10n.T("cli.new.importedSuffix"), n, report.Extension))
	}
}

func refuseOverwrite(fs *flag.FlagSet, path string) error {
	if flagBool(fs, "force") {
		return nil
	}
	if _, err := os.Stat(path); err == nil {
		return l10n.Errorf("cli.exists", "Path", path)
	}
	return nil
}

var cmdSet = &command{
	name: "set", usage: "cli.set.usage", summary: "cli.set.summary",
	flags: func(fs *flag.FlagSet) {
		fs.Var(&listFlag{}, "text", l10n.T("cli.set.text"))
		fs.Var(&listFlag{}, "field", l10n.T("cli.set.field"))
	},
	run: runSet,
}

// maxTextFile bounds a text file read by set --text.
const maxTextFile = 1 << 20

// lockWait is how long set waits for another program to finish saving the
// same report before it gives up.
const lockWait = 10 * time.Second

func runSet(e *env, fs *flag.FlagSet, args []string) error {
	if len(args) == 0 {
		return e.usageError("cli.needFile")
	}
	path := args[0]
	d, err := report.Edit(path, e.reg, lockWait)
	if err != nil {
		return err
	}
	defer d.Close()
	var errs []string
	apply := func(list []string, set func(key, val string) error) {
		for _, a := range list {
			key, val, ok := strings.Cut(a, "=")
			if !ok || key == "" {
				errs = append(errs, l10n.T("cli.set.badAssignment", "Arg", a))
				continue
			}
			if err := set(key, val); err != nil {
				errs = append(errs, err.Error())
			}
		}
	}
	// Fields first: typedTotals=true or a unit choice change what cells take.
	apply(*fs.Lookup("field").Value.(*listFlag), d.SetField)
	apply(args[1:], d.SetCell)
	apply(*fs.Lookup("text").Value.(*listFlag), func(id, val string) error {
		text, err := readTextArg(val)
		if err != nil {
			return err
		}
		return d.SetText(id, text)
	})
	if len(errs) > 0 {
		for _, msg := range errs {
			fmt.Fprintln(e.stderr, msg)
		}
		return l10n.Errorf("cli.set.nothingSaved")
	}
	if err := d.Save(path); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, l10n.T("cli.saved", "Path", path))
	return nil
}

// readTextArg returns the text of a --text value: the content of a file for
// @path, else the value itself. Line ends become \n.
func readTextArg(val string) (string, error) {
	path, isFile := strings.CutPrefix(val, "@")
	if !isFile {
		return val, nil
	}
	data, err := safefile.ReadLimited(path, maxTextFile, "cli.set.textTooLarge")
	if err != nil {
		return "", err
	}
	data = []byte(strings.TrimPrefix(string(data), "\ufeff"))
	if !utf8.Valid(data) {
		return "", l10n.Errorf("cli.set.notUTF8", "Path", path)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	return strings.TrimRight(text, "\n"), nil
}

// flagSet reports whether the flag was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func flagString(fs *flag.FlagSet, name string) string { return fs.Lookup(name).Value.String() }

func flagBool(fs *flag.FlagSet, name string) bool {
	return fs.Lookup(name).Value.(flag.Getter).Get().(bool)
}

func flagInt(fs *flag.FlagSet, name string) int {
	return fs.Lookup(name).Value.(flag.Getter).Get().(int)
}

var cmdSample = &command{
	name: "sample", usage: "cli.sample.usage", summary: "cli.sample.summary",
	flags: func(fs *flag.FlagSet) {
		fs.String("o", "", l10n.T("cli.sample.out"))
		fs.Bool("force", false, l10n.T("cli.force"))
	},
	run: func(e *env, fs *flag.FlagSet, args []string) error {
		out := flagString(fs, "o")
		if out == "" || len(args) > 0 {
			return e.usageError("cli.sample.needOut")
		}
		if err := refuseOverwrite(fs, out); err != nil {
			return err
		}
		data, err := assets.Samples.ReadFile("samples/" + assets.SampleName)
		if err != nil {
			return err
		}
		if err := safefile.Write(out, data, safefile.Options{}); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, l10n.T("cli.sample.done", "Path", out))
		return nil
	},
}
