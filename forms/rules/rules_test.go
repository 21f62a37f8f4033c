package rules_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"nianbao/assets"
	"nianbao/forms/format"
	"nianbao/forms/registry"
	"nianbao/forms/rules"
	"nianbao/forms/value"
)

// sheet is a hand-made report: cell values by ID ("" blank, "/" 不适用).
type sheet map[string]string

// balanced2021 returns a complete, balanced 2021 report's cells: the
// applications of one county department, every other input 0.
func balanced2021(e *registry.Entry) sheet {
	s := sheet{}
	for i, c := range e.Format.Cells() {
		if !e.Rules.Computed(i) {
			s[c.ID] = "0"
		}
	}
	for id, v := range map[string]string{
		"t2.normative.issued": "3", "t2.normative.repealed": "1", "t2.normative.inforce": "12",
		"t2.license.decisions": "1264", "t2.fees.amount": "12.5368",
		"t3.new.natural": "21", "t3.new.business": "4", "t3.new.legal": "1", "t3.carried.natural": "2",
		"t3.open.natural": "9", "t3.open.business": "2", "t3.partial.natural": "3", "t3.partial.business": "1",
		"t3.deny.thirdparty.natural": "1", "t3.unable.nothold.natural": "4", "t3.unable.nothold.legal": "1",
		"t3.unable.create.natural": "1", "t3.reject.repeat.natural": "1", "t3.misc.nocorrect.natural": "1",
		"t3.carryover.natural": "3", "t3.carryover.business": "1",
		"t4.review.upheld": "1", "t4.review.pending": "1", "t4.suit.direct.upheld": "1",
	} {
		s[id] = v
	}
	return s
}

var texts2021 = map[string]string{
	"overview": "本年度主动公开信息356条。",
	"problems": "一是公开不够及时；二是解读形式单一。",
	"other":    "本年度未收取信息处理费。",
}

func values(t testing.TB, e *registry.Entry, s sheet) []value.Value {
	vals := make([]value.Value, len(e.Format.Cells()))
	for id, text := range s {
		c, ok := e.Format.Cell(id)
		if !ok {
			t.Fatalf("no cell %s", id)
		}
		switch {
		case text == "":
		case text == "/":
			vals[c.Index] = value.NotApplicable
		default:
			v, err := value.ParseValue(text)
			if err != nil {
				t.Fatalf("%s=%q: %v", id, text, err)
			}
			vals[c.Index] = v
		}
	}
	return vals
}

func entry(t testing.TB, id string) *registry.Entry {
	e, ok := registry.Builtin().Lookup(id)
	if !ok {
		t.Fatalf("format %s missing", id)
	}
	return e
}

// problem is the part of a rules.Problem the tests compare.
type problem struct {
	rule, cell, actual, expected string
}

func summarize(ps []rules.Problem) []problem {
	var out []problem
	for _, p := range ps {
		q := problem{rule: p.Rule}
		if len(p.Cells) > 0 {
			q.cell = p.Cells[0]
		} else {
			q.cell = p.Section
		}
		if p.Actual != nil {
			q.actual, q.expected = p.Actual.String(), p.Expected.String()
		}
		out = append(out, q)
	}
	return out
}

func TestRules2021(t *testing.T) {
	e := entry(t, "2021")
	prevCarry := sheet{"t3.carryover.natural": "2", "t3.carryover.business": "0", "t3.carryover.research": "0",
		"t3.carryover.charity": "0", "t3.carryover.legal": "0", "t3.carryover.otherorg": "0",
		"t2.normative.inforce": "10", "t2.rules.inforce": "0"}
	tests := []struct {
		name     string
		change   sheet
		texts    map[string]string
		unitKind string
		typed    bool
		prev     sheet
		want     []problem
	}{
		{name: "balanced", want: nil},
		{name: "balanced with last year", prev: prevCarry, want: nil},
		{name: "R1 more received than handled", change: sheet{"t3.new.natural": "22"}, want: []problem{
			{"R1", "t3.new.natural", "24", "23"},
			{"R1", "t3.new.total", "29", "28"},
		}},
		{name: "R1 carry-over too high", change: sheet{"t3.carryover.business": "2"}, want: []problem{
			{"R1", "t3.new.business", "4", "5"},
			{"R1", "t3.new.total", "28", "29"},
		}},
		{name: "R1 skipped while a cell is blank", change: sheet{"t3.new.natural": "", "t3.open.natural": "10"}, want: []problem{
			{"R6", "t3.new.natural", "", ""},
		}},
		{name: "不适用 counts as zero", change: sheet{"t3.new.research": "/", "t3.carried.research": "/", "t2.rules.issued": "/"}, want: nil},
		{name: "R2 typed total wrong", typed: true, change: sheet{"t3.total.natural": "21"}, want: []problem{
			{"R3", "t3.total.total", "24", "25"},
			{"R2", "t3.total.natural", "21", "20"},
			{"R1", "t3.new.natural", "23", "24"},
		}},
		{name: "R3 typed row total wrong", typed: true, change: sheet{"t3.new.total": "27"}, want: []problem{
			{"R3", "t3.new.total", "27", "26"},
			{"R1", "t3.new.total", "29", "28"},
		}},
		{name: "R4 typed appeal total wrong", typed: true, change: sheet{"t4.review.total": "3"}, want: []problem{
			{"R4", "t4.review.total", "3", "2"},
		}},
		{name: "R4 computed in normal mode", change: sheet{"t4.suit.after.pending": "2"}, want: nil},
		{name: "R5 carried does not match last year", prev: prevCarry, change: sheet{"t3.carried.natural": "3", "t3.new.natural": "20"}, want: []problem{
			{"R5", "t3.carried.natural", "3", "2"},
			{"R5", "t3.carried.total", "3", "2"},
		}},
		{name: "R5 total column follows", prev: sheet{"t3.carryover.natural": "2", "t3.carryover.legal": "1"}, want: []problem{
			{"R5", "t3.carried.legal", "0", "1"},
			{"R5", "t3.carried.total", "2", "3"},
		}},
		{name: "R6 blank cell", change: sheet{"t4.review.other": ""}, want: []problem{{"R6", "t4.review.other", "", ""}}},
		{name: "R6 negative count", change: sheet{"t2.license.decisions": "-1"}, want: []problem{{"R6", "t2.license.decisions", "", ""}}},
		{name: "R6 fractional count", change: sheet{"t2.penalty.decisions": "1.5"}, want: []problem{{"R6", "t2.penalty.decisions", "", ""}}},
		{name: "R6 blank total in typed mode", typed: true, change: sheet{"t4.review.total": ""}, want: []problem{{"R6", "t4.review.total", "", ""}}},
		{name: "T1 empty section", texts: map[string]string{"problems": " \n "}, want: []problem{{"T1", "problems", "", ""}}},
		{name: "W1 overview too long", texts: map[string]string{"overview": strings.Repeat("公开", 501)}, want: []problem{{"W1", "overview", "", ""}}},
		{name: "W1 counts without spaces", texts: map[string]string{"overview": strings.Repeat("公开 \n", 500)}, want: nil},
		{name: "W2 no 信息处理费", texts: map[string]string{"other": "无。"}, want: []problem{{"W2", "other", "", ""}}},
		{name: "W3 township with 规章", unitKind: "township", change: sheet{"t2.rules.inforce": "1"}, prev: sheet{"t2.rules.inforce": "1", "t2.normative.inforce": "10"},
			want: []problem{{"W3", "t2.rules.issued", "1", "0"}}},
		{name: "W3 not for departments", unitKind: "department", change: sheet{"t2.rules.inforce": "1"}, want: nil},
		{name: "W4 规范性文件 stock does not add up", prev: sheet{"t2.normative.inforce": "11", "t2.rules.inforce": "0"}, want: []problem{
			{"W4", "t2.normative.inforce", "12", "13"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := balanced2021(e)
			for id, v := range tc.change {
				s[id] = v
			}
			texts := map[string]string{}
			for k, v := range texts2021 {
				texts[k] = v
			}
			for k, v := range tc.texts {
				texts[k] = v
			}
			if tc.typed {
				// Typed totals start from the computed ones, then the change.
				res := e.Rules.Evaluate(rules.Input{Values: values(t, e, balanced2021(e))})
				for i, c := range e.Format.Cells() {
					if e.Rules.Computed(i) {
						if _, changed := tc.change[c.ID]; !changed {
							s[c.ID] = res.Values[i].String()
						}
					}
				}
			}
			in := rules.Input{Values: values(t, e, s), Texts: texts, UnitKind: tc.unitKind, TypedTotals: tc.typed}
			if tc.prev != nil {
				// Last year's report is seen with its totals computed.
				pv := e.Rules.Evaluate(rules.Input{Values: values(t, e, tc.prev)}).Values
				in.Prev = func(id string) (value.Value, bool) {
					c, ok := e.Format.Cell(id)
					if !ok || pv[c.Index].IsBlank() {
						return value.Value{}, false
					}
					return pv[c.Index], true
				}
			}
			got := summarize(e.Rules.Evaluate(in).Problems)
			if !slices.Equal(got, tc.want) {
				t.Errorf("problems\n got %v\nwant %v", got, tc.want)
			}
		})
	}
}

func TestComputedTotals(t *testing.T) {
	e := entry(t, "2021")
	res := e.Rules.Evaluate(rules.Input{Values: values(t, e, balanced2021(e))})
	want := map[string]string{
		"t3.new.total": "26", "t3.total.natural": "20", "t3.total.business": "3", "t3.total.total": "24",
		"t3.carryover.total": "4", "t4.review.total": "2", "t4.suit.direct.total": "1", "t4.suit.after.total": "0",
	}
	for id, w := range want {
		c, _ := e.Format.Cell(id)
		if got := res.Values[c.Index].String(); got != w {
			t.Errorf("%s = %s, want %s", id, got, w)
		}
	}
}

func TestComputedWithBlanks(t *testing.T) {
	e := entry(t, "2021")
	vals := make([]value.Value, len(e.Format.Cells()))
	set := func(id string, v value.Value) {
		c, _ := e.Format.Cell(id)
		vals[c.Index] = v
	}
	set("t3.new.natural", value.OfInt(5))
	set("t3.new.business", value.NotApplicable)
	res := e.Rules.Evaluate(rules.Input{Values: vals})
	get := func(id string) value.Value {
		c, _ := e.Format.Cell(id)
		return res.Values[c.Index]
	}
	if v := get("t3.new.total"); v.String() != "5" {
		t.Errorf("partial total = %q, want the sum so far, 5", v.String())
	}
	if v := get("t3.carried.total"); !v.IsBlank() {
		t.Errorf("total of blanks = %q, want blank", v.String())
	}
	for _, p := range res.Problems {
		if p.Rule == "R1" {
			t.Errorf("R1 evaluated over blanks: %s", p.Message)
		}
	}
}

func TestRules2019And2014(t *testing.T) {
	e19 := entry(t, "2019")
	if c, ok := e19.Format.Cell("t3.misc.natural"); !ok || e19.Rules.Computed(c.Index) {
		t.Error("2019: （六）其他处理 must be one input row")
	}
	if c, ok := e19.Format.Cell("t2.license.change"); !ok || c.Spec.Kind != format.Signed {
		t.Error("2019: 本年增/减 must take negative numbers")
	}
	e14 := entry(t, "2014")
	vals := make([]value.Value, len(e14.Format.Cells()))
	for id, n := range map[string]int64{"stat.apply.received.online": 3, "stat.apply.received.letter": 2,
		"stat.staffing.staff.fulltime": 2, "stat.staffing.staff.parttime": 5,
		"stat.response.channels.pressconf": 1, "stat.response.channels.pressconf.leader": 2} {
		c, ok := e14.Format.Cell(id)
		if !ok {
			t.Fatalf("2014: no cell %s", id)
		}
		vals[c.Index] = value.OfInt(n)
	}
	res := e14.Rules.Evaluate(rules.Input{Values: vals})
	for id, want := range map[string]string{"stat.apply.received": "5", "stat.staffing.staff": "7"} {
		c, _ := e14.Format.Cell(id)
		if got := res.Values[c.Index].String(); got != want {
			t.Errorf("2014 %s = %s, want %s", id, got, want)
		}
	}
	found := false
	for _, p := range res.Problems {
		found = found || (p.Rule == "W6" && p.Actual.String() == "2")
	}
	if !found {
		t.Errorf("2014: 其中 exceeding its parent not reported: %v", summarize(res.Problems))
	}
}

func TestCarries(t *testing.T) {
	for _, id := range []string{"2021", "2019"} {
		e := entry(t, id)
		var got []string
		for _, c := range e.Rules.Carries() {
			got = append(got, e.Format.Cells()[c.To].ID+"<"+c.From)
		}
		if len(got) != 7 || got[0] != "t3.carried.natural<t3.carryover.natural" {
			t.Errorf("%s carries = %v", id, got)
		}
	}
}

func TestMessages(t *testing.T) {
	e := entry(t, "2021")
	s := balanced2021(e)
	s["t3.new.natural"] = "22"
	res := e.Rules.Evaluate(rules.Input{Values: values(t, e, s), Texts: texts2021})
	if len(res.Problems) == 0 {
		t.Fatal("no problem")
	}
	want := "表三“自然人”列：第一项加第二项之和（24）应等于第三项（七）总计加第四项之和（23）"
	if got := res.Problems[0].Message; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
	if res.Errors() != 2 {
		t.Errorf("Errors() = %d, want 2", res.Errors())
	}
}

// compileRules compiles a one-table format with the given rules JSON.
func compileRules(rulesJSON string) error {
	f, err := format.Parse([]byte(fmt.Sprintf(`{"schema": 1, "id": "x", "name": "x", "years": {"from": 2021},
	 "sections": [{"id": "s", "heading": "一", "kind": "table", "table": "t", "guidance": ""}],
	 "tables": [{"id": "t", "name": "一", "blocks": [{"columns": [{"label": "甲", "code": "a"}, {"label": "乙", "code": "b"}, {"label": "计", "code": "sum"}],
	   "rows": [{"label": "行", "code": "r"}]}]}],
	 "rules": %s}`, rulesJSON)))
	if err != nil {
		return err
	}
	_, err = rules.Compile(f)
	return err
}

// moneyEntry compiles a format with one row of money cells t.r.a, t.r.b,
// t.r.c (two decimals) and their computed total t.r.sum, and a check that
// t.r.a equals t.r.b.
func moneyEntry(t *testing.T) *registry.Entry {
	t.Helper()
	f, err := format.Parse([]byte(`{"schema": 1, "id": "x", "name": "x", "years": {"from": 2021},
	 "sections": [{"id": "s", "heading": "一", "kind": "table", "table": "t", "guidance": ""}],
	 "tables": [{"id": "t", "name": "一", "blocks": [{"columns": [
	   {"label": "甲", "code": "a", "kind": "money", "unit": "万元", "decimals": 2},
	   {"label": "乙", "code": "b", "kind": "money", "unit": "万元", "decimals": 2},
	   {"label": "丙", "code": "c", "kind": "money", "unit": "万元", "decimals": 2},
	   {"label": "计", "code": "sum", "kind": "money", "unit": "万元", "decimals": 2}],
	   "rows": [{"label": "行", "code": "r"}]}]}],
	 "rules": [{"id": "S", "severity": "error", "computes": true, "expr": "t.r.sum = t.r.a + t.r.b + t.r.c", "message": "{actual}≠{expected}"},
	           {"id": "E", "severity": "warning", "expr": "t.r.a = t.r.b", "message": "{actual}≠{expected}"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Compile(f)
	if err != nil {
		t.Fatal(err)
	}
	return &registry.Entry{Format: f, Rules: set}
}

// TestSumScale checks that a total is written with the most decimals among
// its terms, and that the decimals never make equal amounts differ.
func TestSumScale(t *testing.T) {
	e := moneyEntry(t)
	tests := []struct {
		name    string
		cells   sheet
		typed   bool
		sum     string
		problem []problem
	}{
		{"typed decimals kept", sheet{"t.r.a": "12.50", "t.r.b": "3", "t.r.c": "/"}, false, "15.50",
			[]problem{{"E", "t.r.a", "12.50", "3"}}},
		{"largest scale wins", sheet{"t.r.a": "0.25", "t.r.b": "1.5", "t.r.c": "2"}, false, "3.75",
			[]problem{{"E", "t.r.a", "0.25", "1.5"}}},
		{"zeros kept", sheet{"t.r.a": "12.50", "t.r.b": "3.00", "t.r.c": "0.50"}, false, "16.00",
			[]problem{{"E", "t.r.a", "12.50", "3.00"}}},
		{"old values", sheet{"t.r.a": "12.5", "t.r.b": "3", "t.r.c": "0"}, false, "15.5",
			[]problem{{"E", "t.r.a", "12.5", "3"}}},
		{"whole numbers", sheet{"t.r.a": "1", "t.r.b": "1", "t.r.c": "3"}, false, "5", nil},
		{"12.5 equals 12.50", sheet{"t.r.a": "12.5", "t.r.b": "12.50", "t.r.c": "0"}, false, "25.00", nil},
		{"all 不适用", sheet{"t.r.a": "/", "t.r.b": "/", "t.r.c": "/"}, false, "0", nil},
		{"typed total equal with other decimals", sheet{"t.r.a": "12.50", "t.r.b": "12.5", "t.r.c": "0", "t.r.sum": "25"},
			true, "25", nil},
		{"typed total checked", sheet{"t.r.a": "12.50", "t.r.b": "12.5", "t.r.c": "0", "t.r.sum": "25.1"},
			true, "25.1", []problem{{"S", "t.r.sum", "25.1", "25.00"}}},
	}
	sum, _ := e.Format.Cell("t.r.sum")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := e.Rules.Evaluate(rules.Input{Values: values(t, e, tc.cells), TypedTotals: tc.typed})
			if got := res.Values[sum.Index].String(); got != tc.sum {
				t.Errorf("total = %s, want %s", got, tc.sum)
			}
			got := summarize(res.Problems)
			if !slices.Equal(got, tc.problem) {
				t.Errorf("problems = %v, want %v", got, tc.problem)
			}
			for _, p := range res.Problems {
				if want := p.Actual.String() + "≠" + p.Expected.String(); p.Message != want {
					t.Errorf("message %q, want %q", p.Message, want)
				}
			}
		})
	}
}

func TestCompile(t *testing.T) {
	tests := []struct {
		name, rules, want string
	}{
		{"valid", `[{"id": "A", "severity": "error", "computes": true, "expr": "t.r.sum = t.r.a + t.r.b", "message": "m"}]`, ""},
		{"constants and minus", `[{"id": "A", "severity": "error", "expr": "-t.r.a + 2 >= t.r.b - 1.5", "message": "m"}]`, ""},
		{"unknown cell", `[{"id": "A", "severity": "error", "expr": "t.r.c = 0", "message": "m"}]`, "t.r.c"},
		{"no operator", `[{"id": "A", "severity": "error", "expr": "t.r.a + t.r.b", "message": "m"}]`, "比较符号"},
		{"empty side", `[{"id": "A", "severity": "error", "expr": "t.r.a = ", "message": "m"}]`, "空"},
		{"double operator", `[{"id": "A", "severity": "error", "expr": "t.r.a + + t.r.b = 0", "message": "m"}]`, "+"},
		{"missing plus", `[{"id": "A", "severity": "error", "expr": "t.r.a t.r.b = 0", "message": "m"}]`, "t.r.b"},
		{"bad character", `[{"id": "A", "severity": "error", "expr": "t.r.A = 0", "message": "m"}]`, "t.r.A"},
		{"wildcard matches nothing", `[{"id": "A", "severity": "error", "expr": "t.q.* = 0", "message": "m"}]`, "t.q.*"},
		{"computes needs one cell", `[{"id": "A", "severity": "error", "computes": true, "expr": "t.r.a + t.r.b = t.r.sum", "message": "m"}]`, "computes"},
		{"computes from last year", `[{"id": "A", "severity": "error", "computes": true, "expr": "t.r.sum = prev:t.r.sum", "message": "m"}]`, "computes"},
		{"carry shape", `[{"id": "A", "severity": "error", "carry": true, "expr": "t.r.a = t.r.b", "message": "m"}]`, "carry"},
		{"limits", `[{"id": "L", "severity": "warning", "check": "limits", "limits": [{"cells": ["t.r.*"], "max": 100}, {"cells": ["t.r.a"], "unitKinds": ["township"], "max": 0.5}], "message": "m"}]`, ""},
		{"limit matches nothing", `[{"id": "L", "severity": "warning", "check": "limits", "limits": [{"cells": ["t.q.*"], "max": 100}], "message": "m"}]`, "t.q.*"},
		{"limit too precise", `[{"id": "L", "severity": "warning", "check": "limits", "limits": [{"cells": ["t.r.a"], "max": 0.00000001}], "message": "m"}]`, "max"},
		{"cycle", `[{"id": "A", "severity": "error", "computes": true, "expr": "t.r.a = t.r.b", "message": "m"},
		            {"id": "B", "severity": "error", "computes": true, "expr": "t.r.b = t.r.a", "message": "m"}]`, "循环"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := compileRules(tc.rules)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("rejected: %v", err)
			case tc.want != "" && err == nil:
				t.Fatal("accepted")
			case tc.want != "" && !strings.Contains(err.Error(), tc.want):
				t.Errorf("error %q does not mention %q", err, tc.want)
			}
		})
	}
}

func TestOverflow(t *testing.T) {
	e := entry(t, "2021")
	vals := values(t, e, balanced2021(e))
	for _, id := range []string{"t3.new.natural", "t3.new.business", "t3.new.research", "t3.new.charity", "t3.new.legal", "t3.new.otherorg"} {
		c, _ := e.Format.Cell(id)
		vals[c.Index] = value.Of(value.Dec(int64(1) << 61))
	}
	res := e.Rules.Evaluate(rules.Input{Values: vals, Texts: texts2021})
	found := false
	for _, p := range res.Problems {
		found = found || (p.Rule == "R3" && strings.Contains(p.Message, "太大"))
	}
	if !found {
		t.Errorf("overflow not reported: %v", summarize(res.Problems))
	}
}

func TestCountChars(t *testing.T) {
	if n := rules.CountChars("一、 总体\n情况\t。 ab"); n != 9 {
		t.Errorf("CountChars = %d, want 9", n)
	}
}

// BenchmarkEvaluate2021 measures a full evaluation of a complete 2021 report
// after one cell changed — what the editor does on every keystroke. Target:
// under 100 µs on the CI machine.
func BenchmarkEvaluate2021(b *testing.B) {
	e := entry(b, "2021")
	in := rules.Input{Values: values(b, e, balanced2021(e)), Texts: texts2021}
	c, _ := e.Format.Cell("t3.new.natural")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		in.Values[c.Index] = value.OfInt(int64(21 + i%2))
		e.Rules.Evaluate(in)
	}
}

func TestFormulas(t *testing.T) {
	e := entry(t, "2021")
	var r1, r3 *rules.Formula
	fs := e.Rules.Formulas()
	for i := range fs {
		f := &fs[i]
		if f.Rule.ID == "R5" || f.Rule.ID == "W4" {
			t.Errorf("%s reads last year's report and has no formula", f.Rule.ID)
		}
		if f.Rule.ID == "R1" && r1 == nil {
			r1 = f
		}
		if f.Rule.ID == "R3" && r3 == nil {
			r3 = f
		}
	}
	cells := e.Format.Cells()
	if r1 == nil || r1.Op != "=" || len(r1.Left) != 2 || cells[r1.Left[0].Cell].ID != "t3.new.natural" || r1.Computes != -1 {
		t.Errorf("R1 formula = %+v", r1)
	}
	if r3 == nil || cells[r3.Computes].ID != "t3.new.total" || len(r3.Right) != 6 {
		t.Errorf("R3 formula = %+v", r3)
	}
}

// TestCheckStates: Result.Checks says for each formula what the engine
// did: computed (not checked), waited for a blank cell, passed or failed,
// and only the failed ones are problems.
func TestCheckStates(t *testing.T) {
	e := entry(t, "2021")
	state := func(s sheet, kind string) map[string]rules.CheckState {
		res := e.Rules.Evaluate(rules.Input{Values: values(t, e, s), UnitKind: kind})
		fms := e.Rules.Formulas()
		if len(res.Checks) != len(fms) {
			t.Fatalf("%d check states for %d formulas", len(res.Checks), len(fms))
		}
		out := map[string]rules.CheckState{}
		failed := 0
		for i, fm := range fms {
			out[fm.Rule.ID+" "+fm.Label] = res.Checks[i]
			if res.Checks[i] == rules.Failed {
				failed++
			}
		}
		exprProblems := 0
		for _, p := range res.Problems {
			if p.Actual != nil {
				exprProblems++
			}
		}
		if failed != exprProblems {
			t.Errorf("%d checks failed, %d comparison problems", failed, exprProblems)
		}
		return out
	}
	s := balanced2021(e)
	s["t3.new.natural"] = "22"
	s["t3.open.business"] = ""
	got := state(s, "township")
	for key, want := range map[string]rules.CheckState{
		"R2 自然人":          rules.NotChecked, // computes
		"R1 自然人":          rules.Failed,
		"R1 法人或其他组织 商业企业": rules.Pending, // its total sums the blank cell
		"R1 总计":           rules.Pending,
		"R1 法人或其他组织 法律服务机构": rules.Passed,
		"W3 ": rules.Passed,
	} {
		if got[key] != want {
			t.Errorf("%s: state %d, want %d", key, got[key], want)
		}
	}
	if got := state(s, "department"); got["W3 "] != rules.NotChecked {
		t.Errorf("W3 for a department: state %d, want not checked", got["W3 "])
	}
}

// TestBlankMarksUnfilledCellsOnly checks that the problem of a cell or a
// text not filled in yet is marked Blank (the editor shows it as work to do), and
// that a wrong or unreadable value is not.
func TestBlankMarksUnfilledCellsOnly(t *testing.T) {
	e := entry(t, "2021")
	s := balanced2021(e)
	s["t3.new.natural"] = ""
	s["t2.rules.issued"] = "-1"
	s["t4.review.upheld"] = ""
	texts := map[string]string{"overview": "", "problems": "一是公开不够及时。", "other": "本年度未收取信息处理费。"}
	res := e.Rules.Evaluate(rules.Input{Values: values(t, e, s), Texts: texts, Invalid: map[string]string{"t4.review.upheld": "十二"}})
	blank := map[string]bool{}
	for _, p := range res.Problems {
		switch p.Rule {
		case "R6":
			blank[p.Cells[0]] = p.Blank
		case "T1":
			blank[p.Section] = p.Blank
		default:
			if p.Blank {
				t.Errorf("%s marked blank: %s", p.Rule, p.Message)
			}
		}
	}
	want := map[string]bool{"t3.new.natural": true, "t2.rules.issued": false, "t4.review.upheld": false, "overview": true}
	if fmt.Sprint(blank) != fmt.Sprint(want) {
		t.Errorf("R6 problems marked blank: %v, want %v", blank, want)
	}
}

// TestLimits checks the L1 warnings of implausible values: the limit that
// applies depends on the unit's kind and name, the last one naming a cell
// counts, totals are not warned of twice, and a value at the limit passes.
func TestLimits(t *testing.T) {
	e := entry(t, "2021")
	tests := []struct {
		name, kind, unit string
		change           sheet
		want             []string // cells warned of
	}{
		{"a department's ordinary figures", "department", "某县自然资源局", nil, nil},
		{"a department at its limit", "department", "某县自然资源局", sheet{"t3.new.natural": "50000", "t3.open.natural": "50000"}, nil},
		{"a department above it", "department", "某县自然资源局", sheet{"t3.new.natural": "500000", "t3.open.natural": "500000"},
			[]string{"t3.new.natural", "t3.open.natural"}},
		{"a township's applications run lower", "township", "某某镇人民政府", sheet{"t3.new.natural": "1200", "t3.open.natural": "1200"},
			[]string{"t3.new.natural", "t3.open.natural"}},
		{"a consolidated report runs higher", "consolidated", "某市人民政府", sheet{"t3.new.natural": "500000", "t3.open.natural": "500000"}, nil},
		{"行政处罚 in millions is ordinary for 公安", "department", "某市公安局", sheet{"t2.penalty.decisions": "3500000"}, nil},
		{"but not for others", "department", "某市市场监督管理局", sheet{"t2.penalty.decisions": "3500000"}, []string{"t2.penalty.decisions"}},
		{"万元 with decimals", "township", "某某镇人民政府", sheet{"t2.fees.amount": "10000.5"}, []string{"t2.fees.amount"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := balanced2021(e)
			for id, v := range tc.change {
				s[id] = v
			}
			res := e.Rules.Evaluate(rules.Input{Values: values(t, e, s), Texts: texts2021, UnitKind: tc.kind, UnitName: tc.unit})
			var got []string
			for _, p := range res.Problems {
				if p.Rule == "L1" {
					got = append(got, p.Cells[0])
					if p.Severity != format.Warning || !strings.Contains(p.Message, "上限") {
						t.Errorf("L1 problem %+v", p)
					}
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("L1 warned of %q, want %q", got, tc.want)
			}
		})
	}
}

// TestLimitsPassOverChosenUnits checks that a cell typed in a unit of the
// clerk's choice (2019's 采购总金额, 元 or 万元) is not held to a limit.
func TestLimitsPassOverChosenUnits(t *testing.T) {
	data, err := assets.Formats.ReadFile("formats/2019.json")
	if err != nil {
		t.Fatal(err)
	}
	f, err := format.Parse([]byte(strings.Replace(string(data),
		`{"cells": ["t2.fees.*"], "unitKinds": ["township"], "max": 10000}`,
		`{"cells": ["t2.fees.*", "t2.procurement.amount"], "unitKinds": ["township"], "max": 10000}`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	set, err := rules.Compile(f)
	if err != nil {
		t.Fatal(err)
	}
	vals := make([]value.Value, len(f.Cells()))
	for i, c := range f.Cells() {
		switch c.ID {
		case "t2.procurement.amount":
			vals[i] = value.OfInt(50000) // 50,000 元
		case "t2.fees.previous":
			vals[i] = value.OfInt(50000) // 50,000 万元
		}
	}
	res := set.Evaluate(rules.Input{Values: vals, UnitKind: "township", Units: map[string]string{"t2.procurement.amount": "元"}})
	var got []string
	for _, p := range res.Problems {
		if p.Rule == "L1" {
			got = append(got, p.Cells[0])
		}
	}
	if !slices.Equal(got, []string{"t2.fees.previous"}) {
		t.Errorf("L1 warned of %q, want only 上年收费金额", got)
	}
}
