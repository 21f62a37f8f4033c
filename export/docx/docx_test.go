package docx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/export"
	"nianbao/export/docx"
	"nianbao/export/exporttest"
)

func build(t *testing.T) *export.Document {
	doc := export.Build(exporttest.Sample(t), export.Options{})
	doc.Meta.Created = time.Date(2026, 1, 20, 9, 30, 0, 0, time.UTC)
	return doc
}

// parts unzips a document and checks every XML part is well formed.
func parts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range z.File {
		r, _ := f.Open()
		b, _ := io.ReadAll(r)
		r.Close()
		out[f.Name] = string(b)
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
	}
	return out
}

// text returns the text of the w:t elements in order.
func text(doc string) string {
	var b strings.Builder
	dec := xml.NewDecoder(strings.NewReader(doc))
	inText := false
	for {
		tok, err := dec.Token()
		if err != nil {
			return b.String()
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			inText = tk.Name.Local == "t"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				b.Write(tk)
			}
		}
	}
}

func TestDocument(t *testing.T) {
	doc := build(t)
	data, err := docx.Write(doc, docx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := parts(t, data)
	body := p["word/document.xml"]
	exporttest.AssertInOrder(t, text(body), exporttest.Sequence(doc))
	for _, want := range []string{
		`<w:pgSz w:w="11906" w:h="16838"/>`, `w:top="2098"`, `w:left="1587"`, // GB/T 9704 page
		`w:eastAsia="仿宋_GB2312"`, `w:eastAsia="方正小标宋简体"`, `w:eastAsia="黑体"`, `w:eastAsia="楷体_GB2312"`,
		`<w:gridSpan w:val="7"/>`, `<w:vMerge w:val="restart"/>`, `<w:tblHeader/>`, `<w:cantSplit/>`,
		`<w:footerReference w:type="even"`,
		`<w:p><w:pPr><w:keepNext/><w:snapToGrid w:val="0"/>`, // header rows stay with the next row
	} {
		if !strings.Contains(body, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if !strings.Contains(p["word/settings.xml"], "<w:evenAndOddHeaders/>") {
		t.Error("no odd/even footers")
	}
	if !strings.Contains(p["word/footer2.xml"], `<w:jc w:val="left"/>`) || !strings.Contains(p["word/footer1.xml"], "PAGE") {
		t.Error("page number footers wrong")
	}
	if !strings.Contains(p["word/fontTable.xml"], `<w:altName w:val="FangSong_GB2312"/>`) {
		t.Error("font table lacks the alternative names")
	}
	exporttest.Golden(t, "document.xml", []byte(body))
}

func TestWindowsFonts(t *testing.T) {
	data, err := docx.Write(build(t), docx.Options{Fonts: docx.WindowsFonts})
	if err != nil {
		t.Fatal(err)
	}
	body := parts(t, data)["word/document.xml"]
	if strings.Contains(body, "GB2312") || !strings.Contains(body, `w:eastAsia="仿宋"`) {
		t.Error("the Windows font profile still names GB2312 fonts")
	}
}

// TestLibreOfficeOpens converts the document to PDF with LibreOffice and
// finds the report's text in it, in order.
func TestLibreOfficeOpens(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice not installed (scripts/setup.sh installs it)")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	doc := build(t)
	data, err := docx.Write(doc, docx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "r.docx")
	os.WriteFile(in, data, 0o644)
	if out, err := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+dir+"/lo", "--convert-to", "pdf", "--outdir", dir, in).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := exec.Command(pdftotext, "-layout", filepath.Join(dir, "r.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	exporttest.AssertInOrder(t, string(out), []string{doc.Title, "一、总体情况", "第二十条第（一）项", "12.5368",
		"申请人情况", "四、结转下年度继续办理", "六、其他需要报告的事项", doc.Closing.Organ, doc.Closing.Date})
	if !strings.Contains(strings.ReplaceAll(string(out), " ", ""), "—2—") {
		t.Error("no page numbers")
	}
}

func BenchmarkWrite(b *testing.B) {
	doc := export.Build(exporttest.Sample(b), export.Options{})
	for b.Loop() {
		if _, err := docx.Write(doc, docx.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDraftOnEveryPage(t *testing.T) {
	d := exporttest.Sample(t)
	d.SetCell("t4.review.other", "")
	data, err := docx.Write(export.Build(d, export.Options{}), docx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := parts(t, data)
	if !strings.Contains(p["word/document.xml"], `<w:headerReference w:type="even" r:id="rIdDraft"/>`) || !strings.Contains(p["word/header1.xml"], "草稿") {
		t.Error("a draft has no 草稿 header")
	}
}
