package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/consolidate/consolidatetest"
	"nianbao/forms/registry"
	"nianbao/forms/report"
)

// TestBoardRepeats: 文字雷同检查 under the board compares the units'
// texts off the UI goroutine and lists the pair whose texts are the same,
// in a dialog within a 1024×700 window; a row selected shows its
// sentences in full.
func TestBoardRepeats(t *testing.T) {
	app, w := newTestApp(t, "")
	w.Resize(fyne.NewSize(1024, 700))
	q := queueUI(t)
	dir := t.TempDir()
	saved := time.Date(2026, 1, 20, 9, 0, 0, 0, time.Local)
	consolidatetest.Unit(t, dir, "甲局.nianbao", "甲局", "department", saved) // the sample's texts, both
	consolidatetest.Unit(t, dir, "乙局.nianbao", "乙局", "department", saved)
	own := consolidatetest.Unit(t, dir, "丙局.nianbao", "丙局", "department", saved)
	r, err := report.Load(own, registry.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	r.Texts = map[string]string{
		"overview": "丙局坚持预算公开常态化，县级部门预决算在批复后二十日内全部公开到位。今年新增政府债务信息专栏，按月更新举借、使用和偿还情况。",
		"problems": "当前信息公开的主要不足在于专业术语多，普通群众理解起来比较困难。下一步将编写通俗读本，在公开表格的同时附上简明说明。",
		"other":    "丙局本年度没有收取信息处理费，也没有其他需要向社会报告的事项，特此说明。",
	}
	if err := r.Save(own); err != nil {
		t.Fatal(err)
	}
	if err := app.NewConsolidation("青溪县人民政府", 2025); err != nil {
		t.Fatal(err)
	}
	app.ed.nav.Select(0)
	app.dropped([]fyne.URI{storage.NewFileURI(dir)})
	waitFor(t, q, "the consolidation", func() bool { return len(app.doc.Report.Consolidation.Units) == 3 })

	bv := app.ed.parts[0].view.(boardView)
	button := findButton(bv.object(), "文字雷同检查")
	if button == nil {
		t.Fatal("the board has no 文字雷同检查")
	}
	test.Tap(button)
	if app.busy == nil {
		t.Fatal("the check does not run in the background")
	}
	waitFor(t, q, "the check", func() bool { return app.busy == nil })
	var table *widget.Table
	var detail *widget.Label
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Table:
			table = x
		case *widget.Label:
			if strings.HasPrefix(x.Text, "选中一行") {
				detail = x
			}
		}
	})
	if table == nil || detail == nil {
		t.Fatal("no dialog with the repeats' table")
	}
	if rows, cols := table.Length(); rows != 3 || cols != 5 {
		t.Errorf("table of %d×%d, want the three sections of 甲局 and 乙局", rows, cols)
	}
	markup := test.RenderToMarkup(w.Canvas())
	for _, want := range []string{"发现 3 处相互雷同", "单位甲", "重复的句子", "乙局", "甲局", "100%"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the dialog lacks %q", want)
		}
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(table)
	if end := pos.Add(table.Size()); pos.X < 0 || pos.Y < 0 || end.X > 1024 || end.Y > 700 {
		t.Errorf("the table spans %v to %v, beyond the window", pos, end)
	}
	table.Select(widget.TableCellID{Row: 1, Col: 4})
	markup = test.RenderToMarkup(w.Canvas())
	if !strings.Contains(detail.Text, "“乙局”与“甲局”的“五、存在的主要问题及改进情况”：100% 的文字相同") ||
		!strings.Contains(detail.Text, "二是依申请公开答复文书的说理还不够充分") || !strings.Contains(markup, "“乙局”与“甲局”的") {
		t.Errorf("the sentences of the row selected:\n%s", detail.Text)
	}
}

// walk calls f on o and every object under it, through the renderers the
// canvas uses (test.LaidOutObjects makes renderers of its own, which the
// widgets' later changes do not reach).
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, f)
		}
	}
}
