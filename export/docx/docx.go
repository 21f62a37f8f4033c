// Package docx writes a report as a Word document by hand-written
// WordprocessingML (no library does merged cells and East Asian fonts right):
// the official layout of GB/T 9704 — A4, its margins, 22 lines of 28
// characters, 方正小标宋简体 title, 仿宋_GB2312 body, 黑体 and 楷体 headings,
// odd/even page numbers "— N —" — with the tables as real Word tables (merged
// cells, header rows repeated on every page). It opens in Word and WPS and
// stays editable: clerks will still touch it up.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"nianbao/export"
	"nianbao/forms/format"
	"nianbao/forms/l10n"
)

// Fonts names the fonts of a document.
type Fonts struct {
	Title, Body, Heading1, Heading2, Table string
}

// Font profiles: the official fonts government PCs usually have, and the
// fonts every Windows PC has.
var (
	OfficialFonts = Fonts{Title: "方正小标宋简体", Body: "仿宋_GB2312", Heading1: "黑体", Heading2: "楷体_GB2312", Table: "宋体"}
	WindowsFonts  = Fonts{Title: "宋体", Body: "仿宋", Heading1: "黑体", Heading2: "楷体", Table: "宋体"}
)

// altNames are the Latin names Word and WPS also know the fonts by.
var altNames = map[string]string{
	"方正小标宋简体": "FZXiaoBiaoSong-B05S", "仿宋_GB2312": "FangSong_GB2312", "楷体_GB2312": "KaiTi_GB2312",
	"黑体": "SimHei", "宋体": "SimSun", "仿宋": "FangSong", "楷体": "KaiTi",
}

// Options tune the document.
type Options struct {
	Fonts Fonts // default OfficialFonts
}

// Page geometry of GB/T 9704 in twentieths of a point.
const (
	pageW, pageH           = 11906, 16838
	marginTop, marginBot   = 2098, 1984 // 37 mm, 35 mm
	marginLeft, marginRght = 1587, 1474 // 28 mm, 26 mm
	textWidth              = pageW - marginLeft - marginRght
	bodyLine               = 579 // 22 lines on the text area
	bodySize               = 32  // 三号, 16 pt, in half-points
	titleSize              = 44  // 二号, 22 pt
	tableSize              = 21  // 五号, 10.5 pt
	pageNumSize            = 28  // 四号, 14 pt
	// footerDist puts the page number's line 7 mm below the text, as in
	// the PDF: from the page's bottom edge to the footer's.
	footerDist = 1518
)

// Write returns the .docx file of doc.
func Write(doc *export.Document, opt Options) ([]byte, error) {
	if opt.Fonts == (Fonts{}) {
		opt.Fonts = OfficialFonts
	}
	w := &writer{opt: opt}
	body := w.body(doc)
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	files := []struct{ name, content string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", coreProps(doc)},
		{"docProps/app.xml", appProps},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/document.xml", body},
		{"word/styles.xml", w.styles()},
		{"word/settings.xml", settings},
		{"word/fontTable.xml", w.fontTable()},
		{"word/footer1.xml", footer("right")},
		{"word/footer2.xml", footer("left")},
		{"word/header1.xml", draftHeader(doc, w.opt.Fonts)},
	}
	for _, f := range files {
		fw, err := z.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: doc.Meta.Created})
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write([]byte(f.content)); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type writer struct {
	opt Options
	b   strings.Builder
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// rFonts names a font for every script; Word and WPS take Chinese text's
// font from eastAsia.
func rFonts(font string) string {
	return fmt.Sprintf(`<w:rFonts w:ascii="%[1]s" w:hAnsi="%[1]s" w:eastAsia="%[1]s" w:cs="%[1]s" w:hint="eastAsia"/>`, esc(font))
}

// run is a run of text in a font and size, with character spacing in
// twentieths of a point (−5 fits 28 characters of 三号 on a line).
func run(text, font string, size, spacing int, color string) string {
	var p strings.Builder
	p.WriteString("<w:r><w:rPr>" + rFonts(font))
	if color != "" {
		p.WriteString(`<w:color w:val="` + color + `"/>`)
	}
	if spacing != 0 {
		fmt.Fprintf(&p, `<w:spacing w:val="%d"/>`, spacing)
	}
	fmt.Fprintf(&p, `<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>`, size, size, esc(text))
	return p.String()
}

// para writes a paragraph: pPr children in Word's order (keepNext,
// spacing, ind, jc).
func (w *writer) para(text, font string, size int, ind, jc string, line int, color string) {
	w.paragraph(false, text, font, size, ind, jc, line, color)
}

// heading writes a paragraph kept on the page of the one that follows.
func (w *writer) heading(text, font string) {
	w.paragraph(true, text, font, bodySize, indentFirst2, "both", bodyLine, "")
}

func (w *writer) paragraph(keepNext bool, text, font string, size int, ind, jc string, line int, color string) {
	w.b.WriteString("<w:p><w:pPr>")
	if keepNext {
		w.b.WriteString("<w:keepNext/>")
	}
	if line > 0 {
		fmt.Fprintf(&w.b, `<w:spacing w:line="%d" w:lineRule="exact"/>`, line)
	}
	w.b.WriteString(ind)
	if jc != "" {
		w.b.WriteString(`<w:jc w:val="` + jc + `"/>`)
	}
	spacing := 0
	if size == bodySize {
		spacing = -5
	}
	w.b.WriteString("</w:pPr>" + run(text, font, size, spacing, color) + "</w:p>")
}

// leadPara writes a body paragraph whose run-in sub-heading is in 楷体.
func (w *writer) leadPara(lead, text string) {
	f := w.opt.Fonts
	fmt.Fprintf(&w.b, `<w:p><w:pPr><w:spacing w:line="%d" w:lineRule="exact"/>%s<w:jc w:val="both"/></w:pPr>`, bodyLine, indentFirst2)
	if lead != "" {
		w.b.WriteString(run(lead, f.Heading2, bodySize, -5, ""))
	}
	w.b.WriteString(run(text, f.Body, bodySize, -5, "") + "</w:p>")
}

const (
	indentFirst2 = `<w:ind w:firstLineChars="200" w:firstLine="640"/>`
	indentRight4 = `<w:ind w:rightChars="400" w:right="1280"/>`
	// bodyChar is the advance of a 三号 character with the body's
	// character spacing, in twips.
	bodyChar = bodySize*10 - 5
	// titleChars is how many characters of the title's size fit on a line.
	titleChars = float64(textWidth) / (titleSize * 10)
)

// lines writes one paragraph of lines broken where given (a title, an
// organ's name), on the body's line grid: exact spacing, so that Word and
// LibreOffice do not snap a large title to two grid lines a line.
func (w *writer) lines(keepNext bool, lines []string, font string, size int, ind, jc string) {
	w.b.WriteString("<w:p><w:pPr>")
	if keepNext {
		w.b.WriteString("<w:keepNext/>")
	}
	fmt.Fprintf(&w.b, `<w:snapToGrid w:val="0"/><w:spacing w:line="%d" w:lineRule="exact"/>%s<w:jc w:val="%s"/></w:pPr>`, bodyLine, ind, jc)
	spacing := 0
	if size == bodySize {
		spacing = -5
	}
	for i, l := range lines {
		if i > 0 {
			w.b.WriteString("<w:r><w:br/></w:r>")
		}
		w.b.WriteString(run(l, font, size, spacing, ""))
	}
	w.b.WriteString("</w:p>")
}

// closing writes the signature block as GB/T 9704 7.3.5.1 sets it, a line
// below the text: the date four characters in from the right, the organ's
// name centred over the date — a paragraph centred between indents that
// put its middle on the date's — broken like a title when too long for the
// room that leaves.
func (w *writer) closing(c export.Closing) {
	f := w.opt.Fonts
	dateW := export.Width(c.Date) * bodyChar / 2
	room := 2*(bodySize*10*4) + dateW // centred on the date, within the text width
	w.paragraph(true, "", f.Body, bodySize, "", "", bodyLine, "")
	ind := fmt.Sprintf(`<w:ind w:left="%d"/>`, textWidth-room)
	w.lines(true, export.NameLines(c.Organ, float64(room)/bodyChar), f.Body, bodySize, ind, "center")
	w.para(c.Date, f.Body, bodySize, indentRight4, "right", bodyLine, "")
}

// appendix writes an attachment (附件) from a new page as GB/T 9704 lays one
// out: the label flush left in 黑体, the title centred under it, then its
// content, its table without the title again.
func (w *writer) appendix(s *export.Section) {
	f := w.opt.Fonts
	label, _ := export.AppendixParts(s.Heading)
	w.b.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
	w.paragraph(true, label, f.Heading1, bodySize, "", "left", bodyLine, "")
	w.lines(true, export.TitleLines(s.AppendixTitle(), "", titleChars), f.Title, titleSize, "", "center")
	w.blocks(s.Blocks, false)
}

func (w *writer) body(doc *export.Document) string {
	f := w.opt.Fonts
	w.b.WriteString(xml.Header + `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>`)
	if doc.Draft {
		w.para(l10n.T("export.draftNote"), f.Heading1, bodySize, "", "center", bodyLine, "C00000")
	}
	w.lines(false, export.TitleLines(doc.Title, doc.Meta.Author, titleChars), f.Title, titleSize, "", "center")
	w.para("", f.Body, bodySize, "", "", bodyLine, "")
	for _, p := range doc.Preface {
		w.para(p, f.Body, bodySize, indentFirst2, "both", bodyLine, "")
	}
	w.sections(doc.Sections)
	w.closing(doc.Closing)
	for i := range doc.Appendix {
		w.appendix(&doc.Appendix[i])
	}
	w.b.WriteString("<w:sectPr>")
	if doc.Draft {
		w.b.WriteString(`<w:headerReference w:type="default" r:id="rIdDraft"/><w:headerReference w:type="even" r:id="rIdDraft"/>`)
	}
	fmt.Fprintf(&w.b, `<w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/>`+
		`<w:docGrid w:type="lines" w:linePitch="%d"/></w:sectPr></w:body></w:document>`,
		pageW, pageH, marginTop, marginRght, marginBot, marginLeft, footerDist, bodyLine)
	return w.b.String()
}

func (w *writer) sections(secs []export.Section) {
	for _, s := range secs {
		w.heading(s.Heading, w.opt.Fonts.Heading1)
		w.blocks(s.Blocks, true)
	}
}

// blocks writes the paragraphs, sub-headings and tables of a section, the
// tables with their titles if titled.
func (w *writer) blocks(bs []export.Block, titled bool) {
	for _, blk := range bs {
		switch blk.Kind {
		case export.TableBlock:
			w.table(blk.Table, titled)
		case export.SubHeading:
			w.heading(blk.Text, w.opt.Fonts.Heading2)
		default:
			w.leadPara(blk.Lead, blk.Text)
		}
	}
}

// table writes a Word table: gridSpan for column spans, vMerge for row spans
// (a covered cell is a continuing cell with the same span), header rows
// marked to repeat, no row split across pages.
func (w *writer) table(t *export.Table, titled bool) {
	widths := columnWidths(t)
	font := w.opt.Fonts.Table
	if titled && t.Title != "" {
		w.paragraph(true, t.Title, w.opt.Fonts.Heading1, 28, "", "center", 0, "")
	}
	w.b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="` + fmt.Sprint(textWidth) + `" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		w.b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	w.b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, wd := range widths {
		fmt.Fprintf(&w.b, `<w:gridCol w:w="%d"/>`, wd)
	}
	w.b.WriteString("</w:tblGrid>")
	// origin[r][c] is the cell whose merged area covers grid position (r, c).
	origin := make([][]*export.Cell, t.Grid.Rows)
	for r := range origin {
		origin[r] = make([]*export.Cell, t.Grid.Cols)
	}
	for i := range t.Cells {
		c := &t.Cells[i]
		for r := c.Row; r < c.Row+c.RowSpan; r++ {
			for col := c.Col; col < c.Col+c.ColSpan; col++ {
				origin[r][col] = c
			}
		}
	}
	keep := keptRows(t)
	for r := 0; r < t.Grid.Rows; r++ {
		w.b.WriteString("<w:tr><w:trPr><w:cantSplit/>")
		if r < t.Grid.HeaderRows {
			w.b.WriteString("<w:tblHeader/>")
		}
		w.b.WriteString("</w:trPr>")
		for col := 0; col < t.Grid.Cols; {
			c := origin[r][col]
			span := 0
			for i := col; i < col+c.ColSpan; i++ {
				span += widths[i]
			}
			w.b.WriteString(`<w:tc><w:tcPr>` + fmt.Sprintf(`<w:tcW w:w="%d" w:type="dxa"/>`, span))
			if c.ColSpan > 1 {
				fmt.Fprintf(&w.b, `<w:gridSpan w:val="%d"/>`, c.ColSpan)
			}
			switch {
			case c.RowSpan > 1 && c.Row == r:
				w.b.WriteString(`<w:vMerge w:val="restart"/>`)
			case c.RowSpan > 1:
				w.b.WriteString(`<w:vMerge/>`)
			}
			w.b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
			text := ""
			if c.Row == r {
				text = c.Text
			}
			w.b.WriteString(`<w:p><w:pPr>` + keep[r] + `<w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/>`)
			if c.Indent > 0 {
				fmt.Fprintf(&w.b, `<w:ind w:leftChars="%d" w:left="%d"/>`, 100*c.Indent, 210*c.Indent)
			}
			w.b.WriteString(`<w:jc w:val="` + align(c) + `"/></w:pPr>` + run(text, font, tableSize, 0, "") + `</w:p></w:tc>`)
			col += c.ColSpan
		}
		w.b.WriteString("</w:tr>")
	}
	w.b.WriteString("</w:tbl>")
	w.para("", w.opt.Fonts.Body, bodySize, "", "", bodyLine, "")
}

// keptRows marks the rows that stay on the page of the row under them
// (keepNext on their paragraphs; every row is cantSplit): header and band
// rows, every row of a band but its last, and every row but the last under
// a merged row label. Word cannot repeat a merged label on the page a break
// cuts it at, nor say where its pages break, so the rows a label spans are
// kept together instead; only a group taller than a page still breaks.
func keptRows(t *export.Table) []string {
	keep := make([]string, t.Grid.Rows)
	mark := func(r int) {
		if r < t.Grid.Rows-1 {
			keep[r] = "<w:keepNext/>"
		}
	}
	for r := range keep {
		if t.HeaderRow(r) || t.SpanContinues(r) {
			mark(r)
		}
	}
	for _, b := range t.RowBlocks() {
		for r := b.From; b.Head > b.From && r < b.To-1; r++ {
			mark(r)
		}
	}
	return keep
}

func align(c *export.Cell) string {
	switch {
	case c.Role == format.ValueCell || c.Role == format.Blank:
		return "right"
	case c.Role == format.RowLabel:
		return "left"
	}
	return "center"
}

// columnWidths shares the text width among a table's columns, in twips.
func columnWidths(t *export.Table) []int {
	shares := t.ColumnShares()
	out := make([]int, len(shares))
	sum := 0
	for i, sh := range shares {
		out[i] = int(sh * textWidth)
		sum += out[i]
	}
	out[len(out)-1] += textWidth - sum
	return out
}

func (w *writer) styles() string {
	f := w.opt.Fonts
	return xml.Header + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:docDefaults><w:rPrDefault><w:rPr>` + rFonts(f.Body) + `<w:kern w:val="2"/>` +
		fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, bodySize, bodySize) +
		`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`</w:styles>`
}

func (w *writer) fontTable() string {
	var b strings.Builder
	b.WriteString(xml.Header + `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	f := w.opt.Fonts
	seen := map[string]bool{}
	for _, name := range []string{f.Title, f.Body, f.Heading1, f.Heading2, f.Table} {
		if seen[name] {
			continue
		}
		seen[name] = true
		b.WriteString(`<w:font w:name="` + esc(name) + `">`)
		if alt := altNames[name]; alt != "" {
			b.WriteString(`<w:altName w:val="` + alt + `"/>`)
		}
		b.WriteString(`<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`)
	}
	b.WriteString("</w:fonts>")
	return b.String()
}

// draftHeader is the header of a draft: 草稿 on every page, in red.
func draftHeader(doc *export.Document, f Fonts) string {
	text := ""
	if doc.Draft {
		text = run(l10n.T("export.draft"), f.Heading1, bodySize, 0, "C00000")
	}
	return xml.Header + `<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="right"/></w:pPr>` + text + `</w:p></w:hdr>`
}

// footer is a page-number footer: "— N —" in 四号宋体, right on odd pages and
// left on even ones, one character in from the edge.
func footer(side string) string {
	ind := `<w:ind w:right="320"/>`
	if side == "left" {
		ind = `<w:ind w:left="320"/>`
	}
	r := func(inner string) string {
		return `<w:r><w:rPr>` + rFonts("宋体") + fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, pageNumSize, pageNumSize) + inner + `</w:r>`
	}
	return xml.Header + `<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr>` + ind + `<w:jc w:val="` + side + `"/></w:pPr>` +
		r(`<w:t xml:space="preserve">— </w:t>`) + r(`<w:fldChar w:fldCharType="begin"/>`) + r(`<w:instrText xml:space="preserve"> PAGE </w:instrText>`) +
		r(`<w:fldChar w:fldCharType="separate"/>`) + r(`<w:t>1</w:t>`) + r(`<w:fldChar w:fldCharType="end"/>`) + r(`<w:t xml:space="preserve"> —</w:t>`) +
		`</w:p></w:ftr>`
}

func coreProps(doc *export.Document) string {
	created := doc.Meta.Created.UTC().Format("2006-01-02T15:04:05Z")
	return xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(doc.Title) + `</dc:title><dc:subject>` + esc(doc.Meta.Subject) + `</dc:subject><dc:creator>` + esc(doc.Meta.Author) + `</dc:creator>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + created + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + created + `</dcterms:modified></cp:coreProperties>`
}

const contentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`

const rootRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`

const documentRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>` +
	`<Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`<Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>` +
	`<Relationship Id="rIdDraft" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>`

const settings = xml.Header + `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
	`<w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val="compressPunctuation"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

const appProps = xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>nianbao</Application></Properties>`
