package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// TestUndoByTypingBurst checks that Ctrl+Z in a text takes back one burst
// of typing at a time, as Word does: typing after a pause or after the end
// of a sentence, a deletion run and a paste are steps of their own; the
// text the section opened with is never taken back; Ctrl+Y redoes; the
// report follows every step.
func TestUndoByTypingBurst(t *testing.T) {
	app, w := newTestApp(t, "")
	app.OpenSample()
	part := partIndex(t, app, "problems")
	app.ed.nav.Select(part)
	tv := app.ed.parts[part].view.(*textView)
	opened := tv.entry.Text
	clock := time.Date(2026, 1, 10, 9, 0, 0, 0, time.Local)
	tv.entry.history.now = func() time.Time { return clock }
	w.Canvas().Focus(tv.entry)
	tv.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierShortcutDefault})
	typeSlowly := func(s string) {
		for _, r := range s {
			tv.entry.TypedRune(r)
			clock = clock.Add(200 * time.Millisecond)
		}
	}
	typeSlowly("一是培训不足。")
	typeSlowly("二是") // after the end of a sentence: a step of its own
	clock = clock.Add(5 * time.Minute)
	typeSlowly("宣传不够")                                         // minutes later: a step of its own
	tv.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace}) // a deletion: a step of its own
	tv.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent("宣传")
	tv.entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	full := opened + "一是培训不足。二是宣传宣传"
	if tv.entry.Text != full {
		t.Fatalf("typed text %q", tv.entry.Text)
	}
	steps := []string{
		opened + "一是培训不足。二是宣传",   // the paste
		opened + "一是培训不足。二是宣传不够", // the deletion run
		opened + "一是培训不足。二是",     // the burst minutes later
		opened + "一是培训不足。",       // the new sentence
		opened,                   // the first sentence
		opened,                   // nothing before what the section opened with
	}
	for i, want := range steps {
		app.undoAction()
		if tv.entry.Text != want {
			t.Fatalf("Ctrl+Z %d: %q, want %q", i+1, tv.entry.Text, want)
		}
		if got := app.doc.Report.Texts["problems"]; got != want {
			t.Fatalf("Ctrl+Z %d: the report holds %q", i+1, got)
		}
	}
	tv.entry.TypedShortcut(&fyne.ShortcutRedo{})
	if want := opened + "一是培训不足。"; tv.entry.Text != want {
		t.Errorf("Ctrl+Y: %q, want %q", tv.entry.Text, want)
	}
	test.Type(tv.entry, "x")
	tv.entry.TypedShortcut(&fyne.ShortcutRedo{})
	if want := opened + "一是培训不足。x"; tv.entry.Text != want {
		t.Errorf("Ctrl+Y after typing redid an old step: %q", tv.entry.Text)
	}
}

// TestTextMenuUndoesByBurst checks that the text's right-click menu offers
// the typing-burst undo, not the Entry's own.
func TestTextMenuUndoesByBurst(t *testing.T) {
	app, w := newTestApp(t, "")
	newReport(t, app)
	part := partIndex(t, app, "problems")
	app.ed.nav.Select(part)
	tv := app.ed.parts[part].view.(*textView)
	clock := time.Date(2026, 1, 10, 9, 0, 0, 0, time.Local)
	tv.entry.history.now = func() time.Time { return clock }
	w.Canvas().Focus(tv.entry)
	test.Type(tv.entry, "第一句。")
	clock = clock.Add(time.Minute)
	test.Type(tv.entry, "第二句")
	test.TapSecondary(tv.entry)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no menu")
	}
	menu := tv.entry.contextMenu()
	if menu.Items[0].Label != "撤销" {
		t.Fatalf("first item %q", menu.Items[0].Label)
	}
	menu.Items[0].Action()
	if tv.entry.Text != "第一句。" {
		t.Errorf("撤销 from the menu left %q", tv.entry.Text)
	}
}
