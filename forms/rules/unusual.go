package rules

import (
	"math"
	"slices"
	"strconv"

	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/value"
)

// unusualRule is a compiled unusual rule: its entries in the order given.
type unusualRule struct {
	rule    *format.Rule
	entries []unusualEntry
}

// unusualEntry is one compiled format.Unusual.
type unusualEntry struct {
	u            *format.Unusual
	cells, whole []int
}

// cellsOf resolves cell ID patterns to the indexes of the cells they name,
// in the format's order, recording a pattern that names none.
func (c *compiler) cellsOf(r *format.Rule, patterns []string) []int {
	var out []int
	for _, p := range patterns {
		n := len(out)
		for _, i := range c.index.candidates(p) {
			if matches(c.index.cells[i].ID, p) {
				out = append(out, i)
			}
		}
		if len(out) == n {
			c.problems.Add(func() string {
				return l10n.T("format.rule.cellsNone", "Rule", r.ID, "Value", format.Excerpt(p))
			})
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// compileUnusual resolves the cell patterns of an unusual rule.
func (c *compiler) compileUnusual(r *format.Rule) {
	ur := unusualRule{rule: r}
	for i := range r.Unusual {
		u := &r.Unusual[i]
		ur.entries = append(ur.entries, unusualEntry{u: u, cells: c.cellsOf(r, u.Cells), whole: c.cellsOf(r, u.Whole)})
	}
	c.set.unusual = append(c.set.unusual, ur)
}

// total is the sum of cells as a float, false when one is not a number.
func total(vals []value.Value, cells []int) (float64, bool) {
	var sum float64
	for _, i := range cells {
		if vals[i].State != value.Number {
			return 0, false
		}
		sum += float64(vals[i].Num) / float64(value.Int(1))
	}
	return sum, true
}

// prevTotal is the sum of last year's cells, false when one is missing.
func prevTotal(in Input, ids []string) (float64, bool) {
	if in.Prev == nil {
		return 0, false
	}
	var sum float64
	for _, id := range ids {
		v, ok := in.Prev(id)
		if !ok || v.State != value.Number {
			return 0, false
		}
		sum += float64(v.Num) / float64(value.Int(1))
	}
	return sum, true
}

// checkUnusual warns of the figures out of the ordinary that the format's
// unusual rules describe. A figure with a blank cell is not judged.
func (s *Set) checkUnusual(in Input, vals []value.Value) []Problem {
	var out []Problem
	cells := s.format.Cells()
	for _, ur := range s.unusual {
		for _, e := range ur.entries {
			actual, ok := total(vals, e.cells)
			if !ok {
				continue
			}
			vars := map[string]string{"label": e.u.Label, "actual": num(actual), "limit": Percent(e.u.Over)}
			failed := false
			switch e.u.Kind {
			case format.ShareUnusual:
				whole, ok := total(vals, e.whole)
				failed = ok && whole > 0 && whole >= e.u.Min && actual/whole > e.u.Over
				vars["whole"], vars["share"] = num(whole), Percent(actual/whole)
			case format.UnsaidUnusual:
				failed = actual > e.u.Min && actual > 0 && !s.said(in, e.u.Words)
			case format.ChangeUnusual:
				ids := make([]string, len(e.cells))
				for i, c := range e.cells {
					ids[i] = cells[c].ID
				}
				prev, ok := prevTotal(in, ids)
				lo, hi := min(prev, actual), max(prev, actual)
				// Judged from min up, in the larger year and in the change:
				// 2 → 10 is no pattern.
				failed = ok && hi-lo >= max(e.u.Min, 1) && (lo == 0 || hi/lo-1 > e.u.Over)
				vars["prev"], vars["change"] = num(prev), l10n.T("rules.fromNone")
				if prev > 0 {
					vars["change"] = signed(actual/prev - 1)
				}
			}
			if !failed {
				continue
			}
			p := Problem{Rule: ur.rule.ID, Severity: ur.rule.Severity, Message: fill(e.u.Message, vars)}
			for _, c := range e.cells {
				p.Cells = append(p.Cells, cells[c].ID)
			}
			out = append(out, p)
		}
	}
	return out
}

// said tells whether a text of the report holds one of words.
func (s *Set) said(in Input, words []string) bool {
	for _, t := range in.Texts {
		if containsAny(t, words) {
			return true
		}
	}
	return false
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Percent prints a fraction as a percentage of up to one decimal: 0.5 is
// "50%".
func Percent(f float64) string {
	return strconv.FormatFloat(math.Round(f*1000)/10, 'f', -1, 64) + "%"
}

// signed prints a change as a signed percentage: "+400%", "-80%".
func signed(f float64) string {
	if f > 0 {
		return "+" + Percent(f)
	}
	return Percent(f)
}
