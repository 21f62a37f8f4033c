package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"nianbao/forms/importer"
	"nianbao/forms/l10n"
	"nianbao/forms/value"
)

var cmdImport = &command{
	name: "import", usage: "cli.import.usage", summary: "cli.import.summary",
	flags: func(fs *flag.FlagSet) {
		fs.String("o", "", l10n.T("cli.import.out"))
		fs.String("format", "", l10n.T("cli.import.format"))
		fs.Int("year", 0, l10n.T("cli.import.year"))
		fs.String("unit", "", l10n.T("cli.import.unit"))
		fs.Bool("json", false, l10n.T("cli.import.json"))
		fs.String("batch", "", l10n.T("cli.import.batch"))
		fs.Bool("force", false, l10n.T("cli.force"))
	},
	run: runImport,
}

// Stdin is what "nianbao import -" reads; tests replace it.
var Stdin io.Reader = os.Stdin

func runImport(e *env, fs *flag.FlagSet, args []string) error {
	out := flagString(fs, "o")
	if dir := flagString(fs, "batch"); dir != "" {
		if len(args) > 0 || out == "" {
			return e.usageError("cli.import.needBatchArgs")
		}
		return runBatch(e, fs, dir, out)
	}
	if len(args) != 1 || out == "" {
		return e.usageError("cli.import.needArgs")
	}
	if err := refuseOverwrite(fs, out); err != nil {
		return err
	}
	h := importer.Hints{FormatID: flagString(fs, "format"), Year: flagInt(fs, "year"), Unit: flagString(fs, "unit")}
	var res *importer.Result
	var err error
	if args[0] == "-" {
		var data []byte
		if data, err = io.ReadAll(io.LimitReader(Stdin, importer.MaxTextSize+1)); err == nil {
			res, err = importer.Import(args[0], data, e.reg, h)
		}
	} else {
		res, err = importer.ImportFile(args[0], e.reg, h)
	}
	if errors.Is(err, importer.ErrNotAReport) {
		fmt.Fprintln(e.stderr, err.Error())
		return problemsFound{}
	}
	if err != nil {
		return err
	}
	d := res.Doc
	defer d.Close()
	if err := d.Save(out); err != nil {
		return err
	}
	if flagBool(fs, "json") {
		printImportJSON(e, res)
		return nil
	}
	fmt.Fprintln(e.stdout, l10n.T("cli.import.done", "Path", out, "Unit", d.Report.Unit.Name, "Year", d.Report.Year,
		"Read", res.Read, "Uncertain", len(d.Report.Uncertain), "Missing", len(res.Missing)))
	return nil
}

// printImportJSON prints what import found, for scripts.
func printImportJSON(e *env, res *importer.Result) {
	r := res.Doc.Report
	type uncertainJSON struct {
		Cell       string            `json:"cell"`
		Reason     string            `json:"reason"`
		Candidates []json.RawMessage `json:"candidates"`
	}
	out := struct {
		Format    string          `json:"format"`
		Year      *int            `json:"year"`
		Unit      *string         `json:"unit"`
		Sections  []string        `json:"sections"`
		Cells     map[string]int  `json:"cells"`
		Uncertain []uncertainJSON `json:"uncertain"`
		Missing   []string        `json:"missing"`
	}{Format: r.Format, Sections: nonNil(res.Sections), Missing: nonNil(res.Missing), Uncertain: []uncertainJSON{},
		Cells: map[string]int{"read": res.Read, "uncertain": len(r.Uncertain), "missing": len(res.Missing)}}
	if res.Year != 0 {
		out.Year = &res.Year
	}
	if res.Unit != "" {
		out.Unit = &res.Unit
	}
	for _, c := range res.Doc.Entry.Format.Cells() {
		u, ok := r.Uncertain[c.ID]
		if !ok {
			continue
		}
		cands := []json.RawMessage{}
		for _, text := range u.Candidates {
			v, err := value.ParseValue(text)
			if text == value.NAMark {
				v, err = value.NotApplicable, nil
			}
			if err == nil {
				cands = append(cands, json.RawMessage(jsonValue(v)))
			}
		}
		out.Uncertain = append(out.Uncertain, uncertainJSON{c.ID, u.Reason, cands})
	}
	data, _ := json.MarshalIndent(out, "", "  ")
	fmt.Fprintln(e.stdout, string(data))
}
