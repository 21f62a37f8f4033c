// Package board is the consolidation's room in the editor: the board of
// units (every expected and received unit with its state), the breakdown
// of the sums by unit kind, and the drill-down of a summed cell. It shows
// what package consolidate made and asks the editor, through Actions, to
// receive files or consolidate again.
package board

import (
	"fmt"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/consolidate"
	"nianbao/forms/report"
	"nianbao/ui/tr"
)

// Actions are what the board asks of the editor.
type Actions struct {
	AddFiles, AddFolder, ChooseList func()
	// Rerun consolidates again, with or without the units that have errors.
	Rerun func(includeErrors bool)
	// AddToList puts units received but not expected on the list.
	AddToList func(units []report.UnitEntry)
}

// Board shows a consolidation's units.
type Board struct {
	doc     *report.Doc
	act     Actions
	root    fyne.CanvasObject
	summary *widget.Label
	include *widget.Check
	filter  *widget.Select
	table   *widget.Table
	addList *widget.Button
	rows    []report.UnitEntry // shown, after the filter
	sel     int                // selected row, -1 for none
}

// columns of the board's table.
var columns = []struct {
	key   string
	width float32 // in text heights
}{
	{"board.col.state", 4}, {"board.col.unit", 11}, {"board.col.kind", 6}, {"board.col.errors", 2.2},
	{"board.col.warnings", 2.2}, {"board.col.blanks", 2.2}, {"board.col.included", 2.2}, {"board.col.file", 10}, {"board.col.message", 24},
}

// filters of the board, by the states they show.
var filters = []struct {
	key    string
	states []string // nil for all
}{
	{"board.filter.all", nil},
	{"board.filter.problems", []string{consolidate.Refused, consolidate.Duplicate, consolidate.WrongYear, consolidate.WrongFormat,
		consolidate.Unknown, consolidate.Errors, consolidate.Blanks}},
	{"board.filter.missing", []string{consolidate.Missing}},
	{"board.filter.included", nil},
}

// New makes the board of d, a consolidated report.
func New(d *report.Doc, act Actions) *Board {
	b := &Board{doc: d, act: act, sel: -1}
	b.summary = widget.NewLabel("")
	b.summary.Wrapping = fyne.TextWrapWord
	b.include = widget.NewCheck(tr.T("board.includeErrors"), func(on bool) {
		if ws := b.doc.Report.Consolidation; ws != nil && on != ws.IncludeErrors {
			b.act.Rerun(on)
		}
	})
	var names []string
	for _, f := range filters {
		names = append(names, tr.T(f.key))
	}
	b.filter = widget.NewSelect(names, nil)
	b.filter.SetSelectedIndex(0)
	b.filter.OnChanged = func(string) { b.Refresh() }
	b.table = widget.NewTable(
		func() (int, int) { return len(b.rows), len(columns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { b.fill(id, o.(*widget.Label)) })
	b.table.ShowHeaderRow = true
	b.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	b.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(tr.T(columns[id.Col].key))
		}
	}
	b.table.StickyColumnCount = 2
	h := textHeight()
	for i, c := range columns {
		b.table.SetColumnWidth(i, c.width*h*1.4)
	}
	b.table.OnSelected = func(id widget.TableCellID) {
		b.sel = id.Row
		b.updateButtons()
	}
	b.addList = widget.NewButton(tr.T("board.addToList"), func() {
		if b.sel >= 0 && b.sel < len(b.rows) {
			b.act.AddToList([]report.UnitEntry{b.rows[b.sel]})
		}
	})
	tools := container.NewHBox(
		widget.NewButton(tr.T("board.addFiles"), func() { b.act.AddFiles() }),
		widget.NewButton(tr.T("board.addFolder"), func() { b.act.AddFolder() }),
		widget.NewButton(tr.T("board.chooseList"), func() { b.act.ChooseList() }),
		widget.NewButton(tr.T("board.rerun"), func() { b.act.Rerun(b.include.Checked) }),
		b.addList,
	)
	head := widget.NewLabelWithStyle(tr.T("board.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(head, container.NewHScroll(tools), container.NewBorder(nil, nil, nil, container.NewHBox(b.include, b.filter), b.summary))
	b.root = container.NewBorder(top, nil, nil, nil, b.table)
	b.Refresh()
	return b
}

// Object is the board's canvas object.
func (b *Board) Object() fyne.CanvasObject { return b.root }

// Refresh shows the workspace as it is now.
func (b *Board) Refresh() {
	ws := b.doc.Report.Consolidation
	if ws == nil {
		return
	}
	b.include.SetChecked(ws.IncludeErrors)
	f := filters[max(b.filter.SelectedIndex(), 0)]
	b.rows = b.rows[:0]
	counts := map[string]int{}
	included := 0
	for _, u := range ws.Units {
		counts[u.State]++
		if u.Included {
			included++
		}
		switch {
		case f.key == "board.filter.included" && !u.Included:
		case f.states != nil && !slices.Contains(f.states, u.State):
		default:
			b.rows = append(b.rows, u)
		}
	}
	text := tr.T("board.summary", "Expected", len(ws.Expected), "Received", len(ws.Units)-counts[consolidate.Missing],
		"Included", included, "Missing", counts[consolidate.Missing])
	var parts string
	for _, s := range consolidate.States {
		if n := counts[s]; n > 0 && s != consolidate.Missing {
			parts += fmt.Sprintf("　%s %d", tr.T("state."+s), n)
		}
	}
	if ws.Updated == "" {
		text = tr.T("board.empty")
	}
	b.summary.SetText(text + parts)
	b.sel = -1
	b.table.UnselectAll()
	b.table.Refresh()
	b.updateButtons()
}

func (b *Board) updateButtons() {
	if b.sel >= 0 && b.sel < len(b.rows) && b.rows[b.sel].State == consolidate.Unknown {
		b.addList.Enable()
	} else {
		b.addList.Disable()
	}
}

// fill shows one cell of the table.
func (b *Board) fill(id widget.TableCellID, l *widget.Label) {
	if id.Row >= len(b.rows) {
		return
	}
	u := b.rows[id.Row]
	l.Importance = widget.MediumImportance
	var text string
	switch columns[id.Col].key {
	case "board.col.state":
		text, l.Importance = tr.T("state."+u.State), Importance(u.State)
	case "board.col.unit":
		text = u.Unit
	case "board.col.kind":
		text = b.doc.Kinds().Name(u.Kind)
	case "board.col.errors":
		text = count(u.Errors, u.File)
	case "board.col.warnings":
		text = count(u.Warnings, u.File)
	case "board.col.blanks":
		text = count(u.Blanks, u.File)
	case "board.col.included":
		if u.Included {
			text = "✓"
		}
	case "board.col.file":
		if u.File != "" {
			text = filepath.Base(filepath.FromSlash(u.File))
		}
	case "board.col.message":
		text = u.Message
		if u.CountedTwice != "" {
			text = tr.T("board.countedTwice", "By", u.CountedTwice)
		}
	}
	l.Text = text
	l.Refresh()
}

func count(n int, file string) string {
	if file == "" {
		return ""
	}
	return fmt.Sprint(n)
}

// Importance is how a state is coloured: red for what cannot be used as
// sent, yellow for what needs a look, green for ok, grey for missing.
func Importance(state string) widget.Importance {
	switch state {
	case consolidate.Refused, consolidate.Errors:
		return widget.DangerImportance
	case consolidate.OK:
		return widget.SuccessImportance
	case consolidate.Missing:
		return widget.LowImportance
	}
	return widget.WarningImportance
}

// textHeight is the height of a line of text, which column widths are
// measured in.
func textHeight() float32 {
	return fyne.MeasureText("国", fyne.CurrentApp().Settings().Theme().Size("text"), fyne.TextStyle{}).Height
}
