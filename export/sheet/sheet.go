// Package sheet writes a plain workbook of one table: a title, a header
// row and rows of values, for the lists the office hands on (the batch
// check of published reports, the board of units, the units to chase).
package sheet

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Write returns an XLSX workbook whose one sheet, named name, holds title
// in its first row, header in the second and rows below: strings as text,
// ints as numbers; the header row stays in view and filters.
func Write(name, title string, header []string, rows [][]any) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return nil, err
	}
	last, _ := excelize.ColumnNumberToName(max(len(header), 1))
	f.SetCellValue(name, "A1", title)
	f.MergeCell(name, "A1", last+"1")
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	big, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	f.SetCellStyle(name, "A1", "A1", big)
	if err := f.SetSheetRow(name, "A2", &header); err != nil {
		return nil, err
	}
	f.SetCellStyle(name, "A2", last+"2", bold)
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+3)
		if err := f.SetSheetRow(name, cell, &r); err != nil {
			return nil, err
		}
	}
	for i, h := range header {
		col, _ := excelize.ColumnNumberToName(i + 1)
		w := float64(len([]rune(h))*2 + 4)
		for _, r := range rows {
			if i < len(r) {
				if s, ok := r[i].(string); ok {
					w = max(w, min(float64(len([]rune(s))*2+2), 60))
				}
			}
		}
		f.SetColWidth(name, col, col, w)
	}
	f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	if len(rows) > 0 {
		f.AutoFilter(name, "A2:"+last+"2", nil)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Text returns the table as tab-separated text, a row a line (line
// breaks inside a value become "；", tabs a space), for pasting into a
// message.
func Text(header []string, rows [][]any) []byte {
	var b bytes.Buffer
	line := func(vals []any) {
		for i, v := range vals {
			if i > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(cellText.Replace(fmt.Sprint(v)))
		}
		b.WriteByte('\n')
	}
	hs := make([]any, len(header))
	for i, h := range header {
		hs[i] = h
	}
	line(hs)
	for _, r := range rows {
		line(r)
	}
	return b.Bytes()
}

var cellText = strings.NewReplacer("\r\n", "；", "\n", "；", "\r", "；", "\t", " ")

// ByExtension returns the table as a workbook for a path ending in
// .xlsx, else as Text.
func ByExtension(path, name, title string, header []string, rows [][]any) ([]byte, error) {
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return Write(name, title, header, rows)
	}
	return Text(header, rows), nil
}
