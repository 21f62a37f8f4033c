package ui

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"nianbao/ui/look"
)

// zoomKey is the preference holding the editor's zoom (1 is 100%).
const zoomKey = "zoom"

// zoomAlternates are the zoom keys besides the menu's, for when nothing
// has the focus (cells and texts pass them to zoomShortcut themselves).
var zoomAlternates = []fyne.Shortcut{
	&desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
	&desktop.CustomShortcut{KeyName: fyne.KeyPlus, Modifier: fyne.KeyModifierShortcutDefault},
}

// zoom returns the editor's zoom.
func (a *App) zoom() float32 {
	return look.ClampZoom(float32(a.fyne.Preferences().FloatWithFallback(zoomKey, 1)))
}

// setZoom sizes every text, space and icon of the editor by zoom and
// remembers it for the next start.
func (a *App) setZoom(zoom float32) {
	zoom = look.ClampZoom(zoom)
	a.fyne.Preferences().SetFloat(zoomKey, math.Round(float64(zoom)*100)/100) // 1.1, not 1.100000023841858
	a.fyne.Settings().SetTheme(look.Zoomed(zoom))
}

// zoomBy goes one zoom step in or out.
func (a *App) zoomBy(in bool) { a.setZoom(look.NextZoom(a.zoom(), in)) }

// zoomShortcut handles the other keys office programs zoom with — Ctrl with
// the + of the main keys (Shift+=) or of the keypad, Ctrl with the keypad's
// − — and returns whether s was one of them.
func (a *App) zoomShortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier&fyne.KeyModifierShortcutDefault == 0 {
		return false
	}
	switch {
	case cs.KeyName == fyne.KeyPlus || cs.KeyName == fyne.KeyEqual:
		a.zoomBy(true)
	case cs.KeyName == fyne.KeyMinus:
		a.zoomBy(false)
	default:
		return false
	}
	return true
}
