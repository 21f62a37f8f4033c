package prose

import (
	"fmt"
	"strings"
	"testing"
)

// TestFees: what sentences say of 信息处理费.
func TestFees(t *testing.T) {
	words, none := []string{"信息处理费"}, []string{"未收取", "没有收取", "不收取", "免收", "未产生"}
	for _, tc := range []struct{ text, want string }{
		{"本年度未收取政府信息公开信息处理费。", "none"},
		{"（一）收费情况。全年收取信息处理费300元。此外无其他。", "300"},
		{"全年共收取信息处理费1,200元。", "1200"},
		{"收取信息处理费0.12万元。", "1200"},
		{"信息处理费收取情况：0元。", "0"},
		{"本年度没有收取信息处理费，收取复印费20元。", "none"},
		{"收取1200元信息处理费。", "1200"},
		{"信息处理费按件计收100元、按量计收200元。", ""},
		{"本年度收取行政事业性收费12.5万元。", ""},
		{"依据《政府信息公开信息处理费管理办法》规范收费。", ""},
	} {
		var got []string
		for _, f := range Fees(tc.text, words, none, []string{"标准", "每件"}, 2025) {
			s := []string{}
			if f.None {
				s = append(s, "none")
			}
			if f.HasAmount {
				s = append(s, fmt.Sprint(f.Amount.Whole()))
			}
			got = append(got, strings.Join(s, " "))
			if !strings.Contains(tc.text, f.Quote.Text) {
				t.Errorf("%s: quote %q", tc.text, f.Quote.Text)
			}
		}
		if g := strings.Join(got, "; "); g != tc.want {
			t.Errorf("%s: %q, want %q", tc.text, g, tc.want)
		}
	}
}
