package infographic

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"maps"
	"math"
	"slices"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"nianbao/export/drawing"
	"nianbao/export/pdf"
)

// PNG writes d as a PNG picture, d.Width pixels wide, in the glyphs of s,
// with its title and description as the PNG's text.
func PNG(d *drawing.Drawing, s *pdf.Shaped) ([]byte, error) {
	img, err := Raster(d, s)
	if err != nil {
		return nil, err
	}
	return encodePNG(img, map[string]string{"Title": d.Title, "Description": d.Description, "Author": d.Author}), nil
}

// encodePNG writes an opaque image as an 8-bit RGB PNG, every row filtered
// by its difference from the row above, with texts as iTXt chunks (UTF-8).
// The standard library's encoder tries five filters on every row, which
// takes most of the time of a tall picture; a picture of flat colour
// compresses as well with this one filter.
func encodePNG(img *image.RGBA, texts map[string]string) []byte {
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	ihdr := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, uint32(w)), uint32(h))
	chunk(&out, "IHDR", append(ihdr, 8, 2, 0, 0, 0)) // 8 bits, RGB, deflate, no interlace
	for _, key := range slices.Sorted(maps.Keys(texts)) {
		if texts[key] != "" {
			chunk(&out, "iTXt", []byte(key+"\x00\x00\x00\x00\x00"+texts[key])) // not compressed, no language
		}
	}
	var idat bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&idat, zlib.BestSpeed) // the level is valid
	row, prev, cur := make([]byte, 1+3*w), make([]byte, 3*w), make([]byte, 3*w)
	row[0] = 2 // the Up filter
	for y := range h {
		pix := img.Pix[y*img.Stride:]
		for x := range w {
			copy(cur[3*x:3*x+3], pix[4*x:4*x+3])
		}
		for i := range cur {
			row[1+i] = cur[i] - prev[i]
		}
		zw.Write(row)
		prev, cur = cur, prev
	}
	zw.Close()
	chunk(&out, "IDAT", idat.Bytes())
	chunk(&out, "IEND", nil)
	return out.Bytes()
}

// chunk writes a PNG chunk: length, type, data and CRC.
func chunk(out *bytes.Buffer, kind string, data []byte) {
	out.Write(binary.BigEndian.AppendUint32(nil, uint32(len(data))))
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	out.WriteString(kind)
	out.Write(data)
	out.Write(binary.BigEndian.AppendUint32(nil, crc.Sum32()))
}

// Raster draws d on a white image of its size, its texts in the glyphs of
// s, anti-aliased.
func Raster(d *drawing.Drawing, s *pdf.Shaped) (*image.RGBA, error) {
	img := image.NewRGBA(image.Rect(0, 0, int(math.Ceil(d.Width)), int(math.Ceil(d.Height))))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	faces := make([]*sfnt.Font, len(s.Faces))
	for i, f := range s.Faces {
		var err error
		if faces[i], err = sfnt.Parse(f.Data); err != nil {
			return nil, err
		}
	}
	r := &rasterizer{img: img, faces: faces}
	texts := 0
	for _, sh := range d.Shapes {
		switch sh := sh.(type) {
		case drawing.Rect:
			r.rect(sh)
		case drawing.Text:
			if err := r.text(sh, s.Texts[texts]); err != nil {
				return nil, err
			}
			texts++
		}
	}
	return img, nil
}

type rasterizer struct {
	img   *image.RGBA
	faces []*sfnt.Font
	buf   sfnt.Buffer
	v     vector.Rasterizer
}

// fill paints the path that add draws within the box (x0, y0)–(x1, y1):
// add is given the box's top left corner, to draw relative to it.
func (r *rasterizer) fill(x0, y0, x1, y1 float64, c drawing.Color, add func(v *vector.Rasterizer, ox, oy float64)) {
	box := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1)), int(math.Ceil(y1))).Intersect(r.img.Bounds())
	if box.Empty() {
		return
	}
	r.v.Reset(box.Dx(), box.Dy())
	add(&r.v, float64(box.Min.X), float64(box.Min.Y))
	r.v.Draw(r.img, box, image.NewUniform(color.RGBA{c.R, c.G, c.B, 255}), image.Point{})
}

// kappa places the control points of a cubic Bézier that draws a quarter
// circle.
const kappa = 0.5522847498

func (r *rasterizer) rect(rc drawing.Rect) {
	r.fill(rc.X, rc.Y, rc.X+rc.W, rc.Y+rc.H, rc.Fill, func(v *vector.Rasterizer, ox, oy float64) {
		x0, y0, x1, y1 := float32(rc.X-ox), float32(rc.Y-oy), float32(rc.X+rc.W-ox), float32(rc.Y+rc.H-oy)
		rad := float32(min(rc.Radius, rc.W/2, rc.H/2))
		k := rad * (1 - kappa)
		v.MoveTo(x0+rad, y0)
		v.LineTo(x1-rad, y0)
		v.CubeTo(x1-k, y0, x1, y0+k, x1, y0+rad)
		v.LineTo(x1, y1-rad)
		v.CubeTo(x1, y1-k, x1-k, y1, x1-rad, y1)
		v.LineTo(x0+rad, y1)
		v.CubeTo(x0+k, y1, x0, y1-k, x0, y1-rad)
		v.LineTo(x0, y0+rad)
		v.CubeTo(x0, y0+k, x0+k, y0, x0+rad, y0)
		v.ClosePath()
	})
}

// text draws a text's glyphs from its anchor; a bold glyph is drawn four
// times, moved by half the PDF's bold stroke each way.
func (r *rasterizer) text(t drawing.Text, gs []pdf.Glyph) error {
	x := t.X - textWidth(t, gs)*t.Anchor.Share()
	for _, g := range gs {
		sp := t.Spans[g.Span]
		offsets := [][2]float64{{0, 0}}
		if g.Bold {
			s := sp.Size * boldStroke / 2
			offsets = [][2]float64{{-s, 0}, {s, 0}, {0, -s}, {0, s}}
		}
		for _, o := range offsets {
			if err := r.glyph(g, sp, x+o[0], t.Y+o[1]); err != nil {
				return err
			}
		}
		x += g.Advance * sp.Size
	}
	return nil
}

// glyph draws a glyph with its origin at (x, y).
func (r *rasterizer) glyph(g pdf.Glyph, sp drawing.Span, x, y float64) error {
	f := r.faces[g.Face]
	idx, err := f.GlyphIndex(&r.buf, g.Code)
	if err != nil || idx == 0 {
		return err
	}
	segs, err := f.LoadGlyph(&r.buf, idx, fixed.Int26_6(sp.Size*64), nil)
	if err != nil || len(segs) == 0 {
		return err
	}
	b := segs.Bounds()
	x0, y0 := x+float64(b.Min.X)/64, y+float64(b.Min.Y)/64
	x1, y1 := x+float64(b.Max.X)/64, y+float64(b.Max.Y)/64
	r.fill(x0-1, y0-1, x1+1, y1+1, sp.Fill, func(v *vector.Rasterizer, ox, oy float64) {
		p := func(a fixed.Point26_6) (float32, float32) {
			return float32(x - ox + float64(a.X)/64), float32(y - oy + float64(a.Y)/64)
		}
		for _, s := range segs {
			switch s.Op {
			case sfnt.SegmentOpMoveTo:
				v.ClosePath()
				v.MoveTo(p(s.Args[0]))
			case sfnt.SegmentOpLineTo:
				v.LineTo(p(s.Args[0]))
			case sfnt.SegmentOpQuadTo:
				ax, ay := p(s.Args[0])
				bx, by := p(s.Args[1])
				v.QuadTo(ax, ay, bx, by)
			case sfnt.SegmentOpCubeTo:
				ax, ay := p(s.Args[0])
				bx, by := p(s.Args[1])
				cx, cy := p(s.Args[2])
				v.CubeTo(ax, ay, bx, by, cx, cy)
			}
		}
		v.ClosePath()
	})
	return nil
}
