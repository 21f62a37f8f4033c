package sheet_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nianbao/ui/sheet"
)

// withShift holds Shift down for the rest of the test.
func withShift(t *testing.T) {
	sheet.Modifiers = func() fyne.KeyModifier { return fyne.KeyModifierShift }
	t.Cleanup(func() { sheet.Modifiers = func() fyne.KeyModifier { return 0 } })
}

// TestShiftArrowsSelectABlock checks that Shift with the arrow keys
// stretches a block that Ctrl+C copies as tab-separated text for Excel and
// WPS, that Delete, Ctrl+X and a pasted single value act on the whole block,
// and that a plain arrow key ends the block.
func TestShiftArrowsSelectABlock(t *testing.T) {
	s, rec, w := newSheet(t, "2021", "t3")
	s.Update(map[string]sheet.CellView{
		"t3.new.natural": {Text: "1"}, "t3.new.business": {Text: "2"},
		"t3.carried.natural": {Text: "/"}, "t3.carried.business": {Text: ""},
	})
	s.Focus("t3.new.natural")
	withShift(t)
	key(w.Canvas().Focused(), fyne.KeyRight)
	key(w.Canvas().Focused(), fyne.KeyDown)
	want := []string{"t3.new.natural", "t3.new.business", "t3.carried.natural", "t3.carried.business"}
	if got := s.Selection(); !slices.Equal(got, want) {
		t.Fatalf("Shift+→ Shift+↓ selected %q, want %q", got, want)
	}
	if got := s.FocusedID(); got != "t3.carried.business" {
		t.Errorf("the cursor is at %q", got)
	}
	cb := fyne.CurrentApp().Clipboard()
	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if got := cb.Content(); got != "1\t2\n/\t" {
		t.Errorf("Ctrl+C copied %q", got)
	}
	if rows := sheet.ParseBlock(cb.Content()); len(rows) != 2 || !slices.Equal(rows[0], []string{"1", "2"}) {
		t.Errorf("the copied block reads back as %q", rows)
	}

	key(w.Canvas().Focused(), fyne.KeyDelete)
	if got := strings.Join(rec.fills, ";"); got != strings.Join(want, ",")+"=" {
		t.Errorf("Delete over the block filled %q", got)
	}
	cb.SetContent("7")
	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if got := rec.fills[len(rec.fills)-1]; got != strings.Join(want, ",")+"=7" {
		t.Errorf("one value pasted over the block filled %q", got)
	}

	sheet.Modifiers = func() fyne.KeyModifier { return 0 }
	key(w.Canvas().Focused(), fyne.KeyRight)
	if got := s.Selection(); !slices.Equal(got, []string{"t3.carried.research"}) {
		t.Errorf("after a plain → the selection is %q", got)
	}
}

// TestBlockFillPassesOverTotals checks that filling a block that holds a
// total passes the total over.
func TestBlockFillPassesOverTotals(t *testing.T) {
	s, rec, w := newSheet(t, "2021", "t3")
	s.Focus("t3.new.otherorg")
	withShift(t)
	key(w.Canvas().Focused(), fyne.KeyRight) // onto 总计, a total
	s.Fill("0")
	if got := strings.Join(rec.fills, ";"); got != "t3.new.otherorg=0" {
		t.Errorf("filling a block with a total gave %q", got)
	}
}

// TestDragSelectsAndRightClickKeepsTheBlock checks that a mouse drag selects
// the cells it passes over and that a right click inside the block opens the
// menu without losing the block, while one outside selects the clicked cell.
func TestDragSelectsAndRightClickKeepsTheBlock(t *testing.T) {
	s, rec, _ := newSheet(t, "2021", "t3")
	from := s.Cell("t3.new.natural").(fyne.CanvasObject)
	// As the desktop driver sends them: to the cell where the drag began,
	// with the pointer's position relative to that cell.
	drag := from.(fyne.Draggable)
	for _, via := range []string{"t3.new.business", "t3.carried.research"} {
		p := s.Cell(via).(fyne.CanvasObject).Position().Add(fyne.NewPos(5, 5)).Subtract(from.Position())
		drag.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}})
	}
	drag.DragEnd()
	if got := s.Selection(); len(got) != 6 || got[0] != "t3.new.natural" || got[5] != "t3.carried.research" {
		t.Fatalf("dragging selected %q", got)
	}
	test.TapSecondary(s.Cell("t3.new.business").(fyne.SecondaryTappable))
	if rec.menus != 1 || len(s.Selection()) != 6 {
		t.Errorf("a right click in the block: %d menus, selection %q", rec.menus, s.Selection())
	}
	test.TapSecondary(s.Cell("t3.open.natural").(fyne.SecondaryTappable))
	if rec.menus != 2 || !slices.Equal(s.Selection(), []string{"t3.open.natural"}) {
		t.Errorf("a right click outside the block: %d menus, selection %q", rec.menus, s.Selection())
	}
}

// TestHeaderAndRowLabelsStayInView checks that the header rows and the row
// labels stay at the top and left of a small view as the values scroll, and
// that a cell moved to from below is not left under the header.
func TestHeaderAndRowLabelsStayInView(t *testing.T) {
	s, _, w := newSheet(t, "2021", "t3")
	w.Resize(fyne.NewSize(500, 300))
	scroll := s.Scroll()
	scroll.ScrollToOffset(fyne.NewPos(120, 200))
	scroll.OnScrolled(scroll.Offset)
	markup := test.RenderObjectToMarkup(s)
	for _, label := range []string{"自然人", "一、本年新收"} {
		pos, ok := textPosition(markup, label)
		if !ok {
			t.Fatalf("no %q in the sheet", label)
		}
		switch label {
		case "自然人": // a column header: moved down with the scroll
			if pos.Y < scroll.Offset.Y {
				t.Errorf("the header %q is at y=%v, above the view at %v", label, pos.Y, scroll.Offset.Y)
			}
		default: // a row label: moved right with the scroll
			if pos.X < scroll.Offset.X {
				t.Errorf("the row label %q is at x=%v, left of the view at %v", label, pos.X, scroll.Offset.X)
			}
		}
	}
	// Moving up to a row scrolled under the header brings it out from under
	// the header, not merely to the top of the view.
	header := s.Cell("t3.new.natural").(fyne.CanvasObject).Position().Y // the header's height
	cell := s.Cell("t3.deny.safety.natural").(fyne.CanvasObject)
	scroll.ScrollToOffset(fyne.NewPos(0, cell.Position().Y-header/2)) // the cell is under the header now
	s.Focus("t3.deny.safety.natural")
	if y := cell.Position().Y - scroll.Offset.Y; y < header {
		t.Errorf("the focused cell is %v below the view's top, under the %v high header", y, header)
	}
}

// textPosition finds a text object's position in a markup rendering.
func textPosition(markup, text string) (fyne.Position, bool) {
	i := strings.Index(markup, ">"+text)
	if i < 0 {
		return fyne.Position{}, false
	}
	start := strings.LastIndex(markup[:i], "<text")
	var x, y float32
	tag := markup[start:i]
	if p := strings.Index(tag, `pos="`); p >= 0 {
		_, _ = fmt.Sscanf(tag[p+5:], "%f,%f", &x, &y)
	}
	return fyne.NewPos(x, y), true
}

// TestPlainClickEndsTheBlock checks that a click without Shift — also on
// the focused cell, which Fyne does not focus again — leaves that cell
// alone selected, so that a Delete then clears one cell, not the old block;
// and that Shift+click stretches the block to the clicked cell.
func TestPlainClickEndsTheBlock(t *testing.T) {
	s, rec, w := newSheet(t, "2021", "t3")
	s.Focus("t3.new.natural")
	withShift(t)
	key(w.Canvas().Focused(), fyne.KeyRight)
	key(w.Canvas().Focused(), fyne.KeyDown)
	test.Tap(s.Cell("t3.open.research").(fyne.Tappable)) // Shift+click
	if got := s.Selection(); len(got) != 9 || got[8] != "t3.open.research" {
		t.Fatalf("Shift+click stretched the block to %q", got)
	}
	sheet.Modifiers = func() fyne.KeyModifier { return 0 }
	test.Tap(s.Cell("t3.open.research").(fyne.Tappable)) // the focused cell, plainly
	if got := s.Selection(); !slices.Equal(got, []string{"t3.open.research"}) {
		t.Fatalf("a plain click on the focused cell left %q selected", got)
	}
	key(w.Canvas().Focused(), fyne.KeyDelete)
	if len(rec.fills) != 0 || rec.edits[len(rec.edits)-1] != "t3.open.research=" {
		t.Errorf("Delete after the click: fills %q, edits %q", rec.fills, rec.edits)
	}
}

// TestPasteOverBlockPassesOverTotals checks that one value pasted over a
// block that holds a total does not go into the total.
func TestPasteOverBlockPassesOverTotals(t *testing.T) {
	s, rec, w := newSheet(t, "2021", "t3")
	s.Focus("t3.new.otherorg")
	withShift(t)
	key(w.Canvas().Focused(), fyne.KeyRight) // onto 总计
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent("7")
	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if len(rec.pasted) != 0 || strings.Join(rec.fills, ";") != "t3.new.otherorg=7" {
		t.Errorf("pasted %v, filled %q", rec.pasted, rec.fills)
	}
}
