// Package value holds the values of report cells: exact decimal numbers,
// blanks and 不适用 (not applicable), and the parser that turns what a clerk
// types into them.
//
// A Dec is a fixed-point number with six decimal places stored as an int64
// count of millionths: money in 万元 is printed with up to six decimals in
// real reports, and sums of money must balance exactly, which floats cannot
// promise. A Value keeps, beside its Dec, the number of decimals the clerk
// typed (Scale), so that 73802895.90 prints as typed, never as 73802895.9.
package value

import (
	"errors"
	"strconv"
	"strings"
)

// Places is the number of decimal places a Dec keeps.
const Places = 6

const unit = 1_000_000 // 10^Places

// MaxWhole bounds the whole part of a value a clerk may enter. Sums of many
// such values still fit an int64; Add reports the rare overflow.
const MaxWhole = 1_000_000_000_000

// Dec is an exact decimal number: the value times 10^Places.
type Dec int64

// Int returns the Dec for the whole number n.
func Int(n int64) Dec { return Dec(n * unit) }

// IsWhole reports whether d has no fractional part.
func (d Dec) IsWhole() bool { return d%unit == 0 }

// Whole returns the whole part of d, truncated toward zero.
func (d Dec) Whole() int64 { return int64(d) / unit }

// Decimals returns the number of significant decimal places of d (0 to 6).
func (d Dec) Decimals() int {
	frac := int64(d) % unit
	if frac < 0 {
		frac = -frac
	}
	n := Places
	for n > 0 && frac%10 == 0 {
		frac /= 10
		n--
	}
	return n
}

// String returns d in canonical form: an optional minus sign, the whole part
// and, if non-zero, a point and the significant decimals ("12", "-3", "0.35").
func (d Dec) String() string { return d.Format(0) }

// Format returns d written with scale decimals ("12.50" for 12.5 and 2), or
// with more where d needs them: it never rounds. Scale is capped at Places.
func (d Dec) Format(scale int) string {
	neg := d < 0
	v := uint64(d)
	if neg {
		v = uint64(-d)
	}
	s := strconv.FormatUint(v/unit, 10)
	if n := max(min(scale, Places), d.Decimals()); n > 0 {
		f := strconv.FormatUint(v%unit+unit, 10) // "1" and the decimals zero-padded to Places
		s += "." + f[1:1+n]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Add returns a+b and whether the sum fits.
func Add(a, b Dec) (Dec, bool) {
	s := a + b
	if (a > 0 && b > 0 && s < 0) || (a < 0 && b < 0 && s >= 0) {
		return 0, false
	}
	return s, true
}

// ErrSyntax is returned by Parse for text that is not a canonical number.
var ErrSyntax = errors.New("value: not a canonical decimal number")

// Parse reads a number as stored in report and format files: an optional
// '-', ASCII digits, and an optional '.' followed by one to six digits — the
// form String and Format write, give or take leading zeros. It accepts
// nothing else: no spaces, separators or exponents.
func Parse(s string) (Dec, error) {
	d, _, err := parse(s)
	return d, err
}

// ParseValue reads a stored number as Parse does, keeping the decimals it
// is written with: "73802895.90" has Scale 2.
func ParseValue(s string) (Value, error) {
	d, scale, err := parse(s)
	if err != nil {
		return Value{}, err
	}
	return Scaled(d, scale), nil
}

// parse returns the number s and the count of decimals written in it.
func parse(s string) (Dec, int, error) {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" || !allDigits(whole) || len(whole) > 13 ||
		(hasDot && (frac == "" || len(frac) > Places || !allDigits(frac))) {
		return 0, 0, ErrSyntax
	}
	w, _ := strconv.ParseInt(whole, 10, 64)
	if w > MaxWhole {
		return 0, 0, ErrSyntax
	}
	v := w * unit
	if hasDot {
		f, _ := strconv.ParseInt(frac+strings.Repeat("0", Places-len(frac)), 10, 64)
		v += f
	}
	if neg {
		v = -v
	}
	return Dec(v), len(frac), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
