package look_test

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/ui/look"
)

func TestTheme(t *testing.T) {
	th := look.Theme()
	light := theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantLight)
	if got := th.Color(theme.ColorNameBackground, theme.VariantDark); got != light {
		t.Errorf("dark variant background = %v, want the light %v", got, light)
	}
	if th.Font(fyne.TextStyle{}).Name() != "WenQuanYiMicroHei-CJK.ttf" || th.Font(fyne.TextStyle{Bold: true}) != th.Font(fyne.TextStyle{}) {
		t.Error("the CJK font is not the text font")
	}
	var _ color.Color = light
}

// TestWarmBesideWindow runs the start-up sequence of ui.Run under the test
// driver: the font warms on another goroutine while a window is created.
// Run it with -race.
func TestWarmBesideWindow(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(look.Theme())
	look.Prepare()
	done := make(chan struct{})
	go func() {
		look.Warm()
		close(done)
	}()
	w := test.NewTempWindow(t, nil)
	<-done
	w.SetContent(widget.NewLabel("年报助手"))
	if size := fyne.MeasureText("年报", theme.TextSize(), fyne.TextStyle{}); size.Width < theme.TextSize() {
		t.Errorf("measured %v", size)
	}
}
