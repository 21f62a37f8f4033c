package cli

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"nianbao/export"
	"nianbao/export/bundle"
	"nianbao/export/render"
	"nianbao/forms/l10n"
	"nianbao/forms/report"
)

var cmdExport = &command{
	name: "export", usage: "cli.export.usage", summary: "cli.export.summary",
	flags: func(fs *flag.FlagSet) {
		fs.String("to", "", l10n.T("cli.export.to"))
		fs.String("o", "", l10n.T("cli.export.out"))
		fs.String("blank", "—", l10n.T("cli.export.blank"))
		fs.Bool("draft", false, l10n.T("cli.export.draft"))
		fs.Bool("windows-fonts", false, l10n.T("cli.export.windowsFonts"))
	},
	run: runExport,
}

func runExport(e *env, fs *flag.FlagSet, args []string) error {
	if len(args) == 0 {
		return e.usageError("cli.needFile")
	}
	if len(args) > 1 {
		return e.usageError("cli.extraArgs", "Args", strings.Join(args[1:], " "))
	}
	if flagString(fs, "to") == "bundle" {
		return runBundle(e, fs, args[0])
	}
	kind, err := exportKind(e, fs)
	if err != nil {
		return err
	}
	go kind.Prepare()
	blank := flagString(fs, "blank")
	if blank != "—" && blank != "0" && blank != "/" {
		return e.usageError("cli.export.badBlank", "Value", blank)
	}
	d, err := report.Open(args[0], e.reg)
	if err != nil {
		return err
	}
	draft := flagBool(fs, "draft")
	res := d.Evaluate()
	if n := res.Errors(); n > 0 && !draft && kind.NeedsCheckedReport() {
		fmt.Fprintln(e.stderr, l10n.T("cli.export.hasErrors", "Count", n))
		return problemsFound{}
	}
	out := flagString(fs, "o")
	if out == "" {
		out = render.DefaultPath(args[0], kind)
	}
	warnings, err := render.File(d, kind, out, export.Options{Blank: blank, Draft: draft, WindowsFonts: flagBool(fs, "windows-fonts")})
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintln(e.stderr, l10n.T("cli.warning", "Message", w))
	}
	fmt.Fprintln(e.stdout, l10n.T("cli.export.done", "Path", out))
	return nil
}

// exportKind is the kind --to names or, without --to, the one the -o file's
// extension names.
func exportKind(e *env, fs *flag.FlagSet) (render.Kind, error) {
	if to := flagString(fs, "to"); to != "" {
		kind, err := render.Lookup(to)
		return kind.For(flagString(fs, "o")), err
	}
	if kind, ok := render.ForPath(flagString(fs, "o")); ok {
		return kind, nil
	}
	return render.Kind{}, e.usageError("cli.export.needKind", "Names", render.KindNames())
}

// runBundle writes the publication bundle of the 汇总 at path into the
// folder -o names.
func runBundle(e *env, fs *flag.FlagSet, path string) error {
	dir := flagString(fs, "o")
	if dir == "" {
		return e.usageError("cli.export.bundleNeedsDir")
	}
	d, err := report.Open(path, e.reg)
	if err != nil {
		return err
	}
	defer d.Close()
	s, err := bundle.Write(d, dir, e.reg)
	if err != nil {
		return err
	}
	for _, l := range s.Left {
		fmt.Fprintln(e.stderr, l)
	}
	if s.Draft {
		fmt.Fprintln(e.stderr, l10n.T("bundle.draft"))
	}
	fmt.Fprintln(e.stdout, l10n.T("cli.export.bundleDone", "Units", s.Units, "Left", len(s.Left), "Path", filepath.Join(dir, bundle.IndexName)))
	return nil
}
