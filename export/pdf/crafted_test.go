package pdf

import (
	"bytes"
	"encoding/binary"
	"maps"
	"slices"

	"nianbao/assets"
)

// Font files crafted to break a font reader, each made from the bundled
// font: for extractTTC, for fpdf's TrueType reader, and some that do both.

// crafted returns the crafted font files by name.
func crafted() map[string][]byte {
	font := assets.UIFont
	numGlyphs := bundledFace().loadCmap().numGlyphs
	guo := glyphOf('国')
	edit := func(change func(t map[string][]byte), last ...string) []byte {
		t := sfntTables(font)
		change(t)
		return sfntBuild(t, last...)
	}
	ttc := func(change func(font []byte)) []byte {
		c := collection(font)
		change(c[12+4+12:]) // the first font's table records
		return c
	}
	return map[string][]byte{
		// 65,535 table records, each the whole file: 68.7 GB to copy.
		"65535 tables.ttc":          manyTables(),
		"overlapping tables.ttc":    ttc(func(recs []byte) { copy(recs[16+8:16+12], recs[8:12]) }),
		"table twice.ttc":           ttc(func(recs []byte) { copy(recs[16:16+4], recs[:4]) }),
		"table offset overflow.ttc": ttc(func(recs []byte) { put32(recs[8:], 0x7FFFFFF0); put32(recs[12:], 0x7FFFFFF0) }),
		"font offset overflow.ttc": func() []byte {
			c := collection(font)
			put32(c[12:], 0xFFFFFFFC)
			return c
		}(),
		"truncated.ttc": collection(font)[:len(font)/2],
		"truncated.ttf": font[:len(font)/2],

		// fpdf panics.
		"no name table.ttf": edit(func(t map[string][]byte) { delete(t, "name") }),
		"short OS2 at the end.ttf": edit(func(t map[string][]byte) {
			t["OS/2"] = t["OS/2"][:68]
			put16(t["OS/2"], 1) // version 1, 68 bytes are enough for sfnt
		}, "OS/2"),
		"short hmtx at the end.ttf": edit(func(t map[string][]byte) {
			put16(t["hhea"][34:], 1)
			t["hmtx"] = t["hmtx"][:4]
		}, "hmtx"),
		"metric data format 1.ttf": edit(func(t map[string][]byte) { put16(t["hhea"][32:], 1) }), // every advance 0
		"loca format 2.ttf":        edit(func(t map[string][]byte) { put16(t["head"][50:], 2) }),
		"loca backwards.ttf": edit(func(t map[string][]byte) {
			put32(t["loca"][4*(guo+1):], uint32(u32(t["loca"], 4*guo)-1))
		}),
		"cmap beyond the glyphs.ttf":      withCmap([]segment{{'国', '国', uint16(numGlyphs + 5 - '国')}, {0xFFFF, 0xFFFF, 1}}),
		"composite beyond the glyphs.ttf": withGlyphs(func(g [][]byte) { g[guo] = composite(numGlyphs + 5) }),

		// fpdf without end: appending 32,767 × 65,535 characters (16 GB),
		// recursing until the stack overflows, 2⁶⁰ steps, and decoding
		// 65,535 names of 32,767 characters one character at a time.
		"overlapping cmap segments.ttf": withCmap(append(slices.Repeat([]segment{{0, 0xFFFE, 0}}, 32766), segment{0xFFFF, 0xFFFF, 1})),
		"composite of itself.ttf":       withGlyphs(func(g [][]byte) { g[guo] = composite(guo) }),
		"composites doubling.ttf": withGlyphs(func(g [][]byte) {
			for i := 2; i < 60; i++ {
				g[i] = composite(i-1, i-1)
			}
			g[guo] = composite(59, 59)
		}),
		"names built forever.ttf": edit(func(t map[string][]byte) { t["name"] = slowNames() }),
	}
}

// manyTables is a collection whose font has 65,535 tables, each the whole
// file.
func manyTables() []byte {
	const n = 65535
	size := 12 + 4 + 12 + 16*n
	c := make([]byte, size)
	copy(c, "ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10")
	put32(c[16:], 0x00010000)
	put16(c[20:], n)
	for i := range n {
		rec := c[28+16*i:]
		put32(rec, uint32(i))
		put32(rec[12:], uint32(size))
	}
	return c
}

// slowNames is a name table of 65,535 records of the family name, each
// 32,767 characters long: the bytes of the records themselves.
func slowNames() []byte {
	const n = 65535
	name := make([]byte, 6+12*n)
	put16(name[2:], n)
	put16(name[4:], 6)
	for i := range n {
		r := name[6+12*i:]
		put16(r, 3)
		put16(r[2:], 1)
		put16(r[4:], 0x409)
		put16(r[6:], 1)
		put16(r[8:], 65534)
	}
	return name
}

// glyphOf returns the bundled font's glyph for r, 0 if none.
func glyphOf(r rune) int {
	return bundledFace().glyph(r)
}

// composite is a composite glyph of the given glyphs.
func composite(parts ...int) []byte {
	g := make([]byte, 10, 10+6*len(parts))
	put16(g, 0xFFFF) // -1 contours
	for i, p := range parts {
		flags := uint16(0)
		if i < len(parts)-1 {
			flags = 0x20 // more components
		}
		g = binary.BigEndian.AppendUint16(g, flags)
		g = binary.BigEndian.AppendUint16(g, uint16(p))
		g = append(g, 0, 0) // x and y offsets of a byte each
	}
	return g
}

// withGlyphs is the bundled font (long loca offsets) with its glyphs
// changed by edit.
func withGlyphs(edit func(glyphs [][]byte)) []byte {
	t := sfntTables(assets.UIFont)
	glyphs := make([][]byte, len(t["loca"])/4-1)
	for i := range glyphs {
		glyphs[i] = t["glyf"][u32(t["loca"], 4*i):u32(t["loca"], 4*i+4)]
	}
	edit(glyphs)
	var glyf, loca []byte
	for _, g := range glyphs {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		glyf = append(glyf, g...)
	}
	t["loca"], t["glyf"] = binary.BigEndian.AppendUint32(loca, uint32(len(glyf))), glyf
	return sfntBuild(t)
}

// segment is a segment of a cmap of format 4, without glyph array.
type segment struct{ start, end, delta uint16 }

// withCmap is the bundled font with a character map of format 4 made of
// segs, which fpdf read, and after it one of format 12 with the font's
// own mapping, which our reader prefers, and aliases: characters printed
// with the glyph of another.
func withCmap(segs []segment, aliases ...[2]rune) []byte {
	n := len(segs)
	f4 := make([]byte, 16+8*n)
	put16(f4, 4)
	put16(f4[2:], uint16(len(f4))) // the low 16 bits, as in large real ones
	put16(f4[6:], uint16(2*n))
	for i, s := range segs {
		put16(f4[14+2*i:], s.end)
		put16(f4[16+2*n+2*i:], s.start)
		put16(f4[16+4*n+2*i:], s.delta)
	}
	var groups [][3]uint32 // first and last character, first glyph
	for r := range rune(0x10000) {
		g := uint32(glyphOf(r))
		if last := len(groups) - 1; g != 0 && last >= 0 && groups[last][1]+1 == uint32(r) && groups[last][2]+uint32(r)-groups[last][0] == g {
			groups[last][1]++
		} else if g != 0 {
			groups = append(groups, [3]uint32{uint32(r), uint32(r), g})
		}
	}
	for _, a := range aliases {
		groups = append(groups, [3]uint32{uint32(a[0]), uint32(a[0]), uint32(glyphOf(a[1]))})
	}
	f12 := make([]byte, 16, 16+12*len(groups))
	put16(f12, 12)
	put32(f12[4:], uint32(16+12*len(groups)))
	put32(f12[12:], uint32(len(groups)))
	for _, g := range groups {
		f12 = binary.BigEndian.AppendUint32(f12, g[0])
		f12 = binary.BigEndian.AppendUint32(f12, g[1])
		f12 = binary.BigEndian.AppendUint32(f12, g[2])
	}
	cmap := make([]byte, 20)
	put16(cmap[2:], 2)
	put16(cmap[4:], 0) // Unicode BMP, which fpdf takes
	put16(cmap[6:], 3)
	put32(cmap[8:], 20)
	put16(cmap[12:], 3) // Windows UCS-4, which sfnt prefers
	put16(cmap[14:], 10)
	put32(cmap[16:], uint32(20+len(f4)))
	t := sfntTables(assets.UIFont)
	t["cmap"] = append(append(cmap, f4...), f12...)
	return sfntBuild(t)
}

// sfntTables splits a TrueType font into copies of its tables.
func sfntTables(font []byte) map[string][]byte {
	t := map[string][]byte{}
	for tag, tb := range tableDir(font) {
		t[tag] = bytes.Clone(tb.in(font))
	}
	return t
}

// sfntBuild lays tables out as a TrueType font: the directory in tag order,
// the tables too but for those in last, which end the file in that order.
func sfntBuild(tables map[string][]byte, last ...string) []byte {
	tags := slices.Sorted(maps.Keys(tables))
	order := append(slices.DeleteFunc(slices.Clone(tags), func(tag string) bool { return slices.Contains(last, tag) }), last...)
	out := make([]byte, 12+16*len(tags))
	put32(out, 0x00010000)
	put16(out[4:], uint16(len(tags)))
	at := map[string]int{}
	for _, tag := range order {
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		at[tag] = len(out)
		out = append(out, tables[tag]...)
	}
	for i, tag := range tags {
		rec := out[12+16*i:]
		copy(rec, tag)
		put32(rec[8:], uint32(at[tag]))
		put32(rec[12:], uint32(len(tables[tag])))
	}
	return out
}

func put16(b []byte, v uint16) { binary.BigEndian.PutUint16(b, v) }
func put32(b []byte, v uint32) { binary.BigEndian.PutUint32(b, v) }
