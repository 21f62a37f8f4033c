package pdftext

import (
	"bytes"
	"math"
)

// Limits of one page's content, against crafted files.
const (
	maxGlyphs    = 1 << 20   // glyphs on a page
	maxAllGlyphs = 2_000_000 // glyphs in a file (a dense 100-page report has 300,000)
	maxRules     = 1 << 18   // line segments on a page
	maxOperands  = 4096      // operands before an operator
	maxFormDepth = 8         // form XObjects within each other
)

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n: m applied first, then n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// glyph is one shown character on the page, in user space.
type glyph struct {
	x, y      float64 // start of the baseline
	w         float64 // advance along the baseline
	size      float64 // font size as drawn
	dx, dy    float64 // direction of the baseline (unit vector)
	text      string
	invisible bool // text rendering mode 3: the text layer of a scan
}

// segment is a drawn straight line: a table's rule.
type segment struct {
	x0, y0, x1, y1 float64
}

// page is what a page's content draws that the layout needs.
type page struct {
	glyphs   []glyph
	rules    []segment
	images   int
	unmapped int        // glyphs shown whose text the font does not give
	box      [4]float64 // crop box: llx lly urx ury
	rotate   int
}

type gstate struct {
	ctm                        matrix
	font                       *font
	size, tc, tw, th, tl, rise float64
	render                     int64
}

// interpreter runs a page's content streams.
type interpreter struct {
	f        *file
	page     *page
	fonts    map[object]*font // by the font dictionary's reference
	fallback *font            // for text shown before any font is chosen
	depth    int
	forms    map[*stream]bool // forms being drawn, against cycles
}

// run draws content with resources res under the state gs.
func (in *interpreter) run(content []byte, res dict, gs gstate) {
	stack := []gstate{}
	var tm, tlm matrix
	var operands []object
	var path []segment
	var start, cur [2]float64
	l := &lexer{data: content}
	fontsOf := in.f.dictOf(res["Font"])
	inline := map[object]*font{} // fonts written in these resources, by name
	show := func(s []byte) {
		if gs.font == nil {
			if in.fallback == nil {
				in.fallback = in.f.loadFont(nil)
			}
			gs.font = in.fallback
		}
		for _, g := range gs.font.decode(s) {
			trm := matrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.rise}.mul(tm).mul(gs.ctm)
			x, y := trm.apply(0, 0)
			ax, ay := trm[0], trm[1]
			size := math.Hypot(trm[2], trm[3])
			n := math.Hypot(ax, ay)
			adv := (g.width*gs.size + gs.tc) * gs.th
			if g.space {
				adv += gs.tw * gs.th
			}
			if g.text == "" {
				in.page.unmapped++
				g.text = "\uFFFD" // shown, so that a number with it does not read
			}
			if in.f.glyphs++; in.f.glyphs > maxAllGlyphs {
				in.f.exceeded = true
			} else if len(in.page.glyphs) < maxGlyphs && n > 0 {
				in.page.glyphs = append(in.page.glyphs, glyph{
					x: x, y: y, size: size, dx: ax / n, dy: ay / n,
					w:    g.width * n, // the glyph's own width, without spacing
					text: g.text, invisible: gs.render == 3 || gs.render == 7,
				})
			}
			tm = matrix{1, 0, 0, 1, adv, 0}.mul(tm)
		}
	}
	line := func(x0, y0, x1, y1 float64) {
		ax, ay := gs.ctm.apply(x0, y0)
		bx, by := gs.ctm.apply(x1, y1)
		if len(path) < maxRules {
			path = append(path, segment{ax, ay, bx, by})
		}
	}
	nums := func(n int) ([]float64, bool) {
		if len(operands) < n {
			return nil, false
		}
		out := make([]float64, n)
		for i, o := range operands[len(operands)-n:] {
			switch v := o.(type) {
			case int64:
				out[i] = float64(v)
			case float64:
				out[i] = v
			default:
				return nil, false
			}
		}
		return out, true
	}
	for {
		tok := l.next()
		if _, end := tok.(endOfData); end {
			return
		}
		op, isOp := tok.(keyword)
		if isOp && (op == "[" || op == "<<") {
			tok, isOp = l.complete(tok, 0), false
		}
		if !isOp {
			if len(operands) < maxOperands {
				operands = append(operands, tok)
			}
			continue
		}
		if in.f.ops++; in.f.ops > maxOperators {
			in.f.exceeded = true
		}
		if in.f.exceeded {
			return // a limit was reached: the rest is not read (Document.Partial)
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, gs)
			}
		case "Q":
			if len(stack) > 0 {
				gs, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "cm":
			if v, ok := nums(6); ok {
				gs.ctm = matrix(v).mul(gs.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if v, ok := nums(1); ok && len(operands) >= 2 {
				gs.size = v[0]
				n := toName(operands[len(operands)-2])
				cache, key := in.fonts, fontsOf[n]
				if _, isRef := key.(ref); !isRef {
					cache, key = inline, n // a font written in the resources: one per name
				}
				if cache[key] == nil {
					cache[key] = in.f.loadFont(fontsOf[n])
				}
				gs.font = cache[key]
			}
		case "Tc":
			if v, ok := nums(1); ok {
				gs.tc = v[0]
			}
		case "Tw":
			if v, ok := nums(1); ok {
				gs.tw = v[0]
			}
		case "Tz":
			if v, ok := nums(1); ok {
				gs.th = v[0] / 100
			}
		case "TL":
			if v, ok := nums(1); ok {
				gs.tl = v[0]
			}
		case "Ts":
			if v, ok := nums(1); ok {
				gs.rise = v[0]
			}
		case "Tr":
			if len(operands) > 0 {
				gs.render, _ = operands[len(operands)-1].(int64)
			}
		case "Td", "TD":
			if v, ok := nums(2); ok {
				if op == "TD" {
					gs.tl = -v[1]
				}
				tlm = matrix{1, 0, 0, 1, v[0], v[1]}.mul(tlm)
				tm = tlm
			}
		case "Tm":
			if v, ok := nums(6); ok {
				tlm = matrix(v)
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
			tm = tlm
		case "Tj", "'", "\"":
			if op != "Tj" {
				if op == "\"" && len(operands) >= 3 {
					if w, isNum := number64(operands[len(operands)-3]); isNum {
						gs.tw = w
					}
					if c, isNum := number64(operands[len(operands)-2]); isNum {
						gs.tc = c
					}
				}
				tlm = matrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
				tm = tlm
			}
			if len(operands) > 0 {
				if s, ok := operands[len(operands)-1].([]byte); ok {
					show(s)
				}
			}
		case "TJ":
			if len(operands) > 0 {
				a, _ := operands[len(operands)-1].(array)
				for _, x := range a {
					switch v := x.(type) {
					case []byte:
						show(v)
					case int64, float64:
						adj, _ := number64(v)
						tm = matrix{1, 0, 0, 1, -adj / 1000 * gs.size * gs.th, 0}.mul(tm)
					}
				}
			}
		case "m":
			if v, ok := nums(2); ok {
				start = [2]float64{v[0], v[1]}
				cur = start
			}
		case "l":
			if v, ok := nums(2); ok {
				line(cur[0], cur[1], v[0], v[1])
				cur = [2]float64{v[0], v[1]}
			}
		case "h":
			line(cur[0], cur[1], start[0], start[1])
			cur = start
		case "re":
			if v, ok := nums(4); ok {
				x, y, w, h := v[0], v[1], v[2], v[3]
				line(x, y, x+w, y)
				line(x+w, y, x+w, y+h)
				line(x+w, y+h, x, y+h)
				line(x, y+h, x, y)
				start, cur = [2]float64{x, y}, [2]float64{x, y}
			}
		case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*":
			if len(in.page.rules)+len(path) <= maxRules {
				in.page.rules = append(in.page.rules, path...)
			}
			path = path[:0]
		case "n":
			path = path[:0] // a clipping path draws nothing
		case "Do":
			if len(operands) > 0 {
				in.draw(res, toName(operands[len(operands)-1]), gs)
			}
		case "BI":
			in.page.images++
			skipInlineImage(l)
		}
		operands = operands[:0]
	}
}

func toName(o object) name {
	n, _ := o.(name)
	return n
}

func number64(o object) (float64, bool) {
	switch v := o.(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}

// draw runs the XObject called n: a form's content, an image counted.
func (in *interpreter) draw(res dict, n name, gs gstate) {
	s, ok := in.f.resolve(in.f.dictOf(res["XObject"])[n]).(*stream)
	if !ok {
		return
	}
	switch s.dict["Subtype"] {
	case name("Image"):
		in.page.images++
	case name("Form"):
		if in.depth >= maxFormDepth || in.forms[s] {
			return
		}
		if in.f.draws++; in.f.draws > maxFormDraws {
			in.f.exceeded = true
			return
		}
		data := in.f.streamData(s)
		if m := in.f.arrayOf(s.dict["Matrix"]); len(m) == 6 {
			var v matrix
			for i, x := range m {
				v[i], _ = in.f.num(x)
			}
			gs.ctm = v.mul(gs.ctm)
		}
		formRes := in.f.dictOf(s.dict["Resources"])
		if formRes == nil {
			formRes = res
		}
		in.forms[s] = true
		in.depth++
		in.run(data, formRes, gs)
		in.depth--
		delete(in.forms, s)
	}
}

// skipInlineImage moves past an inline image's data: after ID, up to
// an EI that stands alone.
func skipInlineImage(l *lexer) {
	i := bytes.Index(l.data[l.pos:], []byte("ID"))
	if i < 0 {
		l.pos = len(l.data)
		return
	}
	l.pos += i + 3
	for {
		j := bytes.Index(l.data[l.pos:], []byte("EI"))
		if j < 0 {
			l.pos = len(l.data)
			return
		}
		at := l.pos + j
		l.pos = at + 2
		if at > 0 && isSpace(l.data[at-1]) && (l.pos >= len(l.data) || isSpace(l.data[l.pos])) {
			return
		}
	}
}
