package format

import (
	"fmt"
	"strings"
)

// Infographic says what a report's 图解 (一图读懂) shows: panels of headline
// figures, each a sum of cells, in the order they are drawn. The figures
// are taken from the report, never typed: the picture cannot drift from
// the tables.
type Infographic struct {
	Panels []InfoPanel `json:"panels"`
}

// PanelKind is how a panel of the 图解 draws its figures.
type PanelKind string

// The panel kinds.
const (
	// TilesPanel shows each figure as a large number with its label, and
	// its change from last year's when last year's report is linked.
	TilesPanel PanelKind = "tiles"
	// BarsPanel shows each figure as a bar of its share of the panel's
	// Whole: the outcomes of the applications.
	BarsPanel PanelKind = "bars"
)

// InfoPanel is a panel of the 图解: a title, and figures drawn as Kind says.
// Whole is the sum (cells joined by "+") the bars are shares of; Note a
// line under the title (what the shares are of).
type InfoPanel struct {
	Title   string       `json:"title"`
	Note    string       `json:"note,omitempty"`
	Kind    PanelKind    `json:"kind"`
	Whole   string       `json:"whole,omitempty"`
	Figures []InfoFigure `json:"figures"`
}

// InfoFigure is a figure of a panel: its label, the sum of cells it is
// ("t3.open.total+t3.partial.total") and its unit (件, 万元).
type InfoFigure struct {
	Label string `json:"label"`
	Value string `json:"value"`
	Unit  string `json:"unit,omitempty"`
}

// Limits on a format's 图解: every panel and figure is drawn, so a local
// format asking for thousands would make a picture no portal takes.
const (
	// MaxInfoPanels is the most panels of a 图解 (official: 5).
	MaxInfoPanels = 12
	// MaxInfoFigures is the most figures of a panel (official: 8).
	MaxInfoFigures = 24
)

// SumCells are the cell IDs of a sum written "a+b+c".
func SumCells(sum string) []string {
	ids := strings.Split(sum, "+")
	for i, id := range ids {
		ids[i] = strings.TrimSpace(id)
	}
	return ids
}

// checkInfographic checks the panels' kinds, sizes, labels and cells.
func (f *Format) checkInfographic(c *checker) {
	g := f.Infographic
	if g == nil {
		return
	}
	if len(g.Panels) == 0 || len(g.Panels) > MaxInfoPanels {
		c.add("format.badInfographic", "Where", "infographic", "Field", fmt.Sprintf("panels: %d", len(g.Panels)))
	}
	for i, p := range g.Panels[:min(len(g.Panels), MaxInfoPanels)] {
		where := fmt.Sprintf("infographic.panels[%d]", i)
		if strings.TrimSpace(p.Title) == "" || len([]rune(p.Title)) > MaxLabelLength || len([]rune(p.Note)) > MaxLabelLength {
			c.add("format.badInfographic", "Where", where, "Field", "title")
		}
		if len(p.Figures) == 0 || len(p.Figures) > MaxInfoFigures {
			c.add("format.badInfographic", "Where", where, "Field", fmt.Sprintf("figures: %d", len(p.Figures)))
		}
		switch p.Kind {
		case TilesPanel:
			if p.Whole != "" {
				c.add("format.badInfographic", "Where", where, "Field", "whole")
			}
		case BarsPanel:
			f.checkSum(c, where, p.Whole)
		default:
			c.add("format.badInfographic", "Where", where, "Field", "kind: "+string(p.Kind))
		}
		for j, fig := range p.Figures[:min(len(p.Figures), MaxInfoFigures)] {
			at := fmt.Sprintf("%s.figures[%d]", where, j)
			if strings.TrimSpace(fig.Label) == "" || len([]rune(fig.Label)) > MaxLabelLength || len([]rune(fig.Unit)) > MaxLabelLength {
				c.add("format.badInfographic", "Where", at, "Field", "label")
			}
			f.checkSum(c, at, fig.Value)
		}
	}
}

// checkSum refuses a sum of cells that is empty or names a cell the format
// has not.
func (f *Format) checkSum(c *checker, where, sum string) {
	if strings.TrimSpace(sum) == "" {
		c.add("format.badInfographic", "Where", where, "Field", "value")
		return
	}
	for _, id := range SumCells(sum) {
		if _, ok := f.index[id]; !ok {
			c.add("format.badInfographic", "Where", where, "Field", id)
		}
	}
}
