package cli_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/cli"
)

// TestBoard: the board with the review and deadlines, each review from
// the command line, the 退回通知, the chase list and the workbook.
func TestBoard(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	units(t, in, map[string]string{"甲局": "department", "乙局": "department"})
	units(t, in, map[string]string{"丙局": "department"}, "t3.new.natural=100")
	os.WriteFile(filepath.Join(dir, "名单.txt"), []byte("甲局\t部门\n乙局\t部门\n丙局\t部门\n城关镇\t乡镇\n"), 0o644)
	out := filepath.Join(dir, "汇总.nianbao")
	if code, _, e := run(t, "consolidate", "-o", out, "--year", "2025", "--unit", "青溪县人民政府", "--expect", filepath.Join(dir, "名单.txt"), "--today", "2026-01-20", in); code > 1 {
		t.Fatal(e)
	}
	type unitJSON struct {
		Unit, Kind, State, Reason string
		Review, Received, Due     *string
		Overdue                   bool
		Errors                    int
	}
	board := func(args ...string) map[string]unitJSON {
		t.Helper()
		code, stdout, stderr := run(t, append([]string{"board", out, "--json"}, args...)...)
		var b struct{ Units []unitJSON }
		if err := json.Unmarshal([]byte(stdout), &b); err != nil || code != 0 {
			t.Fatalf("exit %d %v %s %s", code, err, stdout, stderr)
		}
		m := map[string]unitJSON{}
		for _, u := range b.Units {
			m[u.Unit] = u
		}
		return m
	}
	b := board("--today", "2026-02-01")
	if u := b["城关镇"]; u.State != "missing" || !u.Overdue || *u.Due != "2026-01-31" || u.Review != nil || u.Received != nil {
		t.Errorf("missing unit: %+v", u)
	}
	if u := b["甲局"]; u.State != "ok" || u.Review != nil || u.Received == nil || u.Overdue {
		t.Errorf("received unit: %+v", u)
	}
	if b := board("--today", "2026-01-30"); b["城关镇"].Overdue {
		t.Error("overdue before its date")
	}
	// The reviews.
	notice := filepath.Join(dir, "退回通知.pdf")
	if code, _, e := run(t, "board", out, "--return", "丙局", "--reason", `表三数字有误\n请核对总计`, "--notice", notice); code != 0 {
		t.Fatal(e)
	}
	if data, err := os.ReadFile(notice); err != nil || !strings.HasPrefix(string(data), "%PDF") {
		t.Errorf("notice: %v", err)
	}
	for _, step := range [][]string{{"--approve", "甲局"}, {"--publish", "甲局"}, {"--approve", "乙局"}, {"--reopen", "乙局"}} {
		if code, _, e := run(t, "board", out, step[0], step[1]); code != 0 {
			t.Fatalf("%v: %s", step, e)
		}
	}
	b = board()
	if *b["甲局"].Review != "published" || b["乙局"].Review != nil || *b["丙局"].Review != "returned" || b["丙局"].Reason != "表三数字有误\n请核对总计" {
		t.Errorf("after the reviews: %+v", b)
	}
	for name, args := range map[string][]string{
		"approve with errors": {"--approve", "丙局"}, "publish unapproved": {"--publish", "乙局"},
		"return without reason": {"--return", "乙局"}, "unknown unit": {"--approve", "丁局"},
		"two at once": {"--approve", "乙局", "--reopen", "甲局"}, "bad date": {"--due", "部门=1月31日"},
	} {
		if code, _, _ := run(t, append([]string{"board", out}, args...)...); code != cli.ExitUsage {
			t.Errorf("%s: exit %d", name, code)
		}
	}
	// The office's own deadline.
	if code, _, e := run(t, "board", out, "--due", "乡镇=2026-02-10"); code != 0 {
		t.Fatal(e)
	}
	if b := board("--today", "2026-02-05"); b["城关镇"].Overdue || *b["城关镇"].Due != "2026-02-10" {
		t.Errorf("with the office's deadline: %+v", b["城关镇"])
	}
	// The chase list and the workbook.
	chase := filepath.Join(dir, "催报.txt")
	if code, _, e := run(t, "board", out, "--chase", "-o", chase); code != 0 {
		t.Fatal(e)
	}
	if data, _ := os.ReadFile(chase); strings.Count(string(data), "\n") != 3 || !strings.Contains(string(data), "表三数字有误；请核对总计") || !strings.Contains(string(data), "城关镇") || !strings.Contains(string(data), "丙局") {
		t.Errorf("chase list:\n%s", data)
	}
	xlsx := filepath.Join(dir, "报送情况.xlsx")
	if code, _, e := run(t, "board", out, "-o", xlsx); code != 0 {
		t.Fatal(e)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	if rows, _ := f.GetRows(f.GetSheetName(0)); len(rows) != 6 {
		t.Errorf("the workbook has %d rows", len(rows))
	}
	// The publication bundle: the published unit, the 汇总, an index.
	bundle := filepath.Join(dir, "发布")
	if code, _, e := run(t, "export", out, "--to", "bundle", "-o", bundle); code != 0 {
		t.Fatal(e)
	}
	if _, err := os.Stat(filepath.Join(bundle, "units", "甲局.pdf")); err != nil {
		t.Error(err)
	}
	if index, _ := os.ReadFile(filepath.Join(bundle, "index.html")); !strings.Contains(string(index), "甲局2025年") || strings.Contains(string(index), "丙局") {
		t.Errorf("index:\n%s", index)
	}
	if code, _, _ := run(t, "export", out, "--to", "bundle"); code != cli.ExitUsage {
		t.Error("a bundle without a folder")
	}
	if _, hist, _ := run(t, "board", out, "--history", "丙局"); !strings.Contains(hist, "已退回") || !strings.Contains(hist, "现在的版本") {
		t.Errorf("history:\n%s", hist)
	}
	_, text, _ := run(t, "board", out)
	if !strings.Contains(text, "已发布") || !strings.Contains(text, "退回理由：表三数字有误；请核对总计") {
		t.Errorf("board as text:\n%s", text)
	}
}

// TestPackageReceived: a unit exports its 报送包; the consolidation takes
// it like its report; one whose PDF was swapped is refused, saying so.
func TestPackageReceived(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	units(t, filepath.Join(dir, "src"), map[string]string{"甲局": "department", "乙局": "department"})
	os.MkdirAll(in, 0o755)
	for _, u := range []string{"甲局", "乙局"} {
		if code, _, e := run(t, "export", filepath.Join(dir, "src", u+".nianbao"), "--to", "package", "-o", filepath.Join(in, u+".nbpkg")); code != 0 {
			t.Fatal(e)
		}
	}
	// 乙局's package with 甲局's PDF in it.
	swapPart(t, filepath.Join(in, "乙局.nbpkg"), filepath.Join(in, "甲局.nbpkg"), "report.pdf")
	out := filepath.Join(dir, "汇总.nianbao")
	code, stdout, stderr := run(t, "consolidate", "-o", out, "--year", "2025", "--unit", "青溪县人民政府", in)
	if code > 1 {
		t.Fatal(stderr)
	}
	if !strings.Contains(stdout, "通过") || !strings.Contains(stdout, "无法使用") || !strings.Contains(stdout, "PDF 文件与清单不符") {
		t.Errorf("board:\n%s", stdout)
	}
}

// swapPart replaces a part of the package at path by the same part of
// the package at from.
func swapPart(t *testing.T, path, from, part string) {
	t.Helper()
	read := func(p string) map[string][]byte {
		zr, err := zip.OpenReader(p)
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		out := map[string][]byte{}
		for _, f := range zr.File {
			rc, _ := f.Open()
			out[f.Name], _ = io.ReadAll(rc)
			rc.Close()
		}
		return out
	}
	parts, donor := read(path), read(from)
	parts[part] = donor[part]
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"manifest.json", "report.nianbao", "report.pdf"} {
		w, _ := zw.Create(name)
		w.Write(parts[name])
	}
	zw.Close()
	os.WriteFile(path, buf.Bytes(), 0o644)
}

// ownTexts writes a unit's report made from the sample whose text
// sections are texts.
func ownTexts(t *testing.T, dir, name string, texts map[string]string) {
	t.Helper()
	units(t, dir, map[string]string{name: "department"})
	path := filepath.Join(dir, name+".nianbao")
	data, _ := os.ReadFile(path)
	var f map[string]any
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	f["texts"] = texts
	data, _ = json.Marshal(f)
	os.WriteFile(path, data, 0o644)
}

// TestBoardRepeats: board --repeats lists the units whose texts are
// nearly the same, as a table or JSON; a warning rule's finding, like
// check's warnings, leaves the exit code 0.
func TestBoardRepeats(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	units(t, in, map[string]string{"甲局": "department", "乙局": "department"}) // the sample's texts, both
	ownTexts(t, in, "丙局", map[string]string{
		"overview": "丙局坚持预算公开常态化，县级部门预决算在批复后二十日内全部公开到位。今年新增政府债务信息专栏，按月更新举借、使用和偿还情况。",
		"problems": "当前信息公开的主要不足在于专业术语多，普通群众理解起来比较困难。下一步将编写通俗读本，在公开表格的同时附上简明说明。",
		"other":    "丙局本年度没有收取信息处理费，也没有其他需要向社会报告的事项，特此说明。",
	})
	out := filepath.Join(dir, "汇总.nianbao")
	if code, _, e := run(t, "consolidate", "-o", out, "--year", "2025", "--unit", "青溪县人民政府", "--include-errors", in); code != 0 {
		t.Fatal(e)
	}
	code, stdout, stderr := run(t, "board", out, "--repeats", "--json")
	var got []struct {
		A, B, Section string
		Share         float64
		Sentences     []struct {
			A, B  string
			Score float64
		}
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != 0 {
		t.Fatalf("exit %d %v %s %s", code, err, stdout, stderr)
	}
	if len(got) != 3 {
		t.Fatalf("%d repeats, want the three sections of 甲局 and 乙局: %s", len(got), stdout)
	}
	for i, id := range []string{"overview", "problems", "other"} {
		r := got[i]
		if r.A != "乙局" || r.B != "甲局" || r.Section != id || r.Share != 1 || len(r.Sentences) == 0 ||
			r.Sentences[0].A != r.Sentences[0].B || r.Sentences[0].Score != 1 {
			t.Errorf("repeat %d: %+v", i, r)
		}
	}
	code, text, _ := run(t, "board", out, "--repeats")
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if code != 0 || len(lines) != 5 || lines[0] != "单位甲\t单位乙\t部分\t相同比例\t重复的句子" ||
		!strings.HasPrefix(lines[2], "乙局\t甲局\t五、存在的主要问题及改进情况\t100%\t“") || !strings.Contains(lines[4], "发现 3 处") {
		t.Errorf("exit %d, table:\n%s", code, text)
	}

	// None found: 丙局 alone with a unit that wrote its own texts.
	in2 := filepath.Join(dir, "in2")
	os.MkdirAll(in2, 0o755)
	data, _ := os.ReadFile(filepath.Join(in, "丙局.nianbao"))
	os.WriteFile(filepath.Join(in2, "丙局.nianbao"), data, 0o644)
	units(t, in2, map[string]string{"丁局": "department"})
	out2 := filepath.Join(dir, "汇总2.nianbao")
	if code, _, e := run(t, "consolidate", "-o", out2, "--year", "2025", "--unit", "青溪县人民政府", "--include-errors", in2); code != 0 {
		t.Fatal(e)
	}
	if code, text, _ := run(t, "board", out2, "--repeats"); code != 0 || !strings.Contains(text, "比较了 2 个单位报告的文字，没有发现") {
		t.Errorf("none found: exit %d\n%s", code, text)
	}
	if code, text, _ := run(t, "board", out2, "--repeats", "--json"); code != 0 || strings.TrimSpace(text) != "[]" {
		t.Errorf("none found as JSON: exit %d\n%s", code, text)
	}
}
