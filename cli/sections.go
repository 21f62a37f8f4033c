package cli

import (
	"encoding/json"
	"flag"
	"fmt"

	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/report"
)

var cmdSections = &command{
	name: "sections", usage: "cli.sections.usage", summary: "cli.sections.summary",
	flags: func(fs *flag.FlagSet) {
		fs.String("title", "", l10n.T("cli.sections.title"))
		fs.String("after", "", l10n.T("cli.sections.after"))
		fs.Bool("force", false, l10n.T("cli.sections.force"))
		fs.Bool("json", false, l10n.T("cli.sections.json"))
	},
	run: runSections,
}

// runSections lists or edits the text sections of a report whose format
// lets the clerk choose them (pre-2019).
func runSections(e *env, fs *flag.FlagSet, args []string) error {
	if len(args) < 2 {
		return e.usageError("cli.sections.needArgs")
	}
	path, verb, rest := args[0], args[1], args[2:]
	if verb == "list" {
		d, err := report.Open(path, e.reg)
		if err != nil {
			return err
		}
		return printSections(e, d, flagBool(fs, "json"))
	}
	d, err := report.Edit(path, e.reg, lockWait)
	if err != nil {
		return err
	}
	defer d.Close()
	id := ""
	if len(rest) > 0 {
		id = rest[0]
	}
	switch {
	case verb == "add" && len(rest) == 0:
		if id, err = d.AddSection(flagString(fs, "title"), flagString(fs, "after")); err == nil {
			defer fmt.Fprintln(e.stdout, id)
		}
	case verb == "rename" && len(rest) == 1:
		err = d.RenameSection(id, flagString(fs, "title"))
	case verb == "remove" && len(rest) == 1:
		err = d.RemoveSection(id, flagBool(fs, "force"))
	case verb == "move" && len(rest) == 1:
		err = d.MoveSection(id, flagString(fs, "after"))
	default:
		return e.usageError("cli.sections.needArgs")
	}
	if err != nil {
		return err
	}
	return d.Save(path)
}

func printSections(e *env, d *report.Doc, asJSON bool) error {
	type sectionJSON struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	}
	list := []sectionJSON{}
	for _, s := range d.Sections() {
		if s.Kind == format.TextSection {
			list = append(list, sectionJSON{s.ID, d.Heading(s)})
		}
	}
	if asJSON {
		data, _ := json.MarshalIndent(list, "", "  ")
		fmt.Fprintln(e.stdout, string(data))
		return nil
	}
	for _, s := range list {
		fmt.Fprintf(e.stdout, "%s\t%s\n", s.ID, s.Title)
	}
	return nil
}
