package ui

import (
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/export/exporttest"
)

// labelTexts are the texts of the labels under o, as drawn.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			out = append(out, l.Text)
		}
	})
	return out
}

// figuresPart shows the 图解's part and returns its view.
func figuresPart(t *testing.T, app *App) figuresView {
	t.Helper()
	for i, p := range app.ed.parts {
		if p.special == partFigures {
			app.ed.nav.Select(i)
			return app.ed.parts[i].view.(figuresView)
		}
	}
	t.Fatal("no 图解 in the navigation")
	return figuresView{}
}

// TestTableChart: 表三 offers a chart of the outcomes beside the table;
// it follows what is typed, and hides again.
func TestTableChart(t *testing.T) {
	app, w := newTestApp(t, "")
	app.OpenSample()
	v := openTable(t, app, "requests")
	if v.chart == nil || v.chartButton == nil {
		t.Fatal("表三 has no chart")
	}
	if openTable(t, app, "proactive").chart != nil {
		t.Error("表二 has a chart of no bars")
	}
	v = openTable(t, app, "requests")
	test.Tap(v.chartButton)
	texts := labelTexts(v.root)
	for _, want := range []string{"申请办理结果", "予以公开", "11件  45.8%", "6件  25.0%"} {
		if !slices.Contains(texts, want) {
			t.Errorf("no %q in the chart: %q", want, texts)
		}
	}
	v.sheet.Focus("t3.open.natural")
	test.Type(w.Canvas().Focused(), "0") // 9 → 0: 予以公开 2 of 15
	v.sheet.Focus("t3.open.business")
	if texts := labelTexts(v.root); !slices.Contains(texts, "2件  13.3%") {
		t.Errorf("the chart did not follow the table: %q", texts)
	}
	test.Tap(v.chartButton)
	if texts := labelTexts(v.root); slices.Contains(texts, "申请办理结果") {
		t.Error("the chart is still shown")
	}
}

// TestFiguresRoom: the 图解's room shows every figure, with last year's
// and the change once last year's report is linked.
func TestFiguresRoom(t *testing.T) {
	app, w := newTestApp(t, "")
	last := filepath.Join(t.TempDir(), "2025.nianbao")
	if err := exporttest.Sample(t).Save(last); err != nil {
		t.Fatal(err)
	}
	app.OpenSample()
	v := figuresPart(t, app)
	texts := labelTexts(v.Object())
	for _, want := range []string{"新收申请", "26件", "11件  45.8%", "诉讼总数"} {
		if !slices.Contains(texts, want) {
			t.Errorf("no %q in the room: %q", want, texts)
		}
	}
	if slices.Contains(texts, "上年") {
		t.Error("last year's column without last year's report")
	}
	// An edit elsewhere shows when the room is shown again.
	tv := openTable(t, app, "requests")
	tv.sheet.Focus("t3.new.natural")
	test.Type(w.Canvas().Focused(), "30") // 21 → 30: 新收 35
	v = figuresPart(t, app)
	if texts := labelTexts(v.Object()); !slices.Contains(texts, "35件") {
		t.Errorf("the room did not follow an edit made elsewhere: %q", texts)
	}
	app.doc.SetCell("t3.new.natural", "21")
	// The same report as last year's, one figure changed.
	app.doc.Report.Year = 2026
	if err := app.doc.LinkPrev(last); err != nil {
		t.Fatal(err)
	}
	app.doc.SetCell("t4.review.upheld", "0") // 2 → 1
	app.changed()
	texts = labelTexts(v.Object())
	for _, want := range []string{"上年", "▼ 50%", "持平"} {
		if !slices.Contains(texts, want) {
			t.Errorf("no %q in the room with last year's: %q", want, texts)
		}
	}
}
