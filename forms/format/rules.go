package format

import (
	"fmt"
	"slices"
	"strings"
)

// checkRules checks the declarations of the rules. Whether their expressions
// make sense is checked when package rules compiles them.
func (f *Format) checkRules(c *checker) {
	patterns := 0
	for _, r := range f.Rules {
		for _, l := range r.Limits {
			patterns += len(l.Cells)
		}
		for _, u := range r.Unusual {
			patterns += len(u.Cells) + len(u.Whole)
		}
	}
	if patterns > MaxLimitPatterns {
		c.add("format.tooManyLimitPatterns", "Count", patterns, "Max", MaxLimitPatterns)
		return
	}
	seen := map[string]bool{}
	repeated := 0
	for _, r := range f.Rules {
		if r.Kind() == RepeatedCheck {
			if repeated++; repeated == 2 { // one measure of repetition: a second would be ignored
				c.add("format.rule.badRepeated", "Rule", r.ID)
			}
		}
		if strings.TrimSpace(r.ID) == "" || seen[r.ID] {
			c.add("format.rule.badID", "ID", r.ID)
		}
		seen[r.ID] = true
		if r.Severity != Error && r.Severity != Warning {
			c.add("format.rule.badSeverity", "Rule", r.ID, "Value", r.Severity)
		}
		if strings.TrimSpace(r.Message) == "" {
			c.add("format.rule.noMessage", "Rule", r.ID)
		}
		kind, ok := checkKinds[r.Kind()]
		switch {
		case !ok:
			c.add("format.rule.badCheck", "Rule", r.ID, "Value", r.Check)
		case kind.validate != nil:
			kind.validate(f, c, r)
		}
		if r.Kind() != LimitsCheck && len(r.Limits) > 0 {
			c.add("format.rule.limitsOnly", "Rule", r.ID)
		}
		if r.Kind() != ExprCheck && (r.Expr != "" || r.ForEach != nil || r.Computes || r.Carry) {
			c.add("format.rule.exprOnly", "Rule", r.ID)
		}
		if r.When != nil && (r.Kind() != ExprCheck || r.Computes) {
			c.add("format.rule.whenOnly", "Rule", r.ID)
		}
	}
}

// checkKind is what a kind of check may hold in its declaration.
type checkKind struct {
	// validate checks what the kind needs beyond every rule's keys.
	validate func(f *Format, c *checker, r Rule)
	// text: the check applies to text sections (every one, or Section).
	text bool
}

// checkKinds is the one table of the kinds of check. Package rules keeps
// how each is evaluated in tables of the same keys, and its tests hold the
// tables to Checks.
var checkKinds = map[Check]checkKind{
	ExprCheck:     {validate: (*Format).checkExpr},
	ValuesCheck:   {},
	FilledCheck:   {text: true, validate: (*Format).checkSectionIfAny},
	LengthCheck:   {text: true, validate: (*Format).checkTextRule},
	MentionsCheck: {text: true, validate: (*Format).checkTextRule},
	LimitsCheck:   {validate: (*Format).checkLimits},
	UnusualCheck:  {validate: (*Format).checkUnusual},
	RepeatedCheck: {validate: (*Format).checkRepeated},
}

// Checks returns every kind of check.
func Checks() []Check {
	out := make([]Check, 0, len(checkKinds))
	for k := range checkKinds {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// OnText reports whether the check applies to text sections: all of them,
// or the rule's Section when it names one.
func (c Check) OnText() bool { return checkKinds[c].text }

func (f *Format) checkExpr(c *checker, r Rule) {
	if strings.TrimSpace(r.Expr) == "" {
		c.add("format.rule.noExpr", "Rule", r.ID)
	}
	if r.ForEach != nil {
		f.checkForEach(c, r)
	}
}

// checkSectionIfAny checks the section a rule on every text names, if it
// names one.
func (f *Format) checkSectionIfAny(c *checker, r Rule) {
	if s := f.Section(r.Section); r.Section != "" && (s == nil || s.Kind != TextSection) {
		c.add("format.rule.badSection", "Rule", r.ID, "Section", r.Section)
	}
}

// checkTextRule checks a rule on one text section's text.
func (f *Format) checkTextRule(c *checker, r Rule) {
	s := f.Section(r.Section)
	switch {
	case s == nil || s.Kind != TextSection:
		c.add("format.rule.badSection", "Rule", r.ID, "Section", r.Section)
	case r.Check == LengthCheck && s.MaxChars == 0:
		c.add("format.rule.noMaxChars", "Rule", r.ID, "Section", r.Section)
	case r.Check == MentionsCheck && len(r.Words) == 0:
		c.add("format.rule.noWords", "Rule", r.ID)
	}
}

// checkLimits checks the declaration of a limits rule; package rules checks
// that every pattern matches a cell.
func (f *Format) checkLimits(c *checker, r Rule) {
	if len(r.Limits) == 0 {
		c.add("format.rule.noLimits", "Rule", r.ID)
	}
	for _, l := range r.Limits {
		if len(l.Cells) == 0 {
			c.add("format.rule.limitNoCells", "Rule", r.ID)
		}
		for _, p := range l.Cells {
			if p == "" || len(p) > MaxIDLength {
				c.add("format.rule.limitBadCells", "Rule", r.ID, "Value", Excerpt(p))
			}
		}
		if !(l.Max > 0 && l.Max <= MaxLimit) { // also NaN
			c.add("format.rule.limitBadMax", "Rule", r.ID, "Max", MaxLimit)
		}
	}
}

// checkUnusual checks the declaration of an unusual rule; package rules
// checks that every pattern matches a cell.
func (f *Format) checkUnusual(c *checker, r Rule) {
	if len(r.Unusual) == 0 {
		c.add("format.rule.noUnusual", "Rule", r.ID)
	}
	for i, u := range r.Unusual {
		where := fmt.Sprintf("%s unusual[%d]", r.ID, i)
		bad := len(u.Cells) == 0 || strings.TrimSpace(u.Message) == "" || strings.TrimSpace(u.Label) == "" ||
			!(u.Min >= 0 && u.Min <= MaxLimit)
		switch u.Kind {
		case ShareUnusual:
			bad = bad || len(u.Whole) == 0 || !(u.Over > 0 && u.Over < 1)
		case ChangeUnusual:
			bad = bad || !(u.Over > 0 && u.Over <= MaxLimit)
		case UnsaidUnusual:
			bad = bad || len(u.Words) == 0 || slices.Contains(u.Words, "")
		default:
			bad = true
		}
		for _, p := range slices.Concat(u.Cells, u.Whole) {
			bad = bad || p == "" || len(p) > MaxIDLength
		}
		if bad {
			c.add("format.rule.badUnusual", "Where", where)
		}
	}
}

// checkRepeated checks the declaration of a repeated rule: text sections,
// thresholds between 0 and 1.
func (f *Format) checkRepeated(c *checker, r Rule) {
	if len(r.Sections) == 0 || r.Similar == nil ||
		!(r.Similar.Sentence > 0 && r.Similar.Sentence <= 1) || !(r.Similar.Text > 0 && r.Similar.Text <= 1) {
		c.add("format.rule.badRepeated", "Rule", r.ID)
	}
	for i, id := range r.Sections {
		if s := f.Section(id); s == nil || s.Kind != TextSection || slices.Contains(r.Sections[:i], id) {
			c.add("format.rule.badSection", "Rule", r.ID, "Section", id)
		}
	}
}

func (f *Format) checkForEach(c *checker, r Rule) {
	fe := r.ForEach
	sources := 0
	for _, set := range []bool{fe.Cols != "", fe.Rows != "", len(fe.Values) > 0} {
		if set {
			sources++
		}
	}
	switch {
	case !codePattern.MatchString(fe.Var):
		c.add("format.rule.badVar", "Rule", r.ID, "Value", fe.Var)
	case sources != 1:
		c.add("format.rule.forEachSource", "Rule", r.ID)
	case fe.Cols != "" && f.Table(fe.Cols) == nil, fe.Rows != "" && f.Table(fe.Rows) == nil:
		c.add("format.rule.forEachTable", "Rule", r.ID)
	case len(fe.Labels) > 0 && len(fe.Labels) != len(fe.Values):
		c.add("format.rule.forEachLabels", "Rule", r.ID)
	}
}

// Kind returns the rule's check, ExprCheck when none is given.
func (r Rule) Kind() Check {
	if r.Check == "" {
		return ExprCheck
	}
	return r.Check
}

// Members returns the values of a ForEach with their labels.
func (f *Format) Members(fe *ForEach) []Member {
	switch {
	case fe.Cols != "":
		return f.Table(fe.Cols).ColumnMembers()
	case fe.Rows != "":
		return f.Table(fe.Rows).RowMembers()
	}
	out := make([]Member, len(fe.Values))
	for i, v := range fe.Values {
		out[i] = Member{Code: v, Label: v}
		if len(fe.Labels) == len(fe.Values) {
			out[i].Label = fe.Labels[i]
		}
	}
	return out
}

// CheckUnitKinds checks that the unit kinds the rules are limited to are
// all known: kinds are data (package unitkind), so the registry that knows
// them calls this after Parse.
func (f *Format) CheckUnitKinds(known func(id string) bool) error {
	c := &checker{}
	for _, r := range f.Rules {
		var kinds []string
		if r.When != nil {
			kinds = append(kinds, r.When.UnitKinds...)
		}
		for _, l := range r.Limits {
			kinds = append(kinds, l.UnitKinds...)
		}
		for _, k := range kinds {
			if !known(k) {
				c.add("format.rule.badUnitKind", "Rule", r.ID, "Value", k)
			}
		}
	}
	return c.err.Err()
}
