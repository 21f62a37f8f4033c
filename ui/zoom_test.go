package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"nianbao/ui/look"
)

// TestZoom checks that Ctrl+= and Ctrl+- (and Ctrl with the keypad's +, in
// a cell) size the editor in steps, that the sheet is measured again, that
// the zoom is remembered for the next start, and that even the largest zoom
// never makes the window ask for more than a 1024×700 screen.
func TestZoom(t *testing.T) {
	app, w := newTestApp(t, "")
	w.Resize(fyne.NewSize(1024, 700))
	app.OpenSample()
	base := theme.TextSize()
	v := openTable(t, app, "requests")
	cellWidth := func() float32 { return v.sheet.Cell("t3.new.natural").(fyne.CanvasObject).Size().Width }
	before := cellWidth()

	app.zoomBy(true)
	if got := theme.TextSize(); got != base*1.1 {
		t.Errorf("text after zooming in: %v, want %v", got, base*1.1)
	}
	if cellWidth() <= before {
		t.Errorf("a cell stayed %v wide after zooming in", cellWidth())
	}
	v.sheet.Focus("t3.new.natural")
	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPlus, Modifier: fyne.KeyModifierShortcutDefault})
	if got := theme.TextSize(); got != base*1.25 {
		t.Errorf("text after Ctrl with the keypad's + in a cell: %v, want %v", got, base*1.25)
	}
	if got := app.fyne.Preferences().Float(zoomKey); got != 1.25 {
		t.Errorf("remembered zoom %v", got)
	}
	app2 := New(app.fyne, w, Options{Registry: app.reg, RecoveryDir: t.TempDir()})
	if got := app2.zoom(); got != 1.25 || theme.TextSize() != base*1.25 {
		t.Errorf("the next start zooms %v (text %v)", got, theme.TextSize())
	}

	app.setZoom(look.MaxZoom)
	app.OpenSample()
	for i := range app.ed.parts {
		app.ed.nav.Select(i)
		if got := w.Content().MinSize(); got.Width > 1024 || got.Height > 700 {
			t.Errorf("part %d at the largest zoom needs %v", i, got)
		}
		if v, ok := app.ed.parts[i].view.(*tableView); ok && v.chart != nil {
			v.toggleChart()
			if got := w.Content().MinSize(); got.Width > 1024 || got.Height > 700 {
				t.Errorf("part %d with its chart at the largest zoom needs %v", i, got)
			}
		}
	}
	app.setZoom(1)
	if theme.TextSize() != base {
		t.Errorf("100%% gives text %v", theme.TextSize())
	}
}
