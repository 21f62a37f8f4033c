package pdftext

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// reportPDF is a two-page report as offices' PDFs are drawn: a title, a
// paragraph wrapped over two lines, a GBK-encoded heading, a ruled table
// whose label wraps in its cell, a page number and a running head; the
// second page landscape (/Rotate 90), with a form XObject, Kangxi
// radicals for ordinary characters and columns set apart by kerning.
func reportPDF() []byte {
	head := text("U", 10, 480, 800, ucs("草稿"))
	p1 := head +
		text("U", 22, 100, 760, ucs("青溪县2025年政府信息公开工作年度报告")) +
		text("U", 16, 104, 700, ucs("本报告根据条例编制。全文包括总体情况等六个部分，统计期")) +
		text("U", 16, 72, 680, ucs("限为2025年全年。")) +
		text("G", 16, 104, 640, gbk("一、总体情况")) +
		rules([]float64{72, 300, 420, 523}, []float64{620, 590, 540}) +
		text("U", 14, 80, 600, ucs("规章")) +
		text("H", 14, 350, 600, "(3)") + text("H", 14, 460, 600, "(12)") +
		text("U", 14, 80, 570, ucs("行政规范性")) + text("U", 14, 80, 552, ucs("文件")) +
		text("H", 14, 350, 560, "(0)") + text("H", 14, 460, 560, "(5)") +
		"BT /U 16 Tf 1 0 0 1 104 500 Tm [" + ucs("申请") + " -4000 " + ucs("26件") + "] TJ ET\n" +
		text("U", 14, 280, 60, ucs("— 1 —"))
	p2 := head2() +
		"BT /U 16 Tf 0 1 -1 0 195 100 Tm " + ucs("⼆、主动公开政府信息情况") + " Tj ET\n" +
		"q /Fm1 Do Q\n" +
		"BT /U 14 Tf 0 1 -1 0 560 400 Tm " + ucs("— 2 —") + " Tj ET\n"
	form := "BT /U 16 Tf 0 1 -1 0 235 100 Tm " + ucs("全年主动公开信息356条。") + " Tj ET\n"
	return buildPDF(testPage{content: p1}, testPage{content: p2, rotate: 90, form: form})
}

// head2 draws the running head on the landscape page, at its top right.
func head2() string {
	return "BT /U 10 Tf 0 1 -1 0 20 760 Tm " + ucs("草稿") + " Tj ET\n"
}

const reportText = `青溪县2025年政府信息公开工作年度报告
本报告根据条例编制。全文包括总体情况等六个部分，统计期限为2025年全年。
一、总体情况
规章 | 3 | 12
行政规范性文件 | 0 | 5
申请 | 26件
二、主动公开政府信息情况
全年主动公开信息356条。`

func TestRead(t *testing.T) {
	doc, err := Read(reportPDF())
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != reportText || doc.Pages != 2 || doc.Recognized {
		t.Errorf("read %d pages (recognized %v):\n%s\nwant\n%s", doc.Pages, doc.Recognized, doc.Text, reportText)
	}
}

// TestFixtures: the same report as qpdf rewrites it — object and
// cross-reference streams, and encrypted with an empty user password
// (RC4 40 and 128 bit, AES 128 and 256 bit) — reads the same; one that
// needs a password is refused saying so. testdata/make.sh makes them.
func TestFixtures(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.pdf")
	if len(files) < 6 {
		t.Fatalf("fixtures missing: %v", files)
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Read(data)
		if strings.HasSuffix(path, "password.pdf") {
			if !errors.Is(err, errPassword) {
				t.Errorf("%s: %v, want the password refusal", path, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if doc.Text != reportText {
			t.Errorf("%s read as\n%s", path, doc.Text)
		}
	}
}

// TestWriteFixture writes the plain report testdata/make.sh turns into
// the fixtures.
func TestWriteFixture(t *testing.T) {
	out := os.Getenv("PDFTEXT_FIXTURE")
	if out == "" {
		t.Skip("PDFTEXT_FIXTURE names the file to write")
	}
	if err := os.WriteFile(out, reportPDF(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRefuses: what has no readable text says why.
func TestRefuses(t *testing.T) {
	scan := "q 595 0 0 842 0 0 cm /Im1 Do Q\n"
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"scan", buildPDF(testPage{content: scan}), errScanned},
		{"no text", buildPDF(testPage{content: "0 0 m 100 100 l S"}), errNoText},
		{"no ToUnicode", buildPDF(testPage{content: text("N", 12, 72, 700, ucs("报告"))}), errNoUnicode},
		{"not a PDF", []byte("<html>报告</html>"), errNotPDF},
		{"empty", nil, errNotPDF},
		{"no pages", []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>"), errNotPDF},
	} {
		if _, err := Read(tc.data); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
}

// TestRecognized: a scan with its recognized text drawn invisibly reads,
// flagged as recognized.
func TestRecognized(t *testing.T) {
	content := "q 595 0 0 842 0 0 cm /Im1 Do Q\nBT 3 Tr /U 12 Tf 1 0 0 1 72 700 Tm " + ucs("一、总体情况") + " Tj ET\n"
	doc, err := Read(buildPDF(testPage{content: content}))
	if err != nil || !doc.Recognized || doc.Text != "一、总体情况" {
		t.Errorf("read %+v, %v", doc, err)
	}
}

// TestTricky: what real files do that must not change a number.
func TestTricky(t *testing.T) {
	body := text("U", 12, 72, 700, ucs("本年新收申请数量共计"))
	for _, tc := range []struct {
		name, content, want string
	}{
		{"fake bold across a rounding edge", text("H", 12, 100.3, 650, "(12)") + text("H", 12, 100.6, 650.2, "(12)"), "12"},
		{"simple font, two-byte ToUnicode", text("T", 12, 100, 650, "(12)"), "12"},
		{"a glyph without text", text("H", 12, 100, 650, "(1)") + text("N", 12, 106.7, 650, "<0030>"), "1\uFFFD"},
	} {
		doc, err := Read(buildPDF(testPage{content: body + tc.content}))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got := strings.TrimPrefix(doc.Text, "本年新收申请数量共计\n"); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// hostile are crafted files, by what they try.
func hostile() map[string]func() []byte {
	loop := "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] >> endobj\n" +
		"3 0 obj << /Type /Pages /Kids [2 0 R] >> endobj\ntrailer << /Root 1 0 R >>"
	data := func(s string) func() []byte { return func() []byte { return []byte(s) } }
	return map[string]func() []byte{
		"nesting":    data("%PDF-1.4\n1 0 obj " + strings.Repeat("[", 1_000_000) + " endobj"),
		"dicts":      data("%PDF-1.4\n1 0 obj " + strings.Repeat("<<", 500_000) + " endobj"),
		"page loop":  data(loop),
		"form loop":  func() []byte { return buildPDF(testPage{content: "/Fm1 Do", form: "/Fm1 Do /Fm1 Do"}) },
		"zip bomb":   zipBomb,
		"truncated":  func() []byte { return reportPDF()[:1500] },
		"big length": func() []byte { return bytes.Replace(reportPDF(), []byte("/Length "), []byte("/Length 99999999999"), 1) },
		"cmap range": func() []byte { return buildPDF(testPage{content: text("U", 12, 72, 700, "<FFFFFFFF>")}) },
		"operands":   func() []byte { return buildPDF(testPage{content: strings.Repeat("1 ", 1_000_000) + "Tj"}) },
		"objects":    data("%PDF-1.4\n" + strings.Repeat("1 0 obj 1 endobj\n", 200_000)),
		"trailers":   data("%PDF-1.4\n1 0 obj << >> endobj\n" + strings.Repeat("trailer<<", 40_000)),
		"forms":      formBomb,
		"not finite": func() []byte {
			return buildPDF(testPage{content: "BT /U 12 Tf 1 0 0 1 NaN inf Tm " + ucs("报告") + " Tj ET"})
		},
		"objstm":    objStmBomb,
		"rules":     manyRules,
		"paragraph": longParagraph,
	}
}

// zipBomb is a content stream of 300 MB of zeros in 300 KB of Flate.
func zipBomb() []byte {
	var bomb bytes.Buffer
	zw := zlib.NewWriter(&bomb)
	zw.Write(make([]byte, 300<<20))
	zw.Close()
	return []byte(fmt.Sprintf("%%PDF-1.4\n1 0 obj << /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream endobj\n2 0 obj << /Type /Catalog /Pages 3 0 R >> endobj\n3 0 obj << /Type /Page /Contents 1 0 R >> endobj\ntrailer << /Root 2 0 R >>", bomb.Len(), bomb.Bytes()))
}

// TestHostile: crafted files are refused or read in part, and never panic
// (their time is measured by BenchmarkHostile; a hang fails the test run).
func TestHostile(t *testing.T) {
	for name, build := range hostile() {
		if raceEnabled && slices.Contains([]string{"objects", "objstm", "paragraph", "rules", "zip bomb"}, name) {
			continue // bounds of size: tried without the race detector, which slows them tenfold
		}
		doc, err := Read(build())
		if err == nil && doc.Text == "" {
			t.Errorf("%s: read nothing without saying so", name)
		}
		if name == "zip bomb" && !errors.Is(err, errTooLarge) {
			t.Errorf("zip bomb: %v", err)
		}
	}
}

// BenchmarkHostile reads each crafted file: each should take at most a
// few seconds.
func BenchmarkHostile(b *testing.B) {
	for name, build := range hostile() {
		data := build()
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Read(data)
			}
		})
	}
}

// formBomb draws forms within forms, each drawing the next 200 times:
// 200^4 forms from a few kilobytes.
func formBomb() []byte {
	b := &pdfBuilder{}
	catalog := b.add("")
	pages := b.add("")
	var forms []int
	for range 4 {
		forms = append(forms, b.add(""))
	}
	for i, n := range forms {
		content := "BT /F 12 Tf (x) Tj ET"
		res := ""
		if i+1 < len(forms) {
			content = strings.Repeat("/X Do ", 200)
			res = fmt.Sprintf("/XObject << /X %d 0 R >>", forms[i+1])
		}
		b.set(n, streamObj(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << %s >>", res), []byte(content), false))
	}
	page := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X %d 0 R >> >> /Contents %d 0 R >>",
		pages, forms[0], b.add(streamObj("", []byte("/X Do"), false))))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	return b.bytes(catalog)
}

// objStmBomb is an object stream of 200,000 objects all at one offset of
// a dictionary that never ends.
func objStmBomb() []byte {
	var hdr bytes.Buffer
	n := 200_000
	for i := range n {
		fmt.Fprintf(&hdr, "%d 0 ", 100+i)
	}
	data := append(hdr.Bytes(), append([]byte("<< "), bytes.Repeat([]byte("1 "), 1<<19)...)...)
	b := &pdfBuilder{}
	b.add(streamObj(fmt.Sprintf("/Type /ObjStm /N %d /First %d", n, hdr.Len()), data, true))
	return b.bytes(1)
}

// manyRules is a page of 190,000 glyphs among 600,000 short rules.
func manyRules() []byte {
	var sb strings.Builder
	for i := range 1000 {
		sb.WriteString(text("H", 1, 50, 50+float64(i)*0.7, "("+strings.Repeat("A", 190)+")"))
	}
	for i := range 300_000 {
		fmt.Fprintf(&sb, "%d 100 m %d 110 l 100 %d m 110 %d l S\n", 50+i%400, 50+i%400, 100+i%600, 100+i%600)
	}
	return buildPDF(testPage{content: sb.String()})
}

// longParagraph is one paragraph of 9,000 lines over 30 pages.
func longParagraph() []byte {
	var sb strings.Builder
	for y := range 300 {
		fmt.Fprintf(&sb, "BT /H 2 Tf 1 0 0 1 50 %g Tm (%s) Tj ET\n", 800-float64(y)*2.2, strings.Repeat("a", 240))
	}
	pages := make([]testPage, 30)
	for i := range pages {
		pages[i].content = sb.String()
	}
	return buildPDF(pages...)
}

// FuzzRead feeds the reader: no panic, no unbounded work.
func FuzzRead(f *testing.F) {
	f.Add(reportPDF())
	f.Add(buildPDF(testPage{content: "q 595 0 0 842 0 0 cm /Im1 Do Q\n"}))
	if data, err := os.ReadFile("testdata/objstm.pdf"); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		read(data) // without Read's recover: a panic is a finding
	})
}

// FuzzCMap feeds the ToUnicode reader and decodes with what it read.
func FuzzCMap(f *testing.F) {
	f.Add([]byte(identityCMap), []byte{0, 0x41, 0x4e, 0x00})
	f.Add([]byte("1 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange 2 beginbfchar <41> <0041> <8140> <4E00> endbfchar"), []byte{0x41, 0x81, 0x40})
	f.Fuzz(func(t *testing.T, cm, s []byte) {
		ft := &font{toUni: parseCMap(cm), widths: map[int]float64{}, scale: 0.001}
		ft.decode(s)
	})
}

// TestParagraphs: which lines continue the paragraph before.
func TestParagraphs(t *testing.T) {
	full := func(text string, top float64) line {
		return line{text: text, left: 72, right: 520, top: top, size: 16}
	}
	short := func(text string, top float64) line {
		return line{text: text, left: 72, right: 200, top: top, size: 16}
	}
	for _, tc := range []struct {
		name  string
		pages [][]line
		want  []string
	}{
		{"wrapped", [][]line{{full("本年度共", 700), short("办结。", 680)}}, []string{"本年度共办结。"}},
		{"numbered heading", [][]line{{full("本年度共办结", 700), short("二、主动公开", 680)}}, []string{"本年度共办结", "二、主动公开"}},
		{"unnumbered heading", [][]line{{full("全年办结。", 700), short("主动公开情况", 680)}}, []string{"全年办结。", "主动公开情况"}},
		{"sentence end, paragraph goes on", [][]line{{full("全年办结。", 700), short("其中答复十件。", 680)}}, []string{"全年办结。其中答复十件。"}},
		{"indented next", [][]line{{full("全年办结。", 700), {text: "另一段", left: 104, right: 300, top: 680, size: 16}}}, []string{"全年办结。", "另一段"}},
		{"other size", [][]line{{full("全年办结", 700), {text: "注", left: 72, right: 100, top: 685, size: 10}}}, []string{"全年办结", "注"}},
		{"far below", [][]line{{full("全年办结", 700), short("续", 600)}}, []string{"全年办结", "续"}},
		{"next page", [][]line{{full("全年共", 100)}, {short("办结。", 770)}}, []string{"全年共办结。"}},
		{"table row", [][]line{{full("全年共", 700), {text: "规章 | 3", left: 72, right: 520, top: 680, size: 16, row: true}}}, []string{"全年共", "规章 | 3"}},
	} {
		if got := paragraphs(tc.pages); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
