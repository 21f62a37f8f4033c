package ui

import (
	"errors"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/assets"
	"nianbao/forms/filelock"
	"nianbao/forms/report"
	"nianbao/ui/filedlg"
)

// recentKey is the preference holding recently used report files.
const (
	recentKey = "recentFiles"
	maxRecent = 8
)

// Recent returns the recently used report files, newest first.
func (a *App) Recent() []string { return a.fyne.Preferences().StringList(recentKey) }

func (a *App) addRecent(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := slices.DeleteFunc(a.Recent(), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	a.fyne.Preferences().SetStringList(recentKey, list)
	a.refreshRecent()
}

// showError shows err in a dialog.
func (a *App) showError(err error) { a.inform(T("Error"), err.Error()) }

// inform shows a message in a dialog wide enough for Chinese text: Fyne's
// own information and error dialogs size themselves to the narrowest
// wrapping, which for text without spaces is one character a line.
func (a *App) inform(title, msg string) {
	dialog.ShowCustom(title, T("OK"), messageBody(msg), a.win)
}

// messageBody is a dialog's message, wrapped at a width that suits Chinese
// text.
func messageBody(msg string) fyne.CanvasObject {
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	return container.New(fixedWidth(480), label)
}

// fixedWidth lays its one object out at a fixed width and the height its
// wrapped text needs there.
type fixedWidth float32

func (w fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	o := objs[0]
	o.Resize(fyne.NewSize(float32(w), o.Size().Height))
	return fyne.NewSize(float32(w), o.MinSize().Height)
}

func (w fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) { objs[0].Resize(size) }

// whenDiscardable runs then at once if the open report has no unsaved
// changes, else after the clerk chose to save or to discard them.
func (a *App) whenDiscardable(then func()) {
	if a.doc == nil || !a.dirty {
		then()
		return
	}
	var d *dialog.CustomDialog
	save := widget.NewButton(T("ui.ask.save"), func() {
		d.Hide()
		a.Save(func(ok bool) {
			if ok {
				then()
			}
		})
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton(T("ui.ask.discard"), func() {
		d.Hide()
		a.rec.clear()
		then()
	})
	cancel := widget.NewButton(T("Cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(T("ui.ask.title"), widget.NewLabel(T("ui.ask.unsaved")), a.win)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	d.Show()
}

// closeRequested runs when the window's close button is pressed.
func (a *App) closeRequested() {
	a.whenDiscardable(func() {
		a.rec.stop()
		if a.doc != nil {
			a.doc.Close()
		}
		if a.guide != nil {
			a.guide.Close()
		}
		if !a.readOnly() { // a viewer's window is not the editor's
			a.keepPlacement()
		}
		a.win.Close()
	})
}

// Open opens the report at path, after the open report's changes are dealt
// with. Errors are shown; nothing is written.
func (a *App) Open(path string) {
	a.whenDiscardable(func() { a.load(path) })
}

// load opens the report at path, holding its file's lock. A report another
// program is editing opens all the same, and the clerk is told that it can
// only be saved elsewhere until the other program lets go of it.
func (a *App) load(path string) {
	if a.doc != nil {
		a.doc.Close() // it may be the same file; saving it again takes the lock again
	}
	d, err := report.Edit(path, a.reg, 0)
	held := errors.Is(err, filelock.ErrHeld)
	if held {
		d, err = report.Open(path, a.reg)
	}
	if err != nil {
		a.showError(err)
		return
	}
	a.rec.reset()
	a.show(d, false)
	if held {
		a.inform(T("ui.conflict.title"), T("ui.conflict.heldOnOpen", "Name", filepath.Base(path)))
	}
}

// OpenSample opens the embedded sample report as a new, unsaved report.
func (a *App) OpenSample() {
	a.whenDiscardable(func() {
		data, err := assets.Samples.ReadFile("samples/" + assets.SampleName)
		if err == nil {
			var r *report.Report
			if r, err = report.Unmarshal(data, a.reg); err == nil {
				var d *report.Doc
				if d, err = report.Bind(r, a.reg); err == nil {
					a.rec.reset()
					a.show(d, false)
					return
				}
			}
		}
		a.showError(err)
	})
}

// chooseOpen asks for a report file to open.
func (a *App) chooseOpen() {
	a.chooseFile(func(path string) { a.Open(path) })
}

// chooseFile asks for an existing report file.
func (a *App) chooseFile(then func(path string)) {
	a.askPath(filedlg.Options{Title: T("ui.file.openTitle"), Ext: report.Extension, Kind: T("ui.file.reportKind")}, func(path string) {
		if path != "" {
			then(path)
		}
	})
}

// choosePrev asks for last year's report and links it.
func (a *App) choosePrev() {
	a.chooseFile(func(path string) {
		if err := a.doc.LinkPrev(path); err != nil {
			a.showError(err)
		}
		a.changed()
	})
}

// Save saves the open report to its file, asking for one if it has none;
// done, if not nil, learns whether it was saved.
func (a *App) Save(done func(bool)) {
	if done == nil {
		done = func(bool) {}
	}
	if a.doc == nil {
		done(false)
		return
	}
	if a.doc.Path == "" {
		a.chooseSaveAs(done)
		return
	}
	done(a.SaveAs(a.doc.Path))
}

// SaveAs saves the open report to path and makes it the report's file. It
// shows any error and reports whether the report was saved.
func (a *App) SaveAs(path string) bool {
	if err := a.doc.Save(path); err != nil {
		switch {
		case errors.Is(err, report.ErrChangedOnDisk):
			a.resolveConflict(err, true)
		case errors.Is(err, filelock.ErrHeld):
			a.resolveConflict(err, false)
		default:
			a.showError(err)
		}
		return false
	}
	a.dirty = false
	a.markSaved()
	a.rec.clear()
	a.addRecent(path)
	a.updateTitle()
	if a.ed != nil {
		a.ed.refresh()
	}
	return true
}

// resolveConflict tells the clerk why the report could not be saved to its
// file — another program holds it, or changed it — and offers to save it
// elsewhere or, when the file changed, to load that version instead of
// this window's.
func (a *App) resolveConflict(err error, changed bool) {
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	saveElsewhere := widget.NewButton(T("ui.conflict.saveElsewhere"), func() {
		d.Hide()
		a.chooseSaveAs(nil)
	})
	saveElsewhere.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{widget.NewButton(T("Cancel"), func() { d.Hide() })}
	if changed {
		path := a.doc.Path
		buttons = append(buttons, widget.NewButton(T("ui.conflict.reload"), func() {
			d.Hide()
			a.rec.clear()
			a.load(path)
		}))
	}
	d = dialog.NewCustomWithoutButtons(T("ui.conflict.title"), container.New(fixedWidth(480), msg), a.win)
	d.SetButtons(append(buttons, saveElsewhere))
	d.Show()
}

// chooseSaveAs asks where to save the open report, in one 另存为 step.
func (a *App) chooseSaveAs(done func(bool)) {
	if done == nil {
		done = func(bool) {}
	}
	name := T("ui.defaultFileName", "Unit", a.doc.Report.Unit.Name, "Year", a.doc.Report.Year)
	a.choosePath(T("ui.file.saveTitle"), name, report.Extension, T("ui.file.reportKind"), func(path string) {
		done(path != "" && a.SaveAs(path))
	})
}

// choosePath asks for a file to write, named name with extension ext
// (files of kind); then gets the path, or "" when the clerk cancels.
// Replacing a file is agreed to in the dialog; nothing is written there.
func (a *App) choosePath(title, name, ext, kind string, then func(path string)) {
	a.askPath(filedlg.Options{Title: title, Save: true, Name: name, Ext: ext, Kind: kind}, then)
}

// askPath shows the file dialog in the folder of the open report, else in
// the last folder used, and remembers the folder chosen.
func (a *App) askPath(o filedlg.Options, then func(path string)) {
	o.Dir = a.fyne.Preferences().String(lastFolderKey)
	if a.doc != nil && a.doc.Path != "" {
		o.Dir = filepath.Dir(a.doc.Path)
	}
	filedlg.Show(a.win, o, func(path string) {
		if path != "" {
			a.fyne.Preferences().SetString(lastFolderKey, filepath.Dir(path))
		}
		then(path)
	})
}

// lastFolderKey is the preference holding the folder last chosen in a
// file dialog.
const lastFolderKey = "dialog.folder"
