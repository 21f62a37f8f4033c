package ime

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestPixels(t *testing.T) {
	x, y, h := pixels(fyne.NewPos(100, 40), fyne.NewPos(12.5, 20), 18, 1.5)
	if x != 168 || y != 90 || h != 27 {
		t.Errorf("pixels = %d, %d, %d", x, y, h)
	}
}

func TestPlaceIsSafeAnywhere(t *testing.T) {
	test.NewTempApp(t)
	e := widget.NewEntry()
	w := test.NewTempWindow(t, e)
	Place(w, e, e.CursorPosition(), 20) // the test window is no native window
	Place(nil, e, fyne.Position{}, 20)
}
