package ui

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
)

// TestPlacementRemembered checks that the window's size and the panes'
// positions are kept when the window closes and come back at the next
// start, and that remembered nonsense cannot hide a pane.
func TestPlacementRemembered(t *testing.T) {
	app, w := newTestApp(t, "")
	p := app.fyne.Preferences()
	if s := windowState(p); s.Size != firstWindowSize || s.Maximised {
		t.Errorf("the first start opens at %v (maximised %v)", s.Size, s.Maximised)
	}
	app.OpenSample()
	w.Resize(fyne.NewSize(900, 600))
	app.ed.split.SetOffset(0.3)
	app.ed.body.SetOffset(0.6)
	app.keepPlacement()
	if s := windowState(p); s.Size != fyne.NewSize(900, 600) || s.Maximised {
		t.Errorf("remembered %v (maximised %v)", s.Size, s.Maximised)
	}
	// The next report and the next start show the panes where they were left.
	app.OpenSample()
	if app.ed.split.Offset != 0.3 || app.ed.body.Offset != 0.6 {
		t.Errorf("panes at %v / %v", app.ed.split.Offset, app.ed.body.Offset)
	}
	app2 := New(app.fyne, w, Options{Registry: app.reg, RecoveryDir: t.TempDir()})
	app2.OpenSample()
	if app2.ed.split.Offset != 0.3 || app2.ed.body.Offset != 0.6 {
		t.Errorf("the next start has panes at %v / %v", app2.ed.split.Offset, app2.ed.body.Offset)
	}
	for _, bad := range []float64{0, 1, -3, math.NaN(), 0.99} {
		p.SetFloat(navPaneKey, bad)
		if nav, _ := paneOffsets(p); nav != defaultNavShare {
			t.Errorf("a remembered share of %v gives %v", bad, nav)
		}
	}
}
