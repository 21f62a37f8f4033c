package pdf

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf16"

	"nianbao/forms/safefile"
)

// face is one TrueType font of a file or of the bundled data. It is read in
// parts, as needed: the table directory, names and embedding permission
// when it is found; the character map (through sfnt) when a character is
// looked up; and of the glyph outlines only those a document prints, when
// a subset is made (subset.go). A font file of 20 MB costs a few hundred
// kilobytes of memory, and no time in proportion to its size.
type face struct {
	name     string   // family name for messages: the Chinese one where the font has one
	families []string // every family name, in every language, for choosing by role
	psName   string   // PostScript name, which the PDF names the font by
	path     string   // "" for bundled data
	index    int      // the font's number in a collection
	src      io.ReaderAt
	dir      map[string]table // absolute offsets in src

	once sync.Once
	cmap *cmap

	probeOnce sync.Once
	probeErr  error

	mu     sync.Mutex
	tables map[string][]byte // read by tableAtLeast
	broken map[rune]bool     // characters whose glyphs a subset found broken
}

// maxTables bounds a font's table directory (real fonts have about 20).
const maxTables = 256

// readFace reads the table directory, names and embedding permission of
// font number index of a font file (or collection) of size bytes. Every
// offset is bounded by size; a font the PDF cannot use (CFF outlines,
// embedding forbidden) is refused.
func readFace(src io.ReaderAt, size int64, index int) (*face, error) {
	head, err := readAt(src, size, 0, 12)
	if err != nil {
		return nil, err
	}
	off := int64(0)
	if string(head[:4]) == "ttcf" {
		if index < 0 || int64(index) >= u32(head, 8) {
			return nil, errUnusable("no such font in the collection")
		}
		rec, err := readAt(src, size, 12+4*int64(index), 4)
		if err != nil {
			return nil, err
		}
		off = u32(rec, 0)
		if head, err = readAt(src, size, off, 12); err != nil {
			return nil, err
		}
	} else if index != 0 {
		return nil, errUnusable("no such font in the file")
	}
	if tag := binary.BigEndian.Uint32(head); tag != 0x00010000 && tag != 0x74727565 { // 'true'
		return nil, errUnusable("not TrueType outlines")
	}
	n := u16(head, 4)
	if n > maxTables {
		return nil, errUnusable("too many tables")
	}
	recs, err := readAt(src, size, off+12, 16*n)
	if err != nil {
		return nil, err
	}
	f := &face{index: index, src: src, dir: make(map[string]table, n)}
	for i := range n {
		r := recs[16*i:]
		tag, at, length := string(r[:4]), u32(r, 8), u32(r, 12)
		if _, twice := f.dir[tag]; twice || at+length > size {
			return nil, errUnusable("bad table directory")
		}
		f.dir[tag] = table{int(at), int(length)}
	}
	for _, tag := range []string{"head", "hhea", "hmtx", "maxp", "cmap", "loca", "glyf"} {
		if _, ok := f.dir[tag]; !ok {
			return nil, errUnusable("no " + tag + " table")
		}
	}
	if os2, err := f.table("OS/2", 10); err == nil && u16(os2, 8)&0x000f == 0x0002 {
		return nil, errUnusable("embedding not allowed")
	}
	if names, err := f.table("name", maxNameTable); err == nil {
		f.readNames(names)
	}
	return f, nil
}

// maxNameTable bounds the name table read (the largest seen, with a
// licence text in it, is 30 KB).
const maxNameTable = 1 << 20

// readAt reads n bytes at off of a source of size bytes.
func readAt(src io.ReaderAt, size, off int64, n int) ([]byte, error) {
	if off < 0 || off+int64(n) > size {
		return nil, errUnusable("outside the file")
	}
	b := make([]byte, n)
	if _, err := src.ReadAt(b, off); err != nil {
		return nil, err
	}
	return b, nil
}

// table reads a table, at most its first limit bytes.
func (f *face) table(tag string, limit int) ([]byte, error) {
	t, ok := f.dir[tag]
	if !ok {
		return nil, errUnusable("no " + tag + " table")
	}
	if t.len > limit {
		t.len = limit
	}
	b := make([]byte, t.len)
	if _, err := f.src.ReadAt(b, int64(t.off)); err != nil {
		return nil, err
	}
	return b, nil
}

// readNames takes the family names (IDs 1 and 16, every platform and
// language) and the PostScript name (ID 6) from a name table.
func (f *face) readNames(name []byte) {
	if len(name) < 6 {
		return
	}
	count, strings0 := u16(name, 2), u16(name, 4)
	decoded := 0 // bytes, bounded as fpdf's names are (check.go)
	for i := 0; i < count && 6+12*i+12 <= len(name) && decoded <= maxNameBytes; i++ {
		r := name[6+12*i:]
		platform, encoding, id := u16(r, 0), u16(r, 2), u16(r, 6)
		from := strings0 + u16(r, 10)
		to := from + u16(r, 8)
		if to > len(name) || id != 1 && id != 16 && id != 6 {
			continue
		}
		decoded += to - from
		var s string
		switch {
		case platform == 3 || platform == 0:
			s = decodeUTF16(name[from:to])
		case platform == 1 && encoding == 0 && isASCII(name[from:to]):
			s = string(name[from:to])
		default:
			continue
		}
		s = strings.TrimSpace(s)
		switch {
		case s == "":
		case id == 6:
			if f.psName == "" {
				f.psName = s
			}
		case !containsFold(f.families, s):
			f.families = append(f.families, s)
			// The Chinese name (仿宋_GB2312) is the one offices know.
			if f.name == "" || !isASCII([]byte(s)) && isASCII([]byte(f.name)) {
				f.name = s
			}
		}
	}
}

func decodeUTF16(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.BigEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

func isASCII(b []byte) bool {
	return bytes.IndexFunc(b, func(r rune) bool { return r >= 0x80 }) < 0
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// maxCmap bounds the character map subtable read (a font of every
// Unicode character needs about 1 MB).
const maxCmap = 4 << 20

// loadCmap reads the face's Unicode character map, once: the full
// repertoire subtable (format 12) if it has one, else the BMP one (format
// 4). Lookups binary-search it, bounded by its length.
func (f *face) loadCmap() *cmap {
	f.once.Do(func() {
		f.cmap = &cmap{}
		maxp, err := f.tableAtLeast("maxp", 6, 6)
		if err != nil {
			return
		}
		f.cmap.numGlyphs = u16(maxp, 4)
		t := f.dir["cmap"]
		hdr, err := f.table("cmap", 4)
		if err != nil || len(hdr) < 4 {
			return
		}
		n := u16(hdr, 2)
		recs, err := f.table("cmap", 4+8*n)
		if err != nil || len(recs) < 4+8*n {
			return
		}
		best, bestFormat := int64(-1), 0
		for i := range n {
			r := recs[4+8*i:]
			platform, encoding, off := u16(r, 0), u16(r, 2), u32(r, 4)
			if platform != 0 && !(platform == 3 && (encoding == 1 || encoding == 10)) || off+8 > int64(t.len) {
				continue
			}
			b := make([]byte, 2)
			if _, err := f.src.ReadAt(b, int64(t.off)+off); err != nil {
				continue
			}
			if format := u16(b, 0); format == 12 || format == 4 && bestFormat != 12 {
				best, bestFormat = off, format
			}
		}
		if best < 0 {
			return
		}
		var length int64
		if bestFormat == 12 {
			b := make([]byte, 8)
			f.src.ReadAt(b, int64(t.off)+best)
			length = u32(b, 4)
		} else {
			b := make([]byte, 4)
			f.src.ReadAt(b, int64(t.off)+best)
			length = int64(u16(b, 2))
		}
		if length > maxCmap || best+length > int64(t.len) {
			return
		}
		sub := make([]byte, length)
		if _, err := f.src.ReadAt(sub, int64(t.off)+best); err != nil {
			return
		}
		f.cmap.format, f.cmap.data = bestFormat, sub
	})
	return f.cmap
}

// cmap is a character map subtable of format 4 or 12.
type cmap struct {
	format, numGlyphs int
	data              []byte
}

// glyph returns the glyph of r, or 0.
func (c *cmap) glyph(r rune) int {
	d := c.data
	g := 0
	switch {
	case c.format == 12 && len(d) >= 16:
		n := min(int(u32(d, 12)), (len(d)-16)/12)
		i := sort.Search(n, func(i int) bool { return u32(d, 16+12*i+4) >= int64(r) })
		if i < n && u32(d, 16+12*i) <= int64(r) {
			g = int(u32(d, 16+12*i+8) + int64(r) - u32(d, 16+12*i))
		}
	case c.format == 4 && len(d) >= 14 && r <= 0xFFFF:
		segs := u16(d, 6) / 2
		if 16+8*segs > len(d) {
			return 0
		}
		i := sort.Search(segs, func(i int) bool { return u16(d, 14+2*i) >= int(r) })
		if i == segs {
			return 0
		}
		start, delta, rangeOff := u16(d, 16+2*segs+2*i), u16(d, 16+4*segs+2*i), u16(d, 16+6*segs+2*i)
		if int(r) < start {
			return 0
		}
		if rangeOff == 0 {
			g = (int(r) + delta) & 0xFFFF
		} else if at := 16 + 6*segs + 2*i + rangeOff + 2*(int(r)-start); at+2 <= len(d) {
			if g = u16(d, at); g != 0 {
				g = (g + delta) & 0xFFFF
			}
		}
	}
	if g < 0 || g >= c.numGlyphs {
		return 0
	}
	return g
}

// glyph returns the glyph of r in the face, or 0.
func (f *face) glyph(r rune) int { return f.loadCmap().glyph(r) }

// has reports whether the font has a usable glyph for r.
func (f *face) has(r rune) bool {
	if f.glyph(r) == 0 {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return !f.broken[r]
}

// usable reports whether a subset of the face passes the checks, trying a
// few common characters it has, once: a face whose glyphs of these are
// broken is not used at all.
func (f *face) usable() bool {
	f.probeOnce.Do(func() {
		var probe []rune
		for _, r := range "国中一0A" {
			if f.has(r) {
				probe = append(probe, r)
			}
		}
		_, f.probeErr = f.subset(probe)
		for _, r := range probe {
			if f.probeErr == nil && !f.has(r) {
				f.probeErr = errUnusable(fmt.Sprintf("glyph of %q broken", r))
			}
		}
	})
	return f.probeErr == nil
}

// openFace opens font number index of a font file for reading in parts:
// only a regular file of at most maxFontFile bytes, opened without
// blocking. The file stays open while the face is in use.
func openFace(path string, index int) (*face, error) {
	file, size, err := safefile.OpenLimited(path, maxFontFile, "file.tooLarge")
	if err != nil {
		return nil, err
	}
	f, err := readFace(file, size, index)
	if err != nil {
		file.Close()
		return nil, err
	}
	f.path = path
	return f, nil
}

// bytesFace reads a face of font data in memory.
func bytesFace(data []byte, index int) (*face, error) {
	return readFace(bytes.NewReader(data), int64(len(data)), index)
}

// pdfName is the name the PDF gives a font: its PostScript name, of the
// characters a PDF name may hold unescaped.
func (f *face) pdfName() string {
	name := f.psName
	if name == "" && len(f.families) > 0 {
		name = f.families[0]
	}
	name = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return -1
	}, name)
	if name == "" {
		name = "Font"
	}
	return name
}

// em converts font units to ems as the PDF library does: in thousandths.
func em(units, unitsPerEm int) float64 {
	return math.Round(1000*float64(units)/float64(unitsPerEm)) / 1000
}
