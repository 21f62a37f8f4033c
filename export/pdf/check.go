package pdf

import "encoding/binary"

// The PDF library's TrueType reader (fpdf's utf8fontfile.go) trusts the
// file. A table it needs but lacks, or an offset, count or glyph number
// pointing outside the file, makes it panic; cmap segments that overlap make
// it append a slice element for every character of every segment (32,767
// segments of 65,536 characters: 16 GB); a composite glyph that contains
// itself recurses until the stack overflows, which no recover catches;
// composite glyphs that each contain the previous one twice take 2ⁿ steps;
// it builds every name it reads character by character, and copies a whole
// composite glyph for each of its components. sfnt.Parse has checked the
// table directory (tables inside the file, each tag once) and the sizes of
// head, hhea, hmtx, loca, maxp and post; checkTables checks the rest of what
// fpdf reads, so that it reads inside the file in time and memory bounded
// by the file's size.

// Bounds far above what real fonts need (the largest seen in DejaVu,
// Liberation, WenQuanYi and AR PL fonts: 324 bytes of names, a composite
// glyph of 11 glyphs, 2 MB of composite glyphs times components).
const (
	maxNameBytes     = 16 << 10 // the names fpdf decodes
	maxGlyphParts    = 256      // glyphs a composite glyph expands to, repeats counted
	maxCompositeCopy = 64 << 20 // composite glyph bytes times their components
)

// table is where a font table lies in the file.
type table struct{ off, len int }

func (t table) in(data []byte) []byte { return data[t.off : t.off+t.len] }

// tableDir returns the tables of a font that sfnt.Parse accepted, by tag.
func tableDir(data []byte) map[string]table {
	n := u16(data, 4)
	dir := make(map[string]table, n)
	for i := range n {
		rec := data[12+16*i:]
		dir[string(rec[:4])] = table{int(u32(rec, 8)), int(u32(rec, 12))}
	}
	return dir
}

// checkTables checks what fpdf reads of a font that sfnt.Parse accepted.
func checkTables(data []byte, dir map[string]table, numGlyphs int) error {
	for _, tag := range []string{"name", "glyf"} {
		if _, ok := dir[tag]; !ok {
			return errUnusable("no " + tag + " table")
		}
	}
	// fpdf reads the OS/2 table up to the typographic descender.
	if os2, ok := dir["OS/2"]; ok && os2.len < 72 {
		return errUnusable("OS/2 table too short")
	}
	// It takes every advance as 0 unless the metric data format is 0, and
	// reads a glyph's side bearing at 2·numberOfHMetrics + 2·glyph, past the
	// table if it has no side bearings after the metrics.
	hhea := dir["hhea"].in(data)
	if u16(hhea, 32) != 0 {
		return errUnusable("unknown metric data format")
	}
	if hmtx := dir["hmtx"]; hmtx.off+2*u16(hhea, 34)+2*numGlyphs > len(data) {
		return errUnusable("hmtx table outside the file")
	}
	if err := checkNames(dir["name"].in(data)); err != nil {
		return err
	}
	if err := checkCmap(dir["cmap"].in(data), numGlyphs); err != nil {
		return err
	}
	return checkGlyphs(dir["loca"].in(data), dir["glyf"].in(data), u16(dir["head"].in(data), 50), numGlyphs)
}

// checkNames checks the name records fpdf reads and bounds the names it
// decodes (family, style, unique, full and PostScript name, Windows
// English or Mac Roman).
func checkNames(name []byte) error {
	if len(name) < 6 || 6+12*u16(name, 2) > len(name) {
		return errUnusable("name table too short")
	}
	decoded := 0
	for i := range u16(name, 2) {
		r := name[6+12*i:]
		platform, encoding, language, id := u16(r, 0), u16(r, 2), u16(r, 4), u16(r, 6)
		if platform == 3 && encoding == 1 && language == 0x409 || platform == 1 && encoding == 0 && language == 0 {
			if id >= 1 && id <= 4 || id == 6 {
				if u16(name, 4)+u16(r, 10)+u16(r, 8) > len(name) {
					return errUnusable("name outside the name table")
				}
				if decoded += u16(r, 8); decoded > maxNameBytes {
					return errUnusable("names too long")
				}
			}
		}
	}
	return nil
}

// checkCmap checks the character map fpdf uses — the first Unicode subtable
// of format 4 — as fpdf reads it: its segments cover at most 65,536
// characters in all, and each character maps to a glyph of the font.
func checkCmap(cmap []byte, numGlyphs int) error {
	var sub []byte
	for i := range u16(cmap, 2) { // sfnt.Parse checked the records lie in the table
		r := cmap[4+8*i:]
		if platform := u16(r, 0); platform != 0 && (platform != 3 || u16(r, 2) != 1) {
			continue
		}
		off := u32(r, 4)
		if off+2 > int64(len(cmap)) {
			return errUnusable("cmap subtable outside the cmap table")
		}
		if u16(cmap, int(off)) == 4 {
			sub = cmap[off:]
			break
		}
	}
	if sub == nil {
		return errUnusable("no Unicode character map of format 4")
	}
	if len(sub) < 16 {
		return errUnusable("cmap subtable too short")
	}
	length, segs := u16(sub, 2), u16(sub, 6)/2
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	if length > len(sub) || ranges+2*segs > len(sub) {
		return errUnusable("cmap subtable outside the cmap table")
	}
	chars := 0
	for s := range segs {
		if chars += max(0, u16(sub, ends+2*s)-u16(sub, starts+2*s)+1); chars > 0x10000 {
			return errUnusable("cmap segments overlap")
		}
	}
	for s := range segs {
		start, delta, rangeOffset := u16(sub, starts+2*s), u16(sub, deltas+2*s), u16(sub, ranges+2*s)
		for c := start; c <= u16(sub, ends+2*s); c++ {
			g := (c + delta) & 0xFFFF
			if rangeOffset != 0 {
				g = 0
				// fpdf takes a glyph number beyond the subtable's length as 0.
				if at := ranges + 2*s + rangeOffset + 2*(c-start); at < length {
					if at+2 > len(sub) {
						return errUnusable("cmap glyph array outside the cmap table")
					}
					if g = u16(sub, at); g != 0 {
						g = (g + delta) & 0xFFFF
					}
				}
			}
			if g >= numGlyphs {
				return errUnusable("cmap maps to a glyph the font lacks")
			}
		}
	}
	return nil
}

// checkGlyphs checks the glyph locations and composite glyphs: each glyph
// lies inside the glyf table, each component inside its glyph and names a
// glyph of the font, no composite glyph contains itself or expands to more
// than maxGlyphParts glyphs, and fpdf's copying of composite glyphs is
// bounded.
func checkGlyphs(loca, glyf []byte, locaFormat, numGlyphs int) error {
	if locaFormat > 1 {
		return errUnusable("unknown loca format")
	}
	at := func(i int) int64 { // sfnt.Parse checked the length of loca
		if locaFormat == 0 {
			return 2 * int64(u16(loca, 2*i))
		}
		return u32(loca, 4*i)
	}
	parts := make([][]int, numGlyphs) // the components of composite glyphs
	copied := int64(0)
	for g := range numGlyphs {
		from, to := at(g), at(g+1)
		if from > to || to > int64(len(glyf)) {
			return errUnusable("glyph outside the glyf table")
		}
		data := glyf[from:to]
		var err error
		if parts[g], _, err = components(data, numGlyphs); err != nil {
			return err
		}
		copied += int64(len(data)) * int64(len(parts[g]))
	}
	if copied > maxCompositeCopy {
		return errUnusable("composite glyphs too large")
	}
	// fpdf expands a composite glyph recursively, repeats and all.
	size := make([]int, numGlyphs) // glyphs g expands to; 0 unknown, -1 expanding
	var expand func(g, depth int) error
	expand = func(g, depth int) error {
		switch {
		case size[g] < 0:
			return errUnusable("composite glyph contains itself")
		case size[g] > 0:
			return nil
		case depth > maxGlyphParts:
			return errUnusable("composite glyphs nested too deep")
		}
		size[g] = -1
		n := 1
		for _, p := range parts[g] {
			if err := expand(p, depth+1); err != nil {
				return err
			}
			if n += size[p]; n > maxGlyphParts {
				return errUnusable("composite glyph expands to too many glyphs")
			}
		}
		size[g] = n
		return nil
	}
	for g := range numGlyphs {
		if err := expand(g, 0); err != nil {
			return err
		}
	}
	return nil
}

// u16 and u32 read big-endian numbers; u32 as int64 so that sums of offsets
// and lengths cannot overflow, even where int has 32 bits.
func u16(b []byte, at int) int   { return int(binary.BigEndian.Uint16(b[at:])) }
func u32(b []byte, at int) int64 { return int64(binary.BigEndian.Uint32(b[at:])) }
