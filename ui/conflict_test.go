package ui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/filelock"
)

// topButton returns the button labelled label in the top overlay (dialog).
func topButton(t *testing.T, w fyne.Window, label string) *widget.Button {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog; looking for %q", label)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			return b
		}
	}
	t.Fatalf("no button %q in:\n%s", label, test.RenderObjectToMarkup(top))
	return nil
}

func topText(w fyne.Window) string {
	if top := w.Canvas().Overlays().Top(); top != nil {
		return test.RenderObjectToMarkup(top)
	}
	return ""
}

// TestSaveOverChangedFile checks that a report changed on disk by another
// program is not overwritten: the clerk may reload it or save elsewhere.
func TestSaveOverChangedFile(t *testing.T) {
	path := t.TempDir() + "/r.nianbao"
	os.WriteFile(path, mustSample(t), 0o644)
	app, w := newTestApp(t, "")
	app.Open(path)
	v := openTable(t, app, "appeals")
	v.sheet.Focus("t4.review.upheld")
	test.Type(w.Canvas().Focused(), "9")
	key(w, fyne.KeyReturn)
	other := string(mustSample(t)) + "\n"
	os.WriteFile(path, []byte(other), 0o644)
	app.Save(nil)
	if !strings.Contains(topText(w), "已被其他程序修改") || !app.Dirty() {
		t.Fatalf("dirty %v, dialog:\n%s", app.Dirty(), topText(w))
	}
	if got, _ := os.ReadFile(path); string(got) != other {
		t.Fatal("the other program's version was overwritten")
	}
	topButton(t, w, T("ui.conflict.saveElsewhere")) // offered
	test.Tap(topButton(t, w, T("ui.conflict.reload")))
	if app.Dirty() || value(app, "t4.review.upheld") != "1" || topText(w) != "" {
		t.Errorf("after reloading: dirty %v, value %s, dialog:\n%s", app.Dirty(), value(app, "t4.review.upheld"), topText(w))
	}
	app.doc.SetCell("t4.review.upheld", "2")
	app.changed()
	if !app.SaveAs(path) {
		t.Errorf("saving the reloaded report failed:\n%s", topText(w))
	}
}

// TestOpenHeldFile checks that a report another program is editing opens
// for viewing, with a message, and can only be saved elsewhere.
func TestOpenHeldFile(t *testing.T) {
	path := t.TempDir() + "/r.nianbao"
	os.WriteFile(path, mustSample(t), 0o644)
	lock, err := filelock.Acquire(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	app, w := newTestApp(t, "")
	app.Open(path)
	if app.doc == nil || !strings.Contains(topText(w), "正在另一个年报助手窗口或程序中编辑") {
		t.Fatalf("opening a held report:\n%s", topText(w))
	}
	test.Tap(topButton(t, w, T("OK")))
	app.doc.SetCell("t4.review.upheld", "2")
	app.changed()
	if app.SaveAs(path) || !strings.Contains(topText(w), "正在被另一个程序") {
		t.Fatalf("saving over a held report:\n%s", topText(w))
	}
	topButton(t, w, T("ui.conflict.saveElsewhere"))
	if strings.Contains(topText(w), T("ui.conflict.reload")) {
		t.Error("reloading offered for a file that did not change")
	}
	if got, _ := os.ReadFile(path); string(got) != string(mustSample(t)) {
		t.Error("the held file was written")
	}
}
