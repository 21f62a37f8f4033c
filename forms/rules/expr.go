package rules

import (
	"strings"

	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/value"
)

// PrevPrefix marks a reference to last year's report: "prev:t3.carryover.natural".
const PrevPrefix = "prev:"

// maxTermLength bounds the text of a term: no longer cell reference can name
// a cell, and a longer number makes no sense.
const maxTermLength = len(PrevPrefix) + format.MaxIDLength

// op is a comparison operator.
type op uint8

const (
	opEq op = iota
	opNe
	opLe
	opGe
	opLt
	opGt
)

var opTokens = []struct {
	text string
	op   op
}{{"==", opEq}, {"!=", opNe}, {"<=", opLe}, {">=", opGe}, {"=", opEq}, {"<", opLt}, {">", opGt}}

func (o op) holds(a, b value.Dec) bool {
	switch o {
	case opNe:
		return a != b
	case opLe:
		return a <= b
	case opGe:
		return a >= b
	case opLt:
		return a < b
	case opGt:
		return a > b
	}
	return a == b
}

// term is one summand of a parsed expression: a reference or a constant.
type term struct {
	neg   bool
	ref   string // cell ID, possibly with '*' segments; "" for a constant
	prev  bool
	konst value.Dec
	// each is, in a forEach rule, the text of a term holding the placeholder
	// of the variable; bind parses it for each member.
	each string
}

// comparison is a parsed rule expression: lhs op rhs.
type comparison struct {
	lhs, rhs []term
	op       op
}

// parseExpr parses "sum op sum", where a sum is terms joined by + and -, and
// a term is a cell ID (optionally prefixed with prev:) or a number. Terms
// holding the placeholder ph (in a forEach rule; "" otherwise) are kept as
// text for bind.
func parseExpr(s, ph string) (comparison, error) {
	var c comparison
	found := false
	for i := 0; i < len(s) && !found; i++ {
		for _, t := range opTokens {
			if strings.HasPrefix(s[i:], t.text) {
				left, right := s[:i], s[i+len(t.text):]
				var err error
				if c.lhs, err = parseSum(left, ph); err != nil {
					return c, err
				}
				if c.rhs, err = parseSum(right, ph); err != nil {
					return c, err
				}
				c.op, found = t.op, true
				break
			}
		}
	}
	if !found {
		return c, l10n.Errorf("rules.noOperator")
	}
	return c, nil
}

func parseSum(s, ph string) ([]term, error) {
	var terms []term
	neg, expectTerm := false, true
	for _, tok := range strings.Fields(spaceOperators(s)) {
		isSign := tok == "+" || tok == "-"
		switch {
		case isSign && !expectTerm:
			neg, expectTerm = tok == "-", true
		case tok == "-" && len(terms) == 0 && !neg:
			neg = true // a leading minus
		case isSign || !expectTerm || len(tok) > maxTermLength:
			return nil, l10n.Errorf("rules.badTerm", "Term", format.Excerpt(tok))
		default:
			t := term{each: tok}
			if ph == "" || !strings.Contains(tok, ph) {
				var err error
				if t, err = parseTerm(tok); err != nil {
					return nil, err
				}
			}
			t.neg = neg
			terms = append(terms, t)
			neg, expectTerm = false, false
		}
	}
	if expectTerm {
		return nil, l10n.Errorf("rules.emptySum")
	}
	return terms, nil
}

// bind returns the terms of a forEach rule for the member with the given
// code, replacing the placeholder ph.
func bind(terms []term, ph, code string) ([]term, error) {
	out := make([]term, len(terms))
	for i, t := range terms {
		if t.each == "" {
			out[i] = t
			continue
		}
		// Measured before it is built: a member's code may be long.
		if len(t.each)+strings.Count(t.each, ph)*(len(code)-len(ph)) > maxTermLength {
			return nil, l10n.Errorf("rules.badTerm", "Term", format.Excerpt(t.each))
		}
		b, err := parseTerm(strings.ReplaceAll(t.each, ph, code))
		if err != nil {
			return nil, err
		}
		b.neg = t.neg
		out[i] = b
	}
	return out, nil
}

// spaceOperators puts spaces around + and - so that Fields splits on them.
func spaceOperators(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '+' || r == '-' {
			b.WriteString(" " + string(r) + " ")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func parseTerm(tok string) (term, error) {
	if tok[0] >= '0' && tok[0] <= '9' {
		d, err := value.Parse(tok)
		if err != nil {
			return term{}, l10n.Errorf("rules.badTerm", "Term", tok)
		}
		return term{konst: d}, nil
	}
	t := term{ref: tok}
	if rest, ok := strings.CutPrefix(tok, PrevPrefix); ok {
		t.ref, t.prev = rest, true
	}
	for _, seg := range strings.Split(t.ref, ".") {
		if seg == "*" {
			continue
		}
		if seg == "" {
			return term{}, l10n.Errorf("rules.badTerm", "Term", tok)
		}
		for _, r := range seg {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
				return term{}, l10n.Errorf("rules.badTerm", "Term", tok)
			}
		}
	}
	return t, nil
}
