package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// textEntry is the multi-line entry of a text section, with the keys Word
// users expect that Fyne's Entry lacks: Ctrl+Home and Ctrl+End go to the
// start and end of the whole text, and Ctrl+Z takes back one burst of
// typing at a time (textundo.go).
type textEntry struct {
	widget.Entry
	history typingUndo
	// onKey is offered every key first (the editor's F1, F7), onShortcut
	// the shortcuts the Entry does not know (zoom); each returns whether it
	// used what it was offered.
	onKey      func(fyne.KeyName) bool
	onShortcut func(fyne.Shortcut) bool
}

// TypedKey offers the key to onKey, then to the Entry.
func (e *textEntry) TypedKey(ev *fyne.KeyEvent) {
	if (e.onKey != nil && e.onKey(ev.Name)) || e.typedEditKey(ev) {
		return
	}
	e.Entry.TypedKey(ev)
}

func newTextEntry() *textEntry {
	e := &textEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut handles Ctrl+Home and Ctrl+End, and passes the rest on.
func (e *textEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierShortcutDefault {
		switch cs.KeyName {
		case fyne.KeyHome:
			e.moveToEdge(fyne.KeyUp, fyne.KeyHome)
			return
		case fyne.KeyEnd:
			e.moveToEdge(fyne.KeyDown, fyne.KeyEnd)
			return
		}
	}
	if e.undoShortcut(s) || (e.onShortcut != nil && e.onShortcut(s)) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// moveToEdge moves the cursor by the key step until its row stops changing,
// then by the key last: to the first or last character of the text, through
// the Entry's own keys so that wrapped lines count as it counts them.
func (e *textEntry) moveToEdge(step, last fyne.KeyName) {
	for range len(e.Text) + 1 { // no more rows than characters
		row := e.CursorRow
		e.TypedKey(&fyne.KeyEvent{Name: step})
		if e.CursorRow == row {
			break
		}
	}
	e.TypedKey(&fyne.KeyEvent{Name: last})
}
