package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TestSaveIsOneStep checks that Ctrl+S on a new report asks in one 另存为
// step — the suggested name in a focused field, in 文档 the first time —
// that Enter saves, and that the next dialog starts in the folder used.
func TestSaveIsOneStep(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	docs := filepath.Join(home, "文档")
	if err := os.Mkdir(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	app, w := newTestApp(t, "")
	newReport(t, app)
	app.shortcut(shortcutSave)
	e, ok := w.Canvas().Focused().(*widget.Entry)
	if !ok || e.Text != "测试局2025年政府信息公开工作年度报告.nianbao" {
		t.Fatalf("the focus is on %T %v", w.Canvas().Focused(), w.Canvas().Focused())
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	want := filepath.Join(docs, e.Text)
	if app.doc.Path != want || app.Dirty() {
		t.Fatalf("saved to %q (dirty %v), want %q", app.doc.Path, app.Dirty(), want)
	}
	if _, err := os.Stat(want); err != nil {
		t.Fatal(err)
	}
	// The next report starts where the last one went.
	newReport(t, app)
	app.chooseSaveAs(nil)
	if e, ok := w.Canvas().Focused().(*widget.Entry); !ok {
		t.Fatal("no name field")
	} else {
		e.SetText("第二份")
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	if want := filepath.Join(docs, "第二份.nianbao"); app.doc.Path != want {
		t.Errorf("the second report went to %q, want %q", app.doc.Path, want)
	}
}
