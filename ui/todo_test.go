package ui

import (
	"fmt"
	"fyne.io/fyne/v2"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestBlanksAreWorkToDo checks that a new report's blank cells are shown
// as 待填 progress, not as red errors: grey navigation counts, 已填 n/175
// over 表三, white cells, a 待填 group at the end of the problems panel;
// an error typed in stays red and comes first. The engine still counts
// the blanks as errors (check and export need them filled).
func TestBlanksAreWorkToDo(t *testing.T) {
	app, _ := newTestApp(t, "")
	newReport(t, app)
	if n := app.result.Errors(); n < 150 {
		t.Fatalf("the engine counts %d errors in a new report, want every blank", n)
	}
	requests := partIndex(t, app, "requests")
	if text, imp := app.ed.badge(requests); !strings.HasPrefix(text, "待填 ") || imp != widget.LowImportance {
		t.Errorf("表三 badge %q %v, want a grey 待填 count", text, imp)
	}
	head := app.ed.probHead.Text
	if !strings.HasPrefix(head, "待填 ") || strings.Contains(head, "个错误") {
		t.Errorf("problems head %q", head)
	}
	if s := app.ed.status.Text; !strings.Contains(s, "待填 ") || strings.Contains(s, "错误 ") {
		t.Errorf("status %q", s)
	}
	v := openTable(t, app, "requests")
	if got := v.progress.Text; got != "已填 0/144" {
		t.Errorf("表三 progress %q", got)
	}
	if strings.Contains(test.RenderObjectToMarkup(v.sheet), "fillColor=\"rgba(253,226,225,255)") {
		t.Error("a blank cell is drawn red")
	}
	if _, text, group := app.ed.problemRow(0); !group || !strings.HasPrefix(text, "待填") {
		t.Errorf("first row of the panel %q, want the 待填 group", text)
	}

	// Filling in counts; a column that does not balance is an error, red,
	// listed first.
	var column []string
	for i, c := range app.doc.Entry.Format.Cells() {
		if c.Table == v.table && inputCell(app.doc, i) && strings.HasSuffix(c.ID, ".natural") {
			column = append(column, c.ID)
		}
	}
	app.setCells(column, "0")
	app.setCells([]string{"t3.new.natural"}, "5")
	if got, want := v.progress.Text, fmt.Sprintf("已填 %d/144", len(column)); got != want {
		t.Errorf("progress after one column: %q, want %q", got, want)
	}
	if text, imp := app.ed.badge(requests); text != "1" || imp != widget.DangerImportance {
		t.Errorf("表三 badge with an error: %q %v", text, imp)
	}
	if _, text, group := app.ed.problemRow(0); group || !strings.Contains(text, "自然人") {
		t.Errorf("first row of the panel %q, want the error", text)
	}
	if head := app.ed.probHead.Text; !strings.Contains(head, "1 个错误") || !strings.Contains(head, "待填 ") {
		t.Errorf("problems head %q", head)
	}
	if !strings.Contains(test.RenderObjectToMarkup(v.sheet), "fillColor=\"rgba(253,226,225,255)") {
		t.Error("the cell in error is not drawn red")
	}
}

// TestFunctionKeys checks that F1 opens the user guide and F7 the check's
// summary, from a table cell, from a text and with nothing focused, and
// that the check counts blanks as errors, as the command line does.
func TestFunctionKeys(t *testing.T) {
	app, w := newTestApp(t, "")
	newReport(t, app)
	windows := func() int { return len(fyne.CurrentApp().Driver().AllWindows()) }
	n := windows()
	v := openTable(t, app, "requests")
	v.sheet.Focus("t3.new.natural")
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	if windows() != n+1 || app.guide == nil || app.guide.Title() != "用户指南" {
		t.Fatalf("F1 in a cell: %d windows, guide %v", windows(), app.guide)
	}
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	if windows() != n+1 {
		t.Error("a second F1 opened a second guide")
	}
	app.guide.Close()

	app.ed.nav.Select(partIndex(t, app, "overview"))
	tv := app.ed.parts[partIndex(t, app, "overview")].view.(*textView)
	w.Canvas().Focus(tv.entry)
	tv.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF7})
	if tv.entry.Text != "" {
		t.Errorf("F7 typed into the text: %q", tv.entry.Text)
	}
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("F7 in a text showed nothing")
	}
	if m := test.RenderObjectToMarkup(top); !strings.Contains(m, "错误 169 个（其中未填写 169 项）") {
		t.Errorf("F7 summary: %s", m)
	}
	w.Canvas().Overlays().Remove(top)

	w.Canvas().Unfocus()
	w.Canvas().(interface {
		OnTypedKey() func(*fyne.KeyEvent)
	}).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF1})
	if app.guide == nil {
		t.Error("F1 with nothing focused opened no guide")
	}
}
