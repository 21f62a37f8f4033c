package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/assets"
	"nianbao/cli"
	"nianbao/forms/registry"
)

// run runs the command line and returns its exit code and output.
func run(t testing.TB, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = cli.Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func init() {
	// Keep the user's own format folders out of the tests.
	os.Setenv("XDG_CONFIG_HOME", os.TempDir()+"/nianbao-test-config-none")
	os.Setenv("HOME", os.TempDir()+"/nianbao-test-home-none")
}

func TestHelp(t *testing.T) {
	code, out, _ := run(t)
	if code != 0 {
		t.Errorf("exit %d", code)
	}
	for _, name := range []string{"new", "set", "get", "check", "cells", "formats", "sample", "version"} {
		if !strings.Contains(out, "  "+name+" ") {
			t.Errorf("overview lacks %s:\n%s", name, out)
		}
		code, usage, _ := run(t, name, "--help")
		if code != 0 || !strings.HasPrefix(usage, "用法：nianbao "+name) || strings.Count(usage, "用法") != 1 {
			t.Errorf("%s --help: exit %d\n%s", name, code, usage)
		}
	}
	if !cli.IsCommand("check") || !cli.IsCommand("--help") || cli.IsCommand("报告.nianbao") {
		t.Error("IsCommand does not tell commands from files")
	}
	code, _, errOut := run(t, "frobnicate")
	if code != cli.ExitUsage || !strings.Contains(errOut, "没有“frobnicate”这个命令") {
		t.Errorf("unknown command: exit %d, %q", code, errOut)
	}
	code, _, errOut = run(t, "get", "--bogus")
	if code != cli.ExitUsage || !strings.Contains(errOut, "--help") {
		t.Errorf("unknown flag: exit %d, %q", code, errOut)
	}
}

type cellJSON struct {
	ID       string   `json:"id"`
	Table    string   `json:"table"`
	RowPath  []string `json:"rowPath"`
	ColPath  []string `json:"colPath"`
	Kind     string   `json:"kind"`
	Computed bool     `json:"computed"`
}

func TestCellsJSON(t *testing.T) {
	code, out, errOut := run(t, "cells", "--format", "2021", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var cells []cellJSON
	if err := json.Unmarshal([]byte(out), &cells); err != nil {
		t.Fatal(err)
	}
	perTable := map[string]int{}
	computed := 0
	byID := map[string]cellJSON{}
	for _, c := range cells {
		perTable[c.Table]++
		byID[c.ID] = c
		if c.Computed {
			computed++
		}
	}
	if perTable["二"] != 10 || perTable["三"] != 175 || perTable["四"] != 15 || len(cells) != 200 {
		t.Errorf("cells per table = %v", perTable)
	}
	if computed != 34 {
		t.Errorf("computed cells = %d, want 34 (总计 column 25, （七）总计 6, table 四 3)", computed)
	}
	c := byID["t3.misc.nofee.legal"]
	wantRow := []string{"三、本年度办理结果", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"}
	wantCol := []string{"申请人情况", "法人或其他组织", "法律服务机构"}
	if strings.Join(c.RowPath, "|") != strings.Join(wantRow, "|") || strings.Join(c.ColPath, "|") != strings.Join(wantCol, "|") ||
		c.Kind != "count" || c.Computed {
		t.Errorf("t3.misc.nofee.legal = %+v", c)
	}
	if c := byID["t4.review.total"]; !c.Computed || len(c.RowPath) != 0 {
		t.Errorf("t4.review.total = %+v", c)
	}
	if c := byID["t2.fees.amount"]; c.Kind != "money" {
		t.Errorf("t2.fees.amount = %+v", c)
	}
	if code, out, _ := run(t, "cells", "--format", "2019"); code != 0 || !strings.Contains(out, "t2.license.change\t整数（可为负）") {
		t.Errorf("cells text output: exit %d\n%.300s", code, out)
	}
	if code, _, errOut := run(t, "cells", "--format", "1999"); code != cli.ExitUsage || !strings.Contains(errOut, "2021") {
		t.Errorf("unknown format: exit %d, %q", code, errOut)
	}
}

type checkJSON struct {
	Problems []struct {
		Rule     string          `json:"rule"`
		Severity string          `json:"severity"`
		Cells    []string        `json:"cells"`
		Message  string          `json:"message"`
		Expected json.RawMessage `json:"expected"`
		Actual   json.RawMessage `json:"actual"`
	} `json:"problems"`
}

func check(t *testing.T, path string) (int, checkJSON) {
	t.Helper()
	code, out, errOut := run(t, "check", path, "--json")
	var res checkJSON
	if code != cli.ExitUsage {
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("check --json output: %v\n%s%s", err, out, errOut)
		}
	}
	return code, res
}

// TestWorkflow drives a report through the command line as a script would:
// new, set, get, check.
func TestWorkflow(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "漳平市 某局.nianbao")
	code, out, errOut := run(t, "new", "--year", "2026", "--unit", "某局", "--kind", "部门", "-o", path)
	if code != 0 || !strings.Contains(out, "2026 年度") {
		t.Fatalf("new: exit %d, %s%s", code, out, errOut)
	}
	if code, _, errOut := run(t, "new", "--unit", "x", "-o", path); code != cli.ExitUsage || !strings.Contains(errOut, "--force") {
		t.Errorf("new over an existing file: exit %d, %q", code, errOut)
	}
	code, res := check(t, path)
	if code != cli.ExitProblems || len(res.Problems) < 166 {
		t.Errorf("empty report: exit %d, %d problems", code, len(res.Problems))
	}
	// Fill every input with zero, then one application received and answered.
	var sets []string
	_, out, _ = run(t, "cells", "--format", "2021", "--json")
	var cells []cellJSON
	if err := json.Unmarshal([]byte(out), &cells); err != nil {
		t.Fatal(err)
	}
	for _, c := range cells {
		if !c.Computed {
			sets = append(sets, c.ID+"=0")
		}
	}
	sets = append(sets, "t3.new.natural=１", "t3.open.natural=1", "t2.fees.amount=/")
	textFile := filepath.Join(dir, "总体情况.txt")
	os.WriteFile(textFile, []byte("\ufeff本年度主动公开信息12条。\r\n"), 0o644)
	args := append([]string{"set", path}, sets...)
	args = append(args, "--text", "overview=@"+textFile, "--text", "problems=公开不够及时。",
		"--text", "other=未收取信息处理费。", "--field", "closing.date=2027-01-20")
	if code, out, errOut := run(t, args...); code != 0 || !strings.Contains(out, "已保存") {
		t.Fatalf("set: exit %d, %s%s", code, out, errOut)
	}
	code, out, _ = run(t, "get", path, "t3.new.total", "t3.total.natural", "t2.fees.amount", "t4.review.total", "--json")
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("get --json: %v\n%s", err, out)
	}
	if code != 0 || got["t3.new.total"] != 1.0 || got["t3.total.natural"] != 1.0 || got["t2.fees.amount"] != "/" || got["t4.review.total"] != 0.0 {
		t.Errorf("get: exit %d, %v", code, got)
	}
	if !strings.HasPrefix(strings.TrimSpace(out), "{\n  \"t3.new.total\"") {
		t.Errorf("get --json does not keep the order asked for:\n%s", out)
	}
	if code, res := check(t, path); code != 0 || len(res.Problems) != 0 {
		t.Errorf("filled report: exit %d, problems %+v", code, res.Problems)
	}
	// Unbalance it: R1 fails for the 自然人 and 总计 columns.
	run(t, "set", path, "t3.carryover.natural=2")
	code, res = check(t, path)
	if code != cli.ExitProblems || len(res.Problems) != 2 {
		t.Fatalf("unbalanced: exit %d, %+v", code, res.Problems)
	}
	p := res.Problems[0]
	if p.Rule != "R1" || p.Severity != "error" || string(p.Actual) != "1" || string(p.Expected) != "3" ||
		len(p.Cells) != 4 || p.Cells[0] != "t3.new.natural" || !strings.Contains(p.Message, "自然人") {
		t.Errorf("R1 problem = %+v", p)
	}
	code, out, _ = run(t, "check", path)
	if code != cli.ExitProblems || !strings.Contains(out, "错误\tR1\t") || !strings.Contains(out, "共 2 个错误，0 个警告") {
		t.Errorf("check text output: exit %d\n%s", code, out)
	}
	// A blank cell is null in get --json, and reported as 未填写.
	run(t, "set", path, "t3.carryover.natural=0", "t4.review.other=")
	code, out, _ = run(t, "get", path, "t4.review.other", "--json")
	if code != 0 || !strings.Contains(out, `"t4.review.other": null`) {
		t.Errorf("blank in get --json: %s", out)
	}
	code, res = check(t, path)
	if code != cli.ExitProblems || len(res.Problems) != 1 || res.Problems[0].Rule != "R6" || string(res.Problems[0].Actual) != "null" {
		t.Errorf("blank cell: exit %d, %+v", code, res.Problems)
	}
}

// TestGetDecimals checks that get and get --json print money with the
// decimals typed.
func TestGetDecimals(t *testing.T) {
	tests := []struct {
		format, id, typed, want string
	}{
		{"2019", "t2.procurement.amount", "73802895.90元", "73802895.90"},
		{"2019", "t2.procurement.amount", "７３，８０２，８９５．９ 元", "73802895.9"},
		{"2021", "t2.fees.amount", "12.50", "12.50"},
		{"2021", "t2.fees.amount", "0.000", "0.000"},
		{"2021", "t2.fees.amount", "12", "12"},
		{"2021", "t3.new.natural", "12.0", "12"},
	}
	for _, tc := range tests {
		t.Run(tc.typed, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "r.nianbao")
			year := map[string]string{"2019": "2020", "2021": "2026"}[tc.format]
			if code, out, errOut := run(t, "new", "--format", tc.format, "--year", year, "--unit", "某局", "-o", path); code != 0 {
				t.Fatalf("new: exit %d, %s%s", code, out, errOut)
			}
			if code, out, errOut := run(t, "set", path, tc.id+"="+tc.typed); code != 0 {
				t.Fatalf("set: exit %d, %s%s", code, out, errOut)
			}
			if code, out, _ := run(t, "get", path, tc.id); code != 0 || out != tc.id+"\t"+tc.want+"\n" {
				t.Errorf("get: exit %d, %q", code, out)
			}
			code, out, _ := run(t, "get", path, tc.id, "--json")
			var got map[string]float64
			if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
				t.Fatalf("get --json: exit %d, %v\n%s", code, err, out)
			}
			if want := `"` + tc.id + `": ` + tc.want + "\n"; !strings.Contains(out, want) {
				t.Errorf("get --json = %s, want %s", out, want)
			}
		})
	}
}

func TestSetRejectsAllOrNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.nianbao")
	run(t, "new", "--unit", "x", "-o", path)
	if code, _, errOut := run(t, "set", path, "t3.total.natural=5", "--field", "typedTotals=true"); code != 0 {
		t.Errorf("set with typed totals switched on in the same call: %s", errOut)
	}
	run(t, "set", path, "--field", "typedTotals=false")
	before, _ := os.ReadFile(path)
	code, _, errOut := run(t, "set", path, "t3.new.natural=5", "t3.new.business=-2", "t3.total.total=3", "nonsense",
		"--text", "nosuch=x", "--field", "closing.date=昨天")
	if code != cli.ExitUsage {
		t.Errorf("exit %d", code)
	}
	for _, want := range []string{"不能为负数", "自动计算", "“nonsense”应写成 编号=值", "没有编号为“nosuch”的文字部分", "不是有效日期", "报告没有修改"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("a failed set changed the file")
	}
	gbk := filepath.Join(t.TempDir(), "gbk.txt")
	os.WriteFile(gbk, []byte{0xc4, 0xea, 0xb1, 0xa8}, 0o644) // 年报 in GBK
	if code, _, errOut := run(t, "set", path, "--text", "overview=@"+gbk); code != cli.ExitUsage || !strings.Contains(errOut, "UTF-8") {
		t.Errorf("GBK text file: exit %d, %q", code, errOut)
	}
}

func TestFileErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "坏文件.nianbao")
	os.WriteFile(bad, []byte(`{"type": "nianbao-report", "schema": 1, "format": "20`), 0o644)
	for _, cmd := range []string{"check", "get", "set"} {
		code, out, errOut := run(t, cmd, bad)
		if code != cli.ExitUsage || !strings.Contains(errOut, "文件不完整") || out != "" {
			t.Errorf("%s on a truncated file: exit %d, %q %q", cmd, code, out, errOut)
		}
	}
	if code, _, errOut := run(t, "check", filepath.Join(dir, "none.nianbao")); code != cli.ExitUsage || !strings.Contains(errOut, "找不到文件") {
		t.Errorf("missing file: exit %d, %q", code, errOut)
	}
	if code, _, _ := run(t, "check"); code != cli.ExitUsage {
		t.Errorf("check without a file: exit %d", code)
	}
	if code, _, errOut := run(t, "check", bad, bad); code != cli.ExitUsage || !strings.Contains(errOut, "多余的参数") {
		t.Errorf("check with two files: exit %d, %q", code, errOut)
	}
	if code, _, errOut := run(t, "new", "--unit", "x", "--year", "5000", "--format", "2021", "-o", filepath.Join(dir, "y.nianbao")); code != cli.ExitUsage || !strings.Contains(errOut, "5000") {
		t.Errorf("new with year 5000: exit %d, %q", code, errOut)
	}
}

func TestNewFromLastYear(t *testing.T) {
	dir := t.TempDir()
	last := filepath.Join(dir, "2025.nianbao")
	if code, _, errOut := run(t, "sample", "-o", last); code != 0 {
		t.Fatalf("sample: %s", errOut)
	}
	next := filepath.Join(dir, "2026.nianbao")
	// Without --year, the year after last year's report.
	if code, out, errOut := run(t, "new", "--from", last, "-o", next); code != 0 || !strings.Contains(out, "2026 年度") {
		t.Fatalf("new --from: exit %d %s%s", code, out, errOut)
	}
	code, out, _ := run(t, "get", next, "t3.carried.natural", "t3.carried.business", "t3.carried.total")
	if code != 0 || out != "t3.carried.natural\t3\nt3.carried.business\t1\nt3.carried.total\t4\n" {
		t.Errorf("carried figures:\n%s", out)
	}
	run(t, "set", next, "t3.carried.natural=5")
	_, res := check(t, next)
	r5 := 0
	for _, p := range res.Problems {
		if p.Rule == "R5" {
			r5++
		}
	}
	if r5 != 2 {
		t.Errorf("R5 problems = %d, want 2 (自然人 and 总计)", r5)
	}
	// The same check without a stored link, with --prev.
	run(t, "set", next, "--field", "prev=")
	_, res = check(t, next)
	for _, p := range res.Problems {
		if p.Rule == "R5" {
			t.Error("R5 checked without last year's report")
		}
	}
	_, out, _ = run(t, "check", next, "--prev", last)
	if !strings.Contains(out, "R5") {
		t.Errorf("check --prev did not apply R5:\n%s", out)
	}
}

func TestSampleAndFormats(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "示例.nianbao")
	if code, _, _ := run(t, "sample", "-o", path); code != 0 {
		t.Fatal("sample failed")
	}
	if code, out, _ := run(t, "check", path); code != 0 || !strings.Contains(out, "检查通过") {
		t.Errorf("the sample does not pass its check: %s", out)
	}
	code, out, _ := run(t, "formats")
	if code != 0 || !strings.Contains(out, "2021\t全国通用格式（2021年版）\t2021—") || !strings.Contains(out, "2014\t") {
		t.Errorf("formats:\n%s", out)
	}
	code, out, _ = run(t, "formats", "--dump", "2019")
	want, _ := assets.Formats.ReadFile("formats/2019.json")
	if code != 0 || out != string(want) {
		t.Error("formats --dump does not print the format file")
	}
	// A local variant placed in the formats folder shows up as non-standard.
	local := strings.Replace(out, `"id": "2019"`, `"id": "local-2020"`, 1)
	os.WriteFile(filepath.Join(dir, "local.json"), []byte(local), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.json"), []byte(`{`), 0o644)
	t.Setenv(registry.EnvDirs, dir)
	code, out, errOut := run(t, "formats")
	if code != 0 || !strings.Contains(out, "local-2020\t全国通用格式（2019年试行版）（非标准）") || !strings.Contains(errOut, "bad.json") {
		t.Errorf("local formats:\n%s%s", out, errOut)
	}
	localReport := filepath.Join(dir, "l.nianbao")
	if code, _, errOut := run(t, "new", "--unit", "x", "--year", "2020", "--format", "local-2020", "-o", localReport); code != 0 {
		t.Errorf("new with a local format: %s", errOut)
	}
	// If the local format's file breaks, opening says why.
	os.WriteFile(filepath.Join(dir, "local.json"), []byte(`{"schema": 1, "id": "local-2020"}`), 0o644)
	if code, _, errOut := run(t, "check", localReport); code != cli.ExitUsage || !strings.Contains(errOut, "local.json") {
		t.Errorf("report of a broken local format: exit %d, %q", code, errOut)
	}
}

// TestExportKind checks that export takes its kind from --to, else from the
// extension of -o, and asks for one when neither names a kind.
func TestExportKind(t *testing.T) {
	t.Setenv("NIANBAO_FORMATS", t.TempDir())
	dir := t.TempDir()
	path := filepath.Join(dir, "r.nianbao")
	run(t, "sample", "-o", path)
	tests := []struct {
		args   []string
		code   int
		out    string // the file written
		starts string // its first bytes
	}{
		{[]string{"-o", "报告.PDF"}, 0, "报告.PDF", "%PDF-"},
		{[]string{"-o", "报告.docx"}, 0, "报告.docx", "PK"},
		{[]string{"-o", "报告.template.xlsx"}, 0, "报告.template.xlsx", "PK"},
		{[]string{"-o", "报告.txt"}, 0, "报告.txt", "青溪"},
		{[]string{"--to", "txt", "-o", "明文.pdf"}, 0, "明文.pdf", "青溪"},
		{[]string{"--to", "infographic", "-o", "图.svg"}, 0, "图.svg", "<?xml"},
		{[]string{"--to", "infographic", "-o", "图.PDF"}, 0, "图.PDF", "%PDF-"},
		{[]string{"--to", "infographic", "-o", "图.png"}, 0, "图.png", "\x89PNG"},
		{[]string{"-o", "一图读懂.png"}, 0, "一图读懂.png", "\x89PNG"},
		{[]string{"-o", "报告.图解.pdf"}, 0, "报告.图解.pdf", "%PDF-"},
		{[]string{"-o", "报告.doc"}, cli.ExitUsage, "", ""},
		{nil, cli.ExitUsage, "", ""},
	}
	for _, tc := range tests {
		args := append([]string{"export", path}, tc.args...)
		for i, a := range args {
			if i > 0 && args[i-1] == "-o" {
				args[i] = filepath.Join(dir, a)
			}
		}
		code, _, errOut := run(t, args...)
		if code != tc.code {
			t.Errorf("%v: exit %d, %s", tc.args, code, errOut)
			continue
		}
		if tc.out == "" {
			if !strings.Contains(errOut, "请用 --to 指定导出类型") {
				t.Errorf("%v: %q", tc.args, errOut)
			}
			continue
		}
		if data, _ := os.ReadFile(filepath.Join(dir, tc.out)); !strings.HasPrefix(string(data), tc.starts) {
			t.Errorf("%v: %s begins %q, want %q", tc.args, tc.out, data[:min(len(data), 8)], tc.starts)
		}
	}
	// A .图解.pdf is the 图解 (one page), not the report.
	if data, _ := os.ReadFile(filepath.Join(dir, "报告.图解.pdf")); !strings.Contains(string(data), "/Count 1\n") {
		t.Error("报告.图解.pdf is not the one-page 图解")
	}
}
