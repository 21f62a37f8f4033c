package sheet

import "strings"

// ParseBlock splits text copied from Excel, WPS or a web page into rows of
// values: rows by line, values by tab, or by runs of spaces when a line has
// no tab. A trailing empty line is dropped.
func ParseBlock(text string) [][]string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	text = strings.TrimRight(text, "\n")
	if strings.TrimSpace(text) == "" {
		return nil
	}
	var rows [][]string
	for _, line := range strings.Split(text, "\n") {
		var vals []string
		if strings.Contains(line, "\t") {
			vals = strings.Split(line, "\t")
			for i := range vals {
				vals[i] = strings.TrimSpace(vals[i])
			}
		} else {
			vals = strings.Fields(strings.ReplaceAll(line, "\u3000", " "))
		}
		rows = append(rows, vals)
	}
	return rows
}
