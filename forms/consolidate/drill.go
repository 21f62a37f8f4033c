package consolidate

import (
	"maps"
	"slices"

	"nianbao/forms/l10n"
	"nianbao/forms/report"
	"nianbao/forms/rules"
	"nianbao/forms/value"
)

// Contribution is what one unit gives to a consolidated cell.
type Contribution struct {
	Unit, Kind, File string
	State            string
	Value            value.Value // blank where the unit left the cell blank
	Included         bool        // in the sums
}

// Contributions returns, for cell id of a consolidated report, each
// received unit of the report's format with its value, in the board's
// order: the drill-down. Money is shown in the sum's unit where it
// converts; a total's value is the unit's own total, computed by the
// engine from its values.
func Contributions(d *report.Doc, id string) ([]Contribution, error) {
	ws := d.Report.Consolidation
	if ws == nil {
		return nil, l10n.Errorf("consolidate.notConsolidation", "Unit", d.Report.Unit.Name)
	}
	c, ok := d.Entry.Format.Cell(id)
	if !ok {
		return nil, l10n.Errorf("report.noSuchCell", "ID", id)
	}
	pos := slices.Index(ws.Cells, id)
	computed := d.Entry.Rules.Computed(c.Index)
	var out []Contribution
	for _, u := range ws.Units {
		if u.File == "" || u.Format != d.Report.Format || u.State == Refused || u.State == Duplicate {
			continue
		}
		var v value.Value
		switch {
		case pos >= 0:
			v = report.ValueAt(u.Values, pos)
			if to := d.Report.Units[id]; to != "" {
				if w, ok := convert(v, u.Units[id], to); ok {
					v = w // in the sum's unit
				}
			}
		case computed:
			v = evaluate(d, ws.Cells, report.DecodeValues(u.Values, len(ws.Cells)), u.Kind)[c.Index]
		}
		out = append(out, Contribution{Unit: u.Unit, Kind: u.Kind, File: u.File, State: u.State, Value: v, Included: u.Included})
	}
	return out, nil
}

// evaluate returns every cell's value for values of the workspace's cells,
// totals computed; a total over blank cells is blank.
func evaluate(d *report.Doc, ids []string, vals []value.Value, kind string) []value.Value {
	cells := d.Entry.Format.Cells()
	in := make([]value.Value, len(cells))
	for i, id := range ids {
		if c, ok := d.Entry.Format.Cell(id); ok {
			in[c.Index] = vals[i]
		}
	}
	res := d.Entry.Rules.Evaluate(rules.Input{Values: in, UnitKind: kind})
	for i := range res.Values {
		if res.Partial[i] {
			res.Values[i] = value.Value{}
		}
	}
	return res.Values
}

// Column is one unit kind's sums, totals computed: a column of the
// breakdown.
type Column struct {
	Kind   string
	Values []value.Value // by cell index of the format
}

// Breakdown returns the consolidated report's sums per unit kind, in the
// order of the known kinds (kinds this machine does not know last): the
// breakdown table.
func Breakdown(d *report.Doc) []Column {
	ws := d.Report.Consolidation
	if ws == nil {
		return nil
	}
	var order []string
	for _, k := range d.Kinds().All() {
		if _, ok := ws.ByKind[k.ID]; ok {
			order = append(order, k.ID)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(ws.ByKind)) {
		if !slices.Contains(order, k) {
			order = append(order, k)
		}
	}
	out := make([]Column, len(order))
	for i, k := range order {
		out[i] = Column{Kind: k, Values: evaluate(d, ws.Cells, report.DecodeValues(ws.ByKind[k], len(ws.Cells)), k)}
	}
	return out
}
