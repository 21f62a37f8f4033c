package pdftext

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// font decodes the strings a font shows into text and widths.
type font struct {
	space   []codeRange     // a composite font's code space, from its embedded CMap
	twoByte bool            // a composite font: codes of two bytes unless said otherwise
	ident   bool            // Identity-H or -V: codes are two bytes, whatever ToUnicode declares
	gbk     bool            // codes are GBK (the GB-EUC CMaps): one or two bytes
	ucs2    bool            // codes are UCS-2/UTF-16 (UniGB-UCS2-H, UniGB-UTF16-H)
	toUni   *cmap           // the font's ToUnicode map, when it has one
	simple  [256]string     // a simple font's text of each code, from its encoding
	widths  map[int]float64 // advance of each code (CID for Type0), in 1/1000 em
	dw      float64         // width of codes not in widths
	scale   float64         // text space units per width unit: 1/1000, or a Type3 font's matrix
}

// glyphCode is one code of a shown string.
type glyphCode struct {
	code  int
	text  string
	width float64 // in text space units (of a 1-unit font size)
	space bool    // the single-byte code 32, which word spacing widens
}

// loadFont reads the font dictionary o.
func (f *file) loadFont(o object) *font {
	d := f.dictOf(o)
	ft := &font{widths: map[int]float64{}, scale: 0.001, dw: 1000}
	if d == nil {
		for c := range 256 {
			ft.simple[c] = string(rune(c))
		}
		ft.dw = 500
		return ft
	}
	if s, ok := f.resolve(d["ToUnicode"]).(*stream); ok {
		if ft.toUni = f.cmaps[s]; ft.toUni == nil {
			if data := f.streamData(s); data != nil {
				ft.toUni = parseCMap(data)
				f.cmaps[s] = ft.toUni
			}
		}
	}
	switch d["Subtype"] {
	case name("Type0"):
		ft.loadType0(f, d)
	default:
		ft.loadSimple(f, d)
	}
	return ft
}

func (ft *font) loadType0(f *file, d dict) {
	ft.twoByte = true
	switch enc := f.resolve(d["Encoding"]).(type) {
	case name:
		s := string(enc)
		switch {
		case strings.HasPrefix(s, "Identity"):
			ft.ident = true
		case strings.Contains(s, "UCS2") || strings.Contains(s, "UTF16"):
			ft.ucs2 = true
		case strings.HasPrefix(s, "GBK") || strings.HasPrefix(s, "GB-EUC") || strings.HasPrefix(s, "GBpc-EUC"):
			ft.gbk, ft.twoByte = true, false // GBK and its GB 2312 subset; not GBT (GB/T 12345, traditional)
		}
	case *stream:
		// An embedded CMap: its code space gives the code lengths; the
		// ToUnicode map gives the text.
		if data := f.streamData(enc); data != nil {
			ft.space = parseCMap(data).space
		}
	}
	desc := f.arrayOf(d["DescendantFonts"])
	if len(desc) == 0 {
		return
	}
	cid := f.dictOf(desc[0])
	if w, ok := f.num(cid["DW"]); ok {
		ft.dw = w
	}
	w := f.arrayOf(cid["W"])
	for i := 0; i+1 < len(w) && len(ft.widths) < 1<<17; {
		first, ok := f.num(w[i])
		if !ok {
			return
		}
		if list := f.arrayOf(w[i+1]); list != nil {
			for k, x := range list {
				if v, ok := f.num(x); ok {
					ft.widths[int(first)+k] = v
				}
			}
			i += 2
			continue
		}
		if i+2 >= len(w) {
			return
		}
		last, _ := f.num(w[i+1])
		v, _ := f.num(w[i+2])
		for c := int(first); c <= int(last) && c-int(first) < 1<<16 && len(ft.widths) < 1<<17; c++ {
			ft.widths[c] = v
		}
		i += 3
	}
}

func (ft *font) loadSimple(f *file, d dict) {
	base := charmap.Windows1252
	enc := f.resolve(d["Encoding"])
	if ed, ok := enc.(dict); ok {
		enc = f.resolve(ed["BaseEncoding"])
	}
	if enc == name("MacRomanEncoding") {
		base = charmap.Macintosh
	}
	for c := range 256 {
		ft.simple[c] = string(base.DecodeByte(byte(c)))
	}
	if ed := f.dictOf(d["Encoding"]); ed != nil {
		code := 0
		for _, x := range f.arrayOf(ed["Differences"]) {
			switch v := f.resolve(x).(type) {
			case int64:
				code = int(v)
			case name:
				if code >= 0 && code < 256 {
					if s, ok := glyphText(string(v)); ok {
						ft.simple[code] = s
					}
				}
				code++
			}
		}
	}
	first, _ := f.num(d["FirstChar"])
	for i, x := range f.arrayOf(d["Widths"]) {
		if v, ok := f.num(x); ok && i < 256 {
			ft.widths[int(first)+i] = v
		}
	}
	ft.dw = 500
	if d["Subtype"] == name("Type3") {
		if m := f.arrayOf(d["FontMatrix"]); len(m) == 6 {
			if a, ok := f.num(m[0]); ok && a != 0 {
				ft.scale = a
			}
		}
	}
}

// glyphNames are the names of the Adobe glyph list a report's simple
// fonts use beyond the uniXXXX forms.
var glyphNames = map[string]string{
	"space": " ", "period": ".", "comma": ",", "hyphen": "-", "minus": "-", "percent": "%",
	"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4",
	"five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
	"colon": ":", "semicolon": ";", "slash": "/", "parenleft": "(", "parenright": ")",
	"bar": "|", "underscore": "_", "plus": "+", "equal": "=",
}

// glyphText is the text of a glyph name: uniXXXX, uXXXX[XX], the names
// above, and a single letter.
func glyphText(n string) (string, bool) {
	if s, ok := glyphNames[n]; ok {
		return s, true
	}
	if h, ok := strings.CutPrefix(n, "uni"); ok && len(h) >= 4 && len(h)%4 == 0 {
		var rs []rune
		for i := 0; i < len(h); i += 4 {
			v, err := strconv.ParseUint(h[i:i+4], 16, 16)
			if err != nil {
				return "", false
			}
			rs = append(rs, rune(v))
		}
		return string(rs), true
	}
	if h, ok := strings.CutPrefix(n, "u"); ok && len(h) >= 4 && len(h) <= 6 {
		if v, err := strconv.ParseUint(h, 16, 32); err == nil {
			return string(rune(v)), true
		}
	}
	if len(n) == 1 && (n[0] >= 'A' && n[0] <= 'Z' || n[0] >= 'a' && n[0] <= 'z') {
		return n, true
	}
	return "", false
}

// decode splits a shown string into its codes.
// A simple font's codes are one byte; a composite font's as its CMap
// says: an embedded CMap's code space, two bytes for Identity and UCS-2
// (four for a UTF-16 surrogate pair), one or two for GBK, else the code
// space the ToUnicode map declares.
func (ft *font) decode(s []byte) []glyphCode {
	var out []glyphCode
	for i := 0; i < len(s); {
		n := 1
		switch {
		case !ft.twoByte && !ft.gbk && len(ft.space) == 0:
			// a simple font
		case len(ft.space) > 0:
			n = codeLen(ft.space, s[i:])
		case ft.gbk:
			if s[i] >= 0x81 && i+1 < len(s) {
				n = 2
			}
		case ft.ucs2:
			n = 2
			if s[i]&0xFC == 0xD8 && i+3 < len(s) && s[i+2]&0xFC == 0xDC {
				n = 4
			}
		case ft.ident:
			n = 2
		case ft.toUni != nil && len(ft.toUni.space) > 0:
			n = codeLen(ft.toUni.space, s[i:])
		default:
			n = 2
		}
		n = min(n, len(s)-i)
		code := 0
		for _, b := range s[i : i+n] {
			code = code<<8 | int(b)
		}
		g := glyphCode{code: code, space: n == 1 && code == 32}
		g.text = ft.text(s[i:i+n], code)
		w, ok := ft.widths[code]
		if !ok {
			w = ft.dw
		}
		g.width = w * ft.scale
		out = append(out, g)
		i += n
	}
	return out
}

func (ft *font) text(b []byte, code int) string {
	if ft.toUni != nil {
		if t, ok := ft.toUni.lookup(code, len(b)); ok {
			return t
		}
	}
	switch {
	case ft.ucs2:
		return utf16BE(b)
	case ft.gbk:
		t, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
		if err == nil {
			return string(t)
		}
		return ""
	case ft.twoByte:
		return "" // an Identity font without a ToUnicode map: nothing to read
	}
	return ft.simple[code&0xff]
}

// cmap is a ToUnicode (or encoding) CMap: its code space and mappings.
type cmap struct {
	space  []codeRange
	single map[int]string
	ranges []bfRange
}

type codeRange struct {
	n      int // bytes
	lo, hi int
}

type bfRange struct {
	n      int
	lo, hi int
	base   []rune   // the text of lo; later codes add to the last rune
	list   []string // or one text per code
}

// codeLen is the length of the code starting s, by the code space.
func codeLen(space []codeRange, s []byte) int {
	for n := 1; n <= 4 && n <= len(s); n++ {
		v := 0
		for _, b := range s[:n] {
			v = v<<8 | int(b)
		}
		for _, r := range space {
			if r.n == n && v >= r.lo && v <= r.hi {
				return n
			}
		}
	}
	return space[0].n
}

// lookup finds the text of a code of n bytes: its bfchar, else the range
// holding it (ranges sorted by their first code, so found by search).
func (c *cmap) lookup(code, n int) (string, bool) {
	if t, ok := c.single[code<<3|n]; ok {
		return t, true
	}
	i, _ := slices.BinarySearchFunc(c.ranges, code+1, func(r bfRange, v int) int { return cmp.Compare(r.lo, v) })
	for k := i - 1; k >= 0 && k >= i-16; k-- { // ranges rarely overlap; look at a few
		r := c.ranges[k]
		if r.n != n || code < r.lo || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.list != nil {
			if off < len(r.list) {
				return r.list[off], true
			}
			return "", false
		}
		rs := append([]rune{}, r.base...)
		rs[len(rs)-1] += rune(off)
		return string(rs), true
	}
	return "", false
}

// parseCMap reads the parts of a CMap that map codes: codespacerange,
// bfchar and bfrange. Ranges are kept as ranges, so a crafted map of a
// range over all codes costs nothing.
func parseCMap(data []byte) *cmap {
	c := &cmap{single: map[int]string{}}
	l := &lexer{data: data}
	var operands []object
	for {
		tok := l.next()
		if _, end := tok.(endOfData); end {
			break
		}
		kw, ok := tok.(keyword)
		if !ok || kw == "[" || kw == "<<" {
			if ok {
				tok = l.complete(tok, 0)
			}
			if len(operands) < 3*10000 {
				operands = append(operands, tok)
			}
			continue
		}
		switch kw {
		case "endcodespacerange":
			for i := 0; i+1 < len(operands); i += 2 {
				lo, _ := operands[i].([]byte)
				hi, _ := operands[i+1].([]byte)
				if len(lo) > 0 && len(lo) <= 4 && len(hi) == len(lo) && len(c.space) < 64 {
					c.space = append(c.space, codeRange{len(lo), codeOf(lo), codeOf(hi)})
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(operands); i += 2 {
				src, _ := operands[i].([]byte)
				dst, _ := operands[i+1].([]byte)
				if len(src) > 0 && len(src) <= 4 {
					c.single[codeOf(src)<<3|len(src)] = utf16BE(dst)
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(operands); i += 3 {
				lo, _ := operands[i].([]byte)
				hi, _ := operands[i+1].([]byte)
				if len(lo) == 0 || len(lo) > 4 || len(hi) != len(lo) || codeOf(hi) < codeOf(lo) {
					continue
				}
				r := bfRange{n: len(lo), lo: codeOf(lo), hi: codeOf(hi)}
				switch dst := operands[i+2].(type) {
				case []byte:
					r.base = []rune(utf16BE(dst))
					if len(r.base) == 0 {
						continue
					}
				case array:
					for _, x := range dst {
						b, _ := x.([]byte)
						r.list = append(r.list, utf16BE(b))
					}
				default:
					continue
				}
				if len(c.ranges) < 1<<16 {
					c.ranges = append(c.ranges, r)
				}
			}
		}
		operands = operands[:0]
	}
	slices.SortStableFunc(c.ranges, func(a, b bfRange) int { return cmp.Compare(a.lo, b.lo) })
	return c
}

func codeOf(b []byte) int {
	v := 0
	for _, x := range b {
		v = v<<8 | int(x)
	}
	return v
}

// maxMapped bounds the text one code maps to, in bytes of UTF-16: a
// ligature is a few letters, not a page.
const maxMapped = 32

func utf16BE(b []byte) string {
	b = b[:min(len(b), maxMapped)]
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	if len(b) == 1 {
		return string(rune(b[0]))
	}
	return string(utf16.Decode(u))
}
