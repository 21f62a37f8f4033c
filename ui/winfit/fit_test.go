package winfit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestInside(t *testing.T) {
	work := rect{0, 0, 1366, 728} // a 1366×768 screen less the taskbar
	tests := []struct {
		name string
		win  rect
		want rect
		ok   bool
	}{
		{"fits", rect{100, 50, 1100, 710}, rect{100, 50, 1100, 710}, true},
		{"too tall", rect{0, 0, 1200, 840}, rect{0, 0, 1200, 728}, false},
		{"too wide and off to the right", rect{400, 10, 1800, 700}, rect{0, 10, 1366, 700}, false},
		{"partly below", rect{100, 300, 1100, 960}, rect{100, 68, 1100, 728}, false},
		{"above the screen", rect{100, -40, 1100, 620}, rect{100, 0, 1100, 660}, false},
	}
	for _, tc := range tests {
		x, y, w, h, ok := inside(tc.win, work)
		if got := (rect{x, y, x + w, y + h}); got != tc.want || ok != tc.ok {
			t.Errorf("%s: %v %v, want %v %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
}

func TestRestoreKeepsTheLeastSize(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	Restore(w, State{Size: fyne.NewSize(20, 900)})()
	if got := w.Canvas().Size(); got.Width < Smallest.Width || got.Height != 900 {
		t.Errorf("a remembered 20×900 opens at %v", got)
	}
}
