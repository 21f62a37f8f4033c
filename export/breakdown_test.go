package export_test

import (
	"strings"
	"testing"

	"nianbao/export"
	"nianbao/export/exporttest"
	"nianbao/forms/format"
	"nianbao/forms/report"
	"nianbao/forms/value"
)

// consolidated turns a filled report into a 汇总 of two kinds: the
// departments gave twice what the townships gave... as far as the sums go,
// every value v splits into 2v/3 and v/3 (values divisible by three).
func consolidated(t *testing.T, formatID string, year int) *report.Doc {
	d := exporttest.Filled(t, formatID, year)
	ids := d.SummableCells()
	dep, town := make([]value.Value, len(ids)), make([]value.Value, len(ids))
	for i, id := range ids {
		v := value.OfInt(int64(3 * (i%5 + 1)))
		d.Report.Cells[id] = v
		dep[i], town[i] = value.OfInt(v.Num.Whole()*2/3), value.OfInt(v.Num.Whole()/3)
	}
	d.Report.Unit.Kind = "consolidated"
	d.Report.Consolidation = &report.Consolidation{Cells: ids,
		ByKind: map[string]string{"township": report.EncodeValues(town), "department": report.EncodeValues(dep)}}
	return d
}

func TestBreakdown(t *testing.T) {
	for _, tc := range []struct {
		format string
		year   int
	}{{"2021", 2025}, {"2019", 2020}, {"2014", 2016}} {
		d := consolidated(t, tc.format, tc.year)
		doc := export.Build(d, export.Options{})
		last := doc.Appendix[len(doc.Appendix)-1]
		if last.ID != export.BreakdownID {
			t.Fatalf("%s: no breakdown appendix", tc.format)
		}
		if tc.format == "2014" && (!strings.HasPrefix(doc.Appendix[0].Heading, "附件1：") || !strings.HasPrefix(last.Heading, "附件2：")) {
			t.Errorf("2014: appendices %q, %q; want 附件1 and 附件2", doc.Appendix[0].Heading, last.Heading)
		}
		tbl := last.Blocks[0].Table
		var head []string
		rows := map[int][]string{}
		for _, c := range tbl.Cells {
			if c.Row == 0 {
				head = append(head, c.Text)
			} else if c.Role == format.ValueCell {
				rows[c.Row] = append(rows[c.Row], c.Text)
			}
		}
		if strings.Join(head, "|") != "统计项目|部门|乡镇（街道）|合计" {
			t.Errorf("%s: columns %v", tc.format, head)
		}
		// Every row: department + township = all, totals included.
		n := 0
		for r, vals := range rows {
			a, b, all := num(t, vals[0]), num(t, vals[1]), num(t, vals[2])
			if a+b != all {
				t.Errorf("%s: row %d: %v", tc.format, r, vals)
			}
			n++
		}
		numberCells := 0
		for _, c := range d.Entry.Format.Cells() {
			if c.Spec.Kind != format.Text {
				numberCells++
			}
		}
		if n != numberCells {
			t.Errorf("%s: %d rows, want one for each of the %d number cells", tc.format, n, numberCells)
		}
	}
	if doc := export.Build(exporttest.Sample(t), export.Options{}); len(doc.Appendix) != 0 {
		t.Error("a unit's own report has a breakdown")
	}
}

func num(t *testing.T, s string) int64 {
	v, err := value.ParseValue(strings.TrimRight(s, "万元"))
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return v.Num.Whole()
}
