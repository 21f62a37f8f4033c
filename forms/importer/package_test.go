package importer_test

import (
	"strings"
	"testing"
	"time"

	"nianbao/export"
	"nianbao/export/exporttest"
	renderkind "nianbao/export/render"
	"nianbao/forms/importer"
	"nianbao/forms/l10n"
	"nianbao/forms/nbpkg"
	"nianbao/forms/report"
)

// TestPackage: a 报送包 reads as its report; one whose PDF says other
// numbers, or is another unit's, is refused even with a manifest made to
// match (the PDF is read back and compared with the data).
func TestPackage(t *testing.T) {
	d := exporttest.Sample(t)
	kind, err := renderkind.Lookup("package")
	if err != nil {
		t.Fatal(err)
	}
	data, _, err := renderkind.Bytes(d, kind, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := importer.Read("甲局.nbpkg", data, reg)
	if err != nil {
		t.Fatal(err)
	}
	sameCells(t, "package", d, got)
	if got.Report.Unit != d.Report.Unit {
		t.Errorf("unit %+v", got.Report.Unit)
	}
	// Every format, blanks and 不适用 among the values, a long name.
	for name, doc := range map[string]*report.Doc{"2019": exporttest.Filled(t, "2019", 2020), "2014": exporttest.Filled(t, "2014", 2016)} {
		doc.SetCell(doc.Entry.Format.Cells()[3].ID, "")
		doc.Report.Unit.Name = "青溪县人民政府办公室（县人民政府外事办公室）"
		data, _, err := renderkind.Bytes(doc, kind, export.Options{Blank: "0"}) // the clerk's choice of blank mark is not the package's
		if err != nil {
			t.Fatal(err)
		}
		if _, err := importer.Read("x.nbpkg", data, reg); err != nil {
			t.Errorf("%s: our own package refused: %v", name, err)
		}
	}
	// A package remade around a PDF of other numbers, or of another unit.
	rep, _ := d.Report.Marshal(time.Now())
	other := exporttest.Sample(t)
	other.SetCell("t3.new.natural", "22")
	stranger := exporttest.Sample(t)
	stranger.Report.Unit.Name = "乙局"
	reworded := exporttest.Sample(t)
	reworded.SetText("problems", "没有问题。")
	blanked := exporttest.Sample(t)
	blanked.SetCell("t2.fees.amount", "")
	for name, pdfOf := range map[string]struct {
		doc *report.Doc
		key string
	}{
		"other numbers":   {other, "nbpkg.pdfDiffers"},
		"another unit":    {stranger, "nbpkg.pdfOtherReport"},
		"other words":     {reworded, "nbpkg.pdfDiffers"},
		"a number hidden": {blanked, "nbpkg.pdfDiffers"},
	} {
		forged := asPDF(t, pdfOf.doc)
		pkg, err := nbpkg.Pack(nbpkg.Manifest{Unit: d.Report.Unit.Name, Year: d.Report.Year, Format: d.Report.Format}, rep, forged, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		_, err = importer.Read("甲局.nbpkg", pkg, reg)
		if err == nil || !l10n.HasKey(err, pdfOf.key) {
			t.Errorf("%s: %v", name, err)
		}
		if name == "other numbers" && (err == nil || !strings.Contains(err.Error(), "PDF 为 22，数据为 21")) {
			t.Errorf("the message does not say where: %v", err)
		}
	}
}
