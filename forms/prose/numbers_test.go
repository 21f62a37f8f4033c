package prose

import (
	"strings"
	"testing"
)

// TestNumbers: the quantities sentences quote, in the phrasings reports
// use; and what must not be read as one.
func TestNumbers(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // the numbers found, as Number.String shows them, separated by spaces
	}{
		{"全年共收到政府信息公开申请26件，上年结转2件。", "26件 2件"},
		{"本年度新收申请三十二件，办结二十八件，结转下年度继续办理四件。", "32件 28件 4件"},
		{"予以公开及部分公开42件，占51.85%。", "42件 51.85%"},
		{"主动公开政府信息1.2万条，其中政策文件1,234条。", "12000条 1234条"},
		{"收取信息处理费12.5万元，较上年减少3000元。", "12.5万元 3000元"},
		{"全年承办建议一百零五件、提案两千三百件、意见十二件。", "105件 2300件 12件"},
		{"发生行政复议２件，行政诉讼１件。", "2件 1件"},
		{"九九九九九九九九九九九九九九九九九九九九九九件", ""}, // no overflow into a negative count
		{"组织培训3次，参训人员120人次。", "3次 120人次"},
		{"新收申请数量较上年增长12.5%，同比增加3个百分点。", "12.5% 3个百分点"},
		// Not quantities: dates, years, document numbers, phones, ordinals, parts.
		{"本报告所列数据的统计期限为2025年1月1日至2025年12月31日。", ""},
		{"根据国办公开办函〔2021〕30号的要求编制。", ""},
		{"如有疑问请致电0598-1234567，或来信至邮编365000。", ""},
		{"依据《条例》第二十条第（一）项和第3条规定公开。", ""},
		{"全文包括总体情况等六个部分，分三个方面，在5个工作日内答复。", ""},
		{"二〇二五年，本机关认真贯彻落实《条例》。", ""},
		{"（三）政府信息管理情况。", ""},
		{"联系电话：13912345678件", ""},
	} {
		var got []string
		for _, n := range Numbers(tc.text) {
			got = append(got, n.String())
			if tc.text[n.Start:n.End] != n.Text {
				t.Errorf("%s: %q at %d–%d", tc.text, n.Text, n.Start, n.End)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s\n  read %q, want %q", tc.text, g, tc.want)
		}
	}
}

// FuzzNumbers feeds the finders of numbers, claims, shares and fees: no
// panic, every quote where it says.
func FuzzNumbers(f *testing.F) {
	f.Add("全年共收到申请三十二件，占51.85%，收费1.2万元。")
	f.Add("申请予以公开及部分公开15件，占新收申请的57.69%；未收取信息处理费。收取信息处理费300元。")
	f.Fuzz(func(t *testing.T, text string) {
		for _, n := range Numbers(text) {
			if n.Start < 0 || n.End > len(text) || text[n.Start:n.End] != n.Text {
				t.Fatalf("%q at %d–%d", n.Text, n.Start, n.End)
			}
		}
		claims := Claims(text, mentions, 2025)
		for _, c := range claims {
			if !strings.Contains(text[c.Clause.Start:c.Clause.End], c.Clause.Text) {
				t.Fatalf("clause %q at %d–%d", c.Clause.Text, c.Clause.Start, c.Clause.End)
			}
		}
		for _, s := range Shares(text, claims) {
			if text[s.Quote.Start:s.Quote.End] != s.Quote.Text {
				t.Fatalf("share %q at %d–%d", s.Quote.Text, s.Quote.Start, s.Quote.End)
			}
		}
		for _, fee := range Fees(text, []string{"信息处理费"}, []string{"未收取"}, nil, 2025) {
			if !strings.Contains(text[fee.Quote.Start:fee.Quote.End], fee.Quote.Text) {
				t.Fatalf("fee %q at %d–%d", fee.Quote.Text, fee.Quote.Start, fee.Quote.End)
			}
		}
	})
}
