// Package help shows the user guide inside the editor, in a window of its
// own that the clerk can keep beside the report.
package help

import (
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

var (
	image   = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	ruleRow = regexp.MustCompile(`^\s*\|[\s:|-]+\|\s*$`)
)

// Markdown prepares the guide for Fyne's rich text, which shows neither
// pictures nor tables: pictures are dropped (the screenshots are for
// the printed guide; the window beside the editor shows the real thing),
// and a table becomes a list, each row's cells after the first joined to
// it by "：".
func Markdown(src string) string {
	var out []string
	inTable, firstRow := false, false // firstRow: the last line out is a table's first row
	for _, line := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		if image.MatchString(line) {
			if line = image.ReplaceAllString(line, ""); strings.TrimSpace(line) == "" {
				continue
			}
		}
		t := strings.TrimSpace(line)
		row := len(t) > 1 && strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|")
		switch {
		case row && ruleRow.MatchString(t):
			if firstRow { // the row above names the columns only
				out = out[:len(out)-1]
			}
		case row:
			var cells []string
			for _, c := range strings.Split(strings.Trim(t, "|"), "|") {
				cells = append(cells, strings.TrimSpace(c))
			}
			item := "- " + cells[0]
			if rest := strings.Join(cells[1:], "；"); rest != "" {
				item += "：" + rest
			}
			out = append(out, item)
		default:
			out = append(out, line)
		}
		firstRow = row && !inTable && !ruleRow.MatchString(t)
		inTable = row
	}
	return strings.Join(out, "\n")
}

// NewWindow returns a window showing the guide, sized to fit a 1024×700
// screen beside nothing else.
func NewWindow(app fyne.App, title, guide string) fyne.Window {
	w := app.NewWindow(title)
	text := widget.NewRichTextFromMarkdown(Markdown(guide))
	text.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewVScroll(text))
	w.Resize(fyne.NewSize(720, 600))
	return w
}
