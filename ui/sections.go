package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/format"
)

// askAddSection asks for the title of a part to add after the part after
// (a pre-2019 report chooses its parts) and shows it.
func (a *App) askAddSection(after string) {
	title := widget.NewEntry()
	title.SetPlaceHolder(T("ui.sections.titleHint"))
	dialog.ShowForm(T("ui.sections.add"), T("OK"), T("Cancel"), []*widget.FormItem{widget.NewFormItem(T("ui.sections.title"), title)},
		func(ok bool) {
			if !ok {
				return
			}
			id, err := a.doc.AddSection(title.Text, after)
			if err != nil {
				a.showError(err)
				return
			}
			a.reshow(id)
		}, a.win)
	a.win.Canvas().Focus(title)
}

// removeSection removes a part, after asking when it has text.
func (a *App) removeSection(id string) {
	remove := func() {
		if err := a.doc.RemoveSection(id, true); err != nil {
			a.showError(err)
			return
		}
		a.reshow("")
	}
	if strings.TrimSpace(a.doc.Report.Texts[id]) == "" {
		remove()
		return
	}
	dialog.ShowConfirm(T("ui.sections.remove"), T("ui.sections.removeText", "Title", a.doc.Heading(a.doc.Section(id))),
		func(ok bool) {
			if ok {
				remove()
			}
		}, a.win)
}

// textSectionIDs lists the report's text parts in order.
func (a *App) textSectionIDs() []string {
	var ids []string
	for _, s := range a.doc.Sections() {
		if s.Kind == format.TextSection {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// moveSection moves a part one place up (by -1) or down (by 1).
func (a *App) moveSection(id string, by int) {
	ids := a.textSectionIDs()
	i := slices.Index(ids, id)
	to := i + by
	if i < 0 || to < 0 || to >= len(ids) {
		return
	}
	after := ""
	if by > 0 {
		after = ids[to]
	} else if to > 0 {
		after = ids[to-1]
	}
	if err := a.doc.MoveSection(id, after); err != nil {
		a.showError(err)
		return
	}
	a.reshow(id)
}

// reshow rebuilds the editor after the report's parts changed, showing the
// part id (the first part when empty).
func (a *App) reshow(id string) {
	a.changed()
	a.ed = newEditor(a)
	a.win.SetContent(a.ed.root)
	i := 0
	for k, p := range a.ed.parts {
		if p.section != nil && p.section.ID == id {
			i = k
		}
	}
	a.ed.nav.Select(i)
	a.ed.refresh()
}
