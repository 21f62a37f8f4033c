package ui

import (
	"fyne.io/fyne/v2"

	"nianbao/ui/winfit"
)

// Preferences that remember the window and its panes between runs.
const (
	windowWidthKey     = "window.width"
	windowHeightKey    = "window.height"
	windowMaximisedKey = "window.maximised"
	navPaneKey         = "pane.navigation" // the navigation's share of the width
	problemsPaneKey    = "pane.body"       // the part's share of the height above the problems
)

// The panes' shares in a window never resized.
const (
	defaultNavShare  = 0.25
	defaultBodyShare = 0.78
)

// windowState is the placement the window had when last closed; the first
// time, firstWindowSize.
func windowState(p fyne.Preferences) winfit.State {
	return winfit.State{
		Size: fyne.NewSize(
			float32(p.FloatWithFallback(windowWidthKey, float64(firstWindowSize.Width))),
			float32(p.FloatWithFallback(windowHeightKey, float64(firstWindowSize.Height)))),
		Maximised: p.Bool(windowMaximisedKey),
	}
}

// paneOffsets returns the remembered shares of the navigation and of the
// part's editor, each kept between 10% and 90% so that no pane is lost.
func paneOffsets(p fyne.Preferences) (nav, body float64) {
	share := func(key string, def float64) float64 {
		v := p.FloatWithFallback(key, def)
		if !(v >= 0.1 && v <= 0.9) { // also NaN
			return def
		}
		return v
	}
	return share(navPaneKey, defaultNavShare), share(problemsPaneKey, defaultBodyShare)
}

// keepPanes remembers the panes of the editor shown now, before another
// report replaces it or the window closes.
func (a *App) keepPanes() {
	if a.ed == nil {
		return
	}
	p := a.fyne.Preferences()
	p.SetFloat(navPaneKey, a.ed.split.Offset)
	p.SetFloat(problemsPaneKey, a.ed.body.Offset)
}

// keepPlacement remembers the window's size, whether it is maximised and
// its panes, for the next start.
func (a *App) keepPlacement() {
	a.keepPanes()
	if winfit.Minimised(a.win) {
		return // closed from the taskbar: the last placement stays
	}
	p := a.fyne.Preferences()
	maximised := winfit.Maximised(a.win)
	p.SetBool(windowMaximisedKey, maximised)
	if !maximised { // a maximised window is restored to the size it had before
		size := a.win.Canvas().Size()
		p.SetFloat(windowWidthKey, float64(size.Width))
		p.SetFloat(windowHeightKey, float64(size.Height))
	}
}
