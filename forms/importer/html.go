package importer

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/forms/l10n"
)

// Limits of a web page read: a portal's page with a report is 50–300 KB.
const (
	MaxHTMLSize  = 8 << 20
	maxHTMLDepth = 256 // element nesting followed
)

// HTMLText turns a saved web page into the text Text reads: paragraphs and
// headings on lines of their own, each row of a data table on one line with
// its cells separated by " | " (a merged cell once, on its first row),
// layout tables (tables holding tables) read as blocks; scripts, styles and
// navigation markup left out. The encoding is the one the page declares,
// else UTF-8 when the bytes are, else GB18030 (GB2312 and GBK pages).
func HTMLText(data []byte) (string, error) {
	if len(data) > MaxHTMLSize {
		return "", l10n.Errorf("importer.htmlTooLarge", "Max", MaxHTMLSize>>20)
	}
	text, err := decodeHTML(data)
	if err != nil {
		return "", err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return "", l10n.Errorf("importer.notHTML", "Detail", err.Error())
	}
	w := &htmlWriter{}
	w.block(doc, 0)
	return w.b.String(), nil
}

// decodeHTML returns the page as UTF-8.
func decodeHTML(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	head := data[:min(len(data), 4096)]
	if enc, name, certain := charset.DetermineEncoding(head, ""); certain || bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		if name != "utf-8" && name != "windows-1252" {
			out, err := enc.NewDecoder().Bytes(data)
			if err == nil {
				return string(out), nil
			}
		}
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", l10n.Errorf("importer.notText")
	}
	return string(out), nil
}

// htmlWriter writes a page's text.
type htmlWriter struct {
	b strings.Builder
}

// skipped are elements whose content is no report text.
var skipped = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Head: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Iframe: true, atom.Object: true, atom.Select: true, atom.Button: true}

// blocks are elements that start a new line.
var blocks = map[atom.Atom]bool{atom.P: true, atom.Div: true, atom.Br: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Tr: true, atom.Section: true, atom.Article: true,
	atom.Caption: true, atom.Blockquote: true, atom.Pre: true, atom.Hr: true, atom.Dt: true, atom.Dd: true}

func (w *htmlWriter) newline() {
	s := w.b.String()
	if s != "" && !strings.HasSuffix(s, "\n") {
		w.b.WriteString("\n")
	}
}

// block writes n's content as lines.
func (w *htmlWriter) block(n *html.Node, depth int) {
	if depth > maxHTMLDepth {
		return
	}
	switch {
	case n.Type == html.TextNode:
		w.b.WriteString(collapse(n.Data))
		return
	case n.Type == html.ElementNode && skipped[n.DataAtom]:
		return
	case n.Type == html.ElementNode && n.DataAtom == atom.Table && !hasTable(n, depth):
		w.newline()
		w.table(n, depth)
		w.newline()
		return
	}
	isBlock := n.Type == html.ElementNode && blocks[n.DataAtom]
	if isBlock {
		w.newline()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.block(c, depth+1)
	}
	if isBlock || n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th) {
		w.newline()
	}
}

// table writes a data table, a row a line.
func (w *htmlWriter) table(t *html.Node, depth int) {
	var rows func(n *html.Node, d int)
	rows = func(n *html.Node, d int) {
		if d > maxHTMLDepth {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Tr:
				var cells []string
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type == html.ElementNode && (td.DataAtom == atom.Td || td.DataAtom == atom.Th) {
						cells = append(cells, strings.TrimSpace(inline(td, d+1)))
					}
				}
				w.b.WriteString(strings.Join(cells, " | ") + "\n")
			case atom.Caption:
				w.b.WriteString(strings.TrimSpace(inline(c, d+1)) + "\n")
			default:
				rows(c, d+1) // thead, tbody, tfoot
			}
		}
	}
	rows(t, depth)
}

// inline returns an element's text on one line: a label broken with <br>
// or paragraphs inside a cell is one label.
func inline(n *html.Node, depth int) string {
	var b strings.Builder
	var walk func(n *html.Node, d int)
	walk = func(n *html.Node, d int) {
		if d > maxHTMLDepth {
			return
		}
		switch {
		case n.Type == html.TextNode:
			b.WriteString(collapse(n.Data))
		case n.Type == html.ElementNode && skipped[n.DataAtom]:
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, d+1)
			}
		}
	}
	walk(n, depth)
	return b.String()
}

// hasTable tells a layout table (one holding tables) from a data table.
func hasTable(t *html.Node, depth int) bool {
	var found bool
	var walk func(n *html.Node, d int)
	walk = func(n *html.Node, d int) {
		for c := n.FirstChild; c != nil && !found && d < maxHTMLDepth; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Table {
				found = true
				return
			}
			walk(c, d+1)
		}
	}
	walk(t, depth)
	return found
}

// collapse turns runs of white space (line breaks of the markup included)
// into one space.
func collapse(s string) string {
	if strings.TrimSpace(s) == "" {
		if s == "" {
			return ""
		}
		return " "
	}
	lead, trail := "", ""
	if s[0] == ' ' || s[0] == '\n' || s[0] == '\t' || s[0] == '\r' {
		lead = " "
	}
	if c := s[len(s)-1]; c == ' ' || c == '\n' || c == '\t' || c == '\r' {
		trail = " "
	}
	return lead + strings.Join(strings.Fields(s), " ") + trail
}
