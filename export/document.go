// Package export turns a report into the files it ends as: the signed
// paper copy's PDF, the Word and spreadsheet attachments, the portal's HTML
// page and plain text. This package builds the format-neutral Document every
// writer renders, so that all outputs hold the same content in the same
// order; the writers live in its subpackages. It imports no GUI package.
package export

import (
	"strconv"
	"strings"
	"time"

	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/report"
	"nianbao/forms/rules"
	"nianbao/forms/unitkind"
	"nianbao/forms/value"
)

// Options say how a report is printed.
type Options struct {
	// Blank is printed for a cell nobody filled in: "—" by default, or
	// "0" or "/" as the clerk chooses. It is never left empty.
	Blank string
	// Draft marks the output as a draft (草稿); a report with errors comes
	// out as a draft whatever this says.
	Draft bool
	// WindowsFonts names the fonts every Windows PC has (仿宋, 楷体, 黑体,
	// 宋体) instead of the official GB2312 fonts, in a Word document.
	WindowsFonts bool
}

// NA is how 不适用 prints.
const NA = value.NAMark

// Document is a report laid out for output.
type Document struct {
	Title string
	Draft bool
	// WindowsFonts is Options.WindowsFonts.
	WindowsFonts bool
	// Addressee is a letter's 主送机关, printed flush left under the title
	// (GB/T 9704 7.3.2) by the PDF writer; reports have none.
	Addressee string
	Preface   []string // paragraphs before the first section
	Sections  []Section
	Closing   Closing
	Appendix  []Section // printed after the closing, as 附件 (the pre-2019 统计表)
	Meta      Meta

	// What a spreadsheet needs beyond the printed text: the format, the
	// unit and its contact details (fillable in a workbook), and the
	// engine's checks with their state.
	Format  string // the format's ID
	Unit    report.Unit
	Kinds   *unitkind.Set // the unit kinds, to name Unit.Kind and offer the others
	Contact report.Preface
	// Checks are the comparisons of the format's rules over the report's
	// own cells, in declaration order, with where the engine left each;
	// those the engine did not make (a rule limited to other unit kinds)
	// are left out.
	Checks []Check
	// ValuesRule is the format's rule that every input cell be filled
	// (R6), or nil.
	ValuesRule *format.Rule
}

// Meta describes the document for file properties.
type Meta struct {
	Author  string // the unit
	Subject string // the format's name
	Year    int
	Created time.Time
}

// Closing is the signature block.
type Closing struct {
	Organ string
	Date  string // 2026年1月20日
}

// Section is one part of the report with its official heading.
type Section struct {
	ID      string
	Heading string
	Blocks  []Block
}

// BlockKind tells what a block is.
type BlockKind uint8

// The block kinds.
const (
	Paragraph  BlockKind = iota
	SubHeading           // （一）主动公开情况 standing alone
	TableBlock
)

// Block is a paragraph, a sub-heading or a table.
type Block struct {
	Kind BlockKind
	// Lead is a paragraph's run-in sub-heading, printed in the heading
	// font: "（一）主动公开情况。" of "（一）主动公开情况。全年…".
	Lead  string
	Text  string
	Table *Table
}

// Table is a statistics table with the texts of its cells.
type Table struct {
	Source *format.Table
	Title  string
	Grid   format.Grid
	Cells  []Cell // Grid.Cells with their texts
	// ReadOnly marks a table derived from the report (a 汇总's breakdown by
	// unit kind): its values print, but nothing in it is filled in, mapped
	// or checked, and templates leave it out.
	ReadOnly bool
}

// Cell is a grid cell with the text it prints.
type Cell struct {
	format.GridCell
	Text     string
	Computed bool // a total (written as a formula where the format allows)
	// Value is the engine's value of a value cell: blank for a total over
	// blank cells, as it prints.
	Value value.Value
	Spec  format.ValueSpec // what a value cell holds
	Unit  string           // the unit chosen for money that offers a choice
	Sum   *Sum             // what a computed cell adds up
}

// Build lays out the report d. It evaluates the rules, so totals print as
// computed; a report with errors comes out as a draft.
func Build(d *report.Doc, opt Options) *Document {
	if opt.Blank == "" {
		opt.Blank = "—"
	}
	r, f := d.Report, d.Entry.Format
	res := d.Evaluate()
	doc := &Document{
		Title:        l10n.T("export.title", "Unit", r.Unit.Name, "Year", r.Year),
		Draft:        opt.Draft || res.Errors() > 0,
		WindowsFonts: opt.WindowsFonts,
		Meta:         Meta{Author: r.Unit.Name, Subject: d.Entry.DisplayName(), Year: r.Year, Created: time.Now()},
		Closing: Closing{
			Organ: r.Closing.Organ,
			Date:  chineseDate(r.Closing.Date),
		},
		Format: f.ID, Unit: r.Unit, Kinds: d.Kinds(), Contact: r.Preface,
	}
	doc.Preface = preface(d)
	for _, s := range d.Sections() {
		sec := Section{ID: s.ID, Heading: d.Heading(s)}
		if s.Kind == format.TableSection {
			sec.Blocks = []Block{{Kind: TableBlock, Table: buildTable(d, f.Table(s.Table), res, opt)}}
		} else {
			sec.Blocks = textBlocks(r.Texts[s.ID])
		}
		if s.Appendix {
			doc.Appendix = append(doc.Appendix, sec)
		} else {
			doc.Sections = append(doc.Sections, sec)
		}
	}
	if b := breakdown(d, opt); b != nil {
		doc.Appendix = append(doc.Appendix, *b)
	}
	numberAppendices(doc.Appendix)
	addWorkbookFields(doc, d, res)
	return doc
}

// preface writes the opening paragraph: the basis, the parts, the period,
// where the report is published and whom to ask.
func preface(d *report.Doc) []string {
	r := d.Report
	if text := strings.TrimSpace(r.Preface.Text); text != "" {
		return strings.Split(text, "\n") // as published
	}
	var parts []string
	for _, s := range d.Sections() {
		if !s.Appendix {
			parts = append(parts, stripNumber(d.Heading(s)))
		}
	}
	p := []string{l10n.T("export.preface.basis", "Basis", d.Entry.Format.ReportBasis) +
		l10n.T("export.preface.parts", "Parts", strings.Join(parts, "、"), "Count", chineseCount(len(parts))) +
		l10n.T("export.preface.period", "Year", r.Year)}
	if r.Preface.Website != "" {
		p[0] += l10n.T("export.preface.website", "Website", r.Preface.Website)
	}
	var contact []string
	if r.Preface.Address != "" {
		contact = append(contact, l10n.T("export.preface.address", "Address", r.Preface.Address))
	}
	if r.Preface.Postcode != "" {
		contact = append(contact, l10n.T("export.preface.postcode", "Postcode", r.Preface.Postcode))
	}
	if r.Preface.Phone != "" {
		contact = append(contact, l10n.T("export.preface.phone", "Phone", r.Preface.Phone))
	}
	if len(contact) > 0 {
		p[0] += l10n.T("export.preface.contact", "Unit", r.Unit.Name, "Contact", strings.Join(contact, "；"))
	}
	return p
}

// stripNumber removes the leading number of a heading: 一、总体情况 → 总体情况.
func stripNumber(h string) string {
	if _, rest, ok := strings.Cut(h, "、"); ok && len([]rune(h))-len([]rune(rest)) <= 4 {
		return rest
	}
	return h
}

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

func chineseCount(n int) string {
	if n >= 0 && n < len(cnDigits) {
		return cnDigits[n]
	}
	return strconv.Itoa(n)
}

// chineseDate turns 2026-01-20 into 2026年1月20日.
func chineseDate(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return t.Format("2006年1月2日")
}

// textBlocks splits a section's text into paragraphs; a short line such as
// （一）主动公开情况 standing alone is a sub-heading.
func textBlocks(text string) []Block {
	var out []Block
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(strings.TrimLeft(line, "\u3000"))
		if line == "" {
			continue
		}
		switch {
		case isSubHeading(line):
			out = append(out, Block{Kind: SubHeading, Text: line})
		default:
			lead, rest := runIn(line)
			out = append(out, Block{Kind: Paragraph, Lead: lead, Text: rest})
		}
	}
	return out
}

// runIn splits a run-in sub-heading off a paragraph: a phrase such as
// （一）主动公开情况。 ending with 。 within the first 24 characters.
func runIn(line string) (lead, rest string) {
	if !strings.HasPrefix(line, "（") {
		return "", line
	}
	r := []rune(line)
	for i := 0; i < len(r) && i < 24; i++ {
		if r[i] == '。' {
			return string(r[:i+1]), string(r[i+1:])
		}
	}
	return "", line
}

func isSubHeading(line string) bool {
	return strings.HasPrefix(line, "（") && len([]rune(line)) <= 30 && !strings.ContainsAny(strings.TrimRight(line, "。"), "。；，")
}

// buildTable lays a table out with the texts of its labels and values.
func buildTable(d *report.Doc, t *format.Table, res rules.Result, opt Options) *Table {
	g := t.Layout()
	out := &Table{Source: t, Title: t.Title, Grid: g}
	for _, gc := range g.Cells {
		c := Cell{GridCell: gc, Text: gc.Text}
		if gc.Role == format.ValueCell {
			cell, _ := d.Entry.Format.Cell(gc.CellID)
			c.Computed = d.Entry.Rules.Computed(cell.Index) && !d.Report.TypedTotals
			v := res.Values[cell.Index]
			if res.Partial[cell.Index] {
				v = value.Value{} // a total over blank cells is not a figure
			}
			c.Text = valueText(d, cell, v, opt)
		}
		out.Cells = append(out.Cells, c)
	}
	return out
}

// valueText is how a value prints: numbers as entered (with the decimals
// typed: 73802895.90; a total with the most decimals among its terms),
// 不适用 as "/", a blank as the clerk chose, and the chosen unit after
// money that has one.
func valueText(d *report.Doc, c *format.Cell, v value.Value, opt Options) string {
	switch v.State {
	case value.Blank:
		return opt.Blank
	case value.NA:
		return NA
	case value.Text:
		return v.Text
	}
	s := v.String()
	if len(c.Spec.Units) > 0 {
		s += d.Report.Units[c.ID]
	}
	return s
}
