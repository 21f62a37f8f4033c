package sheet

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/format"
)

// valueCell is one value cell: it shows its CellView and, while the clerk
// types, the typed text. Keys work as in a spreadsheet: typing replaces the
// value, Enter and the arrow keys commit and move, Tab goes to the next cell
// that takes input, Esc abandons the edit, Delete clears, F2 edits the value;
// Shift with an arrow key or a click, or a drag, selects a block.
type valueCell struct {
	widget.BaseWidget
	sheet *Sheet
	id    string
	gc    format.GridCell
	view  CellView

	focused  bool
	selected bool // in a selected block
	editing  bool
	buffer   string // the text being typed
	original string // the value when editing began
	editErr  bool   // the buffer is not a valid value
}

var (
	_ fyne.Focusable         = (*valueCell)(nil)
	_ fyne.Tabbable          = (*valueCell)(nil)
	_ fyne.Shortcutable      = (*valueCell)(nil)
	_ fyne.Tappable          = (*valueCell)(nil)
	_ fyne.DoubleTappable    = (*valueCell)(nil)
	_ fyne.SecondaryTappable = (*valueCell)(nil)
	_ fyne.Draggable         = (*valueCell)(nil)
	_ desktop.Hoverable      = (*valueCell)(nil)
)

func newValueCell(s *Sheet, gc format.GridCell) *valueCell {
	c := &valueCell{sheet: s, id: gc.CellID, gc: gc}
	c.ExtendBaseWidget(c)
	return c
}

// text is what the cell shows now.
func (c *valueCell) text() string {
	if c.editing {
		return c.buffer
	}
	return c.view.Text
}

func (c *valueCell) FocusGained() {
	c.focused = true
	c.sheet.focusChanged(c)
	c.Refresh()
}

// FocusLost commits a valid edit. An invalid one stays open, with its error
// showing, until corrected or abandoned: focus also goes when the clerk
// switches windows or clicks the navigation, and typed text must survive.
func (c *valueCell) FocusLost() {
	c.focused = false
	c.commit()
	c.Refresh()
}

func (c *valueCell) AcceptsTab() bool { return true }

func (c *valueCell) TypedRune(r rune) {
	c.sheet.collapse()
	if !c.editing {
		c.begin("")
	}
	c.buffer += string(r)
	c.live()
}

// begin starts editing with text as the typed text.
func (c *valueCell) begin(text string) {
	c.editing, c.original, c.buffer = true, c.view.Text, text
}

// live hands the typed text to the sheet's owner as it is typed.
func (c *valueCell) live() {
	c.editErr = false
	if c.sheet.OnEdit != nil && c.sheet.OnEdit(c.id, c.buffer) != nil {
		c.editErr = true
	}
	c.Refresh()
}

// commit ends an edit; it fails, keeping the edit open, while the typed
// text is invalid.
func (c *valueCell) commit() bool {
	if !c.editing {
		return true
	}
	if c.editErr {
		return false
	}
	c.editing = false
	if c.buffer != c.original && c.sheet.OnCommit != nil {
		c.sheet.OnCommit(c.id)
	}
	c.Refresh()
	return true
}

// abandon ends an edit; the sheet's owner restores the cell.
func (c *valueCell) abandon() {
	if !c.editing {
		return
	}
	c.editing, c.editErr = false, false
	if c.sheet.OnAbandon != nil {
		c.sheet.OnAbandon(c.id)
	}
	c.Refresh()
}

// Modifiers returns the modifier keys held down; tests replace it, as
// Fyne's test driver does not track keys.
var Modifiers = func() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

func shifted() bool { return Modifiers()&fyne.KeyModifierShift != 0 }

func (c *valueCell) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if c.commit() {
			if shifted() {
				c.sheet.move(c, up)
			} else {
				c.sheet.move(c, down)
			}
		}
	case fyne.KeyTab:
		if c.commit() {
			if shifted() {
				c.sheet.move(c, prev)
			} else {
				c.sheet.move(c, next)
			}
		}
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight:
		d := map[fyne.KeyName]direction{fyne.KeyUp: up, fyne.KeyDown: down, fyne.KeyLeft: left, fyne.KeyRight: right}[ev.Name]
		switch {
		case !c.commit():
		case shifted():
			c.sheet.extendTo(c.sheet.neighbour(c, d))
		default:
			c.sheet.move(c, d)
		}
	case fyne.KeyEscape:
		c.abandon()
	case fyne.KeyF2:
		if !c.editing {
			c.begin(c.view.Text)
			c.Refresh()
		}
	case fyne.KeyDelete:
		if _, block := c.sheet.selectionArea(); block && !c.editing {
			c.sheet.Fill("")
		} else if !c.editing {
			c.begin("")
			c.live()
			c.commit()
		}
	case fyne.KeyBackspace:
		if !c.editing {
			c.begin(c.view.Text)
		}
		if r := []rune(c.buffer); len(r) > 0 {
			c.buffer = string(r[:len(r)-1])
		}
		c.live()
	default:
		if c.sheet.OnKey != nil {
			c.sheet.OnKey(ev.Name)
		}
	}
}

func (c *valueCell) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutPaste:
		c.sheet.Paste(sc.Clipboard)
	case *fyne.ShortcutCopy:
		c.sheet.Copy(sc.Clipboard)
	case *fyne.ShortcutCut:
		c.sheet.Copy(sc.Clipboard)
		c.sheet.Fill("")
	default:
		if c.commit() && c.sheet.OnShortcut != nil {
			c.sheet.OnShortcut(s)
		}
	}
}

func (c *valueCell) Tapped(ev *fyne.PointEvent) {
	switch {
	case c.sheet.hidden(c, ev.Position):
	case shifted():
		c.sheet.extendTo(c)
	default:
		c.sheet.select1(c)
	}
}

// TappedSecondary opens the sheet's menu; a click outside the selected
// block selects the clicked cell first, as in Excel.
func (c *valueCell) TappedSecondary(ev *fyne.PointEvent) {
	if c.sheet.hidden(c, ev.Position) {
		return
	}
	if !c.selected && c != c.sheet.cursor {
		c.sheet.focusCell(c)
	}
	if c.sheet.OnMenu != nil {
		c.sheet.OnMenu(ev.AbsolutePosition)
	}
}

// Dragged stretches the selection from the cell where the drag began to
// the cell under the mouse.
func (c *valueCell) Dragged(ev *fyne.DragEvent) {
	if !c.sheet.dragging {
		if c.sheet.hidden(c, ev.Position.Subtract(ev.Dragged)) {
			return // begun on a frozen label, not on this cell
		}
		c.sheet.dragging = true
		c.sheet.select1(c)
	}
	c.sheet.extendTo(c.sheet.cellAt(c.Position().Add(ev.Position)))
}

func (c *valueCell) DragEnd() { c.sheet.dragging = false }

func (c *valueCell) DoubleTapped(ev *fyne.PointEvent) {
	if c.sheet.hidden(c, ev.Position) {
		return
	}
	c.sheet.select1(c)
	if !c.editing {
		c.begin(c.view.Text)
		c.Refresh()
	}
}

func (c *valueCell) MouseIn(ev *desktop.MouseEvent) {
	if !c.sheet.hidden(c, ev.Position) {
		c.sheet.hoverChanged(c.id)
	}
}

func (c *valueCell) MouseMoved(*desktop.MouseEvent) {}

func (c *valueCell) MouseOut() { c.sheet.hoverChanged("") }

func (c *valueCell) CreateRenderer() fyne.WidgetRenderer {
	r := &cellRenderer{c: c, box: canvas.NewRectangle(nil), text: canvas.NewText("", nil), caret: canvas.NewRectangle(focusLine)}
	r.text.Alignment = fyne.TextAlignTrailing
	r.Refresh()
	return r
}

type cellRenderer struct {
	c     *valueCell
	box   *canvas.Rectangle
	text  *canvas.Text
	caret *canvas.Rectangle
}

func (r *cellRenderer) Layout(size fyne.Size) {
	m := r.c.sheet.measure()
	r.box.Resize(size)
	r.text.Move(fyne.NewPos(m.pad, 0))
	r.text.Resize(fyne.NewSize(size.Width-2*m.pad-2, size.Height))
	r.fitText()
	r.caret.Move(fyne.NewPos(size.Width-m.pad-1, (size.Height-m.lineHeight)/2))
	r.caret.Resize(fyne.NewSize(1.5, m.lineHeight))
}

func (r *cellRenderer) MinSize() fyne.Size { return fyne.NewSize(10, 10) }

func (r *cellRenderer) Refresh() {
	c, m := r.c, r.c.sheet.measure()
	fill, line, width := theme.Color(theme.ColorNameInputBackground), gridLine, float32(1)
	if c.view.Computed {
		fill = computedFill
	}
	switch {
	case c.editErr || c.view.Severity == Error:
		fill, line = errorFill, errorLine
	case c.view.Severity == Warning:
		fill = warningFill
	}
	if c.selected && !c.focused {
		fill = selectionFill
	}
	if c.focused {
		line, width = focusLine, 2
	}
	if c.editErr {
		line = errorLine
	}
	r.box.FillColor, r.box.StrokeColor, r.box.StrokeWidth = fill, line, width
	r.text.TextSize = m.textSize
	r.fitText()
	r.text.Color = theme.Color(theme.ColorNameForeground)
	if c.view.Partial && !c.editing {
		r.text.Color = partialText // grey, not italic: each text style costs a parse of the CJK font
	}
	if c.editing && c.focused {
		r.caret.Show()
	} else {
		r.caret.Hide()
	}
	r.box.Refresh()
	r.text.Refresh()
	r.caret.Refresh()
}

// fitText shows the cell's text if it fits in the cell, as Excel does
// otherwise: "###" for a value, the end of the text being typed after "…".
// Nothing is ever drawn over the neighbouring cells.
func (r *cellRenderer) fitText() {
	text, room := r.c.text(), r.text.Size().Width
	r.text.Text = text
	if room <= 0 || float32(utf8.RuneCountInString(text))*r.text.TextSize <= room {
		return // fits even if every character were as wide as 国
	}
	width := func(s string) float32 { return fyne.MeasureText(s, r.text.TextSize, r.text.TextStyle).Width }
	if width(text) <= room {
		return
	}
	if !r.c.editing {
		r.text.Text = overflowMark
		return
	}
	runes := []rune(text)
	for i := 1; i < len(runes); i++ {
		if tail := ellipsis + string(runes[i:]); width(tail) <= room {
			r.text.Text = tail
			return
		}
	}
	r.text.Text = ellipsis
}

// overflowMark stands for a value too wide for its cell; ellipsis starts
// the visible end of a text being typed that is too wide.
const (
	overflowMark = "###"
	ellipsis     = "…"
)

func (r *cellRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.box, r.text, r.caret}
}

func (r *cellRenderer) Destroy() {}
