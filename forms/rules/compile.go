// Package rules is the one rule engine of nianbao: it compiles the rule
// declarations of a format into computed cells and checks, and evaluates them
// over a report's values, last year's report and the section texts.
//
// A rule with "computes" both defines a computed cell (a total) and, when a
// report keeps typed totals, checks it, so the same declaration serves the
// editor, the checker and — later — cross-year and consolidated reports.
package rules

import (
	"errors"
	"slices"
	"sort"
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
	limits     []limitRule
	unusual    []unusualRule
	cache      preparedCache // of the repeated check
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

// MaxTermInstances bounds what the expression rules of a format expand to:
// every term counts once for each forEach member, and a term with '*'
// segments counts every cell it could match — the cells whose ID has as many
// segments and begins like the term up to its first '*' (t3.deny.*.natural:
// the cells t3.deny.*.*). Each part is counted before it is expanded, so that
// a file asking for millions is refused at once. The official formats have
// at most 1,196 (2021).
const MaxTermInstances = 200_000

// errTooManyTerms stops a Compile that went over MaxTermInstances.
var errTooManyTerms = errors.New("rules: too many term instances")

// compiler is the state of one Compile.
type compiler struct {
	set      *Set
	index    cellIndex
	members  map[[2]string][]format.Member // of tables by Cols and Rows, listed once
	terms    int                           // term instances so far
	problems format.InvalidError
	// serial numbers instances; listed[cell] is that of the last instance
	// that put the cell in its cells.
	serial int
	listed []int
}

// Compile turns the rule declarations of f into a Set, checking every
// reference. Its errors are *format.InvalidError, like the format's own.
func Compile(f *format.Format) (*Set, error) {
	cells := f.Cells()
	s := &Set{format: f, computedBy: make([]int, len(cells))}
	for i := range s.computedBy {
		s.computedBy[i] = -1
	}
	c := &compiler{set: s, index: newCellIndex(cells), members: map[[2]string][]format.Member{}, listed: make([]int, len(cells))}
	for ri := range f.Rules {
		r := &f.Rules[ri]
		switch r.Kind() {
		case format.LimitsCheck:
			c.compileLimits(r)
			continue
		case format.UnusualCheck:
			c.compileUnusual(r)
			continue
		}
		if r.Kind() != format.ExprCheck {
			s.other = append(s.other, r)
			continue
		}
		if err := c.compileRule(r); err != nil {
			c.problems.Add(func() string { return l10n.T("rules.tooManyTerms", "Rule", r.ID, "Max", MaxTermInstances) })
			return nil, &c.problems
		}
	}
	if c.problems.Err() == nil {
		if err := s.sortComputations(); err != nil {
			c.problems.Add(err.Error)
		}
	}
	if err := c.problems.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// compileRule adds the instances of an expression rule, one per forEach
// member, recording its problems. It fails only with errTooManyTerms.
func (c *compiler) compileRule(r *format.Rule) error {
	ph := ""
	members := []format.Member{{}}
	if r.ForEach != nil {
		ph = "{" + r.ForEach.Var + "}"
		members = c.membersOf(r.ForEach)
	}
	tmpl, err := parseExpr(r.Expr, ph)
	if err != nil {
		c.problems.Add(func() string {
			return l10n.T("rules.inRule", "Rule", r.ID, "Expr", format.Excerpt(r.Expr), "Detail", err.Error())
		})
		return nil
	}
	// Every term counts at least once; '*' terms add their other candidates
	// when they are resolved.
	if !c.charge(len(members), len(tmpl.lhs)+len(tmpl.rhs)) {
		return errTooManyTerms
	}
	for _, m := range members {
		in, err := c.compileInstance(r, tmpl, ph, m)
		if err == errTooManyTerms {
			return err
		}
		if err != nil {
			c.problems.Add(func() string {
				expr := r.Expr
				if ph != "" {
					expr = strings.ReplaceAll(expr, ph, m.Code)
				}
				return l10n.T("rules.inRule", "Rule", r.ID, "Expr", format.Excerpt(expr), "Detail", err.Error())
			})
			continue
		}
		c.set.instances = append(c.set.instances, in)
		if in.computes >= 0 {
			c.set.computedBy[in.computes] = len(c.set.instances) - 1
		}
	}
	return nil
}

// membersOf returns the members of a forEach, listing those of a table once.
func (c *compiler) membersOf(fe *format.ForEach) []format.Member {
	if len(fe.Values) > 0 {
		return c.set.format.Members(fe)
	}
	key := [2]string{fe.Cols, fe.Rows}
	m, ok := c.members[key]
	if !ok {
		m = c.set.format.Members(fe)
		c.members[key] = m
	}
	return m
}

// charge counts n × each more term instances and reports whether they are
// within MaxTermInstances.
func (c *compiler) charge(n, each int) bool {
	if each > 0 && n > (MaxTermInstances-c.terms)/each {
		return false
	}
	c.terms += n * each
	return true
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

func (c *compiler) compileInstance(r *format.Rule, tmpl comparison, ph string, m format.Member) (instance, error) {
	c.serial++
	in := instance{rule: r, label: m.Label, computes: -1, op: tmpl.op}
	lhs, rhs := tmpl.lhs, tmpl.rhs
	if ph != "" {
		var err error
		if lhs, err = bind(lhs, ph, m.Code); err != nil {
			return in, err
		}
		if rhs, err = bind(rhs, ph, m.Code); err != nil {
			return in, err
		}
	}
	var err error
	if in.lhs, err = c.resolve(&in, lhs); err != nil {
		return in, err
	}
	if in.rhs, err = c.resolve(&in, rhs); err != nil {
		return in, err
	}
	if r.Carry {
		if in.op != opEq || len(in.lhs.ops) != 1 || in.lhs.ops[0].cell < 0 || in.lhs.ops[0].neg || in.lhs.konst != 0 ||
			len(in.rhs.ops) != 1 || in.rhs.ops[0].cell >= 0 || in.rhs.ops[0].neg || in.rhs.konst != 0 {
			return in, l10n.Errorf("rules.badCarry")
		}
	}
	if !r.Computes {
		return in, nil
	}
	if in.op != opEq || len(lhs) != 1 || lhs[0].ref == "" || lhs[0].prev || lhs[0].neg ||
		len(in.lhs.ops) != 1 || in.hasPrev {
		return in, l10n.Errorf("rules.badComputes")
	}
	target := in.lhs.ops[0].cell
	if c.set.format.Cells()[target].Spec.Kind == format.Text {
		return in, l10n.Errorf("rules.computesText")
	}
	if c.set.computedBy[target] < 0 {
		in.computes = target
	}
	return in, nil
}

// resolve turns parsed terms into operands, expanding '*' segments.
func (c *compiler) resolve(in *instance, terms []term) (side, error) {
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
		if !strings.Contains(t.ref, "*") {
			if err := c.addOperand(in, &sd, t, t.ref); err != nil {
				return sd, err
			}
			continue
		}
		candidates := c.index.candidates(t.ref)
		if !c.charge(max(len(candidates)-1, 0), 1) {
			return sd, errTooManyTerms
		}
		matched := false
		for _, i := range candidates {
			if id := c.index.cells[i].ID; matches(id, t.ref) {
				if err := c.addOperand(in, &sd, t, id); err != nil {
					return sd, err
				}
				matched = true
			}
		}
		if !matched {
			return sd, l10n.Errorf("rules.noMatch", "Ref", t.ref)
		}
	}
	return sd, nil
}

// addOperand adds the cell id, referred to by the term t, to a side.
func (c *compiler) addOperand(in *instance, sd *side, t term, id string) error {
	op := operand{cell: -1, id: id, neg: t.neg}
	if t.prev {
		in.hasPrev = true
	} else {
		cell, ok := c.set.format.Cell(id)
		if !ok {
			return l10n.Errorf("rules.unknownCell", "Ref", id)
		}
		if cell.Spec.Kind == format.Text {
			return l10n.Errorf("rules.textCell", "Ref", id)
		}
		op.cell = cell.Index
		if c.listed[cell.Index] != c.serial {
			c.listed[cell.Index] = c.serial
			in.cells = append(in.cells, id)
		}
	}
	sd.ops = append(sd.ops, op)
	return nil
}

// cellIndex finds the cells a pattern with '*' segments may match. Per number
// of ID segments it holds the cells sorted by ID, so that those beginning
// with the pattern's text before its first '*' are one run.
type cellIndex struct {
	cells      []format.Cell
	bySegments map[int][]int
}

func newCellIndex(cells []format.Cell) cellIndex {
	ix := cellIndex{cells: cells, bySegments: map[int][]int{}}
	for i, c := range cells {
		n := strings.Count(c.ID, ".") + 1
		ix.bySegments[n] = append(ix.bySegments[n], i)
	}
	for _, run := range ix.bySegments {
		slices.SortFunc(run, func(a, b int) int { return strings.Compare(cells[a].ID, cells[b].ID) })
	}
	return ix
}

// candidates returns the cells whose IDs have as many segments as pattern
// and begin with its text up to the first '*'.
func (ix cellIndex) candidates(pattern string) []int {
	run := ix.bySegments[strings.Count(pattern, ".")+1]
	prefix, _, _ := strings.Cut(pattern, "*")
	lo := sort.Search(len(run), func(i int) bool { return ix.cells[run[i]].ID >= prefix })
	n := sort.Search(len(run)-lo, func(i int) bool { return !strings.HasPrefix(ix.cells[run[lo+i]].ID, prefix) })
	return run[lo : lo+n]
}

// matches reports whether id matches pattern, each '*' segment matching
// exactly one segment.
func matches(id, pattern string) bool {
	for {
		p, pattern2, morePattern := strings.Cut(pattern, ".")
		seg, id2, moreID := strings.Cut(id, ".")
		if morePattern != moreID || p != "*" && p != seg {
			return false
		}
		if !morePattern {
			return true
		}
		pattern, id = pattern2, id2
	}
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
