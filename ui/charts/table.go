package charts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"nianbao/forms/figures"
	"nianbao/forms/format"
	"nianbao/forms/report"
	"nianbao/forms/value"
)

// TableChart is the small chart beside a table of the bars panels of its
// figures: 表三's outcomes as shares of all outcomes, seen while they are
// typed.
type TableChart struct {
	doc    *report.Doc
	values func() map[string]value.Value
	table  *format.Table
	box    *fyne.Container
	scroll *container.Scroll
}

// NewTableChart makes the chart of table t of report d, whose values
// values gives (as NewRoom), or returns nil when no bars panel of the 图解
// is of t's cells alone.
func NewTableChart(d *report.Doc, values func() map[string]value.Value, t *format.Table) *TableChart {
	c := &TableChart{doc: d, values: values, table: t, box: container.NewVBox()}
	if len(c.panels()) == 0 {
		return nil
	}
	c.scroll = container.NewVScroll(c.box)
	c.Refresh()
	return c
}

// panels are the bars panels of the table's cells.
func (c *TableChart) panels() []figures.Panel {
	f := c.doc.Entry.Format
	var out []figures.Panel
	for _, p := range figures.Make(f, c.values(), nil).Panels {
		if p.Kind == format.BarsPanel && c.ofTable(p) {
			out = append(out, p)
		}
	}
	return out
}

// ofTable tells whether every figure of p is of the table's cells.
func (c *TableChart) ofTable(p figures.Panel) bool {
	for _, fig := range append([]figures.Figure{*p.Whole}, p.Figures...) {
		for _, id := range fig.Cells {
			if cell, ok := c.doc.Entry.Format.Cell(id); !ok || cell.Table != c.table {
				return false
			}
		}
	}
	return true
}

// Object is the chart's canvas object.
func (c *TableChart) Object() fyne.CanvasObject { return c.scroll }

// Refresh shows the figures as the report holds them now.
func (c *TableChart) Refresh() {
	var objs []fyne.CanvasObject
	for _, p := range c.panels() {
		objs = append(objs, panel(p, false))
	}
	c.box.Objects = objs
	c.box.Refresh()
}
