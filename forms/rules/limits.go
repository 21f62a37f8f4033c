package rules

import (
	"slices"
	"strconv"
	"strings"

	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/value"
)

// limitRule is a compiled limits rule: its limits in the order given.
type limitRule struct {
	rule    *format.Rule
	entries []limitEntry
}

// limitEntry is one compiled format.Limit.
type limitEntry struct {
	cells []int // indexes of the cells it names
	max   value.Value
	limit *format.Limit
}

// applies tells whether the limit is for a report of this unit.
func (e *limitEntry) applies(in Input) bool {
	l := e.limit
	if len(l.UnitKinds) > 0 && !slices.Contains(l.UnitKinds, in.UnitKind) {
		return false
	}
	if len(l.UnitNames) == 0 {
		return true
	}
	for _, w := range l.UnitNames {
		if w != "" && strings.Contains(in.UnitName, w) {
			return true
		}
	}
	return false
}

// compileLimits resolves the cell patterns of a limits rule.
func (c *compiler) compileLimits(r *format.Rule) {
	lr := limitRule{rule: r}
	for li := range r.Limits {
		l := &r.Limits[li]
		e := limitEntry{limit: l}
		max, err := value.ParseValue(strconv.FormatFloat(l.Max, 'f', -1, 64))
		if err != nil {
			c.problems.Add(func() string {
				return l10n.T("format.rule.limitBadMax", "Rule", r.ID, "Max", format.MaxLimit)
			})
			continue
		}
		e.max = max
		e.cells = c.cellsOf(r, l.Cells)
		lr.entries = append(lr.entries, e)
	}
	c.set.limits = append(c.set.limits, lr)
}

// checkLimits warns of typed values above the limit that applies to their
// cell in this report: the last limit of a rule naming the cell. A cell
// whose unit the clerk chooses (元 or 万元) is not checked.
func (s *Set) checkLimits(in Input, vals []value.Value) []Problem {
	var out []Problem
	cells := s.format.Cells()
	for _, lr := range s.limits {
		limitOf := make([]*limitEntry, len(cells))
		for ei := range lr.entries {
			if e := &lr.entries[ei]; e.applies(in) {
				for _, i := range e.cells {
					limitOf[i] = e
				}
			}
		}
		for i, e := range limitOf {
			if e == nil || vals[i].State != value.Number || vals[i].Num <= e.max.Num ||
				s.computedBy[i] >= 0 && !in.TypedTotals || // a total warns of nothing its parts do not
				len(cells[i].Spec.Units) > 0 { // typed in a unit of the clerk's choice: no one scale
				continue
			}
			actual, limit := vals[i], e.max
			out = append(out, Problem{
				Rule: lr.rule.ID, Severity: lr.rule.Severity, Cells: []string{cells[i].ID},
				Message: fill(lr.rule.Message, map[string]string{"label": cells[i].Label(), "actual": actual.String(), "limit": limit.String()}),
				Actual:  &actual, Expected: &limit,
			})
		}
	}
	return out
}
