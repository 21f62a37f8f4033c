package ui

import (
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
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
