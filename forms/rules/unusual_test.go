package rules_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"nianbao/forms/rules"
	"nianbao/forms/value"
)

// TestUnusual: the figures out of the ordinary the 2021 format warns of
// (N1), each at its threshold and past it, and none in an ordinary report.
func TestUnusual(t *testing.T) {
	e := entry(t, "2021")
	tests := []struct {
		name   string
		change sheet
		texts  map[string]string
		prev   map[string]string // last year's t3.new.total, if linked
		want   []string          // the first cell of each N1 warning
	}{
		{"an ordinary report", nil, nil, map[string]string{"t3.new.total": "20"}, nil},
		// 不予公开 is 1 of 24 outcomes; x more of them, received, make 1+x of 24+x.
		{"不予公开 half of all outcomes", sheet{"t3.deny.secret.natural": "22", "t3.new.natural": "43"}, nil, nil, nil},
		{"不予公开 over half", sheet{"t3.deny.secret.natural": "23", "t3.new.natural": "44"}, nil, nil, []string{"t3.deny.secret.total"}},
		{"over half of too few to tell", sheet{"t3.new.natural": "5", "t3.new.business": "0", "t3.new.legal": "0", "t3.carried.natural": "0",
			"t3.open.natural": "0", "t3.open.business": "0", "t3.partial.natural": "0", "t3.partial.business": "0", "t3.unable.nothold.natural": "0",
			"t3.unable.nothold.legal": "0", "t3.unable.create.natural": "0", "t3.reject.repeat.natural": "0", "t3.misc.nocorrect.natural": "0",
			"t3.deny.thirdparty.natural": "3", "t3.carryover.natural": "2", "t3.carryover.business": "0"}, nil, nil, nil},
		{"复议 corrected, said", sheet{"t4.review.corrected": "1", "t4.review.pending": "0"}, map[string]string{"other": "1件行政复议被撤销，已整改。"}, nil, nil},
		{"复议 corrected, unsaid", sheet{"t4.review.corrected": "1", "t4.review.pending": "0"}, nil, nil, []string{"t4.review.corrected"}},
		{"诉讼 corrected, unsaid", sheet{"t4.suit.after.corrected": "2"}, nil, nil, []string{"t4.suit.direct.corrected"}},
		{"新收 up 300%", nil, nil, map[string]string{"t3.new.total": "6.5"}, nil},
		{"新收 up over 300%", nil, nil, map[string]string{"t3.new.total": "6"}, []string{"t3.new.total"}},
		{"新收 down to a quarter", nil, nil, map[string]string{"t3.new.total": "104"}, nil},
		{"新收 down below a quarter", nil, nil, map[string]string{"t3.new.total": "105"}, []string{"t3.new.total"}},
		{"新收 from none", nil, nil, map[string]string{"t3.new.total": "0"}, []string{"t3.new.total"}},
		{"a change of too few to tell", sheet{"t3.new.natural": "2", "t3.new.business": "0", "t3.new.legal": "0",
			"t3.open.natural": "0", "t3.open.business": "0", "t3.partial.natural": "0", "t3.partial.business": "0", "t3.unable.nothold.natural": "0",
			"t3.unable.nothold.legal": "0", "t3.unable.create.natural": "0", "t3.reject.repeat.natural": "0", "t3.misc.nocorrect.natural": "0",
			"t3.deny.thirdparty.natural": "0", "t3.carryover.natural": "4", "t3.carryover.business": "0"}, nil, map[string]string{"t3.new.total": "9"}, nil},
		{"no last year", nil, nil, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := balanced2021(e)
			maps.Copy(s, tc.change)
			texts := maps.Clone(texts2021)
			maps.Copy(texts, tc.texts)
			in := rules.Input{Values: values(t, e, s), Texts: texts, UnitKind: "department"}
			if tc.prev != nil {
				in.Prev = func(id string) (value.Value, bool) {
					v, err := value.ParseValue(tc.prev[id])
					return v, err == nil && tc.prev[id] != ""
				}
			}
			res := e.Rules.Evaluate(in)
			var got []string
			for _, p := range res.Problems {
				switch {
				case p.Rule == "N1":
					got = append(got, p.Cells[0])
					if strings.Contains(p.Message, "{") {
						t.Errorf("unfilled message %q", p.Message)
					}
				case p.Severity == "error":
					t.Errorf("the sheet does not balance: %+v", p)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("N1 warned of %q, want %q", got, tc.want)
			}
		})
	}
}

// TestRepeated: a section nearly the same as last year's, numbers changed,
// is warned of (X5) quoting its sentences; one rewritten is not.
func TestRepeated(t *testing.T) {
	e := entry(t, "2021")
	last := "一是个别科室对主动公开的范围把握还不够准确，部分征地信息发布不够及时。二是依申请公开答复文书的说理不够充分，群众理解有困难。三是政策解读的形式比较单一，图解和视频解读数量偏少，共计3篇。"
	for _, tc := range []struct {
		name, problems string
		want           bool
	}{
		{"the same", last, true},
		{"numbers changed", strings.Replace(last, "共计3篇", "共计5篇", 1), true},
		{"rewritten", "本年度发现的主要问题是基层站所的公开目录更新滞后，个别村级公开栏内容陈旧。下一步将建立季度巡查制度，由办公室牵头对各站所目录逐项核对，发现问题限期整改。", false},
	} {
		texts := maps.Clone(texts2021)
		texts["problems"] = tc.problems
		prev := maps.Clone(texts2021)
		prev["problems"] = last
		prev["other"] = "本单位没有其他需要报告的事项，全年未收取任何信息处理费用。"
		res := e.Rules.Evaluate(rules.Input{Values: values(t, e, balanced2021(e)), Texts: texts, PrevTexts: prev, UnitKind: "department"})
		var got []rules.Problem
		for _, p := range res.Problems {
			if p.Rule == "X5" {
				got = append(got, p)
			}
		}
		if tc.want != (len(got) == 1) || len(got) > 1 {
			t.Errorf("%s: X5 %+v", tc.name, got)
			continue
		}
		if tc.want && (got[0].Section != "problems" || !strings.Contains(last, got[0].Quote[:12]) || !strings.Contains(got[0].Message, "“一是个别科室")) {
			t.Errorf("%s: X5 %+v", tc.name, got[0])
		}
	}
	// Without last year's texts nothing is compared.
	res := e.Rules.Evaluate(rules.Input{Values: values(t, e, balanced2021(e)), Texts: texts2021, UnitKind: "department"})
	for _, p := range res.Problems {
		if p.Rule == "X5" {
			t.Errorf("X5 without last year: %+v", p)
		}
	}
}
