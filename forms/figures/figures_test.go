package figures_test

import (
	"testing"

	"nianbao/export/exporttest"
	"nianbao/forms/figures"
	"nianbao/forms/format"
	"nianbao/forms/value"
)

// find is the figure labelled label of the panel titled panel.
func find(t *testing.T, s *figures.Sheet, panel, label string) figures.Figure {
	t.Helper()
	for _, p := range s.Panels {
		if p.Title != panel {
			continue
		}
		for _, f := range p.Figures {
			if f.Label == label {
				return f
			}
		}
	}
	t.Fatalf("no figure %s of %s", label, panel)
	return figures.Figure{}
}

// TestSample: the sample's figures, shares of the outcomes and no changes
// without last year's report.
func TestSample(t *testing.T) {
	d := exporttest.Sample(t)
	s := figures.Make(d.Entry.Format, d.Values(), d.PrevValues())
	if s.LastYear || len(s.Panels) != 5 {
		t.Fatalf("sheet: last year %v, %d panels", s.LastYear, len(s.Panels))
	}
	tests := []struct {
		panel, label, text, share string
	}{
		{"依申请公开", "新收申请", "26", ""},
		{"依申请公开", "上年结转", "2", ""},
		{"依申请公开", "办结申请", "24", ""},
		{"依申请公开", "结转下年度", "4", ""},
		{"申请办理结果", "予以公开", "11", "45.8%"},
		{"申请办理结果", "部分公开", "4", "16.7%"},
		{"申请办理结果", "不予公开", "1", "4.2%"},
		{"申请办理结果", "无法提供", "6", "25.0%"},
		{"申请办理结果", "其他处理", "1", "4.2%"},
		{"行政复议", "复议总数", "2", ""},
		{"行政复议", "尚未审结", "1", ""},
		{"行政诉讼", "诉讼总数", "1", ""},
		{"行政诉讼", "结果维持", "1", ""},
	}
	for _, tc := range tests {
		f := find(t, s, tc.panel, tc.label)
		if f.Text != tc.text || f.Change != nil {
			t.Errorf("%s: %q, change %+v; want %q", tc.label, f.Text, f.Change, tc.text)
		}
		if got := f.Share; (got == nil) != (tc.share == "") || got != nil && got.Text != tc.share {
			t.Errorf("%s: share %+v, want %q", tc.label, got, tc.share)
		}
	}
	if w := s.Panels[2].Whole; s.Panels[2].Kind != format.BarsPanel || w == nil || w.Text != "24" {
		t.Errorf("the bars' whole: %+v", w)
	}
}

// TestChanges: with last year's report linked, each figure has its change;
// a blank cell makes a figure unknown and no share.
func TestChanges(t *testing.T) {
	d := exporttest.NextYear(t, map[string]string{
		"t3.new.natural":         "31", // 26 → 36
		"t3.carryover.natural":   "13",
		"t4.review.upheld":       "0", // 2 → 1
		"t2.rules.issued":        "3", // 0 → 3
		"t3.deny.secret.natural": "",  // 不予公开 unknown
	})
	s := figures.Make(d.Entry.Format, d.Values(), d.PrevValues())
	if !s.LastYear {
		t.Fatal("last year not seen")
	}
	tests := []struct {
		panel, label string
		want         figures.Change
	}{
		{"依申请公开", "新收申请", figures.Change{Prev: "26", Direction: 1, Percent: "38.5%"}},
		{"行政复议", "复议总数", figures.Change{Prev: "2", Direction: -1, Percent: "50%"}},
		{"行政复议", "尚未审结", figures.Change{Prev: "1", Direction: 0}},
		{"主动公开", "制发规章", figures.Change{Prev: "0", Direction: 1, FromZero: true}},
	}
	for _, tc := range tests {
		f := find(t, s, tc.panel, tc.label)
		if f.Change == nil || *f.Change != tc.want {
			t.Errorf("%s: change %+v, want %+v", tc.label, f.Change, tc.want)
		}
	}
	deny := find(t, s, "申请办理结果", "不予公开")
	if deny.Known() || deny.Share != nil || deny.Change != nil {
		t.Errorf("不予公开 with a blank cell: %+v", deny)
	}
}

// TestOlderFormats: the 2019 and pre-2019 formats have 图解 figures too,
// each of cells their formats have.
func TestOlderFormats(t *testing.T) {
	for _, tc := range []struct {
		id   string
		year int
	}{{"2014", 2018}, {"2019", 2019}} {
		d := exporttest.Filled(t, tc.id, tc.year)
		s := figures.Make(d.Entry.Format, d.Values(), nil)
		if len(s.Panels) < 4 {
			t.Fatalf("%s: %d panels", tc.id, len(s.Panels))
		}
		for _, p := range s.Panels {
			for _, f := range p.Figures {
				if !f.Known() {
					t.Errorf("%s: %s/%s unknown in a filled report", tc.id, p.Title, f.Label)
				}
			}
		}
	}
}

// TestChangeArithmetic: changes from negative and zero figures, shares of
// a whole of 0, decimals as typed.
func TestChangeArithmetic(t *testing.T) {
	f := &format.Format{Infographic: &format.Infographic{Panels: []format.InfoPanel{
		{Title: "甲", Kind: format.BarsPanel, Whole: "w", Figures: []format.InfoFigure{{Label: "a", Value: "a"}, {Label: "b", Value: "b+c"}}},
	}}}
	num := func(s string) value.Value {
		v, err := value.ParseValue(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name        string
		vals, prev  map[string]value.Value
		text, share string
		change      *figures.Change
	}{
		{"negative last year", map[string]value.Value{"a": num("5"), "w": num("10")}, map[string]value.Value{"a": num("-3")}, "5", "50.0%",
			&figures.Change{Prev: "-3", Direction: 1, Percent: "266.7%"}},
		{"from zero to negative", map[string]value.Value{"a": num("-2"), "w": num("10")}, map[string]value.Value{"a": num("0")}, "-2", "-20.0%",
			&figures.Change{Prev: "0", Direction: -1, FromZero: true}},
		{"whole of zero", map[string]value.Value{"a": num("0"), "w": num("0")}, nil, "0", "", nil},
		{"the same", map[string]value.Value{"a": num("12.50"), "w": num("25")}, map[string]value.Value{"a": num("12.5")}, "12.50", "50.0%",
			&figures.Change{Prev: "12.5", Direction: 0}},
	}
	for _, tc := range tests {
		s := figures.Make(f, tc.vals, tc.prev)
		a := s.Panels[0].Figures[0]
		if a.Text != tc.text || (a.Share == nil) != (tc.share == "") || a.Share != nil && a.Share.Text != tc.share {
			t.Errorf("%s: %q, share %+v", tc.name, a.Text, a.Share)
		}
		if (a.Change == nil) != (tc.change == nil) || a.Change != nil && *a.Change != *tc.change {
			t.Errorf("%s: change %+v, want %+v", tc.name, a.Change, tc.change)
		}
		if s.LastYear != (tc.prev != nil) {
			t.Errorf("%s: last year %v", tc.name, s.LastYear)
		}
		if b := s.Panels[0].Figures[1]; b.Known() {
			t.Errorf("%s: b+c known without cells: %+v", tc.name, b)
		}
	}
}
