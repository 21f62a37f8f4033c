package format

import (
	"cmp"
	"slices"
)

// Role tells what a cell of a table's printed grid is.
type Role uint8

// The roles of grid cells.
const (
	Corner       Role = iota // the header cell above the row labels
	Band                     // a label across the whole width (table 二's 第二十条 rows)
	ColumnHeader             // a column label
	UnitHeader               // the header of the unit column
	RowLabel                 // a row label
	UnitLabel                // a row's unit in the unit column
	ValueCell                // a value cell, with CellID set
	Blank                    // an empty cell of the official layout
)

// GridCell is one cell of a printed table, merged over RowSpan × ColSpan.
type GridCell struct {
	Row, Col         int
	RowSpan, ColSpan int
	Role             Role
	Text             string
	CellID           string // for ValueCell
	Indent           int    // nesting level of a row label in an Indented table
	Header           bool   // part of a block's header (band, corner, column labels)
}

// Grid is the printed layout of a table, as in the official template.
type Grid struct {
	Rows, Cols int
	// HeaderRows is the number of rows at the top that form the column header
	// of a table without bands; they repeat when a table breaks across pages.
	HeaderRows int
	// Cells holds the origin of every merged area, in row-major order.
	Cells []GridCell
}

// Layout computes the printed grid of the table: merged column headers, the
// nested row labels with their spans, the unit column and the value cells.
func (t *Table) Layout() Grid {
	labelCols := t.labelColumns()
	unitCols := 0
	if t.UnitHeader != "" {
		unitCols = 1
	}
	g := Grid{}
	for bi := range t.Blocks {
		b := &t.Blocks[bi]
		width := labelCols + unitCols + columnsWidth(b.Columns)
		g.Cols = max(g.Cols, width)
		r := g.Rows
		if b.Band != "" {
			g.add(GridCell{Row: r, Col: 0, RowSpan: 1, ColSpan: width, Role: Band, Text: b.Band, Header: true})
			r++
		}
		depth := columnsDepth(b.Columns)
		if labelCols > 0 {
			g.add(GridCell{Row: r, Col: 0, RowSpan: depth, ColSpan: labelCols, Role: Corner, Text: b.Corner, Header: true})
		}
		if unitCols > 0 {
			g.add(GridCell{Row: r, Col: labelCols, RowSpan: depth, ColSpan: 1, Role: UnitHeader, Text: t.UnitHeader, Header: true})
		}
		g.addColumnHeaders(b.Columns, r, labelCols+unitCols, 0, depth)
		r += depth
		if bi == 0 && b.Band == "" {
			g.HeaderRows = r
		}
		leaves := leafColumns(b.Columns)
		codes := []string{t.ID}
		if t.labelStyle() == Indented {
			r = g.addIndentedRows(t, b.Rows, leaves, r, 0, codes)
		} else {
			r = g.addMergedRows(t, b.Rows, leaves, r, 0, labelCols, codes)
		}
		g.Rows = r
	}
	slices.SortStableFunc(g.Cells, func(a, b GridCell) int {
		return cmp.Or(cmp.Compare(a.Row, b.Row), cmp.Compare(a.Col, b.Col))
	})
	return g
}

func (g *Grid) add(c GridCell) { g.Cells = append(g.Cells, c) }

// labelColumns is the number of grid columns for row labels.
func (t *Table) labelColumns() int {
	if t.labelStyle() == Indented {
		return 1
	}
	depth, labelled := 0, false
	var walk func(rows []Row, d int)
	walk = func(rows []Row, d int) {
		for _, r := range rows {
			labelled = labelled || r.Label != ""
			depth = max(depth, d+1)
			walk(r.Children, d+1)
		}
	}
	for _, b := range t.Blocks {
		walk(b.Rows, 0)
	}
	if !labelled {
		return 0
	}
	return depth
}

func columnsWidth(cols []Column) int {
	w := 0
	for _, c := range cols {
		if len(c.Children) > 0 {
			w += columnsWidth(c.Children)
		} else {
			w += max(c.Span, 1)
		}
	}
	return w
}

func columnsDepth(cols []Column) int {
	d := 0
	for _, c := range cols {
		d = max(d, 1+columnsDepth(c.Children))
	}
	return d
}

func (g *Grid) addColumnHeaders(cols []Column, row, col, level, depth int) {
	for _, c := range cols {
		w := columnsWidth([]Column{c})
		span := 1
		if len(c.Children) == 0 {
			span = depth - level
		}
		g.add(GridCell{Row: row, Col: col, RowSpan: span, ColSpan: w, Role: ColumnHeader, Text: c.Label, Header: true})
		g.addColumnHeaders(c.Children, row+1, col, level+1, depth)
		col += w
	}
}

// addValues adds the unit cell and the value cells of one grid row.
func (g *Grid) addValues(t *Table, r *Row, leaves []leafColumn, row, col int, codes []string, valued bool) {
	if t.UnitHeader != "" {
		g.add(GridCell{Row: row, Col: col, RowSpan: 1, ColSpan: 1, Role: UnitLabel, Text: r.Unit})
		col++
	}
	for _, lc := range leaves {
		span := max(lc.col.Span, 1)
		c := GridCell{Row: row, Col: col, RowSpan: 1, ColSpan: span, Role: Blank}
		if valued && !lc.col.Empty {
			c.Role = ValueCell
			c.CellID = joinCodes(append(codes[:len(codes):len(codes)], lc.codes...))
		}
		g.add(c)
		col += span
	}
}

func (g *Grid) addMergedRows(t *Table, rows []Row, leaves []leafColumn, row, level, labelCols int, codes []string) int {
	for i := range rows {
		r := &rows[i]
		c := append(codes[:len(codes):len(codes)], r.Code)
		if len(r.Children) == 0 {
			if labelCols > 0 {
				g.add(GridCell{Row: row, Col: level, RowSpan: 1, ColSpan: labelCols - level, Role: RowLabel, Text: r.Label})
			}
			g.addValues(t, r, leaves, row, labelCols, c, true)
			row++
			continue
		}
		g.add(GridCell{Row: row, Col: level, RowSpan: countLeafRows(r.Children), ColSpan: 1, Role: RowLabel, Text: r.Label})
		row = g.addMergedRows(t, r.Children, leaves, row, level+1, labelCols, c)
	}
	return row
}

func (g *Grid) addIndentedRows(t *Table, rows []Row, leaves []leafColumn, row, level int, codes []string) int {
	for i := range rows {
		r := &rows[i]
		c := append(codes[:len(codes):len(codes)], r.Code)
		g.add(GridCell{Row: row, Col: 0, RowSpan: 1, ColSpan: 1, Role: RowLabel, Text: r.Label, Indent: level})
		g.addValues(t, r, leaves, row, 1, c, len(r.Children) == 0 || r.Valued)
		row = g.addIndentedRows(t, r.Children, leaves, row+1, level+1, c)
	}
	return row
}

func countLeafRows(rows []Row) int {
	n := 0
	for _, r := range rows {
		if len(r.Children) == 0 {
			n++
		} else {
			n += countLeafRows(r.Children)
		}
	}
	return n
}
