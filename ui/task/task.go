// Package task runs the editor's long work (consolidation, import, batch
// export) off the UI goroutine: a modal dialog shows a progress bar and a
// cancel button, progress and the result come back on the UI goroutine
// through fyne.Do, and the window stays responsive throughout.
package task

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/ui/tr"
)

// Post runs f on the UI goroutine: fyne.Do. Fyne's test driver runs f at
// once on the calling goroutine, so tests of background work replace Post
// with a queue that the test's goroutine runs.
var Post = fyne.Do

// Progress reports how far the work is: done of total steps.
type Progress func(done, total int)

// Task is work running in the background.
type Task struct {
	cancel context.CancelFunc
	dlg    *dialog.CustomDialog
	bar    *widget.ProgressBar
	label  *widget.Label

	mu      sync.Mutex
	pending bool // a progress update is queued for the UI goroutine
	done    int
	total   int
}

// Run starts work off the UI goroutine under a modal dialog titled title,
// and calls finish on the UI goroutine with its error when it ends
// (context.Canceled when the clerk cancelled). Progress may be called from
// any goroutine as often as the work likes: the dialog shows the latest.
func Run(win fyne.Window, title string, work func(ctx context.Context, progress Progress) error, finish func(err error)) *Task {
	ctx, cancel := context.WithCancel(context.Background())
	t := &Task{cancel: cancel, bar: widget.NewProgressBar(), label: widget.NewLabel(tr.T("task.starting"))}
	stop := widget.NewButton(tr.T("Cancel"), func() {
		cancel()
		t.label.SetText(tr.T("task.cancelling"))
	})
	body := container.NewVBox(t.label, t.bar, container.NewCenter(stop))
	t.dlg = dialog.NewCustomWithoutButtons(title, body, win)
	t.dlg.Resize(fyne.NewSize(420, body.MinSize().Height+60))
	t.dlg.Show()
	go func() {
		err := work(ctx, t.progress)
		cancel()
		Post(func() {
			t.dlg.Hide()
			finish(err)
		})
	}()
	return t
}

// Cancel asks the work to stop.
func (t *Task) Cancel() { t.cancel() }

// progress records the latest count and, unless an update is queued
// already, queues one: a thousand files never flood the UI goroutine.
func (t *Task) progress(done, total int) {
	t.mu.Lock()
	t.done, t.total = done, total
	queue := !t.pending
	t.pending = true
	t.mu.Unlock()
	if !queue {
		return
	}
	Post(func() {
		t.mu.Lock()
		done, total := t.done, t.total
		t.pending = false
		t.mu.Unlock()
		if total > 0 {
			t.bar.SetValue(float64(done) / float64(total))
		}
		t.label.SetText(tr.T("task.progress", "Done", done, "Total", total))
	})
}
