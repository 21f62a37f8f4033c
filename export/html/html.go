// Package html writes a report as HTML for the portal: a self-contained page
// and a fragment for pasting into a CMS editor. Both use semantic headings
// and the official tables with rowspan and colspan; neither has scripts or
// external files. The fragment carries its styles inline, as CMS editors
// drop style sheets.
package html

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"

	"nianbao/export"
	"nianbao/forms/format"
	"nianbao/forms/l10n"
)

//go:embed report.css
var css string

//go:embed report.html.tmpl
var pageTemplate string

var tmpl = template.Must(template.New("report").Parse(pageTemplate))

// Page returns a complete HTML page of doc.
func Page(doc *export.Document) ([]byte, error) { return render(doc, false) }

// Fragment returns the report as an HTML fragment with inline styles.
func Fragment(doc *export.Document) ([]byte, error) { return render(doc, true) }

// titleChars is how many characters of the title a line holds: as on the
// printed page, 20 of 二号.
const titleChars = 20

// view is what the template renders.
type view struct {
	*export.Document
	CSS       template.CSS
	Inline    bool
	DraftNote string
	Styles    styles
	Sections  []sectionView
	Appendix  []sectionView
	// TitleLines are the title's lines as the PDF breaks them; a narrow
	// screen breaks them further.
	TitleLines []string
}

// styles are the inline styles of the fragment; empty for the page, whose
// style sheet does the same.
type styles struct {
	H1, H2, H3, P, Draft, Closing, Table, Cell, Wrap, Hidden template.CSS
}

var fragmentStyles = styles{
	H1:      "font-size:22pt;text-align:center;font-weight:bold;",
	H2:      "font-size:16pt;font-weight:bold;margin:0.6em 0 0.2em;",
	H3:      "font-size:16pt;margin:0.2em 0;text-indent:2em;",
	P:       "text-indent:2em;line-height:1.8;margin:0.3em 0;",
	Draft:   "color:#b00;border:1px solid #b00;padding:0.3em 0.6em;",
	Closing: "text-align:right;margin-top:2em;",
	Table:   "border-collapse:collapse;margin:0.6em auto;font-size:10.5pt;",
	Cell:    "border:1px solid #000;padding:2px 4px;",
	Wrap:    "overflow-x:auto;max-width:100%;",
	Hidden:  "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;",
}

type sectionView struct {
	Heading string
	Style   template.CSS
	Blocks  []blockView
}

type blockView struct {
	H3    bool
	Lead  string
	Text  string
	Style template.CSS
	Table *tableView
}

type tableView struct {
	// Caption names the table: its title, else its section's heading,
	// which the page already shows, so the caption is only for screen
	// readers (Hidden).
	Caption      string
	Hidden       bool
	Style        template.CSS
	WrapStyle    template.CSS // the box that scrolls a wide table by itself
	CaptionStyle template.CSS
	Head         [][]cellView // rows repeated on each printed page
	Body         [][]cellView
}

type cellView struct {
	Header           bool
	Scope            string
	RowSpan, ColSpan int
	Class            string
	Style            template.CSS
	Text             string
}

func render(doc *export.Document, inline bool) ([]byte, error) {
	v := view{Document: doc, CSS: template.CSS(css), Inline: inline, DraftNote: l10n.T("export.draftNote"),
		TitleLines: export.TitleLines(doc.Title, doc.Meta.Author, titleChars)}
	if inline {
		v.Styles = fragmentStyles
	}
	v.Sections = sections(doc.Sections, v.Styles)
	v.Appendix = sections(doc.Appendix, v.Styles)
	var b bytes.Buffer
	if err := tmpl.Execute(&b, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func sections(secs []export.Section, st styles) []sectionView {
	var out []sectionView
	for _, s := range secs {
		sv := sectionView{Heading: s.Heading, Style: st.H2}
		for _, blk := range s.Blocks {
			switch blk.Kind {
			case export.TableBlock:
				sv.Blocks = append(sv.Blocks, blockView{Table: table(blk.Table, s.Heading, st)})
			case export.SubHeading:
				sv.Blocks = append(sv.Blocks, blockView{H3: true, Text: blk.Text, Style: st.H3})
			default:
				sv.Blocks = append(sv.Blocks, blockView{Lead: blk.Lead, Text: blk.Text, Style: st.P})
			}
		}
		out = append(out, sv)
	}
	return out
}

func table(t *export.Table, heading string, st styles) *tableView {
	tv := &tableView{Caption: t.Title, Style: st.Table, WrapStyle: st.Wrap}
	if tv.Caption == "" {
		tv.Caption, tv.Hidden, tv.CaptionStyle = heading, true, st.Hidden
	}
	rows := make([][]cellView, t.Grid.Rows)
	for _, c := range t.Cells {
		cv := cellView{RowSpan: c.RowSpan, ColSpan: c.ColSpan, Text: c.Text}
		align := "text-align:center;"
		switch c.Role {
		case format.ValueCell, format.Blank:
			cv.Class, align = "num", "text-align:right;"
		case format.RowLabel:
			// A label keeps a readable width: a narrow screen scrolls the
			// table rather than squeeze it; one spanning rows
			// (三、本年度办理结果) heads a row group.
			cv.Header, cv.Scope, cv.Class, align = true, "row", "label", "text-align:left;min-width:7em;"
			if c.RowSpan > 1 {
				cv.Scope, align = "rowgroup", "text-align:left;"
			}
		case format.UnitLabel:
			cv.Class = "unit"
		case format.Band:
			cv.Header, cv.Scope, cv.Class = true, "colgroup", "band"
		default:
			cv.Header, cv.Scope = true, "col"
		}
		indent := ""
		if c.Indent > 0 {
			indent = fmt.Sprintf("padding-left:%.1fem;", 0.3+1.5*float64(c.Indent))
		}
		if st.Cell != "" {
			cv.Style = st.Cell + template.CSS(align+"font-weight:normal;"+indent)
		} else if indent != "" {
			cv.Style = template.CSS(indent)
		}
		rows[c.Row] = append(rows[c.Row], cv)
	}
	tv.Head, tv.Body = rows[:t.Grid.HeaderRows], rows[t.Grid.HeaderRows:]
	return tv
}
