package prose

import (
	"strings"
	"testing"

	"nianbao/forms/format"
	"nianbao/forms/value"
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
		{"发生行政复议2件（结果维持1件、尚未审结1件）。", "review=2"},
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
		{"全年收到政府信息公开申请25件。其中，“予以公开”答复数14件。", "new=25 open=14"},
		{"全年收到政府信息公开申请25件。办结情况：予以公开14件。", "new=25"},
	} {
		var got []string
		for _, c := range Claims(tc.text, mentions, 2025) {
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

// TestShares: which percentages are shares of a claimed figure.
func TestShares(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"申请中予以公开及部分公开42件，占51.85%。", "open+partial=42:51.85%"},
		{"申请予以公开28件（占比34.6%），部分公开4件。", "open=28:34.6%"},
		{"予以公开12件，占新收申请总数的40%。", "open=12:40%"},
		{"予以公开12件，部分公开3件，分别占40%和10%。", ""},
		{"新收申请30件，较上年增长50%。", ""},
		{"申请予以公开11件，部分公开4件，二者合计占57.69%。", ""},
		{"上年结转的申请占总数的7%。", ""},
		{"予以公开12件。公开率占比达到40%。", ""},
		{"予以公开12件，占新收申请总数和上年结转申请总数之和的40%。", "open=12:40%"},
		{"予以公开12件，占新收申请总数和上年结转申请总数之和（共计三十件）的40%。", ""},
	} {
		var got []string
		for _, s := range Shares(tc.text, Claims(tc.text, mentions, 2025)) {
			got = append(got, strings.Join(s.Of.Mention.Cells, "+")+"="+s.Of.Number.String()[:len(s.Of.Number.String())-len(s.Of.Unit)]+":"+s.Percent.String())
			if tc.text[s.Quote.Start:s.Quote.End] != s.Quote.Text {
				t.Errorf("%s: quote %q", tc.text, s.Quote.Text)
			}
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s\n  shares %q, want %q", tc.text, g, tc.want)
		}
	}
}

// TestSharePrinted: a share compared at the printed precision, rounded or
// cut.
func TestSharePrinted(t *testing.T) {
	pct := func(s string) (value.Dec, int) {
		v, err := value.ParseValue(s)
		if err != nil {
			t.Fatal(err)
		}
		return v.Num, int(v.Scale)
	}
	for _, tc := range []struct {
		percent     string
		part, whole int64
		want        bool
	}{
		{"51.85", 42, 81, true},  // 51.851…
		{"51.9", 42, 81, true},   // rounded
		{"51.8", 42, 81, true},   // cut
		{"52", 42, 81, true},     // rounded to whole
		{"51.86", 42, 81, false}, // neither
		{"50", 42, 81, false},
		{"66.67", 2, 3, true},
		{"66.66", 2, 3, true},
		{"66.68", 2, 3, false},
		{"100", 5, 5, true},
		{"0", 0, 5, true},
		{"40", 2, 0, false},
	} {
		p, scale := pct(tc.percent)
		if got := SharePrinted(p, scale, value.Int(tc.part), value.Int(tc.whole)); got != tc.want {
			t.Errorf("%s%% of %d/%d: %v, want %v", tc.percent, tc.part, tc.whole, got, tc.want)
		}
	}
}
