package pdftext

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// pdfBuilder writes small PDFs for the tests: objects numbered from 1 in
// the order added, a cross-reference table and a trailer.
type pdfBuilder struct {
	objects []string
}

// add adds an object and returns its number.
func (b *pdfBuilder) add(body string) int {
	b.objects = append(b.objects, body)
	return len(b.objects)
}

// set replaces object n (added earlier as a placeholder).
func (b *pdfBuilder) set(n int, body string) { b.objects[n-1] = body }

// streamObj returns a stream object's text; flate compresses it.
func streamObj(dict string, data []byte, flate bool) string {
	if flate {
		var buf bytes.Buffer
		zw := zlib.NewWriter(&buf)
		zw.Write(data)
		zw.Close()
		data = buf.Bytes()
		dict += " /Filter /FlateDecode"
	}
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

func (b *pdfBuilder) bytes(root int) []byte {
	var out bytes.Buffer
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(b.objects))
	for i, o := range b.objects {
		offsets[i] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", len(b.objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<< /Size %d /Root %d 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n%d\n%%%%EOF\n", len(b.objects)+1, root, xref)
	return out.Bytes()
}

// ucs is s as the hex string an Identity-H font whose codes are UTF-16
// shows.
func ucs(s string) string {
	var sb strings.Builder
	sb.WriteByte('<')
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&sb, "%04X", u)
	}
	sb.WriteByte('>')
	return sb.String()
}

// gbk is s as the hex string a GBK-EUC-H font shows.
func gbk(s string) string {
	b, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	return fmt.Sprintf("<%X>", b)
}

// identityCMap maps every two-byte code to the UTF-16 unit it is.
const identityCMap = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`

// page describes one page of a test PDF.
type testPage struct {
	content string // drawn with fonts /U (Identity-H, UTF-16 codes), /G (GBK), /H (Helvetica), /N (no ToUnicode), /T (simple, with a two-byte ToUnicode)
	rotate  int
	form    string // content of form XObject /Fm1; every page has an image /Im1
}

// buildPDF makes a PDF of the pages.
func buildPDF(pages ...testPage) []byte {
	b := &pdfBuilder{}
	catalog := b.add("")
	pagesObj := b.add("")
	toUni := b.add(streamObj("", []byte(identityCMap), true))
	desc := b.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [48 [500 500 500 500 500 500 500 500 500 500] 32 32 500 45 46 500] >>")
	fontU := b.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", desc, toUni))
	descG := b.add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 >>")
	fontG := b.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /GBK-EUC-H /DescendantFonts [%d 0 R] >>", descG))
	fontH := b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	fontN := b.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [%d 0 R] >>", desc))
	fontT := b.add(fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 57 /Widths [%s] /ToUnicode %d 0 R >>", strings.Repeat("556 ", 26), toUni))
	fonts := fmt.Sprintf("/Font << /U %d 0 R /G %d 0 R /H %d 0 R /N %d 0 R /T %d 0 R >>", fontU, fontG, fontH, fontN, fontT)
	image := b.add(streamObj("/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", []byte{0}, false))
	var kids []string
	for _, p := range pages {
		xobjects := fmt.Sprintf("/Im1 %d 0 R", image)
		if p.form != "" {
			form := b.add(streamObj(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << %s >>", fonts), []byte(p.form), true))
			xobjects += fmt.Sprintf(" /Fm1 %d 0 R", form)
		}
		content := b.add(streamObj("", []byte(p.content), true))
		kids = append(kids, fmt.Sprintf("%d 0 R", b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Rotate %d /Contents %d 0 R /Resources << %s /XObject << %s >> >> >>", pagesObj, p.rotate, content, fonts, xobjects))))
	}
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj))
	b.set(pagesObj, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 595 842] >>", strings.Join(kids, " "), len(kids)))
	return b.bytes(catalog)
}

// text draws s with font f of size pt at x, y.
func text(f string, pt float64, x, y float64, s string) string {
	return fmt.Sprintf("BT /%s %g Tf 1 0 0 1 %g %g Tm %s Tj ET\n", f, pt, x, y, s)
}

// rules draws a table's rules: columns at xs, rows at ys (top to bottom).
func rules(xs, ys []float64) string {
	var sb strings.Builder
	sb.WriteString("0.5 w\n")
	for _, y := range ys {
		fmt.Fprintf(&sb, "%g %g m %g %g l S\n", xs[0], y, xs[len(xs)-1], y)
	}
	for _, x := range xs {
		fmt.Fprintf(&sb, "%g %g m %g %g l S\n", x, ys[0], x, ys[len(ys)-1])
	}
	return sb.String()
}
