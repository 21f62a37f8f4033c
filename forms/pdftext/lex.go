package pdftext

import (
	"bytes"
	"strconv"
)

// The PDF object model (ISO 32000-1, 7.3), as the reader needs it.
type (
	object any // nil, bool, int64, float64, name, []byte, array, dict, ref, *stream

	name  string
	array []object
	dict  map[name]object
	ref   struct{ num, gen int64 }

	stream struct {
		dict dict
		raw  []byte // as stored: still filtered, and encrypted when the file is
		ref  ref    // the object the stream is, for decryption
	}

	// keyword is a bare word: an operator in a content stream, or obj,
	// endobj, stream, R and the like in the file's structure.
	keyword string
)

// maxNesting bounds arrays and dictionaries within each other: a crafted
// file of a million "[" must not exhaust the stack.
const maxNesting = 64

// lexer reads objects from PDF syntax: the file itself, object streams
// and content streams.
type lexer struct {
	data []byte
	pos  int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' || c == '%'
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// endOfData is what next returns at the end of its data.
type endOfData struct{}

// next reads one token as an object: numbers, names, strings, keywords,
// and the delimiters [ ] << >> as keywords. It returns endOfData{} at the
// end.
func (l *lexer) next() object {
	l.skipSpace()
	if l.pos >= len(l.data) {
		return endOfData{}
	}
	c := l.data[l.pos]
	switch {
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.data) && !isSpace(l.data[l.pos]) && !isDelim(l.data[l.pos]) {
			l.pos++
		}
		return name(unescapeName(l.data[start:l.pos]))
	case c == '(':
		return l.literal()
	case c == '<':
		if l.pos+1 < len(l.data) && l.data[l.pos+1] == '<' {
			l.pos += 2
			return keyword("<<")
		}
		return l.hex()
	case c == '>':
		l.pos++
		if l.pos < len(l.data) && l.data[l.pos] == '>' {
			l.pos++
			return keyword(">>")
		}
		return keyword(">")
	case c == '[' || c == ']' || c == '{' || c == '}' || c == ')':
		l.pos++
		return keyword(string(c))
	}
	start := l.pos
	for l.pos < len(l.data) && !isSpace(l.data[l.pos]) && !isDelim(l.data[l.pos]) {
		l.pos++
	}
	word := l.data[start:l.pos]
	if n, ok := number(word); ok {
		return n
	}
	switch string(word) {
	case "true":
		return true
	case "false":
		return false
	case "null":
		return nil
	}
	return keyword(word)
}

// number parses a PDF number: an integer as int64, else a real as float64.
func number(b []byte) (object, bool) {
	if len(b) == 0 || len(b) > 32 {
		return nil, false
	}
	c := b[0]
	if !(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.') {
		return nil, false
	}
	if i, err := strconv.ParseInt(string(b), 10, 64); err == nil {
		return i, true
	}
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.') {
			return nil, false // no "inf" or "NaN": a coordinate must compare
		}
	}
	// Writers emit "--5" and "5." and "-.5"; strconv takes the last two.
	s := string(bytes.TrimLeft(b, "+-"))
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if bytes.HasPrefix(b, []byte("-")) {
			f = -f
		}
		return f, true
	}
	return nil, false
}

func unescapeName(b []byte) string {
	if bytes.IndexByte(b, '#') < 0 {
		return string(b)
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if v, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

// literal reads a (string) with its escapes and balanced parentheses.
func (l *lexer) literal() []byte {
	l.pos++ // (
	var out []byte
	depth := 1
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return out
			}
		case '\\':
			if l.pos >= len(l.data) {
				return out
			}
			e := l.data[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.data) && l.data[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '7'; k++ {
						v = v*8 + int(l.data[l.pos]-'0')
						l.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// hex reads a <hex string>; an odd last digit counts as followed by 0.
func (l *lexer) hex() []byte {
	l.pos++ // <
	var out []byte
	hi, half := byte(0), false
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		var v byte
		switch {
		case c == '>':
			if half {
				out = append(out, hi<<4)
			}
			return out
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return out
}

// object reads a whole object: an array or dictionary with what it holds,
// "n g R" as a reference, anything else as next gives it.
func (l *lexer) object(depth int) object {
	tok := l.next()
	return l.complete(tok, depth)
}

func (l *lexer) complete(tok object, depth int) object {
	switch t := tok.(type) {
	case keyword:
		switch t {
		case "[":
			if depth >= maxNesting {
				return nil
			}
			var a array
			for {
				save := l.pos
				x := l.next()
				if x == keyword("]") {
					return a
				}
				if _, end := x.(endOfData); end {
					return a
				}
				if k, ok := x.(keyword); ok && (k == ">>" || k == "endobj" || k == "stream") {
					l.pos = save
					return a
				}
				a = append(a, l.complete(x, depth+1))
			}
		case "<<":
			if depth >= maxNesting {
				return nil
			}
			d := dict{}
			for {
				save := l.pos
				k := l.next()
				if k == keyword(">>") {
					return d
				}
				key, ok := k.(name)
				if !ok {
					if _, end := k.(endOfData); end {
						return d
					}
					if kw, isKw := k.(keyword); isKw && (kw == "endobj" || kw == "stream") {
						l.pos = save
						return d
					}
					continue // junk in a dictionary is skipped
				}
				save = l.pos
				if l.next() == keyword(">>") {
					d[key] = nil // a key without a value ends the dictionary all the same
					return d
				}
				l.pos = save
				d[key] = l.object(depth + 1)
			}
		}
	case int64:
		// n g R
		save := l.pos
		if g, ok := l.next().(int64); ok {
			if l.next() == keyword("R") {
				return ref{t, g}
			}
		}
		l.pos = save
	}
	return tok
}
