package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Undo in a text section works as in Word: each Ctrl+Z takes back one
// burst of typing — what was typed without a pause, up to the end of a
// sentence — or one deletion run, paste or cut, never the text as it was
// when the section opened. Fyne's Entry merges all typing since the cursor
// last moved into one step, however long ago it began.

// burstGap is the pause after which typing starts a new undo step.
const burstGap = time.Second

// maxUndoSteps bounds the steps a text keeps.
const maxUndoSteps = 500

// editKind is what an edit does, for grouping edits into undo steps.
type editKind uint8

const (
	noEdit editKind = iota
	typing
	deleting
	pasting // a paste or a cut: always a step of its own
)

// textState is a text and its cursor.
type textState struct {
	text     string
	row, col int
}

// typingUndo is the undo history of a textEntry.
type typingUndo struct {
	undo, redo []textState
	lastKind   editKind
	lastRune   rune      // the last character typed
	lastTime   time.Time // of the last edit
	lastCursor [2]int    // where the last edit left the cursor
	now        func() time.Time
}

func (e *textEntry) state() textState {
	return textState{e.Text, e.CursorRow, e.CursorColumn}
}

// edit runs do, an edit of the given kind (r is the character typed), and
// records the text before it as an undo step when it begins a new burst.
func (e *textEntry) edit(kind editKind, r rune, do func()) {
	h := &e.history
	now := time.Now
	if h.now != nil {
		now = h.now
	}
	before := e.state()
	t := now()
	newStep := kind != h.lastKind || kind == pasting ||
		t.Sub(h.lastTime) > burstGap ||
		[2]int{before.row, before.col} != h.lastCursor ||
		(kind == typing && strings.ContainsRune("。！？；\n", h.lastRune))
	do()
	if e.Text == before.text {
		return // nothing changed: a Backspace at the start, say
	}
	if newStep {
		h.undo = append(h.undo, before)
		if len(h.undo) > maxUndoSteps {
			h.undo = h.undo[len(h.undo)-maxUndoSteps:]
		}
	}
	h.redo = nil
	h.lastKind, h.lastRune, h.lastTime = kind, r, t
	h.lastCursor = [2]int{e.CursorRow, e.CursorColumn}
}

// Undo takes back the last step.
func (e *textEntry) Undo() { e.restore(&e.history.undo, &e.history.redo) }

// Redo makes the last step taken back again.
func (e *textEntry) Redo() { e.restore(&e.history.redo, &e.history.undo) }

// restore moves the text to the state on top of from, keeping the present
// one on to; the next edit begins a new step.
func (e *textEntry) restore(from, to *[]textState) {
	if len(*from) == 0 {
		return
	}
	s := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, e.state())
	e.SetText(s.text)
	e.CursorRow, e.CursorColumn = s.row, s.col
	e.Refresh()
	e.history.lastKind = noEdit
}

// TypedRune types r as one character of the current burst.
func (e *textEntry) TypedRune(r rune) {
	e.edit(typing, r, func() { e.Entry.TypedRune(r) })
}

// undoShortcut handles the shortcuts that edit through the history: undo,
// redo, paste and cut. It returns whether s was one of them.
func (e *textEntry) undoShortcut(s fyne.Shortcut) bool {
	switch s.(type) {
	case *fyne.ShortcutUndo:
		e.Undo()
	case *fyne.ShortcutRedo:
		e.Redo()
	case *fyne.ShortcutPaste, *fyne.ShortcutCut:
		e.edit(pasting, 0, func() { e.Entry.TypedShortcut(s) })
	default:
		return false
	}
	return true
}

// typedEditKey runs the keys that change the text through the history and
// returns whether ev was one of them.
func (e *textEntry) typedEditKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyBackspace, fyne.KeyDelete:
		e.edit(deleting, 0, func() { e.Entry.TypedKey(ev) })
	case fyne.KeyReturn, fyne.KeyEnter:
		e.edit(typing, '\n', func() { e.Entry.TypedKey(ev) })
	default:
		return false
	}
	return true
}

// TappedSecondary opens the text's right-click menu with the history's
// undo and redo (Fyne's Entry would offer its own, which keep no bursts)
// and cut, copy, paste and select all.
func (e *textEntry) TappedSecondary(pe *fyne.PointEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	c.Focus(e)
	widget.ShowPopUpMenuAtPosition(e.contextMenu(), c, pe.AbsolutePosition)
}

// contextMenu is the right-click menu of the text.
func (e *textEntry) contextMenu() *fyne.Menu {
	cb := fyne.CurrentApp().Clipboard()
	var items []*fyne.MenuItem
	if len(e.history.undo) > 0 {
		items = append(items, fyne.NewMenuItem(lang.L("Undo"), e.Undo))
	}
	if len(e.history.redo) > 0 {
		items = append(items, fyne.NewMenuItem(lang.L("Redo"), e.Redo))
	}
	if len(items) > 0 {
		items = append(items, fyne.NewMenuItemSeparator())
	}
	for _, it := range []struct {
		label string
		sc    fyne.Shortcut
	}{
		{"Cut", &fyne.ShortcutCut{Clipboard: cb}},
		{"Copy", &fyne.ShortcutCopy{Clipboard: cb}},
		{"Paste", &fyne.ShortcutPaste{Clipboard: cb}},
		{"Select all", &fyne.ShortcutSelectAll{}},
	} {
		items = append(items, fyne.NewMenuItem(lang.L(it.label), func() { e.TypedShortcut(it.sc) }))
	}
	return fyne.NewMenu("", items...)
}
