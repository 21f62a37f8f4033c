package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	iofs "io/fs"
	"os"
	"path/filepath"
	"strings"

	"nianbao/export/sheet"
	"nianbao/forms/format"
	"nianbao/forms/importer"
	"nianbao/forms/l10n"
	"nianbao/forms/parallel"
	"nianbao/forms/report"
	"nianbao/forms/safefile"
)

// batchName is the workbook import --batch writes beside the reports.
const batchName = "批量检查.xlsx"

// batchRow is one file of a batch check.
type batchRow struct {
	File      string  `json:"file"`
	Report    *string `json:"report"`
	Unit      string  `json:"unit"`
	Year      *int    `json:"year"`
	Format    string  `json:"format"`
	Errors    int     `json:"errors"`
	Warnings  int     `json:"warnings"`
	Uncertain int     `json:"uncertain"`
	Missing   int     `json:"missing"`
	Message   string  `json:"message"`
}

// runBatch imports every published report under dir into outDir as a
// report file and writes the table of what each holds: the check a
// supervisor makes of fifty published reports.
func runBatch(e *env, fs *flag.FlagSet, dir, outDir string) error {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d iofs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && strings.HasPrefix(d.Name(), ".") && p != dir:
			return filepath.SkipDir
		case !d.IsDir() && importer.Importable(p) && !strings.HasPrefix(d.Name(), "."):
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return safefile.ReadError(dir, err)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return safefile.ReadError(outDir, err)
	}
	rows := make([]batchRow, len(files))
	targets, used := make([]string, len(files)), map[string]bool{}
	for i, f := range files {
		rel, _ := filepath.Rel(dir, f)
		rows[i].File = filepath.ToSlash(rel)
		targets[i] = batchTarget(outDir, f, used)
	}
	parallel.Each(context.Background(), len(files), func(i int) {
		rows[i].Message = importOne(e, fs, files[i], targets[i], &rows[i])
	}, nil)
	read := 0
	for _, r := range rows {
		if r.Message == "" {
			read++
		}
	}
	if err := writeBatchSheet(filepath.Join(outDir, batchName), rows); err != nil {
		return err
	}
	if flagBool(fs, "json") {
		data, _ := json.MarshalIndent(struct {
			Files []batchRow `json:"files"`
		}{append([]batchRow{}, rows...)}, "", "  ")
		fmt.Fprintln(e.stdout, string(data))
	} else {
		for _, r := range rows {
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\n", r.File, r.Unit, l10n.T("cli.batch.row", "Errors", r.Errors, "Warnings", r.Warnings,
				"Uncertain", r.Uncertain, "Missing", r.Missing, "Message", r.Message))
		}
		fmt.Fprintln(e.stdout, l10n.T("cli.batch.done", "Read", read, "Files", len(files), "Path", filepath.Join(outDir, batchName)))
	}
	if read == 0 {
		return problemsFound{}
	}
	return nil
}

// importOne imports one file of a batch as the report out and fills its
// row; it returns why the file could not be used, or "". Files are
// imported in parallel: one that trips a reader fails on its own.
func importOne(e *env, fs *flag.FlagSet, path, out string, row *batchRow) (msg string) {
	defer func() {
		if p := recover(); p != nil {
			msg = l10n.T("importer.failed", "Path", path, "Detail", fmt.Sprint(p))
		}
	}()
	res, err := importer.ImportFile(path, e.reg, importer.Hints{})
	if err != nil {
		return err.Error()
	}
	d := res.Doc
	defer d.Close()
	r := d.Report
	row.Unit, row.Format = r.Unit.Name, r.Format
	if res.Year != 0 {
		row.Year = &res.Year
	}
	for _, p := range d.Evaluate().Problems {
		switch {
		case p.Rule == report.RuleUncertain:
			row.Uncertain++
		case p.Severity == format.Error && !p.Blank:
			row.Errors++
		case p.Severity == format.Warning:
			row.Warnings++
		}
	}
	row.Missing = len(res.Missing)
	if _, err := os.Stat(out); err == nil && !flagBool(fs, "force") {
		return l10n.T("cli.batch.exists", "Path", out)
	}
	if err := d.Save(out); err != nil {
		return err.Error()
	}
	row.Report = &out
	return ""
}

// batchTarget names the report file of an input: its name with the
// report extension, numbered when two inputs share a name.
func batchTarget(outDir, path string, used map[string]bool) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	name := base + report.Extension
	for n := 2; used[strings.ToLower(name)]; n++ { // 甲.docx and 甲.PDF are one file on Windows
		name = fmt.Sprintf("%s-%d%s", base, n, report.Extension)
	}
	used[strings.ToLower(name)] = true
	return filepath.Join(outDir, name)
}

func writeBatchSheet(path string, rows []batchRow) error {
	header := []string{l10n.T("cli.batch.col.file"), l10n.T("cli.batch.col.unit"), l10n.T("cli.batch.col.year"),
		l10n.T("cli.batch.col.format"), l10n.T("cli.batch.col.errors"), l10n.T("cli.batch.col.warnings"),
		l10n.T("cli.batch.col.uncertain"), l10n.T("cli.batch.col.missing"), l10n.T("cli.batch.col.report"), l10n.T("cli.batch.col.message")}
	var table [][]any
	for _, r := range rows {
		year, out := any(""), ""
		if r.Year != nil {
			year = *r.Year
		}
		if r.Report != nil {
			out = filepath.Base(*r.Report)
		}
		table = append(table, []any{r.File, r.Unit, year, r.Format, r.Errors, r.Warnings, r.Uncertain, r.Missing, out, r.Message})
	}
	data, err := sheet.Write(l10n.T("cli.batch.sheet"), l10n.T("cli.batch.title"), header, table)
	if err != nil {
		return err
	}
	return safefile.Write(path, data, safefile.Options{})
}
