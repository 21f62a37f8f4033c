package cli_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/cli"
	"nianbao/forms/registry"
	"nianbao/forms/report"
)

// units writes unit reports made with the command line from the sample.
func units(t *testing.T, dir string, names map[string]string, cells ...string) {
	t.Helper()
	sample := filepath.Join(t.TempDir(), "s.nianbao")
	if code, _, e := run(t, "sample", "-o", sample); code != 0 {
		t.Fatal(e)
	}
	data, _ := os.ReadFile(sample)
	os.MkdirAll(dir, 0o755)
	for name, kind := range names {
		var f map[string]any
		json.Unmarshal(data, &f)
		f["unit"] = map[string]string{"name": name, "kind": kind}
		out, _ := json.Marshal(f)
		path := filepath.Join(dir, name+".nianbao")
		os.WriteFile(path, out, 0o644)
		if len(cells) > 0 {
			if code, _, e := run(t, append([]string{"set", path}, cells...)...); code != 0 {
				t.Fatal(e)
			}
		}
	}
}

type boardJSON struct {
	Units []struct {
		File     *string `json:"file"`
		Unit     string  `json:"unit"`
		Kind     string  `json:"kind"`
		Year     *int    `json:"year"`
		Format   *string `json:"format"`
		State    string  `json:"state"`
		Included bool    `json:"included"`
		Errors   int     `json:"errors"`
		Warnings int     `json:"warnings"`
		Blanks   int     `json:"blanks"`
		Message  string  `json:"message"`
	} `json:"units"`
	ByKind map[string]map[string]any `json:"byKind"`
}

func TestConsolidate(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	units(t, in, map[string]string{"甲局": "department", "乙局": "department", "城关镇": "township"})
	// The list as Windows Notepad saves it on a Chinese PC: GB18030, CRLF,
	// a heading, a full-width space in a name.
	list, _ := simplifiedchinese.GB18030.NewEncoder().String("单位名称\t单位类型\r\n甲局\t部门\r\n乙　局\t部门\r\n城关镇\t乡镇\r\n丁局\t部门\r\n")
	os.WriteFile(filepath.Join(dir, "名单.txt"), []byte(list), 0o644)
	out := filepath.Join(dir, "汇总.nianbao")
	code, stdout, stderr := run(t, "consolidate", "-o", out, "--year", "2025", "--unit", "青溪县人民政府",
		"--expect", filepath.Join(dir, "名单.txt"), "--json", in)
	if code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var b boardJSON
	if err := json.Unmarshal([]byte(stdout), &b); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if len(b.Units) != 4 || b.Units[3].Unit != "丁局" || b.Units[3].State != "missing" || b.Units[3].File != nil ||
		b.Units[1].Unit != "乙局" || b.Units[1].State != "ok" || !b.Units[1].Included || *b.Units[1].Year != 2025 {
		t.Errorf("board: %s", stdout)
	}
	if b.ByKind["department"]["t3.new.natural"] != 42.0 || b.ByKind["township"]["t3.new.natural"] != 21.0 {
		t.Errorf("byKind: %v", b.ByKind)
	}
	code, stdout, _ = run(t, "get", out, "--by-unit", "t3.new.natural", "--json")
	var drill struct {
		Cell  string  `json:"cell"`
		Value float64 `json:"value"`
		Units []struct {
			Unit     string  `json:"unit"`
			Kind     string  `json:"kind"`
			File     string  `json:"file"`
			Value    float64 `json:"value"`
			Included bool    `json:"included"`
		} `json:"units"`
	}
	if err := json.Unmarshal([]byte(stdout), &drill); err != nil || code != 0 || drill.Value != 63 || len(drill.Units) != 3 ||
		drill.Units[0].Value != 21 || drill.Units[0].File != "in/甲局.nianbao" {
		t.Errorf("drill-down: exit %d %v\n%s", code, err, stdout)
	}
	// Re-running on the same file keeps its texts.
	if code, _, e := run(t, "set", out, "--text", "overview=全县概况。"); code != 0 {
		t.Fatal(e)
	}
	if code, _, e := run(t, "consolidate", "-o", out, in); code != 0 {
		t.Fatal(e)
	}
	if code, _, e := run(t, "export", out, "--draft", "--to", "txt", "-o", filepath.Join(dir, "汇总.txt")); code != 0 {
		t.Fatal(e)
	}
	txt, _ := os.ReadFile(filepath.Join(dir, "汇总.txt"))
	if !strings.Contains(string(txt), "全县概况。") {
		t.Error("re-running lost the text")
	}
	// The check of the 汇总 names the missing unit's count.
	_, stdout, _ = run(t, "check", out)
	if !strings.Contains(stdout, "C1") {
		t.Errorf("check does not report the missing unit:\n%s", stdout)
	}
}

func TestConsolidateRefuses(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	units(t, in, map[string]string{"甲局": "department"})
	report := filepath.Join(in, "甲局.nianbao")
	before, _ := os.ReadFile(report)
	// Another report as the output: refused, untouched.
	code, _, stderr := run(t, "consolidate", "-o", report, "--unit", "某县", in)
	if code != cli.ExitUsage || !strings.Contains(stderr, "不是汇总报告") {
		t.Errorf("exit %d %s", code, stderr)
	}
	if after, _ := os.ReadFile(report); string(after) != string(before) {
		t.Error("the unit's report was changed")
	}
	out := filepath.Join(dir, "汇总.nianbao")
	if code, _, e := run(t, "consolidate", "-o", out, "--unit", "某县", "--year", "2025", in); code != 0 {
		t.Fatal(e)
	}
	// Another consolidation: refused.
	code, _, stderr = run(t, "consolidate", "-o", out, "--unit", "别县", in)
	if code != cli.ExitUsage || !strings.Contains(stderr, "某县") {
		t.Errorf("another unit's 汇总: exit %d %s", code, stderr)
	}
	code, _, _ = run(t, "consolidate", "-o", out, "--year", "2024", in)
	if code != cli.ExitUsage {
		t.Errorf("another year's 汇总: exit %d", code)
	}
	if code, _, _ = run(t, "consolidate", "-o", out, "--format", "2019", in); code != cli.ExitUsage {
		t.Errorf("another format: exit %d", code)
	}
	if code, _, _ = run(t, "consolidate", "-o", out, "--kind", "部门", in); code != cli.ExitUsage {
		t.Errorf("another kind: exit %d", code)
	}
	// --include-errors stays as chosen until given again.
	run(t, "consolidate", "-o", out, "--include-errors", in)
	run(t, "consolidate", "-o", out, in)
	if data, _ := os.ReadFile(out); !strings.Contains(string(data), `"includeErrors": true`) {
		t.Error("a re-run without --include-errors dropped the choice")
	}
	// Nothing usable: written, exit 1.
	empty := filepath.Join(dir, "empty")
	os.MkdirAll(empty, 0o755)
	os.WriteFile(filepath.Join(empty, "x.nianbao"), []byte("garbage"), 0o644)
	code, stdout, _ := run(t, "consolidate", "-o", filepath.Join(dir, "e.nianbao"), "--unit", "某县", "--year", "2025", empty)
	if code != cli.ExitProblems || !strings.Contains(stdout, "无法使用") {
		t.Errorf("nothing usable: exit %d\n%s", code, stdout)
	}
	code, _, _ = run(t, "consolidate", "-o", filepath.Join(dir, "n.nianbao"), "--unit", "某县", filepath.Join(dir, "nope"))
	if code != cli.ExitUsage {
		t.Errorf("a missing input: exit %d", code)
	}
	code, _, _ = run(t, "consolidate", "--unit", "某县", in)
	if code != cli.ExitUsage {
		t.Errorf("no -o: exit %d", code)
	}
}

// TestExpectXLSX: the list of units from a workbook's first two columns.
func TestExpectXLSX(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	units(t, in, map[string]string{"甲局": "department", "城关镇": "township"})
	f := excelize.NewFile()
	for i, row := range [][]string{{"单位名称", "单位类型"}, {"甲局", "部门"}, {"城关镇", "乡镇（街道）"}} {
		f.SetSheetRow("Sheet1", "A"+string(rune('1'+i)), &row)
	}
	f.SaveAs(filepath.Join(dir, "名单.xlsx"))
	out := filepath.Join(dir, "汇总.nianbao")
	code, stdout, stderr := run(t, "consolidate", "-o", out, "--unit", "某县", "--year", "2025", "--expect", filepath.Join(dir, "名单.xlsx"), "--json", in)
	var b boardJSON
	json.Unmarshal([]byte(stdout), &b)
	if code != 0 || len(b.Units) != 2 || b.Units[1].Kind != "township" || b.Units[1].State != "ok" {
		t.Errorf("exit %d %s\n%s", code, stderr, stdout)
	}
	// Next year's 汇总 takes this year's list.
	code, stdout, _ = run(t, "consolidate", "-o", filepath.Join(dir, "2026.nianbao"), "--unit", "某县", "--year", "2026", "--expect", out, "--json", in)
	json.Unmarshal([]byte(stdout), &b)
	if code != cli.ExitProblems || len(b.Units) != 2 || b.Units[0].State != "wrong-year" || b.Units[1].Unit != "城关镇" {
		t.Errorf("list carried over: exit %d\n%s", code, stdout)
	}
	// So does starting next year's 汇总 from this one.
	next := filepath.Join(dir, "2026b.nianbao")
	if code, _, e := run(t, "new", "--from", out, "-o", next); code != 0 {
		t.Fatal(e)
	}
	code, _, _ = run(t, "consolidate", "-o", next, "--json", filepath.Join(dir, "nothing-here"))
	if code != cli.ExitUsage {
		t.Errorf("a missing input: exit %d", code)
	}
	os.MkdirAll(filepath.Join(dir, "empty"), 0o755)
	code, stdout, _ = run(t, "consolidate", "-o", next, "--json", filepath.Join(dir, "empty"))
	json.Unmarshal([]byte(stdout), &b)
	if code != cli.ExitProblems || len(b.Units) != 2 || b.Units[0].State != "missing" || b.Units[1].Kind != "township" {
		t.Errorf("new --from a 汇总: exit %d\n%s", code, stdout)
	}
}

func TestImportXLSX(t *testing.T) {
	dir := t.TempDir()
	sample := filepath.Join(dir, "s.nianbao")
	run(t, "sample", "-o", sample)
	book := filepath.Join(dir, "s.xlsx")
	if code, _, e := run(t, "export", sample, "--to", "xlsx", "-o", book); code != 0 {
		t.Fatal(e)
	}
	out := filepath.Join(dir, "back.nianbao")
	code, stdout, stderr := run(t, "import", book, "-o", out)
	if code != 0 || !strings.Contains(stdout, "青溪县自然资源局") {
		t.Fatalf("exit %d %s %s", code, stdout, stderr)
	}
	_, a, _ := run(t, "get", sample, "--json")
	_, b, _ := run(t, "get", out, "--json")
	if a != b {
		t.Errorf("the imported report's cells differ:\n%s\n%s", a, b)
	}
	if code, _, _ := run(t, "import", book, "-o", out); code != cli.ExitUsage {
		t.Error("import replaced an existing file without --force")
	}
}

// exportedSample writes the sample report in a new folder and exports it
// as ext: the folder, the report and the export.
func exportedSample(t *testing.T, ext string) (dir, sample, exported string) {
	t.Helper()
	dir = t.TempDir()
	sample = filepath.Join(dir, "s.nianbao")
	run(t, "sample", "-o", sample)
	exported = filepath.Join(dir, "s."+ext)
	if code, _, e := run(t, "export", sample, "-o", exported); code != 0 {
		t.Fatal(e)
	}
	return dir, sample, exported
}

func TestImportText(t *testing.T) {
	dir, sample, text := exportedSample(t, "txt")
	out := filepath.Join(dir, "back.nianbao")
	code, stdout, stderr := run(t, "import", text, "-o", out, "--json")
	var res struct {
		Format   string         `json:"format"`
		Year     *int           `json:"year"`
		Unit     *string        `json:"unit"`
		Sections []string       `json:"sections"`
		Cells    map[string]int `json:"cells"`
		Missing  []string       `json:"missing"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil || code != 0 {
		t.Fatalf("exit %d %v %s %s", code, err, stdout, stderr)
	}
	if res.Format != "2021" || res.Year == nil || *res.Year != 2025 || res.Unit == nil || *res.Unit != "青溪县自然资源局" ||
		len(res.Sections) != 6 || res.Cells["uncertain"] != 0 || len(res.Missing) != 0 || res.Cells["read"] < 150 {
		t.Errorf("import --json: %s", stdout)
	}
	_, a, _ := run(t, "get", sample, "--json")
	_, b, _ := run(t, "get", out, "--json")
	if a != b {
		t.Errorf("the imported report's values differ:\n%s\n%s", a, b)
	}
	// From standard input, values run together: the row splits one way only
	// or is flagged I1 in check.
	data, _ := os.ReadFile(text)
	glued := strings.Replace(string(data), "一、本年新收政府信息公开申请数量                                                  21         4         0             0             1     0    26",
		"一、本年新收政府信息公开申请数量2140010 26", 1)
	if glued == string(data) {
		t.Fatal("the text export changed: adjust the test")
	}
	cli.Stdin = strings.NewReader(glued)
	defer func() { cli.Stdin = os.Stdin }()
	out2 := filepath.Join(dir, "stdin.nianbao")
	if code, _, e := run(t, "import", "-", "-o", out2, "--unit", "某局"); code != 0 {
		t.Fatal(e)
	}
	_, got, _ := run(t, "get", out2, "t3.new.natural", "t3.new.business", "t3.new.legal", "t3.new.total")
	if got != "t3.new.natural\t21\nt3.new.business\t4\nt3.new.legal\t1\nt3.new.total\t26\n" {
		t.Errorf("run-together digits read as\n%s", got)
	}
	// Nothing report-like: exit 1.
	cli.Stdin = strings.NewReader("今天天气很好。\n")
	if code, _, _ := run(t, "import", "-", "-o", filepath.Join(dir, "x.nianbao")); code != cli.ExitProblems {
		t.Errorf("not a report: exit %d", code)
	}
	if code, _, _ := run(t, "import", filepath.Join(dir, "a.pdf"), "-o", filepath.Join(dir, "y.nianbao")); code != cli.ExitUsage {
		t.Errorf("a missing file: exit %d", code)
	}
}

// scannedPDF is a page that is only an image: a scan without text.
const scannedPDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >> endobj
4 0 obj << /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >> stream
x
endstream endobj
5 0 obj << /Length 30 >> stream
q 595 0 0 842 0 0 cm /Im1 Do Q
endstream endobj
trailer << /Root 1 0 R >>
`

// TestImportPDF: our PDF reads back as the report; a scan is no report,
// and the message says it is a scan.
func TestImportPDF(t *testing.T) {
	dir, sample, pdf := exportedSample(t, "pdf")
	out := filepath.Join(dir, "back.nianbao")
	code, stdout, stderr := run(t, "import", pdf, "-o", out, "--json")
	if code != 0 || !strings.Contains(stdout, `"uncertain":0`) && !strings.Contains(stdout, `"uncertain": 0`) {
		t.Fatalf("exit %d %s %s", code, stdout, stderr)
	}
	_, a, _ := run(t, "get", sample, "--json")
	_, b, _ := run(t, "get", out, "--json")
	if a != b {
		t.Errorf("the imported report's values differ:\n%s\n%s", a, b)
	}
	scan := filepath.Join(dir, "扫描件.pdf")
	os.WriteFile(scan, []byte(scannedPDF), 0o644)
	code, _, stderr = run(t, "import", scan, "-o", filepath.Join(dir, "x.nianbao"))
	if code != cli.ExitProblems || !strings.Contains(stderr, "扫描件") {
		t.Errorf("a scan: exit %d, %s", code, stderr)
	}
}

// TestImportBatch: a folder of published reports (a page, a Word file, a
// text, one that is no report) checked in one go.
func TestImportBatch(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "发布")
	os.MkdirAll(in, 0o755)
	sample := filepath.Join(dir, "s.nianbao")
	run(t, "sample", "-o", sample)
	for _, to := range []string{"html", "docx", "pdf", "txt"} {
		if code, _, e := run(t, "export", sample, "--to", to, "-o", filepath.Join(in, "甲."+to)); code != 0 {
			t.Fatal(e)
		}
	}
	os.WriteFile(filepath.Join(in, "乙.txt"), []byte("通知\n今天开会。\n"), 0o644)
	out := filepath.Join(dir, "结果")
	code, stdout, stderr := run(t, "import", "--batch", in, "-o", out, "--json")
	var b struct {
		Files []struct {
			File      string  `json:"file"`
			Report    *string `json:"report"`
			Unit      string  `json:"unit"`
			Year      *int    `json:"year"`
			Errors    int     `json:"errors"`
			Uncertain int     `json:"uncertain"`
			Message   string  `json:"message"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(stdout), &b); err != nil || code != 0 {
		t.Fatalf("exit %d %v %s %s", code, err, stdout, stderr)
	}
	if len(b.Files) != 5 {
		t.Fatalf("files %s", stdout)
	}
	names := map[string]bool{}
	for _, f := range b.Files {
		switch {
		case strings.HasPrefix(f.File, "甲"):
			if f.Report == nil || f.Unit != "青溪县自然资源局" || f.Year == nil || *f.Year != 2025 || f.Uncertain != 0 || f.Errors != 0 {
				t.Errorf("%s: %+v", f.File, f)
			} else {
				names[filepath.Base(*f.Report)] = true
			}
		case f.Report != nil || f.Message == "":
			t.Errorf("not a report, yet %+v", f)
		}
	}
	if len(names) != 4 {
		t.Errorf("four inputs named 甲 must give four reports: %v", names)
	}
	f, err := excelize.OpenFile(filepath.Join(out, "批量检查.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if rows, _ := f.GetRows("批量检查"); len(rows) != 7 {
		t.Errorf("the workbook has %d rows", len(rows))
	}
	// Again: the reports are not replaced without --force.
	_, stdout, _ = run(t, "import", "--batch", in, "-o", out)
	if !strings.Contains(stdout, "已存在") {
		t.Errorf("a second run replaced the reports:\n%s", stdout)
	}
}

// TestNewFromPublished: this year's report starts from last year's
// published page: the unit, its contact details and the carried-over
// applications, without last year's opening paragraph.
func TestNewFromPublished(t *testing.T) {
	dir := t.TempDir()
	sample := filepath.Join(dir, "s.nianbao")
	run(t, "sample", "-o", sample)
	page := filepath.Join(dir, "2025.html")
	if code, _, e := run(t, "export", sample, "-o", page); code != 0 {
		t.Fatal(e)
	}
	out := filepath.Join(dir, "2026.nianbao")
	if code, _, e := run(t, "new", "--from", page, "-o", out); code != 0 {
		t.Fatal(e)
	}
	_, last, _ := run(t, "get", sample, "t3.carryover.natural", "--json")
	_, now, _ := run(t, "get", out, "t3.carried.natural", "--json")
	if strings.ReplaceAll(last, "carryover", "carried") != now {
		t.Errorf("carried over %s from %s", now, last)
	}
	data, _ := os.ReadFile(out)
	if !strings.Contains(string(data), `"year": 2026`) || !strings.Contains(string(data), "青溪县自然资源局") ||
		strings.Contains(string(data), `"text"`) || !strings.Contains(string(data), `"prev": "2025（导入）.nianbao"`) {
		t.Errorf("the new report:\n%s", data)
	}
	// Last year's published report is kept beside it, with its texts to
	// refer to.
	d, err := report.Open(out, registry.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	if got := d.PrevText(d.Entry.Format.Section("overview")); !strings.HasPrefix(got, "2025年，青溪县自然资源局") {
		t.Errorf("last year's overview: %.30q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "2025（导入）.nianbao")); err != nil {
		t.Error(err)
	}
}

// TestSections: a pre-2019 report's parts are listed, added, renamed and
// removed; the fixed 2021 parts are refused.
func TestSections(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "2016.nianbao")
	if code, _, e := run(t, "new", "--year", "2016", "--unit", "某区政府", "-o", old); code != 0 {
		t.Fatal(e)
	}
	code, out, e := run(t, "sections", old, "add", "--title", "六、人大代表建议和政协提案办理结果公开情况", "--after", "appeals")
	if code != 0 {
		t.Fatal(e)
	}
	id := strings.TrimSpace(out)
	if code, _, e := run(t, "sections", old, "rename", "overview", "--title", "一、概况"); code != 0 {
		t.Fatal(e)
	}
	run(t, "set", old, "--text", "fees=收费情况。")
	if code, _, _ := run(t, "sections", old, "remove", "fees"); code != cli.ExitUsage {
		t.Error("a part with text was removed without --force")
	}
	if code, _, e := run(t, "sections", old, "remove", "fees", "--force"); code != 0 {
		t.Fatal(e)
	}
	run(t, "set", old, "--text", id+"=全年办理建议提案。")
	if code, _, e := run(t, "sections", old, "move", id, "--after", "overview"); code != 0 {
		t.Fatal(e)
	}
	if code, _, _ := run(t, "sections", old, "move", id, "--after", "nosuch"); code != cli.ExitUsage {
		t.Error("moved after a part that does not exist")
	}
	_, list, _ := run(t, "sections", old, "list", "--json")
	var got []struct{ ID, Title string }
	json.Unmarshal([]byte(list), &got)
	titles := []string{}
	for _, s := range got {
		titles = append(titles, s.Title)
	}
	joined := strings.Join(titles, "|")
	if !strings.HasPrefix(joined, "一、概况|六、人大代表建议和政协提案办理结果公开情况|") || strings.Contains(joined, "收费") {
		t.Errorf("sections %s", joined)
	}
	txt := filepath.Join(dir, "2016.txt")
	run(t, "export", old, "--draft", "-o", txt)
	data, _ := os.ReadFile(txt)
	if !strings.Contains(string(data), "全年办理建议提案。") || !strings.Contains(string(data), "一、概况") || strings.Contains(string(data), "收费情况。") {
		t.Errorf("the export does not follow the parts:\n%.600s", data)
	}
	now := filepath.Join(dir, "2025.nianbao")
	run(t, "sample", "-o", now)
	if code, _, _ := run(t, "sections", now, "add", "--title", "七、其他"); code != cli.ExitUsage {
		t.Errorf("the fixed 2021 parts: exit %d", code)
	}
}

// BenchmarkBatch1000 checks a folder of 1,000 published reports — pages,
// Word files, PDFs and texts — and saves them (target < 30 s on the CI
// machine).
func BenchmarkBatch1000(b *testing.B) {
	dir := b.TempDir()
	in := filepath.Join(dir, "发布")
	os.MkdirAll(in, 0o755)
	sample := filepath.Join(dir, "s.nianbao")
	run(b, "sample", "-o", sample)
	kinds := []string{"html", "docx", "pdf", "txt"}
	for _, to := range kinds {
		if code, _, e := run(b, "export", sample, "--to", to, "-o", filepath.Join(dir, "s."+to)); code != 0 {
			b.Fatal(e)
		}
	}
	for i := range 1000 {
		to := kinds[i%len(kinds)]
		data, _ := os.ReadFile(filepath.Join(dir, "s."+to))
		os.WriteFile(filepath.Join(in, fmt.Sprintf("单位%04d.%s", i, to)), data, 0o644)
	}
	b.ResetTimer()
	for range b.N {
		out := filepath.Join(b.TempDir(), "结果")
		if code, _, e := run(b, "import", "--batch", in, "-o", out); code != 0 {
			b.Fatal(e)
		}
	}
}
