package pdftext

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxCellWork bounds glyphs × rules looked at to find table cells in a
// file; pages beyond it are read as lines only.
const maxCellWork = 200_000_000

// line is a line of text as laid out: a paragraph's line, or a table row
// with its cells separated by " | ".
type line struct {
	text        string
	left, right float64
	top         float64
	size        float64
	row         bool // a table row (not joined into paragraphs)
	margin      bool // in the page's head or foot, where running heads and page numbers are
}

// layout turns a page's glyphs into lines in reading order: the glyphs in
// a ruled table's cells row by row (a cell's lines joined, a merged cell
// on its first row), the others by baseline, top to bottom. work is what
// is left of maxCellWork.
func layout(p *page, work *int) []line {
	w, h := p.displaySize()
	glyphs := p.displayGlyphs(w, h)
	gr := &grid{w: w, h: h, work: work}
	gr.hor, gr.ver = p.displayRules(w, h)
	cells := map[cellKey][]glyph{}
	var free []glyph
	findCells := gr.spend(len(glyphs) * (len(gr.hor) + len(gr.ver)))
	for _, g := range glyphs {
		if findCells {
			if k, ok := gr.cellOf(g); ok {
				cells[k] = append(cells[k], g)
				continue
			}
		}
		free = append(free, g)
	}
	var lines []line
	for _, l := range textLines(free) {
		l.margin = l.top < 0.14*h || l.top > 0.9*h
		if !(l.margin && pageNumber.MatchString(l.text)) {
			lines = append(lines, l)
		}
	}
	lines = append(lines, gr.tableRows(cells)...)
	slices.SortStableFunc(lines, func(a, b line) int { return cmp.Compare(b.top, a.top) })
	return lines
}

// displaySize is the page's size as shown, after its /Rotate.
func (p *page) displaySize() (w, h float64) {
	w, h = p.box[2]-p.box[0], p.box[3]-p.box[1]
	if p.rotate == 90 || p.rotate == 270 {
		w, h = h, w
	}
	return w, h
}

// toDisplay maps a point of user space to the page as shown: origin at
// its lower left, y up.
func (p *page) toDisplay(x, y float64) (float64, float64) {
	llx, lly, urx, ury := p.box[0], p.box[1], p.box[2], p.box[3]
	switch p.rotate {
	case 90:
		return y - lly, urx - x
	case 180:
		return urx - x, ury - y
	case 270:
		return ury - y, x - llx
	}
	return x - llx, y - lly
}

// displayGlyphs keeps the glyphs a reader sees upright on the page, once
// each (a glyph drawn twice for bold is kept once), in display space.
func (p *page) displayGlyphs(w, h float64) []glyph {
	var out []glyph
	seen := map[dupKey][]glyph{}
	for _, g := range p.glyphs {
		x, y := p.toDisplay(g.x, g.y)
		dx := g.dx // the baseline's direction across the page as shown
		switch p.rotate {
		case 90:
			dx = g.dy
		case 180:
			dx = -g.dx
		case 270:
			dx = -g.dy
		}
		if dx < 0.98 || g.size <= 0 || x < -2 || x > w+2 || y < -2 || y > h+2 {
			continue // rotated (a watermark) or outside the page
		}
		text := strings.TrimSpace(unify(g.text))
		if text == "" {
			continue
		}
		g.x, g.y, g.text = x, y, text
		if g.duplicate(seen) {
			continue
		}
		seen[keyOf(g)] = append(seen[keyOf(g)], g)
		out = append(out, g)
	}
	return out
}

// dupKey files the glyphs kept by text and place, in squares of dupGrid
// points.
type dupKey struct {
	text string
	x, y int
}

const dupGrid = 4

func keyOf(g glyph) dupKey {
	return dupKey{g.text, int(math.Floor(g.x / dupGrid)), int(math.Floor(g.y / dupGrid))}
}

// duplicate reports a glyph drawn again over one kept (within a third of
// its width and size, and of dupGrid): fake bold, or a shadow.
func (g glyph) duplicate(seen map[dupKey][]glyph) bool {
	tol := min(0.3*max(g.w, 0.5*g.size), dupGrid)
	k := keyOf(g)
	for dx := -1; dx <= 1; dx++ {
		for dy := -1; dy <= 1; dy++ {
			for _, o := range seen[dupKey{g.text, k.x + dx, k.y + dy}] {
				if math.Abs(o.x-g.x) < tol && math.Abs(o.y-g.y) < min(0.3*g.size, dupGrid) {
					return true
				}
			}
		}
	}
	return false
}

// unify maps the Kangxi and CJK radicals some fonts' maps give for
// ordinary characters (⼀ for 一) to the characters, ligatures (ﬁ) to
// their letters, and white space of every kind to a space.
func unify(s string) string {
	plain := true
	for _, r := range s {
		if r >= 0x2E80 && r <= 0x2FDF || r >= 0xFB00 && r <= 0xFB06 || unicode.IsSpace(r) {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	var sb strings.Builder
	for _, r := range s {
		switch {
		case r >= 0x2E80 && r <= 0x2FDF || r >= 0xFB00 && r <= 0xFB06:
			sb.WriteString(norm.NFKC.String(string(r)))
		case unicode.IsSpace(r):
			sb.WriteByte(' ')
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// displayRules splits the page's straight lines into horizontal and
// vertical rules in display space, leaving out a frame around the whole
// page (or a page-sized background).
func (p *page) displayRules(w, h float64) (hor, ver []segment) {
	for _, s := range p.rules {
		x0, y0 := p.toDisplay(s.x0, s.y0)
		x1, y1 := p.toDisplay(s.x1, s.y1)
		if x0 > x1 {
			x0, x1 = x1, x0
		}
		if y0 > y1 {
			y0, y1 = y1, y0
		}
		switch {
		case y1-y0 < 1 && x1-x0 > 2 && x1-x0 < 0.95*w:
			hor = append(hor, segment{x0, (y0 + y1) / 2, x1, (y0 + y1) / 2})
		case x1-x0 < 1 && y1-y0 > 2 && y1-y0 < 0.95*h:
			ver = append(ver, segment{(x0 + x1) / 2, y0, (x0 + x1) / 2, y1})
		}
	}
	return hor, ver
}

// grid is a page's ruled tables: its rules, its size, and what is left
// of the file's maxCellWork.
type grid struct {
	hor, ver []segment
	w, h     float64
	work     *int
}

// spend takes n from the work left; false when there is not that much.
func (gr *grid) spend(n int) bool {
	if n > *gr.work {
		return false
	}
	*gr.work -= n
	return true
}

// cellKey is a table cell: the rules around it.
type cellKey struct{ left, top, right, bottom float64 }

// cellOf finds the cell of a ruled table the glyph stands in.
func (gr *grid) cellOf(g glyph) (cellKey, bool) {
	return gr.cellAt(g.x+g.w/2, g.y+g.size*0.3)
}

// cellAt finds the cell of a ruled table around the point: the nearest
// rules above, below, left and right of it that reach it.
func (gr *grid) cellAt(cx, cy float64) (cellKey, bool) {
	const tol = 1.5
	top, bottom := math.Inf(1), math.Inf(-1)
	for _, s := range gr.hor {
		if cx < s.x0-tol || cx > s.x1+tol {
			continue
		}
		if s.y0 > cy && s.y0 < top {
			top = s.y0
		}
		if s.y0 < cy && s.y0 > bottom {
			bottom = s.y0
		}
	}
	left, right := math.Inf(-1), math.Inf(1)
	for _, s := range gr.ver {
		if cy < s.y0-tol || cy > s.y1+tol {
			continue
		}
		if s.x0 < cx && s.x0 > left {
			left = s.x0
		}
		if s.x0 > cx && s.x0 < right {
			right = s.x0
		}
	}
	if math.IsInf(top, 0) || math.IsInf(bottom, 0) || math.IsInf(left, 0) || math.IsInf(right, 0) {
		return cellKey{}, false
	}
	if top-bottom > 0.6*gr.h || right-left > 0.95*gr.w {
		return cellKey{}, false
	}
	r := func(v float64) float64 { return math.Round(v*2) / 2 }
	return cellKey{r(left), r(top), r(right), r(bottom)}, true
}

// tableRows makes a line of each table row: the cells whose tops are one
// rule, left to right. A cell merged down over rows is on its first row
// only; an empty cell after the row's first text is "—", holding its
// place as a blank does in published tables.
func (gr *grid) tableRows(cells map[cellKey][]glyph) []line {
	keys := make([]cellKey, 0, len(cells))
	for k := range cells {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b cellKey) int { return cmp.Compare(b.top, a.top) })
	var out []line
	for i := 0; i < len(keys); {
		j := i
		for j < len(keys) && keys[i].top-keys[j].top <= 1 { // tops within a point are one rule
			j++
		}
		group := keys[i:j]
		slices.SortFunc(group, func(a, b cellKey) int { return cmp.Compare(a.left, b.left) })
		texts := make([]string, len(group))
		size := 0.0
		for k, key := range group {
			var w wrapped
			for _, l := range textLines(cells[key]) {
				w.add(l.text)
				size = max(size, l.size)
			}
			texts[k] = w.String()
		}
		parts := gr.rowCells(group, texts)
		out = append(out, line{text: strings.Join(parts, " | "), left: group[0].left, right: group[len(group)-1].right, top: group[0].top, size: size, row: true})
		i = j
	}
	return out
}

// rowCells lists a row's cells left to right from the vertical rules
// crossing it, its empty cells too; where the rules do not account for
// every cell with text, just the cells with text.
func (gr *grid) rowCells(group []cellKey, texts []string) []string {
	top, bottom := group[0].top, math.Inf(-1)
	for _, k := range group {
		bottom = max(bottom, k.bottom) // the row's own lower rule: cells merged down reach lower
	}
	mid := (top + bottom) / 2
	var xs []float64
	if !gr.spend(len(gr.ver)) {
		return texts
	}
	for _, s := range gr.ver {
		if s.y0 <= mid && s.y1 >= mid {
			xs = append(xs, s.x0)
		}
	}
	slices.Sort(xs)
	if !gr.spend(len(xs) * (len(gr.hor) + len(gr.ver))) {
		return texts
	}
	var parts []string
	used, lastRight := 0, math.Inf(-1)
	for n := 0; n+1 < len(xs); n++ {
		cx := (xs[n] + xs[n+1]) / 2
		if xs[n+1]-xs[n] < 2 || cx < lastRight {
			continue // a doubled rule, or inside a cell merged across
		}
		key, ok := gr.cellAt(cx, mid)
		if !ok || math.Abs(key.top-top) > 1 {
			continue // no cell, or one merged down from a row above
		}
		lastRight = key.right
		k := slices.IndexFunc(group, func(g cellKey) bool { return math.Abs(g.left-key.left) <= 1 })
		switch {
		case k >= 0 && texts[k] != "":
			parts = append(parts, texts[k])
			used++
		case len(parts) > 0:
			parts = append(parts, "—")
		}
	}
	if used != len(group) {
		return texts
	}
	return parts
}

// wrapped gathers the lines of a text wrapped over lines (a cell's, a
// paragraph's) and joins them: with no space between Chinese characters,
// with one between words. Joined once at the end, a paragraph of many
// lines costs its length, not its length squared.
type wrapped struct {
	parts []string
	last  string
}

func (w *wrapped) add(s string) {
	if w.last != "" {
		ra, _ := utf8.DecodeLastRuneInString(w.last)
		rb := []rune(s)[0]
		if ra < 0x80 && rb < 0x80 && unicode.IsLetter(ra) && unicode.IsLetter(rb) {
			w.parts = append(w.parts, " ")
		}
	}
	w.parts = append(w.parts, s)
	w.last = s
}

func (w *wrapped) String() string { return strings.Join(w.parts, "") }

// textLines groups glyphs into lines by baseline, top to bottom, each
// left to right with a space where a gap is wider than a third of the
// type size (between Chinese characters: wider than one), and " | "
// where it is wider than three (the columns of a table without rules).
func textLines(glyphs []glyph) []line {
	sorted := slices.Clone(glyphs)
	slices.SortStableFunc(sorted, func(a, b glyph) int { return cmp.Compare(b.y, a.y) })
	var groups [][]glyph
	for _, g := range sorted {
		if n := len(groups); n > 0 {
			last := groups[n-1]
			if math.Abs(last[0].y-g.y) < 0.4*max(last[0].size, g.size) {
				groups[n-1] = append(last, g)
				continue
			}
		}
		groups = append(groups, []glyph{g})
	}
	var out []line
	for _, grp := range groups {
		slices.SortStableFunc(grp, func(a, b glyph) int { return cmp.Compare(a.x, b.x) })
		var sb strings.Builder
		size, top := 0.0, math.Inf(-1)
		for _, g := range grp {
			size = max(size, g.size)
			top = max(top, g.y+0.8*g.size)
		}
		end := grp[0].x
		var prev rune
		for i, g := range grp {
			first := []rune(g.text)[0]
			if i > 0 {
				gap := g.x - end
				switch {
				case gap > 3*size:
					sb.WriteString(" | ")
				case gap > size || gap > size/3 && !(isCJK(prev) && isCJK(first)):
					sb.WriteByte(' ')
				}
			}
			sb.WriteString(g.text)
			prev, _ = utf8.DecodeLastRuneInString(g.text)
			end = max(end, g.x+g.w)
		}
		out = append(out, line{text: sb.String(), left: grp[0].x, right: end, top: top, size: size})
	}
	return out
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

var pageNumber = regexp.MustCompile(`^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$`)

var digitRun = regexp.MustCompile(`\d+`)

// dropRunningHeads removes the lines in the pages' margins that repeat,
// but for their numbers, on half the pages or more (two at least):
// running heads and feet (a browser's title, address and "3/4"), a draft
// mark.
func dropRunningHeads(pages [][]line) {
	key := func(l line) string { return digitRun.ReplaceAllString(l.text, "#") }
	count := map[string]int{}
	for _, lines := range pages {
		seen := map[string]bool{}
		for _, l := range lines {
			if k := key(l); l.margin && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	for i, lines := range pages {
		pages[i] = slices.DeleteFunc(lines, func(l line) bool { return l.margin && count[key(l)] >= max(2, (len(pages)+1)/2) })
	}
}

// standsAlone reports a short line without a sentence's closing
// punctuation after a sentence's end: an unnumbered heading, not the
// last line of the paragraph before.
func standsAlone(prev, l line, rightMargin float64) bool {
	ends := func(s string) bool {
		r, _ := utf8.DecodeLastRuneInString(s)
		return strings.ContainsRune("。！？；：…”）)", r)
	}
	return ends(prev.text) && !ends(l.text) && l.right < rightMargin-3*l.size
}

var headingStart = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．](?:\D|$)|附[件表])`)

// minMarginLines is the fewest lines of text a page's own margins are
// taken from; on a page of fewer, the document's are.
const minMarginLines = 5

// textMargins are the leftmost start and rightmost end of lines of text
// (no table rows, no running heads), and how many there are.
func textMargins(lines []line) (left, right float64, n int) {
	left, right = math.Inf(1), math.Inf(-1)
	for _, l := range lines {
		if !l.row && !l.margin {
			left, right = min(left, l.left), max(right, l.right)
			n++
		}
	}
	return left, right, n
}

// paragraphs joins the lines of a paragraph wrapped across lines (and
// pages) into one line: a line that reaches the right margin continues
// on the next line when that one starts at the left margin and is no
// heading. Table rows stand alone.
func paragraphs(pages [][]line) []string {
	var out []string
	var para *wrapped
	flush := func() {
		if para != nil {
			out = append(out, para.String())
		}
	}
	var prev *line
	var prevMargin float64
	prevPage := -1
	docLeft, docRight, _ := textMargins(slices.Concat(pages...))
	for pi, lines := range pages {
		leftMargin, rightMargin, n := textMargins(lines)
		if n < minMarginLines { // a page of a few lines (a closing, a heading) shows no margins
			leftMargin, rightMargin = docLeft, docRight
		}
		for i := range lines {
			l := &lines[i]
			if prev != nil && !l.row && !prev.row &&
				prev.right >= prevMargin-1.5*prev.size &&
				l.left <= leftMargin+0.8*l.size &&
				math.Abs(l.size-prev.size) <= 0.15*prev.size &&
				(pi != prevPage || prev.top-l.top < 2.2*l.size) &&
				!headingStart.MatchString(l.text) && !standsAlone(*prev, *l, rightMargin) {
				para.add(l.text)
			} else {
				flush()
				para = &wrapped{}
				para.add(l.text)
			}
			prev, prevMargin, prevPage = l, rightMargin, pi
		}
	}
	flush()
	return out
}
