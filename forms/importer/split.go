package importer

import (
	"slices"
	"strings"

	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/rules"
	"nianbao/forms/value"
)

// Limits of splitting run-together digits: beyond them the row is flagged
// rather than searched.
const (
	maxSplitCandidates = 50_000 // splits tried for one row
	maxValueDigits     = 13     // digits of the largest value (value.MaxWhole)
	maxBalancing       = 20     // splits kept that balance
)

// splitResult is what splitting a row's run-together digits gave: the
// readings that balance the table's rules, or, when none does, those
// tried (first few).
type splitResult struct {
	readings [][]string // each: one text per cell of the row
	balanced bool
	cut      bool // the search stopped at maxSplitCandidates
	// covered: every cell of the row is in a rule that decided; else a
	// single balancing reading proves nothing about the others.
	covered bool
}

// splits reads a row whose values ran together (15130000154 for seven
// cells): every way to cut the digit runs into as many values as the row
// has cells, no value with a leading zero, kept when the rules on the
// row's cells (and cells read before) hold. It returns nothing when the
// values read cannot be cut (too few digits, or decimals).
func (r *tableReader) splits(rw row, vals []token) *splitResult {
	n := len(rw.cells)
	digits := 0
	for _, v := range vals {
		if v.num && v.unit == "" && !strings.ContainsAny(v.text, ".-") {
			digits += len(v.text)
		} else {
			digits++
		}
	}
	if digits < n || digits > n*maxValueDigits {
		return nil
	}
	check, covered := r.rowChecks(rw)
	res := &splitResult{covered: covered}
	var tried [][]string
	count := 0
	cur := make([]string, 0, n)
	var walk func(t, pos int) bool
	walk = func(t, pos int) bool { // token t, from digit pos; false: stop
		if len(cur) > n {
			return true
		}
		if t == len(vals) {
			if len(cur) != n {
				return true
			}
			count++
			if count > maxSplitCandidates {
				res.cut = true
				return false
			}
			reading := slices.Clone(cur)
			if check(reading) {
				res.readings = append(res.readings, reading)
				if len(res.readings) > maxBalancing {
					res.cut = true // more balance than were kept: any cell may differ
					return false
				}
			} else if len(tried) < 3 {
				tried = append(tried, reading)
			}
			return true
		}
		v := vals[t]
		if !v.num || v.unit != "" || strings.ContainsAny(v.text, ".-") {
			cur = append(cur, v.text)
			ok := walk(t+1, 0)
			cur = cur[:len(cur)-1]
			return ok
		}
		rest := v.text[pos:]
		for l := 1; l <= len(rest); l++ {
			part := rest[:l]
			if len(part) > 1 && part[0] == '0' {
				break // no value starts with 0
			}
			if l < len(rest) && len(cur)+1 >= n {
				continue // the rest of this run needs more cells than are left
			}
			cur = append(cur, part)
			var ok bool
			if l == len(rest) {
				ok = walk(t+1, 0)
			} else {
				ok = walk(t, pos+l)
			}
			cur = cur[:len(cur)-1]
			if !ok {
				return false
			}
		}
		return true
	}
	walk(0, 0)
	if len(res.readings) > 0 {
		res.balanced = true
		return res
	}
	res.readings = tried
	return res
}

// assignSplit sets a row from its splits: the only balancing reading is
// certain; several, or none that balances, leave each cell uncertain with
// its candidate readings (the first reading set, if any).
func (r *tableReader) assignSplit(rw row, res *splitResult) {
	if len(res.readings) == 0 {
		for _, c := range rw.cells {
			r.mark(c.ID, l10n.T("importer.runTogetherTooMany"), nil)
		}
		return
	}
	first := res.readings[0]
	for i, c := range rw.cells {
		r.set(c, token{text: first[i], num: true}, "")
	}
	if res.balanced && len(res.readings) == 1 && !res.cut && res.covered {
		return
	}
	reason := l10n.T("importer.runTogetherAmbiguous", "Count", len(res.readings))
	switch {
	case res.cut:
		reason = l10n.T("importer.runTogetherTooMany")
	case !res.balanced:
		reason = l10n.T("importer.runTogetherUnbalanced")
	}
	for i, c := range rw.cells {
		var cands []string
		for _, rd := range res.readings {
			if !slices.Contains(cands, rd[i]) {
				cands = append(cands, rd[i])
			}
		}
		if len(cands) > 1 || !res.balanced || res.cut {
			r.mark(c.ID, reason, cands[:min(len(cands), 5)])
		}
	}
}

// rowChecks returns a test of a reading of a row: the error rules whose
// cells are the row's or were read before hold. Rules limited to some unit
// kinds are left out.
func (r *tableReader) rowChecks(rw row) (func(reading []string) bool, bool) {
	pos := map[int]int{} // cell index → position in the row
	for i, c := range rw.cells {
		pos[c.Index] = i
	}
	cells := r.doc.Entry.Format.Cells()
	var fs []rules.Formula
	for _, f := range r.formulas {
		if f.Rule.Severity != format.Error || f.Rule.When != nil {
			continue
		}
		inRow, known := false, true
		for _, t := range append(slices.Clone(f.Left), f.Right...) {
			if _, ok := pos[t.Cell]; ok {
				inRow = true
			} else if _, ok := r.doc.Report.Cells[cells[t.Cell].ID]; !ok || r.uncertain[cells[t.Cell].ID].Reason != "" {
				known = false
			}
		}
		if inRow && known {
			fs = append(fs, f)
		}
	}
	seen := map[int]bool{}
	for _, f := range fs {
		for _, t := range append(slices.Clone(f.Left), f.Right...) {
			seen[t.Cell] = true
		}
	}
	covered := true
	for _, c := range rw.cells {
		covered = covered && seen[c.Index]
	}
	return func(reading []string) bool {
		for _, s := range reading {
			if _, err := value.Parse(s); err != nil && s != value.NAMark {
				return false // too long to be a value
			}
		}
		val := func(i int) value.Dec {
			if p, ok := pos[i]; ok {
				d, _ := value.Parse(reading[p])
				return d
			}
			return r.doc.Report.Cells[cells[i].ID].Amount()
		}
		for _, f := range fs {
			var left, right value.Dec = f.LeftConst, f.RightConst
			for _, t := range f.Left {
				left += sign(t, val(t.Cell))
			}
			for _, t := range f.Right {
				right += sign(t, val(t.Cell))
			}
			if !holds(f.Op, left, right) {
				return false
			}
		}
		return true
	}, covered
}

func sign(t rules.Term, d value.Dec) value.Dec {
	if t.Neg {
		return -d
	}
	return d
}

func holds(op string, a, b value.Dec) bool {
	switch op {
	case "=":
		return a == b
	case "<>":
		return a != b
	case "<=":
		return a <= b
	case ">=":
		return a >= b
	case "<":
		return a < b
	case ">":
		return a > b
	}
	return true
}
