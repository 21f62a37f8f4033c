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
	var pasted []string
	for _, a := range rec.pasted {
		pasted = append(pasted, a.ID+"="+a.Text)
	}
	if len(pasted) != 4 || pasted[3] != "t3.carried.business=7" {
		t.Errorf("one value pasted over the block gave %q", pasted)
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
	// Moving up to the top value row brings it out from under the header.
	s.Focus("t3.carried.natural")
	s.Focus("t3.new.natural")
	cell := s.Cell("t3.new.natural").(fyne.CanvasObject)
	if cell.Position().Y < scroll.Offset.Y+headerBottom(s) {
		t.Errorf("the focused top row at y=%v is under the header (offset %v)", cell.Position().Y, scroll.Offset.Y)
	}
}

// headerBottom is where the first value row of the sheet begins.
func headerBottom(s *sheet.Sheet) float32 {
	return s.Cell("t3.new.natural").(fyne.CanvasObject).Position().Y
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
