package prose

import (
	"strings"
	"testing"

	"nianbao/forms/format"
)

var mentions = withContext([]format.Mention{
	{Cells: []string{"new"}, Words: []string{"新收", "新增", "收到", "受理"}},
	{Cells: []string{"carried"}, Words: []string{"上年结转"}},
	{Cells: []string{"carryover"}, Words: []string{"结转下年度"}},
	{Cells: []string{"done"}, Words: []string{"办结"}},
	{Cells: []string{"open"}, Words: []string{"予以公开"}},
	{Cells: []string{"partial"}, Words: []string{"部分公开"}},
	{Cells: []string{"open", "partial"}, Words: []string{"予以公开及部分公开"}},
	{Cells: []string{"review"}, Words: []string{"行政复议"}, Units: []string{"件", "起"}},
})

// withContext asks the application figures' sentences to speak of 申请.
func withContext(ms []format.Mention) []format.Mention {
	for i := range ms {
		if ms[i].Cells[0] != "review" {
			ms[i].Context = []string{"申请"}
		}
	}
	return ms
}

// TestClaims: which numbers a text gives as figures, in the phrasings
// reports use; and those it must not take for one.
func TestClaims(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"全年共收到政府信息公开申请26件，上年结转2件，办结24件，结转下年度继续办理4件。", "new=26 carried=2 done=24 carryover=4"},
		{"本年度新收申请三十二件。", "new=32"},
		{"对申请人予以公开11件，部分公开4件。", "open=11 partial=4"},
		{"申请中予以公开及部分公开42件，占51.85%。", "open+partial=42"},
		{"发生行政复议2起。", "review=2"},
		{"本年度受理依申请公开1,024件。", "new=1024"},
		// Not figures of the tables, or not clearly.
		{"新收申请较上年增加5件。", ""},
		{"新收申请同比减少3件。", ""},
		{"平均每月收到申请3件。", ""},
		{"收到申请30余件。", ""},
		{"新收和办结的申请分别为26件和24件。", ""},
		{"收到群众来信12封。", ""},
		{"2025年1月1日至12月31日收到的申请。", ""},
		{"在5个工作日内办结。", ""},
		{"上年结转的申请占总数的7%。", ""},
		{"行政服务中心全年共办结70982件。", ""},
		{"其中予以公开11件。", ""},
	} {
		var got []string
		for _, c := range Claims(tc.text, mentions) {
			got = append(got, strings.Join(c.Mention.Cells, "+")+"="+c.Number.String()[:len(c.Number.String())-len(c.Unit)])
			if tc.text[c.Clause.Start:c.Clause.End] != c.Clause.Text && strings.TrimSpace(tc.text[c.Clause.Start:c.Clause.End]) != c.Clause.Text {
				t.Errorf("%s: clause %q", tc.text, c.Clause.Text)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s\n  claims %q, want %q", tc.text, g, tc.want)
		}
	}
}
