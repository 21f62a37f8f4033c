package value

import "strings"

// State tells whether a cell holds a number, text, 不适用 or nothing.
type State uint8

const (
	// Blank is a cell nobody has filled in. It is not zero: checks report it
	// as 未填写 so that the clerk decides between 0 and 不适用.
	Blank State = iota
	// NA is an explicit 不适用, written "/" in reports. It counts as zero in sums.
	NA
	// Number is a cell holding Num.
	Number
	// Text is a text cell holding Text.
	Text
)

// NAMark is how 不适用 is written in reports, files and on the command line.
const NAMark = "/"

// Value is the content of one cell.
type Value struct {
	State State
	// Scale is the number of decimals a Number is written with: those the
	// clerk typed ("12.50" has 2), never fewer than Num needs. It is how
	// the value prints, not part of the number: 12.5 and 12.50 are equal
	// in every rule, which compares Num.
	Scale uint8
	Num   Dec
	Text  string
}

// Of returns a Number value written with the decimals d needs.
func Of(d Dec) Value { return Scaled(d, 0) }

// Scaled returns a Number value written with scale decimals, or with more
// if d needs them (at most Places).
func Scaled(d Dec, scale int) Value {
	scale = min(max(scale, d.Decimals()), Places)
	return Value{State: Number, Scale: uint8(scale), Num: d}
}

// OfInt returns a Number value for the whole number n.
func OfInt(n int64) Value { return Of(Int(n)) }

// NotApplicable is the 不适用 value.
var NotApplicable = Value{State: NA}

// IsBlank reports whether v is Blank.
func (v Value) IsBlank() bool { return v.State == Blank }

// Amount returns the number v contributes to a sum: Num for a number, 0 for
// 不适用, blank and text.
func (v Value) Amount() Dec {
	if v.State == Number {
		return v.Num
	}
	return 0
}

// String returns v as stored in report files and printed: "" for blank,
// "/" for 不适用, the number with its Scale decimals ("12.50") or the text.
func (v Value) String() string {
	switch v.State {
	case NA:
		return NAMark
	case Number:
		return v.Num.Format(int(v.Scale))
	case Text:
		return v.Text
	}
	return ""
}

// IsNAMark reports whether s, trimmed, marks 不适用: "/", the full-width
// "／", "、" (what the "/" key types in Chinese input methods with Chinese
// punctuation on) or the word 不适用 itself.
func IsNAMark(s string) bool {
	s = strings.TrimSpace(s)
	return s == NAMark || s == "／" || s == "、" || s == "不适用"
}
