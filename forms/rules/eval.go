package rules

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/value"
)

// Input is what the rules are evaluated over.
type Input struct {
	// Values holds the report's cells by index in the format's Cells.
	Values []value.Value
	// Invalid maps the IDs of cells whose stored text could not be read as
	// their kind to a Chinese explanation; such cells count as blank.
	Invalid map[string]string
	// Texts maps section IDs to their texts.
	Texts map[string]string
	// Units maps money cells that offer a choice of unit to the chosen one.
	Units map[string]string
	// UnitKind is one of format.UnitKinds.
	UnitKind string
	// UnitName is the reporting unit's name, which limits may depend on.
	UnitName string
	// TypedTotals keeps computed cells as typed and checks them instead.
	TypedTotals bool
	// Sections are the report's sections, where its list differs from the
	// format's (a pre-2019 report's own parts); nil for the format's.
	Sections []*format.Section
	// Prev looks up a cell of last year's report; nil when none is linked.
	Prev func(id string) (value.Value, bool)
	// PrevTexts are the texts of last year's report by section ID; nil
	// when none is linked.
	PrevTexts map[string]string
}

// Problem is a failed rule.
type Problem struct {
	Rule     string
	Severity format.Severity
	Cells    []string // the cells involved, for highlighting
	Section  string   // the text section involved, if any
	// Quote is the words of the text a check of the text is about.
	Quote string
	// Unit names the unit whose report the problem is about, in a
	// consolidation (a unit counted twice); empty for the report's own.
	Unit    string
	Message string
	// Actual and Expected are the values of the left and right side of a
	// failed comparison, written with the most decimals among their terms;
	// nil for other checks.
	Actual, Expected *value.Value
	// Blank marks the problem of an input cell or a text section that is
	// not filled in yet: an error like any other for the check and the
	// exports, which the editor shows as work still to do rather than as a
	// mistake.
	Blank bool
}

// Result is the outcome of an evaluation.
type Result struct {
	// Values holds every cell, computed cells filled in. A total of partly
	// blank cells holds the sum so far, for display while typing.
	Values []value.Value
	// Partial marks the cells whose value is not final: blank or unreadable
	// inputs, and totals that sum any of them.
	Partial  []bool
	Problems []Problem
	// Checks holds where each of the Set's Formulas stands, in the same
	// order: what a spreadsheet's check formula must read.
	Checks []CheckState
}

// CheckState is where one comparison stands after an evaluation.
type CheckState uint8

// The check states.
const (
	// NotChecked: the formula computes a total (and the report does not
	// keep typed totals), or its rule does not apply to the unit's kind.
	NotChecked CheckState = iota
	// Pending: a cell it compares is blank or not final (or a side
	// overflows), so the engine waits for it; the values rule names a
	// blank cell.
	Pending
	Passed
	Failed
)

// Errors counts the error-severity problems.
func (r *Result) Errors() int {
	n := 0
	for _, p := range r.Problems {
		if p.Severity == format.Error {
			n++
		}
	}
	return n
}

// Evaluate computes the computed cells and checks every rule.
func (s *Set) Evaluate(in Input) Result {
	cells := s.format.Cells()
	vals := make([]value.Value, len(cells))
	copy(vals, in.Values)
	// incomplete marks computed cells that sum a blank input.
	incomplete := make([]bool, len(cells))
	for i := range cells {
		incomplete[i] = vals[i].IsBlank() || in.Invalid[cells[i].ID] != ""
	}
	res := Result{Values: vals, Partial: incomplete}
	if !in.TypedTotals {
		for _, i := range s.order {
			inst := &s.instances[i]
			sum, filled, blank, overflow := s.sum(inst.rhs, vals, incomplete, nil)
			t := inst.computes
			switch {
			case overflow:
				vals[t] = value.Value{}
				res.Problems = append(res.Problems, s.overflowProblem(inst))
			case filled:
				vals[t] = sum
			default:
				vals[t] = value.Value{}
			}
			incomplete[t] = blank || overflow
		}
	}
	res.Problems = append(res.Problems, s.checkValues(in, vals)...)
	res.Problems = append(res.Problems, s.checkLimits(in, vals)...)
	res.Problems = append(res.Problems, s.checkUnusual(in, vals)...)
	for i := range s.instances {
		inst := &s.instances[i]
		state := NotChecked
		if inst.computes < 0 || in.TypedTotals {
			var p Problem
			if p, state = s.check(inst, in, vals, incomplete); state == Failed {
				res.Problems = append(res.Problems, p)
			}
		}
		if !inst.hasPrev {
			res.Checks = append(res.Checks, state) // as Formulas lists it
		}
	}
	res.Problems = append(res.Problems, s.checkTexts(in)...)
	res.Problems = append(res.Problems, s.checkRepeated(in)...)
	return res
}

// sum adds up one side into a number written with the most decimals among
// its terms (12.50 + 3 is 15.50). filled reports whether any operand holds a
// number or 不适用, blank whether any operand is blank or incomplete (or,
// for last year's cells, missing).
func (s *Set) sum(sd side, vals []value.Value, incomplete []bool, prev func(string) (value.Value, bool)) (sum value.Value, filled, blank, overflow bool) {
	total := value.Dec(sd.konst)
	var scale uint8
	for _, op := range sd.ops {
		var v value.Value
		if op.cell >= 0 {
			v = vals[op.cell]
			blank = blank || incomplete[op.cell]
		} else {
			pv, ok := prev(op.id)
			v = pv
			blank = blank || !ok || pv.IsBlank()
		}
		if !v.IsBlank() {
			filled = true
		}
		scale = max(scale, v.Scale)
		a := v.Amount()
		if op.neg {
			a = -a
		}
		var ok bool
		if total, ok = value.Add(total, a); !ok {
			overflow = true
		}
	}
	return value.Scaled(total, int(scale)), filled, blank, overflow
}

// check compares the two sides of an instance; the Problem is set when it
// fails.
func (s *Set) check(inst *instance, in Input, vals []value.Value, incomplete []bool) (Problem, CheckState) {
	r := inst.rule
	if inst.hasPrev && in.Prev == nil {
		return Problem{}, NotChecked
	}
	if r.When != nil && len(r.When.UnitKinds) > 0 && !slices.Contains(r.When.UnitKinds, in.UnitKind) {
		return Problem{}, NotChecked
	}
	lhs, _, lblank, lover := s.sum(inst.lhs, vals, incomplete, in.Prev)
	rhs, _, rblank, rover := s.sum(inst.rhs, vals, incomplete, in.Prev)
	switch {
	case lblank || rblank || lover || rover:
		return Problem{}, Pending
	case inst.op.holds(lhs.Num, rhs.Num):
		return Problem{}, Passed
	}
	sides := [2]value.Value{lhs, rhs} // copied, so that only a failure allocates
	return Problem{
		Rule:     r.ID,
		Severity: r.Severity,
		Cells:    inst.cells,
		Message: fill(r.Message, map[string]string{
			"label": inst.label, "actual": lhs.String(), "expected": rhs.String(),
		}),
		Actual:   &sides[0],
		Expected: &sides[1],
	}, Failed
}

func (s *Set) overflowProblem(inst *instance) Problem {
	return Problem{
		Rule:     inst.rule.ID,
		Severity: format.Error,
		Cells:    inst.cells,
		Message:  l10n.T("rules.overflow", "Cell", s.format.Cells()[inst.computes].Label()),
	}
}

// checkValues applies the values rules: every input cell filled and valid.
func (s *Set) checkValues(in Input, vals []value.Value) []Problem {
	var out []Problem
	for _, r := range s.other {
		if r.Check != format.ValuesCheck {
			continue
		}
		for i, c := range s.format.Cells() {
			if s.computedBy[i] >= 0 && !in.TypedTotals {
				continue
			}
			msg, blank := "", false
			if bad := in.Invalid[c.ID]; bad != "" {
				msg = l10n.T("rules.invalidValue", "Cell", c.Label(), "Detail", bad)
			} else if vals[i].IsBlank() {
				msg, blank = fill(r.Message, map[string]string{"label": c.Label()}), true
			} else if bad := kindProblem(c.Spec, vals[i]); bad != "" {
				msg = l10n.T("rules.invalidValue", "Cell", c.Label(), "Detail", bad)
			} else if len(c.Spec.Units) > 0 && vals[i].State == value.Number && in.Units[c.ID] == "" {
				msg = l10n.T("rules.noUnit", "Cell", c.Label(), "Units", strings.Join(c.Spec.Units, "、"))
			}
			if msg != "" {
				out = append(out, Problem{Rule: r.ID, Severity: r.Severity, Cells: []string{c.ID}, Message: msg, Blank: blank})
			}
		}
	}
	return out
}

// kindProblem tells why v does not fit spec, or returns "".
func kindProblem(spec format.ValueSpec, v value.Value) string {
	if v.State == value.NA {
		return ""
	}
	if (v.State == value.Text) != (spec.Kind == format.Text) {
		return l10n.T("rules.wrongKind")
	}
	switch spec.Kind {
	case format.Count:
		if v.Num < 0 {
			return l10n.T("input.negative")
		}
		if !v.Num.IsWhole() {
			return l10n.T("input.notWhole", "Text", v.Num.String())
		}
	case format.Signed:
		if !v.Num.IsWhole() {
			return l10n.T("input.notWhole", "Text", v.Num.String())
		}
	case format.Money:
		if v.Num < 0 {
			return l10n.T("input.negative")
		}
		if v.Num.Decimals() > spec.Decimals {
			return l10n.T("input.tooManyDecimals", "Max", spec.Decimals)
		}
	}
	return ""
}

// textTests says, for each kind of check on texts, whether a section's
// text (of count characters) fails rule r; the one table beside
// format's table of kinds.
var textTests = map[format.Check]func(text string, count int, sec *format.Section, r *format.Rule) bool{
	format.FilledCheck: func(_ string, count int, _ *format.Section, _ *format.Rule) bool { return count == 0 },
	format.LengthCheck: func(_ string, count int, sec *format.Section, _ *format.Rule) bool { return count > sec.MaxChars },
	format.MentionsCheck: func(text string, count int, _ *format.Section, r *format.Rule) bool {
		return count > 0 && !containsAny(text, r.Words)
	},
}

// checkTexts applies the rules on section texts.
func (s *Set) checkTexts(in Input) []Problem {
	var out []Problem
	for _, r := range s.other {
		test := textTests[r.Kind()]
		if test == nil {
			continue
		}
		all := in.Sections
		if all == nil {
			for i := range s.format.Sections {
				all = append(all, &s.format.Sections[i])
			}
		}
		var sections []*format.Section
		for _, sec := range all {
			if sec.Kind == format.TextSection && (r.Section == "" || r.Section == sec.ID) {
				sections = append(sections, sec)
			}
		}
		for _, sec := range sections {
			text := in.Texts[sec.ID]
			count := CountChars(text)
			failed := test(text, count, sec, r)
			if failed {
				out = append(out, Problem{
					Rule: r.ID, Severity: r.Severity, Section: sec.ID, Blank: r.Check == format.FilledCheck,
					Message: fill(r.Message, map[string]string{
						"section": sec.Heading, "count": strconv.Itoa(count), "limit": strconv.Itoa(sec.MaxChars),
					}),
				})
			}
		}
	}
	return out
}

// CountChars counts the characters of a text as the limit of 总体情况 is
// meant: every character except white space.
func CountChars(text string) int {
	n := 0
	for _, r := range text {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

func containsAny(text string, words []string) bool {
	for _, w := range words {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// fill replaces {name} placeholders of a rule message.
func fill(msg string, vars map[string]string) string {
	if !strings.Contains(msg, "{") {
		return msg
	}
	pairs := make([]string, 0, 2*len(vars))
	for k, v := range vars {
		pairs = append(pairs, "{"+k+"}", v)
	}
	return strings.NewReplacer(pairs...).Replace(msg)
}
