package sheet

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
)

// A selection is the rectangle of the grid between the anchor cell (where
// it began) and the cursor (the focused cell), as in a spreadsheet: Shift
// with an arrow key or a click, or a mouse drag, stretches it; any other
// move starts a new one at the cursor. Every cell the rectangle touches is
// selected.

// area is a rectangle of grid positions, end exclusive.
type area struct{ row0, col0, row1, col1 int }

func cellArea(c *valueCell) area {
	return area{c.gc.Row, c.gc.Col, c.gc.Row + c.gc.RowSpan, c.gc.Col + c.gc.ColSpan}
}

func (a area) union(b area) area {
	return area{min(a.row0, b.row0), min(a.col0, b.col0), max(a.row1, b.row1), max(a.col1, b.col1)}
}

func (a area) touches(b area) bool {
	return a.row0 < b.row1 && b.row0 < a.row1 && a.col0 < b.col1 && b.col0 < a.col1
}

// selectionArea is the selected rectangle; ok is false when no more than
// the cursor is selected.
func (s *Sheet) selectionArea() (a area, ok bool) {
	if s.anchor == nil || s.cursor == nil || s.anchor == s.cursor {
		return area{}, false
	}
	return cellArea(s.anchor).union(cellArea(s.cursor)), true
}

// Selection returns the IDs of the selected cells in row-major order: the
// focused cell alone when no block is selected.
func (s *Sheet) Selection() []string {
	var ids []string
	for _, c := range s.selectedCells() {
		ids = append(ids, c.id)
	}
	return ids
}

func (s *Sheet) selectedCells() []*valueCell {
	a, ok := s.selectionArea()
	if !ok {
		if s.cursor != nil {
			return []*valueCell{s.cursor}
		}
		return nil
	}
	var cells []*valueCell
	for _, c := range s.cells {
		if a.touches(cellArea(c)) {
			cells = append(cells, c)
		}
	}
	return cells
}

// markSelection refreshes the cells whose selected state changed.
func (s *Sheet) markSelection() {
	a, ok := s.selectionArea()
	for _, c := range s.cells {
		if sel := ok && a.touches(cellArea(c)); sel != c.selected {
			c.selected = sel
			c.Refresh()
		}
	}
}

// extendTo moves the cursor to c and keeps the anchor, stretching the
// selection.
func (s *Sheet) extendTo(c *valueCell) {
	if c == nil || c == s.cursor {
		return
	}
	if s.anchor == nil {
		s.anchor = s.cursor
	}
	s.extending = true
	s.focusCell(c)
	s.extending = false
	s.markSelection()
}

// select1 focuses c and makes it the whole selection (Fyne does not tell a
// cell that already has the focus that it got it again).
func (s *Sheet) select1(c *valueCell) {
	s.focusCell(c)
	s.anchor = c
	s.markSelection()
}

// collapse ends a block selection, leaving the cursor selected.
func (s *Sheet) collapse() {
	if s.anchor != s.cursor {
		s.anchor = s.cursor
		s.markSelection()
	}
}

// SelectionText returns the selected cells as Excel and WPS copy a block:
// one line per grid row, values separated by tabs; a row of merged cells
// gives as many values as it has cells.
func (s *Sheet) SelectionText() string {
	cells := s.selectedCells()
	if len(cells) == 0 {
		return ""
	}
	byRow := map[int][]*valueCell{}
	var rows []int
	for _, c := range cells {
		if byRow[c.gc.Row] == nil {
			rows = append(rows, c.gc.Row)
		}
		byRow[c.gc.Row] = append(byRow[c.gc.Row], c)
	}
	slices.Sort(rows)
	lines := make([]string, 0, len(rows))
	for _, r := range rows {
		row := byRow[r]
		slices.SortFunc(row, func(a, b *valueCell) int { return a.gc.Col - b.gc.Col })
		vals := make([]string, len(row))
		for i, c := range row {
			vals[i] = c.view.Text
		}
		lines = append(lines, strings.Join(vals, "\t"))
	}
	return strings.Join(lines, "\n")
}

// Fill puts text into every selected cell that takes input (totals are
// passed over), through OnFill: "" clears, "0" fills zeros, "/" marks 不适用.
func (s *Sheet) Fill(text string) {
	if s.cursor != nil && !s.cursor.commit() {
		return
	}
	var ids []string
	for _, c := range s.selectedCells() {
		if !c.view.Computed {
			ids = append(ids, c.id)
		}
	}
	if len(ids) > 0 && s.OnFill != nil {
		s.OnFill(ids, text)
	}
}

// Copy puts the selection on the clipboard as tab-separated text.
func (s *Sheet) Copy(cb fyne.Clipboard) {
	if s.cursor != nil && s.cursor.editing {
		cb.SetContent(s.cursor.buffer)
		return
	}
	cb.SetContent(s.SelectionText())
}

// Paste spreads the clipboard's block from the selection's first cell. A
// single value pasted over a block goes into every cell of it, as in Excel.
func (s *Sheet) Paste(cb fyne.Clipboard) {
	if s.cursor == nil || !s.cursor.commit() {
		return
	}
	text := cb.Content()
	cells := s.selectedCells()
	if rows := ParseBlock(text); len(cells) > 1 && len(rows) == 1 && len(rows[0]) == 1 {
		s.Fill(rows[0][0]) // totals passed over, as Fill does
		return
	}
	s.pasteAt(cells[0], text)
}

// cellAt returns the value cell under a position of the sheet, or nil.
func (s *Sheet) cellAt(p fyne.Position) *valueCell {
	for _, c := range s.cells {
		pos, size := c.Position(), c.Size()
		if p.X >= pos.X && p.Y >= pos.Y && p.X < pos.X+size.Width && p.Y < pos.Y+size.Height {
			return c
		}
	}
	return nil
}
