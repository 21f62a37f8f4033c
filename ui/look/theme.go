// Package look is the editor's appearance: its theme and font.
package look

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"nianbao/assets"
)

// officeTheme is the editor's look: always light, like office software, with
// the bundled CJK font so that Chinese looks the same on every machine.
type officeTheme struct{}

var uiFont = fyne.NewStaticResource("WenQuanYiMicroHei-CJK.ttf", assets.UIFont)

// Theme returns the editor's theme.
func Theme() fyne.Theme { return officeTheme{} }

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

func (officeTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

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
