package consolidate

import (
	"maps"
	"nianbao/forms/report"
	"nianbao/forms/value"
	"slices"
)

// acc sums values cell by cell, exactly: a number with the most decimals
// among its terms, 不适用 where every term is 不适用 (blank terms add
// nothing), blank where nothing was added.
type acc struct {
	sum      []value.Dec
	scale    []uint8
	num, na  []bool
	overflow []bool
}

func newAcc(n int) *acc {
	return &acc{sum: make([]value.Dec, n), scale: make([]uint8, n), num: make([]bool, n), na: make([]bool, n), overflow: make([]bool, n)}
}

func (a *acc) add(vals []value.Value) {
	for i, v := range vals {
		switch v.State {
		case value.NA:
			a.na[i] = true
		case value.Number:
			s, ok := value.Add(a.sum[i], v.Num)
			a.sum[i], a.num[i] = s, true
			a.scale[i] = max(a.scale[i], v.Scale)
			a.overflow[i] = a.overflow[i] || !ok || s > value.Int(value.MaxWhole) || s < -value.Int(value.MaxWhole)
		}
	}
}

func (a *acc) values() []value.Value {
	out := make([]value.Value, len(a.sum))
	for i := range out {
		switch {
		case a.overflow[i]:
		case a.num[i]:
			out[i] = value.Scaled(a.sum[i], int(a.scale[i]))
		case a.na[i]:
			out[i] = value.NotApplicable
		}
	}
	return out
}

// sum adds up the included units, overall and per kind, into the
// workspace's ByKind and Overflow, and returns the overall sums.
func (c *run) sum() []value.Value {
	c.chooseUnits()
	n := len(c.ws.Cells)
	total := newAcc(n)
	byKind := map[string]*acc{}
	kindAcc := func(k string) *acc {
		if byKind[k] == nil {
			byKind[k] = newAcc(n)
		}
		return byKind[k]
	}
	for _, e := range c.entries {
		if !e.Included {
			continue
		}
		vals := c.converted(c.values(e.rec.cells), e.rec.units)
		total.add(vals)
		nested := e.rec.nested
		if nested == nil || len(nested.ByKind) == 0 {
			kindAcc(e.Kind).add(vals)
			continue
		}
		rename := c.nestedRename(nested)
		for _, k := range slices.Sorted(maps.Keys(nested.ByKind)) {
			kk := k
			if to, ok := rename[k]; ok {
				kk = to
			}
			kindAcc(kk).add(c.converted(c.values(cellsOf(nested.Cells, report.DecodeValues(nested.ByKind[k], len(nested.Cells)))), e.rec.units))
		}
	}
	c.ws.ByKind = map[string]string{}
	for k, a := range byKind {
		c.ws.ByKind[k] = report.EncodeValues(a.values())
	}
	c.ws.Overflow, c.ws.MixedUnits = nil, nil
	for i, o := range total.overflow {
		if o {
			c.ws.Overflow = append(c.ws.Overflow, c.ws.Cells[i])
		}
	}
	for _, id := range c.ws.Cells {
		if c.unitless[id] {
			c.ws.MixedUnits = append(c.ws.MixedUnits, id)
			delete(c.units, id)
		}
	}
	return total.values()
}

// converted returns a unit's values with money in the unit of the sum;
// amounts of cells that cannot be summed in one unit are left out.
func (c *run) converted(vals []value.Value, units map[string]string) []value.Value {
	for i, id := range c.ws.Cells {
		if c.unitless[id] {
			vals[i] = value.Value{}
		} else if _, ok := c.units[id]; ok {
			vals[i], _ = c.inUnit(id, vals[i], units[id])
		}
	}
	return vals
}

// nestedRename returns how the kinds inside a received 汇总 count here:
// by the Nested map of the kind of its own government (a county's
// departments are county-department), none when it has none.
func (c *run) nestedRename(nested *report.Consolidation) map[string]string {
	for _, u := range nested.Units {
		if k, ok := c.kinds.Lookup(u.Kind); ok && len(k.Nested) > 0 {
			return k.Nested
		}
	}
	return nil
}

func cellsOf(ids []string, vals []value.Value) map[string]value.Value {
	out := make(map[string]value.Value, len(ids))
	for i, id := range ids {
		out[id] = vals[i]
	}
	return out
}
