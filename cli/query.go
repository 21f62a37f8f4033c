package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"nianbao/forms/consolidate"
	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/report"
	"nianbao/forms/rules"
	"nianbao/forms/value"
)

var cmdGet = &command{
	name: "get", usage: "cli.get.usage", summary: "cli.get.summary",
	flags: func(fs *flag.FlagSet) {
		fs.Bool("json", false, l10n.T("cli.get.json"))
		fs.String("by-unit", "", l10n.T("cli.get.byUnit"))
	},
	run: runGet,
}

func runGet(e *env, fs *flag.FlagSet, args []string) error {
	if len(args) == 0 {
		return e.usageError("cli.needFile")
	}
	d, err := report.Open(args[0], e.reg)
	if err != nil {
		return err
	}
	vals := d.Values()
	if id := flagString(fs, "by-unit"); id != "" {
		if len(args) > 1 {
			return e.usageError("cli.extraArgs", "Args", strings.Join(args[1:], " "))
		}
		return printByUnit(e, d, id, vals[id], flagBool(fs, "json"))
	}
	ids := args[1:]
	if len(ids) == 0 {
		for _, c := range d.Entry.Format.Cells() {
			ids = append(ids, c.ID)
		}
	}
	for _, id := range ids {
		if _, ok := d.Entry.Format.Cell(id); !ok {
			return l10n.Errorf("report.noSuchCell", "ID", id)
		}
	}
	if !flagBool(fs, "json") {
		for _, id := range ids {
			fmt.Fprintf(e.stdout, "%s\t%s\n", id, vals[id].String())
		}
		return nil
	}
	list := make([]value.Value, len(ids))
	for i, id := range ids {
		list[i] = vals[id]
	}
	fmt.Fprintln(e.stdout, valuesObject(ids, list, ""))
	return nil
}

// valuesObject writes a JSON object of cells in the order given: IDs to
// numbers, "/" or null; each line after the first starts with indent.
func valuesObject(ids []string, vals []value.Value, indent string) string {
	var b strings.Builder
	b.WriteString("{")
	for i, id := range ids {
		if i > 0 {
			b.WriteString(",")
		}
		key, _ := json.Marshal(id)
		b.WriteString("\n" + indent + "  " + string(key) + ": " + jsonValue(vals[i]))
	}
	b.WriteString("\n" + indent + "}")
	return b.String()
}

// printByUnit prints a consolidated cell's drill-down: each unit's value.
func printByUnit(e *env, d *report.Doc, id string, total value.Value, asJSON bool) error {
	list, err := consolidate.Contributions(d, id)
	if err != nil {
		return err
	}
	if !asJSON {
		fmt.Fprintf(e.stdout, "%s\t%s\n", id, total.String())
		for _, c := range list {
			mark := " "
			if c.Included {
				mark = "+"
			}
			fmt.Fprintf(e.stdout, "%s %s\t%s\t%s\n", mark, c.Value.String(), d.Kinds().Name(c.Kind), c.Unit)
		}
		return nil
	}
	type unitJSON struct {
		Unit     string          `json:"unit"`
		Kind     string          `json:"kind"`
		File     string          `json:"file"`
		Value    json.RawMessage `json:"value"`
		Included bool            `json:"included"`
	}
	units := []unitJSON{}
	for _, c := range list {
		units = append(units, unitJSON{c.Unit, c.Kind, c.File, json.RawMessage(jsonValue(c.Value)), c.Included})
	}
	data, _ := json.MarshalIndent(struct {
		Cell  string          `json:"cell"`
		Value json.RawMessage `json:"value"`
		Units []unitJSON      `json:"units"`
	}{id, json.RawMessage(jsonValue(total)), units}, "", "  ")
	fmt.Fprintln(e.stdout, string(data))
	return nil
}

// jsonValue renders a cell value for --json: a number written with the
// cell's decimals (73802895.90, as printed), "/", a string or null.
func jsonValue(v value.Value) string {
	switch v.State {
	case value.Number:
		return v.String()
	case value.NA, value.Text:
		s, _ := json.Marshal(v.String())
		return string(s)
	}
	return "null"
}

var cmdCheck = &command{
	name: "check", usage: "cli.check.usage", summary: "cli.check.summary",
	flags: func(fs *flag.FlagSet) {
		fs.Bool("json", false, l10n.T("cli.check.json"))
		fs.String("prev", "", l10n.T("cli.check.prev"))
	},
	run: runCheck,
}

// problemJSON is one problem in check --json.
type problemJSON struct {
	Rule     string          `json:"rule"`
	Severity string          `json:"severity"`
	Cells    []string        `json:"cells"`
	Section  string          `json:"section,omitempty"`
	Unit     string          `json:"unit,omitempty"`
	Message  string          `json:"message"`
	Expected json.RawMessage `json:"expected"`
	Actual   json.RawMessage `json:"actual"`
	Quote    string          `json:"quote,omitempty"` // the words of the text a text check is about
}

func runCheck(e *env, fs *flag.FlagSet, args []string) error {
	if len(args) == 0 {
		return e.usageError("cli.needFile")
	}
	if len(args) > 1 {
		return e.usageError("cli.extraArgs", "Args", strings.Join(args[1:], " "))
	}
	d, err := report.Open(args[0], e.reg)
	if err != nil {
		return err
	}
	if prev := flagString(fs, "prev"); prev != "" {
		if err := d.LinkPrev(prev); err != nil {
			return err
		}
	}
	res := d.Evaluate()
	if flagBool(fs, "json") {
		out := struct {
			Problems []problemJSON `json:"problems"`
		}{Problems: []problemJSON{}}
		for _, p := range res.Problems {
			out.Problems = append(out.Problems, problemJSON{
				Rule: p.Rule, Severity: string(p.Severity), Cells: nonNil(p.Cells), Section: p.Section, Unit: p.Unit,
				Message: p.Message, Expected: sideJSON(p.Expected), Actual: sideJSON(p.Actual), Quote: p.Quote,
			})
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		printProblems(e, res)
	}
	if res.Errors() > 0 {
		return problemsFound{}
	}
	return nil
}

func printProblems(e *env, res rules.Result) {
	for _, p := range res.Problems {
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\n", l10n.T("severity."+string(p.Severity)), p.Rule, p.Message)
	}
	errs := res.Errors()
	warns := len(res.Problems) - errs
	if errs+warns == 0 {
		fmt.Fprintln(e.stdout, l10n.T("cli.check.clean"))
		return
	}
	fmt.Fprintln(e.stdout, l10n.T("cli.check.result", "Errors", errs, "Warnings", warns))
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// sideJSON renders a side of a failed comparison: a number, or null.
func sideJSON(v *value.Value) json.RawMessage {
	if v == nil {
		return json.RawMessage("null")
	}
	return json.RawMessage(jsonValue(*v))
}

var cmdCells = &command{
	name: "cells", usage: "cli.cells.usage", summary: "cli.cells.summary",
	flags: func(fs *flag.FlagSet) {
		fs.String("format", "", l10n.T("cli.cells.format"))
		fs.Bool("json", false, l10n.T("cli.cells.json"))
	},
	run: runCells,
}

// cellJSON is one cell in cells --json.
type cellJSON struct {
	ID       string   `json:"id"`
	Table    string   `json:"table"`
	RowPath  []string `json:"rowPath"`
	ColPath  []string `json:"colPath"`
	Kind     string   `json:"kind"`
	Unit     string   `json:"unit,omitempty"`
	Units    []string `json:"units,omitempty"`
	Computed bool     `json:"computed"`
}

func runCells(e *env, fs *flag.FlagSet, args []string) error {
	if len(args) > 0 {
		return e.usageError("cli.extraArgs", "Args", strings.Join(args, " "))
	}
	entry, err := report.FormatFor(e.reg, flagString(fs, "format"), defaultYear())
	if err != nil {
		return err
	}
	cells := entry.Format.Cells()
	if !flagBool(fs, "json") {
		for i, c := range cells {
			mark := ""
			if entry.Rules.Computed(i) {
				mark = l10n.T("cli.cells.computedMark")
			}
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s%s\n", c.ID, l10n.T("kind."+string(c.Spec.Kind)), c.Label(), unitNote(c.Spec), mark)
		}
		return nil
	}
	out := make([]cellJSON, len(cells))
	for i, c := range cells {
		out[i] = cellJSON{
			ID: c.ID, Table: c.Table.Name, RowPath: nonNil(c.RowPath), ColPath: nonNil(c.ColPath),
			Kind: string(c.Spec.Kind), Unit: c.Spec.Unit, Units: c.Spec.Units, Computed: entry.Rules.Computed(i),
		}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func unitNote(s format.ValueSpec) string {
	if s.Unit != "" {
		return "（" + s.Unit + "）"
	}
	if len(s.Units) > 0 {
		return "（" + strings.Join(s.Units, "/") + "）"
	}
	return ""
}
