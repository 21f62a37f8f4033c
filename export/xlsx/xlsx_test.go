package xlsx_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/export"
	"nianbao/export/exporttest"
	"nianbao/export/xlsx"
	"nianbao/export/xlsx/cellmap"
	"nianbao/forms/format"
	"nianbao/forms/registry"
	"nianbao/forms/report"
	"nianbao/forms/rules"
	"nianbao/forms/value"
)

func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// readMap reads the workbook's cell map as an importer does.
func readMap(t *testing.T, data []byte) (*excelize.File, *cellmap.Map) {
	t.Helper()
	f, err := cellmap.Open(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	m, err := cellmap.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return f, m
}

func write(t testing.TB, d *report.Doc, opt xlsx.Options) (*export.Document, []byte) {
	t.Helper()
	doc := export.Build(d, export.Options{})
	data, err := xlsx.Write(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	return doc, data
}

// build makes a report of a format with every input filled — counts,
// signed numbers, money with its unit and decimals, some 不适用 — except
// the cells blank picks.
func build(t testing.TB, formatID string, year int, blank func(i int, id string) bool) *report.Doc {
	t.Helper()
	d, err := report.Bind(report.New(formatID, year, report.Unit{Name: "测试县人民政府办公室", Kind: "department"}), registry.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range d.Entry.Format.Cells() {
		if d.Entry.Rules.Computed(i) || blank(i, c.ID) {
			continue
		}
		text := strconv.Itoa(i % 7)
		switch {
		case i%13 == 5:
			text = "/"
		case c.Spec.Kind == format.Money:
			text = "123456"
			if c.Spec.Decimals > 0 {
				text += "." + "789012"[:min(c.Spec.Decimals, 6)]
			}
			if len(c.Spec.Units) > 0 {
				text += "万元"
			}
		case c.Spec.Kind == format.Signed && i%2 == 0:
			text = "-" + text
		}
		if err := d.SetCell(c.ID, text); err != nil {
			t.Fatalf("%s = %q: %v", c.ID, text, err)
		}
	}
	return d
}

// A case is a report of one format with some inputs blank.
type testCase struct {
	name string
	d    *report.Doc
}

// cases are reports of the 2021, 2019 and pre-2019 (2014) formats, each
// full, with one input blank (t3.open.natural, whose blank the 总计 column
// and R1 must wait for), with every fifth input blank, and all blank.
func cases(t testing.TB) []testCase {
	var out []testCase
	for _, fm := range []struct {
		id   string
		year int
		one  string
	}{{"2021", 2025, "t3.open.natural"}, {"2019", 2020, "t3.open.natural"}, {"2014", 2018, ""}} {
		one := fm.one
		if one == "" { // the first cell the first computed total adds up
			d := build(t, fm.id, fm.year, func(int, string) bool { return false })
			for _, fml := range d.Entry.Rules.Formulas() {
				if fml.Computes >= 0 {
					one = d.Entry.Format.Cells()[fml.Right[0].Cell].ID
					break
				}
			}
		}
		for _, p := range []struct {
			name  string
			blank func(i int, id string) bool
		}{
			{"full", func(int, string) bool { return false }},
			{"one-blank", func(_ int, id string) bool { return id == one }},
			{"fifth-blank", func(i int, _ string) bool { return i%5 == 2 }},
			{"all-blank", func(int, string) bool { return true }},
		} {
			out = append(out, testCase{fm.id + "-" + p.name, build(t, fm.id, fm.year, p.blank)})
		}
	}
	return out
}

// expected is what the workbook of d must show, by sheet and cell: every
// value cell as the engine has it (a total over blank cells empty), and
// every row of the check sheet as the engine decided it.
func expected(t *testing.T, d *report.Doc, doc *export.Document, m *cellmap.Map) map[[2]string]string {
	t.Helper()
	want := map[[2]string]string{}
	vals := d.Values()
	for _, c := range d.Entry.Format.Cells() {
		r := m.Cells[c.ID]
		v := vals[c.ID]
		s := v.String()
		if v.State == value.Number && !v.Num.IsWhole() {
			s = strings.TrimRight(v.Num.String(), "0")
		}
		want[[2]string{r.Sheet, r.Cell}] = s
	}
	verdict := map[rules.CheckState]string{rules.Pending: "待填", rules.Passed: "通过", rules.Failed: "不符"}
	row := 3
	for _, c := range doc.Checks {
		want[[2]string{"检查", fmt.Sprintf("D%d", row)}] = verdict[c.State]
		row++
	}
	for _, tb := range d.Entry.Format.Tables {
		n, inputs := 0, 0
		for i, c := range d.Entry.Format.Cells() {
			if !strings.HasPrefix(c.ID, tb.ID+".") || d.Entry.Rules.Computed(i) {
				continue
			}
			inputs++
			if _, ok := d.Report.Cells[c.ID]; !ok {
				n++
			}
		}
		if inputs == 0 {
			continue
		}
		s := "通过"
		if n > 0 {
			s = fmt.Sprintf("有 %d 格未填写", n)
		}
		want[[2]string{"检查", fmt.Sprintf("D%d", row)}] = s
		row++
	}
	return want
}

func TestWorkbook(t *testing.T) {
	d := exporttest.Sample(t)
	doc, data := write(t, d, xlsx.Options{})
	f, m := readMap(t, data)
	if got := f.GetSheetList(); strings.Join(got, ",") != "填报信息,表二,表三,表四,检查,"+cellmap.Sheet {
		t.Errorf("sheets = %v", got)
	}
	if len(m.Cells) != 200 || m.Format != "2021" || m.Year != d.Report.Year || m.Template {
		t.Errorf("map: %d cells, format %q, year %d, template %v", len(m.Cells), m.Format, m.Year, m.Template)
	}
	for i, c := range d.Entry.Format.Cells() {
		a := m.Cells[c.ID]
		formula, _ := f.GetCellFormula(a.Sheet, a.Cell)
		if d.Entry.Rules.Computed(i) != (formula != "") {
			t.Errorf("%s: computed %v, formula %q", c.ID, d.Entry.Rules.Computed(i), formula)
		}
	}
	if formula, _ := f.GetCellFormula("表三", m.Cells["t3.total.natural"].Cell); !strings.HasPrefix(formula, `IF((D9="")+(D10="")+`) || !strings.Contains(formula, ",SUM(D9,D10,") {
		t.Errorf("（七）总计 formula = %q", formula)
	}
	style, _ := f.GetCellStyle("表三", m.Cells["t3.new.natural"].Cell)
	if s, _ := f.GetStyle(style); s.Protection == nil || s.Protection.Locked {
		t.Error("input cells are locked")
	}
	dvs, _ := f.GetDataValidations("表三")
	if len(dvs) != 144 {
		t.Errorf("%d validations on 表三, want one per input cell (144)", len(dvs))
	}
	if got, _ := f.GetCellValue("表三", "A2"); !strings.Contains(got, d.Report.Unit.Name) {
		t.Errorf("unit line = %q", got)
	}
	if len(doc.Checks) == 0 {
		t.Fatal("no checks")
	}
}

// TestCachedValues reads the workbooks as a reader that does not
// recalculate does: every total and every check holds the engine's value.
func TestCachedValues(t *testing.T) {
	for _, tc := range cases(t) {
		t.Run(tc.name, func(t *testing.T) {
			doc, data := write(t, tc.d, xlsx.Options{})
			_, m := readMap(t, data)
			f := open(t, data)
			for k, want := range expected(t, tc.d, doc, m) {
				if got, _ := f.GetCellValue(k[0], k[1]); got != want {
					formula, _ := f.GetCellFormula(k[0], k[1])
					t.Errorf("%s!%s = %q, want %q (formula %.60q)", k[0], k[1], got, want, formula)
				}
			}
		})
	}
}

// TestColumnsFitValues: a column is as wide as the longest value it shows
// with its unit, so that no spreadsheet shows "###" (the 2019 采购总金额).
func TestColumnsFitValues(t *testing.T) {
	d := build(t, "2019", 2020, func(int, string) bool { return false })
	_, data := write(t, d, xlsx.Options{})
	f, m := readMap(t, data)
	r := m.Cells["t2.procurement.amount"]
	col, _, _ := excelize.SplitCellName(r.Cell)
	width, _ := f.GetColWidth(r.Sheet, col)
	if shown := "123456.789012万元"; width < float64(export.Width(shown))+1 {
		t.Errorf("采购总金额 column is %.1f wide, %q needs %d", width, shown, export.Width(shown)+1)
	}
}

func TestTemplate(t *testing.T) {
	d := exporttest.Sample(t)
	_, data := write(t, d, xlsx.Options{Template: true})
	f, m := readMap(t, data)
	if !m.Template {
		t.Error("the map does not say template")
	}
	for i, c := range d.Entry.Format.Cells() {
		a := m.Cells[c.ID]
		v, _ := f.GetCellValue(a.Sheet, a.Cell)
		formula, _ := f.GetCellFormula(a.Sheet, a.Cell)
		if v != "" {
			t.Errorf("template cell %s holds %q", c.ID, v)
		}
		if d.Entry.Rules.Computed(i) && formula == "" {
			t.Errorf("template total %s has no formula", c.ID)
		}
	}
	if note, _ := f.GetCellValue("表三", "A2"); strings.Contains(note, d.Report.Unit.Name) {
		t.Errorf("the template names the unit: %q", note)
	}
	// A unit fills in its name, kind and contact details: the cells are
	// unlocked, the kind offers the kinds, and the map finds them.
	for _, key := range cellmap.Fields {
		r, ok := m.Fields[key]
		if !ok {
			t.Fatalf("field %s not mapped", key)
		}
		if v, _ := f.GetCellValue(r.Sheet, r.Cell); v != "" {
			t.Errorf("template field %s holds %q", key, v)
		}
		style, _ := f.GetCellStyle(r.Sheet, r.Cell)
		if s, _ := f.GetStyle(style); s.Protection == nil || s.Protection.Locked {
			t.Errorf("field %s is locked", key)
		}
	}
	kind := m.Fields[cellmap.UnitKind]
	dvs, _ := f.GetDataValidations(kind.Sheet)
	if len(dvs) != 1 || dvs[0].Sqref != kind.Cell || dvs[0].Type != "list" || !strings.Contains(dvs[0].Formula1, "乡镇（街道）") {
		t.Errorf("unit kind validation = %+v", dvs)
	}
	name := m.Fields[cellmap.UnitName]
	f.SetCellValue(name.Sheet, name.Cell, "某某乡人民政府")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	g, m2 := readMap(t, buf.Bytes())
	if got, _ := g.GetCellValue(m2.Fields[cellmap.UnitName].Sheet, m2.Fields[cellmap.UnitName].Cell); got != "某某乡人民政府" {
		t.Errorf("unit name read back = %q", got)
	}
}

// fillTemplate fills the template of d with d's inputs, as a unit does in
// a spreadsheet program (which leaves the totals to recalculation).
func fillTemplate(t *testing.T, d *report.Doc) []byte {
	_, data := write(t, d, xlsx.Options{Template: true})
	f, m := readMap(t, data)
	for i, c := range d.Entry.Format.Cells() {
		v, ok := d.Report.Cells[c.ID]
		if !ok || d.Entry.Rules.Computed(i) {
			continue
		}
		var x any = value.NAMark
		if v.State == value.Number {
			x, _ = strconv.ParseFloat(v.Num.String(), 64)
		}
		if err := f.SetCellValue(m.Cells[c.ID].Sheet, m.Cells[c.ID].Cell, x); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// libreOffice converts the workbooks with LibreOffice, recalculating every
// formula on load, and returns each one's sheets as CSV rows.
func libreOffice(t *testing.T, books map[string][]byte) map[string]map[string][][]string {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice not installed (scripts/setup.sh installs it)")
	}
	dir := t.TempDir()
	// Recalculate always, not only files without cached values.
	os.MkdirAll(filepath.Join(dir, "lo", "user"), 0o755)
	os.WriteFile(filepath.Join(dir, "lo", "user", "registrymodifications.xcu"), []byte(`<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`), 0o644)
	args := []string{"--headless", "-env:UserInstallation=file://" + dir + "/lo",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir}
	for name, data := range books {
		in := filepath.Join(dir, name+".xlsx")
		os.WriteFile(in, data, 0o644)
		args = append(args, in)
	}
	if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out := map[string]map[string][][]string{}
	for name := range books {
		out[name] = map[string][][]string{}
		files, _ := filepath.Glob(filepath.Join(dir, name+"-*.csv"))
		for _, file := range files {
			raw, _ := os.ReadFile(file)
			rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			out[name][strings.TrimSuffix(strings.TrimPrefix(filepath.Base(file), name+"-"), ".csv")] = rows
		}
	}
	return out
}

// TestLibreOfficeRecomputes recalculates the workbooks — each report, and
// its template filled with the same values — with LibreOffice: every total
// and every check reads exactly what the engine says, blank inputs
// included.
func TestLibreOfficeRecomputes(t *testing.T) {
	books := map[string][]byte{}
	docs := map[string]*export.Document{}
	all := cases(t)
	for _, tc := range all {
		doc, data := write(t, tc.d, xlsx.Options{})
		books[tc.name], docs[tc.name] = data, doc
		books[tc.name+"-template"] = fillTemplate(t, tc.d)
	}
	sheets := libreOffice(t, books)
	for _, tc := range all {
		for _, name := range []string{tc.name, tc.name + "-template"} {
			t.Run(name, func(t *testing.T) {
				_, m := readMap(t, books[name])
				for k, want := range expected(t, tc.d, docs[tc.name], m) {
					if k[0] != "检查" && !isComputed(tc.d, m, k) {
						continue // inputs show as formatted; the raw values are checked by TestCachedValues
					}
					col, row, _ := excelize.CellNameToCoordinates(k[1])
					rows := sheets[name][k[0]]
					got := ""
					if row <= len(rows) && col <= len(rows[row-1]) {
						got = rows[row-1][col-1]
					}
					if got != want {
						t.Errorf("%s!%s: LibreOffice computes %q, the engine %q", k[0], k[1], got, want)
					}
				}
			})
		}
	}
}

func isComputed(d *report.Doc, m *cellmap.Map, k [2]string) bool {
	for i, c := range d.Entry.Format.Cells() {
		if r := m.Cells[c.ID]; r.Sheet == k[0] && r.Cell == k[1] {
			return d.Entry.Rules.Computed(i)
		}
	}
	return false
}

func BenchmarkWrite(b *testing.B) {
	d := exporttest.Sample(b)
	doc := export.Build(d, export.Options{})
	for b.Loop() {
		if _, err := xlsx.Write(doc, xlsx.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMoneyDecimals checks that money shows the decimals typed, as the other
// exports print it, whole amounts with no stray point, and that the column
// is wide enough not to show ###.
func TestMoneyDecimals(t *testing.T) {
	tests := []struct {
		format, id, typed, want string
	}{
		{"2021", "t2.fees.amount", "73802895.90", "73802895.90"},
		{"2021", "t2.fees.amount", "12.5", "12.5"},
		{"2021", "t2.fees.amount", "12.5000", "12.5000"},
		{"2021", "t2.fees.amount", "12", "12"},
		{"2021", "t2.fees.amount", "0.00", "0.00"},
		{"2019", "t2.procurement.amount", "73,802,895.90元", "73802895.90元"},
	}
	for _, tc := range tests {
		d := exporttest.Sample(t)
		if tc.format != "2021" {
			d = exporttest.Blank(t, tc.format, 2020)
		}
		if err := d.SetCell(tc.id, tc.typed); err != nil {
			t.Fatal(err)
		}
		data, err := xlsx.Write(export.Build(d, export.Options{}), xlsx.Options{})
		if err != nil {
			t.Fatal(err)
		}
		f, m := readMap(t, data)
		a := m.Cells[tc.id]
		if got, _ := f.GetCellValue(a.Sheet, a.Cell); got != tc.want {
			t.Errorf("%s shows as %q, want %q", tc.typed, got, tc.want)
		}
		if w := shownWidth(t, f, a.Sheet, a.Cell); w < float64(export.Width(tc.want)) {
			t.Errorf("%s: %s is %.1f wide", tc.typed, a.Cell, w)
		}
	}
}

// shownWidth is the width of cell, or of the merged range it starts.
func shownWidth(t *testing.T, f *excelize.File, sheet, cell string) float64 {
	end := cell
	merged, _ := f.GetMergeCells(sheet)
	for _, m := range merged {
		if m.GetStartAxis() == cell {
			end = m.GetEndAxis()
		}
	}
	from, _, _ := excelize.CellNameToCoordinates(cell)
	to, _, _ := excelize.CellNameToCoordinates(end)
	width := 0.0
	for c := from; c <= to; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		w, err := f.GetColWidth(sheet, name)
		if err != nil {
			t.Fatal(err)
		}
		width += w
	}
	return width
}

// TestBreakdownSheet: a 汇总's workbook has the breakdown by unit kind as
// a sheet of values, outside the cell map; its template has none.
func TestBreakdownSheet(t *testing.T) {
	d := exporttest.Filled(t, "2021", 2025)
	ids := d.SummableCells()
	dep := make([]value.Value, len(ids))
	for i := range ids {
		dep[i] = d.Report.Cells[ids[i]]
	}
	d.Report.Unit.Kind = "consolidated"
	d.Report.Consolidation = &report.Consolidation{Cells: ids, ByKind: map[string]string{"department": report.EncodeValues(dep)}}
	_, data := write(t, d, xlsx.Options{})
	f, m := readMap(t, data)
	if !slices.Contains(f.GetSheetList(), "分类汇总表") {
		t.Fatalf("sheets %v", f.GetSheetList())
	}
	for id, ref := range m.Cells {
		if ref.Sheet == "分类汇总表" {
			t.Errorf("the map sends %s to the breakdown", id)
		}
	}
	rows, _ := f.GetRows("分类汇总表")
	found := false
	for _, r := range rows {
		found = found || (len(r) >= 4 && r[1] == "自然人" && r[2] != "" && r[2] == r[3])
	}
	if !found {
		t.Errorf("no row 自然人 with the department's value and the total: %v", rows[:min(6, len(rows))])
	}
	_, tmpl := write(t, d, xlsx.Options{Template: true})
	if g, _ := readMap(t, tmpl); slices.Contains(g.GetSheetList(), "分类汇总表") {
		t.Error("the template has the breakdown")
	}
}
