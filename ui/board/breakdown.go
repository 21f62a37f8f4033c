package board

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/consolidate"
	"nianbao/forms/format"
	"nianbao/forms/report"
	"nianbao/forms/value"
	"nianbao/ui/look"
	"nianbao/ui/tr"
)

// Breakdown shows a consolidation's sums by unit kind: a row for every
// number cell, a column per kind and one for all, as the exports print it.
type Breakdown struct {
	doc   *report.Doc
	root  fyne.CanvasObject
	table *widget.Table
	cells []*format.Cell
	cols  []consolidate.Column
	all   map[string]value.Value
}

// NewBreakdown makes the breakdown view of d, a consolidated report.
func NewBreakdown(d *report.Doc) *Breakdown {
	v := &Breakdown{doc: d}
	for i := range d.Entry.Format.Cells() {
		if c := &d.Entry.Format.Cells()[i]; c.Spec.Kind != format.Text {
			v.cells = append(v.cells, c)
		}
	}
	v.table = widget.NewTable(
		func() (int, int) { return len(v.cells) + 1, len(v.cols) + 2 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { v.fill(id, o.(*widget.Label)) })
	v.table.StickyRowCount, v.table.StickyColumnCount = 1, 1
	h := look.LineHeight()
	v.table.SetColumnWidth(0, 17*h)
	head := widget.NewLabelWithStyle(tr.T("export.breakdown.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.root = container.NewBorder(container.NewVBox(head, widget.NewLabel(tr.T("board.breakdownHint"))), nil, nil, nil, v.table)
	v.Refresh()
	return v
}

// Object is the view's canvas object.
func (v *Breakdown) Object() fyne.CanvasObject { return v.root }

// Refresh shows the sums as they are now.
func (v *Breakdown) Refresh() {
	v.cols = consolidate.Breakdown(v.doc)
	v.all = v.doc.Values()
	size := fyne.CurrentApp().Settings().Theme().Size("text")
	h := look.LineHeight()
	for i := range len(v.cols) + 1 {
		name := tr.T("export.breakdown.all")
		if i < len(v.cols) {
			name = v.doc.Kinds().Name(v.cols[i].Kind)
		}
		w := fyne.MeasureText(name, size, fyne.TextStyle{Bold: true}).Width + 2*h
		v.table.SetColumnWidth(i+1, max(6*h, w))
	}
	v.table.Refresh()
}

func (v *Breakdown) fill(id widget.TableCellID, l *widget.Label) {
	l.TextStyle.Bold = id.Row == 0
	l.Alignment = fyne.TextAlignTrailing
	switch {
	case id.Row == 0 && id.Col == 0:
		l.Text, l.Alignment = tr.T("export.breakdown.item"), fyne.TextAlignLeading
	case id.Row == 0 && id.Col <= len(v.cols):
		l.Text = v.doc.Kinds().Name(v.cols[id.Col-1].Kind)
	case id.Row == 0:
		l.Text = tr.T("export.breakdown.all")
	case id.Col == 0:
		l.Text, l.Alignment = v.cells[id.Row-1].Label(), fyne.TextAlignLeading
	case id.Col <= len(v.cols):
		l.Text = v.cols[id.Col-1].Values[v.cells[id.Row-1].Index].String()
	default:
		l.Text = v.all[v.cells[id.Row-1].ID].String()
	}
	l.Refresh()
}

// Contributors is a short line naming the units that gave most to a
// summed cell, for the cell's information line: "甲局 21、乙局 20 等 30 个单位".
func Contributors(d *report.Doc, id string, most int) string {
	list, err := consolidate.Contributions(d, id)
	if err != nil {
		return ""
	}
	var parts []string
	n := 0
	for _, c := range list {
		if !c.Included || c.Value.IsBlank() {
			continue
		}
		n++
		if len(parts) < most {
			parts = append(parts, c.Unit+" "+c.Value.String())
		}
	}
	if n == 0 {
		return tr.T("board.noContributors")
	}
	line := strings.Join(parts, "、")
	if n > len(parts) {
		line = tr.T("board.andMore", "Units", line, "Count", n)
	}
	return line
}

// ShowContributions shows in a dialog, for a summed cell, every received
// unit's value and whether it is in the sum: the drill-down.
func ShowContributions(win fyne.Window, d *report.Doc, id string) {
	list, err := consolidate.Contributions(d, id)
	if err != nil {
		dialog.ShowError(err, win)
		return
	}
	c, _ := d.Entry.Format.Cell(id)
	table := widget.NewTable(
		func() (int, int) { return len(list), 4 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(tid widget.TableCellID, o fyne.CanvasObject) {
			l, u := o.(*widget.Label), list[tid.Row]
			l.Importance = widget.MediumImportance
			switch tid.Col {
			case 0:
				l.Text = u.Unit
			case 1:
				l.Text = d.Kinds().Name(u.Kind)
			case 2:
				l.Text = u.Value.String()
			case 3:
				l.Text, l.Importance = tr.T("state."+u.State), Importance(u.State)
				if u.Included {
					l.Text = tr.T("board.inSum")
				}
			}
			l.Refresh()
		})
	h := look.LineHeight()
	for i, w := range []float32{12, 6, 6, 6} {
		table.SetColumnWidth(i, w*h*1.3)
	}
	total := d.Values()[id]
	included := 0
	for _, u := range list {
		if u.Included {
			included++
		}
	}
	head := widget.NewLabel(tr.T("board.drillHead", "Cell", c.Label(), "Value", total.String(), "Included", included, "Count", len(list)))
	head.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustom(tr.T("board.drillTitle"), tr.T("OK"), container.NewBorder(head, nil, nil, nil, table), win)
	size := win.Canvas().Size()
	dlg.Resize(fyne.NewSize(min(size.Width*0.9, 44*h*1.3), size.Height*0.8))
	dlg.Show()
}
