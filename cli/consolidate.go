package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"nianbao/forms/consolidate"
	"nianbao/forms/l10n"
	"nianbao/forms/report"
	"nianbao/forms/unitkind"
)

var cmdConsolidate = &command{
	name: "consolidate", usage: "cli.consolidate.usage", summary: "cli.consolidate.summary",
	flags: func(fs *flag.FlagSet) {
		fs.String("o", "", l10n.T("cli.consolidate.out"))
		fs.Int("year", defaultYear(), l10n.T("cli.consolidate.year"))
		fs.String("unit", "", l10n.T("cli.consolidate.unit"))
		fs.String("kind", "", l10n.T("cli.consolidate.kind"))
		fs.String("format", "", l10n.T("cli.new.format"))
		fs.String("expect", "", l10n.T("cli.consolidate.expect"))
		fs.Bool("include-errors", false, l10n.T("cli.consolidate.includeErrors"))
		fs.Bool("json", false, l10n.T("cli.consolidate.json"))
		fs.String("today", "", l10n.T("cli.consolidate.today"))
	},
	run: runConsolidate,
}

func runConsolidate(e *env, fs *flag.FlagSet, args []string) error {
	out := flagString(fs, "o")
	if out == "" {
		return e.usageError("cli.consolidate.needOut")
	}
	d, err := consolidationTarget(e, fs, out)
	if err != nil {
		return err
	}
	defer d.Close()
	if len(args) == 0 && len(d.Report.Consolidation.Units) == 0 {
		return e.usageError("cli.consolidate.needInput")
	}
	// --include-errors given sets the choice; else the 汇总 keeps its own.
	now, err := todayFlag(e, fs)
	if err != nil {
		return err
	}
	opt := consolidate.Options{IncludeErrors: d.Report.Consolidation.IncludeErrors, Now: now}
	if flagSet(fs, "include-errors") {
		opt.IncludeErrors = flagBool(fs, "include-errors")
	}
	if list := flagString(fs, "expect"); list != "" {
		if opt.Expected, err = consolidate.ReadList(list, e.reg); err != nil {
			return err
		}
	}
	sum, runErr := consolidate.Run(context.Background(), d, args, opt)
	if runErr != nil && !errors.Is(runErr, consolidate.ErrNothingUsable) {
		return runErr
	}
	if err := d.Save(out); err != nil {
		return err
	}
	if flagBool(fs, "json") {
		printBoardJSON(e, d)
	} else {
		printBoard(e, d, sum)
	}
	if runErr != nil {
		fmt.Fprintln(e.stderr, l10n.T("cli.consolidate.nothingUsable"))
		return problemsFound{}
	}
	return nil
}

// consolidationTarget returns the consolidated report to write: the one
// at out, which must be a consolidation of the same unit and year, or a
// new one.
func consolidationTarget(e *env, fs *flag.FlagSet, out string) (*report.Doc, error) {
	unit := strings.TrimSpace(flagString(fs, "unit"))
	if _, err := os.Stat(out); errors.Is(err, os.ErrNotExist) {
		if unit == "" {
			return nil, e.usageError("cli.consolidate.needUnit")
		}
		return consolidate.New(e.reg, flagInt(fs, "year"), unit, flagString(fs, "kind"), flagString(fs, "format"))
	}
	d, err := report.Edit(out, e.reg, lockWait)
	if err != nil {
		return nil, err
	}
	r := d.Report
	switch {
	case r.Consolidation == nil:
		err = l10n.Errorf("cli.consolidate.notConsolidation", "Path", out, "Unit", r.Unit.Name)
	case unit != "" && unitkind.Normalize(unit) != unitkind.Normalize(r.Unit.Name):
		err = l10n.Errorf("cli.consolidate.otherUnit", "Path", out, "Unit", r.Unit.Name, "Want", unit)
	case flagSet(fs, "year") && flagInt(fs, "year") != r.Year:
		err = l10n.Errorf("cli.consolidate.otherYear", "Path", out, "Year", r.Year, "Want", flagInt(fs, "year"))
	case flagSet(fs, "format") && flagString(fs, "format") != r.Format:
		err = l10n.Errorf("cli.consolidate.otherFormat", "Path", out, "Format", r.Format)
	case flagSet(fs, "kind"):
		if k, ok := e.reg.Kinds.Parse(flagString(fs, "kind")); !ok || k.ID != r.Unit.Kind {
			err = l10n.Errorf("cli.consolidate.otherKind", "Path", out, "Kind", d.Kinds().Name(r.Unit.Kind))
		}
	}
	if err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

// boardUnitJSON is one unit of consolidate --json.
type boardUnitJSON struct {
	File     *string `json:"file"`
	Unit     string  `json:"unit"`
	Kind     string  `json:"kind"`
	Year     *int    `json:"year"`
	Format   *string `json:"format"`
	State    string  `json:"state"`
	Included bool    `json:"included"`
	Errors   int     `json:"errors"`
	Warnings int     `json:"warnings"`
	Blanks   int     `json:"blanks"`
	Message  string  `json:"message"`
}

func printBoardJSON(e *env, d *report.Doc) {
	ws := d.Report.Consolidation
	units := []boardUnitJSON{}
	for _, u := range ws.Units {
		j := boardUnitJSON{Unit: u.Unit, Kind: u.Kind, State: u.State, Included: u.Included,
			Errors: u.Errors, Warnings: u.Warnings, Blanks: u.Blanks, Message: u.Message}
		if u.File != "" {
			j.File = &u.File
		}
		if u.Year != 0 {
			j.Year = &u.Year
		}
		if u.Format != "" {
			j.Format = &u.Format
		}
		units = append(units, j)
	}
	byKind := map[string]json.RawMessage{}
	for kind, vals := range ws.ByKind {
		byKind[kind] = json.RawMessage(valuesObject(ws.Cells, report.DecodeValues(vals, len(ws.Cells)), "  "))
	}
	data, _ := json.MarshalIndent(struct {
		Units  []boardUnitJSON            `json:"units"`
		ByKind map[string]json.RawMessage `json:"byKind"`
	}{units, byKind}, "", "  ")
	fmt.Fprintln(e.stdout, string(data))
}

// printBoard prints the board as a table for the officer.
func printBoard(e *env, d *report.Doc, sum consolidate.Summary) {
	kinds := d.Kinds()
	for _, u := range d.Report.Consolidation.Units {
		mark := " "
		if u.Included {
			mark = "+"
		}
		fmt.Fprintf(e.stdout, "%s %-12s %-10s %s", mark, l10n.T("state."+u.State), kinds.Name(u.Kind), u.Unit)
		if u.Errors+u.Warnings+u.Blanks > 0 {
			fmt.Fprint(e.stdout, "  "+l10n.T("cli.consolidate.counts", "Errors", u.Errors, "Warnings", u.Warnings, "Blanks", u.Blanks))
		}
		if u.Message != "" {
			fmt.Fprint(e.stdout, "  "+u.Message)
		}
		fmt.Fprintln(e.stdout)
	}
	fmt.Fprintln(e.stdout, l10n.T("cli.consolidate.done", "Files", sum.Files, "Included", sum.Included,
		"Units", len(d.Report.Consolidation.Expected), "Path", d.Path))
}
