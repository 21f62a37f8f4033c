package consolidate_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/forms/consolidate"
	"nianbao/forms/consolidate/consolidatetest"
	"nianbao/forms/registry"
	"nianbao/forms/report"
)

var reg = registry.Builtin()

// unit writes a unit's report file (consolidatetest.Unit).
var unit = consolidatetest.Unit

var day = time.Date(2026, 1, 20, 9, 0, 0, 0, time.UTC)

// batch writes a hand-made batch in which every state occurs.
func batch(t *testing.T) (dir string, expected []report.ExpectedUnit) {
	dir = t.TempDir()
	in := filepath.Join(dir, "收到")
	unit(t, in, "ok.nianbao", "青溪县自然资源局", "department", day)
	unit(t, in, "ok-copy/ok.nianbao", "青溪县自然资源局", "department", day) // the same file twice
	unit(t, in, "old.nianbao", "青溪县教育局", "department", day, "t2.rules.issued=1")
	unit(t, in, "new.nianbao", "青溪县 教育局", "department", day.Add(time.Hour), "t2.rules.issued=30") // kept: saved later
	unit(t, in, "warn.nianbao", "青溪县财政局", "department", day, "t2.fees.amount=2000000.5")
	unit(t, in, "errors.nianbao", "青溪县公安局", "department", day, "t3.new.natural=100")
	unit(t, in, "blanks.nianbao", "青溪县民政局", "department", day, "t3.new.natural=")
	unit(t, in, "town.nianbao", "城关镇", "township", day, "t2.fees.amount=1.25")
	unit(t, in, "year.nianbao", "青溪县交通局", "department", day, "year=")
	unit(t, in, "format.nianbao", "青溪县水利局", "department", day, "format=2019")
	unit(t, in, "stranger.nianbao", "邻县人民政府", "county", day)
	os.WriteFile(filepath.Join(in, "broken.nianbao"), []byte(`{"type": "nianbao-report", "sch`), 0o644)
	os.WriteFile(filepath.Join(in, "notes.txt"), []byte("不是报告"), 0o644)
	os.WriteFile(filepath.Join(in, ".hidden.nianbao"), []byte("x"), 0o644)
	expected = []report.ExpectedUnit{
		{Unit: "青溪县自然资源局", Kind: "department"}, {Unit: "青溪县教育局", Kind: "department"},
		{Unit: "青溪县财政局", Kind: "department"}, {Unit: "青溪县公安局", Kind: "department"},
		{Unit: "青溪县民政局", Kind: "department"}, {Unit: "城关镇", Kind: "township"},
		{Unit: "青溪县交通局", Kind: "department"}, {Unit: "青溪县水利局", Kind: "department"},
		{Unit: "青溪县卫生健康委员会", Kind: "department"},
	}
	return dir, expected
}

func newTarget(t testing.TB, dir string) *report.Doc {
	d, err := consolidate.New(reg, 2025, "青溪县人民政府", "", "")
	if err != nil {
		t.Fatal(err)
	}
	d.Path = filepath.Join(dir, "汇总.nianbao")
	return d
}

func states(d *report.Doc) map[string]string {
	out := map[string]string{}
	for _, u := range d.Report.Consolidation.Units {
		key := u.Unit
		if u.File != "" {
			key = filepath.Base(filepath.Dir(u.File)) + "/" + filepath.Base(u.File)
		}
		out[key] = u.State
	}
	return out
}

func TestStates(t *testing.T) {
	dir, expected := batch(t)
	d := newTarget(t, dir)
	sum, err := consolidate.Run(context.Background(), d, []string{filepath.Join(dir, "收到")}, consolidate.Options{Expected: expected})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"收到/ok.nianbao": consolidate.Duplicate, "ok-copy/ok.nianbao": consolidate.OK, // the first in path order is kept
		"收到/old.nianbao": consolidate.Duplicate, "收到/new.nianbao": consolidate.OK,
		"收到/warn.nianbao": consolidate.Warnings, "收到/errors.nianbao": consolidate.Errors,
		"收到/blanks.nianbao": consolidate.Blanks, "收到/town.nianbao": consolidate.OK,
		"收到/year.nianbao": consolidate.WrongYear, "收到/format.nianbao": consolidate.WrongFormat,
		"收到/stranger.nianbao": consolidate.Unknown, "收到/broken.nianbao": consolidate.Refused,
		"青溪县卫生健康委员会": consolidate.Missing,
	}
	got := states(d)
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: state %q, want %q", k, got[k], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("board %v, want %d entries", got, len(want))
	}
	if sum.Included != 4 || sum.Files != 12 {
		t.Errorf("summary %+v: want 4 included of 12 files", sum)
	}
	// The board lists the expected units first, in the list's order.
	if u := d.Report.Consolidation.Units; u[0].Unit != "青溪县自然资源局" || u[1].Unit != "青溪县 教育局" || u[8].State != consolidate.Missing {
		t.Errorf("board order: %v", u[:9])
	}
	for _, u := range d.Report.Consolidation.Units {
		if u.State == consolidate.Refused && !strings.Contains(u.Message, "broken.nianbao") {
			t.Errorf("a refused file says %q", u.Message)
		}
	}
}

// TestSums: the sums are exact over the units in state ok or warnings (or
// errors and blanks when asked), by kind too; 不适用 everywhere stays 不适用.
func TestSums(t *testing.T) {
	dir, expected := batch(t)
	for _, tc := range []struct {
		include              bool
		natural, fees, rules string
		township             string
	}{
		// ok 21, new 21, warnings 21, town 21 (blanks has no value, errors 100)
		{false, "84", "2000026.8236", "30", "21"},
		{true, "184", "2000051.8972", "30", "21"},
	} {
		d := newTarget(t, dir)
		if _, err := consolidate.Run(context.Background(), d, []string{filepath.Join(dir, "收到")},
			consolidate.Options{Expected: expected, IncludeErrors: tc.include}); err != nil {
			t.Fatal(err)
		}
		v := d.Values()
		if got := v["t3.new.natural"].String(); got != tc.natural {
			t.Errorf("include=%v: t3.new.natural = %s, want %s", tc.include, got, tc.natural)
		}
		if got := v["t2.rules.issued"].String(); got != tc.rules {
			t.Errorf("include=%v: t2.rules.issued = %s, want %s (of the file saved later)", tc.include, got, tc.rules)
		}
		// 12.5368 ×2 + 2000000.5 + 1.25 (+12.5368 ×2 with errors and blanks): the most decimals
		if got := v["t2.fees.amount"].String(); got != tc.fees {
			t.Errorf("include=%v: fees = %s, want %s", tc.include, got, tc.fees)
		}
		byKind := d.Report.Consolidation.ByKind
		if len(byKind) != 2 || byKind["township"] == "" {
			t.Errorf("byKind has %v", byKind)
		}
		cols := consolidate.Breakdown(d)
		if len(cols) != 2 || cols[0].Kind != "department" || cols[1].Kind != "township" {
			t.Fatalf("breakdown columns %v", cols)
		}
		c, _ := d.Entry.Format.Cell("t3.new.natural")
		if got := cols[1].Values[c.Index].String(); got != tc.township {
			t.Errorf("township column: %s, want %s", got, tc.township)
		}
		total, _ := d.Entry.Format.Cell("t3.total.total")
		dep, town := cols[0].Values[total.Index].Amount(), cols[1].Values[total.Index].Amount()
		if all := v["t3.total.total"].Amount(); dep+town != all {
			t.Errorf("the kinds' totals %v + %v are not the total %v", dep, town, all)
		}
	}
}

func TestNotApplicable(t *testing.T) {
	dir := t.TempDir()
	unit(t, dir, "a.nianbao", "甲局", "department", day, "t2.rules.issued=/", "t2.rules.repealed=/")
	unit(t, dir, "b.nianbao", "乙局", "department", day, "t2.rules.issued=/", "t2.rules.repealed=3")
	d := newTarget(t, dir)
	if _, err := consolidate.Run(context.Background(), d, []string{dir}, consolidate.Options{}); err != nil {
		t.Fatal(err)
	}
	if v := d.Report.Cells["t2.rules.issued"]; v.String() != "/" {
		t.Errorf("不适用 in every unit sums to %q", v.String())
	}
	if v := d.Report.Cells["t2.rules.repealed"]; v.String() != "3" {
		t.Errorf("不适用 and 3 sum to %q", v.String())
	}
	list, err := consolidate.Contributions(d, "t2.rules.repealed")
	if err != nil || len(list) != 2 || list[0].Value.String() != "/" || list[1].Value.String() != "3" || !list[0].Included {
		t.Errorf("drill-down %+v, %v", list, err)
	}
	// Learnt from the files: both units are now expected.
	if n := len(d.Report.Consolidation.Expected); n != 2 {
		t.Errorf("expected list learnt %d units", n)
	}
}

// TestRerun: re-running keeps the texts and the files received before,
// and updates the numbers.
func TestRerun(t *testing.T) {
	dir := t.TempDir()
	unit(t, dir, "in/a.nianbao", "甲局", "department", day)
	d := newTarget(t, dir)
	if _, err := consolidate.Run(context.Background(), d, []string{filepath.Join(dir, "in")}, consolidate.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := d.SetText("overview", "全县总体情况。"); err != nil {
		t.Fatal(err)
	}
	if err := d.Save(d.Path); err != nil {
		t.Fatal(err)
	}
	d.Close()
	unit(t, dir, "more/b.nianbao", "乙局", "township", day, "t2.rules.issued=4")
	d2, err := report.Edit(d.Path, reg, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer d2.Close()
	if _, err := consolidate.Run(context.Background(), d2, []string{filepath.Join(dir, "more")}, consolidate.Options{}); err != nil {
		t.Fatal(err)
	}
	if d2.Report.Texts["overview"] != "全县总体情况。" {
		t.Error("the text was lost")
	}
	if got := d2.Report.Cells["t2.rules.issued"].String(); got != "4" {
		t.Errorf("t2.rules.issued = %s, want 0 + 4", got)
	}
	if err := d2.SetCell("t3.new.natural", "9"); err == nil {
		t.Error("a summed cell took a typed value")
	}
	if d2.Origin("t3.new.natural") != report.Summed || d2.Origin("t3.new.total") != report.Computed {
		t.Error("the origins of a 汇总's values are wrong")
	}
	if d2.Origin("t3.new.natural") == report.Summed && newTarget(t, dir).Origin("t3.new.natural") != report.Summed {
		t.Error("a new 汇总's inputs are not sums")
	}
}

// TestMultiLevel: a city sums a county's 汇总 like a unit, keeps the
// county's kinds apart in its breakdown, and flags a unit counted both on
// its own and inside the county's 汇总.
func TestMultiLevel(t *testing.T) {
	dir := t.TempDir()
	unit(t, dir, "县/gov.nianbao", "青溪县人民政府", "county", day)
	unit(t, dir, "县/dep.nianbao", "青溪县教育局", "department", day, "t2.rules.issued=5")
	county, err := consolidate.New(reg, 2025, "青溪县", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := consolidate.Run(context.Background(), county, []string{filepath.Join(dir, "县")}, consolidate.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"overview", "active", "requests", "appeals", "problems", "other"} {
		county.SetText(s, "全县情况。")
	}
	os.MkdirAll(filepath.Join(dir, "市收到"), 0o755)
	if err := county.Save(filepath.Join(dir, "市收到", "青溪县汇总.nianbao")); err != nil {
		t.Fatal(err)
	}
	county.Close()
	unit(t, dir, "市收到/市财政局.nianbao", "市财政局", "department", day, "t2.rules.issued=7")
	unit(t, dir, "市收到/again.nianbao", "青溪县教育局", "department", day, "t2.rules.issued=5")
	city, err := consolidate.New(reg, 2025, "某市人民政府", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := consolidate.Run(context.Background(), city, []string{filepath.Join(dir, "市收到")}, consolidate.Options{}); err != nil {
		t.Fatal(err)
	}
	if got := city.Report.Cells["t2.rules.issued"].String(); got != "17" { // 0 + 5 + 7 + 5, counted twice
		t.Errorf("city t2.rules.issued = %s", got)
	}
	cols := map[string]string{}
	c, _ := city.Entry.Format.Cell("t2.rules.issued")
	for _, col := range consolidate.Breakdown(city) {
		cols[col.Kind] = col.Values[c.Index].String()
	}
	if cols["county"] != "0" || cols["county-department"] != "5" || cols["department"] != "12" || len(cols) != 3 {
		t.Errorf("city breakdown %v: want county 0, county-department 5, department 7+5", cols)
	}
	twice := 0
	for _, p := range city.Evaluate().Problems {
		if p.Rule == report.RuleCountedTwice && p.Unit == "青溪县教育局" && strings.Contains(p.Message, "青溪县") {
			twice++
		}
	}
	if twice != 1 {
		t.Errorf("counted twice reported %d times", twice)
	}
}

// TestHostileFiles: files that cannot be used are refused one by one, fast,
// and never stop the batch.
func TestHostileFiles(t *testing.T) {
	dir := t.TempDir()
	unit(t, dir, "good.nianbao", "甲局", "department", day)
	var zb bytes.Buffer // a zip bomb named like a workbook: 64 MiB of zeros
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	w.Write(make([]byte, 64<<20))
	zw.Close()
	os.WriteFile(filepath.Join(dir, "bomb.xlsx"), zb.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "word.xlsx"), []byte("PK\x03\x04 not really"), 0o644)
	os.WriteFile(filepath.Join(dir, "big.nianbao"), make([]byte, report.MaxFileSize+1), 0o644)
	start := time.Now()
	d := newTarget(t, dir)
	if _, err := consolidate.Run(context.Background(), d, []string{dir}, consolidate.Options{}); err != nil {
		t.Fatal(err)
	}
	if s := states(d); s["./bomb.xlsx"] != consolidate.Refused || len(s) != 4 {
		t.Errorf("states %v", s)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("hostile files took %v", el)
	}
}

func TestCancel(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a", "b", "c"} {
		unit(t, dir, n+".nianbao", n+"局", "department", day)
	}
	d := newTarget(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := consolidate.Run(ctx, d, []string{dir}, consolidate.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: %v", err)
	}
	if len(d.Report.Consolidation.Units) != 0 || len(d.Report.Cells) != 0 {
		t.Error("a cancelled run changed the report")
	}
}

func TestNothingUsable(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "x.nianbao"), []byte("{}"), 0o644)
	d := newTarget(t, dir)
	if _, err := consolidate.Run(context.Background(), d, []string{dir}, consolidate.Options{}); !errors.Is(err, consolidate.ErrNothingUsable) {
		t.Errorf("err %v", err)
	}
}

// procurement writes a unit's 2019-format report with only its 采购总金额.
func procurement(t *testing.T, dir, name, amount string) {
	t.Helper()
	d, err := report.Create(reg, report.Spec{Year: 2020, Unit: name, FormatID: "2019"})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.SetCell("t2.procurement.amount", amount); err != nil {
		t.Fatal(err)
	}
	if err := d.Save(filepath.Join(dir, name+".nianbao")); err != nil {
		t.Fatal(err)
	}
	d.Close()
}

// TestMoneyUnits: amounts in 元 and 万元 (the 2019 采购总金额) are summed in
// 万元, exactly; an amount whose unit was not chosen is not summed at all.
func TestMoneyUnits(t *testing.T) {
	dir := t.TempDir()
	procurement(t, dir, "甲局", "12345.67元")
	procurement(t, dir, "乙局", "2万元")
	run := func() *report.Doc {
		d, err := consolidate.New(reg, 2020, "某县", "", "2019")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := consolidate.Run(context.Background(), d, []string{dir}, consolidate.Options{IncludeErrors: true}); err != nil {
			t.Fatal(err)
		}
		return d
	}
	d := run()
	if v, u := d.Report.Cells["t2.procurement.amount"].String(), d.Report.Units["t2.procurement.amount"]; v != "3.234567" || u != "万元" {
		t.Errorf("sum %s %s, want 3.234567 万元", v, u)
	}
	procurement(t, dir, "丙局", "5") // no unit chosen
	d = run()
	if v, ok := d.Report.Cells["t2.procurement.amount"]; ok {
		t.Errorf("amounts in unknown units summed to %v", v)
	}
	found := false
	for _, p := range d.Evaluate().Problems {
		found = found || (p.Rule == report.RuleOverflow && strings.Contains(p.Message, "金额单位"))
	}
	if !found {
		t.Error("the unsummable amount is not reported")
	}
}

// consolidated makes a 汇总 of unit over the folder in and saves it as out.
func consolidated(t *testing.T, unit, in, out string) {
	t.Helper()
	d, err := consolidate.New(reg, 2025, unit, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := consolidate.Run(context.Background(), d, []string{in}, consolidate.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"overview", "active", "requests", "appeals", "problems", "other"} {
		d.SetText(s, "概况。")
	}
	os.MkdirAll(filepath.Dir(out), 0o755)
	if err := d.Save(out); err != nil {
		t.Fatal(err)
	}
	d.Close()
}

// TestCountedTwiceAtDepth: a province receives a city's 汇总, the county's
// 汇总 the city already sums, and a department of the county: both the
// county's 汇总 and the department are counted twice.
func TestCountedTwiceAtDepth(t *testing.T) {
	dir := t.TempDir()
	unit(t, dir, "县/dep.nianbao", "青溪县教育局", "department", day)
	unit(t, dir, "县/gov.nianbao", "青溪县人民政府办公室", "county", day)
	consolidated(t, "青溪县", filepath.Join(dir, "县"), filepath.Join(dir, "市/青溪县汇总.nianbao"))
	unit(t, dir, "市/市财政局.nianbao", "市财政局", "department", day)
	consolidated(t, "某市", filepath.Join(dir, "市"), filepath.Join(dir, "省/某市汇总.nianbao"))
	os.Link(filepath.Join(dir, "市/青溪县汇总.nianbao"), filepath.Join(dir, "省/青溪县汇总.nianbao"))
	os.Link(filepath.Join(dir, "县/dep.nianbao"), filepath.Join(dir, "省/dep.nianbao"))
	d, err := consolidate.New(reg, 2025, "某省", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := consolidate.Run(context.Background(), d, []string{filepath.Join(dir, "省")}, consolidate.Options{}); err != nil {
		t.Fatal(err)
	}
	twice := map[string]string{}
	for _, u := range d.Report.Consolidation.Units {
		twice[u.Unit] = u.CountedTwice
	}
	if twice["青溪县"] != "某市" || twice["青溪县教育局"] != "某市" || twice["某市"] != "" {
		t.Errorf("counted twice: %v", twice)
	}
}

// TestMixedUnitsInBreakdown: a cell that cannot be summed in one unit is
// blank in every kind's column too.
func TestMixedUnitsInBreakdown(t *testing.T) {
	dir := t.TempDir()
	for name, amount := range map[string]string{"甲局": "1.5万元", "乙局": "0.001元", "丙局": "100元"} {
		procurement(t, dir, name, amount)
	}
	d, err := consolidate.New(reg, 2020, "某县", "", "2019")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := consolidate.Run(context.Background(), d, []string{dir}, consolidate.Options{IncludeErrors: true}); err != nil {
		t.Fatal(err)
	}
	c, _ := d.Entry.Format.Cell("t2.procurement.amount")
	for _, col := range consolidate.Breakdown(d) {
		if v := col.Values[c.Index]; !v.IsBlank() {
			t.Errorf("%s column holds %v for an amount that cannot be summed", col.Kind, v)
		}
	}
	if v, ok := d.Report.Cells["t2.procurement.amount"]; ok {
		t.Errorf("the sum is %v", v)
	}
}

// TestCraftedNested: a received 汇总 whose breakdown names kinds nobody
// knows counts under its own kind; one with absurdly many is refused.
func TestCraftedNested(t *testing.T) {
	dir := t.TempDir()
	unit(t, dir, "in/a.nianbao", "甲局", "department", day)
	consolidated(t, "乙县", filepath.Join(dir, "in"), filepath.Join(dir, "x.nianbao"))
	data, _ := os.ReadFile(filepath.Join(dir, "x.nianbao"))
	var f map[string]any
	json.Unmarshal(data, &f)
	ws := f["consolidation"].(map[string]any)
	kinds := map[string]any{}
	for i := range 50 {
		kinds[fmt.Sprintf("k%d", i)] = "1,2,3"
	}
	ws["byKind"] = kinds
	out, _ := json.Marshal(f)
	os.MkdirAll(filepath.Join(dir, "recv"), 0o755)
	os.WriteFile(filepath.Join(dir, "recv/crafted.nianbao"), out, 0o644)
	for i := range 500 {
		kinds[fmt.Sprintf("k%d", i)] = "1"
	}
	f["unit"] = map[string]string{"name": "丙县", "kind": "consolidated"}
	out, _ = json.Marshal(f)
	os.WriteFile(filepath.Join(dir, "recv/huge.nianbao"), out, 0o644)
	d := newTarget(t, dir)
	if _, err := consolidate.Run(context.Background(), d, []string{filepath.Join(dir, "recv")}, consolidate.Options{}); err != nil {
		t.Fatal(err)
	}
	s := states(d)
	if s["recv/crafted.nianbao"] != consolidate.OK && s["recv/crafted.nianbao"] != consolidate.Warnings || s["recv/huge.nianbao"] != consolidate.Refused {
		t.Errorf("states %v", s)
	}
	if cols := consolidate.Breakdown(d); len(cols) != 1 || cols[0].Kind != "consolidated" {
		t.Errorf("breakdown of a crafted 汇总: %v", cols)
	}
}

// TestOwnGovernmentReport: the 政府办公室's own report may bear the 汇总's
// name; it is learnt and summed like any unit's.
func TestOwnGovernmentReport(t *testing.T) {
	dir := t.TempDir()
	unit(t, dir, "gov.nianbao", "青溪县人民政府", "county", day)
	unit(t, dir, "nameless1.nianbao", "", "department", day)
	unit(t, dir, "nameless2.nianbao", " ", "department", day, "t2.rules.issued=3")
	d := newTarget(t, dir)
	if _, err := consolidate.Run(context.Background(), d, []string{dir}, consolidate.Options{}); err != nil {
		t.Fatal(err)
	}
	s := states(d)
	if s["./gov.nianbao"] != consolidate.OK {
		t.Errorf("the government's own report: %v", s)
	}
	if s["./nameless1.nianbao"] == consolidate.Duplicate || s["./nameless2.nianbao"] == consolidate.Duplicate {
		t.Errorf("reports without a name are duplicates of each other: %v", s)
	}
}
