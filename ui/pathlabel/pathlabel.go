// Package pathlabel is a one-line label for a file path that never asks
// for more width than a few characters: given less room than the path
// needs, it shortens the path in the middle, keeping its start and the file
// name ("D:\年报\…\2025年报.nianbao"), and shows the whole path while the
// mouse is over it. A status bar with a long path thus never widens the
// window.
package pathlabel

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ellipsis marks where a path was shortened.
const ellipsis = "…"

// minChars is how many characters' width the label asks for at least.
const minChars = 4

// Label shows a path, shortened in the middle to the width it is given.
type Label struct {
	widget.BaseWidget
	path string
	text *canvas.Text
	pop  *widget.PopUp
}

var _ desktop.Hoverable = (*Label)(nil)

// New returns a label showing path.
func New(path string) *Label {
	l := &Label{path: path}
	l.ExtendBaseWidget(l)
	return l
}

// SetPath changes the path shown.
func (l *Label) SetPath(path string) {
	if path == l.path {
		return
	}
	l.path = path
	l.Refresh()
}

// Path returns the whole path.
func (l *Label) Path() string { return l.path }

// Shown returns the text shown, shortened or not.
func (l *Label) Shown() string {
	if l.text == nil {
		return l.path
	}
	return l.text.Text
}

// MouseIn shows the whole path above the label when it is shortened.
func (l *Label) MouseIn(*desktop.MouseEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(l)
	if c == nil || l.Shown() == l.path {
		return
	}
	// As wide as the path, at most as wide as the window, wrapped.
	full := widget.NewLabel(l.path)
	full.Wrapping = fyne.TextWrapBreak
	l.pop = widget.NewPopUp(full, c)
	width := min(l.pop.MinSize().Width-full.MinSize().Width+l.measure(l.path)+2*theme.InnerPadding(), c.Size().Width)
	full.Resize(fyne.NewSize(width, full.MinSize().Height))
	size := fyne.NewSize(width, l.pop.MinSize().Height)
	l.pop.Resize(size)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(l)
	// Above the label (it is in a status bar), else below it: never over
	// it, which would take the mouse away from it.
	y := pos.Y - size.Height
	if y < 0 {
		y = pos.Y + l.Size().Height
	}
	l.pop.ShowAtPosition(fyne.NewPos(max(0, min(pos.X, c.Size().Width-size.Width)), y))
}

// MouseMoved does nothing; the whole path stays shown.
func (l *Label) MouseMoved(*desktop.MouseEvent) {}

// MouseOut hides the whole path.
func (l *Label) MouseOut() {
	if l.pop != nil {
		l.pop.Hide()
		l.pop = nil
	}
}

// measure is the width of s in the label's text style.
func (l *Label) measure(s string) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width
}

// CreateRenderer makes the label's renderer.
func (l *Label) CreateRenderer() fyne.WidgetRenderer {
	l.text = canvas.NewText(l.path, theme.Color(theme.ColorNameForeground))
	l.text.TextSize = theme.TextSize()
	return &renderer{l: l}
}

type renderer struct{ l *Label }

func (r *renderer) measure(s string) float32 { return r.l.measure(s) }

func (r *renderer) Layout(size fyne.Size) {
	pad := theme.InnerPadding()
	t := r.l.text
	t.Text = Elide(r.l.path, size.Width-2*pad, r.measure)
	t.Move(fyne.NewPos(pad, (size.Height-t.MinSize().Height)/2))
	t.Resize(fyne.NewSize(size.Width-2*pad, t.MinSize().Height))
}

func (r *renderer) MinSize() fyne.Size {
	pad := theme.InnerPadding()
	h := fyne.MeasureText("国", r.l.text.TextSize, r.l.text.TextStyle).Height
	return fyne.NewSize(r.measure("国")*minChars+2*pad, h+2*pad)
}

func (r *renderer) Refresh() {
	r.l.text.Color = theme.Color(theme.ColorNameForeground)
	r.l.text.TextSize = theme.TextSize()
	r.Layout(r.l.Size())
	r.l.text.Refresh()
}

func (r *renderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.l.text} }

func (r *renderer) Destroy() {}

// Elide returns s if it fits in width as measured, else s with a middle
// part replaced by "…": up to two thirds of the room for its end, where the
// file name is, the rest for its start, cut between characters. Characters
// are measured one by one, so that shortening costs one measurement each.
func Elide(s string, width float32, measure func(string) float32) string {
	if measure(s) <= width {
		return s
	}
	runes := []rune(s)
	w := make([]float32, len(runes))
	for i, r := range runes {
		w[i] = measure(string(r))
	}
	room := width - measure(ellipsis)
	used := float32(0)
	head, tail := 0, 0
	for tail < len(runes) && used+w[len(runes)-tail-1] <= room*2/3 {
		used += w[len(runes)-tail-1]
		tail++
	}
	for head+tail < len(runes) && used+w[head] <= room {
		used += w[head]
		head++
	}
	for head+tail < len(runes) && used+w[len(runes)-tail-1] <= room {
		used += w[len(runes)-tail-1]
		tail++
	}
	if head+tail >= len(runes) {
		return s
	}
	return string(runes[:head]) + ellipsis + string(runes[len(runes)-tail:])
}
