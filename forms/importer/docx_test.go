package importer_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/export"
	"nianbao/export/docx"
	"nianbao/export/exporttest"
	"nianbao/forms/importer"
	"nianbao/forms/report"
)

func asDocx(t testing.TB, d *report.Doc) []byte {
	t.Helper()
	data, err := docx.Write(export.Build(d, export.Options{}), docx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestDocx: Word documents of every format, as we write them and as
// LibreOffice saves them again, read back cell by cell.
func TestDocx(t *testing.T) {
	docs := map[string]*report.Doc{"2021": exporttest.Sample(t), "2019": exporttest.Filled(t, "2019", 2020),
		"2014": exporttest.Filled(t, "2014", 2016)}
	for name, d := range docs {
		files := map[string][]byte{"ours": asDocx(t, d)}
		if lo := libreOfficeDocx(t, files["ours"]); lo != nil {
			files["libreoffice"] = lo
		}
		for kind, data := range files {
			res, err := importer.Import("report.docx", data, reg, importer.Hints{})
			if err != nil {
				t.Errorf("%s/%s: %v", name, kind, err)
				continue
			}
			sameCells(t, name+"/"+kind, d, res.Doc)
			if len(res.Doc.Report.Uncertain) > 0 || len(res.Missing) > 0 || res.Unit != d.Report.Unit.Name {
				t.Errorf("%s/%s: unit %q, uncertain %v, missing %v", name, kind, res.Unit, res.Doc.Report.Uncertain, res.Missing)
			}
		}
	}
}

// libreOfficeDocx saves a document again with LibreOffice, which writes
// Word's markup its own way; nil without LibreOffice.
func libreOfficeDocx(t *testing.T, data []byte) []byte {
	return libreOffice(t, data, "docx:MS Word 2007 XML", "docx")
}

// libreOffice converts a Word document with LibreOffice to the filter
// to, giving a file of extension ext; nil without LibreOffice (or in
// short mode).
func libreOffice(t *testing.T, docx []byte, to, ext string) []byte {
	soffice, err := exec.LookPath("soffice")
	if err != nil || testing.Short() {
		return nil
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "r.docx")
	os.MkdirAll(filepath.Dir(in), 0o755)
	os.WriteFile(in, docx, 0o644)
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--headless",
		"--convert-to", to, "--outdir", filepath.Join(dir, "out"), in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Logf("LibreOffice: %v %s", err, out)
		return nil
	}
	got, _ := os.ReadFile(filepath.Join(dir, "out", "r."+ext))
	return got
}

func TestDocxRefuses(t *testing.T) {
	var zb bytes.Buffer // a zip bomb named like a document
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("word/document.xml")
	w.Write(make([]byte, 64<<20))
	zw.Close()
	for name, data := range map[string][]byte{"bomb": zb.Bytes(), "not a zip": []byte("PK\x03\x04 no"), "empty": {}} {
		if _, err := importer.DocxText(data); err == nil {
			t.Errorf("%s: read", name)
		}
	}
}

// FuzzDocx feeds the Word reader: no panic.
func FuzzDocx(f *testing.F) {
	f.Add(asDocx(f, exporttest.Sample(f)))
	f.Fuzz(func(t *testing.T, data []byte) {
		importer.DocxText(data)
	})
}

// TestDocxLayoutTable: a document whose body sits in a one-cell layout
// table, as some offices lay out pages, reads like the plain one.
func TestDocxLayoutTable(t *testing.T) {
	d := exporttest.Sample(t)
	data := asDocx(t, d)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "word/document.xml" {
			s := string(body)
			i := strings.Index(s, "<w:body>") + len("<w:body>")
			j := strings.LastIndex(s, "<w:sectPr")
			s = s[:i] + "<w:tbl><w:tr><w:tc>" + s[i:j] + "</w:tc></w:tr></w:tbl>" + s[j:]
			body = []byte(s)
		}
		w, _ := zw.Create(f.Name)
		w.Write(body)
	}
	zw.Close()
	res, err := importer.Import("wrapped.docx", out.Bytes(), reg, importer.Hints{})
	if err != nil {
		t.Fatal(err)
	}
	sameCells(t, "wrapped", d, res.Doc)
	if res.Unit != d.Report.Unit.Name || res.Year != 2025 || len(res.Sections) != 6 {
		t.Errorf("wrapped: unit %q year %d sections %v", res.Unit, res.Year, res.Sections)
	}
}
