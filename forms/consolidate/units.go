package consolidate

import (
	"math"

	"nianbao/forms/value"
)

// unitFactors are the money units a format may let the clerk choose, in
// 元: amounts in different units are converted before they are summed.
var unitFactors = map[string]value.Dec{"元": value.Int(1), "万元": value.Int(10000)}

// chooseUnits decides, for each summed cell whose unit the clerk chooses,
// the unit of the sum: the one every contributing unit chose, else 万元
// (amounts in 元 converted). A cell with an amount that cannot be
// converted exactly (its unit not chosen, or without a known factor) is
// left out of every sum, the breakdown's too, and reported, never summed
// wrong.
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
		for _, e := range c.entries {
			if v := e.rec.cells[id]; e.Included && v.State == value.Number {
				if _, ok := convert(v, e.rec.units[id], c.units[id]); !ok {
					c.unitless[id] = true
				}
			}
		}
	}
}

// inUnit converts v from unit from to the sum's unit of cell id.
func (c *run) inUnit(id string, v value.Value, from string) (value.Value, bool) {
	to, ok := c.units[id]
	if !ok {
		return v, true
	}
	return convert(v, from, to)
}

// convert converts an amount from one money unit to another exactly;
// false when it cannot (an unknown unit, or more decimals than a value
// holds).
func convert(v value.Value, from, to string) (value.Value, bool) {
	if v.State != value.Number || from == to {
		return v, true
	}
	f, t := unitFactors[from], unitFactors[to]
	if f == 0 || t == 0 {
		return value.Value{}, false
	}
	// v·f/t in millionths: f and t are whole numbers of 元.
	fw, tw := f.Whole(), t.Whole()
	n := int64(v.Num)
	if fw != 1 && (n > math.MaxInt64/fw || n < math.MinInt64/fw) {
		return value.Value{}, false
	}
	n *= fw
	if n%tw != 0 {
		return value.Value{}, false
	}
	return value.Scaled(value.Dec(n/tw), 0), true
}
