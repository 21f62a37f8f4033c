package format

import "strings"

// Cell is a value cell of a table, with its place in the official layout.
type Cell struct {
	// ID is stable across versions of a format and, where the meaning is the
	// same, across formats: "t3.new.natural". See docs/format-files.md.
	ID      string
	Index   int // position in Format.Cells
	Table   *Table
	RowPath []string // row labels, outermost first (a block's band included)
	ColPath []string // column labels, outermost first
	Spec    ValueSpec
}

// Cells returns every value cell of the format in reading order: table by
// table, row by row, left to right.
func (f *Format) Cells() []Cell { return f.cells }

// Cell returns the cell with the given ID.
func (f *Format) Cell(id string) (*Cell, bool) {
	i, ok := f.index[id]
	if !ok {
		return nil, false
	}
	return &f.cells[i], true
}

// Table returns the table with the given ID, or nil.
func (f *Format) Table(id string) *Table {
	for i := range f.Tables {
		if f.Tables[i].ID == id {
			return &f.Tables[i]
		}
	}
	return nil
}

// Section returns the section with the given ID, or nil.
func (f *Format) Section(id string) *Section {
	for i := range f.Sections {
		if f.Sections[i].ID == id {
			return &f.Sections[i]
		}
	}
	return nil
}

// Member is one value of a ForEach source: the code substituted into a rule
// and the label shown in its messages.
type Member struct {
	Code  string
	Label string
}

// ColumnMembers returns the leaf columns of a table that carry cells, by code
// path, in order and without repeats across blocks.
func (t *Table) ColumnMembers() []Member {
	var out []Member
	seen := map[string]bool{}
	for _, b := range t.Blocks {
		for _, lc := range leafColumns(b.Columns) {
			code := joinCodes(lc.codes)
			if lc.col.Empty || seen[code] {
				continue
			}
			seen[code] = true
			out = append(out, Member{Code: code, Label: t.ColumnCaption(lc.labels)})
		}
	}
	return out
}

// RowMembers returns the rows of a table that carry cells, by code path.
func (t *Table) RowMembers() []Member {
	var out []Member
	for b := range t.Blocks {
		for _, vr := range valueRows(t, &t.Blocks[b]) {
			out = append(out, Member{Code: joinCodes(vr.codes), Label: t.RowCaption(vr.labels)})
		}
	}
	return out
}

type leafColumn struct {
	col    *Column
	codes  []string
	labels []string
}

func leafColumns(cols []Column) []leafColumn {
	var out []leafColumn
	var walk func(cols []Column, codes, labels []string)
	walk = func(cols []Column, codes, labels []string) {
		for i := range cols {
			col := &cols[i]
			c := append(codes[:len(codes):len(codes)], col.Code)
			l := appendLabel(labels, col.Label)
			if len(col.Children) == 0 {
				out = append(out, leafColumn{col: col, codes: c, labels: l})
				continue
			}
			walk(col.Children, c, l)
		}
	}
	walk(cols, nil, nil)
	return out
}

type valueRow struct {
	row    *Row
	depth  int // 0 for top-level rows
	codes  []string
	labels []string
}

// valueRows returns the rows of a block that carry cells, in order.
func valueRows(t *Table, b *Block) []valueRow {
	var out []valueRow
	var walk func(rows []Row, depth int, codes, labels []string)
	walk = func(rows []Row, depth int, codes, labels []string) {
		for i := range rows {
			r := &rows[i]
			c := append(codes[:len(codes):len(codes)], r.Code)
			l := appendLabel(labels, r.Label)
			if len(r.Children) == 0 || r.Valued {
				out = append(out, valueRow{row: r, depth: depth, codes: c, labels: l})
			}
			walk(r.Children, depth+1, c, l)
		}
	}
	walk(b.Rows, 0, nil, appendLabel(nil, b.Band))
	return out
}

func appendLabel(labels []string, label string) []string {
	l := labels[:len(labels):len(labels)]
	if label == "" {
		return l
	}
	return append(l, label)
}

// Label names the cell in messages: 表三“（三）不予公开 1.属于国家秘密／自然人”.
func (c *Cell) Label() string {
	rows := c.Table.RowCaption(c.RowPath)
	cols := c.Table.ColumnCaption(c.ColPath)
	switch {
	case rows == "":
		return c.Table.Ref() + "“" + cols + "”"
	case cols == "" || c.Table.singleValueColumn():
		return c.Table.Ref() + "“" + rows + "”"
	}
	return c.Table.Ref() + "“" + rows + "／" + cols + "”"
}

// Ref is how messages refer to the table: 表三, or the name itself when it
// already says 表 (统计表).
func (t *Table) Ref() string {
	if strings.HasSuffix(t.Name, "表") {
		return t.Name
	}
	return "表" + t.Name
}

// RowCaption shortens a row path for messages. The outermost level of a
// merged table (a band, or a group such as 三、本年度办理结果) is context and is
// dropped when an inner level remains; indented tables drop it only below two
// levels, since their items repeat under different parents (（二）被依法纠错数).
func (t *Table) RowCaption(path []string) string {
	keep := 1
	if t.labelStyle() == Indented {
		keep = 2
	}
	if len(path) > keep {
		path = path[1:]
	}
	return strings.Join(path, " ")
}

// ColumnCaption shortens a column path for messages. A single header over
// all columns is a title (申请人情况) and is dropped; of three remaining
// levels the outermost is dropped too (行政诉讼 above 未经复议直接起诉).
func (t *Table) ColumnCaption(path []string) string {
	if t.titledColumns() && len(path) > 1 {
		path = path[1:]
	}
	if len(path) >= 3 {
		path = path[1:]
	}
	return strings.Join(path, " ")
}

// titledColumns reports whether every block has one top column with
// children, which then only titles the others.
func (t *Table) titledColumns() bool {
	for _, b := range t.Blocks {
		if len(b.Columns) != 1 || len(b.Columns[0].Children) == 0 {
			return false
		}
	}
	return true
}

func (t *Table) singleValueColumn() bool { return len(t.ColumnMembers()) == 1 }
