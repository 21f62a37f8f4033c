package value

import (
	"math/big"
	"strings"
)

// SumOf is the exact sum of the values of cells ids in vals; false when
// one holds no number (blank, 不适用 or absent).
func SumOf(vals map[string]Value, ids []string) (*big.Rat, bool) {
	sum := new(big.Rat)
	for _, id := range ids {
		v, ok := vals[id]
		if !ok || v.State != Number {
			return nil, false
		}
		sum.Add(sum, big.NewRat(int64(v.Num), int64(Int(1))))
	}
	return sum, true
}

// RatString writes an exact number as reports print figures: whole numbers
// plain, others with their decimals and no trailing zeros (12, 3.5).
func RatString(r *big.Rat) string {
	s := r.FloatString(Places)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Percent is part as a percentage of whole, exactly; whole must not be 0.
func Percent(part, whole *big.Rat) *big.Rat {
	return new(big.Rat).Quo(new(big.Rat).Mul(part, big.NewRat(100, 1)), whole)
}

// OneDecimal writes a number rounded to one decimal, none when that is
// whole: 38.5, 50.
func OneDecimal(r *big.Rat) string {
	return strings.TrimSuffix(r.FloatString(1), ".0")
}
