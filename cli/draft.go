package cli

import (
	"encoding/json"
	"flag"
	"fmt"

	"nianbao/forms/draft"
	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/report"
)

var cmdDraft = &command{
	name: "draft", usage: "cli.draft.usage", summary: "cli.draft.summary",
	flags: func(fs *flag.FlagSet) {
		fs.String("section", "", l10n.T("cli.draft.section"))
		fs.Bool("json", false, l10n.T("cli.draft.json"))
	},
	run: runDraft,
}

// runDraft prints the paragraphs drafted from a report's tables.
func runDraft(e *env, fs *flag.FlagSet, args []string) error {
	if len(args) != 1 {
		return e.usageError("cli.needFile")
	}
	d, err := report.Open(args[0], e.reg)
	if err != nil {
		return err
	}
	section := flagString(fs, "section")
	if s := d.Entry.Format.Section(section); section != "" && (s == nil || s.Kind != format.TextSection) {
		return l10n.Errorf("cli.draft.noSection", "ID", section)
	}
	drafts := draft.Make(d.Entry.Format, draft.Source{Values: d.Values(), Prev: d.PrevValues()}, section)
	if flagBool(fs, "json") {
		if drafts == nil {
			drafts = []draft.Draft{}
		}
		out, err := json.MarshalIndent(drafts, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, string(out))
		return nil
	}
	switch {
	case !d.Entry.Format.HasDrafts(section):
		fmt.Fprintln(e.stdout, l10n.T("cli.draft.noDrafts", "Format", d.Entry.DisplayName()))
	case len(drafts) == 0:
		fmt.Fprintln(e.stdout, l10n.T("cli.draft.none"))
	}
	for _, dr := range drafts {
		fmt.Fprintf(e.stdout, "【%s】%s\n%s\n\n", d.Heading(d.Entry.Format.Section(dr.Section)), dr.Title, dr.Text)
	}
	return nil
}
