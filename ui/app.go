// Package ui is the editor of nianbao, a Fyne desktop app: a welcome view,
// the report's parts in a navigation list, form-driven editors for the
// preface, the text sections and the statistics tables, live totals and
// checks with a list of problems that jumps to the cell, and files that
// are saved atomically and autosaved for recovery after a crash.
//
// The package does not import fyne.io/fyne/v2/app: main creates the Fyne
// app, and tests drive the editor with Fyne's test app.
package ui

import (
	"bytes"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"nianbao/forms/registry"
	"nianbao/forms/report"
	"nianbao/forms/rules"
	"nianbao/ui/look"
	"nianbao/ui/shell"
	"nianbao/ui/task"
	"nianbao/ui/winfit"
)

// Options tune the editor; the zero value is what the program uses.
type Options struct {
	// Registry holds the formats; default: registry.Default().
	Registry *registry.Registry
	// RecoveryDir holds autosaved copies; default: the user's
	// configuration folder, nianbao/recovery.
	RecoveryDir string
	// AutosaveDelay is the idle time after an edit before the autosave;
	// default 3 s.
	AutosaveDelay time.Duration
}

// App is the editor of one window.
type App struct {
	fyne fyne.App
	win  fyne.Window
	reg  *registry.Registry
	opts Options

	// clock tells the time reviews are given at and lateness is judged
	// at; nil means the system's (tests set it).
	clock func() time.Time

	doc    *report.Doc // nil on the welcome view
	result rules.Result
	dirty  bool
	// saved is the open report as last loaded or saved (Marshal without a
	// time), nil while it has no file: it is unsaved exactly while it differs.
	saved   []byte
	savedWS *report.Consolidation // the workspace saved, kept alive for contentOf
	// recentMenu is the File menu's list of recent files.
	recentMenu *fyne.Menu
	// opener opens a file or folder with the system's programs; nil means
	// Fyne's OpenURL (tests record instead).
	opener func(*url.URL) error
	// printer prints a file; shell.Print but in tests.
	printer func(path string) error
	undo    undoStack
	ed      *editor    // the main view of doc
	busy    *task.Task // the consolidation running, if any
	// source is the published text the open report was just imported
	// from, shown beside its tables to check the reading; "" otherwise.
	source string
	guide  fyne.Window // the user guide, while open
	rec    *recovery
}

// firstWindowSize fits the work area of the smallest office screens
// (1024×768 and 1366×768, less the taskbar and title bar): Fyne can
// neither tell the screen's size nor maximise a window.
var firstWindowSize = fyne.NewSize(1000, 660)

// New sets up the editor in window w of app a, showing the welcome view.
func New(a fyne.App, w fyne.Window, opts Options) *App {
	if opts.Registry == nil {
		opts.Registry = registry.Default()
	}
	if opts.AutosaveDelay == 0 {
		opts.AutosaveDelay = 3 * time.Second
	}
	a.Settings().SetTheme(look.Zoomed(float32(a.Preferences().FloatWithFallback(zoomKey, 1))))
	if err := RegisterTranslations(); err != nil {
		fyne.LogError("translations", err)
	}
	app := &App{fyne: a, win: w, reg: opts.Registry, opts: opts, printer: shell.Print}
	app.rec = newRecovery(opts.RecoveryDir)
	w.SetMainMenu(app.mainMenu())
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { app.functionKey(ev.Name) })
	for _, sc := range zoomAlternates {
		w.Canvas().AddShortcut(sc, func(s fyne.Shortcut) { app.zoomShortcut(s) })
	}
	w.SetCloseIntercept(app.closeRequested)
	w.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { app.dropped(uris) })
	app.showWelcome()
	return app
}

// Run opens the editor in a new window of a, with the report at path if
// given, offers to recover autosaved work, and runs the app; started, if
// not nil, is called once the window is on the screen.
func Run(a fyne.App, path string, started func()) {
	// Parsing the CJK font is the largest start-up cost. It runs on the
	// other core while the main goroutine creates the window, which
	// measures no text; the main goroutine waits for it before laying out
	// anything, so the two never use Fyne's text caches at the same time.
	// The theme is set first so that its lazy set-up is not shared either.
	a.Settings().SetTheme(look.Theme())
	look.Prepare()
	warm := make(chan struct{})
	go func() {
		look.Warm()
		close(warm)
	}()
	w := a.NewWindow(T("ui.appName"))
	<-warm
	fit := winfit.Restore(w, windowState(a.Preferences()))
	a.Lifecycle().SetOnStarted(func() {
		fit()
		if started != nil {
			started()
		}
		trimMemory()
	})
	app := New(a, w, Options{})
	if path != "" {
		app.Open(path)
	}
	app.offerRecovery()
	w.ShowAndRun()
}

// trimmer returns the memory the runtime keeps after a burst of work; only
// Fyne's goroutine sets it.
var trimmer *time.Timer

// trimMemory gives the garbage of the work just done back to the system
// once the editor has been idle for two seconds: parsing the fonts at start
// leaves some 15 MB, building a part's view a few more, which the runtime
// would otherwise keep for the next burst.
func trimMemory() {
	const idle = 2 * time.Second
	if trimmer == nil {
		trimmer = time.AfterFunc(idle, debug.FreeOSMemory)
		return
	}
	trimmer.Reset(idle)
}

// Dirty reports whether the open report has unsaved changes.
func (a *App) Dirty() bool { return a.dirty }

// show makes d the open report and shows it in the main view.
func (a *App) show(d *report.Doc, dirty bool) {
	if a.doc != nil && a.doc != d {
		a.doc.Close()
	}
	a.doc, a.dirty, a.saved, a.source = d, dirty, nil, ""
	a.keepPanes()
	if !dirty {
		a.markSaved()
	}
	a.undo = undoStack{}
	a.result = d.Evaluate()
	a.ed = newEditor(a)
	a.win.SetContent(a.ed.root)
	a.ed.nav.Select(0)
	a.ed.refresh()
	a.updateTitle()
	if d.Path != "" && !d.ReadOnly {
		a.addRecent(d.Path)
	}
}

// changed is called after every change of the open report: it re-evaluates
// the rules, refreshes what shows them and schedules an autosave.
func (a *App) changed() {
	if a.readOnly() {
		return // nothing changed: a read-only report refuses every change
	}
	// Typing then Esc, retyping a value or undoing back to the saved state
	// leave the report as saved.
	a.dirty = a.saved == nil || !bytes.Equal(contentOf(a.doc), a.saved)
	a.result = a.doc.Evaluate()
	if a.ed != nil {
		a.ed.refresh()
	}
	a.updateTitle()
	a.rec.schedule(a)
}

// contentOf is what a report's file holds, but for the time it was saved,
// to tell whether the report changed since. A 汇总's workspace (a thousand
// units' values take some 30 ms to write) stands in by its address: a
// consolidation run and every review make a new one (App.reviewed). App
// keeps the saved one alive (savedWS), so that its address is not reused.
func contentOf(d *report.Doc) []byte {
	r := *d.Report
	r.Consolidation = nil
	data, err := r.Marshal(time.Time{})
	if err != nil {
		return nil
	}
	if ws := d.Report.Consolidation; ws != nil {
		data = fmt.Appendf(data, "workspace %p", ws)
	}
	return data
}

// markSaved records the open report's content as saved.
func (a *App) markSaved() {
	a.saved, a.savedWS = contentOf(a.doc), a.doc.Report.Consolidation
}

// reportName names the open report: its file's name without the
// extension, or 单位 + year while it has no file.
func (a *App) reportName() string {
	if a.doc.Path != "" {
		return strings.TrimSuffix(filepath.Base(a.doc.Path), report.Extension)
	}
	return T("ui.untitled", "Unit", a.doc.Report.Unit.Name, "Year", a.doc.Report.Year)
}

func (a *App) updateTitle() {
	title := T("ui.appName")
	if a.doc != nil {
		name := a.reportName()
		if a.dirty {
			name = "*" + name
		}
		if a.readOnly() {
			name = T("ui.readOnlyTitle", "Name", name)
		}
		title = name + " - " + title
	}
	a.win.SetTitle(title)
}
