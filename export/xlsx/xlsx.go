// Package xlsx writes a report as an Excel workbook for whoever consolidates
// or checks it: one sheet per table laid out like the official one, live
// SUM formulas for every total, a sheet of check formulas (one per rule),
// input cells unlocked with validation and formulas locked, A4 print setup.
// The same workbook without values is the template subordinate units fill;
// a hidden sheet maps every cell ID to its address for importing it back.
package xlsx

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"nianbao/export"
	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/report"
	"nianbao/forms/rules"
	"nianbao/forms/value"
)

// Options tune the workbook.
type Options struct {
	// Template leaves every input cell empty and the unit unnamed: the
	// workbook subordinate units fill in.
	Template bool
}

// MapSheet is the hidden sheet that maps cell IDs to addresses.
const MapSheet = "_nianbao"

// gridTop is the worksheet row of a table's first grid row (1-based).
const gridTop = 4

// Write returns the workbook of report d laid out as doc.
func Write(d *report.Doc, doc *export.Document, opt Options) ([]byte, error) {
	w := &writer{d: d, doc: doc, opt: opt, f: excelize.NewFile(), addr: map[string]string{}}
	defer w.f.Close()
	if err := w.build(); err != nil {
		return nil, err
	}
	buf, err := w.f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type writer struct {
	d        *report.Doc
	doc      *export.Document
	opt      Options
	f        *excelize.File
	addr     map[string]string // cell ID → 'sheet'!A1
	styles   styles
	sheets   []string
	res      rules.Result      // the report evaluated once
	formulas map[string]string // the formula of each computed cell
	money    map[string]int    // number format style of money cells, by format code
}

type styles struct {
	title, note, header, label, input, computed, check int
}

func (w *writer) build() error {
	if err := w.makeStyles(); err != nil {
		return err
	}
	w.res = w.d.Evaluate()
	first := true
	for _, sec := range append(append([]export.Section{}, w.doc.Sections...), w.doc.Appendix...) {
		for _, b := range sec.Blocks {
			if b.Table == nil {
				continue
			}
			name := sheetName(b.Table.Source)
			if first {
				if err := w.f.SetSheetName("Sheet1", name); err != nil {
					return err
				}
				first = false
			} else if _, err := w.f.NewSheet(name); err != nil {
				return err
			}
			w.sheets = append(w.sheets, name)
			w.mapTable(name, b.Table)
		}
	}
	w.formulas = w.computeFormulas() // now that every cell has its address
	for i, sec := range w.tableSections() {
		if err := w.writeTable(w.sheets[i], sec.Heading, sec.Table); err != nil {
			return err
		}
	}
	if err := w.writeChecks(); err != nil {
		return err
	}
	if err := w.writeMap(); err != nil {
		return err
	}
	return w.f.SetDocProps(&excelize.DocProperties{
		Title: w.doc.Title, Creator: w.doc.Meta.Author, Subject: w.doc.Meta.Subject,
		Created: w.doc.Meta.Created.UTC().Format("2006-01-02T15:04:05Z"),
	})
}

type tableSection struct {
	Heading string
	Table   *export.Table
}

func (w *writer) tableSections() []tableSection {
	var out []tableSection
	for _, sec := range append(append([]export.Section{}, w.doc.Sections...), w.doc.Appendix...) {
		for _, b := range sec.Blocks {
			if b.Table != nil {
				out = append(out, tableSection{sec.Heading, b.Table})
			}
		}
	}
	return out
}

// sheetName is a table's sheet: 表三, 统计表 — without the characters
// Excel does not allow in sheet names, and at most 31 characters.
func sheetName(t *format.Table) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, t.Ref())
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	return name
}

// mapTable records the address of every value cell of a table.
func (w *writer) mapTable(sheet string, t *export.Table) {
	for _, c := range t.Cells {
		if c.Role == format.ValueCell {
			ref, _ := excelize.CoordinatesToCellName(c.Col+1, gridTop+c.Row)
			w.addr[c.CellID] = "'" + sheet + "'!" + ref
		}
	}
}

var cellBorder = []excelize.Border{
	{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
	{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
}

func (w *writer) makeStyles() error {
	border := cellBorder
	font := &excelize.Font{Family: "宋体", Size: 10.5}
	mk := func(s *excelize.Style) int {
		id, err := w.f.NewStyle(s)
		if err != nil {
			panic(err) // the styles are constant: an error is a programming error
		}
		return id
	}
	unlocked := &excelize.Protection{Locked: false}
	w.styles = styles{
		title: mk(&excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}),
		note:  mk(&excelize.Style{Font: font, Alignment: &excelize.Alignment{Vertical: "center"}}),
		header: mk(&excelize.Style{Font: font, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F3F5"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}),
		label: mk(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}}),
		input: mk(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"},
			Protection: unlocked, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFDE7"}}}),
		computed: mk(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF6"}}}),
		check: mk(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}),
	}
	return nil
}

// writeTable lays a table out on its sheet, with formulas for its totals.
func (w *writer) writeTable(sheet, heading string, t *export.Table) error {
	f := w.f
	lastCol, _ := excelize.ColumnNumberToName(t.Grid.Cols)
	title := heading
	if t.Title != "" {
		title = t.Title
	}
	set := func(cell string, v any) error { return f.SetCellValue(sheet, cell, v) }
	if err := set("A1", title); err != nil {
		return err
	}
	f.MergeCell(sheet, "A1", lastCol+"1")
	f.SetCellStyle(sheet, "A1", lastCol+"1", w.styles.title)
	f.SetRowHeight(sheet, 1, 24)
	unit := l10n.T("xlsx.unitLine", "Unit", w.d.Report.Unit.Name, "Year", w.d.Report.Year)
	if w.opt.Template {
		unit = l10n.T("xlsx.unitLineTemplate", "Year", w.d.Report.Year)
	}
	if w.doc.Draft && !w.opt.Template {
		unit += "　　" + l10n.T("export.draftNote")
		f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: "&R" + l10n.T("export.draft")})
	}
	set("A2", unit)
	f.MergeCell(sheet, "A2", lastCol+"2")
	f.SetCellStyle(sheet, "A2", lastCol+"2", w.styles.note)
	res, formulas := w.res, w.formulas
	for _, c := range t.Cells {
		top, _ := excelize.CoordinatesToCellName(c.Col+1, gridTop+c.Row)
		bottom, _ := excelize.CoordinatesToCellName(c.Col+c.ColSpan, gridTop+c.Row+c.RowSpan-1)
		if top != bottom {
			if err := f.MergeCell(sheet, top, bottom); err != nil {
				return err
			}
		}
		style := w.styles.label
		switch {
		case c.Header || c.Role == format.Band || c.Role == format.UnitLabel:
			style = w.styles.header
			set(top, c.Text)
		case c.Role == format.RowLabel:
			set(top, strings.Repeat("　", c.Indent)+c.Text)
		case c.Role == format.ValueCell && formulas[c.CellID] != "":
			style = w.styles.computed
			if err := f.SetCellFormula(sheet, top, formulas[c.CellID]); err != nil {
				return err
			}
		case c.Role == format.ValueCell:
			style = w.inputStyle(c.CellID)
			if !w.opt.Template {
				cell, _ := w.d.Entry.Format.Cell(c.CellID)
				if v := res.Values[cell.Index]; !v.IsBlank() {
					set(top, cellValue(v))
				}
			}
			if err := w.validate(sheet, top, c.CellID); err != nil {
				return err
			}
		}
		f.SetCellStyle(sheet, top, bottom, style)
	}
	w.sizeColumns(sheet, t)
	landscape := "landscape"
	if t.Grid.Cols <= 4 {
		landscape = "portrait"
	}
	a4, fit, zero := 9, 1, 0
	f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &fit, FitToHeight: &zero})
	f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: boolPtr(true)})
	if t.Grid.HeaderRows > 0 {
		f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
			RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, gridTop, gridTop+t.Grid.HeaderRows-1)})
	}
	return f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true})
}

func boolPtr(b bool) *bool { return &b }

// inputStyle is the style of an input cell: money shows its decimals as
// entered (73802895.90, as every export prints it; a blank cell up to the
// cell's decimals) and, where the clerk chose the unit (2019 采购总金额),
// the unit.
func (w *writer) inputStyle(id string) int {
	c, _ := w.d.Entry.Format.Cell(id)
	if c.Spec.Kind != format.Money {
		return w.styles.input
	}
	code := "0." + strings.Repeat("#", max(c.Spec.Decimals, 1))
	if v := w.res.Values[c.Index]; v.State == value.Number && !w.opt.Template {
		code = "0"
		if v.Scale > 0 {
			code += "." + strings.Repeat("0", int(v.Scale))
		}
	}
	if unit := w.d.Report.Units[id]; unit != "" && len(c.Spec.Units) > 0 {
		code += `"` + unit + `"`
	}
	if st, ok := w.money[code]; ok {
		return st
	}
	st, err := w.f.NewStyle(&excelize.Style{
		Font: &excelize.Font{Family: "宋体", Size: 10.5}, Border: cellBorder,
		Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}, CustomNumFmt: &code,
		Protection: &excelize.Protection{Locked: false}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFDE7"}},
	})
	if err != nil {
		return w.styles.input
	}
	if w.money == nil {
		w.money = map[string]int{}
	}
	w.money[code] = st
	return st
}

// cellValue is what a value cell holds in the workbook.
func cellValue(v value.Value) any {
	switch v.State {
	case value.Number:
		if v.Num.IsWhole() {
			return v.Num.Whole()
		}
		f, _ := strconv.ParseFloat(v.Num.String(), 64)
		return f
	case value.NA:
		return value.NAMark
	}
	return v.Text
}

// computeFormulas returns the formula of every computed cell, by cell ID.
// With typed totals there are none: the totals are inputs, checked on the
// check sheet.
func (w *writer) computeFormulas() map[string]string {
	out := map[string]string{}
	if w.d.Report.TypedTotals {
		return out
	}
	cells := w.d.Entry.Format.Cells()
	for _, fm := range w.d.Entry.Rules.Formulas() {
		if fm.Computes >= 0 {
			out[cells[fm.Computes].ID] = w.sum(fm.Right, fm.RightConst, cells[fm.Computes].ID)
		}
	}
	return out
}

// sum writes a side of a rule as a spreadsheet expression. SUM skips text,
// so 不适用 ("/") counts as zero as in the rule engine. References on the
// sheet of the cell the formula is in drop the sheet name.
func (w *writer) sum(terms []rules.Term, k value.Dec, home string) string {
	cells := w.d.Entry.Format.Cells()
	homeSheet := sheetOf(w.addr[home])
	var plus, minus []string
	for _, t := range terms {
		ref := w.addr[cells[t.Cell].ID]
		if home != "" && sheetOf(ref) == homeSheet {
			ref = ref[strings.Index(ref, "!")+1:]
		}
		if t.Neg {
			minus = append(minus, ref)
		} else {
			plus = append(plus, ref)
		}
	}
	expr := "SUM(" + strings.Join(plus, ",") + ")"
	if len(plus) == 0 {
		expr = "0"
	}
	if len(minus) > 0 {
		expr += "-SUM(" + strings.Join(minus, ",") + ")"
	}
	if k != 0 {
		expr += "+" + k.String()
	}
	return expr
}

func sheetOf(addr string) string {
	if i := strings.Index(addr, "!"); i >= 0 {
		return addr[:i]
	}
	return ""
}

// validate adds data validation to an input cell: its kind, or 不适用 "/".
func (w *writer) validate(sheet, ref, id string) error {
	c, _ := w.d.Entry.Format.Cell(id)
	cond, msg := "", ""
	switch c.Spec.Kind {
	case format.Count:
		cond, msg = fmt.Sprintf("AND(%[1]s>=0,%[1]s=INT(%[1]s))", ref), l10n.T("ui.hint.count")
	case format.Signed:
		cond, msg = fmt.Sprintf("%[1]s=INT(%[1]s)", ref), l10n.T("ui.hint.signed")
	case format.Money:
		cond, msg = fmt.Sprintf("AND(%[1]s>=0,ROUND(%[1]s,%[2]d)=%[1]s)", ref, c.Spec.Decimals), l10n.T("xlsx.hintMoney", "Decimals", c.Spec.Decimals)
	default:
		return nil
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = ref
	dv.Type = "custom"
	// IF, not OR: INT("/") is an error, which would make OR refuse "/".
	dv.Formula1 = fmt.Sprintf(`IF(ISNUMBER(%[1]s),%[2]s,%[1]s="/")`, ref, cond)
	dv.SetError(excelize.DataValidationErrorStyleStop, l10n.T("xlsx.invalidTitle"), msg)
	return w.f.AddDataValidation(sheet, dv)
}

// sizeColumns sets column widths from the labels that sit in one column and
// row heights from the wrapped labels (excelize does not fit them).
func (w *writer) sizeColumns(sheet string, t *export.Table) {
	widths := make([]float64, t.Grid.Cols)
	for i := range widths {
		widths[i] = 9
	}
	for _, c := range t.Cells {
		if c.ColSpan == 1 && (c.Role == format.RowLabel || c.Role == format.Corner) {
			widths[c.Col] = max(widths[c.Col], min(float64(export.Width(c.Text))+2, 36))
		}
		if c.ColSpan == 1 && c.Role == format.ValueCell { // a number too wide shows as ###
			widths[c.Col] = max(widths[c.Col], float64(export.Width(c.Text))+2)
		}
		if c.RowSpan > 2 && c.Role == format.RowLabel {
			widths[c.Col] = min(widths[c.Col], 10)
		}
	}
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		w.f.SetColWidth(sheet, col, col, wd)
	}
	heights := map[int]float64{}
	for _, c := range t.Cells {
		if c.RowSpan != 1 || c.Text == "" {
			continue
		}
		width := 0.0
		for col := c.Col; col < c.Col+c.ColSpan; col++ {
			width += widths[col]
		}
		lines := float64(export.Width(c.Text))/max(width-1, 1) + 1
		heights[c.Row] = max(heights[c.Row], float64(int(lines))*14+2)
	}
	for r, h := range heights {
		w.f.SetRowHeight(sheet, gridTop+r, max(h, 16))
	}
}

// writeChecks adds the sheet of check formulas: one row per rule instance
// (a comparison of two sums) and one per table for blank input cells.
func (w *writer) writeChecks() error {
	const sheet = "检查"
	f := w.f
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	f.SetCellValue(sheet, "A1", l10n.T("xlsx.checkTitle"))
	f.MergeCell(sheet, "A1", "D1")
	f.SetCellStyle(sheet, "A1", "D1", w.styles.title)
	f.SetSheetRow(sheet, "A2", &[]any{l10n.T("xlsx.checkRule"), l10n.T("xlsx.checkSeverity"), l10n.T("xlsx.checkWhat"), l10n.T("xlsx.checkResult")})
	f.SetCellStyle(sheet, "A2", "D2", w.styles.header)
	row := 3
	put := func(rule string, sev format.Severity, what, formula string) {
		a, d := fmt.Sprintf("A%d", row), fmt.Sprintf("D%d", row)
		f.SetSheetRow(sheet, a, &[]any{rule, l10n.T("severity." + string(sev)), what})
		f.SetCellFormula(sheet, d, formula)
		f.SetCellStyle(sheet, a, d, w.styles.check)
		row++
	}
	ok, bad, pending := l10n.T("xlsx.pass"), l10n.T("xlsx.fail"), l10n.T("xlsx.pending")
	for _, fm := range w.d.Entry.Rules.Formulas() {
		if fm.Computes >= 0 && !w.d.Report.TypedTotals {
			continue // the total is its own formula
		}
		if fm.Rule.When != nil && len(fm.Rule.When.UnitKinds) > 0 && (w.opt.Template || !slices.Contains(fm.Rule.When.UnitKinds, w.d.Report.Unit.Kind)) {
			continue
		}
		left, right := w.sum(fm.Left, fm.LeftConst, ""), w.sum(fm.Right, fm.RightConst, "")
		// As the engine: a comparison over a blank cell waits for it.
		var blanks []string
		for _, t := range append(append([]rules.Term{}, fm.Left...), fm.Right...) {
			blanks = append(blanks, fmt.Sprintf(`(%s="")`, w.addr[w.d.Entry.Format.Cells()[t.Cell].ID]))
		}
		put(fm.Rule.ID, fm.Rule.Severity, checkText(fm),
			fmt.Sprintf(`IF(%s>0,"%s",IF(%s%s%s,"%s","%s"))`, strings.Join(blanks, "+"), pending, left, fm.Op, right, ok, bad))
	}
	for _, ts := range w.tableSections() {
		var refs []string
		for _, c := range ts.Table.Cells {
			if c.Role == format.ValueCell && !c.Computed {
				refs = append(refs, fmt.Sprintf(`(%s="")`, w.addr[c.CellID]))
			}
		}
		if len(refs) == 0 {
			continue
		}
		count := strings.Join(refs, "+")
		put("R6", format.Error, l10n.T("xlsx.blanks", "Table", ts.Table.Source.Ref()),
			fmt.Sprintf(`IF(%s=0,"%s","%s"&(%s)&"%s")`, count, ok, l10n.T("xlsx.blankCountPrefix"), count, l10n.T("xlsx.blankCountSuffix")))
	}
	f.SetColWidth(sheet, "A", "A", 7)
	f.SetColWidth(sheet, "B", "B", 7)
	f.SetColWidth(sheet, "C", "C", 80)
	f.SetColWidth(sheet, "D", "D", 14)
	landscape, a4, fit, zero := "landscape", 9, 1, 0
	f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &fit, FitToHeight: &zero})
	return f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: boolPtr(true)})
}

// checkText describes a check in words: the rule's message without the
// figures, which the formula computes.
func checkText(fm rules.Formula) string {
	return strings.NewReplacer("{label}", fm.Label, "（{actual}）", "", "（{expected}）", "", "{actual}", "", "{expected}", "").Replace(fm.Rule.Message)
}

// writeMap writes the hidden sheet that names what the workbook holds: the
// format, the year, the unit and the address of every cell ID.
func (w *writer) writeMap() error {
	f := w.f
	if _, err := f.NewSheet(MapSheet); err != nil {
		return err
	}
	rows := [][]any{
		{"type", "nianbao-workbook"}, {"format", w.d.Entry.Format.ID}, {"year", w.d.Report.Year},
		{"template", w.opt.Template},
	}
	for _, c := range w.d.Entry.Format.Cells() {
		if a, ok := w.addr[c.ID]; ok {
			rows = append(rows, []any{c.ID, a})
		}
		if u := w.d.Report.Units[c.ID]; u != "" && !w.opt.Template {
			rows = append(rows, []any{"units." + c.ID, u})
		}
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(MapSheet, cell, &r); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return f.SetSheetVisible(MapSheet, false, true)
}
