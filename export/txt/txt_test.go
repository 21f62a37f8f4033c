package txt_test

import (
	"strings"
	"testing"

	"nianbao/export"
	"nianbao/export/exporttest"
	"nianbao/export/txt"
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
