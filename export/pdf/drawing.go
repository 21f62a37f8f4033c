package pdf

import (
	"bytes"
	"errors"

	"codeberg.org/go-pdf/fpdf"

	"nianbao/export/drawing"
	"nianbao/forms/l10n"
)

// drawingWidth is the width of a drawing's PDF page in millimetres: A4's,
// the drawing as tall as its proportions make it.
const drawingWidth = pageW

// Shaped is a drawing's texts in the fonts the PDF export prints them in:
// subsets of those fonts and each text's glyphs. The PNG and SVG writers
// draw with them, so that a 图解 looks the same in all three kinds and
// follows one rule of fonts: found by role, fallen back on character by
// character, 〓 and a warning for a character no font has.
type Shaped struct {
	Faces []SubsetFace
	// Texts are the glyphs of the drawing's Texts(), in order.
	Texts    [][]Glyph
	Warnings []string
}

// SubsetFace is a subset of a font: a TrueType font of the glyphs used,
// and the family name of the font.
type SubsetFace struct {
	Family string
	Data   []byte
}

// Glyph is a character of a text as printed: the span of the text it is
// of, the face that has it, its code in that face's subset (a private-use
// code for a character above U+FFFF), its advance in ems, and whether its
// font is drawn in simulated bold.
type Glyph struct {
	Rune, Code rune
	Span, Face int
	Advance    float64
	Bold       bool
}

// Shape gives the faces and glyphs of d's texts in the fonts of opt (the
// system's when none).
func Shape(d *drawing.Drawing, opt Options) (*Shaped, error) {
	var s *Shaped
	warnings, err := withFallback(opt, func(fonts Fonts) ([]string, error) {
		e, gs, err := drawingEngine(d, fonts)
		if err != nil {
			return nil, err
		}
		s = &Shaped{Warnings: e.warnings()}
		index := map[*registered]int{}
		for i, reg := range e.regs {
			index[reg] = i
			s.Faces = append(s.Faces, SubsetFace{Family: reg.face.name, Data: reg.sub.data})
		}
		for _, text := range gs {
			var out []Glyph
			for k, span := range text {
				for _, g := range span {
					out = append(out, Glyph{Rune: g.r, Code: g.reg.sub.codes[g.r], Span: k, Face: index[g.reg], Advance: g.reg.sub.adv[g.r], Bold: g.font.Bold})
				}
			}
			s.Texts = append(s.Texts, out)
		}
		return s.Warnings, nil
	})
	if err != nil {
		return nil, err
	}
	s.Warnings = warnings // with the fallback's
	return s, nil
}

// Draw writes d as a PDF of one page, A4 wide and as tall as d's
// proportions make it, in the fonts of opt (the system's when none).
func Draw(d *drawing.Drawing, opt Options) ([]byte, []string, error) {
	var out []byte
	warnings, err := withFallback(opt, func(fonts Fonts) ([]string, error) {
		e, gs, err := drawingEngine(d, fonts)
		if err != nil {
			return nil, err
		}
		scale := drawingWidth / d.Width
		p := e.pdf
		p.SetTitle(d.Title, true)
		p.SetAuthor(d.Author, true)
		p.SetSubject(d.Description, true)
		p.SetCreationDate(d.Created)
		p.SetModificationDate(d.Created)
		texts := 0
		for _, sh := range d.Shapes {
			switch sh := sh.(type) {
			case drawing.Rect:
				p.SetFillColor(int(sh.Fill.R), int(sh.Fill.G), int(sh.Fill.B))
				p.RoundedRect(sh.X*scale, sh.Y*scale, sh.W*scale, sh.H*scale, sh.Radius*scale, "1234", "F")
			case drawing.Text:
				spans := gs[texts]
				texts++
				width := 0.0
				for _, g := range spans {
					width += e.runWidth(g, 0)
				}
				x := sh.X*scale - width*sh.Anchor.Share()
				for k, g := range spans {
					fill := sh.Spans[k].Fill
					p.SetTextColor(int(fill.R), int(fill.G), int(fill.B))
					e.drawText(g, x, sh.Y*scale, 0)
					x += e.runWidth(g, 0)
				}
			}
		}
		if e.err != nil {
			return nil, e.err
		}
		var buf bytes.Buffer
		if err := guard(func() error { return p.Output(&buf) }); err != nil {
			return nil, err
		}
		out = e.rename(buf.Bytes())
		return e.warnings(), nil
	})
	return out, warnings, err
}

// withFallback runs work in the fonts of opt (the system's when none) and,
// when a font fails, again in the bundled fonts, with a warning naming it.
func withFallback(opt Options, work func(Fonts) ([]string, error)) ([]string, error) {
	if opt.Fonts.Body == nil {
		opt.Fonts = SystemFonts()
	}
	warnings, err := work(opt.Fonts)
	if errors.Is(err, errFontFailed) {
		warnings, err = work(BundledFonts())
		warnings = append(warnings, l10n.T("pdf.fontFailed", "Fonts", opt.Fonts.names()))
	}
	return warnings, err
}

// drawingEngine starts a PDF page for d and resolves its texts' glyphs, in
// points: a drawing's pixel is drawingWidth/d.Width millimetres.
func drawingEngine(d *drawing.Drawing, fonts Fonts) (*engine, [][][]glyph, error) {
	ts := d.Texts()
	var placedTexts []placed
	for _, t := range ts {
		for _, sp := range t.Spans {
			f := roleFont(fonts, sp.Role)
			placedTexts = append(placedTexts, placed{l10n.T("pdf.whereDrawing"), sp.Text, f}, placed{"", string(missingMark), f})
		}
	}
	height := drawingWidth * d.Height / d.Width
	p := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: drawingWidth, Ht: height}})
	e, err := startEngine(p, placedTexts, fonts)
	if err != nil {
		return nil, nil, err
	}
	p.SetMargins(0, 0, 0)
	p.SetAutoPageBreak(false, 0)
	p.AddPageFormat("P", fpdf.SizeType{Wd: drawingWidth, Ht: height})
	scale := drawingWidth / d.Width / ptMM
	gs := make([][][]glyph, len(ts))
	for i, t := range ts {
		for _, sp := range t.Spans {
			gs[i] = append(gs[i], e.glyphs(sp.Text, roleFont(fonts, sp.Role), sp.Size*scale))
		}
	}
	return e, gs, e.err
}

// roleFont is the font of a text's role: the title's, the 一、 headings'
// (黑体) or the body's.
func roleFont(fonts Fonts, r drawing.Role) *Font {
	switch r {
	case drawing.TitleRole:
		return fonts.Title
	case drawing.HeadingRole:
		return fonts.Heading1
	}
	return fonts.Body
}
