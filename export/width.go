package export

import "nianbao/forms/format"

// Width is the display width of s in a monospaced terminal or text editor:
// CJK characters and full-width forms take two columns, others one.
func Width(s string) int {
	w := 0
	for _, r := range s {
		if Wide(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// Wide reports whether r takes two columns.
func Wide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115F || (r >= 0x2E80 && r <= 0xA4CF) || (r >= 0xAC00 && r <= 0xD7A3) ||
		(r >= 0xF900 && r <= 0xFAFF) || (r >= 0xFE30 && r <= 0xFE4F) || (r >= 0xFF00 && r <= 0xFF60) ||
		(r >= 0xFFE0 && r <= 0xFFE6) || r >= 0x20000)
}

// Column widths, as shares of a 156 mm text width: a value column holds at
// least a four-digit number (8888) and its widest value, a tall merged
// label (三、本年度办理结果) wraps four characters to a line as printed,
// and the other label columns share what is left by the labels they hold.
const (
	tallColShare = 0.1085 // 4 characters of 五号 and padding
	textWidthMM  = 156.0
	// halfWidthMM is a digit of 五号 in the widest font a word processor
	// puts in for a missing 宋体: DejaVu Sans, whose digits are 0.636 em
	// (2.36 mm), where 宋体's are 0.5 em.
	halfWidthMM = 2.4
	// cellPadMM is the cell's margin on each side: the Word table's 57
	// twips and its border.
	cellPadMM = 1.2
	// valueColShare fits four digits: 12 mm.
	valueColShare = (4*halfWidthMM + 2*cellPadMM) / textWidthMM
)

// ColumnShares returns the share of the text width each grid column of the
// table takes; they add up to 1. A table too wide for the page (表四 has
// fifteen value columns) is shrunk evenly.
func (t *Table) ColumnShares() []float64 {
	n := t.Grid.Cols
	out := make([]float64, n)
	isValue := make([]bool, n)
	tall := make([]bool, n)
	need := make([]float64, n)
	valueNeed := make([]float64, n) // half-width characters of the widest value
	for _, c := range t.Cells {
		switch {
		case c.Role == format.ValueCell || c.Role == format.Blank || c.Role == format.UnitLabel:
			for i := c.Col; i < c.Col+c.ColSpan; i++ {
				isValue[i] = true
			}
			if c.ColSpan == 1 {
				valueNeed[c.Col] = max(valueNeed[c.Col], float64(Width(c.Text)))
			}
		case c.Role == format.RowLabel && c.ColSpan == 1 && c.RowSpan > 2:
			tall[c.Col] = true
		case c.Role == format.RowLabel && c.ColSpan == 1:
			need[c.Col] = max(need[c.Col], float64(min(Width(c.Text), 40)))
		}
	}
	rest, labelNeed := 1.0, 0.0
	for i := range out {
		switch {
		case isValue[i]:
			// Wide enough for its widest value, so that numbers never wrap.
			out[i] = max(valueColShare, (valueNeed[i]*halfWidthMM+2*cellPadMM)/textWidthMM)
		case tall[i] && need[i] == 0:
			out[i] = tallColShare
		default:
			labelNeed += max(need[i], 8)
			continue
		}
		rest -= out[i]
	}
	for i := range out {
		if out[i] == 0 {
			out[i] = max(rest, 0.2) * max(need[i], 8) / labelNeed
		}
	}
	total := 0.0
	for _, s := range out {
		total += s
	}
	for i := range out {
		out[i] /= total
	}
	return out
}

// HeaderRow reports whether grid row r holds only band or header cells: a
// row that must stay on the page of the row under it.
func (t *Table) HeaderRow(r int) bool {
	found := false
	for _, c := range t.Cells {
		if c.Row == r {
			if !c.Header {
				return false
			}
			found = true
		}
	}
	return found
}
