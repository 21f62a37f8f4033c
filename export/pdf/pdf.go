// Package pdf writes a report as a PDF laid out as an official document (GB/T
// 9704): A4 with its margins, 22 lines of 28 characters of 三号仿宋, the title
// in 小标宋, headings in 黑体 and 楷体, justified lines broken by the rules of
// Chinese typesetting, tables that break across pages with their header rows
// repeated, and "— N —" page numbers. It uses codeberg.org/go-pdf/fpdf for
// the file and our own line breaker (fpdf's drops characters at breaks).
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"nianbao/export"
	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/textwrap"
)

// Options tune the PDF.
type Options struct {
	// Fonts of the parts; the zero value means SystemFonts().
	Fonts Fonts
}

// Page geometry of GB/T 9704, in millimetres, and type sizes in points.
const (
	pageW, pageH  = 210.0, 297.0
	marginTop     = 37.0
	marginBottom  = 35.0
	marginLeft    = 28.0
	marginRight   = 26.0
	textW         = pageW - marginLeft - marginRight // 156
	textBottom    = pageH - marginBottom
	lineH         = (textBottom - marginTop) / 22 // 22 lines a page
	titlePt       = 22.0                          // 二号
	bodyPt        = 16.0                          // 三号
	tablePt       = 10.5                          // 五号
	pageNumPt     = 14.0                          // 四号
	ptMM          = 25.4 / 72
	bodyTc        = -0.21 // character spacing (pt) that fits 28 characters of 三号 on a line
	tablePad      = 1.0
	tableLineH    = tablePt * ptMM * 1.3
	pageNumBelow  = 7.0  // the page number's line, below the text area
	boldStroke    = 0.03 // the outline's stroke of simulated bold, in ems
	closingIndent = 4 * bodyPt * ptMM
)

// Write returns the PDF of doc and warnings about characters no font has,
// or about font files the PDF library failed on, replaced by the bundled
// font.
func Write(doc *export.Document, opt Options) ([]byte, []string, error) {
	var out []byte
	warnings, err := withFallback(opt, func(fonts Fonts) ([]string, error) {
		var warnings []string
		var err error
		out, warnings, err = write(doc, fonts)
		return warnings, err
	})
	return out, warnings, err
}

// errFontFailed is returned by write when a font could not be subset or
// the PDF library panicked reading a subset.
var errFontFailed = errors.New("pdf: a font failed")

// guard runs a call of the PDF library that reads font files — adding a
// font, or writing the PDF, which embeds subsets of them — and turns its
// panic into errFontFailed.
func guard(call func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", errFontFailed, r)
		}
	}()
	return call()
}

func write(doc *export.Document, fonts Fonts) ([]byte, []string, error) {
	e, err := newEngine(doc, fonts)
	if err != nil {
		return nil, nil, err
	}
	p := e.pdf
	e.newPage()
	e.document(doc)
	e.finishPage()
	if e.err != nil {
		return nil, nil, e.err
	}
	var buf bytes.Buffer
	if err := guard(func() error { return p.Output(&buf) }); err != nil {
		return nil, nil, err
	}
	return e.rename(buf.Bytes()), e.warnings(), nil
}

// newEngine starts the PDF of doc: its properties, and the subsets of the
// fonts it prints in.
func newEngine(doc *export.Document, fonts Fonts) (*engine, error) {
	e, err := startEngine(fpdf.New("P", "mm", "A4", ""), texts(doc), fonts)
	e.draft = doc.Draft
	p := e.pdf
	p.SetMargins(marginLeft, marginTop, marginRight)
	p.SetAutoPageBreak(false, marginBottom)
	p.SetTitle(doc.Title, true)
	p.SetAuthor(doc.Meta.Author, true)
	p.SetSubject(doc.Meta.Subject, true)
	p.SetCreationDate(doc.Meta.Created)
	p.SetModificationDate(doc.Meta.Created)
	return e, err
}

// startEngine starts a PDF that prints texts: the subsets of the fonts
// they print in.
func startEngine(p *fpdf.Fpdf, texts []placed, fonts Fonts) (*engine, error) {
	e := &engine{
		pdf:       p,
		fonts:     fonts,
		plan:      newPlan(texts, fonts),
		reg:       map[*face][]*registered{},
		unplanned: map[rune]bool{},
	}
	p.SetCompression(true)
	p.SetCreator(l10n.T("ui.appName"), true)
	return e, e.register()
}

type engine struct {
	pdf       *fpdf.Fpdf
	fonts     Fonts
	plan      *plan
	reg       map[*face][]*registered
	regs      []*registered
	unplanned map[rune]bool // characters no font has that the layout printed, not planned
	err       error         // of a subset made while laying out
	draft     bool
	y         float64 // top of the next line
	// keep is the height that must follow the next paragraph on its page
	// (the closing after the last one): its last two lines go to the next
	// page with it rather than leave it alone there.
	keep float64
	// keepLast is the keep of the last paragraph of the body.
	keepLast float64
}

// glyph is a character in the font and size it prints in, and the subset
// that has it (of the font's own face, or of a fallback).
type glyph struct {
	r    rune
	font *Font
	reg  *registered
	size float64
}

// glyphs resolves the faces of a text as planned (plan.go); a character no
// font has prints as missingMark. Characters the plan did not foresee (a
// text of the layout's own) get subsets of their own.
func (e *engine) glyphs(text string, font *Font, size float64) []glyph {
	out := make([]glyph, 0, len(text))
	var extra map[*face][]rune
	for _, r := range text {
		if r < 0x20 {
			r = ' '
		}
		reg := e.regOf(font, r)
		if reg == nil && !e.plan.isMissing(r) && e.err == nil {
			if fc := e.plan.chain(font, r); fc != nil {
				if extra == nil {
					extra = map[*face][]rune{}
				}
				if !slices.Contains(extra[fc], r) {
					extra[fc] = append(extra[fc], r)
				}
				out = append(out, glyph{r: r, font: font, size: size})
				continue
			}
			e.unplanned[r] = true
		}
		if reg == nil {
			r = missingMark
			reg = e.regOf(font, r)
		}
		out = append(out, glyph{r: r, font: font, reg: reg, size: size})
	}
	if extra == nil {
		return out
	}
	for _, fc := range slices.SortedFunc(maps.Keys(extra), func(a, b *face) int { return strings.Compare(a.name, b.name) }) {
		if err := e.addSubset(fc, extra[fc]); err != nil {
			e.err = err
		}
	}
	return e.glyphs(text, font, size)
}

// regOf is the subset that prints r in font: the first of the font's own
// face, its alternates and the other faces used whose subset has r.
func (e *engine) regOf(font *Font, r rune) *registered {
	for _, fc := range slices.Concat([]*face{font.face}, font.alts, e.plan.order) {
		for _, reg := range e.reg[fc] {
			if _, ok := reg.sub.codes[r]; ok {
				return reg
			}
		}
	}
	return nil
}

func (e *engine) warnings() []string {
	out := e.plan.warnings()
	for _, r := range slices.Sorted(maps.Keys(e.unplanned)) {
		out = append(out, l10n.T("pdf.missingGlyph", "Char", string(r), "Code", fmt.Sprintf("U+%04X", r),
			"Where", l10n.T("pdf.whereLayout"), "Context", string(r), "Mark", string(missingMark)))
	}
	return out
}

// width is the advance of a glyph in millimetres.
func (e *engine) width(g glyph) float64 {
	return g.reg.sub.adv[g.r] * g.size * ptMM
}

func (e *engine) newPage() {
	e.pdf.AddPage()
	e.y = marginTop
	if e.draft {
		e.pdf.SetTextColor(192, 0, 0)
		e.drawText(e.glyphs(l10n.T("export.draft"), e.fonts.Heading1, bodyPt), pageW-marginRight-2*bodyPt*ptMM, marginTop-8, 0)
		e.pdf.SetTextColor(0, 0, 0)
	}
}

// finishPage prints the page number: — N —, right on odd pages and left on
// even ones, a character in from the edge of the text area.
func (e *engine) finishPage() {
	n := e.pdf.PageNo()
	gs := e.glyphs(fmt.Sprintf("— %d —", n), e.fonts.Table, pageNumPt)
	x := marginLeft + pageNumPt*ptMM
	if n%2 == 1 {
		x = pageW - marginRight - pageNumPt*ptMM - e.runWidth(gs, 0)
	}
	e.drawText(gs, x, textBottom+pageNumBelow, 0)
}

func (e *engine) ensure(h float64) {
	if e.y+h > textBottom+0.01 {
		e.finishPage()
		e.newPage()
	}
}

func (e *engine) runWidth(gs []glyph, tcPt float64) float64 {
	w := 0.0
	for _, g := range gs {
		w += e.width(g) + tcPt*ptMM
	}
	return w
}

// drawText prints glyphs from x on the baseline y with character spacing
// tc (points), one PDF text object per run of one face. A character above
// U+FFFF prints alone, under its private code in the subset, marked with
// its real text (ActualText) for copying and search; a bold font's glyphs
// are filled and stroked.
func (e *engine) drawText(gs []glyph, x, y, tcPt float64) {
	p := e.pdf
	if tcPt != 0 {
		p.RawWriteStr(fmt.Sprintf("%.3f Tc\n", tcPt))
	}
	for i := 0; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[j].reg == gs[i].reg && gs[j].size == gs[i].size && gs[j].font.Bold == gs[i].font.Bold &&
			gs[i].r <= 0xFFFF && gs[j].r <= 0xFFFF {
			j++
		}
		reg := gs[i].reg
		run := make([]rune, 0, j-i)
		for _, g := range gs[i:j] {
			run = append(run, reg.sub.codes[g.r])
		}
		if gs[i].r > 0xFFFF {
			p.RawWriteStr(fmt.Sprintf("/Span <</ActualText <FEFF%s>>> BDC\n", utf16Hex(gs[i].r)))
		}
		if gs[i].font.Bold {
			r, g, b := p.GetTextColor()
			p.RawWriteStr(fmt.Sprintf("q 2 Tr %.3f w %.3f %.3f %.3f RG\n", gs[i].size*boldStroke, float64(r)/255, float64(g)/255, float64(b)/255))
		}
		p.SetFont(reg.key, "", gs[i].size)
		p.Text(x, y, string(run))
		if gs[i].font.Bold {
			p.RawWriteStr("Q\n")
		}
		if gs[i].r > 0xFFFF {
			p.RawWriteStr("EMC\n")
		}
		x += e.runWidth(gs[i:j], tcPt)
		i = j
	}
	if tcPt != 0 {
		p.RawWriteStr("0 Tc\n")
	}
}

type align uint8

const (
	justify align = iota
	left
	center
	right
)

// paragraph lays out glyphs on the body's line grid: first-line indent,
// Chinese line breaking, lines justified with character spacing.
func (e *engine) paragraph(gs []glyph, indent float64, al align, rightIndent float64) {
	width := textW - rightIndent
	rs := make([]rune, len(gs))
	for i, g := range gs {
		rs[i] = g.r
	}
	advance := func(i int) float64 {
		w := e.width(gs[i]) + bodyTc*ptMM
		if i == 0 {
			w += indent
		}
		return w
	}
	lines := textwrap.Breaks(rs, width, advance)
	keep, keepFrom := e.keep, max(len(lines)-2, 0)
	e.keep = 0
	for li, ln := range lines {
		if li == keepFrom && keep > 0 {
			e.ensure(float64(len(lines)-li)*lineH + keep)
		}
		e.ensure(lineH)
		line := gs[ln[0]:ln[1]]
		x := marginLeft
		avail := width
		if li == 0 {
			x += indent
			avail -= indent
		}
		natural := e.runWidth(line, 0)
		tc := bodyTc
		switch {
		case al == justify && li < len(lines)-1 && len(line) > 1 && natural > 0.75*avail:
			// A line cut short by a long word (a web address) stays as it is
			// rather than spread letter by letter.
			tc = (avail - natural) / float64(len(line)-1) / ptMM
		case al == center:
			x += (avail - e.runWidth(line, tc)) / 2
		case al == right:
			x += avail - e.runWidth(line, tc) + bodyTc*ptMM
		}
		e.drawText(line, x, e.baseline(), tc)
		e.y += lineH
	}
}

// baseline is where text of the current line sits.
func (e *engine) baseline() float64 { return e.y + lineH*0.7 }

func (e *engine) document(doc *export.Document) {
	f := e.fonts
	e.title(export.TitleLines(doc.Title, doc.Meta.Author, titleChars))
	e.y += lineH
	if doc.Addressee != "" {
		e.paragraph(e.glyphs(doc.Addressee, f.Body, bodyPt), 0, left, 0)
	}
	for _, p := range doc.Preface {
		e.paragraph(e.glyphs(p, f.Body, bodyPt), 2*bodyPt*ptMM, justify, 0)
	}
	e.keepLast = e.closingHeight(doc.Closing)
	e.sections(doc.Sections)
	e.keepLast = 0
	e.closing(doc.Closing)
	for i := range doc.Appendix {
		e.finishPage()
		e.newPage()
		e.appendix(&doc.Appendix[i])
	}
}

// titleChars is how many characters of the title's size fit on a line.
const titleChars = textW / (titlePt * ptMM)

// title prints the lines of a title, centred, one a grid line.
func (e *engine) title(lines []string) {
	for _, l := range lines {
		e.paragraph(e.glyphs(l, e.fonts.Title, titlePt), 0, center, 0)
	}
}

// closing prints the signature block as GB/T 9704 7.3.5.1 sets it, a line
// below the text: the date four characters in from the right, the organ's
// name centred over the date, broken like a title when it is too long for
// the room that leaves.
func (e *engine) closing(c export.Closing) {
	lines, date, right, centre := e.closingLines(c)
	e.y += lineH
	e.ensure(float64(len(lines)+1) * lineH)
	for _, l := range lines {
		gs := e.glyphs(l, e.fonts.Body, bodyPt)
		e.line(gs, centre-e.inked(gs)/2)
	}
	e.line(date, right-e.inked(date))
}

// closingLines are the organ's name broken into lines, the date's glyphs,
// where the date ends and the centre the name is set about.
func (e *engine) closingLines(c export.Closing) (organ []string, date []glyph, right, centre float64) {
	date = e.glyphs(c.Date, e.fonts.Body, bodyPt)
	right = marginLeft + textW - closingIndent
	centre = right - e.inked(date)/2
	return export.NameLines(c.Organ, 2*(marginLeft+textW-centre)/(bodyPt*ptMM)), date, right, centre
}

// closingHeight is the room the closing takes below the text: a blank
// line, the organ's lines and the date.
func (e *engine) closingHeight(c export.Closing) float64 {
	organ, _, _, _ := e.closingLines(c)
	return float64(len(organ)+2) * lineH
}

// inked is the width of a body line from its first glyph's left edge to its
// last glyph's right edge, with the body's character spacing.
func (e *engine) inked(gs []glyph) float64 {
	if len(gs) == 0 {
		return 0
	}
	return e.runWidth(gs, bodyTc) - bodyTc*ptMM
}

// line prints body glyphs from x on the next grid line.
func (e *engine) line(gs []glyph, x float64) {
	e.ensure(lineH)
	e.drawText(gs, x, e.baseline(), bodyTc)
	e.y += lineH
}

// appendix prints an attachment (附件) on its own page as GB/T 9704 lays
// one out: the label flush left in 黑体, the title centred under it, then
// its content.
func (e *engine) appendix(s *export.Section) {
	label, _ := export.AppendixParts(s.Heading)
	e.paragraph(e.glyphs(label, e.fonts.Heading1, bodyPt), 0, left, 0)
	e.title(export.TitleLines(s.AppendixTitle(), "", titleChars))
	e.blocks(s.Blocks, false, false)
}

func (e *engine) sections(secs []export.Section) {
	indent := 2 * bodyPt * ptMM
	for si, s := range secs {
		// A heading does not end a page: it keeps a line of text, or the
		// start of its table, with it.
		keep := 2 * lineH
		switch {
		case len(s.Blocks) > 0 && s.Blocks[0].Table != nil:
			keep = lineH + e.layoutTable(s.Blocks[0].Table).start(s.Blocks[0].Table)
		case si == len(secs)-1 && len(s.Blocks) == 1 && s.Blocks[0].Kind == export.Paragraph:
			// The last heading over the body's last paragraph: with its
			// last two lines and the closing they keep.
			keep = 3*lineH + e.keepLast
		}
		e.ensure(keep)
		e.paragraph(e.glyphs(s.Heading, e.fonts.Heading1, bodyPt), indent, left, 0)
		e.blocks(s.Blocks, true, si == len(secs)-1)
	}
}

// blocks prints the paragraphs, sub-headings and tables of a section, the
// tables with their titles if titled; the last paragraph of the body
// (last) keeps the closing with it.
func (e *engine) blocks(bs []export.Block, titled, last bool) {
	f := e.fonts
	indent := 2 * bodyPt * ptMM
	for i, b := range bs {
		switch b.Kind {
		case export.TableBlock:
			e.table(b.Table, titled)
		case export.SubHeading:
			e.ensure(2 * lineH)
			e.paragraph(e.glyphs(b.Text, f.Heading2, bodyPt), indent, left, 0)
		default:
			gs := append(e.glyphs(b.Lead, f.Heading2, bodyPt), e.glyphs(b.Text, f.Body, bodyPt)...)
			if last && i == len(bs)-1 {
				e.keep = e.keepLast
			}
			e.paragraph(gs, indent, justify, 0)
		}
	}
}

// cellLines wraps a table cell's text to its width.
func (e *engine) cellLines(c *export.Cell, width float64) [][]glyph {
	gs := e.glyphs(c.Text, e.fonts.Table, tablePt)
	rs := make([]rune, len(gs))
	for i, g := range gs {
		rs[i] = g.r
	}
	indent := float64(c.Indent) * tablePt * ptMM
	var out [][]glyph
	for _, ln := range textwrap.Breaks(rs, width-2*tablePad-indent, func(i int) float64 { return e.width(gs[i]) }) {
		out = append(out, gs[ln[0]:ln[1]])
	}
	return out
}

// tableLayout is where a table's columns and how tall its rows are.
type tableLayout struct {
	colX, heights []float64
}

// start is the height a table needs on the page it starts on: its title,
// its header rows and what must stay with them.
func (l tableLayout) start(t *export.Table) float64 {
	h := l.span(0, t.Grid.HeaderRows)
	if t.Title != "" {
		h += lineH
	}
	if t.Grid.HeaderRows < t.Grid.Rows {
		h += l.keep(t, t.Grid.HeaderRows)
	}
	return h
}

// span is the height of grid rows [from, to).
func (l tableLayout) span(from, to int) float64 {
	h := 0.0
	for _, x := range l.heights[from:to] {
		h += x
	}
	return h
}

// keep is the height that must follow on the page where row r is drawn: a
// band short enough (half a page) stays whole; else a band or header row
// keeps the rows under it, up to the first row of values; a row label
// merged over rows short enough stays whole too.
func (l tableLayout) keep(t *export.Table, r int) float64 {
	half := (textBottom - marginTop) / 2
	for _, b := range t.RowBlocks() {
		if b.From == r && b.Head > b.From && l.span(b.From, b.To) <= half {
			return l.span(b.From, b.To)
		}
	}
	k := r
	for k < t.Grid.Rows-1 && t.HeaderRow(k) {
		k++
	}
	h := l.span(r, k+1)
	for _, c := range t.Cells {
		if c.Row == r && c.Role == format.RowLabel && c.RowSpan > 1 && l.span(r, r+c.RowSpan) <= half {
			h = max(h, l.span(r, r+c.RowSpan))
		}
	}
	return h
}

func (e *engine) layoutTable(t *export.Table) tableLayout {
	shares := t.ColumnShares()
	colX := make([]float64, len(shares)+1)
	colX[0] = marginLeft
	for i, s := range shares {
		colX[i+1] = colX[i] + s*textW
	}
	heights := make([]float64, t.Grid.Rows)
	for i := range heights {
		heights[i] = tableLineH + 2*tablePad
	}
	cells := slices.Clone(t.Cells)
	slices.SortStableFunc(cells, func(a, b export.Cell) int { return a.RowSpan - b.RowSpan })
	for i := range cells {
		c := &cells[i]
		need := float64(len(e.cellLines(c, colX[c.Col+c.ColSpan]-colX[c.Col])))*tableLineH + 2*tablePad
		have := 0.0
		for r := c.Row; r < c.Row+c.RowSpan; r++ {
			have += heights[r]
		}
		if need > have {
			heights[c.Row+c.RowSpan-1] += need - have
		}
	}
	return tableLayout{colX, heights}
}

// table draws a table: rows break across pages, the header rows repeat on
// every page, and a merged label cut by a page break prints on both parts.
func (e *engine) table(t *export.Table, titled bool) {
	l := e.layoutTable(t)
	colX, heights := l.colX, l.heights
	e.ensure(l.start(t))
	if titled && t.Title != "" {
		e.paragraph(e.glyphs(t.Title, e.fonts.Heading1, bodyPt), 0, center, 0)
	}
	head := l.span(0, t.Grid.HeaderRows)
	// band[r] holds the header rows of the band row r is under.
	band := make([]export.RowBlock, t.Grid.Rows)
	for _, b := range t.RowBlocks() {
		for r := b.Head; r < b.To; r++ {
			band[r] = b
		}
	}
	// Split the rows into pages; a page that starts amid a band repeats the
	// band's header rows under the table's.
	type segment struct{ from, to int }
	var pages []segment
	y, from := e.y, 0
	for r := 0; r < t.Grid.Rows; r++ {
		if y+l.keep(t, r) > textBottom && r > from {
			pages = append(pages, segment{from, r})
			from, y = r, marginTop
			if r >= t.Grid.HeaderRows {
				y += head + l.span(band[r].From, band[r].Head)
			}
		}
		y += heights[r]
	}
	pages = append(pages, segment{from, t.Grid.Rows})
	for i, pg := range pages {
		if i > 0 {
			e.finishPage()
			e.newPage()
			if pg.from >= t.Grid.HeaderRows {
				e.drawRows(t, colX, heights, 0, t.Grid.HeaderRows)
				e.drawRows(t, colX, heights, band[pg.from].From, band[pg.from].Head)
			}
		}
		e.drawRows(t, colX, heights, pg.from, pg.to)
	}
	e.y += lineH / 2
}

// drawRows draws grid rows [from, to) at e.y and moves e.y below them.
func (e *engine) drawRows(t *export.Table, colX, heights []float64, from, to int) {
	p := e.pdf
	p.SetLineWidth(0.2)
	rowY := map[int]float64{from: e.y}
	for r := from; r < to; r++ {
		rowY[r+1] = rowY[r] + heights[r]
	}
	for i := range t.Cells {
		c := &t.Cells[i]
		top, bottom := max(c.Row, from), min(c.Row+c.RowSpan, to)
		if top >= bottom {
			continue
		}
		x, w := colX[c.Col], colX[c.Col+c.ColSpan]-colX[c.Col]
		y, h := rowY[top], rowY[bottom]-rowY[top]
		p.Rect(x, y, w, h, "D")
		lines := e.cellLines(c, w)
		ty := y + (h-float64(len(lines))*tableLineH)/2
		for li, ln := range lines {
			lw := e.runWidth(ln, 0)
			lx := x + (w-lw)/2
			switch {
			case c.Role == format.ValueCell || c.Role == format.Blank:
				lx = x + w - tablePad - lw
			case c.Role == format.RowLabel && c.RowSpan <= 2:
				lx = x + tablePad + float64(c.Indent)*tablePt*ptMM
			}
			e.drawText(ln, lx, ty+float64(li)*tableLineH+tableLineH*0.78, 0)
		}
	}
	e.y = rowY[to]
}
