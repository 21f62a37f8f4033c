package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/consolidate"
	"nianbao/ui/look"
	"nianbao/ui/task"
)

// repeatsBar is the row under the board that starts the check of the
// units' texts against one another.
func (a *App) repeatsBar() fyne.CanvasObject {
	hint := widget.NewLabel(T("ui.repeats.hint"))
	hint.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, widget.NewButton(T("ui.repeats.button"), a.checkRepeats), nil, hint))
}

// checkRepeats compares the texts of the units in the open 汇总's sums
// with one another (rule X5 between units) off the UI goroutine, with a
// progress bar and cancel, and shows what it found. It waits for no
// consolidation: one long task at a time.
func (a *App) checkRepeats() {
	d := a.doc
	if d == nil || d.Report.Consolidation == nil {
		return
	}
	if a.busy != nil {
		a.inform(T("ui.consolidate.running"), T("ui.consolidate.busy"))
		return
	}
	c, err := consolidate.PrepareRepeats(d)
	if err != nil {
		a.showError(err)
		return
	}
	if c.Units() < 2 {
		a.inform(T("ui.repeats.title"), T("ui.repeats.tooFew", "Units", c.Units()))
		return
	}
	var found []consolidate.UnitRepeat
	a.busy = task.Run(a.win, T("ui.repeats.running"), func(ctx context.Context, progress task.Progress) error {
		var err error
		found, err = c.Run(ctx, progress)
		return err
	}, func(err error) {
		a.busy = nil
		switch {
		case a.doc != d || errors.Is(err, context.Canceled):
		case err != nil:
			a.showError(err)
		default:
			a.showRepeats(found, c.Units())
		}
	})
}

// repeatColumns are the columns of the repeats' table, widths in text
// heights.
var repeatColumns = []struct {
	key   string
	width float32
}{
	{"repeats.col.a", 7}, {"repeats.col.b", 7}, {"repeats.col.section", 8}, {"repeats.col.share", 4}, {"repeats.col.sentences", 22},
}

// showRepeats shows the sections nearly the same between units: a table
// of the pairs, and under it every repeated sentence of the pair
// selected, in full.
func (a *App) showRepeats(found []consolidate.UnitRepeat, units int) {
	if len(found) == 0 {
		a.inform(T("ui.repeats.title"), T("repeats.none", "Units", units))
		return
	}
	detail := widget.NewLabel(T("ui.repeats.select"))
	detail.Wrapping = fyne.TextWrapWord
	table := widget.NewTable(
		func() (int, int) { return len(found), len(repeatColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			r := found[id.Row]
			o.(*widget.Label).SetText([]string{r.A, r.B, r.Heading, r.Percent(), r.Quotes()}[id.Col])
		})
	table.ShowHeaderRow = true
	table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(T(repeatColumns[id.Col].key))
		}
	}
	h := look.LineHeight()
	for i, c := range repeatColumns {
		table.SetColumnWidth(i, c.width*h*1.1)
	}
	table.OnSelected = func(id widget.TableCellID) { detail.SetText(repeatDetail(found[id.Row])) }
	head := widget.NewLabel(T("repeats.found", "Count", len(found), "Units", units))
	head.Wrapping = fyne.TextWrapWord
	split := container.NewVSplit(table, container.NewVScroll(detail))
	split.Offset = 0.5
	dlg := dialog.NewCustom(T("ui.repeats.title"), T("ui.export.close"), container.NewBorder(head, nil, nil, nil, split), a.win)
	size := a.win.Canvas().Size()
	dlg.Resize(fyne.NewSize(min(size.Width*0.92, 960), min(size.Height*0.88, 640)))
	dlg.Show()
}

// repeatDetail is every repeated sentence of r, A's and B's, in full.
func repeatDetail(r consolidate.UnitRepeat) string {
	var sb strings.Builder
	sb.WriteString(T("ui.repeats.detailHead", "A", r.A, "B", r.B, "Section", r.Heading, "Share", r.Percent(), "Count", len(r.Sentences)))
	for i, p := range r.Sentences {
		sb.WriteString("\n\n")
		sb.WriteString(T("ui.repeats.pair", "N", i+1, "A", r.A, "TextA", p.A.Text, "B", r.B, "TextB", p.B.Text))
	}
	return sb.String()
}
