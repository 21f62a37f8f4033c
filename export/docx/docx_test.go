package docx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
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
	exporttest.Golden(t, "document.xml", []byte(indent(body)))
}

// indent puts each tag of a WordprocessingML part on a line of its own,
// indented by depth, so that a change to the golden file reads as a diff;
// text and the tags right around it stay together (<w:t>text</w:t>).
func indent(doc string) string {
	var b strings.Builder
	depth := 0
	text, opened := false, false // what was written last: text, an opening tag
	for rest := doc; rest != ""; {
		if rest[0] != '<' {
			end := strings.IndexByte(rest, '<')
			if end < 0 {
				end = len(rest)
			}
			b.WriteString(rest[:end])
			rest, text = rest[end:], true
			continue
		}
		end := strings.IndexByte(rest, '>') + 1
		tag := rest[:end]
		rest = rest[end:]
		closing := strings.HasPrefix(tag, "</")
		if closing {
			depth--
		}
		if b.Len() > 0 && !text && !(closing && opened) {
			b.WriteString("\n" + strings.Repeat("  ", depth))
		}
		b.WriteString(tag)
		opened = !closing && !strings.HasSuffix(tag, "/>") && !strings.HasPrefix(tag, "<?")
		if opened {
			depth++
		}
		text = false
	}
	return b.String() + "\n"
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

// libreOffice converts a Word document to PDF with LibreOffice; the test
// is skipped without it.
func libreOffice(t *testing.T, data []byte) []byte {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice not installed (scripts/setup.sh installs it)")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "r.docx")
	os.WriteFile(in, data, 0o644)
	if out, err := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+dir+"/lo", "--convert-to", "pdf", "--outdir", dir, in).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	out, err := os.ReadFile(filepath.Join(dir, "r.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLibreOfficeOpens converts the document to PDF with LibreOffice and
// finds the report's text in it, in order.
func TestLibreOfficeOpens(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed")
	}
	doc := build(t)
	data, err := docx.Write(doc, docx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(path, libreOffice(t, data), 0o644)
	out, err := exec.Command(pdftotext, "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	exporttest.AssertInOrder(t, string(out), []string{doc.Title, "一、总体情况", "第二十条第（一）项", "12.5368",
		"申请人情况", "四、结转下年度继续办理", "六、其他需要报告的事项", doc.Closing.Organ, doc.Closing.Date})
	if !strings.Contains(strings.ReplaceAll(string(out), " ", ""), "—2—") {
		t.Error("no page numbers")
	}
}

// TestLibreOfficeLayout measures the pages LibreOffice makes of the sample
// with four-digit counts in 表三 and a long organ name: the title's lines
// one grid line (10.23 mm) apart, the page number 7 mm below the text as
// in the PDF, the closing's date four characters in with the organ's lines
// centred over it, and every figure of 表三 on one line.
func TestLibreOfficeLayout(t *testing.T) {
	d := exporttest.Sample(t)
	for _, id := range []string{"t3.new.business", "t3.carried.research"} {
		if err := d.SetCell(id, "8888"); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.SetField("closing.organ", "青溪省白鹭市青溪县人民政府办公室"); err != nil {
		t.Fatal(err)
	}
	doc := export.Build(d, export.Options{})
	data, err := docx.Write(doc, docx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ws := exporttest.Words(t, libreOffice(t, data))
	mm := exporttest.MM
	near := func(what string, got, want, tol float64) {
		t.Helper()
		if math.Abs(got-want) > tol {
			t.Errorf("%s at %.1f mm, want %.1f", what, got/mm, want/mm)
		}
	}
	i := slices.IndexFunc(ws, func(w exporttest.Word) bool { return w.Text == "青溪县自然资源局" })
	if i < 0 || i+1 == len(ws) || ws[i+1].Text != "2025" {
		t.Fatalf("the title does not start with the unit's name on its own line: %v", ws[:min(4, len(ws))])
	}
	near("the title's second line", ws[i+1].YMin, ws[i].YMin+10.23*mm, 0.3*mm)
	for _, w := range ws {
		if w.Page == 1 && strings.HasPrefix(w.Text, "—") {
			near("the page number", w.YMin, (297-35+2.4)*mm, 1*mm) // as the PDF prints it
			break
		}
	}
	// LibreOffice's PDF splits the date where the script changes.
	date, _ := exporttest.Last(ws, doc.Closing.Date[:4])
	for _, w := range ws {
		if w.Page == date.Page && w.YMin == date.YMin && w.XMin > date.XMax {
			date.XMax = w.XMax
		}
	}
	near("the date's end", date.XMax, (184-4*16*25.4/72)*mm, 1*mm)
	// The organ's name is centred on the date as Word measures it in
	// 仿宋_GB2312, whose digits are half a character wide: three characters
	// and seven digits of 三号 with −0.25 pt spacing. LibreOffice puts in a
	// font with wider digits here, so its date is wider.
	centre := date.XMax - 6.5*15.75/2
	for _, l := range []string{"青溪省白鹭市青溪县", "人民政府办公室"} {
		w, ok := exporttest.Last(ws, l)
		if !ok {
			t.Fatalf("organ line %q not on a line of its own", l)
		}
		near("the middle of "+l, w.Centre(), centre, 1*mm)
	}
	have := map[string]bool{}
	for _, w := range ws {
		have[w.Text] = true
	}
	for _, c := range doc.Sections[2].Blocks[0].Table.Cells {
		if c.CellID != "" && !have[c.Text] {
			t.Errorf("表三's %s (%s) is not printed on one line", c.CellID, c.Text)
		}
	}
}

// TestKeptRows: a band of 表二 stays on one page with its label and column
// header, and the rows under a merged label of 表三 stay together, so that
// the label is never cut (Word cannot repeat it on the next page): every
// such row but the last keeps with the next.
func TestKeptRows(t *testing.T) {
	doc := build(t)
	data, err := docx.Write(doc, docx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rows := regexp.MustCompile(`<w:tr>.*?</w:tr>`).FindAllString(parts(t, data)["word/document.xml"], -1)
	next := 0
	for _, sec := range []int{1, 2} {
		tbl := doc.Sections[sec].Blocks[0].Table
		kept := func(r int) bool {
			if tbl.HeaderRow(r) || tbl.SpanContinues(r) {
				return true
			}
			for _, b := range tbl.RowBlocks() {
				if b.Head > b.From && b.From <= r && r < b.To-1 {
					return true
				}
			}
			return false
		}
		for r := range tbl.Grid.Rows {
			want := kept(r) && r < tbl.Grid.Rows-1
			if got := strings.Contains(rows[next+r], "<w:keepNext/>"); got != want {
				t.Errorf("%s row %d: keepNext %v, want %v", doc.Sections[sec].Heading, r, got, want)
			}
		}
		next += tbl.Grid.Rows
	}
}

// TestAppendix: the 2014 format's 统计表 starts a page with "附件" flush left
// in 黑体 and the table's title centred in the title font, once.
func TestAppendix(t *testing.T) {
	doc := export.Build(exporttest.Filled(t, "2014", 2018), export.Options{})
	data, err := docx.Write(doc, docx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	body := parts(t, data)["word/document.xml"]
	_, after, ok := strings.Cut(body, `<w:br w:type="page"/>`)
	if !ok {
		t.Fatal("no page break before the attachment")
	}
	label := regexp.MustCompile(`^</w:r></w:p><w:p><w:pPr><w:keepNext/><w:spacing [^>]*/><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="黑体"[^>]*/>.*?<w:t xml:space="preserve">附件</w:t>`)
	if !label.MatchString(after) {
		t.Errorf("the attachment does not start with 附件 flush left in 黑体:\n%.400s", after)
	}
	title := regexp.MustCompile(`<w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="方正小标宋简体"[^>]*/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr><w:t xml:space="preserve">政府信息公开情况统计表</w:t>`)
	if !title.MatchString(after) || strings.Count(after, ">政府信息公开情况统计表<") != 1 {
		t.Error("the table's title is not centred in the title font, once")
	}
}

// TestFormats exports a filled report of each format: everything is in
// the document, in order.
func TestFormats(t *testing.T) {
	exporttest.EachFormat(t, func(t *testing.T, doc *export.Document) {
		data, err := docx.Write(doc, docx.Options{})
		if err != nil {
			t.Fatal(err)
		}
		exporttest.AssertInOrder(t, text(parts(t, data)["word/document.xml"]), exporttest.Sequence(doc))
	})
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
