package export

import (
	"strconv"
	"strings"

	"nianbao/forms/consolidate"
	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/report"
	"nianbao/forms/value"
)

// BreakdownID is the section and table ID of a consolidated report's
// breakdown by unit kind.
const BreakdownID = "breakdown"

// breakdown lays out a consolidated report's sums per unit kind as an
// appendix table, like the multi-unit 统计表 of a 政务公开工作总结: a row for
// every number cell of the format (totals computed per kind), a column per
// kind that contributed and one for all; nil for a unit's own report or a
// 汇总 with nothing summed yet.
func breakdown(d *report.Doc, opt Options) *Section {
	cols := consolidate.Breakdown(d)
	if len(cols) == 0 {
		return nil
	}
	f := d.Entry.Format
	all := d.Values()
	src := &format.Table{ID: BreakdownID, Name: l10n.T("export.breakdown.sheet"), Title: l10n.T("export.breakdown.title")}
	t := &Table{Source: src, Title: src.Title, ReadOnly: true}
	g := &t.Grid
	g.Cols, g.HeaderRows = len(cols)+3, 1
	add := func(gc format.GridCell, text string) {
		gc.RowSpan, gc.ColSpan, gc.Text = max(gc.RowSpan, 1), max(gc.ColSpan, 1), text
		t.Cells = append(t.Cells, Cell{GridCell: gc, Text: text})
	}
	add(format.GridCell{Col: 0, ColSpan: 2, Role: format.Corner, Header: true}, l10n.T("export.breakdown.item"))
	for i, c := range cols {
		add(format.GridCell{Col: i + 2, Role: format.ColumnHeader, Header: true}, d.Kinds().Name(c.Kind))
	}
	add(format.GridCell{Col: len(cols) + 2, Role: format.ColumnHeader, Header: true}, l10n.T("export.breakdown.all"))
	// Rows table by table under a band, the row caption merged over its
	// columns' rows.
	var cells []*format.Cell
	for i := range f.Cells() {
		if c := &f.Cells()[i]; c.Spec.Kind != format.Text {
			cells = append(cells, c)
		}
	}
	row := 1
	for i := 0; i < len(cells); {
		tbl := cells[i].Table
		if i == 0 || cells[i-1].Table != tbl {
			add(format.GridCell{Row: row, ColSpan: g.Cols, Role: format.Band}, strings.TrimSpace(tbl.Ref()+" "+tbl.Title))
			row++
		}
		caption := tbl.RowCaption(cells[i].RowPath)
		n := 1
		for i+n < len(cells) && cells[i+n].Table == tbl && tbl.RowCaption(cells[i+n].RowPath) == caption {
			n++
		}
		for k, c := range cells[i : i+n] {
			col := tbl.ColumnCaption(c.ColPath)
			switch {
			case n == 1 && (col == "" || caption == ""):
				add(format.GridCell{Row: row, ColSpan: 2, Role: format.RowLabel}, caption+col)
			case k == 0:
				add(format.GridCell{Row: row, RowSpan: n, Role: format.RowLabel}, caption)
				fallthrough
			default:
				add(format.GridCell{Row: row, Col: 1, Role: format.RowLabel}, col)
			}
			put := func(at int, v value.Value) {
				t.Cells = append(t.Cells, Cell{GridCell: format.GridCell{Row: row, Col: at, RowSpan: 1, ColSpan: 1, Role: format.ValueCell},
					Text: valueText(d, c, v, opt), Value: v, Spec: c.Spec, Computed: d.Entry.Rules.Computed(c.Index)})
			}
			for j, kc := range cols {
				put(j+2, kc.Values[c.Index])
			}
			put(len(cols)+2, all[c.ID])
			row++
		}
		i += n
	}
	g.Rows = row
	for _, c := range t.Cells {
		g.Cells = append(g.Cells, c.GridCell)
	}
	return &Section{ID: BreakdownID, Heading: l10n.T("export.breakdown.heading"), Blocks: []Block{{Kind: TableBlock, Table: t}}}
}

// numberAppendices labels the appendices 附件1, 附件2 … when there are
// several, as official documents number their attachments.
func numberAppendices(secs []Section) {
	if len(secs) < 2 {
		return
	}
	for i := range secs {
		label, title := AppendixParts(secs[i].Heading)
		if label == strings.TrimRight(label, "0123456789") {
			secs[i].Heading = label + strconv.Itoa(i+1) + "：" + title
		}
	}
}
