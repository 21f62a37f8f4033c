package pdftext

import (
	"bytes"
	"regexp"
	"slices"
)

// Limits of a file read, against crafted files.
const (
	maxObjects     = 2_000_000 // objects in a file
	maxStreamBytes = 64 << 20  // bytes one stream decodes to
	maxTotalBytes  = 256 << 20 // bytes all streams of a file decode to
	maxRefChain    = 32        // references followed to reach an object
)

// file is a PDF's objects, found by scanning the file for "n g obj"
// rather than by trusting its cross-reference tables: files repaired by
// hand, cut short or updated incrementally read all the same, the object
// defined last winning.
type file struct {
	objects  map[int64]object
	trailer  dict
	crypt    *decrypter
	budget   int  // bytes streams may still decode to
	exceeded bool // a stream was left out for its size
}

var objHeader = regexp.MustCompile(`(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b`)

// parseFile reads the objects of a PDF.
func parseFile(data []byte) (*file, error) {
	if !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return nil, errNotPDF
	}
	f := &file{objects: map[int64]object{}, budget: maxTotalBytes}
	var objStreams []*stream
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
				if d["Type"] == name("ObjStm") {
					objStreams = append(objStreams, s)
				}
				if d["Type"] == name("XRef") {
					trailers = append(trailers, positioned{pos + m[0], d})
				}
			}
		}
		f.objects[num.(int64)] = obj
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
	for _, s := range objStreams {
		f.readObjStream(s)
	}
	return f, nil
}

// positioned is a trailer dictionary and where it starts in the file.
type positioned struct {
	pos  int
	dict dict
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
			out = append(out, positioned{pos, d})
		}
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
	raw := bytes.TrimRight(data[pos:pos+i], "\r\n")
	return &stream{dict: d, raw: raw}, pos + i
}

// readObjStream adds the objects an object stream holds (PDF 1.5) where
// no object of the same number was found in the file itself.
func (f *file) readObjStream(s *stream) {
	data, err := f.decode(s)
	if err != nil {
		return
	}
	n, _ := s.dict["N"].(int64)
	first, _ := s.dict["First"].(int64)
	if n <= 0 || n > maxObjects || first < 0 || first > int64(len(data)) {
		return
	}
	l := &lexer{data: data[:first]}
	for range n {
		num, ok1 := l.next().(int64)
		off, ok2 := l.next().(int64)
		if !ok1 || !ok2 || off < 0 || first+off >= int64(len(data)) {
			return
		}
		if _, defined := f.objects[num]; defined {
			continue
		}
		if len(f.objects) >= maxObjects {
			return
		}
		ol := &lexer{data: data, pos: int(first + off)}
		f.objects[num] = ol.object(0)
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
	data, _ := f.decode(s)
	return data
}
