package importer_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/export"
	"nianbao/export/exporttest"
	"nianbao/export/pdf"
	"nianbao/forms/importer"
	"nianbao/forms/report"
)

func asPDF(t testing.TB, d *report.Doc) []byte {
	t.Helper()
	data, _, err := pdf.Write(export.Build(d, export.Options{}), pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// libreOfficePDF prints our Word document to PDF with LibreOffice, whose
// PDFs are made as Word's and WPS's are (a table's rules as paths, CID
// fonts with ToUnicode maps, text shown piece by piece); nil without it.
func libreOfficePDF(t *testing.T, d *report.Doc) []byte {
	return libreOffice(t, asDocx(t, d), "pdf", "pdf")
}

// chromiumPDF prints our web page to PDF with Chromium, as a visitor
// saves a portal's page: the browser's title, address and page numbers
// in the margins, a table's header repeated on each page; nil without it.
func chromiumPDF(t *testing.T, d *report.Doc) []byte {
	chromium, err := exec.LookPath("chromium")
	if err != nil || testing.Short() {
		return nil
	}
	dir := t.TempDir()
	page, out := filepath.Join(dir, "r.html"), filepath.Join(dir, "r.pdf")
	os.WriteFile(page, []byte(asHTML(t, d, false)), 0o644)
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--print-to-pdf="+out, "file://"+page)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Logf("Chromium: %v %s", err, msg)
		return nil
	}
	got, _ := os.ReadFile(out)
	return got
}

// TestPDF: PDFs of every format, as we export them, as LibreOffice
// prints our Word document and as Chromium prints our page, read back cell by cell with nothing flagged,
// and the texts paragraph by paragraph.
func TestPDF(t *testing.T) {
	docs := map[string]*report.Doc{"2021": exporttest.Sample(t), "2019": exporttest.Filled(t, "2019", 2020),
		"2014": exporttest.Filled(t, "2014", 2016)}
	for name, d := range docs {
		files := map[string][]byte{"ours": asPDF(t, d)}
		if lo := libreOfficePDF(t, d); lo != nil {
			files["libreoffice"] = lo
		}
		if c := chromiumPDF(t, d); c != nil {
			files["chromium"] = c
		}
		for kind, data := range files {
			res, err := importer.Import("report.pdf", data, reg, importer.Hints{})
			if err != nil {
				t.Errorf("%s/%s: %v", name, kind, err)
				continue
			}
			sameCells(t, name+"/"+kind, d, res.Doc)
			if len(res.Doc.Report.Uncertain) > 0 || len(res.Missing) > 0 || res.Unit != d.Report.Unit.Name || res.Year != d.Report.Year {
				t.Errorf("%s/%s: unit %q year %d, uncertain %v, missing %v", name, kind, res.Unit, res.Year, res.Doc.Report.Uncertain, res.Missing)
			}
			for id, want := range d.Report.Texts {
				want = strings.ReplaceAll(want, "\n\n", "\n") // a blank line between paragraphs is not printed
				if got := res.Doc.Report.Texts[id]; got != want {
					t.Errorf("%s/%s: text %s read as\n%q\nwant\n%q", name, kind, id, got, want)
				}
			}
		}
	}
}

// BenchmarkPDF imports our PDF of the sample report (5 pages, fonts
// embedded).
func BenchmarkPDF(b *testing.B) {
	data := asPDF(b, exporttest.Sample(b))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := importer.Import("r.pdf", data, reg, importer.Hints{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPDFEmptyCells: cells left empty in a PDF's ruled table (in the
// middle of a row, at its end) are read as blank — missing, not flagged —
// and the others in their places.
func TestPDFEmptyCells(t *testing.T) {
	d := exporttest.Sample(t)
	blank := []string{"t3.reject.repeat.natural", "t2.fees.amount", "t3.new.otherorg"}
	for _, id := range blank {
		if err := d.SetCell(id, ""); err != nil {
			t.Fatal(err)
		}
	}
	data, _, err := pdf.Write(export.Build(d, export.Options{Blank: " "}), pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := importer.Import("r.pdf", data, reg, importer.Hints{})
	if err != nil {
		t.Fatal(err)
	}
	sameCells(t, "empty cells", d, res.Doc)
	want := d.Values()
	for _, id := range res.Missing {
		if !want[id].IsBlank() {
			t.Errorf("%s missing, want %s", id, want[id].String())
		}
	}
	for _, id := range blank {
		if !slices.Contains(res.Missing, id) {
			t.Errorf("%s not missing", id)
		}
	}
	if len(res.Doc.Report.Uncertain) > 0 {
		t.Errorf("uncertain %v", res.Doc.Report.Uncertain)
	}
}

// TestLongUnitName: a unit's name too long for one title line, broken
// before its bracketed second name, is read whole.
func TestLongUnitName(t *testing.T) {
	d := exporttest.Sample(t)
	d.Report.Unit.Name = "青溪县人民政府办公室（县人民政府外事办公室）"
	res, err := importer.Import("r.pdf", asPDF(t, d), reg, importer.Hints{})
	if err != nil || res.Unit != d.Report.Unit.Name {
		t.Errorf("unit %q, %v", res.Unit, err)
	}
}
