package cellmap_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/export"
	"nianbao/export/exporttest"
	"nianbao/export/xlsx"
	"nianbao/export/xlsx/cellmap"
	"nianbao/forms/l10n"
)

// workbook returns the sample report's workbook, or its template.
func workbook(t testing.TB, template bool) []byte {
	t.Helper()
	d := exporttest.Sample(t)
	data, err := xlsx.Write(export.Build(d, export.Options{}), xlsx.Options{Template: template})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// withMap returns a workbook with one sheet, 表三, and a map sheet of rows.
func withMap(t *testing.T, rows [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "表三")
	f.NewSheet(cellmap.Sheet)
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow(cellmap.Sheet, cell, &r)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func read(data []byte) (*cellmap.Map, error) {
	f, err := cellmap.Open(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return cellmap.Read(f)
}

func TestRoundTrip(t *testing.T) {
	d := exporttest.Sample(t)
	m, err := read(workbook(t, false))
	if err != nil {
		t.Fatal(err)
	}
	if m.Format != d.Report.Format || m.Year != d.Report.Year || m.Template || len(m.Cells) != len(d.Entry.Format.Cells()) || len(m.Fields) != len(cellmap.Fields) {
		t.Errorf("map = %s %d template %v, %d cells, %d fields", m.Format, m.Year, m.Template, len(m.Cells), len(m.Fields))
	}
	if r := m.Cells["t3.new.natural"]; r != (cellmap.Ref{Sheet: "表三", Cell: "D7"}) {
		t.Errorf("t3.new.natural at %+v", r)
	}
	if m, err = read(workbook(t, true)); err != nil || !m.Template || len(m.Units) != 0 {
		t.Errorf("template map: %+v, %v", m, err)
	}
}

func TestRefused(t *testing.T) {
	meta := [][]string{{"meta", "type", "nianbao-workbook"}, {"meta", "version", "1"}, {"meta", "format", "2021"}, {"meta", "year", "2025"}, {"meta", "template", "0"}}
	with := func(rows ...[]string) [][]string { return append(append([][]string{}, meta...), rows...) }
	for _, tc := range []struct {
		name string
		rows [][]string
		key  string
	}{
		{"no type", meta[1:], "cellmap.notNianbao"},
		{"newer", append([][]string{meta[0], {"meta", "version", "2"}}, meta[2:]...), "cellmap.newerVersion"},
		{"no such sheet", with([]string{"cell", "t3.new.natural", "'表九'!D7"}), "cellmap.badRow"},
		{"the map itself", with([]string{"cell", "t3.new.natural", "'_nianbao'!A1"}), "cellmap.badRow"},
		{"bad cell", with([]string{"cell", "t3.new.natural", "'表三'!7D"}), "cellmap.badRow"},
		{"twice", with([]string{"cell", "x", "'表三'!D7"}, []string{"cell", "x", "'表三'!D8"}), "cellmap.badRow"},
		{"long key", with([]string{"unit", strings.Repeat("x", 300), "万元"}), "cellmap.badRow"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := read(withMap(t, tc.rows))
			var le *l10n.Error
			if !errors.As(err, &le) || le.Key != tc.key {
				t.Errorf("error %v, want %s", err, tc.key)
			}
		})
	}
	if m, err := read(withMap(t, with([]string{"later", "x", "y"}, []string{"cell", "t3.new.natural", "表三!$D$7"}))); err != nil || m.Cells["t3.new.natural"].Cell != "D7" {
		t.Errorf("a row of a later kind and an unquoted absolute reference: %+v, %v", m, err)
	}
	if _, err := read(withMap(t, nil)[:100]); err == nil {
		t.Error("a cut file was read")
	}
	if _, err := cellmap.Open(bytes.NewReader(make([]byte, cellmap.MaxFileSize+1))); err == nil {
		t.Error("a file over the size limit was opened")
	}
}

// TestZipBomb: a small file whose sheet unpacks to 64 MiB (twice the limit) is refused
// before it is unpacked.
func TestZipBomb(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	src, _ := zip.NewReader(bytes.NewReader(withMap(t, nil)), int64(len(withMap(t, nil))))
	for _, zf := range src.File {
		w, _ := zw.Create(zf.Name)
		r, _ := zf.Open()
		var part bytes.Buffer
		part.ReadFrom(r)
		w.Write(part.Bytes())
	}
	w, _ := zw.Create("xl/worksheets/sheet9.xml")
	zero := make([]byte, 1<<20)
	for range 64 {
		w.Write(zero)
	}
	zw.Close()
	if buf.Len() > cellmap.MaxFileSize {
		t.Fatalf("bomb of %d bytes", buf.Len())
	}
	if _, err := read(buf.Bytes()); err == nil {
		t.Error("a zip bomb was read")
	}
}

// FuzzRead feeds any bytes through Open and Read, as an importer does
// with a file a unit sent: they must refuse or read it, never panic.
func FuzzRead(f *testing.F) {
	f.Add(workbook(f, false))
	f.Add(workbook(f, true))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := read(data)
		if err == nil && (m.Cells == nil || m.Format == "") {
			t.Errorf("read %+v without error", m)
		}
	})
}
