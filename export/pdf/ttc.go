package pdf

import (
	"encoding/binary"
	"errors"
	"sort"
)

// errNotCollection is returned by extractTTC for data that is no TrueType
// collection, or a broken one.
var errNotCollection = errors.New("not a font collection")

// isCollection reports whether data starts like a TrueType collection.
func isCollection(data []byte) bool {
	return len(data) >= 12 && string(data[:4]) == "ttcf"
}

// extractTTC copies font number index out of a TrueType collection (.ttc,
// such as Windows' simsun.ttc) into a stand-alone TrueType font, which the
// PDF library can embed: the font's table directory and tables, laid out
// anew, with the whole-font checksum adjustment recomputed.
//
// The file may be crafted: offsets are summed as int64, and the font's
// tables must lie inside the file without overlapping (65,535 table records
// pointing at the whole file would otherwise ask for 65,535 copies of it).
// The result is then at most len(data) + 12 + 19·tables bytes, where each
// table's record takes 16 bytes of data.
func extractTTC(data []byte, index int) ([]byte, error) {
	if !isCollection(data) {
		return nil, errNotCollection
	}
	size := int64(len(data))
	if index < 0 || int64(index) >= u32(data, 8) || 16+4*int64(index) > size {
		return nil, errNotCollection
	}
	off := u32(data, 12+4*index)
	if off+12 > size {
		return nil, errNotCollection
	}
	numTables := int64(u16(data, int(off)+4))
	if off+12+16*numTables > size {
		return nil, errNotCollection
	}
	type record struct {
		tag            string
		checksum       uint32
		offset, length int64
		newOffset      int
	}
	tables := make([]record, numTables)
	for i := range tables {
		rec := data[off+12+16*int64(i):]
		tables[i] = record{tag: string(rec[:4]), checksum: binary.BigEndian.Uint32(rec[4:]), offset: u32(rec, 8), length: u32(rec, 12)}
		if t := tables[i]; t.offset+t.length > size {
			return nil, errNotCollection
		}
	}
	sort.Slice(tables, func(i, j int) bool { return tables[i].offset < tables[j].offset })
	end := int64(0) // of the tables so far
	for _, t := range tables {
		if t.length > 0 && t.offset < end {
			return nil, errNotCollection // overlapping tables
		}
		end = max(end, t.offset+t.length)
	}
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	pos := 12 + 16*len(tables)
	for i := range tables {
		if i > 0 && tables[i].tag == tables[i-1].tag {
			return nil, errNotCollection // a table twice
		}
		tables[i].newOffset = pos
		pos += int(tables[i].length+3) &^ 3
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
