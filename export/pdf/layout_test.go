package pdf_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"nianbao/export"
	"nianbao/export/exporttest"
	"nianbao/export/pdf"
	"nianbao/forms/format"
)

// write exports a report's PDF.
func write(t *testing.T, doc *export.Document) []byte {
	t.Helper()
	data, _, err := pdf.Write(doc, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

const mm = exporttest.MM

// TestTitle: the unit's name on its own line, then the rest of the title
// whole (today's full-width breaking gave "…工作年" / "度报告").
func TestTitle(t *testing.T) {
	doc := export.Build(exporttest.Sample(t), export.Options{})
	ws := exporttest.Words(t, write(t, doc))
	for i, want := range []string{"青溪县自然资源局", "2025年政府信息公开工作年度报告"} {
		if i >= len(ws) || ws[i].Text != want {
			t.Fatalf("title line %d: want %q; first words %v", i+1, want, ws[:min(3, len(ws))])
		}
		if c := (ws[i].XMin + ws[i].XMax) / 2; math.Abs(c-106*mm) > 1 {
			t.Errorf("title line %q centred at %.1f mm, want 106", want, c/mm)
		}
	}
}

// TestClosingNotAlone: however the text ends on its page, the closing
// never stands alone on one: the last lines of the text come with it
// (GB/T 9704 keeps the signature with the text).
func TestClosingNotAlone(t *testing.T) {
	for lines := 1; lines <= 24; lines++ {
		d := exporttest.Sample(t)
		if err := d.SetText("other", d.Report.Texts["other"]+"\n"+strings.Repeat("政务公开", 7*lines)+"。"); err != nil {
			t.Fatal(err)
		}
		doc := export.Build(d, export.Options{})
		ws := exporttest.Words(t, write(t, doc))
		date, ok := exporttest.Last(ws, doc.Closing.Date)
		if !ok {
			t.Fatal("no date")
		}
		text := 0
		for _, w := range ws {
			if w.Page == date.Page && strings.Contains(w.Text, "政务公开") {
				text++
			}
		}
		if text == 0 {
			t.Errorf("a last paragraph of %d lines: the closing stands alone on page %d", lines, date.Page)
		}
	}
	// A last part of one line after a long part: its heading goes with it.
	for lines := 1; lines <= 24; lines++ {
		d := exporttest.Sample(t)
		d.SetText("problems", d.Report.Texts["problems"]+"\n"+strings.Repeat("政务公开", 7*lines)+"。")
		d.SetText("other", "本机关本年度无其他需要报告的事项。")
		doc := export.Build(d, export.Options{})
		ws := exporttest.Words(t, write(t, doc))
		heading, _ := exporttest.Last(ws, "六、其他需要报告的事项")
		date, _ := exporttest.Last(ws, doc.Closing.Date)
		if heading.Page != date.Page {
			t.Errorf("a part before the last of %d more lines: the last heading on page %d, its text and the closing on %d", lines, heading.Page, date.Page)
		}
	}
}

// TestClosing: the date four characters (of 三号, 5.64 mm) in from the
// right edge of the text, the organ's name centred over it, a long name
// broken as a title is.
func TestClosing(t *testing.T) {
	tests := []struct {
		organ string
		lines []string
	}{
		{"青溪县自然资源局", []string{"青溪县自然资源局"}},
		{"青溪省白鹭市青溪县人民政府办公室", []string{"青溪省白鹭市青溪县", "人民政府办公室"}},
	}
	for _, tc := range tests {
		t.Run(tc.organ, func(t *testing.T) {
			d := exporttest.Sample(t)
			if err := d.SetField("closing.organ", tc.organ); err != nil {
				t.Fatal(err)
			}
			doc := export.Build(d, export.Options{})
			ws := exporttest.Words(t, write(t, doc))
			date, ok := exporttest.Last(ws, doc.Closing.Date)
			if !ok {
				t.Fatal("no date")
			}
			if right := 184 - 4*16*25.4/72; math.Abs(date.XMax/mm-right) > 0.5 {
				t.Errorf("date ends at %.1f mm, want %.1f (four characters in)", date.XMax/mm, right)
			}
			centre := (date.XMin + date.XMax) / 2
			for i, l := range tc.lines {
				w, ok := exporttest.Last(ws, l)
				if !ok {
					t.Fatalf("organ line %q not printed alone", l)
				}
				if c := (w.XMin + w.XMax) / 2; math.Abs(c-centre) > 0.5*mm {
					t.Errorf("organ line %q centred at %.1f mm, the date at %.1f", l, c/mm, centre/mm)
				}
				if wantY := date.YMin - float64(len(tc.lines)-i)*10.23*mm; math.Abs(w.YMin-wantY) > 0.5*mm {
					t.Errorf("organ line %q at %.1f mm, want %.1f (lines right above the date)", l, w.YMin/mm, wantY/mm)
				}
			}
		})
	}
}

// TestBandsKeepTheirHeaders moves 表二 down the pages line by line: no row
// of a band is ever printed on a page without the band's label and column
// header (the sample had 行政强制 alone at the top of page 3).
func TestBandsKeepTheirHeaders(t *testing.T) {
	for extra := range 12 {
		d := exporttest.Sample(t)
		text := d.Report.Texts["overview"] + strings.Repeat("\n补充说明。", extra)
		if err := d.SetText("overview", text); err != nil {
			t.Fatal(err)
		}
		doc := export.Build(d, export.Options{})
		pages := strings.Split(pdftext(t, write(t, doc), "-raw"), "\f")
		tbl := doc.Sections[1].Blocks[0].Table
		for _, b := range tbl.RowBlocks() {
			band, head := labelAt(tbl, b.From), labelAt(tbl, b.Head-1)
			for r := b.Head; r < b.To; r++ {
				label := labelAt(tbl, r)
				for p, page := range pages {
					if startsLine(page, label) && (!startsLine(page, band) || !strings.Contains(page, head)) {
						t.Errorf("%d lines added: %q on page %d without its band %q / %q", extra, label, p+1, band, head)
					}
				}
			}
		}
	}
}

// labelAt is the text of the first cell of grid row r.
func labelAt(t *export.Table, r int) string {
	for _, c := range t.Cells {
		if c.Row == r {
			return c.Text
		}
	}
	return ""
}

// startsLine reports whether a line of page starts with s as a table
// cell's text (followed by a space or the end of the line).
func startsLine(page, s string) bool {
	for _, l := range strings.Split(page, "\n") {
		if l == s || strings.HasPrefix(l, s+" ") {
			return true
		}
	}
	return false
}

// TestLongBandRepeatsItsHeader: a band taller than half a page breaks
// between rows, and the page it continues on repeats its label and column
// header.
func TestLongBandRepeatsItsHeader(t *testing.T) {
	const rows = 60
	tbl := &export.Table{Grid: format.Grid{Rows: rows + 2, Cols: 2}}
	add := func(c format.GridCell, text string) {
		c.RowSpan, c.Text = 1, text
		if c.ColSpan == 0 {
			c.ColSpan = 1
		}
		tbl.Cells = append(tbl.Cells, export.Cell{GridCell: c, Text: text})
	}
	add(format.GridCell{Row: 0, ColSpan: 2, Role: format.Band, Header: true}, "第二十条第（九）项")
	add(format.GridCell{Row: 1, Role: format.ColumnHeader, Header: true}, "信息内容")
	add(format.GridCell{Row: 1, Col: 1, Role: format.ColumnHeader, Header: true}, "数量")
	for r := 2; r < rows+2; r++ {
		add(format.GridCell{Row: r, Role: format.RowLabel}, fmt.Sprintf("事项%d", r-1))
		add(format.GridCell{Row: r, Col: 1, Role: format.ValueCell}, "1")
	}
	tbl.Grid.Cells = nil
	doc := &export.Document{Title: "表格", Sections: []export.Section{{Heading: "一、表格", Blocks: []export.Block{{Kind: export.TableBlock, Table: tbl}}}}}
	pages := strings.Split(pdftext(t, write(t, doc), "-raw"), "\f")
	if len(pages) < 3 || !strings.Contains(pages[1], "事项") {
		t.Fatalf("the table does not continue on page 2: %d pages", len(pages))
	}
	if !startsLine(pages[1], "第二十条第（九）项") || !strings.Contains(pages[1], "信息内容") {
		t.Errorf("page 2 continues the band without its header:\n%s", pages[1][:min(200, len(pages[1]))])
	}
}

// TestAppendix: the 2014 format's 统计表 is an attachment: "附件" flush left
// on a page of its own, the table's title centred under it.
func TestAppendix(t *testing.T) {
	doc := export.Build(exporttest.Filled(t, "2014", 2018), export.Options{})
	ws := exporttest.Words(t, write(t, doc))
	label, ok := exporttest.Last(ws, "附件")
	if !ok {
		t.Fatal(`no "附件" standing alone`)
	}
	if math.Abs(label.XMin-28*mm) > 0.5*mm {
		t.Errorf(`"附件" starts at %.1f mm, want flush left at 28`, label.XMin/mm)
	}
	title, ok := exporttest.Last(ws, "政府信息公开情况统计表")
	if !ok || title.Page != label.Page || title.YMin < label.YMax {
		t.Fatalf("the table's title is not under 附件 on its page: %+v %+v", title, label)
	}
	if c := (title.XMin + title.XMax) / 2; math.Abs(c-106*mm) > 1 {
		t.Errorf("title centred at %.1f mm, want 106", c/mm)
	}
	if date, _ := exporttest.Last(ws, doc.Closing.Date); date.Page >= label.Page {
		t.Error("the attachment does not start on a page after the closing")
	}
}

// TestFormats exports a filled report of each format: everything prints,
// in order.
func TestFormats(t *testing.T) {
	exporttest.EachFormat(t, func(t *testing.T, doc *export.Document) {
		text := pdftext(t, write(t, doc), "-raw")
		exporttest.AssertInOrder(t, pageNumber.ReplaceAllString(text, ""), exporttest.Sequence(doc))
	})
}
