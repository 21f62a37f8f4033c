package consolidate

import (
	"nianbao/forms/value"
)

// unitFactors are the money units a format may let the clerk choose, in
// 元: amounts in different units are converted before they are summed.
var unitFactors = map[string]value.Dec{"元": value.Int(1), "万元": value.Int(10000)}

// chooseUnits decides, for each summed cell whose unit the clerk chooses,
// the unit of the sum: the one every contributing unit chose, else 万元
// (amounts in 元 converted). A cell whose amounts cannot be converted (a
// unit not chosen, or one without a known factor) is left out of the
// sums and reported, never summed wrong.
func (c *run) chooseUnits() {
	c.units, c.unitless = map[string]string{}, map[string]bool{}
	f := c.target.Entry.Format
	for _, id := range c.ws.Cells {
		cell, _ := f.Cell(id)
		if len(cell.Spec.Units) == 0 {
			continue
		}
		chosen := map[string]bool{}
		for _, e := range c.entries {
			if e.Included && e.rec.cells[id].State == value.Number {
				chosen[e.rec.units[id]] = true
			}
		}
		switch {
		case len(chosen) == 1:
			for u := range chosen {
				c.units[id] = u
			}
		case len(chosen) > 1:
			c.units[id] = "万元"
		}
		for u := range chosen {
			if _, ok := unitFactors[u]; !ok && len(chosen) > 1 || u == "" {
				c.unitless[id] = true
			}
		}
	}
}

// inUnit converts v from unit from to the sum's unit of cell id; false
// when it cannot be converted exactly.
func (c *run) inUnit(id string, v value.Value, from string) (value.Value, bool) {
	to, ok := c.units[id]
	if !ok || v.State != value.Number || from == to {
		return v, true
	}
	f, t := unitFactors[from], unitFactors[to]
	if f == 0 || t == 0 {
		return value.Value{}, false
	}
	// v·f/t exactly, in the decimals value.Dec holds.
	n := int64(v.Num) * (int64(f) / int64(value.Int(1)))
	d := int64(t) / int64(value.Int(1))
	if n%d != 0 {
		return value.Value{}, false
	}
	return value.Scaled(value.Dec(n/d), 0), true
}
