package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"nianbao/docs"
	"nianbao/forms/report"
	"nianbao/ui/help"
)

// Shortcuts of the main menu. Menu shortcuts work wherever the cursor is,
// also inside a text or a cell.
var (
	shortcutNew       = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutOpen      = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSave      = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSaveAs    = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutPrint     = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutCheck     = &desktop.CustomShortcut{KeyName: fyne.KeyF7}
	shortcutGuide     = &desktop.CustomShortcut{KeyName: fyne.KeyF1}
	shortcutZoomIn    = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutZoomOut   = &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutZoomReset = &desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault}
)

func (a *App) mainMenu() *fyne.MainMenu {
	item := func(key string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(T(key), action)
		it.Shortcut = sc
		return it
	}
	file := fyne.NewMenu(T("ui.menu.file"),
		item("ui.menu.new", shortcutNew, a.askNewReport),
		item("ui.menu.newConsolidation", nil, a.askNewConsolidation),
		item("ui.menu.import", nil, a.askImport),
		item("ui.menu.open", shortcutOpen, a.chooseOpen),
		item("ui.menu.sample", nil, a.OpenSample),
		a.recentItem(),
		fyne.NewMenuItemSeparator(),
		item("ui.menu.save", shortcutSave, func() { a.Save(nil) }),
		item("ui.menu.saveAs", shortcutSaveAs, func() {
			if a.doc != nil {
				a.chooseSaveAs(nil)
			}
		}),
		fyne.NewMenuItemSeparator(),
		item("ui.menu.preview", nil, a.preview),
		item("ui.menu.print", shortcutPrint, a.print),
		exportItem(a),
		fyne.NewMenuItemSeparator(),
		item("ui.menu.close", nil, func() { a.whenDiscardable(a.closeReport) }),
	)
	edit := fyne.NewMenu(T("ui.menu.edit"),
		item("ui.menu.undo", &fyne.ShortcutUndo{}, a.undoAction),
		item("ui.menu.redo", &fyne.ShortcutRedo{}, a.redoAction),
		fyne.NewMenuItemSeparator(),
		item("ui.menu.check", shortcutCheck, a.showCheck),
		item("ui.table.fillZero", nil, func() {
			if v := a.currentTable(); v != nil {
				v.confirmFillZero()
			}
		}),
	)
	view := fyne.NewMenu(T("ui.menu.view"),
		item("ui.menu.zoomIn", shortcutZoomIn, func() { a.zoomBy(true) }),
		item("ui.menu.zoomOut", shortcutZoomOut, func() { a.zoomBy(false) }),
		item("ui.menu.zoomReset", shortcutZoomReset, func() { a.setZoom(1) }),
	)
	help := fyne.NewMenu(T("ui.menu.help"),
		item("ui.menu.guide", shortcutGuide, a.showGuide),
		item("ui.menu.about", nil, func() {
			a.inform(T("ui.menu.about"), a.aboutText())
		}),
	)
	return fyne.NewMainMenu(file, edit, view, help)
}

// recentItem is the File menu's 最近打开 submenu, kept up to date by
// refreshRecent.
func (a *App) recentItem() *fyne.MenuItem {
	it := fyne.NewMenuItem(T("ui.welcome.recent"), nil)
	a.recentMenu = fyne.NewMenu("")
	it.ChildMenu = a.recentMenu
	a.refreshRecent()
	return it
}

// refreshRecent lists the recent files in the File menu, each by its name
// and folder.
func (a *App) refreshRecent() {
	if a.recentMenu == nil {
		return
	}
	a.recentMenu.Items = nil
	for _, p := range a.Recent() {
		a.recentMenu.Items = append(a.recentMenu.Items, fyne.NewMenuItem(filepath.Base(p)+"　"+filepath.Dir(p), func() {
			a.whenDiscardable(func() { a.Open(p) })
		}))
	}
	if len(a.recentMenu.Items) == 0 {
		none := fyne.NewMenuItem(T("ui.menu.noRecent"), nil)
		none.Disabled = true
		a.recentMenu.Items = append(a.recentMenu.Items, none)
	}
	a.recentMenu.Refresh()
}

// aboutText tells what the program is, its version, and where it keeps
// its settings and the autosaved copies of reports.
func (a *App) aboutText() string {
	settings := ""
	if root := a.fyne.Storage().RootURI(); root != nil {
		settings = root.Path()
	}
	return T("ui.about") + "\n\n" + T("ui.aboutDetails", "Version", report.AppVersion, "Settings", settings, "Recovery", a.rec.dir)
}

// exportItem is the File menu's 导出 submenu.
func exportItem(a *App) *fyne.MenuItem {
	it := fyne.NewMenuItem(T("ui.menu.export"), nil)
	it.ChildMenu = a.exportMenu()
	return it
}

// closeReport returns to the welcome view.
func (a *App) closeReport() {
	if a.busy != nil {
		a.busy.Cancel() // its files are for the report being closed
	}
	a.rec.reset()
	a.doc, a.ed, a.dirty = nil, nil, false
	a.showWelcome()
	a.updateTitle()
}

// currentTable returns the table view on screen, or nil.
func (a *App) currentTable() *tableView {
	if a.ed == nil {
		return nil
	}
	v, _ := a.ed.parts[a.ed.current].view.(*tableView)
	return v
}

// textUndoer is an entry with its own undo: Fyne's Entry and ours.
type textUndoer interface {
	Undo()
	Redo()
}

// undoAction undoes in the text being edited; in a cell being edited it
// abandons the edit, as a spreadsheet does; else it undoes the last cell edit.
func (a *App) undoAction() {
	if e, ok := a.win.Canvas().Focused().(textUndoer); ok {
		e.Undo()
		return
	}
	if v := a.currentTable(); v != nil && v.sheet.Editing() != "" {
		v.sheet.Abandon()
		return
	}
	if a.doc != nil {
		a.Undo()
	}
}

// redoAction redoes in the text being edited, or the last undone cell edit.
func (a *App) redoAction() {
	if e, ok := a.win.Canvas().Focused().(textUndoer); ok {
		e.Redo()
		return
	}
	if a.doc != nil {
		a.Redo()
	}
}

// shortcut handles shortcuts a table cell passes on: where the main menu
// does not catch them first (tests, platforms without a menu bar).
func (a *App) shortcut(s fyne.Shortcut) {
	switch s.ShortcutName() {
	case (&fyne.ShortcutUndo{}).ShortcutName():
		a.undoAction()
	case (&fyne.ShortcutRedo{}).ShortcutName():
		a.redoAction()
	case shortcutSave.ShortcutName():
		a.Save(nil)
	case shortcutSaveAs.ShortcutName():
		a.chooseSaveAs(nil)
	case shortcutNew.ShortcutName():
		a.askNewReport()
	case shortcutOpen.ShortcutName():
		a.chooseOpen()
	case shortcutPrint.ShortcutName():
		a.print()
	default:
		a.zoomShortcut(s)
	}
}

// checkSummary is what 检查报告 says, counting as the command line does:
// blanks are errors there, only the editor shows them as 待填.
func (a *App) checkSummary() string {
	errs, todo := a.result.Errors(), 0
	for _, p := range a.result.Problems {
		if p.Blank {
			todo++
		}
	}
	if len(a.result.Problems) == 0 {
		return T("ui.check.clean")
	}
	return T("ui.check.summary", "Errors", errs, "Todo", todo, "Warnings", len(a.result.Problems)-errs)
}

// showCheck tells the result of the checks as the command line counts it.
func (a *App) showCheck() {
	if a.doc != nil {
		a.inform(T("ui.menu.check"), a.checkSummary())
	}
}

// functionKey does what an unmodified function key means wherever the
// focus is (Fyne's menus take shortcuts with Ctrl or Alt only): F1 opens
// the user guide, F7 checks the report. It returns whether it used the key.
func (a *App) functionKey(name fyne.KeyName) bool {
	switch name {
	case shortcutGuide.KeyName:
		a.showGuide()
	case shortcutCheck.KeyName:
		a.showCheck()
	default:
		return false
	}
	return true
}

// showGuide opens the user guide in a window of its own, or brings the
// open one to the front.
func (a *App) showGuide() {
	if a.guide == nil {
		a.guide = help.NewWindow(a.fyne, T("ui.menu.guide"), docs.UserGuide)
		a.guide.SetOnClosed(func() { a.guide = nil })
	}
	a.guide.Show()
	a.guide.RequestFocus()
}
