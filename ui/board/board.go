// Package board is the consolidation's room in the editor: the board of
// units (every expected and received unit with its state), the breakdown
// of the sums by unit kind, and the drill-down of a summed cell. It shows
// what package consolidate made and asks the editor, through Actions, to
// receive files or consolidate again.
package board

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/consolidate"
	"nianbao/forms/report"
	"nianbao/forms/review"
	"nianbao/forms/unitkind"
	"nianbao/ui/look"
	"nianbao/ui/tr"
)

// Actions are what the board asks of the editor.
type Actions struct {
	AddFiles, AddFolder, ChooseList func()
	// Rerun consolidates again, with or without the units that have errors.
	Rerun func(includeErrors bool)
	// AddToList puts units received but not expected on the list.
	AddToList func(units []report.UnitEntry)
	// Open shows a unit's report, read-only; History the versions it
	// sent; Return asks why a unit's
	// report goes back and returns it; Review
	// gives the review do (approve, publish, reopen) to a unit's report.
	Open    func(row review.Row)
	History func(row review.Row)
	Return  func(row review.Row)
	Review  func(do, unit string)
	// Deadlines edits the deadlines; Chase writes the units to chase among
	// the board's, Export the board.
	Deadlines     func()
	Chase, Export func(rows []review.Row)
	// Bundle writes the publication bundle.
	Bundle func()
}

// The reviews Actions.Review gives.
const (
	DoApprove = "approve"
	DoPublish = "publish"
	DoReopen  = "reopen"
)

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
	reviews []*widget.Button // 查看报告 报送记录 退回… 审核通过 标为已发布 撤销审核, for the unit selected
	all     []review.Row     // every unit
	rows    []review.Row     // shown, after the filter, in the order chosen
	sel     int              // selected row, -1 for none
	sortBy  int              // the column the rows are sorted by, -1 for the board's order
	desc    bool
	// Now is the time lateness is judged at (time.Now; tests set it).
	Now func() time.Time
}

// columns of the board's table.
var columns = []struct {
	key   string
	width float32 // in text heights
}{
	{"board.col.state", 4}, {"board.col.unit", 11}, {"board.col.kind", 4.6}, {"board.col.review", 3.6}, {"board.col.received", 5.6},
	{"board.col.due", 5}, {"board.col.overdue", 2.2}, {"board.col.errors", 2.2}, {"board.col.warnings", 2.2}, {"board.col.blanks", 2.2},
	{"board.col.included", 2.2}, {"board.col.file", 10}, {"board.col.message", 24},
}

// filters of the board: what each shows.
var filters = []struct {
	key  string
	show func(r review.Row) bool
}{
	{"board.filter.all", func(review.Row) bool { return true }},
	{"board.filter.problems", func(r review.Row) bool {
		return slices.Contains([]string{consolidate.Refused, consolidate.Duplicate, consolidate.WrongYear, consolidate.WrongFormat,
			consolidate.Unknown, consolidate.Errors, consolidate.Blanks}, r.State)
	}},
	{"board.filter.missing", func(r review.Row) bool { return r.State == consolidate.Missing }},
	{"board.filter.overdue", func(r review.Row) bool { return r.Overdue }},
	{"board.filter.waiting", func(r review.Row) bool { return received(r) && r.Review == "" }},
	{"board.filter.returned", func(r review.Row) bool { return r.Review == report.Returned }},
	{"board.filter.approved", func(r review.Row) bool { return r.Review == report.Approved || r.Review == report.Published }},
	{"board.filter.included", func(r review.Row) bool { return r.Included }},
}

// received tells a unit whose report came and can be reviewed.
func received(r review.Row) bool { return review.Reviewable(r.UnitEntry) }

// New makes the board of d, a consolidated report.
func New(d *report.Doc, act Actions) *Board {
	b := &Board{doc: d, act: act, sel: -1, sortBy: -1, Now: time.Now}
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
		h := widget.NewButton("", nil)
		h.Importance = widget.LowImportance
		h.Alignment = widget.ButtonAlignLeading
		return h
	}
	b.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col < 0 {
			return
		}
		h := o.(*widget.Button)
		h.SetText(tr.T(columns[id.Col].key) + b.sortMark(id.Col))
		h.OnTapped = func() { b.SortBy(id.Col) }
	}
	b.table.StickyColumnCount = 2
	h := look.LineHeight()
	for i, c := range columns {
		b.table.SetColumnWidth(i, c.width*h*1.4)
	}
	b.table.OnSelected = func(id widget.TableCellID) {
		b.sel = id.Row
		b.updateButtons()
	}
	b.addList = widget.NewButton(tr.T("board.addToList"), func() {
		if b.sel >= 0 && b.sel < len(b.rows) {
			b.act.AddToList([]report.UnitEntry{b.rows[b.sel].UnitEntry})
		}
	})
	tools := container.NewHBox(
		widget.NewButton(tr.T("board.addFiles"), func() { b.act.AddFiles() }),
		widget.NewButton(tr.T("board.addFolder"), func() { b.act.AddFolder() }),
		widget.NewButton(tr.T("board.chooseList"), func() { b.act.ChooseList() }),
		widget.NewButton(tr.T("board.rerun"), func() { b.act.Rerun(b.include.Checked) }),
		widget.NewButton(tr.T("board.deadlines"), func() { b.act.Deadlines() }),
	)
	// What the board writes, under one button: the row stays within a
	// 1024-pixel screen.
	var out *widget.Button
	out = widget.NewButtonWithIcon(tr.T("board.output"), theme.MenuDropDownIcon(), func() {
		menu := fyne.NewMenu("",
			// Copies: a run ending while the file dialog is open refreshes the board.
			fyne.NewMenuItem(tr.T("board.chase"), func() { b.act.Chase(slices.Clone(b.all)) }),
			fyne.NewMenuItem(tr.T("board.export"), func() { b.act.Export(slices.Clone(b.rows)) }),
			fyne.NewMenuItem(tr.T("board.bundle"), func() { b.act.Bundle() }),
		)
		c := fyne.CurrentApp().Driver().CanvasForObject(out)
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(out).AddXY(0, out.Size().Height)
		widget.ShowPopUpMenuAtPosition(menu, c, at)
	})
	tools.Add(out)
	selected := func(f func(r review.Row)) func() {
		return func() {
			if b.sel >= 0 && b.sel < len(b.rows) {
				f(b.rows[b.sel])
			}
		}
	}
	b.reviews = []*widget.Button{
		widget.NewButton(tr.T("board.open"), selected(func(r review.Row) { b.act.Open(r) })),
		widget.NewButton(tr.T("board.history"), selected(func(r review.Row) { b.act.History(r) })),
		widget.NewButton(tr.T("board.return"), selected(func(r review.Row) { b.act.Return(r) })),
		widget.NewButton(tr.T("board.approve"), selected(func(r review.Row) { b.act.Review(DoApprove, r.Unit) })),
		widget.NewButton(tr.T("board.publish"), selected(func(r review.Row) { b.act.Review(DoPublish, r.Unit) })),
		widget.NewButton(tr.T("board.reopen"), selected(func(r review.Row) { b.act.Review(DoReopen, r.Unit) })),
	}
	unitTools := container.NewHBox(widget.NewLabel(tr.T("board.selected")))
	for _, btn := range b.reviews {
		unitTools.Add(btn)
	}
	unitTools.Add(b.addList)
	head := widget.NewLabelWithStyle(tr.T("board.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(head, container.NewHScroll(tools), container.NewHScroll(unitTools),
		container.NewBorder(nil, nil, nil, container.NewHBox(b.include, b.filter), b.summary))
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
	b.all = review.Board(ws, b.doc.Kinds(), b.doc.Report.Year, b.Now())
	b.rows = b.rows[:0]
	counts := map[string]int{}
	included, overdue, returned := 0, 0, 0
	for _, u := range b.all {
		counts[u.State]++
		if u.Included {
			included++
		}
		if u.Overdue {
			overdue++
		}
		if u.Review == report.Returned {
			returned++
		}
		if f.show(u) {
			b.rows = append(b.rows, u)
		}
	}
	b.sort()
	text := tr.T("board.summary", "Expected", len(ws.Expected), "Received", len(ws.Units)-counts[consolidate.Missing],
		"Included", included, "Missing", counts[consolidate.Missing])
	var parts string
	for _, s := range consolidate.States {
		if n := counts[s]; n > 0 && s != consolidate.Missing {
			parts += fmt.Sprintf("　%s %d", tr.T("state."+s), n)
		}
	}
	if overdue+returned > 0 {
		parts += tr.T("board.lateReturned", "Overdue", overdue, "Returned", returned)
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
	var r review.Row
	if b.sel >= 0 && b.sel < len(b.rows) {
		r = b.rows[b.sel]
	}
	enable(b.addList, r.State == consolidate.Unknown)
	ok := r.State == consolidate.OK || r.State == consolidate.Warnings
	enable(b.reviews[0], r.File != "" && r.State != consolidate.Duplicate)
	enable(b.reviews[1], r.Versions > 0)
	enable(b.reviews[2], received(r) && r.Review != report.Published)
	enable(b.reviews[3], ok && r.Review != report.Approved && r.Review != report.Published)
	enable(b.reviews[4], r.Review == report.Approved)
	enable(b.reviews[5], r.Review != "")
}

func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// Select selects the row of unit, if shown; false when it is not.
func (b *Board) Select(unit string) bool {
	for i, r := range b.rows {
		if unitkind.Normalize(r.Unit) == unitkind.Normalize(unit) {
			b.table.Select(widget.TableCellID{Row: i, Col: 1})
			return true
		}
	}
	return false
}

// Filter shows the units of the board's filter i (as listed in its menu).
func (b *Board) Filter(i int) { b.filter.SetSelectedIndex(i) }

// Rows are the units shown, in the order shown.
func (b *Board) Rows() []review.Row { return b.rows }

// SortBy sorts the rows by a column; again, the other way round; a third
// time, back in the board's order.
func (b *Board) SortBy(col int) {
	switch {
	case b.sortBy != col:
		b.sortBy, b.desc = col, false
	case !b.desc:
		b.desc = true
	default:
		b.sortBy = -1
	}
	b.Refresh()
}

func (b *Board) sortMark(col int) string {
	switch {
	case col != b.sortBy:
		return ""
	case b.desc:
		return " ▼"
	}
	return " ▲"
}

// sort puts the rows shown in the order chosen (stable: equal rows keep
// the board's order).
func (b *Board) sort() {
	if b.sortBy < 0 {
		return
	}
	key := columns[b.sortBy].key
	slices.SortStableFunc(b.rows, func(x, y review.Row) int {
		c := compareBy(key, x, y, b.doc.Kinds())
		if b.desc {
			return -c
		}
		return c
	})
}

// compareBy compares two rows by a column's values.
func compareBy(key string, x, y review.Row, kinds *unitkind.Set) int {
	switch key {
	case "board.col.state":
		return cmp.Compare(slices.Index(consolidate.States, x.State), slices.Index(consolidate.States, y.State))
	case "board.col.unit":
		return strings.Compare(x.Unit, y.Unit)
	case "board.col.kind":
		return strings.Compare(kinds.Name(x.Kind), kinds.Name(y.Kind))
	case "board.col.review":
		return strings.Compare(x.Review, y.Review)
	case "board.col.received":
		return x.Received.Compare(y.Received)
	case "board.col.due":
		return x.Due.Compare(y.Due)
	case "board.col.overdue":
		return cmp.Compare(b2i(x.Overdue), b2i(y.Overdue))
	case "board.col.errors":
		return cmp.Compare(x.Errors, y.Errors)
	case "board.col.warnings":
		return cmp.Compare(x.Warnings, y.Warnings)
	case "board.col.blanks":
		return cmp.Compare(x.Blanks, y.Blanks)
	case "board.col.included":
		return cmp.Compare(b2i(x.Included), b2i(y.Included))
	case "board.col.file":
		return strings.Compare(x.File, y.File)
	}
	return strings.Compare(x.Message, y.Message)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
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
	case "board.col.review":
		if received(u) {
			text = review.Label(u.Review)
			l.Importance = reviewImportance(u.Review)
		}
	case "board.col.received":
		if !u.Received.IsZero() {
			text = u.Received.Local().Format("01-02 15:04")
		}
	case "board.col.due":
		if !u.Due.IsZero() {
			text = u.Due.Format("01-02")
		}
	case "board.col.overdue":
		if u.Overdue {
			text, l.Importance = tr.T("board.overdue"), widget.DangerImportance
		}
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
		if u.Review == report.Returned {
			text = tr.T("board.returnedFor", "Reason", strings.ReplaceAll(u.Reason, "\n", "；"))
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

// reviewImportance colours a review: returned red, approved and published
// green, waiting plain.
func reviewImportance(r string) widget.Importance {
	switch r {
	case report.Returned:
		return widget.DangerImportance
	case report.Approved, report.Published:
		return widget.SuccessImportance
	}
	return widget.MediumImportance
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
