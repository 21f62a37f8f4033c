package importer

import (
	"strings"

	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/report"
	"nianbao/forms/rules"
	"nianbao/forms/value"
)

// tableReader reads a report's tables from tokens, row by row in the
// format's order: a row's label, then its values.
type tableReader struct {
	doc       *report.Doc
	toks      []token
	uncertain map[string]report.Uncertainty
	formulas  []rules.Formula
}

// row is one printed row of a table: its label path and value cells.
type row struct {
	path  []string
	cells []*format.Cell
}

// rowsOf returns a table's rows in reading order.
func rowsOf(f *format.Format, t *format.Table) []row {
	var out []row
	for i := range f.Cells() {
		c := &f.Cells()[i]
		if c.Table != t {
			continue
		}
		if n := len(out); n > 0 && slices2Equal(out[n-1].path, c.RowPath) {
			out[n-1].cells = append(out[n-1].cells, c)
			continue
		}
		out = append(out, row{path: c.RowPath, cells: []*format.Cell{c}})
	}
	return out
}

func slices2Equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// read reads table t from the tokens [from, to).
func (r *tableReader) read(t *format.Table, from, to int) {
	f := r.doc.Entry.Format
	if r.formulas == nil {
		r.formulas = r.doc.Entry.Rules.Formulas()
	}
	cursor := from
	for _, rw := range rowsOf(f, t) {
		start := cursor
		if len(rw.path) > 0 {
			at, span := r.findLabel(Core(rw.path[len(rw.path)-1]), cursor, to)
			if at < 0 {
				continue // the row's cells stay blank: missing
			}
			start = at + span
		}
		vals, next := r.collect(start, to, len(rw.cells))
		if len(vals) == 0 {
			continue
		}
		cursor = next
		r.assign(rw, vals)
	}
}

// findLabel finds the row label core from cursor on: a label token whose
// core is the label's, or two or three consecutive ones that make it (a
// label broken across lines); it returns the index and the tokens it
// spans, or -1.
func (r *tableReader) findLabel(core string, cursor, to int) (int, int) {
	if core == "" {
		return -1, 0
	}
	for k := cursor; k < to; k++ {
		if r.toks[k].isValue() {
			continue
		}
		joined := ""
		for span := 1; span <= 3 && k+span <= to; span++ {
			t := r.toks[k+span-1]
			if t.isValue() {
				break
			}
			joined += t.core
			if labelMatches(joined, core) {
				return k, span
			}
		}
	}
	return -1, 0
}

// labelMatches tells whether a label read is the row label core: the
// same, or (for labels long enough not to be mistaken) one containing
// the other, as published tables shorten or annotate labels.
func labelMatches(read, core string) bool {
	if read == core {
		return true
	}
	return len([]rune(core)) >= 4 && len([]rune(read)) >= 4 && (strings.Contains(read, core) || strings.Contains(core, read))
}

// collect takes up to n values from start on, up to the next label.
func (r *tableReader) collect(start, to, n int) ([]token, int) {
	var vals []token
	k := start
	for ; k < to && len(vals) < n; k++ {
		if !r.toks[k].isValue() {
			if len(vals) > 0 {
				break
			}
			continue // a column header or a parent label before the values
		}
		vals = append(vals, r.toks[k])
	}
	return vals, k
}

// assign sets a row's cells from the values read: as they are when they
// are as many as the cells; split when values run together; else each
// one read is uncertain, since a blank in the source may have moved the
// others.
func (r *tableReader) assign(rw row, vals []token) {
	n := len(rw.cells)
	if len(vals) == n {
		for i, v := range vals {
			r.set(rw.cells[i], v.text+v.unit, v)
		}
		return
	}
	if len(vals) < n {
		if res := r.splits(rw, vals); res != nil {
			r.assignSplit(rw, res)
			return
		}
	}
	for i, v := range vals[:min(len(vals), n)] {
		r.set(rw.cells[i], v.text+v.unit, v)
		r.mark(rw.cells[i].ID, l10n.T("importer.countMismatch", "Read", len(vals), "Cells", n), nil)
	}
}

// set sets a cell from a value read; a value the cell cannot take is
// kept as read (R6 reports it).
func (r *tableReader) set(c *format.Cell, text string, t token) {
	if t.na {
		text = value.NAMark
	}
	r.doc.SetCellOrKeep(c.ID, text)
	if t.unit != "" && c.Spec.Unit != "" && t.unit != c.Spec.Unit {
		r.mark(c.ID, l10n.T("importer.otherUnit", "Unit", t.unit, "Want", c.Spec.Unit), nil)
	}
}

func (r *tableReader) mark(id, reason string, candidates []string) {
	r.uncertain[id] = report.Uncertainty{Reason: reason, Candidates: candidates}
}
