package infographic

import (
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"strings"

	"nianbao/export/drawing"
	"nianbao/export/pdf"
)

// SVG writes d as an SVG picture. Its texts are text — searchable, read
// by screen readers, copied as text — in subsets of the fonts the PDF
// export prints them in, embedded in the file, so that it looks the same
// on every computer; title and desc name it and say its figures.
func SVG(d *drawing.Drawing, s *pdf.Shaped) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" role="img" aria-labelledby="title desc" xml:lang="zh-Hans" lang="zh-Hans">
<title id="title">%s</title>
<desc id="desc">%s</desc>
<style>
`, num(d.Width), num(d.Height), num(d.Width), num(d.Height), escape(d.Title), escape(d.Description))
	for i, f := range s.Faces {
		fmt.Fprintf(&b, "@font-face{font-family:\"nb%d\";src:url(data:font/ttf;base64,%s) format(\"truetype\")}\n", i, base64.StdEncoding.EncodeToString(f.Data))
	}
	b.WriteString("text{white-space:pre}\n</style>\n")
	texts := 0
	for _, sh := range d.Shapes {
		switch sh := sh.(type) {
		case drawing.Rect:
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s"`, num(sh.X), num(sh.Y), num(sh.W), num(sh.H))
			if sh.Radius > 0 {
				fmt.Fprintf(&b, ` rx="%s"`, num(sh.Radius))
			}
			fmt.Fprintf(&b, " fill=\"%s\"/>\n", sh.Fill.Hex())
		case drawing.Text:
			gs := s.Texts[texts]
			texts++
			x := sh.X - textWidth(sh, gs)*sh.Anchor.Share()
			fmt.Fprintf(&b, `<text x="%s" y="%s" xml:space="preserve">`, num(x), num(sh.Y))
			for _, run := range runs(gs) {
				sp, g := sh.Spans[run[0].Span], run[0]
				fmt.Fprintf(&b, `<tspan font-family="nb%d,%s,sans-serif" font-size="%s" fill="%s"`, g.Face, quoteFamily(s.Faces[g.Face].Family), num(sp.Size), sp.Fill.Hex())
				if g.Bold {
					fmt.Fprintf(&b, ` stroke="%s" stroke-width="%s" stroke-linejoin="round"`, sp.Fill.Hex(), num(sp.Size*boldStroke))
				}
				b.WriteString(">")
				for _, g := range run {
					b.WriteString(escape(string(g.Rune)))
				}
				b.WriteString("</tspan>")
			}
			b.WriteString("</text>\n")
		}
	}
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

// boldStroke is the stroke of simulated bold, in ems: the PDF export's.
const boldStroke = 0.03

// textWidth is the width of a text's glyphs in pixels.
func textWidth(t drawing.Text, gs []pdf.Glyph) float64 {
	w := 0.0
	for _, g := range gs {
		w += g.Advance * t.Spans[g.Span].Size
	}
	return w
}

// runs splits a text's glyphs where the span, the face or boldness
// changes.
func runs(gs []pdf.Glyph) [][]pdf.Glyph {
	var out [][]pdf.Glyph
	for i := 0; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[j].Span == gs[i].Span && gs[j].Face == gs[i].Face && gs[j].Bold == gs[i].Bold {
			j++
		}
		out = append(out, gs[i:j])
		i = j
	}
	return out
}

// quoteFamily quotes a family name for a font-family list: the name of
// the font on the reader's computer, for a character above U+FFFF, which
// the embedded subset maps to a private code.
func quoteFamily(name string) string {
	name = strings.Map(func(r rune) rune {
		if r == '\'' || r == '"' || r == '\\' || r < 0x20 || r == ',' || r == ';' {
			return -1
		}
		return r
	}, name)
	if name == "" {
		return "serif"
	}
	return escape("'" + name + "'")
}

func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// num writes a coordinate with at most two decimals.
func num(f float64) string {
	s := fmt.Sprintf("%.2f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}
