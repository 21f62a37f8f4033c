package pdftext

import (
	"bytes"
	"regexp"
	"slices"
)

// Limits of a file read, against crafted files.
const (
	maxObjects     = 2_000_000  // objects in a file
	maxStreamBytes = 32 << 20   // bytes one stream decodes to
	maxTotalBytes  = 64 << 20   // bytes all streams of a file decode to, and all content run
	maxOperators   = 10_000_000 // content operators run in a file
	maxFormDraws   = 20_000     // form XObjects drawn in a file (forms drawing forms, over and over)
	maxRefChain    = 32         // references followed to reach an object
)

// file is a PDF's objects, found by scanning the file for "n g obj"
// rather than by trusting its cross-reference tables: files repaired by
// hand, cut short or updated incrementally read all the same, the object
// defined last winning.
type file struct {
	objects  map[int64]object
	trailer  dict
	crypt    *decrypter
	at       map[int64]int      // where each object is defined: the later definition wins
	decoded  map[*stream][]byte // streams decoded so far, each decoded once
	budget   int                // bytes streams may still decode to
	ops      int                // content operators run so far
	draws    int                // form XObjects drawn so far
	glyphs   int                // glyphs shown so far
	cmaps    map[*stream]*cmap  // ToUnicode maps read so far
	exceeded bool               // content was left out for its size
}

var objHeader = regexp.MustCompile(`(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b`)

// parseFile reads the objects of a PDF.
func parseFile(data []byte) (*file, error) {
	if !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return nil, errNotPDF
	}
	f := &file{objects: map[int64]object{}, budget: maxTotalBytes, at: map[int64]int{}, decoded: map[*stream][]byte{}, cmaps: map[*stream]*cmap{}}
	var objStreams []positioned
	var streams []*stream
	var trailers []positioned
	pos := 0
	for pos < len(data) {
		m := objHeader.FindSubmatchIndex(data[pos:])
		if m == nil {
			break
		}
		if len(f.objects) >= maxObjects {
			return nil, errTooComplex
		}
		num, _ := number(data[pos+m[2] : pos+m[3]])
		gen, _ := number(data[pos+m[4] : pos+m[5]])
		l := &lexer{data: data, pos: pos + m[1]}
		obj := l.object(0)
		next := l.pos
		if d, ok := obj.(dict); ok {
			l.skipSpace()
			if bytes.HasPrefix(data[l.pos:], []byte("stream")) {
				s, end := readStream(data, l.pos+len("stream"), d)
				s.ref = ref{num.(int64), gen.(int64)}
				obj, next = s, end
				streams = append(streams, s)
				if d["Type"] == name("ObjStm") {
					objStreams = append(objStreams, positioned{pos + m[0], d, s})
				}
				if d["Type"] == name("XRef") {
					trailers = append(trailers, positioned{pos + m[0], d, nil})
				}
			}
		}
		f.objects[num.(int64)] = obj
		f.at[num.(int64)] = pos + m[0]
		pos = max(next, pos+m[1])
	}
	trailers = append(trailers, classicTrailers(data)...)
	slices.SortStableFunc(trailers, func(a, b positioned) int { return a.pos - b.pos })
	for _, t := range trailers {
		f.mergeTrailer(t.dict) // later ones (incremental updates) override
	}
	if len(f.objects) == 0 {
		return nil, errNotPDF
	}
	if enc, ok := f.trailer["Encrypt"]; ok && enc != nil {
		c, err := newDecrypter(f, f.resolve(enc))
		if err != nil {
			return nil, err
		}
		f.crypt = c
	}
	for _, s := range streams {
		// A length written as a reference (LibreOffice, Ghostscript) is
		// known now: it cuts the data exactly, where the search for
		// "endstream" may have kept an end-of-line byte of the data.
		if n, ok := f.resolve(s.dict["Length"]).(int64); ok && n >= 0 && n < int64(len(s.raw)) {
			if _, direct := s.dict["Length"].(int64); !direct {
				s.raw = s.raw[:n]
			}
		}
	}
	for _, s := range objStreams {
		f.readObjStream(s.stream, s.pos)
	}
	return f, nil
}

// positioned is a trailer dictionary or an object stream, and where it
// starts in the file.
type positioned struct {
	pos    int
	dict   dict
	stream *stream
}

// classicTrailers finds the "trailer << … >>" dictionaries of the file.
func classicTrailers(data []byte) []positioned {
	var out []positioned
	for pos := 0; ; {
		i := bytes.Index(data[pos:], []byte("trailer"))
		if i < 0 {
			return out
		}
		pos += i + len("trailer")
		l := &lexer{data: data, pos: pos}
		if d, ok := l.object(0).(dict); ok {
			out = append(out, positioned{pos, d, nil})
		}
		pos = max(pos, l.pos) // each byte read once
	}
}

func (f *file) mergeTrailer(d dict) {
	if f.trailer == nil {
		f.trailer = dict{}
	}
	for _, k := range []name{"Root", "Encrypt", "ID"} {
		if v, ok := d[k]; ok {
			f.trailer[k] = v
		}
	}
}

// readStream takes a stream's bytes after the keyword "stream": /Length
// when it is direct and lands on "endstream", else up to "endstream".
func readStream(data []byte, pos int, d dict) (*stream, int) {
	if pos < len(data) && data[pos] == '\r' {
		pos++
	}
	if pos < len(data) && data[pos] == '\n' {
		pos++
	}
	if n, ok := d["Length"].(int64); ok && n >= 0 && int64(pos)+n <= int64(len(data)) {
		end := pos + int(n)
		rest := bytes.TrimLeft(data[end:min(len(data), end+32)], " \r\n\t\f\x00")
		if bytes.HasPrefix(rest, []byte("endstream")) {
			return &stream{dict: d, raw: data[pos:end]}, end
		}
	}
	i := bytes.Index(data[pos:], []byte("endstream"))
	if i < 0 {
		return &stream{dict: d, raw: data[pos:]}, len(data)
	}
	raw := data[pos : pos+i]
	raw = bytes.TrimSuffix(raw, []byte("\n"))
	raw = bytes.TrimSuffix(raw, []byte("\r")) // one end of line, which belongs to the keyword
	return &stream{dict: d, raw: raw}, pos + i
}

// readObjStream adds the objects an object stream at offset at holds
// (PDF 1.5), but for those defined later in the file: an incremental
// update's object overrides the stream's, the stream's overrides earlier
// ones.
func (f *file) readObjStream(s *stream, at int) {
	data, err := f.decode(s)
	if err != nil {
		return
	}
	n, _ := s.dict["N"].(int64)
	first, _ := s.dict["First"].(int64)
	if n <= 0 || n > maxObjects || first < 0 || first > int64(len(data)) {
		return
	}
	type entry struct{ num, off int64 }
	var entries []entry
	l := &lexer{data: data[:first]}
	for range n {
		num, ok1 := l.next().(int64)
		off, ok2 := l.next().(int64)
		if !ok1 || !ok2 || off < 0 || first+off >= int64(len(data)) {
			break
		}
		entries = append(entries, entry{num, first + off})
	}
	// Each object is read within its own stretch, up to the next offset,
	// and each offset once: offsets crafted to overlap cost nothing more.
	offsets := make([]int64, 0, len(entries))
	for _, e := range entries {
		offsets = append(offsets, e.off)
	}
	slices.Sort(offsets)
	offsets = slices.Compact(offsets)
	read := map[int64]object{}
	for _, e := range entries {
		if prev, defined := f.at[e.num]; defined && prev > at {
			continue
		}
		if len(f.objects) >= maxObjects {
			return
		}
		o, ok := read[e.off]
		if !ok {
			i, _ := slices.BinarySearch(offsets, e.off)
			end := int64(len(data))
			if i+1 < len(offsets) {
				end = offsets[i+1]
			}
			ol := &lexer{data: data[:end], pos: int(e.off)}
			o = ol.object(0)
			read[e.off] = o
		}
		f.objects[e.num] = o
		f.at[e.num] = at
	}
}

// resolve follows references to the object they name; null for a
// reference to nothing, as the standard says.
func (f *file) resolve(o object) object {
	for range maxRefChain {
		r, ok := o.(ref)
		if !ok {
			return o
		}
		o = f.objects[r.num]
	}
	return nil
}

// dictOf resolves o to a dictionary (a stream's dictionary for a stream).
func (f *file) dictOf(o object) dict {
	switch v := f.resolve(o).(type) {
	case dict:
		return v
	case *stream:
		return v.dict
	}
	return nil
}

func (f *file) arrayOf(o object) array {
	a, _ := f.resolve(o).(array)
	return a
}

func (f *file) num(o object) (float64, bool) {
	switch v := f.resolve(o).(type) {
	case int64:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}

// streamData decodes the stream o resolves to; nil when it is none or
// cannot be decoded.
func (f *file) streamData(o object) []byte {
	s, ok := f.resolve(o).(*stream)
	if !ok {
		return nil
	}
	if data, ok := f.decoded[s]; ok {
		return data
	}
	data, _ := f.decode(s)
	f.decoded[s] = data
	return data
}
