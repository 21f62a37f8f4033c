package report_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"nianbao/assets"
	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/registry"
	"nianbao/forms/report"
	"nianbao/forms/rules"
	"nianbao/forms/value"
)

var reg = registry.Builtin()

const sampleName = "samples/示例-青溪县自然资源局-2025.nianbao"

func sample(t testing.TB) []byte {
	data, err := assets.Samples.ReadFile(sampleName)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// writeSample writes the embedded sample report into a temporary folder.
func writeSample(t *testing.T) string {
	path := filepath.Join(t.TempDir(), "报告 2025.nianbao")
	if err := os.WriteFile(path, sample(t), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSampleIsClean(t *testing.T) {
	d, err := report.Open(writeSample(t), reg)
	if err != nil {
		t.Fatal(err)
	}
	if ps := d.Evaluate().Problems; len(ps) != 0 {
		t.Errorf("the sample report has problems: %+v", ps)
	}
	if d.Report.Unit.Name != "青溪县自然资源局" || d.Report.Year != 2025 || d.Entry.Format.ID != "2021" {
		t.Errorf("sample = %+v", d.Report.Unit)
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	d, err := report.Bind(report.New("2021", 2026, report.Unit{Name: "测试乡人民政府", Kind: "township"}), reg)
	if err != nil {
		t.Fatal(err)
	}
	for id, text := range map[string]string{"t3.new.natural": "１２", "t2.rules.issued": "/", "t2.fees.amount": "0.35万元", "t4.review.upheld": "0"} {
		if err := d.SetCell(id, text); err != nil {
			t.Fatalf("SetCell(%s, %q): %v", id, text, err)
		}
	}
	if err := d.SetText("overview", "第一段。\n第二段。"); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{"preface.phone": "0598-1234567", "closing.date": "2027年1月5日", "closing.organ": "测试乡人民政府"} {
		if err := d.SetField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "a.nianbao")
	if err := d.Save(path); err != nil {
		t.Fatal(err)
	}
	back, err := report.Open(path, reg)
	if err != nil {
		t.Fatal(err)
	}
	got := back.Values() // t3.new.total sums blanks: not final, so blank
	for id, want := range map[string]string{"t3.new.natural": "12", "t3.new.total": "", "t2.rules.issued": "/", "t2.fees.amount": "0.35", "t3.new.business": ""} {
		if got[id].String() != want {
			t.Errorf("%s = %q after reload, want %q", id, got[id].String(), want)
		}
	}
	r := back.Report
	if r.Texts["overview"] != "第一段。\n第二段。" || r.Preface.Phone != "0598-1234567" ||
		r.Closing.Date != "2027-01-05" || r.Unit.Kind != "township" {
		t.Errorf("reloaded report = %+v", r)
	}
}

func TestSaveKeepsBackup(t *testing.T) {
	path := writeSample(t)
	d, err := report.Open(path, reg)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.SetCell("t2.penalty.decisions", "88"); err != nil {
		t.Fatal(err)
	}
	if err := d.Save(path); err != nil {
		t.Fatal(err)
	}
	bak, err := os.ReadFile(path + ".bak")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(bak, sample(t)) {
		t.Error("the backup is not the previous version")
	}
	cur, _ := os.ReadFile(path)
	if !bytes.Contains(cur, []byte(`"t2.penalty.decisions": "88"`)) {
		t.Error("the new value was not saved")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestSaveFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	// A folder where the file should go: the final rename must fail.
	target := filepath.Join(dir, "占用.nianbao")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	d, _ := report.Bind(report.New("2021", 2026, report.Unit{Name: "x"}), reg)
	err := d.Save(target)
	if err == nil || !strings.Contains(err.Error(), "无法保存") {
		t.Fatalf("err = %v", err)
	}
	if info, _ := os.Stat(target); !info.IsDir() {
		t.Error("the folder was replaced")
	}
	err = d.Save(filepath.Join(dir, "没有这个文件夹", "a.nianbao"))
	if err == nil || !strings.Contains(err.Error(), "文件夹不存在") {
		t.Errorf("missing folder: err = %v", err)
	}
	if d.Path != "" {
		t.Errorf("a failed save changed the document's path to %q", d.Path)
	}
}

func TestLoadErrors(t *testing.T) {
	good := string(sample(t))
	tests := []struct {
		name    string
		content string
		key     string
	}{
		{"empty", "", "report.empty"},
		{"blank", " \n\t", "report.empty"},
		{"truncated", good[:len(good)/2], "report.truncated"},
		{"word file", "PK\x03\x04rest of a docx", "report.officeFile"},
		{"binary", "\x00\x01\x02garbage", "report.foreign"},
		{"latin-1", "{\"type\": \"nianbao-report\xe9\"}", "report.foreign"},
		{"other json", `{"name": "package.json"}`, "report.foreign"},
		{"json array", `[1, 2, 3]`, "report.foreign"},
		{"newer schema", strings.Replace(good, `"schema": 1`, `"schema": 7`, 1), "report.newer"},
		{"missing schema", strings.Replace(good, `"schema": 1,`, ``, 1), "report.corrupt"},
		{"bad year", strings.Replace(good, `"year": 2025`, `"year": 20250`, 1), "report.corrupt"},
		{"wrong type", strings.Replace(good, `"year": 2025`, `"year": "2025"`, 1), "report.corrupt"},
		{"syntax error", strings.Replace(good, `"format": "2021",`, `"format": "2021" "x",`, 1), "report.corrupt"},
		{"trailing data", good + "{}", "report.corrupt"},
		{"unknown format", strings.Replace(good, `"format": "2021"`, `"format": "guangdong-2024"`, 1), "report.unknownFormat"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "r.nianbao")
			if err := os.WriteFile(path, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			before, _ := os.Stat(path)
			_, err := report.Load(path, reg)
			var le *l10n.Error
			if !errors.As(err, &le) {
				t.Fatalf("err = %v, want an *l10n.Error", err)
			}
			var inner *l10n.Error
			if !errors.As(le.Err, &inner) || inner.Key != tc.key {
				t.Errorf("err = %v (%+v), want key %s", err, le, tc.key)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("message %q does not name the file", err)
			}
			after, _ := os.Stat(path)
			if !after.ModTime().Equal(before.ModTime()) || after.Size() != before.Size() {
				t.Error("loading changed the file")
			}
			if _, err := os.Stat(path + ".bak"); err == nil {
				t.Error("loading wrote a backup")
			}
		})
	}
}

func TestLoadErrorPointsToBackup(t *testing.T) {
	path := writeSample(t)
	if err := os.WriteFile(path+".bak", sample(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, sample(t)[:100], 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := report.Load(path, reg)
	if err == nil || !strings.Contains(err.Error(), path+".bak") {
		t.Errorf("err = %v, want a hint to the backup", err)
	}
}

func TestLoadFileErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := report.Load(filepath.Join(dir, "none.nianbao"), reg); err == nil || !strings.Contains(err.Error(), "找不到文件") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := report.Load(dir, reg); err == nil || !strings.Contains(err.Error(), "是文件夹") {
		t.Errorf("folder: %v", err)
	}
	huge := filepath.Join(dir, "huge.nianbao")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(report.MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := report.Load(huge, reg); err == nil || !strings.Contains(err.Error(), "太大") {
		t.Errorf("huge file: %v", err)
	}
}

// TestDecimalsRoundTrip checks that a number keeps the decimals typed, up
// to the cell's, through the file: stored as typed, read back the same.
func TestDecimalsRoundTrip(t *testing.T) {
	tests := []struct {
		format, id, typed, stored string
	}{
		{"2019", "t2.procurement.amount", "73802895.90元", "73802895.90"},
		{"2019", "t2.procurement.amount", "７３，８０２，８９５．９０ 元", "73802895.90"},
		{"2021", "t2.fees.amount", "12.50", "12.50"},
		{"2021", "t2.fees.amount", "12.5", "12.5"},
		{"2021", "t2.fees.amount", "0.00", "0.00"},
		{"2021", "t2.fees.amount", "3", "3"},
		{"2014", "stat.fees", "12.500000", "12.5000"}, // 4 decimals at most
		{"2021", "t3.new.natural", "12.00", "12"},     // counts are whole
	}
	for _, tc := range tests {
		t.Run(tc.format+" "+tc.typed, func(t *testing.T) {
			e, _ := reg.Lookup(tc.format)
			d, err := report.Bind(report.New(tc.format, e.Format.Years.From+1, report.Unit{Name: "某局", Kind: "department"}), reg)
			if err != nil {
				t.Fatal(err)
			}
			if err := d.SetCell(tc.id, tc.typed); err != nil {
				t.Fatal(err)
			}
			if got := d.Report.Cells[tc.id].String(); got != tc.stored {
				t.Errorf("typed %q holds %q, want %q", tc.typed, got, tc.stored)
			}
			path := filepath.Join(t.TempDir(), "a.nianbao")
			if err := d.Save(path); err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(path)
			if want := `"` + tc.id + `": "` + tc.stored + `"`; !bytes.Contains(data, []byte(want)) {
				t.Errorf("file lacks %s:\n%s", want, data)
			}
			back, err := report.Open(path, reg)
			if err != nil {
				t.Fatal(err)
			}
			if got := back.Values()[tc.id].String(); got != tc.stored {
				t.Errorf("reloaded %q, want %q", got, tc.stored)
			}
		})
	}
}

// TestStoredDecimals checks how stored numbers load: as written (old files
// wrote no trailing zeros and load unchanged), and zeros past the cell's
// decimals dropped as typing drops them.
func TestStoredDecimals(t *testing.T) {
	tests := []struct {
		id, stored, loaded string
	}{
		{"t2.fees.amount", "12.5368", "12.5368"},
		{"t2.fees.amount", "12.5", "12.5"},
		{"t2.fees.amount", "73802895.90", "73802895.90"},
		{"t2.fees.amount", "7", "7"},
		{"t3.new.natural", "21", "21"},
		{"t3.new.natural", "21.0", "21"},
	}
	old := map[string]string{"t2.fees.amount": "12.5368", "t3.new.natural": "21"} // as in the sample
	for _, tc := range tests {
		content := strings.Replace(string(sample(t)), `"`+tc.id+`": "`+old[tc.id]+`"`, `"`+tc.id+`": "`+tc.stored+`"`, 1)
		r, err := report.Unmarshal([]byte(content), reg)
		if err != nil {
			t.Fatalf("%s=%q: %v", tc.id, tc.stored, err)
		}
		if got := r.Cells[tc.id].String(); got != tc.loaded {
			t.Errorf("%s=%q loads as %q, want %q", tc.id, tc.stored, got, tc.loaded)
		}
		data, err := r.Marshal(time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if want := `"` + tc.id + `": "` + tc.loaded + `"`; !bytes.Contains(data, []byte(want)) {
			t.Errorf("%s=%q is saved without %s", tc.id, tc.stored, want)
		}
	}
}

// TestUnreadableCellsSurvive checks that cells a format does not know, or
// whose stored text is not a valid value, are reported and saved back as
// they were: nothing in a file is lost by opening and saving it.
func TestUnreadableCellsSurvive(t *testing.T) {
	content := strings.Replace(string(sample(t)), `"cells": {`,
		`"cells": {"t9.extra.cell": "5", "t3.new.research": "三", "t2.license.decisions": "-4",`, 1)
	content = strings.Replace(content, `"t2.license.decisions": "1264",`, ``, 1)
	content = strings.Replace(content, `"t3.new.research": "0",`, ``, 1)
	path := filepath.Join(t.TempDir(), "r.nianbao")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := report.Open(path, reg)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, p := range d.Evaluate().Problems {
		msgs = append(msgs, p.Rule+":"+strings.Join(p.Cells, ","))
	}
	if strings.Join(msgs, " ") != "R6:t2.license.decisions R6:t3.new.research kept:" {
		t.Errorf("problems = %v", msgs)
	}
	if err := d.Save(path); err != nil {
		t.Fatal(err)
	}
	saved, _ := os.ReadFile(path)
	for _, want := range []string{`"t9.extra.cell": "5"`, `"t3.new.research": "三"`, `"t2.license.decisions": "-4"`} {
		if !bytes.Contains(saved, []byte(want)) {
			t.Errorf("saved file lost %s", want)
		}
	}
	if err := d.SetCell("t3.new.research", "0"); err != nil {
		t.Fatal(err)
	}
	if d.Report.Invalid()["t3.new.research"] != "" {
		t.Error("setting a cell did not replace its unreadable text")
	}
}

func TestSetCell(t *testing.T) {
	d, _ := report.Bind(report.New("2019", 2020, report.Unit{Name: "x"}), reg)
	tests := []struct {
		id, text, want, errPart string
	}{
		{"t3.new.natural", "1,024件", "1024", ""},
		{"t3.new.natural", "", "", ""},
		{"t3.new.natural", "／", "/", ""},
		{"t2.license.change", "－156", "-156", ""},
		{"t2.procurement.amount", "6834.335", "6834.335", ""},
		{"t3.new.natural", "-1", "", "不能为负数"},
		{"t3.new.natural", "十二", "", "不是数字"},
		{"t3.total.natural", "5", "", "自动计算"},
		{"t9.none", "5", "", "没有编号"},
	}
	for _, tc := range tests {
		err := d.SetCell(tc.id, tc.text)
		if tc.errPart != "" {
			if err == nil || !strings.Contains(err.Error(), tc.errPart) {
				t.Errorf("SetCell(%s, %q) err = %v, want %q", tc.id, tc.text, err, tc.errPart)
			}
			continue
		}
		if err != nil {
			t.Errorf("SetCell(%s, %q): %v", tc.id, tc.text, err)
			continue
		}
		if got := d.Report.Cells[tc.id].String(); got != tc.want {
			t.Errorf("SetCell(%s, %q) stored %q, want %q", tc.id, tc.text, got, tc.want)
		}
	}
	if err := d.SetText("stats", "x"); err == nil {
		t.Error("SetText accepted a table section")
	}
}

func TestSetField(t *testing.T) {
	d, _ := report.Bind(report.New("2019", 2020, report.Unit{Name: "x"}), reg)
	tests := []struct{ key, val, errPart string }{
		{"unit.kind", "街道", ""},
		{"unit.kind", "政府", "无效"},
		{"closing.date", "2021/1/29", ""},
		{"closing.date", "2021年2月30日", "不是有效日期"},
		{"units.t2.procurement.amount", "万元", ""},
		{"units.t2.procurement.amount", "美元", "无效"},
		{"units.t3.new.natural", "件", "没有可选"},
		{"typedTotals", "maybe", "true 或 false"},
		{"colour", "red", "没有“colour”这一项"},
		{"heading.overview", "一、概述", "不能修改"},
	}
	for _, tc := range tests {
		err := d.SetField(tc.key, tc.val)
		if (tc.errPart == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.errPart)) {
			t.Errorf("SetField(%s, %s) = %v, want error containing %q", tc.key, tc.val, err, tc.errPart)
		}
	}
	if d.Report.Unit.Kind != "township" || d.Report.Closing.Date != "2021-01-29" || d.Report.Units["t2.procurement.amount"] != "万元" {
		t.Errorf("report = %+v", d.Report)
	}
}

func TestEditableHeadings(t *testing.T) {
	d, _ := report.Bind(report.New("2014", 2014, report.Unit{Name: "x"}), reg)
	if err := d.SetField("heading.overview", "一、基本情况"); err != nil {
		t.Fatal(err)
	}
	s := d.Entry.Format.Section("overview")
	if got := d.Heading(s); got != "一、基本情况" {
		t.Errorf("Heading = %q", got)
	}
	d.SetField("heading.overview", "")
	if got := d.Heading(s); got != "一、概述" {
		t.Errorf("Heading after reset = %q", got)
	}
}

func TestTypedTotalsKeepValues(t *testing.T) {
	d, err := report.Open(writeSample(t), reg)
	if err != nil {
		t.Fatal(err)
	}
	before := d.Values()
	if err := d.SetField("typedTotals", "true"); err != nil {
		t.Fatal(err)
	}
	if got := d.Report.Cells["t3.total.total"].String(); got != "24" {
		t.Errorf("typed total = %q, want the computed 24", got)
	}
	if err := d.SetCell("t3.total.total", "25"); err != nil {
		t.Fatalf("typed totals refuse input: %v", err)
	}
	rules := map[string]bool{}
	for _, p := range d.Evaluate().Problems {
		rules[p.Rule] = true
	}
	if !rules["R3"] || !rules["R2"] {
		t.Errorf("a wrong typed total was not reported: %v", rules)
	}
	after := d.Values()
	for id, v := range before {
		if id != "t3.total.total" && after[id] != v {
			t.Errorf("%s changed from %q to %q when switching to typed totals", id, v.String(), after[id].String())
		}
	}
}

func TestFromLastYear(t *testing.T) {
	lastPath := writeSample(t)
	last, err := report.Open(lastPath, reg)
	if err != nil {
		t.Fatal(err)
	}
	e, _ := reg.ForYear(2026)
	d, err := report.FromLastYear(last, 2026, e)
	if err != nil {
		t.Fatal(err)
	}
	if d.Report.Unit != last.Report.Unit || d.Report.Preface != last.Report.Preface || d.Report.Closing.Organ != "青溪县自然资源局" {
		t.Errorf("unit details not carried: %+v", d.Report)
	}
	if got := d.Report.Cells["t3.carried.natural"].String(); got != "3" {
		t.Errorf("carried natural = %q, want last year's 结转 3", got)
	}
	if got := d.Report.Cells["t3.carried.business"].String(); got != "1" {
		t.Errorf("carried business = %q, want 1", got)
	}
	if _, ok := d.Report.Cells["t3.carried.total"]; ok {
		t.Error("a computed total was carried as typed")
	}
	// Saved in a sibling folder, the link is stored relative and R5 works
	// after reopening.
	newPath := filepath.Join(filepath.Dir(lastPath), "2026", "新报告.nianbao")
	if err := os.Mkdir(filepath.Dir(newPath), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := d.SetCell("t3.carried.natural", "4"); err != nil {
		t.Fatal(err)
	}
	if err := d.Save(newPath); err != nil {
		t.Fatal(err)
	}
	if d.Report.Prev != "../报告 2025.nianbao" {
		t.Errorf("prev stored as %q", d.Report.Prev)
	}
	again, err := report.Open(newPath, reg)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range again.Evaluate().Problems {
		found = found || (p.Rule == "R5" && p.Cells[0] == "t3.carried.natural")
	}
	if !found {
		t.Error("R5 not checked against the linked report")
	}
}

func TestMissingPrevIsReported(t *testing.T) {
	content := strings.Replace(string(sample(t)), `"closing"`, `"prev": "没有了.nianbao",
  "closing"`, 1)
	path := filepath.Join(t.TempDir(), "r.nianbao")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := report.Open(path, reg)
	if err != nil {
		t.Fatalf("a missing last-year file must not stop opening: %v", err)
	}
	ps := d.Evaluate().Problems
	if len(ps) != 1 || ps[0].Rule != "prev" || !strings.Contains(ps[0].Message, "没有了.nianbao") {
		t.Errorf("problems = %+v", ps)
	}
}

func TestSelfLinkedPrev(t *testing.T) {
	path := writeSample(t)
	d, _ := report.Open(path, reg)
	if err := d.LinkPrev(path); err == nil || !strings.Contains(err.Error(), "自己") {
		t.Errorf("linking a report to itself: %v", err)
	}
	// A file that links itself anyway (edited by hand) still opens, and the
	// year check tells what is wrong.
	content := strings.Replace(string(sample(t)), `"closing"`, `"prev": "报告 2025.nianbao",
  "closing"`, 1)
	os.WriteFile(path, []byte(content), 0o644)
	d, err := report.Open(path, reg)
	if err != nil {
		t.Fatalf("a report linking itself: %v", err)
	}
	ps := d.Evaluate().Problems
	if len(ps) != 1 || ps[0].Rule != report.RulePrev || !strings.Contains(ps[0].Message, "2025 年度") {
		t.Errorf("problems = %+v", ps)
	}
}

func TestPrevOfOtherUnit(t *testing.T) {
	lastPath := writeSample(t)
	d, _ := report.Bind(report.New("2021", 2026, report.Unit{Name: "另一个局", Kind: "department"}), reg)
	if err := d.LinkPrev(lastPath); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range d.Evaluate().Problems {
		found = found || (p.Rule == report.RulePrev && strings.Contains(p.Message, "青溪县自然资源局"))
	}
	if !found {
		t.Error("last year's report of another unit not reported")
	}
	last, _ := report.Open(lastPath, reg)
	e, _ := reg.ForYear(2025)
	if _, err := report.FromLastYear(last, 2025, e); err == nil {
		t.Error("a report started from one of the same year")
	}
}

// TestTextsAgainstLastYear: with last year's report linked, its texts
// are compared (X5): this year's sample, copied with its figures, is
// warned of part by part; the figures carried in (N1's change of 新收).
func TestTextsAgainstLastYear(t *testing.T) {
	lastPath := writeSample(t)
	last, _ := report.Open(lastPath, reg)
	e, _ := reg.ForYear(2026)
	d, err := report.FromLastYear(last, 2026, e)
	if err != nil {
		t.Fatal(err)
	}
	for id, text := range last.Report.Texts {
		d.SetText(id, strings.ReplaceAll(text, "2025", "2026"))
	}
	var sections []string
	for _, p := range d.Evaluate().Problems {
		if p.Rule == "X5" {
			sections = append(sections, p.Section)
		}
	}
	if !slices.Equal(sections, []string{"overview", "problems", "other"}) {
		t.Errorf("X5 of %v, want every part compared", sections)
	}
	d.SetText("problems", "本年度发现的主要问题是基层站所的公开目录更新滞后，个别村级公开栏内容陈旧。下一步将建立季度巡查制度，由办公室牵头对各站所目录逐项核对。")
	for _, p := range d.Evaluate().Problems {
		if p.Rule == "X5" && p.Section == "problems" {
			t.Errorf("a part rewritten: %+v", p)
		}
	}
}

// TestFileProblems checks what Evaluate reports beyond the format's rules.
func TestFileProblems(t *testing.T) {
	content := strings.Replace(string(sample(t)), `"kind": "department"`, `"kind": "martian"`, 1)
	content = strings.Replace(content, `"cells": {`, `"cells": {"t9.x": "1", "t3.total.natural": "abc",`, 1)
	path := filepath.Join(t.TempDir(), "r.nianbao")
	os.WriteFile(path, []byte(content), 0o644)
	d, err := report.Open(path, reg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Evaluate().Problems {
		got = append(got, p.Rule+"/"+string(p.Severity))
	}
	if strings.Join(got, " ") != "unit/error kept/warning kept/warning" {
		t.Errorf("problems = %v", got)
	}
	if err := d.SetCell("t3.total.natural", ""); err != nil {
		t.Errorf("clearing a stale total: %v", err)
	}
	if d.Report.Invalid()["t3.total.natural"] != "" {
		t.Error("the stale total is still kept")
	}
}

// TestUnknownKeysSurvive checks that keys a later version may add to the
// file are written back by this one.
func TestUnknownKeysSurvive(t *testing.T) {
	content := strings.Replace(string(sample(t)), `"type": "nianbao-report",`,
		`"type": "nianbao-report", "signature": {"by": "张三"},`, 1)
	content = strings.Replace(content, `"kind": "department"`, `"kind": "department", "code": "11350000"`, 1)
	content = "\ufeff" + content
	path := filepath.Join(t.TempDir(), "r.nianbao")
	os.WriteFile(path, []byte(content), 0o644)
	d, err := report.Open(path, reg)
	if err != nil {
		t.Fatalf("a file with a byte-order mark: %v", err)
	}
	if err := d.Save(path); err != nil {
		t.Fatal(err)
	}
	saved, _ := os.ReadFile(path)
	for _, want := range []string{`"signature": {`, `"by": "张三"`, `"code": "11350000"`} {
		if !bytes.Contains(saved, []byte(want)) {
			t.Errorf("saving lost %s:\n%s", want, saved)
		}
	}
	if bytes.Contains(saved, []byte(`"headings"`)) || bytes.Contains(saved, []byte(`"saved": "2026-01-20`)) {
		t.Error("known keys were kept as unknown")
	}
}

func TestTypedTotalsOff(t *testing.T) {
	d, _ := report.Open(writeSample(t), reg)
	d.SetTypedTotals(true)
	d.SetTypedTotals(false)
	for i, c := range d.Entry.Format.Cells() {
		if _, stored := d.Report.Cells[c.ID]; stored && d.Entry.Rules.Computed(i) {
			t.Errorf("total %s still stored after switching typed totals off", c.ID)
		}
	}
}

func TestMoneyUnits(t *testing.T) {
	d, _ := report.Bind(report.New("2019", 2020, report.Unit{Name: "x", Kind: "county"}), reg)
	const id = "t2.procurement.amount"
	if err := d.SetCell(id, "6834.335元"); err != nil {
		t.Fatal(err)
	}
	if d.Report.Units[id] != "元" {
		t.Errorf("typed unit not taken as the choice: %q", d.Report.Units[id])
	}
	if err := d.SetCell(id, "5万元"); err == nil || !strings.Contains(err.Error(), "换算") {
		t.Errorf("a different unit was accepted: %v", err)
	}
	if got := d.Report.Cells[id].String(); got != "6834.335" {
		t.Errorf("value = %s", got)
	}
	delete(d.Report.Units, id)
	found := false
	for _, p := range d.Evaluate().Problems {
		found = found || (p.Rule == "R6" && p.Cells[0] == id && strings.Contains(p.Message, "金额单位"))
	}
	if !found {
		t.Error("a money amount without a unit is not reported")
	}
}

func TestMarshalIsStable(t *testing.T) {
	r, err := report.Unmarshal(sample(t), reg)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 1, 20, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))
	a, _ := r.Marshal(at)
	b, _ := r.Marshal(at)
	if !bytes.Equal(a, b) {
		t.Error("two marshals differ")
	}
	if !bytes.Contains(a, []byte(`"saved": "2026-01-20T09:30:00+08:00"`)) {
		t.Error("saved time missing")
	}
}

// FuzzUnmarshal feeds the report loader, which reads files from anywhere:
// it must not panic, and what it accepts must survive a save unchanged.
func FuzzUnmarshal(f *testing.F) {
	f.Add(sample(f))
	for _, e := range reg.All() { // a new report of every format, as saved
		data, err := report.New(e.Format.ID, e.Format.Years.From, report.Unit{Name: "某局", Kind: "department"}).Marshal(time.Time{})
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	good := string(sample(f))
	f.Add([]byte(good[:strings.Index(good, "青溪")+1]))                                                                                        // cut inside a character
	f.Add([]byte(strings.Replace(good, `"type":`, `"x": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]], "type":`, 1))) // too deep
	f.Add([]byte(`{"type": "nianbao-report", "schema": 1, "format": "2019", "year": 2020, "cells": {"t3.new.natural": "/"}}`))
	f.Add([]byte(strings.Replace(good, `"12.5368"`, `"73802895.900000"`, 1))) // decimals kept, up to the cell's
	f.Add([]byte(`{"type": "nianbao-report", "schema": 1, "format": "2014", "year": 2012, "texts": {"x": "y"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := report.Unmarshal(data, reg)
		if err != nil {
			if strings.HasPrefix(err.Error(), "report.") {
				t.Fatalf("untranslated error %q", err)
			}
			return
		}
		first, err := r.Marshal(time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		again, err := report.Unmarshal(first, reg)
		if err != nil {
			t.Fatalf("a saved report does not load: %v", err)
		}
		second, _ := again.Marshal(time.Time{})
		if !bytes.Equal(first, second) {
			t.Fatalf("save/load/save changed the file:\n%s\n%s", first, second)
		}
		if d, err := report.Bind(again, reg); err == nil {
			d.Evaluate()
		}
	})
}

// BenchmarkEditAndCheck measures what the editor does on a keystroke in a
// table cell: parse the input, store it and re-evaluate every rule.
func BenchmarkEditAndCheck(b *testing.B) {
	r, err := report.Unmarshal(sample(b), reg)
	if err != nil {
		b.Fatal(err)
	}
	d, _ := report.Bind(r, reg)
	inputs := []string{"21", "22"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := d.SetCell("t3.new.natural", inputs[i%2]); err != nil {
			b.Fatal(err)
		}
		d.Evaluate()
	}
}

func TestUnlinkPrev(t *testing.T) {
	lastPath := writeSample(t)
	last, _ := report.Open(lastPath, reg)
	e, _ := reg.ForYear(2026)
	d, err := report.FromLastYear(last, 2026, e)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.SetField("prev", ""); err != nil {
		t.Fatal(err)
	}
	for _, p := range d.Evaluate().Problems { // used to panic
		if p.Rule == "R5" {
			t.Error("R5 checked after unlinking")
		}
	}
}

func TestDateAsTyped(t *testing.T) {
	d, _ := report.Open(writeSample(t), reg)
	if err := d.SetField("closing.dateText", "2026年1月"); err != nil {
		t.Fatal(err)
	}
	if d.Report.Closing.Date != "2026年1月" {
		t.Errorf("the typed date was not kept: %q", d.Report.Closing.Date)
	}
	ps := d.Evaluate().Problems
	if len(ps) != 1 || ps[0].Rule != report.RuleUnit || !strings.Contains(ps[0].Message, "2026年1月") {
		t.Errorf("problems = %+v", ps)
	}
	d.SetField("closing.dateText", "2026年1月21日")
	if d.Report.Closing.Date != "2026-01-21" || len(d.Evaluate().Problems) != 0 {
		t.Errorf("a valid date: %q", d.Report.Closing.Date)
	}
}

func TestRestoreCell(t *testing.T) {
	d, _ := report.Bind(report.New("2019", 2020, report.Unit{Name: "x", Kind: "county"}), reg)
	const id = "t2.procurement.amount"
	before := d.CellState(id)
	d.SetCell(id, "50元")
	d.RestoreCell(id, before)
	if d.Report.Units[id] != "" || !d.Report.Cells[id].IsBlank() {
		t.Errorf("not restored: unit %q, value %q", d.Report.Units[id], d.Report.Cells[id].String())
	}
	if err := d.SetCell(id, "50万元"); err != nil {
		t.Errorf("a unit chosen while typing survived: %v", err)
	}
}

func TestOpenCopy(t *testing.T) {
	lastPath := writeSample(t)
	last, _ := report.Open(lastPath, reg)
	e, _ := reg.ForYear(2026)
	d, _ := report.FromLastYear(last, 2026, e)
	path := filepath.Join(filepath.Dir(lastPath), "2026.nianbao")
	d.Save(path)
	data, _ := os.ReadFile(path)
	copyPath := filepath.Join(t.TempDir(), "copy.nianbao")
	os.WriteFile(copyPath, data, 0o644)
	c, err := report.OpenCopy(copyPath, path, reg)
	if err != nil {
		t.Fatal(err)
	}
	if c.Path != path || c.Input().Prev == nil {
		t.Errorf("copy opened as %q, last year linked: %v", c.Path, c.Input().Prev != nil)
	}
}

func TestValueAt(t *testing.T) {
	s := report.EncodeValues([]value.Value{value.OfInt(12), {}, value.NotApplicable, value.Scaled(value.Int(3)/2, 2)})
	for i, want := range []string{"12", "", "/", "1.50", ""} {
		if got := report.ValueAt(s, i).String(); got != want || report.DecodeValues(s, 5)[i].String() != want {
			t.Errorf("entry %d of %q: %q, want %q", i, s, got, want)
		}
	}
}

// TestMoveSection: a pre-2019 report's parts move; numbered 一、二、三… in
// order they are numbered again, numbered otherwise they are left as typed.
func TestMoveSection(t *testing.T) {
	titles := func(d *report.Doc) string {
		var out []string
		for _, s := range d.Sections() {
			if s.Kind == format.TextSection {
				out = append(out, s.ID+"="+d.Heading(s))
			}
		}
		return strings.Join(out, "|")
	}
	for _, tc := range []struct {
		name, id, after string
		rename          map[string]string
		want            string
	}{
		{"up to the top", "proactive", "", nil,
			"proactive=一、主动公开政府信息情况|overview=二、概述|requests=三、依申请公开政府信息办理情况|fees=四、政府信息公开的收费及减免情况|appeals=五、因政府信息公开申请行政复议、提起行政诉讼的情况|problems=六、政府信息公开工作存在的主要问题及改进措施|other=七、其他需要报告的事项"},
		{"down after the next", "overview", "proactive", nil,
			"proactive=一、主动公开政府信息情况|overview=二、概述|requests=三、依申请公开政府信息办理情况|fees=四、政府信息公开的收费及减免情况|appeals=五、因政府信息公开申请行政复议、提起行政诉讼的情况|problems=六、政府信息公开工作存在的主要问题及改进措施|other=七、其他需要报告的事项"},
		{"numbered otherwise", "other", "", map[string]string{"overview": "概述"},
			"other=七、其他需要报告的事项|overview=概述|proactive=二、主动公开政府信息情况|requests=三、依申请公开政府信息办理情况|fees=四、政府信息公开的收费及减免情况|appeals=五、因政府信息公开申请行政复议、提起行政诉讼的情况|problems=六、政府信息公开工作存在的主要问题及改进措施"},
	} {
		d, err := report.Bind(report.New("2014", 2016, report.Unit{Name: "某区政府", Kind: "county"}), reg)
		if err != nil {
			t.Fatal(err)
		}
		for id, title := range tc.rename {
			d.RenameSection(id, title)
		}
		if err := d.MoveSection(tc.id, tc.after); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := titles(d); got != tc.want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
	d, _ := report.Bind(report.New("2014", 2016, report.Unit{Name: "x"}), reg)
	if d.MoveSection("nosuch", "") == nil || d.MoveSection("overview", "nosuch") == nil || d.MoveSection("overview", "overview") == nil {
		t.Error("a move naming no part was made")
	}
	if err := d.RemoveSection("overview", false); err != nil || !strings.HasPrefix(titles(d), "proactive=一、主动公开") {
		t.Errorf("after removing the first part: %v %s", err, titles(d))
	}
	d21, _ := report.Bind(report.New("2021", 2025, report.Unit{Name: "x"}), reg)
	if d21.MoveSection("proactive", "") == nil {
		t.Error("the fixed 2021 parts moved")
	}
}

// TestReadOnly: a read-only report refuses every change and save, and
// stays as it was.
func TestReadOnly(t *testing.T) {
	d, err := report.Bind(report.New("2014", 2016, report.Unit{Name: "某区政府", Kind: "county"}), reg)
	if err != nil {
		t.Fatal(err)
	}
	d.SetCell("stat.apply.received", "3")
	before, _ := d.Report.Marshal(time.Time{})
	d.ReadOnly = true
	for name, change := range map[string]func() error{
		"cell":        func() error { return d.SetCell("stat.apply.received", "4") },
		"cell kept":   func() error { return d.SetCellOrKeep("stat.apply.received", "x") },
		"text":        func() error { return d.SetText("overview", "概况") },
		"field":       func() error { return d.SetField("unit.name", "别的") },
		"add part":    func() error { _, err := d.AddSection("八、其他", ""); return err },
		"rename part": func() error { return d.RenameSection("overview", "一、概况") },
		"move part":   func() error { return d.MoveSection("other", "") },
		"remove part": func() error { return d.RemoveSection("fees", true) },
		"link":        func() error { return d.LinkPrev(filepath.Join(t.TempDir(), "x.nianbao")) },
		"save":        func() error { return d.Save(filepath.Join(t.TempDir(), "y.nianbao")) },
	} {
		if err := change(); err == nil || !l10n.HasKey(err, "report.readOnly") {
			t.Errorf("%s: %v", name, err)
		}
	}
	d.SetTypedTotals(true)
	d.RestoreCell("stat.apply.received", report.CellState{})
	if after, _ := d.Report.Marshal(time.Time{}); !bytes.Equal(before, after) {
		t.Error("the read-only report changed")
	}
}

// TestTextAgainstReport: the preface's parts and statistics period and the
// format document the text cites are held against the report (X2, X3),
// quoting the words; the sample says nothing wrong.
func TestTextAgainstReport(t *testing.T) {
	textRules := func(d *report.Doc) map[string]string {
		out := map[string]string{}
		for _, p := range d.Evaluate().Problems {
			if strings.HasPrefix(p.Rule, "X") {
				out[p.Rule] = p.Quote
			}
		}
		return out
	}
	d, err := report.Bind(mustSample(t), reg)
	if err != nil {
		t.Fatal(err)
	}
	if got := textRules(d); len(got) != 0 {
		t.Fatalf("the sample: %v", got)
	}
	// A number of the text doctored, and the table changed under a text.
	doctored, _ := report.Bind(mustSample(t), reg)
	doctored.SetText("overview", strings.Replace(doctored.Report.Texts["overview"], "办结24件", "办结25件", 1))
	if got := textRules(doctored); got["X1"] != "办结25件" {
		t.Errorf("a doctored number: %v", got)
	}
	for _, tc := range []struct{ from, to, quote string }{
		{"无法提供6件", "无法提供7件", "因本机关不掌握相关信息等原因无法提供7件"},
		{"占新收申请的57.69%", "占新收申请的57.96%", "予以公开及部分公开15件，占新收申请的57.96%"},
		{"占新收申请的57.69%", "占新收申请的57.7%", ""},                                // rounded
		{"占新收申请的57.69%", "占新收申请的53.57%", ""},                               // of 新收 and 上年结转
		{"占新收申请的57.69%", "占新收申请的62.50%", ""},                               // of all outcomes
		{"及部分公开15件，占新收申请的57.69%", "及部分公开16件，占新收申请的61.54%", "予以公开及部分公开16件"}, // by the text's count: only the count is wrong
	} {
		d, _ := report.Bind(mustSample(t), reg)
		text := d.Report.Texts["overview"]
		if !strings.Contains(text, tc.from) {
			t.Fatalf("the sample no longer says %q", tc.from)
		}
		d.SetText("overview", strings.Replace(text, tc.from, tc.to, 1))
		if got := textRules(d); got["X1"] != tc.quote {
			t.Errorf("%s → %s: %v, want X1 %q", tc.from, tc.to, got, tc.quote)
		}
	}
	changed, _ := report.Bind(mustSample(t), reg)
	changed.SetCell("t3.new.natural", "22")
	var x1 *rules.Problem
	for _, p := range changed.Evaluate().Problems {
		if p.Rule == "X1" {
			x1 = &p
		}
	}
	if x1 == nil || x1.Expected.String() != "27" || x1.Actual.String() != "26" || x1.Cells[0] != "t3.new.total" || x1.Section != "overview" {
		t.Errorf("a table changed under its text: %+v", x1)
	}
	for _, tc := range []struct{ name, preface, text, rule, quote string }{
		{"parts", "全文包括总体情况等七个部分。", "", "X2", "包括总体情况等七个部分"},
		{"period", "本报告所列数据的统计期限为2024年1月1日至2024年12月31日。", "", "X2", "统计期限为2024年1月1日至2024年"},
		{"old template", "", "按照国办公开办函〔2019〕60号的要求编制。", "X3", "国办公开办函〔2019〕60号"},
		{"another document", "", "根据国办公开办函〔2019〕61号规范平台。", "", ""},
		// The sample's 一 says no fee was collected.
		{"a fee where none", "", "（一）信息处理费收取情况。全年收取信息处理费300元。", "X4", "全年收取信息处理费300元"},
		{"a fee where none, in one part", "", "本年度未收取信息处理费。\n全年收取信息处理费300元。", "X4", "全年收取信息处理费300元"},
		{"none, and a fee waived", "", "本年度未收取信息处理费。对2件申请免收信息处理费60元。", "", ""},
		{"none, and another fee", "", "本年度没有收取信息处理费，收取复印费20元。", "", ""},
		{"none, and 0元", "", "信息处理费收取金额为0元。", "", ""},
	} {
		d, _ := report.Bind(mustSample(t), reg)
		if tc.preface != "" {
			d.Report.Preface.Text = tc.preface
		}
		if tc.text != "" {
			d.SetText("other", tc.text)
		}
		if got := textRules(d); tc.rule == "" && len(got) > 0 || tc.rule != "" && got[tc.rule] != tc.quote {
			t.Errorf("%s: %v, want %s %q", tc.name, got, tc.rule, tc.quote)
		}
	}
}

// TestFormatEra: a report in the table of another era — the 2019 layout
// in a 2022 report — is an error naming the format of its year (X3).
func TestFormatEra(t *testing.T) {
	for _, tc := range []struct {
		format string
		year   int
		want   string
	}{
		{"2019", 2022, "2022 年度的报告应采用全国通用格式（2021年版）"},
		{"2021", 2020, "2020 年度的报告应采用全国通用格式（2019年试行版）"},
		{"2019", 2020, ""},
		{"2021", 2026, ""},
		{"2014", 2018, ""},
	} {
		d, err := report.Bind(report.New(tc.format, tc.year, report.Unit{Name: "某局", Kind: "department"}), reg)
		if err != nil {
			t.Fatal(err)
		}
		var got string
		for _, p := range d.Evaluate().Problems {
			if p.Rule == report.RuleTemplate {
				got = p.Message
				if p.Severity != format.Error {
					t.Errorf("%s in %d: a %s", tc.format, tc.year, p.Severity)
				}
			}
		}
		if tc.want == "" && got != "" || !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s in %d: %q, want %q", tc.format, tc.year, got, tc.want)
		}
	}
}

// TestTextNoFalseAlarms: sentences of real reports' kinds whose numbers
// are not the tables' figures — another year's, a part's, another thing's
// (a 司法局's 行政复议 cases, a service centre's 行政许可), a share of
// something else or a change of a share, a fee's rate — give no warning
// against the sample's tables (新收26, 结转2, 办结24, 予以公开11, 部分公开4,
// 行政复议2, 行政诉讼1, no fee collected).
func TestTextNoFalseAlarms(t *testing.T) {
	for _, text := range []string{
		"全年在门户网站主动公开行政复议决定书45件。",
		"本机关作为复议机关，全年办理行政复议案件86件。",
		"全年共出庭应诉行政诉讼案件32件。",
		"县政务服务中心本局窗口全年受理行政许可申请1264件，办结1264件，按时办结率100%。",
		"全年受理不动产登记申请12368件，办结12368件。",
		"依申请公开方面，全年受理群众来电来访咨询120件。",
		"全年新收政府信息公开申请26件，新增依申请公开目录事项3件。",
		"全年新收政府信息公开申请26件，收到人大代表建议9件。",
		"本年度共受理政府信息公开申请28件（含上年结转2件）。",
		"全年新收政府信息公开申请26件，去年同期收到23件。",
		"上年度收到政府信息公开申请23件。",
		"2025年新收政府信息公开申请26件，2024年新收申请23件。",
		"政府信息公开申请按时办结24件，延期办结0件。",
		"政府信息公开申请办结24件，其中当年办结22件、办结上年结转申请2件。",
		"全年收到政府信息公开申请26件，其中申请公开征收补偿材料的12件，予以公开8件。",
		"申请人对不予公开1件的答复不服，申请行政复议1件。",
		"政府信息公开申请予以公开15件（其中部分公开4件）。",
		"政府信息公开申请予以公开11件，占比较上年提高了5%。",
		"政府信息公开申请予以公开11件，占比同比上升2.5%。",
		"政府信息公开申请予以公开11件，占全部申请的比例比上年提高了12.5%。",
		"政府信息公开申请予以公开11件，所占比例较高，按期答复率100%。",
		"政府信息公开申请予以公开11件，占比超过四成，群众满意率达100%。",
		"政府信息公开申请予以公开15件（含部分公开4件），占57.69%。",
		"政府信息公开申请予以公开11件，占自然人申请的52.38%。",
		"为3名困难群众减免信息处理费300元。",
		"信息处理费按件计收标准为每件100元。",
		"申请人逾期未缴纳信息处理费100元，不再处理。本年度实际收取信息处理费0元。",
		"2024年收取信息处理费100元。",
		"全年收到政府信息公开申请26件。\n其中，予以公开11件。",
	} {
		d, _ := report.Bind(mustSample(t), reg)
		d.SetText("problems", text)
		for _, p := range d.Evaluate().Problems {
			if strings.HasPrefix(p.Rule, "X") || p.Rule == "N1" {
				t.Errorf("%s\n  %s %s", text, p.Rule, p.Message)
			}
		}
	}
	// And contradictions in the same phrasings are found.
	for _, text := range []string{
		"全年收到政府信息公开申请25件。\n其中，“予以公开”答复数14件。",
		"本年度共受理政府信息公开申请27件（含上年结转2件），办结25件。",
		"政府信息公开申请予以公开11件，占新收申请的52.38%。",
		"2025年收取信息处理费100元。",
	} {
		d, _ := report.Bind(mustSample(t), reg)
		d.SetText("problems", text)
		found := false
		for _, p := range d.Evaluate().Problems {
			found = found || strings.HasPrefix(p.Rule, "X")
		}
		if !found {
			t.Errorf("missed: %s", text)
		}
	}
}

// TestFeeAmounts: two amounts of 信息处理费 in the text must agree (X4).
func TestFeeAmounts(t *testing.T) {
	for _, tc := range []struct{ overview, other string }{
		{"全年收取信息处理费0.03万元。", "本年度收取信息处理费200元。"},
		{"全年收取信息处理费0.02万元。", "本年度收取信息处理费200元。"},
	} {
		d, _ := report.Bind(mustSample(t), reg)
		d.SetText("overview", tc.overview)
		d.SetText("other", tc.other)
		var got []string
		for _, p := range d.Evaluate().Problems {
			if p.Rule == report.RuleFee {
				got = append(got, p.Quote)
			}
		}
		if want := tc.overview != "全年收取信息处理费0.02万元。"; want != (len(got) == 1) || len(got) > 1 || want && got[0] != "本年度收取信息处理费200元" {
			t.Errorf("%s / %s: X4 %q", tc.overview, tc.other, got)
		}
	}
}

func mustSample(t testing.TB) *report.Report {
	t.Helper()
	r, err := report.Unmarshal(sample(t), reg)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// BenchmarkEvaluateSample is what the editor runs on each keystroke: the
// rules and the checks of the text of the sample report.
func BenchmarkEvaluateSample(b *testing.B) {
	d, _ := report.Bind(mustSample(b), reg)
	for b.Loop() {
		d.Evaluate()
	}
}
