package ui

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/consolidate"
	"nianbao/forms/importer"
	"nianbao/forms/nbpkg"
	"nianbao/forms/report"
	"nianbao/forms/review"
	"nianbao/ui/board"
	"nianbao/ui/filedlg"
	"nianbao/ui/task"
)

// The parts of a consolidated report's navigation beside its sections.
const (
	partBoard     = "board"     // the units and their states
	partBreakdown = "breakdown" // the sums by unit kind
)

// boardView and breakdownView put the board package's views in the
// editor's navigation; the board with the check of the units' texts
// under it.
type boardView struct {
	*board.Board
	root fyne.CanvasObject
}

func (v boardView) object() fyne.CanvasObject { return v.root }
func (v boardView) refresh()                  { v.Refresh() }

type breakdownView struct{ *board.Breakdown }

func (v breakdownView) object() fyne.CanvasObject { return v.Object() }
func (v breakdownView) refresh()                  { v.Refresh() }

// newBoard makes the board of the open consolidated report.
func (a *App) newBoard() partView {
	b := board.New(a.doc, board.Actions{
		AddFiles: func() {
			a.askPath(filedlg.Options{Title: T("ui.consolidate.addTitle"), Ext: report.Extension + ";" + nbpkg.Extension + ";" + importer.ExtXLSX,
				Kind: T("ui.consolidate.filesKind")}, func(path string) {
				if path != "" {
					a.receive([]string{path}, nil, a.includeErrors())
				}
			})
		},
		AddFolder: func() {
			dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
				if err == nil && dir != nil {
					a.receive([]string{dir.Path()}, nil, a.includeErrors())
				}
			}, a.win)
		},
		ChooseList: a.editList,
		Rerun:      func(includeErrors bool) { a.receive(nil, nil, includeErrors) },
		AddToList: func(units []report.UnitEntry) {
			list := slices.Clone(a.doc.Report.Consolidation.Expected)
			for _, u := range units {
				list = append(list, report.ExpectedUnit{Unit: u.Unit, Kind: u.Kind})
			}
			a.receive(nil, list, a.includeErrors())
		},
		Open:      a.openUnit,
		History:   a.showHistory,
		Return:    a.returnUnit,
		Review:    a.reviewUnit,
		Deadlines: a.editDeadlines,
		Bundle:    a.askBundle,
		Chase:     func(rows []review.Row) { a.saveRows(rows, true) },
		Export:    func(rows []review.Row) { a.saveRows(rows, false) },
	})
	b.Now = a.now
	b.Refresh()
	return boardView{b, container.NewBorder(nil, a.repeatsBar(), nil, nil, b.Object())}
}

// editList shows the list of expected units to type or paste into (one
// unit a line, name and kind separated by a tab, as two columns copied
// from Excel are), or to read from a file; OK consolidates again with it.
func (a *App) editList() {
	if a.refusedReadOnly() {
		return
	}
	ws := a.doc.Report.Consolidation
	entry := widget.NewMultiLineEntry()
	entry.SetText(consolidate.FormatList(ws.Expected, a.doc.Kinds()))
	entry.SetMinRowsVisible(12)
	fromFile := widget.NewButton(T("ui.consolidate.listFromFile"), func() {
		a.askPath(filedlg.Options{Title: T("ui.consolidate.listTitle"), Ext: ".txt;.xlsx;" + report.Extension,
			Kind: T("ui.consolidate.listKind")}, func(path string) {
			if path == "" {
				return
			}
			list, err := consolidate.ReadList(path, a.reg)
			if err != nil {
				a.showError(err)
				return
			}
			entry.SetText(consolidate.FormatList(list, a.doc.Kinds()))
		})
	})
	hint := widget.NewLabel(T("ui.consolidate.listHint"))
	hint.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(hint, fromFile, nil, nil, entry)
	dlg := dialog.NewCustomConfirm(T("ui.consolidate.listTitle"), T("OK"), T("Cancel"), body, func(ok bool) {
		if !ok {
			return
		}
		list, err := consolidate.ParseList(entry.Text, T("ui.consolidate.listPasted"), a.doc.Kinds())
		if err != nil {
			a.showError(err)
			return
		}
		a.receive(nil, list, a.includeErrors())
	}, a.win)
	size := a.win.Canvas().Size()
	dlg.Resize(fyne.NewSize(min(size.Width*0.9, 640), min(size.Height*0.9, 560)))
	dlg.Show()
	a.win.Canvas().Focus(entry)
}

// includeErrors is whether the open 汇总 sums units with errors.
func (a *App) includeErrors() bool { return a.doc.Report.Consolidation.IncludeErrors }

// receive reads the files under inputs (and those received before) off
// the UI goroutine, with a progress bar and cancel, and consolidates them
// into the open report; expected, if not nil, becomes the list of units,
// and includeErrors says whether units with errors are summed. One run at
// a time: files dropped meanwhile are refused with a message.
func (a *App) receive(inputs []string, expected []report.ExpectedUnit, includeErrors bool) {
	d := a.doc
	if d == nil || d.Report.Consolidation == nil || a.refusedReadOnly() {
		return
	}
	if a.busy != nil {
		a.inform(T("ui.consolidate.running"), T("ui.consolidate.busy"))
		return
	}
	b, err := consolidate.Prepare(d, inputs, consolidate.Options{Expected: expected, IncludeErrors: includeErrors, Now: a.now()})
	if err != nil {
		a.showError(err)
		return
	}
	a.busy = task.Run(a.win, T("ui.consolidate.running"), func(ctx context.Context, progress task.Progress) error {
		b.Progress(progress)
		return b.Read(ctx)
	}, func(err error) {
		a.busy = nil
		switch {
		case a.doc != d: // the report was closed meanwhile
			return
		case errors.Is(err, context.Canceled):
			a.ed.refresh() // the board shows the settings as they still are
			return
		case err != nil:
			a.showError(err)
			return
		}
		a.undo = undoStack{}
		if _, err := b.Apply(d); err != nil && !errors.Is(err, consolidate.ErrNothingUsable) {
			a.showError(err)
		}
		a.changed()
	})
}

// dropped receives files dropped on the window: into the open
// consolidation, else the first report file opens.
func (a *App) dropped(uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == storage.NewFileURI("/").Scheme() {
			paths = append(paths, u.Path())
		}
	}
	switch {
	case len(paths) == 0:
	case a.doc != nil && a.doc.Report.Consolidation != nil:
		a.receive(paths, nil, a.includeErrors())
	default:
		for _, p := range paths {
			if importer.Readable(p) {
				a.Open(p)
				return
			}
		}
	}
}

// askNewConsolidation asks for the unit and year of a new consolidated
// report and opens it, unsaved, on its board.
func (a *App) askNewConsolidation() {
	a.whenDiscardable(func() {
		unit := widget.NewEntry()
		unit.SetPlaceHolder(T("ui.consolidate.unitHint"))
		var years []string
		for y := time.Now().Year(); y >= 2008; y-- {
			years = append(years, strconv.Itoa(y))
		}
		year := widget.NewSelect(years, nil)
		year.SetSelected(strconv.Itoa(time.Now().Year() - 1))
		items := []*widget.FormItem{
			widget.NewFormItem(T("ui.preface.unit"), unit),
			widget.NewFormItem(T("ui.preface.year"), year),
			widget.NewFormItem("", widget.NewLabel(T("ui.consolidate.newHint"))),
		}
		dlg := dialog.NewForm(T("ui.consolidate.newTitle"), T("ui.new.create"), T("Cancel"), items, func(ok bool) {
			if !ok {
				return
			}
			y, _ := strconv.Atoi(year.Selected)
			if err := a.NewConsolidation(unit.Text, y); err != nil {
				a.showError(err)
			}
		}, a.win)
		dlg.Resize(dlg.MinSize().AddWidthHeight(160, 0))
		dlg.Show()
		a.win.Canvas().Focus(unit)
	})
}

// NewConsolidation opens a new consolidated report of unit for year,
// unsaved, on its board.
func (a *App) NewConsolidation(unit string, year int) error {
	d, err := consolidate.New(a.reg, year, unit, "", "")
	if err != nil {
		return err
	}
	a.rec.reset()
	a.show(d, true)
	return nil
}
