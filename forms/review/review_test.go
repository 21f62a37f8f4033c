package review_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"nianbao/forms/consolidate"
	"nianbao/forms/consolidate/consolidatetest"
	"nianbao/forms/registry"
	"nianbao/forms/report"
	"nianbao/forms/review"
)

var reg = registry.Builtin()

var (
	jan20 = time.Date(2026, 1, 20, 9, 0, 0, 0, time.Local)
	feb2  = time.Date(2026, 2, 2, 9, 0, 0, 0, time.Local)
)

var expected = []report.ExpectedUnit{
	{Unit: "青溪县自然资源局", Kind: "department"}, {Unit: "青溪县财政局", Kind: "department"},
	{Unit: "青溪县公安局", Kind: "department"}, {Unit: "城关镇", Kind: "township", Phone: "0598-7654321"},
}

// office receives the units' files under dir/收到 into a new 汇总 at the
// time given: 自然资源局 clean, 财政局 with a warning, 公安局 with an error,
// 城关镇 missing.
func office(t *testing.T) (dir string, d *report.Doc) {
	dir = t.TempDir()
	in := filepath.Join(dir, "收到")
	consolidatetest.Unit(t, in, "自然资源局.nianbao", "青溪县自然资源局", "department", jan20)
	consolidatetest.Unit(t, in, "财政局.nianbao", "青溪县财政局", "department", jan20, "t2.fees.amount=2000000.5")
	consolidatetest.Unit(t, in, "公安局.nianbao", "青溪县公安局", "department", jan20, "t3.new.natural=100", "phone=0598-1111111")
	d, err := consolidate.New(reg, 2025, "青溪县人民政府", "", "")
	if err != nil {
		t.Fatal(err)
	}
	d.Path = filepath.Join(dir, "汇总.nianbao")
	receive(t, d, jan20, filepath.Join(dir, "收到"))
	return dir, d
}

func receive(t *testing.T, d *report.Doc, now time.Time, inputs ...string) {
	t.Helper()
	if _, err := consolidate.Run(context.Background(), d, inputs, consolidate.Options{Expected: expected, Now: now}); err != nil {
		t.Fatal(err)
	}
}

func row(t *testing.T, d *report.Doc, unit string, today time.Time) review.Row {
	t.Helper()
	for _, r := range review.Board(d.Report.Consolidation, d.Kinds(), d.Report.Year, today) {
		if r.Unit == unit {
			return r
		}
	}
	t.Fatalf("%s not on the board", unit)
	return review.Row{}
}

// TestTransitions: every review from every state, allowed or refused.
func TestTransitions(t *testing.T) {
	type step struct {
		do, unit, reason string
		ok               bool
		want             string // the review after the step
	}
	for _, tc := range []struct {
		name  string
		steps []step
	}{
		{"approve, publish, reopen", []step{
			{"approve", "青溪县自然资源局", "", true, report.Approved},
			{"return", "青溪县自然资源局", "表三有误", true, report.Returned},
			{"approve", "青溪县自然资源局", "", true, report.Approved},
			{"publish", "青溪县自然资源局", "", true, report.Published},
			{"return", "青溪县自然资源局", "晚了", false, report.Published},
			{"approve", "青溪县自然资源局", "", false, report.Published},
			{"reopen", "青溪县自然资源局", "", true, ""},
		}},
		{"warnings may be approved", []step{{"approve", "青溪县财政局", "", true, report.Approved}}},
		{"errors may not", []step{
			{"approve", "青溪县公安局", "", false, ""},
			{"return", "青溪县公安局", "", false, ""},
			{"return", "青溪县公安局", "表三总计不等于各项之和", true, report.Returned},
			{"publish", "青溪县公安局", "", false, report.Returned},
		}},
		{"publish needs approval", []step{{"publish", "青溪县自然资源局", "", false, ""}}},
		{"missing", []step{{"approve", "城关镇", "", false, ""}, {"return", "城关镇", "未报", false, ""}}},
		{"unknown unit", []step{{"approve", "邻县", "", false, ""}}},
		{"names as typed", []step{{"approve", "青溪县 自然资源局", "", true, report.Approved}}},
	} {
		_, d := office(t)
		ws := d.Report.Consolidation
		for i, s := range tc.steps {
			var err error
			switch s.do {
			case "approve":
				err = review.Approve(ws, s.unit, feb2)
			case "return":
				err = review.Return(ws, s.unit, s.reason, feb2)
			case "publish":
				err = review.Publish(ws, s.unit, feb2)
			case "reopen":
				err = review.Reopen(ws, s.unit)
			}
			if (err == nil) != s.ok {
				t.Errorf("%s, step %d (%s %s): %v", tc.name, i, s.do, s.unit, err)
			}
			if s.unit == "邻县" || s.unit == "城关镇" {
				continue
			}
			if got := row(t, d, strings.ReplaceAll(s.unit, " ", ""), feb2).Review; got != s.want {
				t.Errorf("%s, step %d: review %q, want %q", tc.name, i, got, s.want)
			}
		}
	}
}

// TestHistory: a returned report sent again replaces the version before,
// which goes into the history with its review, the cells changed and the
// problems fixed; the review starts again. The records survive saving.
func TestHistory(t *testing.T) {
	dir, d := office(t)
	ws := d.Report.Consolidation
	before := row(t, d, "青溪县公安局", feb2)
	if err := review.Return(ws, "青溪县公安局", strings.Join(before.Problems, "\n"), jan20.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	consolidatetest.Unit(t, filepath.Join(dir, "收到"), "公安局.nianbao", "青溪县公安局", "department", feb2, "t3.new.natural=21")
	receive(t, d, feb2)
	if err := d.Save(d.Path); err != nil {
		t.Fatal(err)
	}
	again, err := report.Open(d.Path, reg)
	if err != nil {
		t.Fatal(err)
	}
	r := again.Report.Consolidation.Records["青溪县公安局"]
	if r == nil || len(r.History) != 1 || r.Review != "" || r.Received != feb2.Format(time.RFC3339) {
		t.Fatalf("record after a resubmission: %+v", r)
	}
	h := r.History[0]
	if h.Review != report.Returned || h.Reason == "" || h.Received != jan20.Format(time.RFC3339) ||
		!slices.Contains(h.Changed, "t3.new.natural 100→21") || len(h.Fixed) == 0 || !slices.Equal(h.Fixed, before.Problems) {
		t.Errorf("history: %+v", h)
	}
	if got := row(t, again, "青溪县公安局", feb2); got.State != consolidate.OK || got.Versions != 2 {
		t.Errorf("board after the resubmission: %s, %d versions", got.State, got.Versions)
	}
	vs := review.History(again.Report.Consolidation, "青溪县 公安局")
	if len(vs) != 2 || !vs[1].Current || !strings.Contains(vs[0].Text(), "下一版改动的数字：t3.new.natural 100→21") ||
		!strings.Contains(vs[0].Text(), "已退回") || !strings.Contains(vs[1].Text(), "现在的版本") {
		t.Errorf("history:\n%v", vs)
	}
}

// TestLocked: an approved report keeps the version approved when a newer
// file comes — elsewhere, and read again at every run — in the sums too,
// and when its file is gone; undoing the approval takes the newer file.
func TestLocked(t *testing.T) {
	dir, d := office(t)
	ws := d.Report.Consolidation
	if err := review.Approve(ws, "青溪县自然资源局", jan20); err != nil {
		t.Fatal(err)
	}
	sum := d.Values()["t3.new.natural"].String()
	later := filepath.Join(dir, "补交")
	consolidatetest.Unit(t, later, "自然资源局-改.nianbao", "青溪县自然资源局", "department", feb2, "t3.new.natural=99")
	receive(t, d, feb2, later)
	receive(t, d, feb2) // the newer file is not among the inputs now: read as the one waiting
	got := row(t, d, "青溪县自然资源局", feb2)
	if got.Review != report.Approved || !strings.Contains(got.Message, "自然资源局-改") || d.Values()["t3.new.natural"].String() != sum {
		t.Errorf("locked: review %q, message %q, sum %s (was %s)", got.Review, got.Message, d.Values()["t3.new.natural"], sum)
	}
	os.Remove(filepath.Join(dir, "收到", "自然资源局.nianbao"))
	receive(t, d, feb2)
	if got := row(t, d, "青溪县自然资源局", feb2); got.State != consolidate.OK || d.Values()["t3.new.natural"].String() != sum {
		t.Errorf("approved file gone, a newer one waiting: %s %q, sum %s", got.State, got.Message, d.Values()["t3.new.natural"])
	}
	if err := review.Reopen(d.Report.Consolidation, "青溪县自然资源局"); err != nil {
		t.Fatal(err)
	}
	receive(t, d, feb2.Add(time.Hour))
	r := d.Report.Consolidation.Records["青溪县自然资源局"]
	if d.Values()["t3.new.natural"].String() == sum || len(r.History) != 1 || r.Waiting != "" || r.Review != "" {
		t.Errorf("after reopening, the newer file was not taken: %+v", r)
	}
}

// TestApprovedGone: an approved unit whose file is gone stays on the board
// with the version approved, not as missing.
func TestApprovedGone(t *testing.T) {
	dir, d := office(t)
	review.Approve(d.Report.Consolidation, "青溪县财政局", jan20)
	os.Remove(filepath.Join(dir, "收到", "财政局.nianbao"))
	receive(t, d, feb2)
	got := row(t, d, "青溪县财政局", feb2)
	if got.State != consolidate.Warnings || got.Review != report.Approved || !strings.Contains(got.Message, "找不到") || !got.Included {
		t.Errorf("approved file gone: %+v", got)
	}
}

// TestReceivedWhenWritten: a file that came before the deadline is not
// late because the office consolidated after it.
func TestReceivedWhenWritten(t *testing.T) {
	dir, d := office(t)
	path := consolidatetest.Unit(t, filepath.Join(dir, "收到"), "城关镇.nianbao", "城关镇", "township", jan20)
	os.Chtimes(path, jan20, jan20)
	receive(t, d, feb2, filepath.Join(dir, "收到"))
	if got := row(t, d, "城关镇", feb2); got.Overdue || !got.Received.Equal(jan20) {
		t.Errorf("received %s, overdue %v", got.Received, got.Overdue)
	}
}

// TestCraftedRecords: a workspace whose records no run makes is refused
// on loading, not trusted.
func TestCraftedRecords(t *testing.T) {
	_, d := office(t)
	good, err := d.Report.Marshal(jan20)
	if err != nil {
		t.Fatal(err)
	}
	for name, crafted := range map[string]string{
		"null record": `"records": {"x": null,`,
		"huge reason": `"records": {"x": {"reason": "` + strings.Repeat("理", 12000) + `"},`,
	} {
		data := strings.Replace(string(good), `"records": {`, crafted, 1)
		if data == string(good) {
			t.Fatal("no records in the file")
		}
		if _, err := report.Unmarshal([]byte(data), reg); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
}

// TestDeadlines: late against the kind's date or the workspace's own; the
// whole last day counts.
func TestDeadlines(t *testing.T) {
	dir, d := office(t)
	ws := d.Report.Consolidation
	for _, tc := range []struct {
		unit    string
		today   time.Time
		overdue bool
	}{
		{"青溪县自然资源局", feb2, false}, // received 1月20日, due 1月31日
		{"城关镇", time.Date(2026, 1, 31, 23, 0, 0, 0, time.Local), false},
		{"城关镇", time.Date(2026, 2, 1, 0, 0, 0, 0, time.Local), true},
	} {
		if got := row(t, d, tc.unit, tc.today); got.Overdue != tc.overdue || got.Due.Format(time.DateOnly) != "2026-01-31" {
			t.Errorf("%s on %s: overdue %v, due %s", tc.unit, tc.today.Format(time.DateOnly), got.Overdue, got.Due.Format(time.DateOnly))
		}
	}
	if err := review.SetDeadline(ws, d.Kinds(), "部门", "2026-01-15"); err != nil {
		t.Fatal(err)
	}
	if got := row(t, d, "青溪县自然资源局", feb2); !got.Overdue || got.Due.Format(time.DateOnly) != "2026-01-15" {
		t.Errorf("with the office's date: overdue %v, due %s", got.Overdue, got.Due)
	}
	consolidatetest.Unit(t, filepath.Join(dir, "收到"), "城关镇.nianbao", "城关镇", "township", feb2)
	receive(t, d, feb2, filepath.Join(dir, "收到"))
	if got := row(t, d, "城关镇", feb2); !got.Overdue || !got.Received.Equal(feb2) {
		t.Errorf("received after the date: overdue %v, received %s", got.Overdue, got.Received)
	}
	for _, bad := range [][2]string{{"部门", "1月31日"}, {"没有这种单位", "2026-01-31"}} {
		if review.SetDeadline(ws, d.Kinds(), bad[0], bad[1]) == nil {
			t.Errorf("deadline %v accepted", bad)
		}
	}
}

// TestChase: the units not received and those returned, with the phone of
// their report or of the list.
func TestChase(t *testing.T) {
	_, d := office(t)
	ws := d.Report.Consolidation
	review.Return(ws, "青溪县公安局", "表三有误", feb2)
	var got []string
	for _, r := range review.Chase(ws, review.Board(ws, d.Kinds(), 2025, feb2)) {
		got = append(got, r.Unit+" "+r.Phone)
	}
	if want := []string{"青溪县公安局 0598-1111111", "城关镇 0598-7654321"}; !slices.Equal(got, want) {
		t.Errorf("chase %q, want %q", got, want)
	}
	// Next year's list, read from this 汇总, knows the phones the reports gave.
	if err := d.Save(d.Path); err != nil {
		t.Fatal(err)
	}
	list, err := consolidate.ReadList(d.Path, reg)
	if err != nil || len(list) != 4 || list[2].Phone != "0598-1111111" || list[3].Phone != "0598-7654321" {
		t.Errorf("next year's list: %+v %v", list, err)
	}
}

// TestNotice: the 退回通知 addresses the unit, numbers the reasons and says
// by when to send the report again.
func TestNotice(t *testing.T) {
	_, d := office(t)
	ws := d.Report.Consolidation
	review.Return(ws, "青溪县公安局", "表三“自然人”列：（七）总计应等于各项之和\n\n联系电话未填写", jan20)
	n := review.NewNotice(row(t, d, "青溪县公安局", jan20), 2025, "青溪县人民政府办公室", jan20)
	text := n.Text()
	for _, want := range []string{"关于退回青溪县公安局2025年政府信息公开工作年度报告的通知", "青溪县公安局：", "1. 表三“自然人”列",
		"2. 联系电话未填写", "2026年1月31日前重新报送", "青溪县人民政府办公室\n2026年1月20日"} {
		if !strings.Contains(text, want) {
			t.Errorf("notice lacks %q:\n%s", want, text)
		}
	}
	late := review.NewNotice(row(t, d, "青溪县公安局", feb2), 2025, "办公室", feb2)
	if !strings.Contains(late.Text(), "尽快重新报送") {
		t.Errorf("after the date: %s", late.Text())
	}
	os.Remove(d.Path)
}
