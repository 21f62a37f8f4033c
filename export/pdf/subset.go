package pdf

import (
	"bytes"
	"encoding/binary"
	"maps"
	"slices"
)

// subset is a font made of the glyphs of the characters a document prints
// in one face (and the components of composite ones), numbered anew: what
// the PDF library reads and embeds, in time in proportion to the glyphs
// used, not to the face's.
// Its character map is our own, of format 4, the only one the PDF library
// reads: a character above U+FFFF, which the library cannot take, is given
// a private-use code, and the PDF says which character it is (ActualText,
// see drawText).
type subset struct {
	data  []byte
	codes map[rune]rune    // character → code in the subset
	adv   map[rune]float64 // advance, in ems
}

// maxGlyphBytes bounds one glyph's outline (TrueType glyphs of CJK fonts
// take a few hundred bytes).
const maxGlyphBytes = 64 << 10

// subset builds the subset of the face for characters rs, all of which it
// has. The result has passed checkTables: the PDF library reads nothing
// unchecked.
func (f *face) subset(rs []rune) (*subset, error) {
	head, err := f.tableAtLeast("head", 54, 54)
	if err != nil {
		return nil, err
	}
	hhea, err := f.tableAtLeast("hhea", 36, 36)
	if err != nil {
		return nil, err
	}
	maxp, err := f.tableAtLeast("maxp", 6, 32)
	if err != nil {
		return nil, err
	}
	unitsPerEm, locaFormat, numGlyphs, numHMetrics := u16(head, 18), u16(head, 50), u16(maxp, 4), u16(hhea, 34)
	if unitsPerEm == 0 || locaFormat > 1 || numGlyphs == 0 || numHMetrics == 0 || numHMetrics > numGlyphs {
		return nil, errUnusable("bad font header")
	}
	hmtx, err := f.tableAtLeast("hmtx", 4*numHMetrics+2*(numGlyphs-numHMetrics), 4*numHMetrics+2*(numGlyphs-numHMetrics))
	if err != nil {
		return nil, err
	}
	locaEntry := 2 << locaFormat
	loca, err := f.tableAtLeast("loca", locaEntry*(numGlyphs+1), locaEntry*(numGlyphs+1))
	if err != nil {
		return nil, err
	}
	at := func(g int) int64 {
		if locaFormat == 0 {
			return 2 * int64(u16(loca, 2*g))
		}
		return u32(loca, 4*g)
	}
	glyf := f.dir["glyf"]
	advance := func(g int) int { return u16(hmtx, 4*min(g, numHMetrics-1)) }

	// The characters' glyphs and their components, glyph 0 (.notdef) first.
	// A character whose glyph is broken (outside the glyf table, or a
	// composite that contains itself or expands to more than maxGlyphParts
	// glyphs) is left out, and the face no longer claims it (has): it
	// prints from another font.
	outlines := map[int][]byte{}
	read := func(g int) ([]byte, []int, error) {
		from, to := at(g), at(g+1)
		if from > to || to > int64(glyf.len) || to-from > maxGlyphBytes {
			return nil, nil, errUnusable("glyph outside the glyf table")
		}
		data := make([]byte, to-from)
		if _, err := f.src.ReadAt(data, int64(glyf.off)+from); err != nil {
			return nil, nil, err
		}
		parts, _, err := components(data, numGlyphs)
		return data, parts, err
	}
	if err := closure(0, read, outlines); err != nil {
		return nil, err
	}
	s := &subset{codes: map[rune]rune{}, adv: map[rune]float64{}}
	for _, r := range rs {
		g := f.glyph(r)
		if g == 0 {
			continue
		}
		if err := closure(g, read, outlines); err != nil {
			f.mu.Lock()
			if f.broken == nil {
				f.broken = map[rune]bool{}
			}
			f.broken[r] = true
			f.mu.Unlock()
			continue
		}
		s.codes[r] = r
		s.adv[r] = em(advance(g), unitsPerEm)
	}
	private := rune(0xF8FF) // codes for characters above U+FFFF, downwards
	for _, r := range slices.Sorted(maps.Keys(s.codes)) {
		if r > 0xFFFF {
			for _, taken := s.codes[private]; taken; _, taken = s.codes[private] {
				private--
			}
			s.codes[r] = private
			private--
		}
	}
	type entry struct {
		code rune
		gid  int
	}
	var cmap []entry
	for r, code := range s.codes {
		cmap = append(cmap, entry{code, f.glyph(r)})
	}

	// The glyphs used, numbered anew in their order (.notdef stays 0).
	used := slices.Sorted(maps.Keys(outlines))
	renum := make(map[int]int, len(used))
	for i, g := range used {
		renum[g] = i
	}
	var glyfOut bytes.Buffer
	locaOut := make([]byte, 4*(len(used)+1))
	hmtxOut := make([]byte, 4*len(used))
	for i, g := range used {
		binary.BigEndian.PutUint32(locaOut[4*i:], uint32(glyfOut.Len()))
		binary.BigEndian.PutUint16(hmtxOut[4*i:], uint16(advance(g)))
		lsb := 4*numHMetrics + 2*(g-numHMetrics)
		if g < numHMetrics {
			lsb = 4*g + 2
		}
		copy(hmtxOut[4*i+2:4*i+4], hmtx[lsb:])
		data := slices.Clone(outlines[g])
		_, at, _ := components(data, numGlyphs) // checked above
		for _, pos := range at {
			binary.BigEndian.PutUint16(data[pos:], uint16(renum[u16(data, pos)]))
		}
		glyfOut.Write(data)
		glyfOut.Write(make([]byte, (4-len(data)%4)%4))
	}
	binary.BigEndian.PutUint32(locaOut[4*len(used):], uint32(glyfOut.Len()))
	for i := range cmap {
		cmap[i].gid = renum[cmap[i].gid]
	}
	head = slices.Clone(head[:54])
	binary.BigEndian.PutUint16(head[50:], 1) // long loca
	binary.BigEndian.PutUint32(head[8:], 0)
	hhea = slices.Clone(hhea[:36])
	binary.BigEndian.PutUint16(hhea[34:], uint16(len(used)))
	maxp = slices.Clone(maxp)
	binary.BigEndian.PutUint16(maxp[4:], uint16(len(used)))
	post := make([]byte, 32)
	binary.BigEndian.PutUint32(post, 0x00030000) // no glyph names
	if p, err := f.tableAtLeast("post", 16, 16); err == nil {
		copy(post[4:16], p[4:16]) // italic angle, underline, fixed pitch
	}
	tables := map[string][]byte{
		"head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtxOut,
		"loca": locaOut, "glyf": glyfOut.Bytes(), "post": post,
		"name": nameTable(f.pdfName()),
	}
	slices.SortFunc(cmap, func(a, b entry) int { return int(a.code - b.code) })
	codes, gids := make([]int, len(cmap)), make([]int, len(cmap))
	for i, e := range cmap {
		codes[i], gids[i] = int(e.code), e.gid
	}
	if tables["cmap"], err = cmapTable(codes, gids); err != nil {
		return nil, err
	}
	if os2, err := f.tableAtLeast("OS/2", 78, 96); err == nil {
		tables["OS/2"] = os2
	}
	s.data = assemble(tables)
	if err := checkFont(s.data); err != nil {
		return nil, err
	}
	return s, nil
}

// closure adds glyph g and the glyphs it is made of to outlines, reading
// each once (read returns a glyph's outline and components), unless one
// is broken, g contains itself, or it expands to more than maxGlyphParts
// glyphs, repeats counted, as the PDF library expands it.
func closure(g int, read func(int) ([]byte, []int, error), outlines map[int][]byte) error {
	found := map[int][]byte{}
	parts := map[int][]int{}
	onPath := map[int]bool{}
	count := 0
	var visit func(g int) error
	visit = func(g int) error {
		if count++; count > maxGlyphParts {
			return errUnusable("composite glyph expands to too many glyphs")
		}
		if onPath[g] {
			return errUnusable("composite glyph contains itself")
		}
		if _, ok := found[g]; !ok {
			data, ps, err := read(g)
			if err != nil {
				return err
			}
			found[g], parts[g] = data, ps
		}
		onPath[g] = true
		for _, p := range parts[g] {
			if err := visit(p); err != nil {
				return err
			}
		}
		delete(onPath, g)
		return nil
	}
	if err := visit(g); err != nil {
		return err
	}
	maps.Copy(outlines, found)
	return nil
}

// tableAtLeast reads the first up to limit bytes of a table of at least
// least bytes, once: subsets of a face made one after the other (the check
// when it is found, then an export's) read it once.
func (f *face) tableAtLeast(tag string, least, limit int) ([]byte, error) {
	if f.dir[tag].len < least {
		return nil, errUnusable(tag + " table too short")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if b, ok := f.tables[tag]; ok && len(b) == min(f.dir[tag].len, limit) {
		return b, nil
	}
	b, err := f.table(tag, limit)
	if err == nil {
		if f.tables == nil {
			f.tables = map[string][]byte{}
		}
		f.tables[tag] = b
	}
	return b, err
}

// components lists the glyphs a composite glyph is made of, and where in
// its data their numbers are, reading only inside its data; a simple glyph
// has none.
func components(data []byte, numGlyphs int) (parts, at []int, err error) {
	if len(data) > 0 && len(data) < 10 {
		return nil, nil, errUnusable("glyph too short")
	}
	if len(data) == 0 || int16(u16(data, 0)) >= 0 {
		return nil, nil, nil
	}
	for pos, more := 10, true; more; {
		if pos+4 > len(data) {
			return nil, nil, errUnusable("component outside its glyph")
		}
		flags, part := u16(data, pos), u16(data, pos+2)
		if part >= numGlyphs {
			return nil, nil, errUnusable("component glyph the font lacks")
		}
		parts, at = append(parts, part), append(at, pos+2)
		more = flags&0x20 != 0
		pos += 6 + 2*(flags&1) // flags, glyph, two arguments of a byte or a word
		switch {               // a scale, an x and y scale, or a 2×2 matrix
		case flags&0x08 != 0:
			pos += 2
		case flags&0x40 != 0:
			pos += 4
		case flags&0x80 != 0:
			pos += 8
		}
	}
	return parts, at, nil
}

// binarySearch gives the search parameters of a table of n entries that
// TrueType headers record: the largest power of two ≤ n, and its log₂.
func binarySearch(n int) (search, log int) {
	search = 1
	for search*2 <= n {
		search *= 2
		log++
	}
	return search, log
}

// cmapTable is a character map of format 4 (Windows Unicode) of sorted
// codes and their glyphs: a segment for each run of consecutive codes of
// consecutive glyphs.
func cmapTable(codes, gids []int) ([]byte, error) {
	type segment struct{ start, end, delta int }
	var segs []segment
	for i, c := range codes {
		if n := len(segs); n > 0 && segs[n-1].end == c-1 && (segs[n-1].delta+c)&0xFFFF == gids[i] {
			segs[n-1].end = c
			continue
		}
		segs = append(segs, segment{c, c, (gids[i] - c) & 0xFFFF})
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	length := 16 + 8*n
	if length > 0xFFFF {
		return nil, errUnusable("too many characters for one font")
	}
	b := make([]byte, 12+length)
	put := func(at, v int) { binary.BigEndian.PutUint16(b[at:], uint16(v)) }
	put(2, 1)                             // one subtable
	put(4, 3)                             // Windows
	put(6, 1)                             // Unicode BMP
	binary.BigEndian.PutUint32(b[8:], 12) // its offset
	sub := 12
	put(sub, 4)
	put(sub+2, length)
	put(sub+6, 2*n)
	search, entry := binarySearch(n)
	put(sub+8, 2*search)
	put(sub+10, entry)
	put(sub+12, 2*n-2*search)
	for i, s := range segs {
		put(sub+14+2*i, s.end)
		put(sub+16+2*n+2*i, s.start)
		put(sub+16+4*n+2*i, s.delta)
	}
	return b, nil
}

// nameTable names a subset: family, style, unique, full and PostScript
// name, in Windows English.
func nameTable(name string) []byte {
	ids := []struct {
		id    int
		value string
	}{{1, name}, {2, "Regular"}, {3, name}, {4, name}, {6, name}}
	var strs bytes.Buffer
	b := make([]byte, 6+12*len(ids))
	put := func(at, v int) { binary.BigEndian.PutUint16(b[at:], uint16(v)) }
	put(2, len(ids))
	put(4, len(b))
	for i, n := range ids {
		r := 6 + 12*i
		put(r, 3)
		put(r+2, 1)
		put(r+4, 0x409)
		put(r+6, n.id)
		put(r+8, 2*len(n.value))
		put(r+10, strs.Len())
		for _, c := range n.value { // ASCII (pdfName)
			strs.Write([]byte{0, byte(c)})
		}
	}
	return append(b, strs.Bytes()...)
}

// assemble lays tables out as a TrueType font, with checksums.
func assemble(tables map[string][]byte) []byte {
	tags := slices.Sorted(maps.Keys(tables))
	n := len(tags)
	var out bytes.Buffer
	hdr := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(hdr, 0x00010000)
	binary.BigEndian.PutUint16(hdr[4:], uint16(n))
	search, entry := binarySearch(n)
	binary.BigEndian.PutUint16(hdr[6:], uint16(16*search))
	binary.BigEndian.PutUint16(hdr[8:], uint16(entry))
	binary.BigEndian.PutUint16(hdr[10:], uint16(16*n-16*search))
	out.Write(hdr)
	headAt := 0
	for i, tag := range tags {
		t := tables[tag]
		rec := hdr[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(t))
		binary.BigEndian.PutUint32(rec[8:], uint32(out.Len()))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(t)))
		if tag == "head" {
			headAt = out.Len()
		}
		out.Write(t)
		out.Write(make([]byte, (4-len(t)%4)%4))
	}
	data := out.Bytes()
	copy(data, hdr)
	binary.BigEndian.PutUint32(data[headAt+8:], 0xB1B0AFBA-checksum(data))
	return data
}

// checksum is the TrueType checksum: the sum of big-endian 32-bit words.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i+4 <= len(b); i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	if r := len(b) % 4; r != 0 {
		var last [4]byte
		copy(last[:], b[len(b)-r:])
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}
