package consolidate

import (
	"bytes"
	"path/filepath"
	"strings"

	"nianbao/export/xlsx/cellmap"
	"nianbao/forms/importer"
	"nianbao/forms/l10n"
	"nianbao/forms/registry"
	"nianbao/forms/report"
	"nianbao/forms/safefile"
	"nianbao/forms/unitkind"
)

// MaxListSize bounds a list file of expected units.
const MaxListSize = 4 << 20

// ReadList reads the list of expected units from a file: text with one
// unit a line, 单位名称<TAB>单位类型 (UTF-8, or GB18030 as Notepad and Excel
// save it on a Chinese Windows), an XLSX whose first sheet has those two
// columns, or last year's consolidated report (its list carries over). A
// first line whose type is not a kind is a heading and skipped; a line
// without a type leaves the kind to the unit's report.
func ReadList(path string, reg *registry.Registry) ([]report.ExpectedUnit, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case report.Extension:
		d, err := report.Open(path, reg)
		if err != nil {
			return nil, err
		}
		if d.Report.Consolidation == nil {
			return nil, l10n.Errorf("consolidate.listNotConsolidation", "Path", path)
		}
		return d.Report.Consolidation.NextList(), nil
	case ".xlsx":
		rows, err := xlsxRows(path)
		if err != nil {
			return nil, err
		}
		return parseList(rows, reg.Kinds, path)
	}
	data, err := safefile.ReadLimited(path, MaxListSize, "consolidate.listTooLarge")
	if err != nil {
		return nil, err
	}
	text, err := importer.DecodeText(data)
	if err != nil {
		return nil, l10n.Errorf("consolidate.listNotText", "Path", path)
	}
	return parseText(text, reg.Kinds, path)
}

// ParseList reads a list of expected units typed or pasted as text, in the
// form of a list file's lines (name, a tab, kind; a copy of two columns of
// Excel is that), named where messages say so.
func ParseList(text, where string, kinds *unitkind.Set) ([]report.ExpectedUnit, error) {
	return parseText(text, kinds, where)
}

func parseText(text string, kinds *unitkind.Set, where string) ([]report.ExpectedUnit, error) {
	var rows [][]string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		rows = append(rows, strings.Split(line, "\t"))
	}
	return parseList(rows, kinds, where)
}

// FormatList writes a list of expected units as ParseList reads it.
func FormatList(list []report.ExpectedUnit, kinds *unitkind.Set) string {
	var b strings.Builder
	for _, u := range list {
		b.WriteString(u.Unit)
		if u.Kind != "" {
			b.WriteString("\t" + kinds.Name(u.Kind))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func xlsxRows(path string) ([][]string, error) {
	data, err := safefile.ReadLimited(path, cellmap.MaxFileSize, "consolidate.listTooLarge")
	if err != nil {
		return nil, err
	}
	f, err := cellmap.Open(bytes.NewReader(data))
	if err != nil {
		return nil, l10n.Wrap(err, "importer.failed", "Path", path, "Detail", err.Error())
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, l10n.Errorf("consolidate.listEmpty", "Path", path)
	}
	it, err := f.Rows(sheets[0])
	if err != nil {
		return nil, l10n.Wrap(err, "importer.failed", "Path", path, "Detail", err.Error())
	}
	defer it.Close()
	var rows [][]string
	for it.Next() {
		if len(rows) > report.MaxUnits {
			return nil, l10n.Errorf("consolidate.listTooLong", "Max", report.MaxUnits)
		}
		cols, err := it.Columns()
		if err != nil {
			return nil, l10n.Wrap(err, "importer.failed", "Path", path, "Detail", err.Error())
		}
		rows = append(rows, cols)
	}
	return rows, nil
}

// parseList reads rows of name and kind.
func parseList(rows [][]string, kinds *unitkind.Set, path string) ([]report.ExpectedUnit, error) {
	out := []report.ExpectedUnit{}
	seen := map[string]int{}
	for i, cols := range rows {
		name, kindText := "", ""
		if len(cols) > 0 {
			name = strings.TrimSpace(cols[0])
		}
		if len(cols) > 1 {
			kindText = strings.TrimSpace(cols[1])
		}
		if name == "" {
			continue
		}
		k, ok := kinds.Parse(kindText)
		switch {
		case len(out) == 0 && len(seen) == 0 && kindText != "" && !ok:
			seen[""] = i // a heading: 单位名称 单位类型
			continue
		case kindText != "" && !ok:
			return nil, l10n.Errorf("consolidate.listBadKind", "Path", path, "Line", i+1, "Kind", kindText)
		}
		n := unitkind.Normalize(name)
		if first, dup := seen[n]; dup {
			return nil, l10n.Errorf("consolidate.listDuplicate", "Path", path, "Line", i+1, "First", first+1, "Unit", name)
		}
		if len(out) >= report.MaxUnits {
			return nil, l10n.Errorf("consolidate.listTooLong", "Max", report.MaxUnits)
		}
		seen[n] = i
		out = append(out, report.ExpectedUnit{Unit: name, Kind: k.ID})
	}
	if len(out) == 0 {
		return nil, l10n.Errorf("consolidate.listEmpty", "Path", path)
	}
	return out, nil
}
