package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/consolidate"
	"nianbao/forms/consolidate/consolidatetest"
	"nianbao/forms/importer"
	"nianbao/forms/report"
	"nianbao/forms/review"
	"nianbao/ui/board"
)

// reviewBoard opens a new 汇总 that received a clean report and one with
// an error, on its board, on 2月2日.
func reviewBoard(t *testing.T) (*App, fyne.Window, boardView) {
	app, w := newTestApp(t, "")
	q := queueUI(t)
	app.clock = func() time.Time { return time.Date(2026, 2, 2, 9, 0, 0, 0, time.Local) }
	dir := t.TempDir()
	saved := time.Date(2026, 1, 20, 9, 0, 0, 0, time.Local)
	consolidatetest.Unit(t, dir, "甲局.nianbao", "甲局", "department", saved)
	consolidatetest.Unit(t, dir, "乙局.nianbao", "乙局", "department", saved, "t3.new.natural=100")
	if err := app.NewConsolidation("青溪县人民政府", 2025); err != nil {
		t.Fatal(err)
	}
	app.ed.nav.Select(0)
	app.dropped([]fyne.URI{storage.NewFileURI(dir)})
	waitFor(t, q, "the consolidation", func() bool { return len(app.doc.Report.Consolidation.Units) == 2 })
	return app, w, app.ed.parts[0].view.(boardView)
}

// TestBoardReview: a unit's report returned from the board with a problem
// offered as a ready sentence, its 退回通知 written; another approved and
// published; the board shows the reviews, the report becomes unsaved, and
// the board and chase list are written.
func TestBoardReview(t *testing.T) {
	app, w, bv := reviewBoard(t)
	app.markSaved()
	app.dirty = false
	if !bv.Select("乙局") {
		t.Fatal("乙局 is not on the board")
	}
	if b := findButton(bv.Object(), "审核通过"); !b.Disabled() {
		t.Error("a report with errors can be approved")
	}
	test.Tap(findButton(bv.Object(), "退回…"))
	dlg := w.Canvas().Overlays().Top()
	var checks *widget.CheckGroup
	for _, o := range test.LaidOutObjects(dlg) {
		if c, ok := o.(*widget.CheckGroup); ok {
			checks = c
		}
		if c, ok := o.(*widget.Check); ok && strings.Contains(c.Text, "退回通知") {
			c.SetChecked(false) // the notice is written below, without the file dialog
		}
	}
	if checks == nil || len(checks.Options) == 0 || !strings.Contains(checks.Options[0], "总计") {
		t.Fatalf("the problems are not offered: %v", checks)
	}
	checks.SetSelected(checks.Options[:1])
	test.Tap(findButton(dlg, "退回"))
	r := app.doc.Report.Consolidation.Records["乙局"]
	if r == nil || r.Review != report.Returned || r.Reason != checks.Options[0] || !app.dirty {
		t.Fatalf("after 退回: %+v, unsaved %v", r, app.dirty)
	}
	notice := filepath.Join(t.TempDir(), "退回通知.pdf")
	if !app.WriteNotice("乙局", notice) {
		t.Fatal("no notice")
	}
	if data, _ := os.ReadFile(notice); !strings.HasPrefix(string(data), "%PDF") {
		t.Error("the notice is no PDF")
	}
	bv.Select("甲局")
	test.Tap(findButton(bv.Object(), "审核通过"))
	bv.Select("甲局")
	test.Tap(findButton(bv.Object(), "标为已发布"))
	markup := test.RenderToMarkup(w.Canvas())
	for _, want := range []string{"已发布", "已退回"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the board does not show %q", want)
		}
	}
	bv.Select("乙局")
	test.Tap(findButton(bv.Object(), "报送记录"))
	if got := topText(w); !strings.Contains(got, "乙局.nianbao（已退回）") {
		t.Errorf("history: %q", got)
	}
	w.Canvas().Overlays().Top().Hide()
	dir := t.TempDir()
	if !app.WriteRows(bv.Rows(), false, filepath.Join(dir, "报送情况.xlsx")) || !app.WriteRows(bv.Rows(), true, filepath.Join(dir, "催报.txt")) {
		t.Fatal("the board was not written")
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "催报.txt")); !strings.Contains(string(data), "乙局") || strings.Contains(string(data), "甲局") {
		t.Errorf("chase list:\n%s", data)
	}
}

// TestBoardSortAndFilter: a column's header sorts the board, twice the
// other way; the filter shows the returned units.
func TestBoardSortAndFilter(t *testing.T) {
	app, _, bv := reviewBoard(t)
	units := func() string {
		var s []string
		for _, r := range bv.Rows() {
			s = append(s, r.Unit)
		}
		return strings.Join(s, " ")
	}
	bv.SortBy(7) // 错误
	if got := units(); got != "甲局 乙局" {
		t.Errorf("by errors: %s", got)
	}
	bv.SortBy(7)
	if got := units(); got != "乙局 甲局" {
		t.Errorf("by errors, descending: %s", got)
	}
	app.reviewed(func(ws *report.Consolidation) error { return review.Return(ws, "乙局", "表三有误", app.now()) })
	bv = app.ed.parts[0].view.(boardView)
	bv.Filter(5) // 已退回的
	if got := units(); got != "乙局" {
		t.Errorf("returned: %s", got)
	}
}

// TestReturnKeepsText: a return refused for want of a reason shows the
// dialog again with what was typed.
func TestReturnKeepsText(t *testing.T) {
	app, w, bv := reviewBoard(t)
	rows := bv.Rows()
	app.askReturn(rows[0], nil, "   ")
	test.Tap(findButton(w.Canvas().Overlays().Top(), "退回"))
	if app.doc.Report.Consolidation.Records["甲局"].Review != "" {
		t.Fatal("returned without a reason")
	}
	found := false
	for _, o := range w.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			if e, ok := x.(*widget.Entry); ok && e.MultiLine && e.Text == "   " {
				found = true
			}
		}
	}
	if !found {
		t.Error("the dialog did not come back with the text typed")
	}
}

// TestOpenUnitReadOnly: a unit's report opens from the board in a window
// of its own, read-only: its problems listed, nothing typed taken, no
// save.
func TestOpenUnitReadOnly(t *testing.T) {
	app, _, bv := reviewBoard(t)
	bv.Select("乙局")
	test.Tap(findButton(bv.Object(), "查看报告"))
	var viewer fyne.Window
	for _, w := range app.fyne.Driver().AllWindows() {
		if strings.Contains(w.Title(), "只读") {
			viewer = w
		}
	}
	if viewer == nil {
		t.Fatal("no read-only window")
	}
	defer viewer.Close()
	if markup := test.RenderToMarkup(viewer.Canvas()); !strings.Contains(markup, "问题：1 个错误") && !strings.Contains(markup, "个错误") {
		t.Error("the unit's problems are not shown")
	}
	d, err := importer.ImportFile(consolidate.FileOf(app.doc, bv.Rows()[1].UnitEntry), app.reg, importer.Hints{})
	if err != nil {
		t.Fatal(err)
	}
	ro := New(app.fyne, test.NewWindow(nil), Options{Registry: app.reg, RecoveryDir: t.TempDir()})
	ro.ShowReadOnly(d.Doc, "x.nianbao")
	if ro.doc.SetCell("t3.new.natural", "5") == nil || ro.doc.SetText("overview", "改") == nil || ro.doc.Save(filepath.Join(t.TempDir(), "y.nianbao")) == nil {
		t.Error("a read-only report took a change or a save")
	}
	ro.ed.nav.Select(partIndex(t, ro, "overview"))
	if v, ok := ro.ed.parts[ro.ed.current].view.(*textView); !ok || !v.entry.Disabled() {
		t.Error("the text of a read-only report can be typed into")
	}
}

// TestBoardBundle: the publication bundle is written off the UI goroutine
// and the editor says what it holds.
func TestBoardBundle(t *testing.T) {
	app, w, _ := reviewBoard(t)
	q := queueUI(t)
	app.reviewUnit(board.DoApprove, "甲局")
	dir := filepath.Join(t.TempDir(), "发布")
	app.WriteBundle(dir)
	waitFor(t, q, "the bundle", func() bool { return app.busy == nil })
	if _, err := os.Stat(filepath.Join(dir, "units", "甲局.html")); err != nil {
		t.Error(err)
	}
	if got := topText(w); !strings.Contains(got, "1 个单位的报告") || !strings.Contains(got, "乙局（尚未审核）") {
		t.Errorf("the editor says %q", got)
	}
}

// TestReadOnlyConsolidation: a 汇总 viewed read-only (a township's, from a
// county's board) takes no review, no files and no deadline.
func TestReadOnlyConsolidation(t *testing.T) {
	app, _, _ := reviewBoard(t)
	viewer := New(app.fyne, test.NewWindow(nil), Options{Registry: app.reg, RecoveryDir: t.TempDir()})
	viewer.ShowReadOnly(app.doc, "汇总.nianbao")
	before := app.doc.Report.Consolidation
	viewer.reviewUnit(board.DoApprove, "甲局")
	viewer.receive(nil, nil, true)
	viewer.editDeadlines()
	if app.doc.Report.Consolidation != before || viewer.dirty || before.Records["甲局"].Review != "" {
		t.Error("a read-only 汇总 changed")
	}
}

// TestBoardOutputMenu: the board's 输出 menu offers the chase list, the
// board and the bundle.
func TestBoardOutputMenu(t *testing.T) {
	_, w, bv := reviewBoard(t)
	test.Tap(findButton(bv.Object(), "输出"))
	markup := test.RenderToMarkup(w.Canvas())
	for _, want := range []string{"催报名单…", "导出报送情况…", "生成发布包…"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the menu lacks %s", want)
		}
	}
}
