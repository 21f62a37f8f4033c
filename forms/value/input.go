package value

import (
	"strings"
	"unicode"

	"nianbao/forms/l10n"
)

// Input describes what a cell accepts from the keyboard or a paste.
type Input struct {
	Signed   bool     // negative numbers allowed
	Decimals int      // at most this many decimal places; 0 for whole numbers
	Suffixes []string // unit words that may trail the number and are dropped, e.g. 件
}

// ParseInput reads a number as a clerk types or pastes it: surrounding and
// inner spaces, full-width digits and signs, thousands separators and a
// trailing unit word from in.Suffixes are accepted; the unit word found, if
// any, is returned so that a money cell can check it. The value keeps the
// decimals typed, up to in.Decimals: "12.50" stays 12.50, "12.500" with two
// allowed becomes 12.50. Anything else is rejected with an *l10n.Error
// whose text tells the clerk what is wrong.
func ParseInput(text string, in Input) (v Value, unit string, err error) {
	s := normalize(text)
	for _, suf := range in.Suffixes {
		// The longest matching word wins: 万元 before 元.
		if t, ok := strings.CutSuffix(s, suf); ok && t != "" && len(suf) > len(unit) {
			unit = suf
		}
	}
	s = strings.TrimSuffix(s, unit)
	v, err = parseNumber(s, text, in)
	return v, unit, err
}

func parseNumber(s, text string, in Input) (Value, error) {
	if s == "" {
		return Value{}, l10n.Errorf("input.empty")
	}
	neg := false
	switch s[0] {
	case '-':
		neg, s = true, s[1:]
	case '+':
		s = s[1:]
	}
	if s == "" || !validNumberChars(s) {
		return Value{}, l10n.Errorf("input.notNumber", "Text", text)
	}
	s, err := dropSeparators(s)
	if err != nil {
		return Value{}, l10n.Errorf("input.notNumber", "Text", text)
	}
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" {
		whole = "0"
	}
	scale := min(len(frac), in.Decimals)
	frac = strings.TrimRight(frac, "0")
	if len(frac) > in.Decimals {
		if in.Decimals == 0 {
			return Value{}, l10n.Errorf("input.notWhole", "Text", text)
		}
		return Value{}, l10n.Errorf("input.tooManyDecimals", "Max", in.Decimals)
	}
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	if len(whole) > 13 {
		return Value{}, l10n.Errorf("input.tooLarge")
	}
	canon := whole
	if frac != "" {
		canon += "." + frac
	}
	d, err := Parse(canon)
	if err != nil {
		return Value{}, l10n.Errorf("input.tooLarge")
	}
	if neg && d != 0 {
		if !in.Signed {
			return Value{}, l10n.Errorf("input.negative")
		}
		d = -d
	}
	return Scaled(d, scale), nil
}

// normalize maps full-width forms to ASCII, unifies minus signs and
// separators, and removes all white space.
func normalize(text string) string {
	var b strings.Builder
	for _, r := range text {
		switch {
		case unicode.IsSpace(r) || r == '\u3000':
			continue
		case r >= '０' && r <= '９':
			r = '0' + (r - '０')
		case r == '．' || r == '。':
			r = '.'
		case r == '－' || r == '−' || r == '–' || r == '—':
			r = '-'
		case r == '＋':
			r = '+'
		case r == '，':
			r = ','
		}
		b.WriteRune(r)
	}
	return b.String()
}

func validNumberChars(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && c != '.' && c != ',' {
			return false
		}
	}
	return true
}

// dropSeparators removes thousands separators, which must group the whole
// part in threes ("12,345"); a lone comma elsewhere is an error rather than a
// guess (it may be a decimal comma).
func dropSeparators(s string) (string, error) {
	whole, frac, hasDot := strings.Cut(s, ".")
	if strings.ContainsAny(frac, ",.") {
		return "", ErrSyntax
	}
	if strings.Contains(whole, ",") {
		groups := strings.Split(whole, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return "", ErrSyntax
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return "", ErrSyntax
			}
		}
		whole = strings.Join(groups, "")
	}
	if hasDot {
		if whole == "" && frac == "" {
			return "", ErrSyntax
		}
		return whole + "." + frac, nil
	}
	return whole, nil
}
