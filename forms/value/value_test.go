package value_test

import (
	"errors"
	"strings"
	"testing"

	"nianbao/forms/l10n"
	"nianbao/forms/value"
)

func TestDecFormat(t *testing.T) {
	tests := []struct {
		d     value.Dec
		scale int
		want  string
	}{
		{0, 0, "0"},
		{value.Int(12), 0, "12"},
		{value.Int(-3), 0, "-3"},
		{350_000, 0, "0.35"},
		{-1, 0, "-0.000001"},
		{value.Int(6834) + 335_000, 0, "6834.335"},
		{value.Int(73802895) + 900_000, 2, "73802895.90"},
		{value.Int(12) + 500_000, 2, "12.50"},
		{value.Int(-12) - 500_000, 3, "-12.500"},
		{0, 2, "0.00"},
		{value.Int(15), 2, "15.00"},
		{value.Int(1) + 1, 6, "1.000001"},
		{value.Int(1) + 250_000, 1, "1.25"}, // never rounds
		{value.Int(1), 9, "1.000000"},       // capped at Places
	}
	for _, tc := range tests {
		if got := tc.d.Format(tc.scale); got != tc.want {
			t.Errorf("Format(%d, %d) = %q, want %q", int64(tc.d), tc.scale, got, tc.want)
		}
		if tc.scale == 0 && tc.d.String() != tc.want {
			t.Errorf("String(%d) = %q, want %q", int64(tc.d), tc.d.String(), tc.want)
		}
		back, err := value.Parse(tc.want)
		if err != nil || back != tc.d {
			t.Errorf("Parse(%q) = %d, %v", tc.want, int64(back), err)
		}
	}
}

func TestParseValue(t *testing.T) {
	tests := []struct {
		text  string
		num   value.Dec
		scale uint8
	}{
		{"73802895.90", value.Int(73802895) + 900_000, 2},
		{"73802895.9", value.Int(73802895) + 900_000, 1},
		{"12.50", value.Int(12) + 500_000, 2},
		{"12", value.Int(12), 0},
		{"12.0", value.Int(12), 1},
		{"0.000000", 0, 6},
		{"-3.10", value.Int(-3) - 100_000, 2},
		{"007.10", value.Int(7) + 100_000, 2},
	}
	for _, tc := range tests {
		v, err := value.ParseValue(tc.text)
		if err != nil || v.State != value.Number || v.Num != tc.num || v.Scale != tc.scale {
			t.Errorf("ParseValue(%q) = %+v, %v; want %d with scale %d", tc.text, v, err, int64(tc.num), tc.scale)
		}
	}
	if _, err := value.ParseValue("12.5000000"); err == nil {
		t.Error("ParseValue accepted seven decimals")
	}
}

func TestScaled(t *testing.T) {
	tests := []struct {
		v    value.Value
		want string
	}{
		{value.Scaled(value.Int(12)+500_000, 2), "12.50"},
		{value.Scaled(value.Int(12)+500_000, 0), "12.5"}, // never fewer decimals than the number needs
		{value.Scaled(value.Int(3), 8), "3.000000"},
		{value.Of(value.Int(12) + 500_000), "12.5"},
		{value.OfInt(7), "7"},
	}
	for _, tc := range tests {
		if got := tc.v.String(); got != tc.want {
			t.Errorf("%+v prints %q, want %q", tc.v, got, tc.want)
		}
	}
	// The scale is how a number prints, not the number: rules compare Num.
	if value.Scaled(value.Int(12)+500_000, 2).Num != value.Of(value.Int(12)+500_000).Num {
		t.Error("12.50 and 12.5 differ as numbers")
	}
}

func TestDecimals(t *testing.T) {
	for d, want := range map[value.Dec]int{0: 0, value.Int(5): 0, 500_000: 1, 5: 6, -120_000: 2} {
		if got := d.Decimals(); got != want {
			t.Errorf("Decimals(%s) = %d, want %d", d, got, want)
		}
	}
}

func TestAddOverflow(t *testing.T) {
	big := value.Dec(1 << 62)
	if _, ok := value.Add(big, big); ok {
		t.Error("overflow not reported")
	}
	if _, ok := value.Add(-big, -big-big); ok {
		t.Error("negative overflow not reported")
	}
	if s, ok := value.Add(value.Int(2), value.Int(-5)); !ok || s != value.Int(-3) {
		t.Errorf("2 + -5 = %s, %v", s, ok)
	}
}

func TestParseRejectsNonCanonical(t *testing.T) {
	for _, s := range []string{"", "-", "1.", ".5", "01x", "1,000", " 1", "1.1234567", "１", "+1", "99999999999999", "1e3"} {
		if _, err := value.Parse(s); err == nil {
			t.Errorf("Parse(%q) accepted", s)
		}
	}
}

func TestParseInput(t *testing.T) {
	count := value.Input{Suffixes: []string{"件", "条"}}
	signed := value.Input{Signed: true}
	money := value.Input{Decimals: 6, Suffixes: []string{"万元"}}
	cents := value.Input{Decimals: 2, Suffixes: []string{"元"}}
	choice := value.Input{Decimals: 6, Suffixes: []string{"元", "万元"}}
	tests := []struct {
		text    string
		in      value.Input
		want    string
		wantKey string
		unit    string
	}{
		{"5万元", choice, "5", "", "万元"},
		{"6834.335元", choice, "6834.335", "", "元"},
		{"25件", value.Input{Suffixes: []string{"件"}}, "25", "", "件"},
		{"12", count, "12", "", ""},
		{" 12 ", count, "12", "", ""},
		{"１２３", count, "123", "", ""},
		{"1,234", count, "1234", "", ""},
		{"1，234", count, "1234", "", ""},
		{"12,345,678", count, "12345678", "", ""},
		{"25件", count, "25", "", "件"},
		{"25 条", count, "25", "", "条"},
		{"007", count, "7", "", ""},
		{"0", count, "0", "", ""},
		{"-0", count, "0", "", ""},
		{"+5", count, "5", "", ""},
		{"-3", signed, "-3", "", ""},
		{"－１５６", signed, "-156", "", ""},
		{"−7", signed, "-7", "", ""},
		{"12.5368", money, "12.5368", "", ""},
		{"12。5", money, "12.5", "", ""},
		{"0.35万元", money, "0.35", "", "万元"},
		{"3.10", money, "3.10", "", ""},
		{".5", money, "0.5", "", ""},
		{".50", money, "0.50", "", ""},
		{"12.0", count, "12", "", ""},
		{"12.000", count, "12", "", ""},
		{"73802895.90", cents, "73802895.90", "", ""},
		{"73,802,895.90元", cents, "73802895.90", "", "元"},
		{"７３８０２８９５．９０", cents, "73802895.90", "", ""},
		{"７３，８０２，８９５．９０ 元", cents, "73802895.90", "", "元"},
		{"12。50", cents, "12.50", "", ""},
		{"12.500", cents, "12.50", "", ""}, // zeros beyond the cell's decimals are dropped
		{"12.5", cents, "12.5", "", ""},
		{"12", cents, "12", "", ""},
		{"0.00", cents, "0.00", "", ""},
		{"-0.00", cents, "0.00", "", ""},
		{"12.505", cents, "", "input.tooManyDecimals", ""},
		{"1.000000", money, "1.000000", "", ""},
		{"-3", count, "", "input.negative", ""},
		{"1.5", count, "", "input.notWhole", ""},
		{"1.1234567", money, "", "input.tooManyDecimals", ""},
		{"abc", count, "", "input.notNumber", ""},
		{"12元", money, "", "input.notNumber", ""},
		{"1,23", count, "", "input.notNumber", ""},
		{"1,2345", count, "", "input.notNumber", ""},
		{",123", count, "", "input.notNumber", ""},
		{"1.2.3", money, "", "input.notNumber", ""},
		{"1..2", money, "", "input.notNumber", ""},
		{".", money, "", "input.notNumber", ""},
		{"--3", signed, "", "input.notNumber", ""},
		{"件", count, "", "input.notNumber", ""},
		{"", count, "", "input.empty", ""},
		{"   ", count, "", "input.empty", ""},
		{"12345678901234", count, "", "input.tooLarge", ""},
		{"1e5", count, "", "input.notNumber", ""},
	}
	for _, tc := range tests {
		got, unit, err := value.ParseInput(tc.text, tc.in)
		if tc.wantKey == "" {
			if err != nil || got.String() != tc.want || unit != tc.unit {
				t.Errorf("ParseInput(%q) = %s %q, %v; want %s %q", tc.text, got, unit, err, tc.want, tc.unit)
			}
			continue
		}
		var le *l10n.Error
		if !errors.As(err, &le) || le.Key != tc.wantKey {
			t.Errorf("ParseInput(%q) = %s, %v; want error %s", tc.text, got, err, tc.wantKey)
			continue
		}
		if strings.HasPrefix(err.Error(), "input.") {
			t.Errorf("ParseInput(%q): message %q is not translated", tc.text, err)
		}
	}
}

func TestValue(t *testing.T) {
	if v := (value.Value{}); !v.IsBlank() || v.String() != "" || v.Amount() != 0 {
		t.Errorf("blank value = %+v", v)
	}
	if v := value.NotApplicable; v.String() != "/" || v.Amount() != 0 {
		t.Errorf("n/a value = %+v", v)
	}
	if v := value.OfInt(7); v.String() != "7" || v.Amount() != value.Int(7) {
		t.Errorf("number value = %+v", v)
	}
	for s, want := range map[string]bool{"/": true, " ／ ": true, "、": true, "不适用": true, "、、": false, "0": false, "无": false, "": false} {
		if value.IsNAMark(s) != want {
			t.Errorf("IsNAMark(%q) = %v", s, !want)
		}
	}
}

// FuzzParseInput checks that whatever a clerk types or pastes either gives a
// clear error or a number that round-trips through the file format.
func FuzzParseInput(f *testing.F) {
	for _, s := range []string{"12", "１２", "1,234", "-3", "12.5368万元", "abc", "1e9", "。", "9999999999999", "73,802,895.90", "１２．５０", "12.500"} {
		f.Add(s, true, 6)
	}
	f.Fuzz(func(t *testing.T, text string, signed bool, decimals int) {
		in := value.Input{Signed: signed, Decimals: ((decimals % 7) + 7) % 7, Suffixes: []string{"件", "万元"}}
		d, _, err := value.ParseInput(text, in)
		if err != nil {
			if strings.HasPrefix(err.Error(), "input.") {
				t.Fatalf("untranslated error %q", err)
			}
			return
		}
		if !signed && d.Num < 0 {
			t.Fatalf("negative %s accepted for unsigned input", d)
		}
		if d.Num.Decimals() > in.Decimals || int(d.Scale) > in.Decimals || int(d.Scale) < d.Num.Decimals() {
			t.Fatalf("%s (scale %d) for at most %d decimals", d, d.Scale, in.Decimals)
		}
		back, err := value.ParseValue(d.String())
		if err != nil || back != d {
			t.Fatalf("%s does not round-trip through the file: %+v, %v", d, back, err)
		}
		again, _, err := value.ParseInput(d.String(), in)
		if err != nil || again != d {
			t.Fatalf("%s typed again is %+v, %v", d, again, err)
		}
	})
}

// FuzzParse checks the strict file-format parser: accepted text is the
// number written with the decimals it was written with, and what it prints
// reads back as the same value.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"0", "12", "-3", "0.35", "1.000001", "007", "1.50", "73802895.90", "0.000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := value.ParseValue(s)
		d, perr := value.Parse(s)
		if (err == nil) != (perr == nil) || (err == nil && d != v.Num) {
			t.Fatalf("Parse(%q) = %s, %v but ParseValue = %+v, %v", s, d, perr, v, err)
		}
		if err != nil {
			return
		}
		_, frac, _ := strings.Cut(s, ".")
		_, printed, _ := strings.Cut(v.String(), ".")
		if printed != frac {
			t.Fatalf("ParseValue(%q) prints %q", s, v)
		}
		again, err := value.ParseValue(v.String())
		if err != nil || again != v {
			t.Fatalf("ParseValue(%q) = %+v does not round-trip: %+v, %v", s, v, again, err)
		}
	})
}

func TestSumOf(t *testing.T) {
	vals := map[string]value.Value{"a": value.OfInt(2), "b": value.Of(value.Dec(1_500_000)), "blank": {}, "na": value.NotApplicable}
	tests := []struct {
		ids  []string
		want string
		ok   bool
	}{
		{[]string{"a", "b"}, "3.5", true},
		{[]string{"a"}, "2", true},
		{nil, "0", true},
		{[]string{"a", "blank"}, "", false},
		{[]string{"na"}, "", false},
		{[]string{"absent"}, "", false},
	}
	for _, tc := range tests {
		sum, ok := value.SumOf(vals, tc.ids)
		if ok != tc.ok || ok && value.RatString(sum) != tc.want {
			t.Errorf("SumOf(%v) = %v, %v; want %s, %v", tc.ids, sum, ok, tc.want, tc.ok)
		}
	}
}
