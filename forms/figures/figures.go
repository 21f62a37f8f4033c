// Package figures gathers a report's headline figures for its 图解 (一图读
// 懂) as the format's infographic (format data) declares them: panels of
// figures, each the sum of cells it names, a share of the panel's whole
// for a bar chart, and the change from last year's figure when last
// year's report is linked. Nothing here is typed by anyone: a 图解 drawn
// from these figures agrees with the tables.
package figures

import (
	"math/big"

	"nianbao/forms/format"
	"nianbao/forms/value"
)

// Sheet is the figures of a 图解, panel by panel.
type Sheet struct {
	Panels []Panel
	// LastYear tells whether last year's report is linked and has figures
	// to compare (one of another format may have none).
	LastYear bool
}

// Panel is a panel of figures: tiles of numbers, or bars of shares of
// Whole.
type Panel struct {
	Title   string
	Note    string
	Kind    format.PanelKind
	Whole   *Figure // BarsPanel: the sum the bars are shares of
	Figures []Figure
}

// Figure is a figure of a panel as printed, and where it comes from.
type Figure struct {
	Label, Unit string
	// Text is the figure as printed, with the decimals its cells were
	// typed with (12, 12.50), "" when a cell of it holds no number (blank
	// or 不适用).
	Text  string
	Cells []string
	// Share is the figure's share of its panel's whole (bars), nil when
	// the whole is 0 or unknown.
	Share *Share
	// Change is the change from last year's figure, nil when last year's
	// is not known.
	Change *Change
}

// Known tells whether every cell of the figure holds a number.
func (f Figure) Known() bool { return f.Text != "" }

// Share is a percentage, printed to one decimal (57.7%).
type Share struct {
	Text    string
	Percent float64
}

// Change is a figure's change from last year's.
type Change struct {
	// Prev is last year's figure as printed.
	Prev string
	// Direction is +1 up, -1 down, 0 the same.
	Direction int
	// Percent is the change as a percentage of the size of last year's,
	// to one decimal when it has one and without sign (12.5%, 50%); "" when
	// the same or last year's was 0 (FromZero).
	Percent  string
	FromZero bool
}

// Make gathers the figures f's infographic declares from a report's values
// (computed cells included) and last year's (nil when no report of last
// year is linked). A format without an infographic gives an empty sheet.
func Make(f *format.Format, vals, prev map[string]value.Value) *Sheet {
	s := &Sheet{}
	if f.Infographic == nil {
		return s
	}
	for _, p := range f.Infographic.Panels {
		panel := Panel{Title: p.Title, Note: p.Note, Kind: p.Kind}
		var whole *big.Rat
		if p.Kind == format.BarsPanel {
			w := figure(format.InfoFigure{Value: p.Whole}, vals, nil)
			panel.Whole = &w
			whole, _ = value.SumOf(vals, w.Cells)
		}
		for _, fd := range p.Figures {
			fig := figure(fd, vals, prev)
			if sum, ok := value.SumOf(vals, fig.Cells); ok && whole != nil && whole.Sign() > 0 {
				share := value.Percent(sum, whole)
				pc, _ := share.Float64()
				fig.Share = &Share{Text: share.FloatString(1) + "%", Percent: pc}
			}
			s.LastYear = s.LastYear || fig.Change != nil
			panel.Figures = append(panel.Figures, fig)
		}
		s.Panels = append(s.Panels, panel)
	}
	return s
}

// figure is one figure of vals, with its change from prev.
func figure(fd format.InfoFigure, vals, prev map[string]value.Value) Figure {
	fig := Figure{Label: fd.Label, Unit: fd.Unit, Cells: format.SumCells(fd.Value)}
	sum, ok := value.SumOf(vals, fig.Cells)
	if !ok {
		return fig
	}
	fig.Text = printed(sum, vals, fig.Cells)
	if last, ok := value.SumOf(prev, fig.Cells); ok && prev != nil {
		fig.Change = change(sum, last)
		fig.Change.Prev = printed(last, prev, fig.Cells)
	}
	return fig
}

// printed writes a sum of cells with the most decimals they were typed
// with (a total's rule: 12.50 stays 12.50).
func printed(sum *big.Rat, vals map[string]value.Value, ids []string) string {
	scale := 0
	for _, id := range ids {
		scale = max(scale, int(vals[id].Scale))
	}
	if scale == 0 {
		return value.RatString(sum)
	}
	return sum.FloatString(scale)
}

// change is the change from last to now.
func change(now, last *big.Rat) *Change {
	c := &Change{Direction: now.Cmp(last), FromZero: last.Sign() == 0}
	if !c.FromZero && c.Direction != 0 {
		diff := new(big.Rat).Abs(new(big.Rat).Sub(now, last))
		c.Percent = value.OneDecimal(value.Percent(diff, new(big.Rat).Abs(last))) + "%"
	}
	return c
}
