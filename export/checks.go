package export

import (
	"strings"

	"nianbao/forms/format"
	"nianbao/forms/report"
	"nianbao/forms/rules"
	"nianbao/forms/value"
)

// Check is one comparison of a rule over the report's cells: what a
// spreadsheet writes as a live check formula, with the engine's verdict.
type Check struct {
	Rule  *format.Rule
	Text  string // the rule's message for its member, without the figures
	Left  Sum
	Op    string // "=", "<>", "<=", ">=", "<" or ">"
	Right Sum
	State rules.CheckState
}

// Sum is one side of a rule: cells added or subtracted, and a constant.
type Sum struct {
	Terms []Term
	Const value.Dec
}

// Term is a cell of a Sum.
type Term struct {
	Cell string // cell ID
	Neg  bool
}

// Cells lists the IDs of the cells the sum reads.
func (s Sum) Cells() []string {
	out := make([]string, len(s.Terms))
	for i, t := range s.Terms {
		out[i] = t.Cell
	}
	return out
}

// addWorkbookFields fills in what spreadsheets need: the engine's
// comparisons of d with their states, the value, kind and unit of every
// value cell, and what each computed cell adds up.
func addWorkbookFields(doc *Document, d *report.Doc, res rules.Result) {
	f := d.Entry.Format
	doc.ValuesRule = valuesRule(f)
	sums := map[string]*Sum{}
	for i, fm := range d.Entry.Rules.Formulas() {
		if fm.Computes >= 0 {
			s := sumOf(d, fm.Right, fm.RightConst)
			sums[f.Cells()[fm.Computes].ID] = &s
		}
		if i >= len(res.Checks) || res.Checks[i] == rules.NotChecked {
			continue
		}
		doc.Checks = append(doc.Checks, Check{
			Rule: fm.Rule, Text: checkText(fm), Op: fm.Op, State: res.Checks[i],
			Left:  sumOf(d, fm.Left, fm.LeftConst),
			Right: sumOf(d, fm.Right, fm.RightConst),
		})
	}
	for _, t := range doc.tables() {
		if t.ReadOnly {
			continue // its cells are not the report's
		}
		for i := range t.Cells {
			c := &t.Cells[i]
			if c.Role != format.ValueCell {
				continue
			}
			cell, _ := f.Cell(c.CellID)
			c.Spec, c.Unit = cell.Spec, d.Report.Units[c.CellID]
			if !res.Partial[cell.Index] {
				c.Value = res.Values[cell.Index] // a total over blank cells is not a figure
			}
			if c.Computed {
				c.Sum = sums[c.CellID]
			}
		}
	}
}

// tables lists the document's tables in order, the appendix's last.
func (doc *Document) tables() []*Table {
	var out []*Table
	for _, sec := range append(append([]Section{}, doc.Sections...), doc.Appendix...) {
		for _, b := range sec.Blocks {
			if b.Table != nil {
				out = append(out, b.Table)
			}
		}
	}
	return out
}

func sumOf(d *report.Doc, terms []rules.Term, k value.Dec) Sum {
	cells := d.Entry.Format.Cells()
	s := Sum{Const: k, Terms: make([]Term, len(terms))}
	for i, t := range terms {
		s.Terms[i] = Term{Cell: cells[t.Cell].ID, Neg: t.Neg}
	}
	return s
}

// checkText describes a check in words: the rule's message without the
// figures, which a spreadsheet computes.
func checkText(fm rules.Formula) string {
	return strings.NewReplacer("{label}", fm.Label, "（{actual}）", "", "（{expected}）", "", "{actual}", "", "{expected}", "").Replace(fm.Rule.Message)
}

// valuesRule is the format's rule that every input be filled, or nil.
func valuesRule(f *format.Format) *format.Rule {
	for i := range f.Rules {
		if f.Rules[i].Check == format.ValuesCheck {
			return &f.Rules[i]
		}
	}
	return nil
}
