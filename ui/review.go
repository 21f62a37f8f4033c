package ui

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/export/bundle"
	"nianbao/export/pdf"
	"nianbao/export/sheet"
	"nianbao/forms/consolidate"
	"nianbao/forms/importer"
	"nianbao/forms/report"
	"nianbao/forms/review"
	"nianbao/forms/safefile"
	"nianbao/ui/board"
	"nianbao/ui/task"
)

// now is the time reviews are given at and lateness judged at.
func (a *App) now() time.Time {
	if a.clock != nil {
		return a.clock()
	}
	return time.Now()
}

// reviewed gives a review to the open 汇总: change runs on a copy of its
// workspace, which replaces it when change succeeds (the editor tells a
// changed 汇总 by a new workspace); a read-only 汇总 is left as it is.
func (a *App) reviewed(change func(ws *report.Consolidation) error) error {
	if a.refusedReadOnly() {
		return nil
	}
	next := a.doc.Report.Consolidation.ForReview()
	if err := change(next); err != nil {
		return err
	}
	a.doc.Report.Consolidation = next
	a.changed()
	return nil
}

// review gives a review to the open 汇总 as reviewed does, and shows why
// it was refused.
func (a *App) review(change func(ws *report.Consolidation) error) {
	if err := a.reviewed(change); err != nil {
		a.showError(err)
	}
}

// reviewUnit gives the review do (board.DoApprove …) to a unit's report.
func (a *App) reviewUnit(do, unit string) {
	a.review(func(ws *report.Consolidation) error {
		switch do {
		case board.DoApprove:
			return review.Approve(ws, unit, a.now())
		case board.DoPublish:
			return review.Publish(ws, unit, a.now())
		}
		return review.Reopen(ws, unit)
	})
}

// returnUnit asks why a unit's report goes back — its problems offered as
// ready sentences, and the officer's own words — returns it, and saves
// the 退回通知 if asked.
func (a *App) returnUnit(r review.Row) { a.askReturn(r, nil, "") }

// askReturn shows the return dialog with the problems picked and own
// words given: a return refused (no reason, too long) shows it again as
// it was, so nothing typed is lost.
func (a *App) askReturn(r review.Row, picked []string, ownText string) {
	if a.refusedReadOnly() {
		return
	}
	offered := append([]string{}, r.Problems...)
	if r.Blanks > 0 {
		offered = append(offered, T("ui.review.blanks", "Count", r.Blanks))
	}
	checks := widget.NewCheckGroup(offered, nil)
	checks.SetSelected(picked)
	own := widget.NewMultiLineEntry()
	own.SetText(ownText)
	own.SetPlaceHolder(T("ui.review.ownHint"))
	own.SetMinRowsVisible(3)
	own.Wrapping = fyne.TextWrapWord
	notice := widget.NewCheck(T("ui.review.saveNotice"), nil)
	notice.SetChecked(true)
	var top fyne.CanvasObject = widget.NewLabel(T("ui.review.noProblems"))
	if len(offered) > 0 {
		scroll := container.NewVScroll(checks)
		scroll.SetMinSize(fyne.NewSize(0, 160))
		top = container.NewBorder(widget.NewLabel(T("ui.review.pickProblems")), nil, nil, nil, scroll)
	}
	body := container.NewBorder(top, notice, nil, nil, container.NewBorder(widget.NewLabel(T("ui.review.own")), nil, nil, nil, own))
	dlg := dialog.NewCustomConfirm(T("ui.review.returnTitle", "Unit", r.Unit), T("ui.review.return"), T("Cancel"), body, func(ok bool) {
		if !ok {
			return
		}
		reasons := append([]string{}, checks.Selected...)
		for _, l := range strings.Split(own.Text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				reasons = append(reasons, l)
			}
		}
		if err := a.reviewed(func(ws *report.Consolidation) error {
			return review.Return(ws, r.Unit, strings.Join(reasons, "\n"), a.now())
		}); err != nil {
			a.showError(err)
			a.askReturn(r, checks.Selected, own.Text)
			return
		}
		if notice.Checked {
			a.saveNotice(r.Unit)
		}
	}, a.win)
	size := a.win.Canvas().Size()
	dlg.Resize(fyne.NewSize(min(size.Width*0.9, 720), min(size.Height*0.9, 560)))
	dlg.Show()
}

// saveNotice asks where to save the 退回通知 of a returned unit and writes
// it as PDF.
func (a *App) saveNotice(unit string) {
	a.choosePath(T("ui.review.noticeTitle"), T("ui.review.noticeName", "Unit", unit), ".pdf", T("ui.export.pdf"), func(path string) {
		if path != "" {
			a.WriteNotice(unit, path)
		}
	})
}

// WriteNotice writes the 退回通知 of a returned unit of the open 汇总 to
// path as PDF and tells where it is.
func (a *App) WriteNotice(unit, path string) bool {
	d := a.doc
	r, ok := review.Returned(review.Board(d.Report.Consolidation, d.Kinds(), d.Report.Year, a.now()), unit)
	if !ok {
		return false
	}
	data, err := pdf.Notice(review.NewNotice(r, d.Report.Year, d.Report.Unit.Name, a.now()))
	return a.written(path, data, err)
}

// written writes data to path, unless making it failed (err), and tells
// how it went.
func (a *App) written(path string, data []byte, err error) bool {
	if err == nil {
		err = safefile.Write(path, data, safefile.Options{})
	}
	if err != nil {
		a.showError(err)
		return false
	}
	a.informExported(T("ui.export.done", "Path", path), path)
	return true
}

// editDeadlines asks for the deadline of each kind of unit on the list
// (empty: the kind's own), and sets them.
func (a *App) editDeadlines() {
	if a.refusedReadOnly() {
		return
	}
	d := a.doc
	ws := d.Report.Consolidation
	var kinds []string
	for _, x := range ws.Expected {
		if x.Kind != "" && !slices.Contains(kinds, x.Kind) {
			kinds = append(kinds, x.Kind)
		}
	}
	if len(kinds) == 0 {
		a.inform(T("board.deadlines"), T("ui.review.noKinds"))
		return
	}
	entries := map[string]*widget.Entry{}
	var items []*widget.FormItem
	for _, k := range kinds {
		e := widget.NewEntry()
		e.SetText(ws.Deadlines[k])
		if kd, ok := d.Kinds().Lookup(k); ok {
			if due, ok := kd.DueDate(d.Report.Year); ok {
				e.SetPlaceHolder(T("ui.review.defaultDue", "Date", due.Format(time.DateOnly)))
			}
		}
		entries[k] = e
		items = append(items, widget.NewFormItem(d.Kinds().Name(k), e))
	}
	items = append(items, widget.NewFormItem("", widget.NewLabel(T("ui.review.dueHint"))))
	dialog.ShowForm(T("board.deadlines"), T("OK"), T("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		a.review(func(ws *report.Consolidation) error {
			for _, k := range kinds {
				if err := review.SetDeadline(ws, d.Kinds(), k, strings.TrimSpace(entries[k].Text)); err != nil {
					return err
				}
			}
			return nil
		})
	}, a.win)
}

// saveRows asks where to save the board (or, chase, the units to chase
// among rows) as a workbook, and writes it.
func (a *App) saveRows(rows []review.Row, chase bool) {
	name, _, _ := review.Sheet(a.doc.Report.Consolidation, nil, a.doc.Kinds(), chase)
	a.choosePath(name, a.doc.Report.Unit.Name+name, ".xlsx", T("ui.export.xlsx"), func(path string) {
		if path != "" {
			a.WriteRows(rows, chase, path)
		}
	})
}

// WriteRows writes the board's rows (chase: those of the units to chase)
// to path, a workbook or text by its extension, and tells where it is.
func (a *App) WriteRows(rows []review.Row, chase bool, path string) bool {
	d := a.doc
	name, header, table := review.Sheet(d.Report.Consolidation, rows, d.Kinds(), chase)
	data, err := sheet.ByExtension(path, name, d.Report.Unit.Name+" "+name, header, table)
	return a.written(path, data, err)
}

// readOnly tells a report viewed, not edited (a unit's, from the board).
func (a *App) readOnly() bool { return a.doc != nil && a.doc.ReadOnly }

// refusedReadOnly says, for a report viewed, that it cannot be changed;
// false for one edited.
func (a *App) refusedReadOnly() bool {
	if a.readOnly() {
		a.inform(T("ui.readOnly"), T("report.readOnly"))
	}
	return a.readOnly()
}

// openUnit shows a unit's report from the board in a window of its own,
// read-only, with its problems; the board's 汇总 stays open here.
func (a *App) openUnit(r review.Row) {
	path := consolidate.FileOf(a.doc, r.UnitEntry)
	if path == "" {
		return
	}
	d, err := importer.ImportFile(path, a.reg, importer.Hints{})
	if err != nil {
		a.showError(err)
		return
	}
	w := a.fyne.NewWindow(T("ui.appName"))
	viewer := New(a.fyne, w, Options{Registry: a.reg, RecoveryDir: a.opts.RecoveryDir})
	viewer.ShowReadOnly(d.Doc, path)
	size := a.win.Canvas().Size()
	w.Resize(fyne.NewSize(size.Width*0.9, size.Height*0.9))
	w.Show()
}

// ShowReadOnly shows d, read from path, to look at: nothing in it can be
// changed or saved.
func (a *App) ShowReadOnly(d *report.Doc, path string) {
	d.ReadOnly = true
	d.Path = path
	a.show(d, false)
}

// askBundle asks for the folder of the publication bundle and writes it.
func (a *App) askBundle() {
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err == nil && dir != nil {
			a.WriteBundle(dir.Path())
		}
	}, a.win)
}

// WriteBundle writes the publication bundle of the open 汇总 into dir:
// planned here, written off the UI goroutine with a progress bar and
// cancel; then it says what it holds and what was left out.
func (a *App) WriteBundle(dir string) {
	if a.busy != nil {
		a.inform(T("ui.consolidate.running"), T("ui.consolidate.busy"))
		return
	}
	p, err := bundle.Prepare(a.doc, dir, a.reg)
	if err != nil {
		a.showError(err)
		return
	}
	var s bundle.Summary
	a.busy = task.Run(a.win, T("ui.bundle.running"), func(ctx context.Context, progress task.Progress) error {
		var err error
		s, err = p.Write(ctx, progress)
		return err
	}, func(err error) {
		a.busy = nil
		switch {
		case errors.Is(err, context.Canceled):
		case err != nil:
			a.showError(err)
		default:
			msg := T("ui.bundle.done", "Units", s.Units, "Left", len(s.Left), "Path", filepath.Join(dir, bundle.IndexName))
			if s.Draft {
				msg += "\n" + T("bundle.draft")
			}
			if len(s.Left) > 0 {
				msg += "\n\n" + strings.Join(s.Left[:min(len(s.Left), 12)], "\n")
				if len(s.Left) > 12 {
					msg += "\n" + T("ui.bundle.more", "Count", len(s.Left)-12)
				}
			}
			a.informExported(msg, filepath.Join(dir, bundle.IndexName))
		}
	})
}

// showHistory shows the versions of a unit's report received: when, from
// which file, their review, and what each next one changed and fixed.
func (a *App) showHistory(r review.Row) {
	var lines []string
	for _, v := range review.History(a.doc.Report.Consolidation, r.Unit) {
		lines = append(lines, v.Text())
	}
	text := widget.NewLabel(strings.Join(lines, "\n\n"))
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	size := a.win.Canvas().Size()
	scroll.SetMinSize(fyne.NewSize(min(size.Width*0.8, 680), min(size.Height*0.6, 420)))
	dialog.ShowCustom(T("board.historyTitle", "Unit", r.Unit), T("ui.export.close"), scroll, a.win)
}
