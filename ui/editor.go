package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/format"
	"nianbao/forms/report"
	"nianbao/forms/rules"
	"nianbao/ui/board"
	"nianbao/ui/pathlabel"
)

// part is one entry of the navigation: the preface (section nil), a
// section of the format, or a consolidation's board or breakdown (special).
type part struct {
	section *format.Section
	special string   // partBoard, partBreakdown, partFigures or ""
	view    partView // built when first shown
	// stale is set when the report was evaluated while the view was
	// not shown: it is refreshed when shown again, not on every edit.
	stale bool
}

// partView is the editor of one part.
type partView interface {
	object() fyne.CanvasObject
	refresh() // the report was re-evaluated
}

// editor is the main view of an open report: navigation, the selected
// part's editor, the problems panel and the status line.
type editor struct {
	a        *App
	root     fyne.CanvasObject
	parts    []*part
	current  int
	nav      *widget.List
	content  *fyne.Container
	problems *widget.List
	probHead *widget.Label
	status   *widget.Label    // save state, problem counts, format
	path     *pathlabel.Label // the file, shortened to the room left
	bar      *fyne.Container  // status and path
	split    *container.Split // navigation | body
	body     *container.Split // the part's editor over the problems
	counts   []int            // issues per part
	errors   []int            // errors per part (the rest of its issues are warnings)
	blanks   []int            // cells to fill in per part

	// The evaluation's problems as the editor presents them: issues are
	// what is wrong, todo the input cells not filled in yet. The check
	// and the exports count both as errors.
	issues, todo []rules.Problem
}

func newEditor(a *App) *editor {
	e := &editor{a: a, parts: []*part{{}}}
	if a.doc.Report.Consolidation != nil {
		e.parts = []*part{{special: partBoard}, {}}
	}
	for _, s := range a.doc.Sections() {
		e.parts = append(e.parts, &part{section: s})
	}
	if a.doc.Entry.Format.Infographic != nil {
		e.parts = append(e.parts, &part{special: partFigures})
	}
	if a.doc.Report.Consolidation != nil {
		e.parts = append(e.parts, &part{special: partBreakdown})
	}
	e.counts = make([]int, len(e.parts))
	e.errors = make([]int, len(e.parts))
	e.blanks = make([]int, len(e.parts))
	e.nav = widget.NewList(
		func() int { return len(e.parts) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, widget.NewLabel(""), title)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(e.title(i))
			badge := row.Objects[1].(*widget.Label)
			badge.Text, badge.Importance = e.badge(i)
			badge.Refresh()
		})
	e.nav.OnSelected = func(i widget.ListItemID) { e.select_(i) }
	e.content = container.NewStack()
	e.probHead = widget.NewLabel("")
	e.problems = widget.NewList(
		func() int { return e.problemRows() },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			icon, text, group := e.problemRow(i)
			row.Objects[1].(*widget.Icon).SetResource(icon)
			label := row.Objects[0].(*widget.Label)
			label.Text, label.TextStyle.Bold = text, group
			label.Refresh()
		})
	e.problems.OnSelected = func(i widget.ListItemID) {
		e.problems.UnselectAll()
		if p, ok := e.problemAt(i); ok {
			e.jumpTo(p)
		}
	}
	e.status = widget.NewLabel("")
	e.status.Truncation = fyne.TextTruncateEllipsis
	e.path = pathlabel.New("")
	e.body = container.NewVSplit(e.content, container.NewBorder(e.probHead, nil, nil, nil, e.problems))
	e.split = container.NewHSplit(e.nav, e.body)
	e.split.Offset, e.body.Offset = paneOffsets(a.fyne.Preferences())
	e.bar = container.New(&statusLayout{ruler: widget.NewLabel("")}, e.status, e.path)
	e.root = container.NewBorder(nil, e.bar, nil, nil, e.split)
	return e
}

// title is the navigation label of part i.
func (e *editor) title(i int) string {
	switch {
	case e.parts[i].special != "":
		return T("ui.part." + e.parts[i].special)
	case e.parts[i].section == nil:
		return T("ui.part.preface")
	}
	if s := e.a.doc.Section(e.parts[i].section.ID); s != nil {
		return e.a.doc.Heading(s) // as renamed since
	}
	return e.a.doc.Heading(e.parts[i].section)
}

// select_ shows part i.
func (e *editor) select_(i int) {
	e.current = i
	p := e.parts[i]
	if p.view == nil {
		p.view = e.newView(p)
		trimMemory()
		p.stale = true
	}
	if p.stale {
		p.view.refresh()
		p.stale = false
	}
	e.content.Objects = []fyne.CanvasObject{p.view.object()}
	e.content.Refresh()
}

func (e *editor) newView(p *part) partView {
	switch {
	case p.special == partBoard:
		return e.a.newBoard()
	case p.special == partBreakdown:
		return breakdownView{board.NewBreakdown(e.a.doc)}
	case p.special == partFigures:
		return e.a.newFigures()
	case p.section == nil:
		return newPrefaceView(e.a)
	case p.section.Kind == format.TableSection:
		return newTableView(e.a, p.section)
	}
	return newTextView(e.a, p.section)
}

// partOf returns the part a problem belongs to: the section of its cells'
// table or its text, a consolidation's board for its units' problems, else
// the preface.
func (e *editor) partOf(p rules.Problem) int {
	preface := 0
	for i, pt := range e.parts {
		if pt.special == partBoard && len(p.Cells) == 0 && (p.Rule == report.RuleMissingUnits || p.Rule == report.RuleCountedTwice) {
			return i
		}
		if pt.section == nil && pt.special == "" {
			preface = i
		}
	}
	for i, pt := range e.parts {
		s := pt.section
		if s == nil {
			continue
		}
		if p.Section != "" && p.Section == s.ID {
			return i
		}
		if len(p.Cells) > 0 && s.Kind == format.TableSection {
			if c, ok := e.a.doc.Entry.Format.Cell(p.Cells[0]); ok && c.Table.ID == s.Table {
				return i
			}
		}
	}
	return preface
}

// problemRows is the number of rows of the problems panel: the issues,
// then, when cells are still blank, a 待填 heading and those cells.
func (e *editor) problemRows() int {
	if len(e.todo) == 0 {
		return len(e.issues)
	}
	return len(e.issues) + 1 + len(e.todo)
}

// problemAt returns the problem of row i of the problems panel; the 待填
// heading leads to the first blank cell.
func (e *editor) problemAt(i int) (rules.Problem, bool) {
	switch {
	case i < len(e.issues):
		return e.issues[i], true
	case i == len(e.issues) && len(e.todo) > 0:
		return e.todo[0], true
	case i-len(e.issues)-1 < len(e.todo):
		return e.todo[i-len(e.issues)-1], true
	}
	return rules.Problem{}, false
}

// problemRow returns the icon and text of row i of the problems panel, and
// whether it is the 待填 heading.
func (e *editor) problemRow(i int) (fyne.Resource, string, bool) {
	if i == len(e.issues) {
		return theme.DocumentCreateIcon(), T("ui.problems.todoGroup", "Count", len(e.todo)), true
	}
	p, _ := e.problemAt(i)
	switch {
	case p.Blank:
		return theme.DocumentCreateIcon(), p.Message, false
	case p.Severity == format.Warning:
		return theme.WarningIcon(), p.Message, false
	}
	return theme.ErrorIcon(), p.Message, false
}

// refresh shows the latest evaluation everywhere.
func (e *editor) refresh() {
	for i := range e.counts {
		e.counts[i], e.errors[i], e.blanks[i] = 0, 0, 0
	}
	e.issues, e.todo = e.issues[:0], e.todo[:0]
	for _, p := range e.a.result.Problems {
		i := e.partOf(p)
		switch {
		case p.Blank:
			e.todo = append(e.todo, p)
			e.blanks[i]++
		case p.Severity == format.Error:
			e.errors[i]++
			fallthrough
		default:
			e.issues = append(e.issues, p)
			e.counts[i]++
		}
	}
	e.nav.Refresh()
	for i, p := range e.parts {
		switch {
		case p.view == nil:
		case i == e.current:
			p.view.refresh()
			p.stale = false
		default:
			p.stale = true
		}
	}
	errs := 0
	for _, n := range e.errors {
		errs += n
	}
	warns := len(e.issues) - errs
	todo := ""
	if len(e.todo) > 0 {
		todo = T("ui.problems.andTodo", "Count", len(e.todo))
	}
	head := T("ui.problems.head", "Errors", errs, "Warnings", warns, "Todo", todo)
	checks := T("ui.status.problems", "Errors", errs, "Warnings", warns, "Todo", todo)
	if len(e.todo) > 0 && len(e.issues) == 0 {
		head, checks = T("ui.problems.todoOnly", "Count", len(e.todo)), T("ui.status.todo", "Count", len(e.todo))
	}
	e.probHead.Text, e.probHead.Importance = head, widget.MediumImportance
	if errs+warns == 0 && len(e.todo) == 0 { // as the command line says it
		e.probHead.Text, e.probHead.Importance = T("ui.problems.clean"), widget.SuccessImportance
		checks = T("ui.status.clean")
	}
	e.probHead.Refresh()
	e.problems.Refresh()
	save := T("ui.status.saved")
	if e.a.dirty {
		save = T("ui.status.unsaved")
	}
	file := e.a.doc.Path
	if file == "" { // a new or sample report: nothing was saved
		save = T("ui.status.noFile")
	}
	if e.a.readOnly() {
		save = T("ui.status.readOnly")
	}
	e.status.SetText(T("ui.status.line", "Save", save, "Checks", checks, "Format", e.a.doc.Entry.DisplayName()))
	e.path.SetPath(file)
	e.bar.Refresh() // the status's width changed with its text
}

// badge is the problem count of part i shown in the navigation: red while
// the part has an error, yellow for warnings only; a part without either
// counts its blank cells in grey (待填 12), nothing when complete.
func (e *editor) badge(i int) (string, widget.Importance) {
	switch {
	case e.errors[i] > 0:
		return fmt.Sprint(e.counts[i]), widget.DangerImportance
	case e.counts[i] > 0:
		return fmt.Sprint(e.counts[i]), widget.WarningImportance
	case e.blanks[i] > 0:
		return T("ui.nav.todo", "Count", e.blanks[i]), widget.LowImportance
	}
	return "", widget.MediumImportance
}

// jumpTo shows the part of a problem and puts the cursor at its cell or text.
func (e *editor) jumpTo(p rules.Problem) {
	i := e.partOf(p)
	e.nav.Select(i)
	switch v := e.parts[i].view.(type) {
	case *tableView:
		if len(p.Cells) > 0 {
			v.sheet.Focus(p.Cells[0])
		}
	case *textView:
		if !v.showQuote(p.Quote) {
			e.a.win.Canvas().Focus(v.entry)
		}
	}
}

// jumpToCell shows the table of a cell and focuses it.
func (e *editor) jumpToCell(id string) {
	e.jumpTo(rules.Problem{Cells: []string{id}})
}

// statusLayout places the status line and the file's path side by side:
// the status as wide as its text, the path in the rest; in a narrow window
// (or at a large zoom) the path keeps its least width and the status is
// shortened with an ellipsis, so the bar never widens the window.
type statusLayout struct {
	ruler *widget.Label // measures the status's whole text as a label
}

func (l *statusLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	status, path := objs[0].(*widget.Label), objs[1]
	if l.ruler.Text != status.Text {
		l.ruler.SetText(status.Text)
	}
	want := l.ruler.MinSize().Width + 1 // rounding: a hair short shows "…"
	w := max(min(want, size.Width-path.MinSize().Width), 0)
	status.Move(fyne.NewPos(0, 0))
	status.Resize(fyne.NewSize(w, size.Height))
	path.Move(fyne.NewPos(w, 0))
	path.Resize(fyne.NewSize(size.Width-w, size.Height))
}

func (*statusLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s, p := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(s.Width+p.Width, max(s.Height, p.Height))
}
