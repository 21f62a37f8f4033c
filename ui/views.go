package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/format"
	"nianbao/forms/report"
	"nianbao/forms/rules"
	num "nianbao/forms/value"
	"nianbao/ui/board"
	"nianbao/ui/charts"
	"nianbao/ui/ime"
	"nianbao/ui/look"
	"nianbao/ui/sheet"
)

// prefaceView edits the unit, its contact details and the closing.
type prefaceView struct {
	a      *App
	root   fyne.CanvasObject
	prev   *widget.Label
	issues *widget.Label
}

func newPrefaceView(a *App) *prefaceView {
	v := &prefaceView{a: a, prev: widget.NewLabel(""), issues: widget.NewLabel("")}
	v.issues.Wrapping = fyne.TextWrapWord
	r := a.doc.Report
	var inputs []fyne.Disableable
	field := func(key, text string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.OnChanged = func(s string) {
			a.doc.SetField(key, s) // these fields take any text
			a.changed()
		}
		inputs = append(inputs, e)
		return e
	}
	date := field("closing.dateText", r.Closing.Date)
	date.Validator = func(s string) error {
		_, err := report.ParseDate(s)
		return err
	}
	kinds := a.doc.Kinds()
	kind := widget.NewSelect(kinds.Names(), func(label string) {
		if k, ok := kinds.Parse(label); ok && k.ID != a.doc.Report.Unit.Kind {
			a.doc.SetField("unit.kind", k.ID)
			a.changed()
		}
	})
	if kinds.Known(r.Unit.Kind) {
		kind.SetSelected(kinds.Name(r.Unit.Kind))
	}
	typed := widget.NewCheck(T("ui.preface.typedTotals"), func(on bool) {
		if on != a.doc.Report.TypedTotals {
			a.doc.SetTypedTotals(on)
			a.changed()
		}
	})
	typed.SetChecked(r.TypedTotals)
	link := widget.NewButton(T("ui.preface.linkPrev"), func() { a.choosePrev() })
	unlink := widget.NewButton(T("ui.preface.unlinkPrev"), func() {
		a.doc.SetField("prev", "")
		a.changed()
	})
	form := widget.NewForm(
		widget.NewFormItem(T("ui.preface.unit"), field("unit.name", r.Unit.Name)),
		widget.NewFormItem(T("ui.preface.kind"), kind),
		widget.NewFormItem(T("ui.preface.year"), widget.NewLabel(T("ui.preface.yearValue", "Year", r.Year))),
		widget.NewFormItem(T("ui.preface.format"), widget.NewLabel(a.doc.Entry.DisplayName())),
		widget.NewFormItem(T("ui.preface.address"), field("preface.address", r.Preface.Address)),
		widget.NewFormItem(T("ui.preface.postcode"), field("preface.postcode", r.Preface.Postcode)),
		widget.NewFormItem(T("ui.preface.phone"), field("preface.phone", r.Preface.Phone)),
		widget.NewFormItem(T("ui.preface.website"), field("preface.website", r.Preface.Website)),
		widget.NewFormItem(T("ui.preface.organ"), field("closing.organ", r.Closing.Organ)),
		widget.NewFormItem(T("ui.preface.date"), date),
		widget.NewFormItem(T("ui.preface.prev"), container.NewBorder(nil, nil, nil, container.NewHBox(link, unlink), v.prev)),
		widget.NewFormItem(T("ui.preface.totals"), typed),
	)
	if a.readOnly() {
		for _, in := range append(inputs, kind, typed, link, unlink) {
			in.Disable()
		}
	}
	head := widget.NewLabel(T("ui.part.preface"))
	v.root = container.NewBorder(head, nil, nil, nil, container.NewVScroll(container.NewVBox(form, v.issues)))
	return v
}

func (v *prefaceView) object() fyne.CanvasObject { return v.root }

// inputCell reports whether the clerk types into cell i (totals take input
// only in a report with typed totals).
func inputCell(d *report.Doc, i int) bool {
	return d.Origin(d.Entry.Format.Cells()[i].ID) == report.Typed
}

func (v *prefaceView) refresh() {
	prev := v.a.doc.Report.Prev
	if prev == "" {
		prev = T("ui.preface.noPrev")
	}
	v.prev.SetText(prev)
	var msgs []string
	for _, p := range v.a.result.Problems {
		if v.a.ed.partOf(p) == 0 {
			msgs = append(msgs, p.Message)
		}
	}
	v.issues.SetText(strings.Join(msgs, "\n"))
}

// textView edits a text section, with its guidance and a character count.
type textView struct {
	a       *App
	section *format.Section
	root    fyne.CanvasObject
	entry   *textEntry
	count   *widget.Label
	issues  *fyne.Container // the section's problems, a row each
	shown   string          // what the rows of issues show, to make them anew only when it changes
}

func newTextView(a *App, s *format.Section) *textView {
	v := &textView{a: a, section: s, entry: newTextEntry(), count: widget.NewLabel(""), issues: container.NewVBox()}
	v.entry.onKey, v.entry.onShortcut = a.functionKey, a.zoomShortcut
	v.entry.SetPlaceHolder(T("ui.text.placeholder"))
	v.entry.SetText(a.doc.Report.Texts[s.ID])
	v.entry.OnChanged = func(text string) {
		a.doc.SetText(s.ID, text)
		a.changed()
	}
	v.entry.OnCursorChanged = func() { ime.Place(a.win, v.entry, v.entry.CursorPosition(), look.LineHeight()) }
	var head fyne.CanvasObject = widget.NewLabel(a.doc.Heading(s))
	if a.readOnly() {
		v.entry.Disable()
	}
	if s.HeadingEditable && !a.readOnly() {
		h := widget.NewEntry()
		h.SetText(a.doc.Heading(s))
		h.OnChanged = func(text string) {
			a.doc.SetField("heading."+s.ID, text)
			a.changed()
		}
		head = h
		if a.doc.SectionsEditable() {
			// A pre-2019 report chooses its parts.
			up := widget.NewButtonWithIcon(T("ui.sections.up"), theme.MoveUpIcon(), func() { a.moveSection(s.ID, -1) })
			down := widget.NewButtonWithIcon(T("ui.sections.down"), theme.MoveDownIcon(), func() { a.moveSection(s.ID, 1) })
			if ids := a.textSectionIDs(); ids[0] == s.ID {
				up.Disable()
			} else if ids[len(ids)-1] == s.ID {
				down.Disable()
			}
			add := widget.NewButton(T("ui.sections.add"), func() { a.askAddSection(s.ID) })
			remove := widget.NewButton(T("ui.sections.remove"), func() { a.removeSection(s.ID) })
			head = container.NewBorder(nil, nil, nil, container.NewHBox(up, down, add, remove), h)
		}
	}
	if a.doc.Entry.Format.HasDrafts(s.ID) && !a.readOnly() {
		head = container.NewBorder(nil, nil, nil, widget.NewButtonWithIcon(T("ui.draft.button"), theme.DocumentCreateIcon(), v.askDraft), head)
	}
	guide := widget.NewLabel(s.Guidance)
	guide.Wrapping = fyne.TextWrapWord
	side := container.NewVBox(widget.NewCard(T("ui.text.guidance"), "", guide))
	if prev := a.doc.PrevText(s); prev != "" {
		// Last year's text to refer to, never copied in.
		last := widget.NewLabel(prev)
		last.Wrapping = fyne.TextWrapWord
		side.Add(widget.NewCard(T("ui.text.lastYear"), T("ui.text.lastYearNote", "Year", a.doc.Report.Year-1), last))
	}
	body := container.NewHSplit(v.entry, container.NewVScroll(side))
	body.Offset = 0.72
	v.root = container.NewBorder(head, container.NewVBox(v.count, v.issues), nil, nil, body)
	return v
}

func (v *textView) object() fyne.CanvasObject { return v.root }

func (v *textView) refresh() {
	n := rules.CountChars(v.entry.Text)
	if v.section.MaxChars > 0 {
		v.count.SetText(T("ui.text.countLimit", "Count", n, "Limit", v.section.MaxChars))
		v.count.Importance = widget.MediumImportance
		if n > v.section.MaxChars {
			v.count.Importance = widget.DangerImportance
		}
	} else {
		v.count.SetText(T("ui.text.count", "Count", n))
	}
	v.count.Refresh()
	var ps []rules.Problem
	for _, p := range v.a.result.Problems {
		if p.Section == v.section.ID {
			ps = append(ps, p)
		}
	}
	v.problemRows(ps)
}

// tableView edits a statistics table.
type tableView struct {
	a        *App
	section  *format.Section
	table    *format.Table
	sheet    *sheet.Sheet
	info     *widget.Label
	progress *widget.Label // 已填 45/175
	root     fyne.CanvasObject
	focus    string // the focused cell
	hover    string // the cell under the mouse
	note     string // a message about an edit of noteID
	noteID   string
	editID   string           // the cell being edited
	before   report.CellState // its state before the edit
	// chart is the chart of the table's figures (表三's outcomes), nil
	// when it has none; body shows the sheet, and the chart beside it
	// while chartShown.
	chart       *charts.TableChart
	chartButton *widget.Button
	body        *fyne.Container
	chartShown  bool
}

func newTableView(a *App, s *format.Section) *tableView {
	t := a.doc.Entry.Format.Table(s.Table)
	v := &tableView{a: a, section: s, table: t, sheet: sheet.New(t), info: widget.NewLabel("")}
	v.info.Wrapping = fyne.TextWrapWord
	v.sheet.OnEdit = func(id, text string) error {
		if v.editID != id {
			v.editID, v.before = id, a.doc.CellState(id)
		}
		err := a.doc.SetCell(id, text)
		v.noteID, v.note = id, ""
		if err != nil {
			v.note = "× " + err.Error()
			v.showInfo()
			return err
		}
		a.changed()
		return nil
	}
	v.sheet.OnCommit = func(id string) {
		if v.editID == id {
			a.undo.push([]change{{id, v.before, a.doc.CellState(id)}})
		}
		v.editID = ""
	}
	v.sheet.OnAbandon = func(id string) {
		if v.editID == id {
			a.doc.RestoreCell(id, v.before)
			a.changed()
		}
		v.editID, v.note = "", ""
	}
	v.sheet.OnPaste = v.paste
	v.sheet.OnFill = v.fill
	v.sheet.OnMenu = v.showMenu
	v.sheet.OnFocus = func(id string) {
		v.focus = id
		v.showInfo()
		v.placeIME(id)
	}
	v.sheet.OnHover = func(id string) {
		v.hover = id
		v.showInfo()
	}
	v.sheet.OnShortcut = a.shortcut
	v.sheet.OnKey = func(name fyne.KeyName) { a.functionKey(name) }
	head := widget.NewLabel(a.doc.Heading(s))
	head.Truncation = fyne.TextTruncateEllipsis
	fill := widget.NewButton(T("ui.table.fillZero"), v.confirmFillZero)
	if a.readOnly() {
		fill.Disable()
	}
	if a.doc.Report.Consolidation != nil {
		fill.Hide() // a 汇总's cells are sums: nothing to fill
	}
	v.progress = widget.NewLabel("")
	tools := container.NewHBox(v.progress, fill)
	if v.chart = charts.NewTableChart(a.doc, a.values, t); v.chart != nil {
		v.chartButton = widget.NewButton(T("ui.table.showChart"), v.toggleChart)
		tools.Add(v.chartButton)
	}
	top := container.NewBorder(nil, nil, nil, tools, head)
	if t.Title != "" {
		top = container.NewVBox(top, widget.NewLabelWithStyle(t.Title, fyne.TextAlignCenter, fyne.TextStyle{}))
	}
	var body fyne.CanvasObject = v.sheet.Scroll()
	if a.source != "" {
		var headings []string
		for _, sec := range a.doc.Sections() {
			headings = append(headings, a.doc.Heading(sec))
		}
		split := container.NewHSplit(body, sourcePanel(a.source, a.doc.Heading(s), headings))
		split.Offset = 0.62
		body = split
	}
	v.body = container.NewStack(body)
	v.root = container.NewBorder(top, v.info, nil, nil, v.body)
	return v
}

// toggleChart shows the chart of the table's figures beside the table, or
// hides it.
func (v *tableView) toggleChart() {
	v.chartShown = !v.chartShown
	if plain := v.body.Objects[0]; v.chartShown {
		split := container.NewHSplit(plain, v.chart.Object())
		split.Offset = 0.68
		v.body.Objects = []fyne.CanvasObject{split}
		v.chart.Refresh()
		v.chartButton.SetText(T("ui.table.hideChart"))
	} else {
		v.body.Objects = []fyne.CanvasObject{plain.(*container.Split).Leading}
		v.chartButton.SetText(T("ui.table.showChart"))
	}
	v.body.Refresh()
}

// sourcePanel shows the published text a report was imported from beside
// its table, to check the reading: the table's part of it, from its
// heading to the next of the report's headings, else the whole text.
func sourcePanel(source, heading string, headings []string) fyne.CanvasObject {
	if i := strings.Index(source, heading); heading != "" && i >= 0 {
		part := source[i+len(heading):]
		for _, h := range headings {
			if j := strings.Index(part, "\n"+h); h != heading && h != "" && j >= 0 {
				part = part[:j]
			}
		}
		source = heading + part
	}
	text := widget.NewLabel(source)
	text.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle(T("ui.import.source"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(title, nil, nil, nil, container.NewScroll(text))
}

func (v *tableView) object() fyne.CanvasObject { return v.root }

// placeIME puts the input method's windows at the right end of a cell,
// where typed text appears.
func (v *tableView) placeIME(id string) {
	if c, ok := v.sheet.Cell(id).(fyne.CanvasObject); ok {
		ime.Place(v.a.win, c, fyne.NewPos(c.Size().Width, 0), c.Size().Height)
	}
}

// refresh shows the evaluated values and problems in the sheet.
func (v *tableView) refresh() {
	d, res := v.a.doc, v.a.result
	severity := map[string]sheet.Severity{}
	for _, p := range res.Problems {
		if p.Blank { // still to do, not wrong: counted in the progress
			continue
		}
		sev := sheet.Warning
		if p.Severity == format.Error {
			sev = sheet.Error
		}
		for _, id := range p.Cells {
			severity[id] = max(severity[id], sev)
		}
	}
	views := map[string]sheet.CellView{}
	for i, c := range d.Entry.Format.Cells() {
		if c.Table != v.table {
			continue
		}
		computed := !inputCell(d, i)
		views[c.ID] = sheet.CellView{
			Text:     cellText(d, c.ID, res.Values[i].String()),
			Computed: computed,
			Partial:  computed && res.Partial[i],
			Severity: severity[c.ID],
		}
	}
	v.sheet.Update(views)
	v.showProgress()
	v.showInfo()
	if v.chartShown {
		v.chart.Refresh()
	}
}

// showProgress counts the table's input cells filled in (已填 45/175).
func (v *tableView) showProgress() {
	d := v.a.doc
	if d.Report.Consolidation != nil {
		v.progress.Text, v.progress.Importance = T("ui.table.summedTable"), widget.LowImportance
		v.progress.Refresh()
		return
	}
	filled, all, invalid := 0, 0, d.Report.Invalid()
	for i, c := range d.Entry.Format.Cells() {
		if c.Table == v.table && inputCell(d, i) {
			all++
			if !d.Report.Cells[c.ID].IsBlank() || invalid[c.ID] != "" {
				filled++
			}
		}
	}
	v.progress.Text, v.progress.Importance = T("ui.table.progress", "Filled", filled, "All", all), widget.LowImportance
	if filled == all {
		v.progress.Importance = widget.SuccessImportance
	}
	v.progress.Refresh()
}

// cellText is a value as shown: stored text that cannot be read is shown
// as it is, so that the clerk sees what to correct.
func cellText(d *report.Doc, id, text string) string {
	if bad, ok := d.Report.Invalid()[id]; ok {
		return bad
	}
	return text
}

// showInfo shows the name of the cell under the mouse, or else the focused
// one, what it takes, the message of its last edit and its problems.
func (v *tableView) showInfo() {
	id := v.hover
	if id == "" {
		id = v.focus
	}
	if id == "" && v.a.readOnly() {
		v.info.SetText(T("ui.table.readOnlyHint"))
		return
	}
	if id == "" {
		v.info.SetText(T("ui.table.hint"))
		return
	}
	c, _ := v.a.doc.Entry.Format.Cell(id)
	lines := []string{c.Label() + "　" + kindHint(c, v.a.doc)}
	if v.note != "" && v.noteID == id {
		lines = append(lines, v.note)
	}
	for _, p := range v.a.result.Problems {
		if slices.Contains(p.Cells, id) {
			lines = append(lines, "• "+p.Message)
		}
	}
	v.info.SetText(strings.Join(lines, "\n"))
}

// kindHint tells what a cell takes.
func kindHint(c *format.Cell, d *report.Doc) string {
	if d.Summed(c.ID) {
		return T("ui.hint.summed", "Units", board.Contributors(d, c.ID, 6))
	}
	if !inputCell(d, c.Index) {
		return T("ui.hint.computed")
	}
	switch c.Spec.Kind {
	case format.Signed:
		return T("ui.hint.signed")
	case format.Money:
		unit := c.Spec.Unit
		if unit == "" {
			unit = d.Report.Units[c.ID]
		}
		if unit == "" {
			return T("ui.hint.moneyChoose", "Units", strings.Join(c.Spec.Units, "、"), "Decimals", c.Spec.Decimals)
		}
		return T("ui.hint.money", "Unit", unit, "Decimals", c.Spec.Decimals)
	case format.Text:
		return T("ui.hint.text")
	}
	return T("ui.hint.count")
}

// paste applies a pasted block as one undoable step. Totals in the block's
// way are skipped; values that do not fit their cell are reported.
func (v *tableView) paste(block []sheet.Assignment) {
	var ids, texts []string
	var totals []sheet.Assignment // pasted over computed cells
	for _, as := range block {
		if c, _ := v.a.doc.Entry.Format.Cell(as.ID); !inputCell(v.a.doc, c.Index) {
			totals = append(totals, as)
			continue
		}
		ids, texts = append(ids, as.ID), append(texts, as.Text)
	}
	set, refused := v.a.setCells(ids, texts...)
	refused = append(refused, v.differingTotals(totals)...)
	skipped := len(totals)
	mark := "√ "
	if len(refused) > 0 {
		mark = "× "
	}
	v.noteID, v.note = v.focus, mark+T("ui.table.pasted", "Count", set, "Skipped", skipped)
	if len(refused) > 0 {
		v.note += "\n" + strings.Join(refused, "\n")
	}
	v.showInfo()
}

// differingTotals tells of the totals in a pasted block that differ from
// the computed ones, which they do not replace. A pasted text that is not a
// number (a label copied with the figures) is no total and is passed over.
func (v *tableView) differingTotals(totals []sheet.Assignment) []string {
	var lines []string
	for _, as := range totals {
		c, _ := v.a.doc.Entry.Format.Cell(as.ID)
		pasted, _, err := num.ParseInput(as.Text, num.Input{Signed: true, Decimals: 6})
		computed := v.a.result.Values[c.Index]
		if err == nil && computed.State == num.Number && pasted.Num != computed.Num {
			lines = append(lines, T("ui.table.pastedTotalDiffers", "Label", c.Label(), "Pasted", strings.TrimSpace(as.Text), "Computed", computed.String()))
		}
	}
	return lines
}

// blankInputs returns the table's input cells that are blank.
func (v *tableView) blankInputs() []string {
	d := v.a.doc
	var ids []string
	for i, c := range d.Entry.Format.Cells() {
		if c.Table == v.table && inputCell(d, i) &&
			d.Report.Cells[c.ID].IsBlank() && d.Report.Invalid()[c.ID] == "" {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

func (v *tableView) confirmFillZero() {
	ids := v.blankInputs()
	if len(ids) == 0 {
		v.a.inform(T("ui.table.fillZero"), T("ui.table.noBlanks"))
		return
	}
	dialog.ShowConfirm(T("ui.table.fillZero"), T("ui.table.fillZeroAsk", "Count", len(ids), "Table", v.table.Ref()),
		func(ok bool) {
			if ok {
				v.FillZero()
			}
		}, v.a.win)
}

// FillZero sets every blank input cell of the table to 0, as one undoable
// step. Blanks stay a deliberate choice: the editor asks first.
func (v *tableView) FillZero() {
	v.a.setCells(v.blankInputs(), "0")
}

// fill puts one text into the selected input cells as one undoable step
// and says what it did.
func (v *tableView) fill(ids []string, text string) {
	set, refused := v.a.setCells(ids, text)
	mark, what := "√ ", T("ui.table.filled", "Count", set, "Text", text)
	if text == "" {
		what = T("ui.table.cleared", "Count", set)
	}
	if len(refused) > 0 {
		mark = "× "
		what += "\n" + strings.Join(refused, "\n")
	}
	v.noteID, v.note = v.focus, mark+what
	v.showInfo()
}

// showMenu opens the right-click menu of the selected cells.
func (v *tableView) showMenu(at fyne.Position) {
	widget.ShowPopUpMenuAtPosition(v.cellMenu(), v.a.win.Canvas(), at)
}

// cellMenu is the menu of the selected cells: 复制, 粘贴, 清除, 填 0, 填 /.
func (v *tableView) cellMenu() *fyne.Menu {
	cb := fyne.CurrentApp().Clipboard()
	items := []*fyne.MenuItem{
		{Label: T("ui.table.menu.copy"), Shortcut: &fyne.ShortcutCopy{}, Action: func() { v.sheet.Copy(cb) }},
		{Label: T("ui.table.menu.paste"), Shortcut: &fyne.ShortcutPaste{}, Action: func() { v.sheet.Paste(cb) }},
		{Label: T("ui.table.menu.clear"), Shortcut: &desktop.CustomShortcut{KeyName: fyne.KeyDelete}, Action: func() { v.sheet.Fill("") }},
		fyne.NewMenuItemSeparator(),
		{Label: T("ui.table.menu.zero"), Action: func() { v.sheet.Fill("0") }},
		{Label: T("ui.table.menu.na"), Action: func() { v.sheet.Fill("/") }},
	}
	if id := v.focus; id != "" && v.a.doc.Report.Uncertain[id].Reason != "" {
		items = append(items, fyne.NewMenuItemSeparator(), &fyne.MenuItem{Label: T("ui.table.menu.confirm"), Action: func() {
			v.a.doc.Confirm(id)
			v.a.changed()
		}})
	}
	if d := v.a.doc; d.Report.Consolidation != nil {
		// Sums over the units' reports: copied and looked into, not typed.
		items = items[:1]
		if id := v.focus; id != "" {
			items = append(items, &fyne.MenuItem{Label: T("ui.table.menu.byUnit"), Action: func() { board.ShowContributions(v.a.win, d, id) }})
		}
	}
	return fyne.NewMenu("", items...)
}
