// Package txt writes a report as plain text, for systems that take only
// text: paragraphs indented with two full-width spaces, headings on their
// own lines, and tables as aligned columns with the merged row labels
// turned into an indented outline.
package txt

import (
	"slices"
	"strings"

	"nianbao/export"
	"nianbao/forms/format"
	"nianbao/forms/l10n"
)

const indent = "\u3000\u3000"

// Write returns the text of doc.
func Write(doc *export.Document) []byte {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line(doc.Title)
	if doc.Draft {
		line("（" + l10n.T("export.draftNote") + "）")
	}
	line("")
	for _, p := range doc.Preface {
		line(indent + p)
	}
	writeSections := func(secs []export.Section) {
		for _, s := range secs {
			line("")
			line(s.Heading)
			for _, blk := range s.Blocks {
				switch blk.Kind {
				case export.TableBlock:
					line("")
					writeTable(&b, blk.Table)
				case export.SubHeading:
					line(indent + blk.Text)
				default:
					line(indent + blk.Lead + blk.Text)
				}
			}
		}
	}
	writeSections(doc.Sections)
	line("")
	line(doc.Closing.Organ)
	line(doc.Closing.Date)
	if len(doc.Appendix) > 0 {
		line("")
		writeSections(doc.Appendix)
	}
	return []byte(b.String())
}

// textTable is a table being laid out in columns.
type textTable struct {
	t         *export.Table
	valueCols []int // grid columns that hold values (or units)
	labelCols int
	widths    map[int]int // display width of each value column
	labelW    int
}

func writeTable(b *strings.Builder, t *export.Table) {
	tt := newTextTable(t)
	if t.Title != "" {
		b.WriteString(center(t.Title, tt.totalWidth()) + "\n")
	}
	byRow := map[int][]export.Cell{}
	for _, c := range t.Cells {
		byRow[c.Row] = append(byRow[c.Row], c)
	}
	for r := 0; r < t.Grid.Rows; r++ {
		cells := byRow[r]
		var labels []export.Cell
		values := map[int]export.Cell{}
		var headers []export.Cell
		for _, c := range cells {
			switch {
			case c.Role == format.Band:
				b.WriteString(c.Text + "\n")
			case c.Header:
				headers = append(headers, c)
			case c.Role == format.RowLabel:
				labels = append(labels, c)
			case c.Col >= tt.labelCols:
				values[c.Col] = c
			}
		}
		if len(headers) > 0 {
			b.WriteString(tt.headerLine(headers) + "\n")
		}
		for i, l := range labels {
			level := l.Col + l.Indent
			text := strings.Repeat("  ", level) + l.Text
			if i < len(labels)-1 {
				b.WriteString(text + "\n")
				continue
			}
			b.WriteString(tt.valueLine(text, values) + "\n")
		}
		if len(labels) == 0 && len(values) > 0 {
			b.WriteString(tt.valueLine("", values) + "\n")
		}
	}
}

func newTextTable(t *export.Table) *textTable {
	tt := &textTable{t: t, widths: map[int]int{}}
	isValue := map[int]bool{}
	for _, c := range t.Cells {
		if c.Role == format.ValueCell || c.Role == format.Blank || c.Role == format.UnitLabel {
			isValue[c.Col] = true
		}
	}
	for col := 0; col < t.Grid.Cols; col++ {
		if isValue[col] {
			tt.valueCols = append(tt.valueCols, col)
		}
	}
	if len(tt.valueCols) > 0 {
		tt.labelCols = tt.valueCols[0]
	}
	for _, c := range t.Cells {
		switch {
		case c.Role == format.RowLabel:
			tt.labelW = max(tt.labelW, 2*(c.Col+c.Indent)+export.Width(c.Text))
		case c.Col >= tt.labelCols && c.Role != format.Band && c.ColSpan == 1:
			tt.widths[c.Col] = max(tt.widths[c.Col], export.Width(c.Text))
		}
	}
	// A header over several columns widens the last of them if it needs to.
	for _, c := range t.Cells {
		if c.Header && c.Col >= tt.labelCols && c.ColSpan > 1 {
			if need := export.Width(c.Text) - tt.span(c.Col, c.ColSpan); need > 0 {
				tt.widths[c.Col+c.ColSpan-1] += need
			}
		}
	}
	return tt
}

// span is the display width of columns col…col+n-1, with the gaps between them.
func (tt *textTable) span(col, n int) int {
	w := 0
	for c := col; c < col+n; c++ {
		w += tt.widths[c]
	}
	return w + 2*(n-1)
}

func (tt *textTable) totalWidth() int {
	return tt.labelW + 2 + tt.span(tt.labelCols, len(tt.valueCols))
}

// headerLine lays out the header cells of one grid row over their columns;
// the corner text stands in the label area, or on a line of its own when it
// does not fit there.
func (tt *textTable) headerLine(headers []export.Cell) string {
	line, before := strings.Repeat(" ", tt.labelW+2), ""
	if i := slices.IndexFunc(headers, func(c export.Cell) bool { return c.Role == format.Corner }); i >= 0 {
		if corner := headers[i].Text; export.Width(corner) <= tt.labelW {
			line = corner + strings.Repeat(" ", tt.labelW+2-export.Width(corner))
		} else {
			before = corner + "\n"
		}
	}
	for _, col := range tt.valueCols {
		i := slices.IndexFunc(headers, func(c export.Cell) bool { return c.Col == col })
		if i < 0 {
			if !tt.coveredByHeader(headers, col) {
				line += strings.Repeat(" ", tt.widths[col]+2)
			}
			continue
		}
		line += center(headers[i].Text, tt.span(col, headers[i].ColSpan)) + "  "
	}
	return before + strings.TrimRight(line, " ")
}

func (tt *textTable) coveredByHeader(headers []export.Cell, col int) bool {
	for _, h := range headers {
		if h.Col < col && col < h.Col+h.ColSpan {
			return true
		}
	}
	return false
}

// valueLine lays out a row label and the row's values, each right-aligned
// over the columns its cell spans.
func (tt *textTable) valueLine(label string, values map[int]export.Cell) string {
	line := label + strings.Repeat(" ", max(0, tt.labelW-export.Width(label))+2)
	for i := 0; i < len(tt.valueCols); i++ {
		col := tt.valueCols[i]
		c, ok := values[col]
		span := 1
		if ok {
			span = c.ColSpan
		}
		w := tt.span(col, span)
		line += strings.Repeat(" ", max(0, w-export.Width(c.Text))) + c.Text + "  "
		i += span - 1
	}
	return strings.TrimRight(line, " ")
}

func center(s string, w int) string {
	pad := max(0, w-export.Width(s))
	return strings.Repeat(" ", pad/2) + s + strings.Repeat(" ", pad-pad/2)
}
