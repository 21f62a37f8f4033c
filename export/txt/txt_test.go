package txt_test

import (
	"regexp"
	"strings"
	"testing"

	"nianbao/export"
	"nianbao/export/exporttest"
	"nianbao/export/txt"
	"nianbao/forms/report"
)

func TestSample(t *testing.T) {
	doc := export.Build(exporttest.Sample(t), export.Options{})
	got := txt.Write(doc)
	exporttest.AssertInOrder(t, string(got), exporttest.Sequence(doc))
	exporttest.Golden(t, "sample.txt", got)
}

func TestDraftAndBlanks(t *testing.T) {
	d := exporttest.Sample(t)
	d.SetCell("t4.review.other", "")
	d.SetCell("t2.rules.issued", "/")
	for blank, want := range map[string]string{"": "1         0         —         1", "0": "1         0         0         1"} {
		got := string(txt.Write(export.Build(d, export.Options{Blank: blank})))
		exporttest.AssertInOrder(t, got, []string{"草稿", "规章", "/", "结果维持"})
		// The 行政复议 row: 维持 1, 纠正 0, 其他 blank, 尚未审结 1, and the
		// total blank too, as it sums a blank cell.
		if !strings.Contains(got, want) {
			t.Errorf("blank printed as %q: row not found:\n%s", blank, got[strings.Index(got, "行政复议"):])
		}
	}
}

// TestMoneyDecimals checks that money prints with the decimals typed, as
// the published report shows it: 73802895.90, not 73802895.9.
func TestMoneyDecimals(t *testing.T) {
	sample := func(t *testing.T) *report.Doc { return exporttest.Sample(t) }
	new2019 := func(t *testing.T) *report.Doc { return exporttest.Blank(t, "2019", 2020) }
	tests := []struct {
		name            string
		doc             func(*testing.T) *report.Doc
		id, typed, want string
	}{
		{"2021 fees", sample, "t2.fees.amount", "73802895.90", "73802895.90"},
		{"2021 fees, full-width", sample, "t2.fees.amount", "１２．５０", "12.50"},
		{"2021 fees as stored by old versions", sample, "t2.fees.amount", "12.5", "12.5"},
		{"2019 procurement in 元", new2019, "t2.procurement.amount", "73,802,895.90元", "73802895.90元"},
		{"2019 procurement in 万元", new2019, "t2.procurement.amount", "7380.289590万元", "7380.289590万元"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.doc(t)
			if err := d.SetCell(tc.id, tc.typed); err != nil {
				t.Fatal(err)
			}
			doc := export.Build(d, export.Options{})
			found := false
			for _, sec := range doc.Sections {
				for _, b := range sec.Blocks {
					for _, c := range tableCells(b.Table) {
						if c.CellID == tc.id {
							found = c.Text == tc.want
							if !found {
								t.Errorf("cell prints %q, want %q", c.Text, tc.want)
							}
						}
					}
				}
			}
			if !found {
				t.Errorf("no cell %s printing %q", tc.id, tc.want)
			}
			got := string(txt.Write(doc))
			if !regexp.MustCompile(`(^|[^0-9.])` + regexp.QuoteMeta(tc.want) + `($|[^0-9])`).MatchString(got) {
				t.Errorf("text lacks %q:\n%s", tc.want, got)
			}
		})
	}
}

func tableCells(t *export.Table) []export.Cell {
	if t == nil {
		return nil
	}
	return t.Cells
}
