package importer

import (
	"cmp"
	"regexp"
	"slices"
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
	distinct  []string // the table's row labels that are no column's (read)
	// headerUnits are the money units the table's headers name (read).
	headerUnits []string
}

var headerUnit = regexp.MustCompile(`单位\s*[：:]\s*(万元|元)`)

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
		if n := len(out); n > 0 && slices.Equal(out[n-1].path, c.RowPath) {
			out[n-1].cells = append(out[n-1].cells, c)
			continue
		}
		out = append(out, row{path: c.RowPath, cells: []*format.Cell{c}})
	}
	return out
}

// read reads table t from the tokens [from, to).
func (r *tableReader) read(t *format.Table, from, to int) {
	f := r.doc.Entry.Format
	if r.formulas == nil {
		r.formulas = r.doc.Entry.Rules.Formulas()
	}
	rows := rowsOf(f, t)
	cols := map[string]bool{} // the column labels, as compared
	for _, rw := range rows {
		for _, c := range rw.cells {
			for _, l := range c.ColPath {
				cols[Core(l)] = true
			}
		}
	}
	// Each row's label, as compared; one that is also a column's (总计)
	// tells no row apart and is left out where rows are told apart.
	cores := make([]string, len(rows))
	r.distinct = make([]string, len(rows))
	for i, rw := range rows {
		if len(rw.path) > 0 {
			cores[i] = Core(rw.path[len(rw.path)-1])
			if !cols[cores[i]] {
				r.distinct[i] = cores[i]
			}
		}
	}
	// A unit the table's headers name (（单位：元）) other than a money
	// cell's: the cell's value is in doubt.
	for _, tk := range r.toks[from:to] {
		if m := headerUnit.FindStringSubmatch(tk.text); m != nil {
			r.headerUnits = append(r.headerUnits, m[1])
		}
	}
	defer func() { r.headerUnits = nil }()
	cursor := from
	for i, rw := range rows {
		start := cursor
		if cores[i] != "" {
			at, span := r.findLabel(cores, i, cursor, to)
			if at < 0 {
				continue // the row's cells stay blank: missing
			}
			start = at + span
		}
		vals, unit, next, extra := r.collect(cores, i, start, to, len(rw.cells))
		if len(vals) == 0 {
			continue
		}
		cursor = next
		r.assign(rw, vals, unit, extra)
	}
}

// findLabel finds row i's label from cursor on: a label token whose core
// is the label's, or two or three consecutive ones that make it (a label
// broken across lines); a label containing another (or contained) counts
// only where it is no other row's own label. The search stops at the
// label of a later row: the row is then missing. It returns the index and
// the tokens the label spans, or -1.
func (r *tableReader) findLabel(cores []string, i, cursor, to int) (int, int) {
	core := cores[i]
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
			if joined == core || labelMatches(joined, core) && rowOf(cores, joined) < 0 {
				return k, span
			}
		}
		if j := rowOf(r.distinct, r.toks[k].core); j > i {
			return -1, 0
		}
	}
	return -1, 0
}

// rowOf returns the row whose label core is exactly c, or -1.
func rowOf(cores []string, c string) int {
	for j, rc := range cores {
		if rc != "" && rc == c {
			return j
		}
	}
	return -1
}

// labelMatches tells whether a label read is the row label core: one
// containing the other, for labels long enough not to be mistaken, as
// published tables shorten or annotate labels.
func labelMatches(read, core string) bool {
	return len([]rune(core)) >= 4 && len([]rune(read)) >= 4 && (strings.Contains(read, core) || strings.Contains(core, read))
}

// unitWords are the units a 单位 column gives a row.
var unitWords = map[string]bool{"元": true, "万元": true}

// collect takes up to n values of row i from start on. Before the first
// value it passes over column headers and parent labels, noting a 单位
// column's money unit, but stops at another row's label (the row is then
// missing). extra tells values beyond n before the next label (a table
// with more columns than the format's), other than a 序号 before the next
// row's label and blanks ending the row's line.
func (r *tableReader) collect(cores []string, i, start, to, n int) (vals []token, unit string, next int, extra bool) {
	k := start
	for ; k < to && len(vals) < n; k++ {
		t := r.toks[k]
		if !t.isValue() {
			if len(vals) > 0 {
				break
			}
			if unitWords[t.text] {
				unit = t.text
			}
			if j := rowOf(r.distinct, t.core); j >= 0 && j != i {
				return nil, "", start, false
			}
			continue
		}
		vals = append(vals, t)
	}
	if len(vals) == n && k < to && r.toks[k].isValue() {
		e, line := k, vals[n-1].line
		for e < to && r.toks[e].blank && r.toks[e].line == line {
			e++
		}
		if e > k && (e == to || !r.toks[e].isValue() || r.toks[e].line != line) {
			return vals, unit, e, false // blanks ending the row's line: a column the format has not, left empty
		}
		serial := r.toks[k].num && k+1 < to && !r.toks[k+1].isValue() && rowOf(r.distinct, r.toks[k+1].core) > i
		extra = !serial
	}
	return vals, unit, k, extra
}

// assign sets a row's cells from the values read: as they are when they
// are as many as the cells (a blank leaves its cell missing); split when
// digits ran together; else each one read is uncertain, since a blank in
// the source may have moved the others.
func (r *tableReader) assign(rw row, vals []token, unit string, extra bool) {
	n := len(rw.cells)
	if len(vals) == n && !extra {
		for i, v := range vals {
			r.set(rw.cells[i], v, unit)
		}
		return
	}
	if len(vals) < n && runTogether(vals) {
		if res := r.splits(rw, vals); res != nil {
			r.assignSplit(rw, res)
			return
		}
	}
	reason := l10n.T("importer.countMismatch", "Read", len(vals), "Cells", n)
	if extra {
		reason = l10n.T("importer.moreColumns", "Cells", n)
	}
	for i, v := range vals[:min(len(vals), n)] {
		r.set(rw.cells[i], v, unit)
		r.mark(rw.cells[i].ID, reason, nil)
	}
}

// runTogether tells values that may have run together: one run of digits
// for the whole row, or digits glued to the row's label.
func runTogether(vals []token) bool {
	if len(vals) == 1 && vals[0].num {
		return true
	}
	for _, v := range vals {
		if v.glued {
			return true
		}
	}
	return false
}

// set sets a cell from a value read (a blank leaves it missing); a value
// the cell cannot take is kept as read (R6 reports it). A money unit the
// source gives (after the number, or in the row's 单位 column) other than
// the cell's makes the cell uncertain.
func (r *tableReader) set(c *format.Cell, t token, rowUnit string) {
	switch {
	case t.blank:
		return
	case t.na:
		r.doc.SetCellOrKeep(c.ID, value.NAMark)
		return
	}
	unit := cmp.Or(t.unit, rowUnit)
	text := t.text
	if len(c.Spec.Units) > 0 {
		text += unit // the clerk's choice of unit, as published
	}
	r.doc.SetCellOrKeep(c.ID, text)
	if c.Spec.Unit != "" {
		for _, u := range append([]string{unit}, r.headerUnits...) {
			if u != "" && u != c.Spec.Unit {
				r.mark(c.ID, l10n.T("importer.otherUnit", "Unit", u, "Want", c.Spec.Unit), nil)
			}
		}
	}
}

func (r *tableReader) mark(id, reason string, candidates []string) {
	r.uncertain[id] = report.Uncertainty{Reason: reason, Candidates: candidates}
}
