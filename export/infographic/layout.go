package infographic

import (
	"strings"

	"nianbao/export"
	"nianbao/export/drawing"
	"nianbao/forms/figures"
	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/textwrap"
)

// Width is the width of a 图解 in pixels: what portals' CMS take for a
// long picture, and what a phone shows at a third of its size.
const Width = 1080

// The colours: red and blue on white, as official publications use them.
var (
	red       = drawing.Color{R: 190, G: 30, B: 30}
	blue      = drawing.Color{R: 28, G: 76, B: 140}
	ink       = drawing.Color{R: 34, G: 34, B: 34}
	grey      = drawing.Color{R: 102, G: 102, B: 102}
	white     = drawing.Color{R: 255, G: 255, B: 255}
	tileFill  = drawing.Color{R: 238, G: 243, B: 249}
	trackFill = drawing.Color{R: 224, G: 230, B: 238}
	ruleFill  = drawing.Color{R: 204, G: 212, B: 224}
)

// Sizes in pixels. The smallest text (28) is still 10 pixels high on a
// phone 375 pixels wide.
const (
	margin     = 60.0
	inner      = Width - 2*margin
	gap        = 24.0
	titleSize  = 56.0
	titleLine  = 80.0
	kickerSize = 34.0
	panelSize  = 44.0
	labelSize  = 32.0
	figureSize = 80.0
	unitSize   = 30.0
	noteSize   = 28.0
	barLabel   = 34.0
	barH       = 28.0
)

// layout is a 图解 being laid out, top to bottom.
type layout struct {
	d *drawing.Drawing
	y float64
}

func (l *layout) rect(x, y, w, h, r float64, fill drawing.Color) {
	l.d.Shapes = append(l.d.Shapes, drawing.Rect{X: x, Y: y, W: w, H: h, Radius: r, Fill: fill})
}

func (l *layout) text(x, y float64, a drawing.Anchor, spans ...drawing.Span) {
	l.d.Shapes = append(l.d.Shapes, drawing.Text{X: x, Y: y, Anchor: a, Spans: spans})
}

func span(text string, size float64, role drawing.Role, fill drawing.Color) drawing.Span {
	return drawing.Span{Text: text, Size: size, Role: role, Fill: fill}
}

// Layout draws the 图解 of a report: its title lines on a red band (a
// 草稿 mark on it when doc is a draft), the panels of s, and where the
// figures come from.
func Layout(doc *export.Document, s *figures.Sheet) *drawing.Drawing {
	d := &drawing.Drawing{Width: Width, Title: l10n.T("infographic.title", "Title", doc.Title),
		Description: describe(s), Author: doc.Meta.Author, Created: doc.Meta.Created}
	l := &layout{d: d}
	l.header(doc)
	for _, p := range s.Panels {
		l.panel(p, s.LastYear)
	}
	l.footer(doc)
	d.Height = l.y
	return d
}

// header is the red band: 一图读懂, the unit's name and the report's title.
func (l *layout) header(doc *export.Document) {
	lines := export.TitleLines(doc.Title, doc.Meta.Author, inner/titleSize)
	h := 150 + float64(len(lines))*titleLine + 50
	l.rect(0, 0, Width, h, 0, red)
	l.text(Width/2, 100, drawing.Middle, span(l10n.T("infographic.kicker"), kickerSize, drawing.HeadingRole, white))
	for i, line := range lines {
		l.text(Width/2, 150+float64(i+1)*titleLine-18, drawing.Middle, span(line, titleSize, drawing.TitleRole, white))
	}
	if doc.Draft {
		l.rect(Width-margin-120, 36, 120, 60, 8, white)
		l.text(Width-margin-60, 80, drawing.Middle, span(l10n.T("export.draft"), 40, drawing.HeadingRole, red))
	}
	l.y = h + 50
}

// panel draws a panel's title and figures.
func (l *layout) panel(p figures.Panel, lastYear bool) {
	l.rect(margin, l.y, 12, 48, 0, blue)
	l.text(margin+32, l.y+42, drawing.Start, span(p.Title, fit(p.Title, panelSize, inner-32), drawing.HeadingRole, blue))
	l.rect(margin, l.y+68, inner, 3, 0, ruleFill)
	l.y += 71
	if p.Note != "" {
		l.y += 10
		l.lines(p.Note, grey)
	}
	l.y += 30
	if p.Kind == format.BarsPanel {
		l.bars(p)
	} else {
		l.tiles(p, lastYear)
	}
	l.y += 40
}

// tiles draws figures as large numbers in tiles, three a row when their
// labels are short and no row would hold one alone, else two; a last row
// not full is centred. With last year's figures, each has its change.
func (l *layout) tiles(p figures.Panel, lastYear bool) {
	n := len(p.Figures)
	cols := 3
	for _, f := range p.Figures {
		if len([]rune(f.Label)) > 6 {
			cols = 2
		}
	}
	if n%3 == 1 {
		cols = 2
	}
	w := (inner - float64(cols-1)*gap) / float64(cols)
	h := 200.0
	if lastYear {
		h += 50
	}
	for i, f := range p.Figures {
		row, col := i/cols, i%cols
		x := margin + float64(col)*(w+gap)
		if left := n - row*cols; left < cols {
			x += float64(cols-left) * (w + gap) / 2
		}
		y := l.y + float64(row)*(h+gap)
		cx := x + w/2
		l.rect(x, y, w, h, 10, tileFill)
		l.text(cx, y+62, drawing.Middle, span(f.Label, fit(f.Label, labelSize, w-24), drawing.HeadingRole, ink))
		l.text(cx, y+160, drawing.Middle, figureSpans(f, fitting(f, figureSize, w-40))...)
		if lastYear {
			l.text(cx, y+212, drawing.Middle, changeSpans(f)...)
		}
	}
	rows := (n + cols - 1) / cols
	l.y += float64(rows)*(h+gap) - gap
}

// fitting is the size, at most size, at which a figure and its unit fit
// in width: a digit is taken as 0.6 em (黑体's are narrower), a CJK
// character of the unit as 1 em of unitSize.
func fitting(f figures.Figure, size, width float64) float64 {
	digits := 0.6 * float64(len(f.Text))
	unit := float64(len([]rune(f.Unit))) * unitSize
	if digits*size+unit <= width {
		return size
	}
	return max((width-unit)/digits, minFigure)
}

// minFigure is the least size of a figure: twelve digits and six decimals
// fit a tile.
const minFigure = 16.0

// fit is the size, at most size, at which text fits in width: the labels
// of a local format may be long. Widths are estimated (export.Width: a CJK
// character is an em, others half).
func fit(text string, size, room float64) float64 {
	if w := width(text, size); w > room {
		return size * room / w
	}
	return size
}

// figureSpans print a figure and its unit: 26件, or — when a cell of it
// holds no number.
func figureSpans(f figures.Figure, size float64) []drawing.Span {
	if !f.Known() {
		return []drawing.Span{span("—", size, drawing.HeadingRole, grey)}
	}
	out := []drawing.Span{span(f.Text, size, drawing.HeadingRole, red)}
	if f.Unit != "" {
		out = append(out, span(f.Unit, unitSize, drawing.HeadingRole, ink))
	}
	return out
}

// changeSpans print a figure's change from last year's: 较上年 ▲38.5%,
// 较上年 ▼50%, 与上年持平, 上年为0 ▲; 上年无对应数据 when not known.
func changeSpans(f figures.Figure) []drawing.Span {
	c := f.Change
	note := func(key string) drawing.Span { return span(l10n.T(key), noteSize, drawing.HeadingRole, grey) }
	switch {
	case c == nil:
		return []drawing.Span{note("infographic.noChange")}
	case c.Direction == 0:
		return []drawing.Span{note("infographic.same")}
	}
	arrow, fill := "▲", red
	if c.Direction < 0 {
		arrow, fill = "▼", blue
	}
	if c.FromZero {
		return []drawing.Span{note("infographic.fromZero"), span(arrow, noteSize, drawing.HeadingRole, fill)}
	}
	return []drawing.Span{note("infographic.change"), span(arrow+c.Percent, noteSize, drawing.HeadingRole, fill)}
}

// bars draws each figure as a row: its label and, right, its number and
// share; under them a bar of the share.
func (l *layout) bars(p figures.Panel) {
	for _, f := range p.Figures {
		spans := figureSpans(f, barLabel)
		if f.Share != nil {
			spans = append(spans, span("  "+f.Share.Text, barLabel, drawing.HeadingRole, blue))
		}
		right := 0.0
		for _, sp := range spans {
			right += width(sp.Text, sp.Size) * 1.2 // digits of 黑体 are wider than half an em
		}
		l.text(margin, l.y+38, drawing.Start, span(f.Label, fit(f.Label, barLabel, inner-right-gap), drawing.HeadingRole, ink))
		l.text(Width-margin, l.y+38, drawing.End, spans...)
		l.rect(margin, l.y+58, inner, barH, barH/2, trackFill)
		if f.Share != nil && f.Share.Percent > 0 {
			l.rect(margin, l.y+58, max(barH, inner*min(f.Share.Percent, 100)/100), barH, barH/2, blue)
		}
		l.y += 58 + barH + 34
	}
	l.y -= 34
}

// footer says where the figures come from; on a draft, that it is not to
// be published.
func (l *layout) footer(doc *export.Document) {
	l.y += 10
	l.rect(margin, l.y, inner, 2, 0, ruleFill)
	l.y += 20
	lines := []string{l10n.T("infographic.source", "Title", doc.Title)}
	fills := []drawing.Color{grey}
	if doc.Draft {
		lines = append(lines, l10n.T("infographic.draftNote"))
		fills = append(fills, red)
	}
	for i, text := range lines {
		l.lines(text, fills[i])
	}
	l.y += 60
}

// lines draws a note, broken into lines across the picture.
func (l *layout) lines(text string, fill drawing.Color) {
	for _, line := range textwrap.Lines(text, inner, func(s string) float64 { return width(s, noteSize) }) {
		l.y += 44
		l.text(margin, l.y, drawing.Start, span(line, noteSize, drawing.BodyRole, fill))
	}
}

// width is the width of text at size as estimated before the fonts are
// known (export.Width: a CJK character is an em, others half).
func width(text string, size float64) float64 { return float64(export.Width(text)) / 2 * size }

// describe says the figures of s in words: the SVG's description, for
// screen readers and search.
func describe(s *figures.Sheet) string {
	var b strings.Builder
	for _, p := range s.Panels {
		b.WriteString(p.Title + "：")
		for i, f := range p.Figures {
			if i > 0 {
				b.WriteString("，")
			}
			text := f.Text
			if !f.Known() {
				text = "—"
			}
			b.WriteString(f.Label + text + f.Unit)
			if f.Share != nil {
				b.WriteString("（" + f.Share.Text + "）")
			}
		}
		b.WriteString("。")
	}
	return b.String()
}
