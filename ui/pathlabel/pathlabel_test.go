package pathlabel

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// width counts every character as 1 and "…" as 1.
func width(s string) float32 { return float32(utf8.RuneCountInString(s)) }

func TestElide(t *testing.T) {
	const path = `D:\单位文件\2025年度\年报\某某镇2025年报.nianbao`
	tests := []struct {
		width float32
		want  string
	}{
		{100, path},
		{float32(utf8.RuneCountInString(path)), path},
		{31, `D:\单位文件\20…年报\某某镇2025年报.nianbao`},
		{22, `D:\单位文件…2025年报.nianbao`},
		{4, `D…ao`},
		{1, `…`},
	}
	for _, tc := range tests {
		got := Elide(path, tc.width, width)
		if got != tc.want {
			t.Errorf("Elide(%v) = %q, want %q", tc.width, got, tc.want)
		}
		if width(got) > max(tc.width, 1) {
			t.Errorf("Elide(%v) = %q is wider", tc.width, got)
		}
	}
}

// TestLabel checks that the label asks for little width and shortens the
// path to the width it is given.
func TestLabel(t *testing.T) {
	test.NewTempApp(t)
	path := "/home/办公室/" + strings.Repeat("政府信息公开/", 20) + "2025年报.nianbao"
	l := New(path)
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(400, 60))
	if got := l.MinSize().Width; got > 200 {
		t.Errorf("MinSize width %.0f for a %d-character path", got, utf8.RuneCountInString(path))
	}
	shown := l.Shown()
	if !strings.Contains(shown, "…") || !strings.HasSuffix(shown, "年报.nianbao") || !strings.HasPrefix(shown, "/home/") {
		t.Errorf("shown %q", shown)
	}
	// The whole path shows while the mouse is over the label.
	test.MoveMouse(w.Canvas(), fyne.NewPos(20, 20))
	if top := w.Canvas().Overlays().Top(); top == nil || !strings.Contains(test.RenderObjectToMarkup(top), "2025年报.nianbao") ||
		!strings.Contains(test.RenderObjectToMarkup(top), "政府信息公开/政府信息公开/政府信息公开/政府信息公开/政府信息公开/") {
		t.Error("the whole path does not show under the mouse")
	}
	test.MoveMouse(w.Canvas(), fyne.NewPos(399, 59))
	test.MoveMouse(w.Canvas(), fyne.NewPos(500, 500))
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the whole path stays after the mouse left")
	}
	l.SetPath("/r.nianbao")
	if l.Shown() != "/r.nianbao" {
		t.Errorf("after SetPath shown %q", l.Shown())
	}
}
