package ui

import (
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"nianbao/export"
	"nianbao/export/render"
	"nianbao/forms/report"
)

// exportMenu lists the export kinds of the File menu.
func (a *App) exportMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	for _, k := range render.Kinds {
		items = append(items, fyne.NewMenuItem(T("ui.export."+k.Name), func() { a.askExport(k) }))
	}
	return fyne.NewMenu(T("ui.menu.export"), items...)
}

// askExport exports the open report as kind: after asking, if the report
// still has errors (the file is then marked 草稿), and where to put it.
func (a *App) askExport(kind render.Kind) {
	if a.doc == nil {
		return
	}
	choose := func(draft bool) {
		name := strings.TrimSuffix(filepath.Base(a.doc.Path), report.Extension)
		if a.doc.Path == "" {
			name = strings.TrimSuffix(T("ui.defaultFileName", "Unit", a.doc.Report.Unit.Name, "Year", a.doc.Report.Year), report.Extension)
		}
		a.choosePath(T("ui.export.title", "Kind", T("ui.export."+kind.Name)), name, kind.Extension, T("ui.export."+kind.Name), func(path string) {
			if path != "" {
				a.ExportTo(kind, path, draft)
			}
		})
	}
	if n := a.result.Errors(); n > 0 && kind.NeedsCheckedReport() {
		dialog.ShowConfirm(T("ui.export.draftTitle"), T("ui.export.draftAsk", "Count", n), func(ok bool) {
			if ok {
				choose(true)
			}
		}, a.win)
		return
	}
	choose(false)
}

// ExportTo writes the open report as kind to path and tells the clerk how it
// went: an error (the old file stays), warnings, or where the file is.
func (a *App) ExportTo(kind render.Kind, path string, draft bool) bool {
	warnings, err := render.File(a.doc, kind, path, export.Options{Draft: draft})
	if err != nil {
		a.showError(err)
		return false
	}
	msg := T("ui.export.done", "Path", path)
	if len(warnings) > 0 {
		msg += "\n\n" + strings.Join(warnings, "\n")
	}
	a.informExported(msg, path)
	return true
}

// informExported tells where the exported file is and offers to open it,
// or its folder, with the system's programs.
func (a *App) informExported(msg, path string) {
	var d *dialog.CustomDialog
	open := func(key, target string) *widget.Button {
		return widget.NewButton(T(key), func() {
			d.Hide()
			if err := a.openWithSystem(target); err != nil {
				a.showError(err)
			}
		})
	}
	closeBtn := widget.NewButton(T("ui.export.close"), func() { d.Hide() })
	closeBtn.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons(T("ui.menu.export"), messageBody(msg), a.win)
	d.SetButtons([]fyne.CanvasObject{open("ui.export.openFile", path), open("ui.export.openFolder", filepath.Dir(path)), closeBtn})
	d.Show()
}

// openWithSystem opens a file or folder with the program the system uses
// for it (the folder in Explorer or the file manager).
func (a *App) openWithSystem(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	u, err := url.Parse(storage.NewFileURI(abs).String())
	if err != nil {
		return err
	}
	if a.opener != nil {
		return a.opener(u)
	}
	return a.fyne.OpenURL(u)
}
