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
	Num   Dec
	Text  string
}

// Of returns a Number value.
func Of(d Dec) Value { return Value{State: Number, Num: d} }

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

// String returns v as stored in report files: "" for blank, "/" for 不适用,
// the canonical number or the text.
func (v Value) String() string {
	switch v.State {
	case NA:
		return NAMark
	case Number:
		return v.Num.String()
	case Text:
		return v.Text
	}
	return ""
}

// IsNAMark reports whether s, trimmed, marks 不适用: "/", the full-width
// "／" or the word 不适用 itself.
func IsNAMark(s string) bool {
	s = strings.TrimSpace(s)
	return s == NAMark || s == "／" || s == "不适用"
}
