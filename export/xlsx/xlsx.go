// Package xlsx writes a report as an Excel workbook for whoever consolidates
// or checks it: a sheet of the unit's details, one sheet per table laid out
// like the official one, live formulas for every total, a sheet of check
// formulas (one per rule instance), input cells unlocked with validation
// and formulas locked, A4 print setup. Every formula carries the engine's
// result as its cached value, for readers that do not recalculate. The
// same workbook without values is the template subordinate units fill; the
// hidden sheet of package cellmap maps every cell ID and field to its
// address for importing it back.
//
// The package renders an export.Document and nothing else: the values,
// sums and check verdicts are the engine's, taken from the Document.
package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"nianbao/export"
	"nianbao/export/xlsx/cellmap"
	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/rules"
	"nianbao/forms/value"
)

// Options tune the workbook.
type Options struct {
	// Template leaves every input cell and field empty: the workbook
	// subordinate units fill in.
	Template bool
}

// gridTop is the worksheet row of a table's first grid row (1-based).
const gridTop = 4

// infoTop is the row of the info sheet's first field.
const infoTop = 3

// Write returns the workbook of doc.
func Write(doc *export.Document, opt Options) ([]byte, error) {
	w := &writer{doc: doc, opt: opt, f: excelize.NewFile(),
		m: cellmap.Map{Format: doc.Format, Year: doc.Meta.Year, Template: opt.Template,
			Cells: map[string]cellmap.Ref{}, Fields: map[string]cellmap.Ref{}, Units: map[string]string{}},
		cache: cachedValues{}}
	defer w.f.Close()
	if err := w.build(); err != nil {
		return nil, err
	}
	buf, err := w.f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return addCaches(buf.Bytes(), w.cache, w.f.GetSheetMap())
}

type writer struct {
	doc    *export.Document
	opt    Options
	f      *excelize.File
	m      cellmap.Map // what goes where
	ids    []string    // value cell IDs in reading order
	styles styles
	money  map[string]int // number format style of money cells, by format code
	cache  cachedValues   // the result of every formula
}

type styles struct {
	title, note, header, label, input, textInput, computed, check int
}

type tableSection struct {
	sheet, heading string
	table          *export.Table
}

func (w *writer) build() error {
	w.makeStyles()
	info := l10n.T("xlsx.infoSheet")
	if err := w.f.SetSheetName("Sheet1", info); err != nil {
		return err
	}
	var tables []tableSection
	for _, sec := range append(append([]export.Section{}, w.doc.Sections...), w.doc.Appendix...) {
		for _, b := range sec.Blocks {
			if b.Table == nil || (b.Table.ReadOnly && w.opt.Template) {
				continue
			}
			name := sheetName(b.Table.Source)
			if _, err := w.f.NewSheet(name); err != nil {
				return err
			}
			tables = append(tables, tableSection{name, sec.Heading, b.Table})
			w.mapTable(name, b.Table)
		}
	}
	if err := w.writeInfo(info); err != nil {
		return err
	}
	for _, ts := range tables {
		if err := w.writeTable(ts); err != nil {
			return err
		}
	}
	if err := w.writeChecks(tables); err != nil {
		return err
	}
	if err := w.m.Write(w.f, w.ids); err != nil {
		return err
	}
	w.f.SetActiveSheet(0)
	return w.f.SetDocProps(&excelize.DocProperties{
		Title: w.doc.Title, Creator: w.doc.Meta.Author, Subject: w.doc.Meta.Subject,
		Created: w.doc.Meta.Created.UTC().Format("2006-01-02T15:04:05Z"),
	})
}

// sheetName is a table's sheet: 表三, 统计表 — without the characters
// Excel does not allow in sheet names, and at most 31 characters.
func sheetName(t *format.Table) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\'`, r) {
			return '_'
		}
		return r
	}, t.Ref())
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	return name
}

// mapTable records the address of every value cell of a table, and the
// unit chosen for money.
func (w *writer) mapTable(sheet string, t *export.Table) {
	if t.ReadOnly {
		return // nothing in it to read back
	}
	for _, c := range t.Cells {
		if c.Role == format.ValueCell {
			ref, _ := excelize.CoordinatesToCellName(c.Col+1, gridTop+c.Row)
			w.m.Cells[c.CellID] = cellmap.Ref{Sheet: sheet, Cell: ref}
			w.ids = append(w.ids, c.CellID)
			if c.Unit != "" && !w.opt.Template {
				w.m.Units[c.CellID] = c.Unit
			}
		}
	}
}

// addr is a cell's reference in a formula on sheet home: without the
// sheet name on its own sheet.
func (w *writer) addr(id, home string) string {
	r := w.m.Cells[id]
	if r.Sheet == home {
		return r.Cell
	}
	return r.String()
}

var cellBorder = []excelize.Border{
	{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
	{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
}

var (
	cellFont  = &excelize.Font{Family: "宋体", Size: 10.5}
	inputFill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFDE7"}}
	rightMid  = &excelize.Alignment{Horizontal: "right", Vertical: "center"}
)

// mkStyle adds a style; the styles are constant, so an error is a
// programming error.
func (w *writer) mkStyle(s *excelize.Style) int {
	id, err := w.f.NewStyle(s)
	if err != nil {
		panic(err)
	}
	return id
}

func (w *writer) makeStyles() {
	border, font, mk := cellBorder, cellFont, w.mkStyle
	w.styles = styles{
		title: mk(&excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}),
		note:  mk(&excelize.Style{Font: font, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}),
		header: mk(&excelize.Style{Font: font, Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F3F5"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}),
		label: mk(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}}),
		input: mk(&excelize.Style{Font: font, Border: border, Alignment: rightMid,
			Protection: &excelize.Protection{Locked: false}, Fill: inputFill}),
		textInput: mk(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"},
			Protection: &excelize.Protection{Locked: false}, Fill: inputFill}),
		computed: mk(&excelize.Style{Font: font, Border: border, Alignment: rightMid,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF6"}}}),
		check: mk(&excelize.Style{Font: font, Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}),
	}
}

// writeInfo writes the sheet of the unit's name, kind and contact
// details: input cells, so that a unit filling the template can name
// itself, and mapped, so that an importer reads them back.
func (w *writer) writeInfo(sheet string) error {
	f := w.f
	f.SetCellValue(sheet, "A1", l10n.T("xlsx.infoTitle", "Year", w.doc.Meta.Year))
	f.MergeCell(sheet, "A1", "B1")
	f.SetCellStyle(sheet, "A1", "B1", w.styles.title)
	f.SetRowHeight(sheet, 1, 24)
	f.SetCellValue(sheet, "A2", l10n.T("xlsx.infoNote"))
	f.MergeCell(sheet, "A2", "B2")
	f.SetCellStyle(sheet, "A2", "B2", w.styles.note)
	f.SetRowHeight(sheet, 2, 30)
	u, c := w.doc.Unit, w.doc.Contact
	kinds := w.doc.Kinds.Names()
	fields := []struct{ key, label, val string }{
		{cellmap.UnitName, "ui.preface.unit", u.Name},
		{cellmap.UnitKind, "ui.preface.kind", w.doc.Kinds.Name(u.Kind)},
		{cellmap.ContactAddress, "ui.preface.address", c.Address},
		{cellmap.ContactPostcode, "ui.preface.postcode", c.Postcode},
		{cellmap.ContactPhone, "ui.preface.phone", c.Phone},
		{cellmap.ContactWebsite, "ui.preface.website", c.Website},
	}
	for i, fd := range fields {
		row := infoTop + i
		label, input := fmt.Sprintf("A%d", row), fmt.Sprintf("B%d", row)
		f.SetCellValue(sheet, label, l10n.T(fd.label))
		f.SetCellStyle(sheet, label, label, w.styles.label)
		if !w.opt.Template && (fd.key != cellmap.UnitKind || u.Kind != "") {
			f.SetCellStr(sheet, input, fd.val)
		}
		f.SetCellStyle(sheet, input, input, w.styles.textInput)
		w.m.Fields[fd.key] = cellmap.Ref{Sheet: sheet, Cell: input}
		// A province's many kinds may not fit Excel's inline list (255
		// characters): the cell is then typed freely and read as typed.
		if dv := excelize.NewDataValidation(true); fd.key == cellmap.UnitKind && dv.SetDropList(kinds) == nil {
			dv.Sqref = input
			dv.SetError(excelize.DataValidationErrorStyleStop, l10n.T("xlsx.invalidTitle"), l10n.T("xlsx.hintKind"))
			if err := f.AddDataValidation(sheet, dv); err != nil {
				return err
			}
		}
		f.SetRowHeight(sheet, row, 20)
	}
	f.SetColWidth(sheet, "A", "A", 14)
	f.SetColWidth(sheet, "B", "B", 60)
	w.pageSetup(sheet, false)
	return w.protect(sheet)
}

// protect guards a sheet's labels and formulas against slips: no password,
// input cells unlocked.
func (w *writer) protect(sheet string) error {
	return w.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true})
}

// formulaText quotes s as a formula string.
func formulaText(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// unitLine is the formula of a table's second row: the unit's name as
// entered on the info sheet, the year, and the notes of a template or a
// draft. It returns the formula and its value.
func (w *writer) unitLine() (formula, cached string) {
	key := "xlsx.unitLine"
	if w.opt.Template {
		key = "xlsx.unitLineTemplate"
	}
	const mark = "\x00"
	text := l10n.T(key, "Unit", mark, "Year", w.doc.Meta.Year)
	if w.doc.Draft && !w.opt.Template {
		text += "　　" + l10n.T("export.draftNote")
	}
	before, after, _ := strings.Cut(text, mark)
	name := ""
	if !w.opt.Template {
		name = w.doc.Unit.Name
	}
	return formulaText(before) + "&" + w.m.Fields[cellmap.UnitName].String() + "&" + formulaText(after), before + name + after
}

// writeTable lays a table out on its sheet, with formulas for its totals.
func (w *writer) writeTable(ts tableSection) error {
	f, sheet, t := w.f, ts.sheet, ts.table
	lastCol, _ := excelize.ColumnNumberToName(t.Grid.Cols)
	title := ts.heading
	if t.Title != "" {
		title = t.Title
	}
	f.SetCellValue(sheet, "A1", title)
	f.MergeCell(sheet, "A1", lastCol+"1")
	f.SetCellStyle(sheet, "A1", lastCol+"1", w.styles.title)
	f.SetRowHeight(sheet, 1, 24)
	if w.doc.Draft && !w.opt.Template {
		f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: "&R" + l10n.T("export.draft")})
	}
	line, cached := w.unitLine()
	if err := w.setFormula(sheet, "A2", line, cached); err != nil {
		return err
	}
	f.MergeCell(sheet, "A2", lastCol+"2")
	f.SetCellStyle(sheet, "A2", lastCol+"2", w.styles.note)
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
			f.SetCellValue(sheet, top, c.Text)
		case c.Role == format.RowLabel:
			f.SetCellValue(sheet, top, strings.Repeat("　", c.Indent)+c.Text)
		case c.Role == format.ValueCell && t.ReadOnly:
			style = w.styles.computed
			if v := w.cached(c.Value); v != "" {
				f.SetCellValue(sheet, top, v)
			}
		case c.Role == format.ValueCell && c.Sum != nil:
			style = w.styles.computed
			if err := w.setFormula(sheet, top, w.total(*c.Sum, sheet), w.cached(c.Value)); err != nil {
				return err
			}
		case c.Role == format.ValueCell:
			style = w.inputStyle(c)
			if v := w.cached(c.Value); v != "" {
				f.SetCellValue(sheet, top, v)
			}
			if err := w.validate(sheet, top, c.Spec); err != nil {
				return err
			}
		}
		f.SetCellStyle(sheet, top, bottom, style)
	}
	w.sizeColumns(sheet, t)
	w.pageSetup(sheet, t.Grid.Cols > 4)
	if t.Grid.HeaderRows > 0 {
		f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
			RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, gridTop, gridTop+t.Grid.HeaderRows-1)})
	}
	return w.protect(sheet)
}

// pageSetup prints a sheet on A4, as wide as the page, as many pages
// down as it takes.
func (w *writer) pageSetup(sheet string, landscape bool) {
	orientation := "portrait"
	if landscape {
		orientation = "landscape"
	}
	a4, fit, zero, yes := 9, 1, 0, true
	w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation, FitToWidth: &fit, FitToHeight: &zero})
	w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes})
}

// setFormula writes a formula with the value it computes (written into
// the file by addCaches), so that readers that do not recalculate show it.
func (w *writer) setFormula(sheet, cell, formula string, cached any) error {
	w.cache.set(sheet, cell, cached)
	return w.f.SetCellFormula(sheet, cell, formula)
}

// cached is what a value cell holds: nothing in a template, else the
// engine's value — a whole number, a decimal, or 不适用 as "/".
func (w *writer) cached(v value.Value) any {
	if w.opt.Template {
		return ""
	}
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

// inputStyle is the style of an input cell: money shows its decimals as
// entered and, where the clerk chose the unit (2019 采购总金额), the unit.
func (w *writer) inputStyle(c export.Cell) int {
	if c.Spec.Kind != format.Money {
		return w.styles.input
	}
	// Money shows its decimals as typed (73802895.90, as every export
	// prints it); a blank cell takes up to the cell's decimals.
	code := "0." + strings.Repeat("#", max(c.Spec.Decimals, 1))
	if c.Value.State == value.Number && !w.opt.Template {
		code = "0"
		if c.Value.Scale > 0 {
			code += "." + strings.Repeat("0", int(c.Value.Scale))
		}
	}
	if len(c.Spec.Units) > 0 && !w.opt.Template && c.Unit != "" {
		code += `"` + c.Unit + `"`
	}
	if st, ok := w.money[code]; ok {
		return st
	}
	st := w.mkStyle(&excelize.Style{
		Font: cellFont, Border: cellBorder, Alignment: rightMid, CustomNumFmt: &code,
		Protection: &excelize.Protection{Locked: false}, Fill: inputFill,
	})
	if w.money == nil {
		w.money = map[string]int{}
	}
	w.money[code] = st
	return st
}

// sum writes a side of a rule as a spreadsheet expression. SUM skips text,
// so 不适用 ("/") counts as zero as in the rule engine.
func (w *writer) sum(s export.Sum, home string) string {
	var plus, minus []string
	for _, t := range s.Terms {
		if t.Neg {
			minus = append(minus, w.addr(t.Cell, home))
		} else {
			plus = append(plus, w.addr(t.Cell, home))
		}
	}
	expr := "SUM(" + strings.Join(plus, ",") + ")"
	if len(plus) == 0 {
		expr = "0"
	}
	if len(minus) > 0 {
		expr += "-SUM(" + strings.Join(minus, ",") + ")"
	}
	if s.Const != 0 {
		expr += "+" + s.Const.String()
	}
	return expr
}

// blanks counts the blank cells among ids: an empty cell, or a total that
// is empty because it sums one.
func (w *writer) blanks(ids []string, home string) string {
	refs := make([]string, len(ids))
	for i, id := range ids {
		refs[i] = fmt.Sprintf(`(%s="")`, w.addr(id, home))
	}
	return strings.Join(refs, "+")
}

// total is the formula of a computed cell: empty while a cell it sums is
// blank, as the engine leaves such a total, else the sum.
func (w *writer) total(s export.Sum, home string) string {
	if len(s.Terms) == 0 {
		return w.sum(s, home)
	}
	return fmt.Sprintf(`IF(%s>0,"",%s)`, w.blanks(s.Cells(), home), w.sum(s, home))
}

// validate adds data validation to an input cell: its kind, or 不适用 "/".
func (w *writer) validate(sheet, ref string, spec format.ValueSpec) error {
	cond, msg := "", ""
	switch spec.Kind {
	case format.Count:
		cond, msg = fmt.Sprintf("AND(%[1]s>=0,%[1]s=INT(%[1]s))", ref), l10n.T("ui.hint.count")
	case format.Signed:
		cond, msg = fmt.Sprintf("%[1]s=INT(%[1]s)", ref), l10n.T("ui.hint.signed")
	case format.Money:
		cond, msg = fmt.Sprintf("AND(%[1]s>=0,ROUND(%[1]s,%[2]d)=%[1]s)", ref, spec.Decimals), l10n.T("xlsx.hintMoney", "Decimals", spec.Decimals)
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

// Column widths, in Excel's units (the width of a digit): a CJK character
// takes two.
const (
	minColWidth   = 9
	maxLabelWidth = 36
	tallColWidth  = 10 // a tall merged label, wrapped a few characters a line
	cellPadWidth  = 2
	// moneyWidth leaves room for a money cell with a chosen unit in a
	// template: six digits, two decimals and 万元.
	moneyWidth = 14
)

// sizeColumns sets column widths from the labels and the values as shown
// (a number with its unit) that sit in one column, and row heights from
// the wrapped labels (excelize does not fit them).
func (w *writer) sizeColumns(sheet string, t *export.Table) {
	widths := make([]float64, t.Grid.Cols)
	for i := range widths {
		widths[i] = minColWidth
	}
	for _, c := range t.Cells {
		if c.ColSpan != 1 {
			continue
		}
		switch {
		case c.Role == format.RowLabel && c.RowSpan > 2:
			widths[c.Col] = min(max(widths[c.Col], float64(export.Width(c.Text))+cellPadWidth), tallColWidth)
		case c.Role == format.RowLabel || c.Role == format.Corner:
			widths[c.Col] = max(widths[c.Col], min(float64(export.Width(c.Text))+cellPadWidth, maxLabelWidth))
		case c.Role == format.ValueCell:
			widths[c.Col] = max(widths[c.Col], float64(export.Width(shown(c, w.opt.Template)))+cellPadWidth)
			if len(c.Spec.Units) > 0 {
				widths[c.Col] = max(widths[c.Col], moneyWidth)
			}
		}
	}
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		w.f.SetColWidth(sheet, col, col, wd)
	}
	heights := map[int]float64{}
	for _, c := range t.Cells {
		if c.RowSpan != 1 || c.Text == "" || c.Role == format.ValueCell {
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

// shown is a value cell's text as the workbook shows it: the number with
// the chosen unit, which the number format adds.
func shown(c export.Cell, template bool) string {
	if template || c.Value.IsBlank() {
		return ""
	}
	if c.Value.State == value.Number {
		return c.Value.String() + c.Unit
	}
	return c.Value.String()
}

// writeChecks adds the sheet of check formulas: one row per rule instance
// (a comparison of two sums) and one per table counting blank inputs, each
// with the engine's verdict as its cached value.
func (w *writer) writeChecks(tables []tableSection) error {
	sheet := l10n.T("xlsx.checkSheet")
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
	put := func(rule *format.Rule, what, formula, cached string) error {
		a, d := fmt.Sprintf("A%d", row), fmt.Sprintf("D%d", row)
		f.SetSheetRow(sheet, a, &[]any{rule.ID, l10n.T("severity." + string(rule.Severity)), what})
		f.SetCellStyle(sheet, a, d, w.styles.check)
		row++
		return w.setFormula(sheet, d, formula, cached)
	}
	verdict := map[rules.CheckState]string{rules.Pending: l10n.T("xlsx.pending"), rules.Passed: l10n.T("xlsx.pass"), rules.Failed: l10n.T("xlsx.fail")}
	for _, c := range w.doc.Checks {
		if w.opt.Template && c.Rule.When != nil && len(c.Rule.When.UnitKinds) > 0 {
			continue // the template's unit kind is not known
		}
		state := c.State
		if w.opt.Template {
			state = rules.Pending
		}
		// As the engine: a comparison over a blank cell (or a total left
		// empty because it sums one) waits for it.
		formula := fmt.Sprintf(`IF(%s>0,"%s",IF(%s%s%s,"%s","%s"))`,
			w.blanks(append(c.Left.Cells(), c.Right.Cells()...), sheet), verdict[rules.Pending],
			w.sum(c.Left, sheet), c.Op, w.sum(c.Right, sheet), verdict[rules.Passed], verdict[rules.Failed])
		if err := put(c.Rule, c.Text, formula, verdict[state]); err != nil {
			return err
		}
	}
	if r := w.doc.ValuesRule; r != nil {
		for _, ts := range tables {
			if ts.table.ReadOnly {
				continue
			}
			var ids []string
			n := 0
			for _, c := range ts.table.Cells {
				if c.Role == format.ValueCell && c.Sum == nil {
					ids = append(ids, c.CellID)
					if w.opt.Template || c.Value.IsBlank() {
						n++
					}
				}
			}
			if len(ids) == 0 {
				continue
			}
			count := w.blanks(ids, sheet)
			pre, suf := l10n.T("xlsx.blankCountPrefix"), l10n.T("xlsx.blankCountSuffix")
			cached := verdict[rules.Passed]
			if n > 0 {
				cached = pre + strconv.Itoa(n) + suf
			}
			if err := put(r, l10n.T("xlsx.blanks", "Table", ts.table.Source.Ref()),
				fmt.Sprintf(`IF(%s=0,"%s","%s"&(%s)&"%s")`, count, verdict[rules.Passed], pre, count, suf), cached); err != nil {
				return err
			}
		}
	}
	f.SetColWidth(sheet, "A", "A", 7)
	f.SetColWidth(sheet, "B", "B", 7)
	f.SetColWidth(sheet, "C", "C", 80)
	f.SetColWidth(sheet, "D", "D", 16)
	w.pageSetup(sheet, true)
	return nil
}
