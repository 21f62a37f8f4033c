package consolidate

import (
	"slices"
	"strings"
	"time"

	"nianbao/forms/l10n"
	"nianbao/forms/report"
	"nianbao/forms/unitkind"
	"nianbao/forms/value"
)

// run is one consolidation in the making.
type run struct {
	target  *report.Doc
	ws      *report.Consolidation
	kinds   *unitkind.Set
	base    string  // the consolidated report's folder
	entries []entry // every file received, then the missing units
	// expected is the index of each expected unit, by normalized name.
	expected map[string]int
	// units is the unit of the sum of each money cell that offers a
	// choice; unitless marks those whose amounts cannot be converted.
	units    map[string]string
	unitless map[string]bool
}

// entry is a unit on the board with what its file gave.
type entry struct {
	report.UnitEntry
	rec *received // nil for a missing unit
}

// classify gives every file received its state, in path order; finish
// then makes the board.
func (c *run) classify(got []received) {
	slices.SortStableFunc(got, func(a, b received) int { return strings.Compare(a.path, b.path) })
	self := unitkind.Normalize(c.target.Report.Unit.Name)
	if len(c.ws.Expected) == 0 || c.ws.Learnt {
		c.ws.Expected, c.ws.Learnt = learn(c.ws.Expected, got, self), true
	}
	expected := map[string]int{}
	for i, e := range c.ws.Expected {
		expected[unitkind.Normalize(e.Unit)] = i
	}
	sums := map[string]string{}
	for i := range got {
		r := &got[i]
		e := entry{rec: r, UnitEntry: report.UnitEntry{File: rel(c.base, r.path), SHA256: r.sum}}
		switch {
		case r.err != nil:
			e.State, e.Message = Refused, r.err.Error()
		case r.nested != nil && unitkind.Normalize(r.unit) == self:
			e.State, e.Message = Refused, l10n.T("consolidate.isSelf")
		case sums[r.sum] != "":
			e.State, e.Message = Duplicate, l10n.T("consolidate.sameFile", "File", sums[r.sum])
		}
		if r.err == nil {
			e.Unit, e.Kind, e.Year, e.Format = r.unit, r.kind, r.year, r.format
			e.Errors, e.Warnings, e.Blanks = r.errs, r.warns, r.blanks
			e.Problems, e.Phone = r.problems, r.phone
			if !r.saved.IsZero() {
				e.Saved = r.saved.Format(time.RFC3339)
			}
			if i, ok := expected[unitkind.Normalize(r.unit)]; ok {
				if want := c.ws.Expected[i].Kind; want != "" && want != r.kind {
					e.Message = l10n.T("consolidate.kindFromList", "Kind", c.kinds.Name(r.kind), "Listed", c.kinds.Name(want))
					e.Kind = want
				}
			}
			if sums[r.sum] == "" {
				sums[r.sum] = e.File
			}
		}
		c.entries = append(c.entries, e)
	}
	c.markDuplicateUnits()
	t := c.target.Report
	for i := range c.entries {
		e := &c.entries[i]
		if e.State != "" {
			continue
		}
		_, listed := expected[unitkind.Normalize(e.Unit)]
		switch {
		case e.Year != t.Year:
			e.State, e.Message = WrongYear, l10n.T("consolidate.wrongYear", "Year", e.Year, "Want", t.Year)
		case e.Format != t.Format:
			e.State, e.Message = WrongFormat, l10n.T("consolidate.wrongFormat", "Format", e.Format, "Want", t.Format)
		case !listed:
			e.State, e.Message = Unknown, l10n.T("consolidate.notListed")
		case e.Errors > 0:
			e.State = Errors
		case e.Blanks > 0:
			e.State = Blanks
		case e.Warnings > 0:
			e.State = Warnings
		default:
			e.State = OK
		}
		e.Included = e.State == OK || e.State == Warnings || (c.ws.IncludeErrors && (e.State == Errors || e.State == Blanks))
		if e.Format == t.Format {
			e.Values = report.EncodeValues(c.values(e.rec.cells))
			e.Units = e.rec.units
		}
	}
	c.expected = expected
}

// finish makes the board once the entries are final: the units counted
// twice marked, the board in order.
func (c *run) finish() {
	c.markCountedTwice()
	c.order(c.expected)
}

// learn adds to a list learnt from the files received every unit that
// sent a readable report.
func learn(list []report.ExpectedUnit, got []received, self string) []report.ExpectedUnit {
	out := append([]report.ExpectedUnit{}, list...)
	seen := map[string]bool{}
	for _, e := range list {
		seen[unitkind.Normalize(e.Unit)] = true
	}
	for _, r := range got {
		n := unitkind.Normalize(r.unit)
		// The 政府办公室's own report may bear the 汇总's name; a 汇总 of
		// that name is the 汇总 itself.
		if r.err != nil || n == "" || seen[n] || (r.nested != nil && n == self) {
			continue
		}
		seen[n] = true
		out = append(out, report.ExpectedUnit{Unit: strings.TrimSpace(r.unit), Kind: r.kind})
	}
	return out
}

// markDuplicateUnits keeps, of the files of one unit, the one saved last
// (the first in path order among equals); the others are duplicates.
func (c *run) markDuplicateUnits() {
	groups := map[string][]int{}
	for i, e := range c.entries {
		if n := unitkind.Normalize(e.Unit); e.State == "" && n != "" {
			groups[n] = append(groups[n], i)
		}
	}
	for _, g := range groups {
		keep := g[0]
		for _, i := range g[1:] {
			if c.entries[i].rec.saved.After(c.entries[keep].rec.saved) {
				keep = i
			}
		}
		for _, i := range g {
			if i != keep {
				k := c.entries[keep]
				c.entries[i].State = Duplicate
				c.entries[i].Message = l10n.T("consolidate.sameUnit", "File", k.File, "Saved", k.Saved)
			}
		}
	}
}

// markCountedTwice flags units summed both on their own and inside a
// received 汇总, at any depth, or inside two received 汇总s; it records each
// received 汇总's members (its units and theirs, flattened) for the 汇总s
// that receive this one.
func (c *run) markCountedTwice() {
	owner := map[string]string{} // unit → the received 汇总 that sums it
	for i := range c.entries {
		e := &c.entries[i]
		if !e.Included || e.rec.nested == nil {
			continue
		}
		seen := map[string]bool{}
		for _, u := range e.rec.nested.Units {
			if !u.Included {
				continue
			}
			for _, m := range append([]string{u.Unit}, u.Members...) {
				n := unitkind.Normalize(m)
				if seen[n] || n == "" {
					continue
				}
				seen[n] = true
				e.Members = append(e.Members, m)
				if first, ok := owner[n]; ok && e.CountedTwice == "" {
					e.CountedTwice = first
				} else if !ok {
					owner[n] = e.Unit
				}
			}
		}
	}
	for i := range c.entries {
		e := &c.entries[i]
		if by, ok := owner[unitkind.Normalize(e.Unit)]; ok && e.Included && by != e.Unit && e.CountedTwice == "" {
			e.CountedTwice = by
		}
	}
}

// order puts the board in order: the expected units as listed (with the
// file kept for each, or as missing), then the other files in path order.
func (c *run) order(expected map[string]int) {
	kept := map[int]int{} // expected index → entry
	for i, e := range c.entries {
		if j, ok := expected[unitkind.Normalize(e.Unit)]; ok && e.State != Refused && e.State != Duplicate {
			kept[j] = i
		}
	}
	units := make([]report.UnitEntry, 0, len(c.entries)+len(c.ws.Expected))
	placed := make([]bool, len(c.entries))
	for j, x := range c.ws.Expected {
		if i, ok := kept[j]; ok {
			units = append(units, c.entries[i].UnitEntry)
			placed[i] = true
			continue
		}
		units = append(units, report.UnitEntry{Unit: x.Unit, Kind: x.Kind, State: Missing})
		c.entries = append(c.entries, entry{UnitEntry: units[len(units)-1]})
		placed = append(placed, true)
	}
	for i, e := range c.entries {
		if !placed[i] {
			units = append(units, e.UnitEntry)
		}
	}
	c.ws.Units = units
}

// values returns a unit's values of the workspace's cells.
func (c *run) values(cells map[string]value.Value) []value.Value {
	out := make([]value.Value, len(c.ws.Cells))
	for i, id := range c.ws.Cells {
		out[i] = cells[id]
	}
	return out
}
