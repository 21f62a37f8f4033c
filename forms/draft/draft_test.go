package draft_test

import (
	"slices"
	"strings"
	"testing"

	"nianbao/export/exporttest"
	"nianbao/forms/draft"
	"nianbao/forms/report"
)

func source(d *report.Doc) draft.Source {
	return draft.Source{Values: d.Values(), Prev: d.PrevValues()}
}

// TestSampleDrafts: the sample's drafts read as a clerk writes them, every
// number traced to its cells.
func TestSampleDrafts(t *testing.T) {
	d := exporttest.Sample(t)
	ds := draft.Make(d.Entry.Format, source(d), "")
	want := map[string]string{
		"依申请公开情况（据表三）":     "全年新收政府信息公开申请26件；上年结转政府信息公开申请2件。本年度办结申请24件：予以公开11件，部分公开4件，不予公开1件，无法提供6件，不予处理1件，其他处理1件；予以公开及部分公开共15件，占办结申请的62.50%。结转下年度继续办理4件。",
		"行政复议、行政诉讼情况（据表四）": "本年度因政府信息公开工作被申请行政复议2件，结果维持1件，尚未审结1件；被提起行政诉讼1件，结果维持1件。",
	}
	got := map[string]string{}
	for _, dr := range ds {
		got[dr.Title] = dr.Text
		for _, n := range dr.Numbers {
			if !strings.Contains(dr.Text, strings.TrimPrefix(n.Text, "-")) || len(n.Cells) == 0 {
				t.Errorf("%s: number %+v not in the text or from no cell", dr.Title, n)
			}
		}
	}
	for title, text := range want {
		if got[title] != text {
			t.Errorf("%s:\n got %s\nwant %s", title, got[title], text)
		}
	}
	if _, ok := got["主动公开情况（据表二）"]; !ok {
		t.Error("no 主动公开 draft")
	}
	share := ds[0].Numbers[slices.IndexFunc(ds[0].Numbers, func(n draft.Number) bool { return n.Text == "62.50%" })]
	if !slices.Equal(share.Cells, []string{"t3.open.total", "t3.partial.total", "t3.total.total"}) {
		t.Errorf("the share's cells: %v", share.Cells)
	}
}

// TestDraftsPassTheChecks: a report whose text is its own drafts has
// nothing wrong in its text — the drafts say what the tables say, in words
// the checks read.
func TestDraftsPassTheChecks(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cells map[string]string
	}{
		{"the sample", nil},
		{"no 不予公开, a 复议 corrected", map[string]string{"t3.deny.thirdparty.natural": "0", "t3.misc.nocorrect.natural": "2", "t4.review.corrected": "1", "t4.review.pending": "0"}},
		{"nothing received", map[string]string{}},
	} {
		d := exporttest.Sample(t)
		if tc.name == "nothing received" {
			for id := range d.Report.Cells {
				if strings.HasPrefix(id, "t3.") {
					d.SetCell(id, "0")
				}
			}
		}
		for id, v := range tc.cells {
			if err := d.SetCell(id, v); err != nil {
				t.Fatal(err)
			}
		}
		var text []string
		for _, dr := range draft.Make(d.Entry.Format, source(d), "overview") {
			text = append(text, dr.Text)
		}
		d.SetText("overview", strings.Join(text, "\n"))
		for _, p := range d.Evaluate().Problems {
			if strings.HasPrefix(p.Rule, "X") || p.Severity == "error" {
				t.Errorf("%s: %s %s", tc.name, p.Rule, p.Message)
			}
		}
	}
}

// TestChange: with last year's report linked, 同比 changes; a figure of
// last year of 0 gives none; a blank cell gives no draft.
func TestChange(t *testing.T) {
	d := exporttest.NextYear(t, map[string]string{
		"t3.new.natural":       "31", // 26 → 36
		"t3.carryover.natural": "13",
		"t4.review.upheld":     "0", // 2 → 1
	})
	dr := draft.Make(d.Entry.Format, source(d), "overview")
	if len(dr) != 3 || !strings.HasPrefix(dr[0].Text, "全年新收政府信息公开申请36件，较上年增长38.5%；") ||
		!strings.HasPrefix(dr[2].Text, "本年度因政府信息公开工作被申请行政复议1件，较上年减少50%") {
		t.Fatalf("drafts: %+v", dr)
	}
	if n := dr[0].Numbers[1]; n.Value < 38.4 || n.Value > 38.5 || !slices.Contains(n.Cells, "prev:t3.new.total") {
		t.Errorf("the change's number: %+v", n)
	}
	d.SetCell("t3.new.natural", "")
	if dr := draft.Make(d.Entry.Format, source(d), "overview"); len(dr) != 2 {
		t.Errorf("a blank cell: %d drafts", len(dr))
	}
	// 不适用 in an optional figure leaves its part out.
	d.SetCell("t2.rules.issued", "/")
	d.SetCell("t3.new.natural", "31")
	dr = draft.Make(d.Entry.Format, source(d), "overview")
	if len(dr) != 3 || !strings.HasPrefix(dr[1].Text, "本年度制发行政规范性文件") {
		t.Errorf("a 规章 cell 不适用: %+v", dr)
	}
}

// TestZeroDrafts: figures all 0 are said in words, not as 0件 lists.
func TestZeroDrafts(t *testing.T) {
	d := exporttest.Sample(t)
	for id := range d.Report.Cells {
		if strings.HasPrefix(id, "t3.") || strings.HasPrefix(id, "t4.") {
			d.SetCell(id, "0")
		}
	}
	var got []string
	for _, dr := range draft.Make(d.Entry.Format, source(d), "overview") {
		got = append(got, dr.Text)
	}
	want := []string{"本年度未收到政府信息公开申请，也没有上年结转的申请。", "本年度未发生因政府信息公开工作引起的行政复议、行政诉讼案件。"}
	if got[0] != want[0] || got[2] != want[1] {
		t.Errorf("zero drafts: %q", got)
	}
}
