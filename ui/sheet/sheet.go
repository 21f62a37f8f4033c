// Package sheet is the table editor of nianbao: a statistics table laid out
// like the printed official one — merged column headers, nested row labels
// with their spans — with value cells a clerk moves through and types into
// like a spreadsheet. Fyne's widget.Table has no spans, so the sheet places
// every cell itself from the grid the format computes (format.Table.Layout).
//
// As in Excel and WPS, the header rows and the row labels stay in view
// while the values scroll under them, and a block of cells can be selected,
// copied, pasted, cleared and filled.
//
// The sheet knows nothing of reports: it shows the CellViews it is given and
// reports edits through its callbacks.
package sheet

import (
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/format"
	"nianbao/forms/textwrap"
)

// Severity is how a cell takes part in failing rules.
type Severity uint8

// The severities, in increasing order.
const (
	NoProblem Severity = iota
	Warning
	Error
)

// CellView is what a value cell shows.
type CellView struct {
	Text     string // the value as printed: "12", "/", "" for blank
	Computed bool   // a total: read-only
	Partial  bool   // a total over blank cells: the sum so far
	Severity Severity
}

// Assignment is one value of a pasted block and the cell it goes to.
type Assignment struct {
	ID   string
	Text string
}

// Sheet is an editable statistics table.
type Sheet struct {
	widget.BaseWidget

	// OnEdit is called as the clerk types, with the cell's whole new text
	// ("" clears, "/" marks 不适用); an error is shown at the cell and the
	// text stays until corrected or abandoned.
	OnEdit func(id, text string) error
	// OnCommit is called when an edit of a cell ends with a change.
	OnCommit func(id string)
	// OnAbandon is called when an edit is abandoned (Esc): the owner puts
	// the cell back as it was before the edit began.
	OnAbandon func(id string)
	// OnPaste is called with the cells a pasted block covers, in order.
	OnPaste func(block []Assignment)
	// OnFill is called to put one text into the given input cells (Delete
	// over a block, the 清除/填 0/填 / commands).
	OnFill func(ids []string, text string)
	// OnMenu is called on a right click, at a position of the window's
	// canvas, after the clicked cell is selected (unless it is in the
	// selected block).
	OnMenu func(at fyne.Position)
	// OnFocus is called when a cell gets the keyboard focus.
	OnFocus func(id string)
	// OnHover is called when the mouse enters a cell ("" when it leaves).
	OnHover func(id string)
	// OnShortcut receives the shortcuts a cell does not handle itself
	// (undo, redo, save …).
	OnShortcut func(fyne.Shortcut)
	// OnKey receives the keys a cell does not use (F1, F7 …).
	OnKey func(fyne.KeyName)

	grid   format.Grid
	cells  []*valueCell // in row-major order
	byID   map[string]*valueCell
	labels []*labelBox
	scroll *container.Scroll

	// labelCols is the number of columns left of the values: they and the
	// grid's header rows are frozen.
	labelCols int

	cursor, anchor *valueCell // the focused cell and where the selection began
	extending      bool       // the cursor is moving with the anchor kept
	dragging       bool       // a mouse drag is selecting

	metrics  metrics
	measured bool
}

// New returns a sheet for table t.
func New(t *format.Table) *Sheet {
	s := &Sheet{grid: t.Layout(), byID: map[string]*valueCell{}}
	s.labelCols = s.grid.Cols
	for _, gc := range s.grid.Cells {
		if gc.Role == format.ValueCell {
			c := newValueCell(s, gc)
			s.cells = append(s.cells, c)
			s.byID[gc.CellID] = c
			s.labelCols = min(s.labelCols, gc.Col)
		}
	}
	for _, gc := range s.grid.Cells {
		if gc.Role != format.ValueCell {
			l := newLabelBox(gc)
			l.frozenRow = gc.Row+gc.RowSpan <= s.grid.HeaderRows
			l.frozenCol = gc.Col+gc.ColSpan <= s.labelCols
			s.labels = append(s.labels, l)
		}
	}
	s.ExtendBaseWidget(s)
	return s
}

// Update shows new cell views; cells not in views keep theirs. The cell
// being edited keeps its typed text.
func (s *Sheet) Update(views map[string]CellView) {
	for id, v := range views {
		if c := s.byID[id]; c != nil && c.view != v {
			c.view = v
			c.Refresh()
		}
	}
}

// Scroll wraps the sheet in a scroll container that Reveal uses.
func (s *Sheet) Scroll() *container.Scroll {
	if s.scroll == nil {
		s.scroll = container.NewScroll(s)
		s.scroll.OnScrolled = func(fyne.Position) { s.placeFrozen() }
	}
	return s.scroll
}

// Focus moves the keyboard focus to the cell with id and scrolls it into view.
func (s *Sheet) Focus(id string) bool {
	c := s.byID[id]
	if c == nil {
		return false
	}
	s.select1(c)
	return true
}

// FocusedID returns the ID of the focused cell, or "".
func (s *Sheet) FocusedID() string {
	if s.cursor != nil && s.cursor.focused {
		return s.cursor.id
	}
	return ""
}

// Cell returns the cell widget for id, for tests and focus handling.
func (s *Sheet) Cell(id string) fyne.Focusable {
	if c := s.byID[id]; c != nil {
		return c
	}
	return nil
}

// Editing returns the ID of the cell being edited, or "".
func (s *Sheet) Editing() string {
	for _, c := range s.cells {
		if c.editing {
			return c.id
		}
	}
	return ""
}

// Abandon abandons the edit in progress, if any, as Esc does.
func (s *Sheet) Abandon() {
	for _, c := range s.cells {
		c.abandon()
	}
}

func (s *Sheet) focusCell(c *valueCell) {
	if cnv := fyne.CurrentApp().Driver().CanvasForObject(s); cnv != nil {
		cnv.Focus(c)
	}
	s.reveal(c)
}

// reveal scrolls the sheet's scroll container so that c is visible, clear
// of the frozen header rows and row labels.
func (s *Sheet) reveal(c *valueCell) {
	if s.scroll == nil {
		return
	}
	pos, size := c.Position(), c.Size()
	off, view := s.scroll.Offset, s.scroll.Size()
	top, left := s.frozenEdges()
	if pos.X-left < off.X {
		off.X = max(pos.X-left, 0)
	} else if pos.X+size.Width > off.X+view.Width {
		off.X = pos.X + size.Width - view.Width
	}
	if pos.Y-top < off.Y {
		off.Y = max(pos.Y-top, 0)
	} else if pos.Y+size.Height > off.Y+view.Height {
		off.Y = pos.Y + size.Height - view.Height
	}
	s.scroll.ScrollToOffset(off)
	s.placeFrozen()
}

// frozenEdges returns the height of the frozen header rows and the width of
// the frozen row labels.
func (s *Sheet) frozenEdges() (top, left float32) {
	m := s.measure()
	return m.rowY[s.grid.HeaderRows], m.colX[s.labelCols]
}

// hidden tells whether a point of the sheet lies under the frozen header
// rows or row labels as the sheet is scrolled now, where a click belongs
// to the label drawn there and not to the value cell scrolled under it.
func (s *Sheet) hidden(c *valueCell, p fyne.Position) bool {
	if s.scroll == nil {
		return false
	}
	top, left := s.frozenEdges()
	off := s.scroll.Offset
	x, y := c.Position().X+p.X, c.Position().Y+p.Y
	return (off.Y > 0 && y < off.Y+top) || (off.X > 0 && x < off.X+left)
}

// offset is how far the sheet is scrolled.
func (s *Sheet) offset() fyne.Position {
	if s.scroll == nil {
		return fyne.Position{}
	}
	return s.scroll.Offset
}

// placeFrozen keeps the frozen labels at the top and left of the view.
func (s *Sheet) placeFrozen() {
	m := s.measure()
	for _, l := range s.labels {
		if l.frozenRow || l.frozenCol {
			pos, size := s.labelPlace(l, m)
			l.layout(pos, size, m)
			l.refresh()
		}
	}
}

// direction of a move between cells.
type direction uint8

const (
	up direction = iota
	down
	left
	right
	next // Tab: the next editable cell, row by row
	prev // Shift+Tab
)

// neighbour returns the cell to move to from c, or nil.
func (s *Sheet) neighbour(c *valueCell, d direction) *valueCell {
	i := slices.Index(s.cells, c)
	switch d {
	case next, prev:
		step := 1
		if d == prev {
			step = -1
		}
		for j := i + step; j >= 0 && j < len(s.cells); j += step {
			if !s.cells[j].view.Computed {
				return s.cells[j]
			}
		}
		return nil
	}
	var best *valueCell
	bestDist := math.MaxInt
	for _, o := range s.cells {
		if o == c {
			continue
		}
		a, b := c.gc, o.gc
		overlapCols := b.Col < a.Col+a.ColSpan && a.Col < b.Col+b.ColSpan
		overlapRows := b.Row < a.Row+a.RowSpan && a.Row < b.Row+b.RowSpan
		dist := -1
		switch {
		case d == down && overlapCols && b.Row > a.Row:
			dist = b.Row - a.Row
		case d == up && overlapCols && b.Row < a.Row:
			dist = a.Row - b.Row
		case d == right && overlapRows && b.Col > a.Col:
			dist = b.Col - a.Col
		case d == left && overlapRows && b.Col < a.Col:
			dist = a.Col - b.Col
		}
		if dist >= 0 && dist < bestDist {
			best, bestDist = o, dist
		}
	}
	return best
}

func (s *Sheet) move(c *valueCell, d direction) {
	if n := s.neighbour(c, d); n != nil {
		s.focusCell(n)
	}
}

// pasteAt spreads a block of text over the cells from c: rows go down the
// value rows of the sheet, values go right along each row.
func (s *Sheet) pasteAt(c *valueCell, text string) {
	rows := ParseBlock(text)
	if len(rows) == 0 || s.OnPaste == nil {
		return
	}
	var block []Assignment
	start := c
	for _, row := range rows {
		if start == nil {
			break
		}
		cur := start
		for _, v := range row {
			if cur == nil {
				break
			}
			block = append(block, Assignment{ID: cur.id, Text: v})
			cur = s.neighbour(cur, right)
		}
		start = s.neighbour(start, down)
	}
	s.OnPaste(block)
}

func (s *Sheet) focusChanged(c *valueCell) {
	s.cursor = c
	if !s.extending {
		s.anchor = c
		s.markSelection()
	}
	if s.OnFocus != nil {
		s.OnFocus(c.id)
	}
}

func (s *Sheet) hoverChanged(id string) {
	if s.OnHover != nil {
		s.OnHover(id)
	}
}

// CreateRenderer builds the sheet's objects: the labels that scroll, the
// value cells, then the frozen row labels and header rows drawn over them.
func (s *Sheet) CreateRenderer() fyne.WidgetRenderer {
	objs := make([]fyne.CanvasObject, 0, len(s.labels)*2+len(s.cells))
	layer := func(frozenRow, frozenCol bool) {
		for _, l := range s.labels {
			if l.frozenRow == frozenRow && l.frozenCol == frozenCol {
				objs = append(objs, l.objects()...)
			}
		}
	}
	layer(false, false)
	for _, c := range s.cells {
		objs = append(objs, c)
	}
	layer(false, true)
	layer(true, false)
	layer(true, true)
	return &sheetRenderer{s: s, objects: objs}
}

// labelPlace returns where label l is drawn: its grid place, moved with
// the scroll offset when frozen.
func (s *Sheet) labelPlace(l *labelBox, m metrics) (fyne.Position, fyne.Size) {
	pos, size := m.place(l.gc)
	off := s.offset()
	if l.frozenRow {
		pos.Y += off.Y
	}
	if l.frozenCol {
		pos.X += off.X
	}
	return pos, size
}

type sheetRenderer struct {
	s       *Sheet
	objects []fyne.CanvasObject
}

func (r *sheetRenderer) Layout(fyne.Size) {
	m := r.s.measure()
	for _, l := range r.s.labels {
		pos, size := r.s.labelPlace(l, m)
		l.layout(pos, size, m)
	}
	for _, c := range r.s.cells {
		pos, size := m.place(c.gc)
		c.Move(pos)
		c.Resize(size)
	}
}

func (r *sheetRenderer) MinSize() fyne.Size {
	m := r.s.measure()
	return fyne.NewSize(m.colX[len(m.colX)-1]+1, m.rowY[len(m.rowY)-1]+1)
}

func (r *sheetRenderer) Refresh() {
	if r.s.measured && r.s.metrics.textSize != theme.TextSize() { // zoomed
		r.s.measured = false
		r.Layout(r.s.Size())
		r.s.placeFrozen()
	}
	for _, l := range r.s.labels {
		l.refresh()
	}
	for _, c := range r.s.cells {
		c.Refresh()
	}
}

func (r *sheetRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *sheetRenderer) Destroy()                     {}

// metrics are the computed column edges and row edges of the grid.
type metrics struct {
	colX, rowY []float32
	textSize   float32
	lineHeight float32
	pad        float32
}

// place returns the position and size of a grid cell.
func (m metrics) place(gc format.GridCell) (fyne.Position, fyne.Size) {
	x, y := m.colX[gc.Col], m.rowY[gc.Row]
	return fyne.NewPos(x, y), fyne.NewSize(m.colX[gc.Col+gc.ColSpan]-x, m.rowY[gc.Row+gc.RowSpan]-y)
}

// Widths of value columns and limits of label columns, in characters.
const (
	valueChars     = 4.5
	maxLabelChars  = 16
	tallLabelChars = 4
)

// measure computes column widths from the labels that sit in one column and
// row heights from the wrapped text of every cell.
func (s *Sheet) measure() metrics {
	if s.measured {
		return s.metrics
	}
	size := theme.TextSize()
	char := fyne.MeasureText("国", size, fyne.TextStyle{})
	charW, lineH := char.Width, char.Height
	pad := theme.InnerPadding() / 2
	g := s.grid
	widths := make([]float32, g.Cols)
	valueCol := make([]bool, g.Cols)
	for _, gc := range g.Cells {
		if gc.Role == format.ValueCell || gc.Role == format.Blank {
			for c := gc.Col; c < gc.Col+gc.ColSpan; c++ {
				valueCol[c] = true
			}
		}
	}
	for c := range widths {
		if valueCol[c] {
			widths[c] = valueChars*charW + 2*pad
		} else {
			widths[c] = 2*charW + 2*pad
		}
	}
	for _, gc := range g.Cells {
		if gc.ColSpan != 1 || valueCol[gc.Col] || gc.Role == format.ValueCell {
			continue
		}
		chars := min(float32(len([]rune(gc.Text))), maxLabelChars)
		if gc.RowSpan > 2 {
			chars = min(chars, tallLabelChars) // a tall label wraps narrow, as printed
		}
		widths[gc.Col] = max(widths[gc.Col], chars*charW+2*pad+float32(gc.Indent)*charW)
	}
	m := metrics{colX: make([]float32, g.Cols+1), rowY: make([]float32, g.Rows+1), textSize: size, lineHeight: lineH, pad: pad}
	for c, w := range widths {
		m.colX[c+1] = m.colX[c] + w
	}
	heights := make([]float32, g.Rows)
	for r := range heights {
		heights[r] = lineH + 2*pad
	}
	// Single-row cells first, then taller cells spread what they lack.
	cells := slices.Clone(g.Cells)
	slices.SortStableFunc(cells, func(a, b format.GridCell) int { return a.RowSpan - b.RowSpan })
	for _, gc := range cells {
		lines := len(wrapLabel(gc, m.colX[gc.Col+gc.ColSpan]-m.colX[gc.Col], m))
		need := float32(lines)*lineH + 2*pad
		have := float32(0)
		for r := gc.Row; r < gc.Row+gc.RowSpan; r++ {
			have += heights[r]
		}
		if need > have {
			extra := (need - have) / float32(gc.RowSpan)
			for r := gc.Row; r < gc.Row+gc.RowSpan; r++ {
				heights[r] += extra
			}
		}
	}
	for r, h := range heights {
		m.rowY[r+1] = m.rowY[r] + float32(math.Ceil(float64(h)))
	}
	s.metrics, s.measured = m, true
	return m
}

// wrapLabel breaks a label's text into the lines that fit its cell.
func wrapLabel(gc format.GridCell, width float32, m metrics) []string {
	if gc.Text == "" || gc.Role == format.ValueCell {
		return nil
	}
	avail := float64(width - 2*m.pad - float32(gc.Indent)*m.textSize)
	return textwrap.Lines(gc.Text, avail, func(s string) float64 {
		return float64(fyne.MeasureText(s, m.textSize, fyne.TextStyle{}).Width)
	})
}

// Colours of the sheet.
var (
	headerFill    = color.NRGBA{R: 0xf2, G: 0xf3, B: 0xf5, A: 0xff}
	labelFill     = color.NRGBA{R: 0xfa, G: 0xfa, B: 0xfb, A: 0xff}
	computedFill  = color.NRGBA{R: 0xe8, G: 0xee, B: 0xf6, A: 0xff}
	errorFill     = color.NRGBA{R: 0xfd, G: 0xe2, B: 0xe1, A: 0xff}
	warningFill   = color.NRGBA{R: 0xff, G: 0xf4, B: 0xce, A: 0xff}
	gridLine      = color.NRGBA{R: 0x9a, G: 0xa0, B: 0xa6, A: 0xff}
	errorLine     = color.NRGBA{R: 0xc5, G: 0x22, B: 0x1f, A: 0xff}
	focusLine     = color.NRGBA{R: 0x1a, G: 0x73, B: 0xe8, A: 0xff}
	selectionFill = color.NRGBA{R: 0xd3, G: 0xe3, B: 0xfd, A: 0xff}
	partialText   = color.NRGBA{R: 0x80, G: 0x86, B: 0x8b, A: 0xff}
)

// labelBox draws a header or row label: a bordered box with wrapped text.
type labelBox struct {
	gc format.GridCell
	// frozenRow and frozenCol: the label is in the header rows, resp. the
	// row label columns, and stays in view as the sheet scrolls.
	frozenRow, frozenCol bool
	box                  *canvas.Rectangle
	lines                []*canvas.Text
	pool                 []fyne.CanvasObject
}

// maxLabelLines bounds the text objects a label keeps.
const maxLabelLines = 24

func newLabelBox(gc format.GridCell) *labelBox {
	l := &labelBox{gc: gc, box: canvas.NewRectangle(labelFill)}
	if gc.Header || gc.Role == format.Band {
		l.box.FillColor = headerFill
	}
	if gc.Role == format.Blank {
		l.box.FillColor = color.White
	}
	l.box.StrokeColor, l.box.StrokeWidth = gridLine, 1
	l.pool = []fyne.CanvasObject{l.box}
	for range maxLabelLines {
		t := canvas.NewText("", theme.Color(theme.ColorNameForeground))
		t.Hide()
		l.lines = append(l.lines, t)
		l.pool = append(l.pool, t)
	}
	return l
}

func (l *labelBox) objects() []fyne.CanvasObject { return l.pool }

func (l *labelBox) layout(pos fyne.Position, size fyne.Size, m metrics) {
	l.box.Move(pos)
	l.box.Resize(size)
	lines := wrapLabel(l.gc, size.Width, m)
	top := pos.Y + (size.Height-float32(len(lines))*m.lineHeight)/2
	centered := l.gc.Header || l.gc.Role == format.Band || l.gc.Role == format.UnitLabel || l.gc.RowSpan > 2
	for i, t := range l.lines {
		if i >= len(lines) {
			t.Hide()
			continue
		}
		t.Text, t.TextSize = lines[i], m.textSize
		t.Color = theme.Color(theme.ColorNameForeground)
		w := fyne.MeasureText(lines[i], m.textSize, t.TextStyle).Width
		x := pos.X + m.pad + float32(l.gc.Indent)*m.textSize
		if centered {
			x = pos.X + (size.Width-w)/2
		}
		t.Move(fyne.NewPos(x, top+float32(i)*m.lineHeight))
		t.Resize(fyne.NewSize(w, m.lineHeight))
		t.Show()
	}
}

func (l *labelBox) refresh() {
	l.box.Refresh()
	for _, t := range l.lines {
		t.Refresh()
	}
}
