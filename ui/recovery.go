package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/report"
	"nianbao/forms/safefile"
)

// recovery keeps autosaved copies of the open report in a folder of the
// user's profile, so that a crash or power cut loses at most the last few
// seconds. A copy is removed when the report is saved or its changes are
// discarded; copies left at the next start are offered for recovery.
type recovery struct {
	dir     string
	key     string // names the open report's copy; "" until first written
	timer   *time.Timer
	pending time.Time // when the oldest edit not yet autosaved was made
}

// maxAutosaveWait bounds how long steady typing may put off an autosave.
const maxAutosaveWait = 30 * time.Second

// Recovered is an autosaved copy found at start-up.
type Recovered struct {
	Key   string    `json:"-"`
	Path  string    `json:"path"` // the report's own file; "" if never saved
	Unit  string    `json:"unit"`
	Year  int       `json:"year"`
	Saved time.Time `json:"saved"`
}

func newRecovery(dir string) *recovery {
	if dir == "" {
		if cfg, err := os.UserConfigDir(); err == nil {
			dir = filepath.Join(cfg, "nianbao", "recovery")
		}
	}
	return &recovery{dir: dir}
}

// schedule autosaves a's report after the idle delay; every new edit
// restarts the wait, but never beyond maxAutosaveWait after the first.
func (r *recovery) schedule(a *App) {
	if a.readOnly() {
		return // nothing changes in a report viewed
	}
	now := time.Now()
	if r.timer == nil {
		r.pending = now
	}
	wait := a.opts.AutosaveDelay
	if deadline := r.pending.Add(maxAutosaveWait); now.Add(wait).After(deadline) {
		wait = max(deadline.Sub(now), 0)
	}
	if r.timer != nil {
		r.timer.Stop()
	}
	r.timer = time.AfterFunc(wait, func() { fyne.Do(a.Autosave) })
}

func (r *recovery) stop() {
	if r.timer != nil {
		r.timer.Stop()
		r.timer = nil
	}
}

// reset forgets the copy of the previous report without removing it.
func (r *recovery) reset() {
	r.stop()
	r.key = ""
}

// clear removes the open report's copy: its changes are saved or discarded.
func (r *recovery) clear() {
	r.stop()
	removeCopy(r.dir, r.key)
	r.key = ""
}

// keyFor names a copy: by the report's file and the time, so that a copy
// left by a crash is never overwritten by a later session's.
func keyFor(path string) string {
	stamp := time.Now().Format("20060102-150405.000000")
	if path == "" {
		return "untitled-" + stamp
	}
	sum := sha256.Sum256([]byte(path))
	return hex.EncodeToString(sum[:6]) + "-" + stamp
}

// Autosave writes the open report's copy if it has unsaved changes.
func (a *App) Autosave() {
	r := a.rec
	r.timer = nil
	if a.doc == nil || !a.dirty || r.dir == "" {
		return
	}
	path := a.doc.Path
	if path != "" {
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
	}
	if r.key == "" {
		r.key = keyFor(path)
	}
	now := time.Now()
	data, err := a.doc.Report.MarshalSavable(now)
	if err == nil {
		err = os.MkdirAll(r.dir, 0o700)
	}
	if err == nil {
		err = safefile.Write(filepath.Join(r.dir, r.key+report.Extension), data, safefile.Options{})
	}
	if err == nil {
		meta, _ := json.Marshal(Recovered{Path: path, Unit: a.doc.Report.Unit.Name, Year: a.doc.Report.Year, Saved: now})
		err = safefile.Write(filepath.Join(r.dir, r.key+".json"), meta, safefile.Options{})
	}
	if err != nil {
		fyne.LogError("autosave", err)
	}
}

// maxRecoveredMeta bounds the description of an autosaved copy.
const maxRecoveredMeta = 64 << 10

// Recoverable lists the autosaved copies left by earlier runs.
func (a *App) Recoverable() []Recovered {
	if a.rec.dir == "" {
		return nil
	}
	files, _ := filepath.Glob(filepath.Join(a.rec.dir, "*.json"))
	var out []Recovered
	for _, f := range files {
		key := strings.TrimSuffix(filepath.Base(f), ".json")
		if key == a.rec.key {
			continue
		}
		data, err := safefile.ReadLimited(f, maxRecoveredMeta, "file.tooLarge")
		var rc Recovered
		if err != nil || json.Unmarshal(data, &rc) != nil || rc.Year == 0 {
			continue
		}
		if _, err := os.Stat(filepath.Join(a.rec.dir, key+report.Extension)); err != nil {
			continue
		}
		rc.Key = key
		out = append(out, rc)
	}
	return out
}

// Recover opens an autosaved copy as the open report, with unsaved changes,
// bound to the report's own file if it had one.
func (a *App) Recover(rc Recovered) error {
	d, err := report.OpenCopy(filepath.Join(a.rec.dir, rc.Key+report.Extension), rc.Path, a.reg)
	if err != nil {
		return err
	}
	a.rec.reset()
	a.rec.key = rc.Key
	a.show(d, true)
	return nil
}

// Discard removes an autosaved copy.
func (a *App) Discard(rc Recovered) { removeCopy(a.rec.dir, rc.Key) }

func removeCopy(dir, key string) {
	if dir == "" || key == "" {
		return
	}
	os.Remove(filepath.Join(dir, key+report.Extension))
	os.Remove(filepath.Join(dir, key+".json"))
}

// offerRecovery asks, for each copy left by a crash, whether to recover it.
func (a *App) offerRecovery() {
	list := a.Recoverable()
	if len(list) == 0 {
		return
	}
	rc := list[0]
	name := rc.Path
	if name == "" {
		name = T("ui.untitled", "Unit", rc.Unit, "Year", rc.Year)
	}
	msg := widget.NewLabel(T("ui.recover.ask", "Name", name, "Time", rc.Saved.Local().Format("2006-01-02 15:04:05")))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	recoverBtn := widget.NewButton(T("ui.recover.yes"), func() {
		d.Hide()
		a.whenDiscardable(func() {
			if err := a.Recover(rc); err != nil {
				a.showError(err)
			}
			a.offerRecovery() // the next copy, if any
		})
	})
	recoverBtn.Importance = widget.HighImportance
	discard := widget.NewButton(T("ui.recover.no"), func() {
		d.Hide()
		dialog.ShowConfirm(T("ui.recover.title"), T("ui.recover.confirmDiscard"), func(ok bool) {
			if ok {
				a.Discard(rc)
			}
			a.offerRecovery()
		}, a.win)
	})
	d = dialog.NewCustomWithoutButtons(T("ui.recover.title"), container.New(fixedWidth(480), msg), a.win)
	d.SetButtons([]fyne.CanvasObject{discard, recoverBtn})
	d.Show()
}
