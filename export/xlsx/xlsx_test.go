package xlsx_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/export"
	"nianbao/export/exporttest"
	"nianbao/export/xlsx"
)

func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// addresses reads the hidden map sheet: cell ID → sheet and cell.
func addresses(t *testing.T, f *excelize.File) map[string][2]string {
	rows, err := f.GetRows(xlsx.MapSheet)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][2]string{}
	for _, r := range rows {
		if len(r) == 2 && strings.Contains(r[1], "!") {
			sheet, cell, _ := strings.Cut(r[1], "!")
			out[r[0]] = [2]string{strings.Trim(sheet, "'"), cell}
		}
	}
	return out
}

func TestWorkbook(t *testing.T) {
	d := exporttest.Sample(t)
	data, err := xlsx.Write(d, export.Build(d, export.Options{}), xlsx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	if got := f.GetSheetList(); strings.Join(got, ",") != "表二,表三,表四,检查,"+xlsx.MapSheet {
		t.Errorf("sheets = %v", got)
	}
	addr := addresses(t, f)
	if len(addr) != 200 {
		t.Errorf("%d cells mapped, want 200", len(addr))
	}
	res := d.Evaluate()
	for i, c := range d.Entry.Format.Cells() {
		a := addr[c.ID]
		formula, _ := f.GetCellFormula(a[0], a[1])
		if d.Entry.Rules.Computed(i) != (formula != "") {
			t.Errorf("%s: computed %v, formula %q", c.ID, d.Entry.Rules.Computed(i), formula)
		}
		if formula == "" {
			got, _ := f.GetCellValue(a[0], a[1])
			if want := res.Values[i].String(); got != want {
				t.Errorf("%s = %q, want %q", c.ID, got, want)
			}
		}
	}
	if formula, _ := f.GetCellFormula("表三", addr["t3.total.natural"][1]); !strings.HasPrefix(formula, "SUM(D9,D10,") {
		t.Errorf("（七）总计 formula = %q", formula)
	}
	style, _ := f.GetCellStyle("表三", addr["t3.new.natural"][1])
	if s, _ := f.GetStyle(style); s.Protection == nil || s.Protection.Locked {
		t.Error("input cells are locked")
	}
	dvs, _ := f.GetDataValidations("表三")
	if len(dvs) != 144 {
		t.Errorf("%d validations on 表三, want one per input cell (144)", len(dvs))
	}
}

func TestTemplate(t *testing.T) {
	d := exporttest.Sample(t)
	data, err := xlsx.Write(d, export.Build(d, export.Options{}), xlsx.Options{Template: true})
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, data)
	addr := addresses(t, f)
	for i, c := range d.Entry.Format.Cells() {
		a := addr[c.ID]
		v, _ := f.GetCellValue(a[0], a[1])
		formula, _ := f.GetCellFormula(a[0], a[1])
		if !d.Entry.Rules.Computed(i) && v != "" {
			t.Errorf("template input %s holds %q", c.ID, v)
		}
		if d.Entry.Rules.Computed(i) && formula == "" {
			t.Errorf("template total %s has no formula", c.ID)
		}
	}
	if note, _ := f.GetCellValue("表三", "A2"); strings.Contains(note, "青溪县") {
		t.Errorf("the template names the unit: %q", note)
	}
}

// TestLibreOfficeRecomputes converts the workbook with LibreOffice, which
// computes every formula, and compares the totals and checks with ours.
func TestLibreOfficeRecomputes(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice not installed (scripts/setup.sh installs it)")
	}
	d := exporttest.Sample(t)
	d.SetCell("t3.new.natural", "22") // unbalance R1 for 自然人 and 总计
	data, err := xlsx.Write(d, export.Build(d, export.Options{Draft: true}), xlsx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "r.xlsx")
	os.WriteFile(in, data, 0o644)
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+dir+"/lo",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	sheets := map[string][][]string{}
	for _, name := range []string{"表二", "表三", "表四", "检查"} {
		raw, err := os.ReadFile(filepath.Join(dir, "r-"+name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		sheets[name] = rows
	}
	f := open(t, data)
	addr := addresses(t, f)
	res := d.Evaluate()
	for i, c := range d.Entry.Format.Cells() {
		if !d.Entry.Rules.Computed(i) {
			continue
		}
		col, row, _ := excelize.CellNameToCoordinates(addr[c.ID][1])
		got := sheets[addr[c.ID][0]][row-1][col-1]
		if want := res.Values[i].String(); got != want {
			t.Errorf("%s: LibreOffice computes %q, the engine %q", c.ID, got, want)
		}
	}
	fails := 0
	for _, r := range sheets["检查"][2:] {
		if r[3] != "通过" {
			fails++
			if r[0] != "R1" || r[3] != "不符" {
				t.Errorf("unexpected failed check %v", r)
			}
		}
	}
	if fails != res.Errors() {
		t.Errorf("%d checks fail in the workbook, the engine finds %d errors", fails, res.Errors())
	}
}

func BenchmarkWrite(b *testing.B) {
	d := exporttest.Sample(b)
	doc := export.Build(d, export.Options{})
	for b.Loop() {
		if _, err := xlsx.Write(d, doc, xlsx.Options{}); err != nil {
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
		data, err := xlsx.Write(d, export.Build(d, export.Options{}), xlsx.Options{})
		if err != nil {
			t.Fatal(err)
		}
		f := open(t, data)
		a := addresses(t, f)[tc.id]
		if got, _ := f.GetCellValue(a[0], a[1]); got != tc.want {
			t.Errorf("%s shows as %q, want %q", tc.typed, got, tc.want)
		}
		if w := shownWidth(t, f, a[0], a[1]); w < float64(export.Width(tc.want)) {
			t.Errorf("%s: %s is %.1f wide", tc.typed, a[1], w)
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
