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

func TestZoom(t *testing.T) {
	base := look.Theme().Size(theme.SizeNameText)
	if got := look.Zoomed(1.5).Size(theme.SizeNameText); got != base*1.5 {
		t.Errorf("text at 150%% = %v, want %v", got, base*1.5)
	}
	nan := float32(0)
	nan /= nan
	for _, tc := range []struct{ in, want float32 }{{1, 1}, {1.25, 1.25}, {0, 1}, {-2, 1}, {nan, 1}, {0.1, look.MinZoom}, {40, look.MaxZoom}} {
		if got := look.ClampZoom(tc.in); got != tc.want {
			t.Errorf("ClampZoom(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
	z := float32(1)
	var seen []float32
	for range 10 {
		z = look.NextZoom(z, true)
		seen = append(seen, z)
	}
	if seen[0] != 1.1 || seen[len(seen)-1] != look.MaxZoom {
		t.Errorf("zooming in went %v", seen)
	}
	if got := look.NextZoom(1.05, false); got != 1 {
		t.Errorf("zooming out from 105%% gave %v, want the step below, 100%%", got)
	}
	if got := look.NextZoom(look.MinZoom, false); got != look.MinZoom {
		t.Errorf("zooming out past the smallest gave %v", got)
	}
}
