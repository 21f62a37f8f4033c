// Package look is the editor's appearance: its theme and font.
package look

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"nianbao/assets"
)

// officeTheme is the editor's look: always light, like office software, with
// the bundled CJK font so that Chinese looks the same on every machine, and
// every size multiplied by the zoom chosen for older eyes.
type officeTheme struct{ zoom float32 }

var uiFont = fyne.NewStaticResource("WenQuanYiMicroHei-CJK.ttf", assets.UIFont)

// Theme returns the editor's theme at 100%.
func Theme() fyne.Theme { return officeTheme{zoom: 1} }

// Zoomed returns the editor's theme with every size (text, padding, icons)
// multiplied by zoom, which is kept within MinZoom and MaxZoom.
func Zoomed(zoom float32) fyne.Theme { return officeTheme{zoom: ClampZoom(zoom)} }

// Zoom steps, as office programs offer them.
var zoomSteps = []float32{0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2}

// The smallest and largest zoom.
var (
	MinZoom = zoomSteps[0]
	MaxZoom = zoomSteps[len(zoomSteps)-1]
)

// ClampZoom keeps zoom within MinZoom and MaxZoom; anything that is not a
// sensible number (a hand-edited preference) is 100%.
func ClampZoom(zoom float32) float32 {
	switch {
	case zoom != zoom || zoom <= 0: // NaN, nothing or less
		return 1
	case zoom < MinZoom:
		return MinZoom
	case zoom > MaxZoom: // also +Inf
		return MaxZoom
	}
	return zoom
}

// NextZoom returns the zoom step after zoom, bigger when in is true, else
// smaller; at the end of the steps it stays.
func NextZoom(zoom float32, in bool) float32 {
	zoom = ClampZoom(zoom)
	if in {
		for _, z := range zoomSteps {
			if z > zoom+0.001 {
				return z
			}
		}
		return MaxZoom
	}
	for i := len(zoomSteps) - 1; i >= 0; i-- {
		if zoomSteps[i] < zoom-0.001 {
			return zoomSteps[i]
		}
	}
	return MinZoom
}

func (officeTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (officeTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return theme.DefaultTheme().Font(s)
	}
	return uiFont
}

func (officeTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t officeTheme) Size(n fyne.ThemeSizeName) float32 {
	return theme.DefaultTheme().Size(n) * t.zoom
}

// Prepare does the lazy set-up of the theme on the calling goroutine, so
// that Warm may run on another one.
func Prepare() {
	th := Theme()
	th.Color(theme.ColorNameForeground, theme.VariantLight)
	th.Size(theme.SizeNameText)
	th.Font(fyne.TextStyle{})
}

// Warm loads the font into Fyne's text cache, so that laying out the first
// view does not wait for it. It may run on another goroutine only while no
// other goroutine measures or draws text (see ui.Run), and after Prepare.
func Warm() {
	fyne.MeasureText("年报", theme.TextSize(), fyne.TextStyle{})
}

// LineHeight is the height of a line of text in the current theme's size:
// the measure the editor's views size their columns and bars by.
func LineHeight() float32 {
	return fyne.MeasureText("国", theme.TextSize(), fyne.TextStyle{}).Height
}
