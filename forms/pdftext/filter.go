package pdftext

import (
	"bytes"
	"compress/zlib"
	"encoding/ascii85"
	"errors"
	"io"
)

var errUnsupportedFilter = errors.New("unsupported filter")

// decode returns a stream's data: decrypted, then through its filters,
// bounded by the file's budget. A stream cut short (a truncated or
// slightly corrupt Flate stream, as real files have) yields what could be
// read.
func (f *file) decode(s *stream) ([]byte, error) {
	data := s.raw
	if f.crypt != nil && s.dict["Type"] != name("XRef") {
		data = f.crypt.decrypt(s.ref, data)
	}
	filters := f.resolve(s.dict["Filter"])
	params := f.resolve(s.dict["DecodeParms"])
	var names []name
	var parms []object
	switch v := filters.(type) {
	case name:
		names, parms = []name{v}, []object{params}
	case array:
		for i, x := range v {
			n, _ := f.resolve(x).(name)
			names = append(names, n)
			if pa, ok := params.(array); ok && i < len(pa) {
				parms = append(parms, f.resolve(pa[i]))
			} else {
				parms = append(parms, nil)
			}
		}
	}
	if len(names) == 0 {
		if err := f.take(len(data)); err != nil {
			return nil, err
		}
	}
	for i, n := range names {
		var err error
		switch n {
		case "FlateDecode", "Fl":
			data, err = f.inflate(data)
			if err == nil {
				data, err = f.unpredict(data, f.dictOf(parms[i]))
			}
		case "ASCIIHexDecode", "AHx":
			l := &lexer{data: append(append([]byte{'<'}, data...), '>')}
			data = l.hex()
		case "ASCII85Decode", "A85":
			data, err = f.ascii85(data)
		default:
			return nil, errUnsupportedFilter // images (DCT, JBIG2, CCITT), and LZW, which writers stopped using for text in the 1990s
		}
		if err != nil {
			return nil, err
		}
	}
	return data, nil
}

// take charges n bytes to the file's budget.
func (f *file) take(n int) error {
	if f.budget -= n; f.budget < 0 {
		f.exceeded = true
		return errTooLarge
	}
	return nil
}

func (f *file) inflate(data []byte) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxStreamBytes+1))
	if len(out) > maxStreamBytes {
		f.exceeded = true
		return nil, errTooLarge
	}
	if err := f.take(len(out)); err != nil {
		return nil, err
	}
	if err != nil && len(out) == 0 {
		return nil, err
	}
	return out, nil // what a damaged stream gave
}

func (f *file) ascii85(data []byte) ([]byte, error) {
	if i := bytes.Index(data, []byte("~>")); i >= 0 {
		data = data[:i]
	}
	data = bytes.TrimPrefix(bytes.TrimSpace(data), []byte("<~"))
	dec := ascii85.NewDecoder(bytes.NewReader(data))
	out, err := io.ReadAll(io.LimitReader(dec, maxStreamBytes))
	if err := f.take(len(out)); err != nil {
		return nil, err
	}
	if err != nil && len(out) == 0 {
		return nil, err
	}
	return out, nil
}

// unpredict undoes the PNG predictors (10–15) cross-reference and object
// streams are stored with; TIFF predictor 2 is for images only.
func (f *file) unpredict(data []byte, parms dict) ([]byte, error) {
	pred, _ := parms["Predictor"].(int64)
	if pred < 10 {
		return data, nil
	}
	cols := int64(1)
	if c, ok := parms["Columns"].(int64); ok {
		cols = c
	}
	colors, bpc := int64(1), int64(8)
	if c, ok := parms["Colors"].(int64); ok {
		colors = c
	}
	if b, ok := parms["BitsPerComponent"].(int64); ok {
		bpc = b
	}
	if cols <= 0 || cols > 1<<20 || colors <= 0 || colors > 32 || bpc <= 0 || bpc > 16 {
		return nil, errUnsupportedFilter
	}
	bpp := int(max((colors*bpc+7)/8, 1))
	rowLen := int((cols*colors*bpc + 7) / 8)
	out := make([]byte, 0, len(data))
	prev := make([]byte, rowLen)
	for len(data) > rowLen {
		typ, row := data[0], data[1:1+rowLen]
		data = data[1+rowLen:]
		cur := make([]byte, rowLen)
		for i := range rowLen {
			var a, c byte
			if i >= bpp {
				a, c = cur[i-bpp], prev[i-bpp]
			}
			b := prev[i]
			switch typ {
			case 0:
				cur[i] = row[i]
			case 1:
				cur[i] = row[i] + a
			case 2:
				cur[i] = row[i] + b
			case 3:
				cur[i] = row[i] + byte((int(a)+int(b))/2)
			case 4:
				cur[i] = row[i] + paeth(a, b, c)
			default:
				return nil, errUnsupportedFilter
			}
		}
		out = append(out, cur...)
		prev = cur
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
