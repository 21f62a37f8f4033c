package pdf

import (
	"encoding/binary"
	"errors"
	"sort"
)

// errNotCollection is returned by extractTTC for data that is no TrueType
// collection.
var errNotCollection = errors.New("not a font collection")

// extractTTC copies font number index out of a TrueType collection (.ttc,
// such as Windows' simsun.ttc) into a stand-alone TrueType font, which the
// PDF library can embed: the font's table directory and tables, laid out
// anew, with the whole-font checksum adjustment recomputed.
func extractTTC(data []byte, index int) ([]byte, error) {
	if len(data) < 12 || string(data[:4]) != "ttcf" {
		return nil, errNotCollection
	}
	n := int(binary.BigEndian.Uint32(data[8:]))
	if index < 0 || index >= n || 12+4*index+4 > len(data) {
		return nil, errNotCollection
	}
	off := int(binary.BigEndian.Uint32(data[12+4*index:]))
	if off+12 > len(data) {
		return nil, errNotCollection
	}
	numTables := int(binary.BigEndian.Uint16(data[off+4:]))
	if off+12+16*numTables > len(data) {
		return nil, errNotCollection
	}
	type table struct {
		tag            string
		checksum       uint32
		offset, length int
		newOffset      int
	}
	tables := make([]table, numTables)
	for i := range tables {
		rec := data[off+12+16*i:]
		tables[i] = table{
			tag:      string(rec[:4]),
			checksum: binary.BigEndian.Uint32(rec[4:]),
			offset:   int(binary.BigEndian.Uint32(rec[8:])),
			length:   int(binary.BigEndian.Uint32(rec[12:])),
		}
		if t := tables[i]; t.offset < 0 || t.length < 0 || t.offset+t.length > len(data) {
			return nil, errNotCollection
		}
	}
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	pos := 12 + 16*numTables
	for i := range tables {
		tables[i].newOffset = pos
		pos += (tables[i].length + 3) &^ 3
	}
	out := make([]byte, pos)
	copy(out, data[off:off+12])
	headAt := -1
	for i, t := range tables {
		rec := out[12+16*i:]
		copy(rec, t.tag)
		binary.BigEndian.PutUint32(rec[4:], t.checksum)
		binary.BigEndian.PutUint32(rec[8:], uint32(t.newOffset))
		binary.BigEndian.PutUint32(rec[12:], uint32(t.length))
		copy(out[t.newOffset:], data[t.offset:t.offset+t.length])
		if t.tag == "head" && t.length >= 12 {
			headAt = t.newOffset
		}
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0)
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out, nil
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
