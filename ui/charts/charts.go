// Package charts shows a report's figures (forms/figures) in the editor as
// its 图解 shows them: the outcomes of the applications as bars of their
// shares, and every figure beside last year's with its change. The views
// are made anew from the figures after each edit; they hold no state.
package charts

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/figures"
	"nianbao/forms/format"
	"nianbao/ui/look"
	"nianbao/ui/tr"
)

// The bars' colours: the 图解's blue on a light track.
var (
	barFill   = color.NRGBA{R: 28, G: 76, B: 140, A: 255}
	trackFill = color.NRGBA{R: 224, G: 230, B: 238, A: 255}
)

// panel shows a panel of figures: its title, then bars of a bars panel or
// the year-on-year view of a tiles panel.
func panel(p figures.Panel, lastYear bool) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(p.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Importance = widget.HighImportance
	objs := []fyne.CanvasObject{title}
	if p.Note != "" {
		note := widget.NewLabel(p.Note)
		note.Wrapping = fyne.TextWrapWord
		objs = append(objs, note)
	}
	if p.Kind == format.BarsPanel {
		objs = append(objs, bars(p))
	} else {
		objs = append(objs, changes(p, lastYear))
	}
	return container.NewVBox(objs...)
}

// bars draws each figure of a panel as a row: its label, a bar of its share
// of the panel's whole, its number and share.
func bars(p figures.Panel) fyne.CanvasObject {
	h := look.LineHeight()
	labelWidth := float32(0)
	for _, f := range p.Figures {
		labelWidth = max(labelWidth, widget.NewLabel(f.Label).MinSize().Width)
	}
	rows := container.NewVBox()
	for _, f := range p.Figures {
		label := container.New(layout.NewGridWrapLayout(fyne.NewSize(labelWidth, 1.6*h)), widget.NewLabel(f.Label))
		track := canvas.NewRectangle(trackFill)
		fill := canvas.NewRectangle(barFill)
		track.CornerRadius, fill.CornerRadius = h/4, h/4
		share := 0.0
		if f.Share != nil {
			share = f.Share.Percent / 100
		}
		bar := container.New(&barLayout{share: float32(min(max(share, 0), 1)), height: h / 2}, track, fill)
		number := figureLabel(f, true)
		number.Alignment = fyne.TextAlignTrailing
		rows.Add(container.NewBorder(nil, nil, label, container.New(layout.NewGridWrapLayout(fyne.NewSize(7*h, 1.6*h)), number), bar))
	}
	return rows
}

// figureLabel prints a figure with its unit (and share): 11件 45.8%; — when
// a cell of it holds no number.
func figureLabel(f figures.Figure, withShare bool) *widget.Label {
	if !f.Known() {
		return widget.NewLabel("—")
	}
	text := f.Text + f.Unit
	if withShare && f.Share != nil {
		text += "  " + f.Share.Text
	}
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// barLayout draws a bar: the track across the width, the fill over its
// share, both height high and centred.
type barLayout struct {
	share, height float32
}

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := (size.Height - l.height) / 2
	objs[0].Move(fyne.NewPos(0, y))
	objs[0].Resize(fyne.NewSize(size.Width, l.height))
	w := size.Width * l.share
	if l.share > 0 {
		w = max(w, l.height) // a small share still shows
	}
	objs[1].Move(fyne.NewPos(0, y))
	objs[1].Resize(fyne.NewSize(w, l.height))
	objs[1].(*canvas.Rectangle).Hidden = l.share == 0
}

func (l *barLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(4*l.height, l.height)
}

// changes lists a panel's figures: this year's and, when last year's report
// is linked, last year's and the change (▲ 38.5% in red, ▼ 50.0% in blue).
func changes(p figures.Panel, lastYear bool) fyne.CanvasObject {
	h := look.LineHeight()
	widths := []float32{10 * h, 7 * h}
	head := []string{tr.T("charts.figure"), tr.T("charts.thisYear")}
	if lastYear {
		widths = append(widths, 7*h, 8*h)
		head = append(head, tr.T("charts.lastYear"), tr.T("charts.change"))
	}
	rows := container.NewVBox()
	row := func(objs ...fyne.CanvasObject) { rows.Add(container.New(&columns{widths: widths}, objs...)) }
	var labels []fyne.CanvasObject
	for _, t := range head {
		l := widget.NewLabel(t)
		l.TextStyle.Italic = true
		labels = append(labels, l)
	}
	row(labels...)
	for _, f := range p.Figures {
		objs := []fyne.CanvasObject{widget.NewLabel(f.Label), figureLabel(f, false)}
		if lastYear {
			prev, change := changeLabels(f)
			objs = append(objs, prev, change)
		}
		row(objs...)
	}
	return rows
}

// columns lays a row's objects out in columns of fixed widths.
type columns struct{ widths []float32 }

func (c *columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objs {
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(c.widths[i], size.Height))
		x += c.widths[i]
	}
}

func (c *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for i, o := range objs {
		w += c.widths[i]
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

// changeLabels print last year's figure and the change to this year's.
func changeLabels(f figures.Figure) (prev, change *widget.Label) {
	c := f.Change
	if c == nil {
		return widget.NewLabel("—"), widget.NewLabel(tr.T("charts.noChange"))
	}
	prev = widget.NewLabel(c.Prev + f.Unit)
	arrow := "▲ "
	if c.Direction < 0 {
		arrow = "▼ "
	}
	switch {
	case c.Direction == 0:
		change = widget.NewLabel(tr.T("charts.same"))
	case c.FromZero:
		change = widget.NewLabel(arrow + tr.T("charts.fromZero"))
	default:
		change = widget.NewLabel(arrow + c.Percent)
	}
	switch {
	case c.Direction > 0:
		change.Importance = widget.DangerImportance
	case c.Direction < 0:
		change.Importance = widget.HighImportance
	}
	return prev, change
}
