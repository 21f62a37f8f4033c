// Package winfit places the editor's window as office programs do: as large
// as it was last time, never larger than the screen, maximised when it was
// left maximised. Fyne can neither tell the screen's size nor maximise a
// window, so on Windows the package asks the system through the native
// window (user32); elsewhere it keeps to the size it is given.
package winfit

import "fyne.io/fyne/v2"

// State is a window's placement, remembered between runs.
type State struct {
	Size      fyne.Size
	Maximised bool
}

// Smallest is the least size a remembered window opens at: smaller would
// hide the editor's parts.
var Smallest = fyne.NewSize(640, 440)

// Restore sizes w to s.Size (at least Smallest) before it is shown. It
// returns what to call once the window is on the screen (the app's
// OnStarted): that fits it into the screen's work area, or maximises it,
// where the system allows.
func Restore(w fyne.Window, s State) (onScreen func()) {
	w.Resize(fyne.NewSize(max(s.Size.Width, Smallest.Width), max(s.Size.Height, Smallest.Height)))
	return func() { fit(w, s.Maximised) }
}

// Maximised reports whether w is maximised, where the system tells
// (Windows); false elsewhere.
func Maximised(w fyne.Window) bool { return maximised(w) }

// Minimised reports whether w is minimised to the taskbar, where the
// system tells (Windows); false elsewhere. A minimised window's size is no
// size to remember.
func Minimised(w fyne.Window) bool { return minimised(w) }
