// Package rules is the one rule engine of nianbao: it compiles the rule
// declarations of a format into computed cells and checks, and evaluates them
// over a report's values, last year's report and the section texts.
//
// A rule with "computes" both defines a computed cell (a total) and, when a
// report keeps typed totals, checks it, so the same declaration serves the
// editor, the checker and — later — cross-year and consolidated reports.
package rules

import (
	"regexp"
	"slices"
	"strings"

	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/value"
)

// Set is the compiled rules of one format.
type Set struct {
	format     *format.Format
	instances  []instance // expression rules, one per ForEach member
	order      []int      // instances that compute, in dependency order
	computedBy []int      // per cell: the instance computing it, or -1
	other      []*format.Rule
}

// operand is a resolved reference of an instance.
type operand struct {
	cell int    // index into the format's cells; -1 for a prev reference
	id   string // the cell ID, for prev references and messages
	neg  bool
}

// side is one side of a compiled comparison.
type side struct {
	ops   []operand
	konst int64 // sum of constants, in Dec units
}

type instance struct {
	rule     *format.Rule
	label    string
	lhs, rhs side
	op       op
	computes int // the computed cell, or -1
	hasPrev  bool
	cells    []string // IDs of the current report's cells involved
}

// Compile turns the rule declarations of f into a Set, checking every
// reference. Its errors are *format.InvalidError, like the format's own.
func Compile(f *format.Format) (*Set, error) {
	s := &Set{format: f, computedBy: make([]int, len(f.Cells()))}
	for i := range s.computedBy {
		s.computedBy[i] = -1
	}
	var problems []string
	for ri := range f.Rules {
		r := &f.Rules[ri]
		if r.Kind() != format.ExprCheck {
			s.other = append(s.other, r)
			continue
		}
		members := []format.Member{{}}
		if r.ForEach != nil {
			members = f.Members(r.ForEach)
		}
		for _, m := range members {
			expr := r.Expr
			if r.ForEach != nil {
				expr = strings.ReplaceAll(expr, "{"+r.ForEach.Var+"}", m.Code)
			}
			in, err := s.compileInstance(r, expr, m.Label)
			if err != nil {
				problems = append(problems, l10n.T("rules.inRule", "Rule", r.ID, "Expr", expr, "Detail", err.Error()))
				continue
			}
			s.instances = append(s.instances, in)
			if in.computes >= 0 {
				s.computedBy[in.computes] = len(s.instances) - 1
			}
		}
	}
	if len(problems) == 0 {
		if err := s.sortComputations(); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if len(problems) > 0 {
		return nil, &format.InvalidError{Problems: problems}
	}
	return s, nil
}

// Format returns the format the set was compiled from.
func (s *Set) Format() *format.Format { return s.format }

// Carry is a cell that starts from a cell of last year's report.
type Carry struct {
	To   int    // index of this year's cell
	From string // ID of last year's cell
}

// Carries lists what a report started from last year's takes over, from the
// rules marked "carry".
func (s *Set) Carries() []Carry {
	var out []Carry
	for _, in := range s.instances {
		if in.rule.Carry {
			out = append(out, Carry{To: in.lhs.ops[0].cell, From: in.rhs.ops[0].id})
		}
	}
	return out
}

// Term is one cell on a side of a Formula.
type Term struct {
	Cell int // index into the format's cells
	Neg  bool
}

// Formula is a rule instance in terms of the report's own cells, for
// writing spreadsheets with live formulas. Rules that read last year's
// report have none.
type Formula struct {
	Rule        *format.Rule
	Label       string // the ForEach member's label
	Left, Right []Term
	LeftConst   value.Dec
	RightConst  value.Dec
	Op          string // "=", "<>", "<=", ">=", "<" or ">"
	Computes    int    // the cell it computes, or -1
}

var opText = map[op]string{opEq: "=", opNe: "<>", opLe: "<=", opGe: ">=", opLt: "<", opGt: ">"}

// Formulas returns the expression rules as formulas, in declaration order.
func (s *Set) Formulas() []Formula {
	var out []Formula
	terms := func(sd side) []Term {
		t := make([]Term, len(sd.ops))
		for i, o := range sd.ops {
			t[i] = Term{Cell: o.cell, Neg: o.neg}
		}
		return t
	}
	for _, in := range s.instances {
		if in.hasPrev {
			continue
		}
		out = append(out, Formula{
			Rule: in.rule, Label: in.label, Left: terms(in.lhs), Right: terms(in.rhs),
			LeftConst: value.Dec(in.lhs.konst), RightConst: value.Dec(in.rhs.konst),
			Op: opText[in.op], Computes: in.computes,
		})
	}
	return out
}

// Computed reports whether the cell at index i is computed (never typed)
// when the report does not keep typed totals.
func (s *Set) Computed(i int) bool { return s.computedBy[i] >= 0 }

func (s *Set) compileInstance(r *format.Rule, expr, label string) (instance, error) {
	in := instance{rule: r, label: label, computes: -1}
	c, err := parseExpr(expr)
	if err != nil {
		return in, err
	}
	in.op = c.op
	if in.lhs, err = s.resolve(&in, c.lhs); err != nil {
		return in, err
	}
	if in.rhs, err = s.resolve(&in, c.rhs); err != nil {
		return in, err
	}
	if r.Carry {
		if c.op != opEq || len(in.lhs.ops) != 1 || in.lhs.ops[0].cell < 0 || in.lhs.ops[0].neg || in.lhs.konst != 0 ||
			len(in.rhs.ops) != 1 || in.rhs.ops[0].cell >= 0 || in.rhs.ops[0].neg || in.rhs.konst != 0 {
			return in, l10n.Errorf("rules.badCarry")
		}
	}
	if !r.Computes {
		return in, nil
	}
	if c.op != opEq || len(c.lhs) != 1 || c.lhs[0].ref == "" || c.lhs[0].prev || c.lhs[0].neg ||
		len(in.lhs.ops) != 1 || in.hasPrev {
		return in, l10n.Errorf("rules.badComputes")
	}
	target := in.lhs.ops[0].cell
	if s.format.Cells()[target].Spec.Kind == format.Text {
		return in, l10n.Errorf("rules.computesText")
	}
	if s.computedBy[target] < 0 {
		in.computes = target
	}
	return in, nil
}

// resolve turns parsed terms into operands, expanding '*' segments.
func (s *Set) resolve(in *instance, terms []term) (side, error) {
	var sd side
	for _, t := range terms {
		if t.ref == "" {
			if t.neg {
				sd.konst -= int64(t.konst)
			} else {
				sd.konst += int64(t.konst)
			}
			continue
		}
		ids := []string{t.ref}
		if strings.Contains(t.ref, "*") {
			ids = s.expand(t.ref)
			if len(ids) == 0 {
				return sd, l10n.Errorf("rules.noMatch", "Ref", t.ref)
			}
		}
		for _, id := range ids {
			op := operand{cell: -1, id: id, neg: t.neg}
			if t.prev {
				in.hasPrev = true
			} else {
				c, ok := s.format.Cell(id)
				if !ok {
					return sd, l10n.Errorf("rules.unknownCell", "Ref", id)
				}
				if c.Spec.Kind == format.Text {
					return sd, l10n.Errorf("rules.textCell", "Ref", id)
				}
				op.cell = c.Index
				if !slices.Contains(in.cells, id) {
					in.cells = append(in.cells, id)
				}
			}
			sd.ops = append(sd.ops, op)
		}
	}
	return sd, nil
}

// expand returns the cell IDs matching a pattern whose '*' segments each
// match exactly one segment.
func (s *Set) expand(pattern string) []string {
	parts := strings.Split(pattern, ".")
	for i, p := range parts {
		if p == "*" {
			parts[i] = `[^.]+`
		} else {
			parts[i] = regexp.QuoteMeta(p)
		}
	}
	re := regexp.MustCompile(`^` + strings.Join(parts, `\.`) + `$`)
	var ids []string
	for _, c := range s.format.Cells() {
		if re.MatchString(c.ID) {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// sortComputations orders the computing instances so that every computed
// cell comes after the computed cells it sums, and rejects cycles.
func (s *Set) sortComputations() error {
	const (
		unvisited = iota
		visiting
		done
	)
	state := make([]int, len(s.instances))
	var visit func(i int) error
	visit = func(i int) error {
		switch state[i] {
		case done:
			return nil
		case visiting:
			return l10n.Errorf("rules.cycle", "Cell", s.format.Cells()[s.instances[i].computes].ID)
		}
		state[i] = visiting
		for _, op := range s.instances[i].rhs.ops {
			if dep := s.computedBy[op.cell]; dep >= 0 {
				if err := visit(dep); err != nil {
					return err
				}
			}
		}
		state[i] = done
		s.order = append(s.order, i)
		return nil
	}
	for i, in := range s.instances {
		if in.computes >= 0 {
			if err := visit(i); err != nil {
				return err
			}
		}
	}
	return nil
}
