package infographic_test

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"regexp"
	"strings"
	"testing"

	"nianbao/export"
	"nianbao/export/exporttest"
	"nianbao/export/infographic"
	"nianbao/export/pdf"
	"nianbao/forms/figures"
	"nianbao/forms/format"
	"nianbao/forms/pdftext"
	"nianbao/forms/report"
	"nianbao/forms/value"
)

var bundled = pdf.Options{Fonts: pdf.BundledFonts()}

func write(t testing.TB, d *report.Doc, opt export.Options, ft infographic.FileType) ([]byte, []string) {
	t.Helper()
	data, warnings, err := infographic.Write(d, export.Build(d, opt), ft, bundled)
	if err != nil {
		t.Fatal(err)
	}
	return data, warnings
}

// svgTexts are the texts of an SVG, each its spans joined, in order; it
// fails on a file that is no well-formed XML.
func svgTexts(t *testing.T, data []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var out []string
	var cur *strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "text" {
				cur = &strings.Builder{}
			}
		case xml.CharData:
			if cur != nil {
				cur.Write(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "text" {
				out = append(out, cur.String())
				cur = nil
			}
		}
	}
}

var leadingNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?`)

// assertFigures: every figure of the format's 图解 shows, after its label,
// the sum of its cells in the report (computed cells included), in panel
// order; a figure of a blank cell shows —.
func assertFigures(t *testing.T, d *report.Doc, texts []string) {
	t.Helper()
	vals := d.Values()
	at := 0
	for _, p := range d.Entry.Format.Infographic.Panels {
		for _, f := range p.Figures {
			i := at
			for i < len(texts) && texts[i] != f.Label {
				i++
			}
			if i+1 >= len(texts) {
				t.Fatalf("%s/%s: label not found in order after text %d", p.Title, f.Label, at)
			}
			want := "—"
			if sum, ok := value.SumOf(vals, format.SumCells(f.Value)); ok {
				want = value.RatString(sum)
			}
			got := leadingNumber.FindString(texts[i+1])
			if want == "—" && strings.HasPrefix(texts[i+1], "—") {
				got = "—"
			}
			if got != want {
				t.Errorf("%s/%s shows %q (%q), the cells %s hold %s", p.Title, f.Label, got, texts[i+1], f.Value, want)
			}
			at = i + 1
		}
	}
}

// TestFiguresFromCells: what the 图解 shows is what the cells hold, for
// every figure of every format's 图解.
func TestFiguresFromCells(t *testing.T) {
	d := exporttest.Sample(t)
	data, warnings := write(t, d, export.Options{}, infographic.SVGFile)
	if len(warnings) > 0 {
		t.Errorf("warnings: %v", warnings)
	}
	texts := svgTexts(t, data)
	assertFigures(t, d, texts)
	for _, want := range []string{"一图读懂", "青溪县自然资源局", "45.8%", "25.0%"} {
		if !strings.Contains(strings.Join(texts, "\n"), want) {
			t.Errorf("no %q in %q", want, texts)
		}
	}
	if strings.Contains(string(data), "草稿") {
		t.Error("a report without errors marked 草稿")
	}
	// A blank cell shows —, not 0.
	d.SetCell("t3.deny.secret.natural", "")
	assertFigures(t, d, svgTexts(t, mustSVG(t, d)))
}

func mustSVG(t *testing.T, d *report.Doc) []byte {
	data, _ := write(t, d, export.Options{}, infographic.SVGFile)
	return data
}

// TestOlderFormats: the 2019 and pre-2019 formats draw their figures too.
func TestOlderFormats(t *testing.T) {
	for _, tc := range []struct {
		id   string
		year int
	}{{"2014", 2018}, {"2019", 2020}, {"2021", 2024}} {
		t.Run(tc.id, func(t *testing.T) {
			d := exporttest.Filled(t, tc.id, tc.year)
			assertFigures(t, d, svgTexts(t, mustSVG(t, d)))
			data, _ := write(t, d, export.Options{}, infographic.PNGFile)
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil || img.Bounds().Dx() != infographic.Width || img.Bounds().Dy() < 2*infographic.Width {
				t.Fatalf("PNG: %v, %v", err, img.Bounds())
			}
			data, _ = write(t, d, export.Options{}, infographic.PDFFile)
			text, err := pdftext.Read(data)
			if err != nil || !strings.Contains(text.Text, d.Entry.Format.Infographic.Panels[0].Figures[0].Label) || text.Pages != 1 {
				t.Fatalf("PDF text: %v, %+v", err, text)
			}
		})
	}
}

// TestDraftAndChanges: a draft says 草稿 on the band and at the foot; with
// last year's report linked, each tile says its change.
func TestDraftAndChanges(t *testing.T) {
	d := exporttest.NextYear(t, map[string]string{
		"t3.new.natural":   "31", // 26 → 36
		"t4.review.upheld": "0",  // 2 → 1
	})
	data, _ := write(t, d, export.Options{Draft: true}, infographic.SVGFile)
	texts := strings.Join(svgTexts(t, data), "\n")
	for _, want := range []string{"草稿\n", "较上年 ▲38.5%", "较上年 ▼50%", "与上年持平", "不得发布"} {
		if !strings.Contains(texts, want) {
			t.Errorf("no %q in\n%s", want, texts)
		}
	}
}

// TestMissingCharacter: a character no font has prints as 〓 with a
// warning, in every file type; the SVG stays well-formed.
func TestMissingCharacter(t *testing.T) {
	d := exporttest.Sample(t)
	d.Report.Unit.Name = "青溪县\U000F0000局"
	for _, ft := range []infographic.FileType{infographic.PNGFile, infographic.SVGFile, infographic.PDFFile} {
		data, warnings := write(t, d, export.Options{}, ft)
		if len(warnings) == 0 || !strings.Contains(warnings[0], "U+F0000") {
			t.Errorf("file type %d: warnings %v", ft, warnings)
		}
		if ft == infographic.SVGFile && !strings.Contains(strings.Join(svgTexts(t, data), ""), "〓") {
			t.Error("no 〓 in the SVG")
		}
	}
}

func TestGoldenSVG(t *testing.T) {
	data := mustSVG(t, exporttest.Sample(t))
	fonts := regexp.MustCompile(`base64,[A-Za-z0-9+/=]+`)
	exporttest.Golden(t, "sample.svg", fonts.ReplaceAll(data, []byte("base64,…")))
}

// BenchmarkPNG draws the sample's 图解 as a PNG: the target is under 300 ms.
func BenchmarkPNG(b *testing.B) {
	d := exporttest.Sample(b)
	doc := export.Build(d, export.Options{})
	for b.Loop() {
		if _, _, err := infographic.Write(d, doc, infographic.PNGFile, bundled); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPNGPixels: the PNG holds the drawn picture pixel for pixel, and its
// title as text.
func TestPNGPixels(t *testing.T) {
	d := exporttest.Sample(t)
	doc := export.Build(d, export.Options{})
	dr := infographic.Layout(doc, figures.Make(d.Entry.Format, d.Values(), nil))
	s, err := pdf.Shape(dr, bundled)
	if err != nil {
		t.Fatal(err)
	}
	want, err := infographic.Raster(dr, s)
	if err != nil {
		t.Fatal(err)
	}
	data, err := infographic.PNG(dr, s)
	if err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(bytes.NewReader(data))
	if err != nil || got.Bounds() != want.Bounds() {
		t.Fatalf("decoded: %v, %v", err, got.Bounds())
	}
	for y := range want.Bounds().Dy() {
		for x := range want.Bounds().Dx() {
			r1, g1, b1, _ := got.At(x, y).RGBA()
			r2, g2, b2, _ := want.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 {
				t.Fatalf("pixel (%d, %d): %v, drawn %v", x, y, got.At(x, y), want.At(x, y))
			}
		}
	}
	if !bytes.Contains(data, []byte("iTXtTitle\x00\x00\x00\x00\x00"+dr.Title)) {
		t.Error("no title in the PNG")
	}
	// Something was drawn: the band is red, the page white.
	if r, g, _, _ := want.At(5, 5).RGBA(); r>>8 != 190 || g>>8 != 30 {
		t.Errorf("band: %v", want.At(5, 5))
	}
}

// TestLongLabels: a local format's long labels and titles are set smaller
// rather than run out of their tiles or the picture.
func TestLongLabels(t *testing.T) {
	long := strings.Repeat("很长的标签", 8)
	s := &figures.Sheet{Panels: []figures.Panel{
		{Title: long, Note: long + long, Kind: format.TilesPanel, Figures: []figures.Figure{{Label: long, Text: "123456789012.5", Unit: "万元"}, {Label: "短"}}},
		{Title: "条形", Kind: format.BarsPanel, Figures: []figures.Figure{{Label: long, Text: "1", Unit: "件", Share: &figures.Share{Text: "100.0%", Percent: 100}}}},
	}}
	doc := export.Build(exporttest.Sample(t), export.Options{})
	d := infographic.Layout(doc, s)
	for _, tx := range d.Texts() {
		w := 0.0
		for _, sp := range tx.Spans {
			w += float64(export.Width(sp.Text)) / 2 * sp.Size
		}
		left := tx.X - w*tx.Anchor.Share()
		if left < 0 || left+w > infographic.Width {
			t.Errorf("%q spans %.0f–%.0f of %d", tx.Spans[0].Text, left, left+w, infographic.Width)
		}
	}
}

// TestNoInfographic: a format that says nothing of a 图解 exports none,
// with a message naming it.
func TestNoInfographic(t *testing.T) {
	d := exporttest.Sample(t)
	f := *d.Entry.Format
	f.Infographic = nil
	d.Entry.Format = &f
	_, _, err := infographic.Write(d, export.Build(d, export.Options{}), infographic.PNGFile, bundled)
	if err == nil || !strings.Contains(err.Error(), f.Name) {
		t.Errorf("err = %v", err)
	}
}
