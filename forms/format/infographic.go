package format

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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
// format asking for thousands would make a picture no portal (and no PDF
// reader: a page is at most 200 inches) takes; its texts must fit a tile.
const (
	// MaxInfoPanels is the most panels of a 图解 (official: 5).
	MaxInfoPanels = 12
	// MaxInfoFigures is the most figures of a panel (official: 8).
	MaxInfoFigures = 24
	// MaxInfoTotal is the most figures of all panels (official: 28).
	MaxInfoTotal = 60
	// MaxInfoLabel is the most characters of a panel's title or a
	// figure's label (official: 10); MaxInfoUnit of a unit (2), MaxInfoNote
	// of a panel's note (16).
	MaxInfoLabel = 20
	MaxInfoUnit  = 4
	MaxInfoNote  = 100
)

// SumCells are the cell IDs of a sum written "a+b+c".
func SumCells(sum string) []string {
	ids := strings.Split(sum, "+")
	for i, id := range ids {
		ids[i] = strings.TrimSpace(id)
	}
	return ids
}

// checkInfographic checks the panels' kinds, sizes, texts and cells.
func (f *Format) checkInfographic(c *checker) {
	g := f.Infographic
	if g == nil {
		return
	}
	if len(g.Panels) == 0 || len(g.Panels) > MaxInfoPanels {
		c.add("format.badInfographic", "Where", "infographic", "Field", fmt.Sprintf("panels: %d", len(g.Panels)))
	}
	total := 0
	for _, p := range g.Panels {
		total += len(p.Figures)
	}
	if total > MaxInfoTotal {
		c.add("format.badInfographic", "Where", "infographic", "Field", fmt.Sprintf("figures: %d", total))
	}
	for i, p := range g.Panels[:min(len(g.Panels), MaxInfoPanels)] {
		where := fmt.Sprintf("infographic.panels[%d]", i)
		if !infoText(p.Title, 1, MaxInfoLabel) || !infoText(p.Note, 0, MaxInfoNote) {
			c.add("format.badInfographic", "Where", where, "Field", "title, note")
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
			if !infoText(fig.Label, 1, MaxInfoLabel) || !infoText(fig.Unit, 0, MaxInfoUnit) {
				c.add("format.badInfographic", "Where", at, "Field", "label, unit")
			}
			f.checkSum(c, at, fig.Value)
		}
	}
}

// infoText tells whether a text of the 图解 has from least to most
// characters, not counting spaces at its ends, and no control character.
func infoText(s string, least, most int) bool {
	n := utf8.RuneCountInString(strings.TrimSpace(s))
	return n >= least && n <= most && !strings.ContainsFunc(s, unicode.IsControl)
}

// checkSum refuses a sum of cells that is empty, names a cell the format
// has not or twice, a text cell, a money cell whose unit the clerk chooses
// (元 or 万元: its figure would have no one unit), or cells of different
// kinds of number (money and counts).
func (f *Format) checkSum(c *checker, where, sum string) {
	if strings.TrimSpace(sum) == "" {
		c.add("format.badInfographic", "Where", where, "Field", "value")
		return
	}
	ids := SumCells(sum)
	var money []bool
	for i, id := range ids {
		cell, ok := f.Cell(id)
		switch {
		case !ok || slices.Contains(ids[:i], id):
			c.add("format.badInfographic", "Where", where, "Field", id)
		case cell.Spec.Kind == Text || len(cell.Spec.Units) > 1:
			c.add("format.badInfographic", "Where", where, "Field", id+": "+string(cell.Spec.Kind))
		default:
			money = append(money, cell.Spec.Kind == Money)
		}
	}
	if slices.Contains(money, true) && slices.Contains(money, false) {
		c.add("format.badInfographic", "Where", where, "Field", sum)
	}
}
