package export

// RowBlock is a run of grid rows that belong together under one band: rows
// [From, Head) are its header rows (the band's label, its column labels)
// and rows [Head, To) the rows under them.
type RowBlock struct{ From, Head, To int }

// RowBlocks splits the rows below the table's header rows into blocks, one
// for each band (表二's 第二十条第（一）项 …). A table without bands is one
// block with no header rows of its own.
func (t *Table) RowBlocks() []RowBlock {
	var out []RowBlock
	for r := t.Grid.HeaderRows; r < t.Grid.Rows; {
		b := RowBlock{From: r}
		for r < t.Grid.Rows && t.HeaderRow(r) {
			r++
		}
		b.Head = r
		for r < t.Grid.Rows && !t.HeaderRow(r) {
			r++
		}
		b.To = r
		out = append(out, b)
	}
	return out
}

// SpanContinues reports whether a merged row label covers both grid rows r
// and r+1: a page break between them would cut the label.
func (t *Table) SpanContinues(r int) bool {
	for _, c := range t.Cells {
		if c.RowSpan > 1 && c.Row <= r && r+1 < c.Row+c.RowSpan {
			return true
		}
	}
	return false
}
