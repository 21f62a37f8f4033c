package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/importer"
	"nianbao/ui/filedlg"
)

// askImport offers to import a published report: a saved page, a Word
// document, a text file or a workbook, or text pasted into the box (from
// a web page or a PDF viewer). The report opens unsaved; cells not read
// with certainty are listed as problems (I1) to check and confirm.
func (a *App) askImport() {
	a.whenDiscardable(func() {
		box := widget.NewMultiLineEntry()
		box.SetPlaceHolder(T("ui.import.pasteHint"))
		box.SetMinRowsVisible(10)
		var dlg *dialog.CustomDialog
		fromFile := widget.NewButton(T("ui.import.chooseFile"), func() {
			a.askPath(filedlg.Options{Title: T("ui.import.title"), Ext: ".html;.htm;.docx;.pdf;.txt;.xlsx", Kind: T("ui.import.kind")}, func(path string) {
				if path == "" {
					return
				}
				res, err := importer.ImportFile(path, a.reg, importer.Hints{})
				if err != nil {
					a.showError(err) // over the dialog, which keeps what was pasted
					return
				}
				dlg.Hide() // first: hiding a dialog hides those shown over it
				a.openImported(res)
			})
		})
		fromText := widget.NewButton(T("ui.import.fromText"), func() {
			res, err := importer.Import("", []byte(box.Text), a.reg, importer.Hints{})
			if err != nil {
				a.showError(err)
				return
			}
			dlg.Hide()
			a.openImported(res)
		})
		fromText.Importance = widget.HighImportance
		hint := widget.NewLabel(T("ui.import.hint"))
		hint.Wrapping = fyne.TextWrapWord
		body := container.NewBorder(container.NewVBox(hint, fromFile), container.NewHBox(fromText), nil, nil, box)
		dlg = dialog.NewCustom(T("ui.import.title"), T("Cancel"), body, a.win)
		size := a.win.Canvas().Size()
		dlg.Resize(fyne.NewSize(min(size.Width*0.9, 680), min(size.Height*0.9, 560)))
		dlg.Show()
		a.win.Canvas().Focus(box)
	})
}

// importData imports a published report (path names its kind; "" for
// pasted text) and opens it, unsaved, with a summary of what was read.
func (a *App) importData(path string, data []byte) error {
	res, err := importer.Import(path, data, a.reg, importer.Hints{})
	if err != nil {
		return err
	}
	a.openImported(res)
	return nil
}

// openImported opens an imported report, unsaved, with a summary of what
// was read; its source shows beside its tables.
func (a *App) openImported(res *importer.Result) {
	a.rec.reset()
	a.show(res.Doc, true)
	a.source = res.Source // the tables show it beside them
	a.inform(T("ui.import.title"), T("ui.import.done", "Read", res.Read,
		"Uncertain", len(res.Doc.Report.Uncertain), "Missing", len(res.Missing)))
}
