package importer_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"nianbao/export"
	"nianbao/export/exporttest"
	"nianbao/export/xlsx"
	"nianbao/export/xlsx/cellmap"
	"nianbao/forms/importer"
	"nianbao/forms/registry"
	"nianbao/forms/report"
	"nianbao/forms/value"
)

var reg = registry.Builtin()

// fill fills the template of d with d's inputs and fields as a unit does
// in a spreadsheet program: numbers as numbers (or as text where asText
// says), 不适用 as "/", the kind chosen from the list, totals left alone.
func fill(t testing.TB, d *report.Doc, asText func(id string) (string, bool)) []byte {
	t.Helper()
	data, err := xlsx.Write(export.Build(d, export.Options{}), xlsx.Options{Template: true})
	if err != nil {
		t.Fatal(err)
	}
	f, err := cellmap.Open(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := cellmap.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	set := func(ref cellmap.Ref, v any) {
		if err := f.SetCellValue(ref.Sheet, ref.Cell, v); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range d.Entry.Format.Cells() {
		v, ok := d.Report.Cells[c.ID]
		if d.Entry.Rules.Computed(i) {
			set(m.Cells[c.ID], 999999) // a submitted total is never trusted
			continue
		}
		if text, ok := asText(c.ID); ok {
			set(m.Cells[c.ID], text)
			continue
		}
		if !ok {
			continue
		}
		var x any = value.NAMark
		if v.State == value.Number {
			x, _ = strconv.ParseFloat(v.Num.String(), 64)
		}
		set(m.Cells[c.ID], x)
	}
	r := d.Report
	set(m.Fields[cellmap.UnitName], r.Unit.Name)
	set(m.Fields[cellmap.UnitKind], d.Kinds().Name(r.Unit.Kind))
	set(m.Fields[cellmap.ContactPhone], r.Preface.Phone)
	set(m.Fields[cellmap.ContactAddress], r.Preface.Address)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func noText(string) (string, bool) { return "", false }

// TestRoundTrip: a report exported as a template, filled by a program
// acting as Excel and imported is the same report: every input cell, the
// unit, its kind and contact details; the totals are the engine's.
func TestRoundTrip(t *testing.T) {
	for _, d := range []*report.Doc{exporttest.Sample(t), exporttest.Filled(t, "2021", 2025),
		exporttest.Filled(t, "2019", 2020), exporttest.Filled(t, "2014", 2016)} {
		d.Report.Unit.Kind = "township"
		d.Report.Preface.Phone = "0571-12345678"
		got, err := importer.XLSX(fill(t, d, noText), reg)
		if err != nil {
			t.Fatalf("%s: %v", d.Report.Format, err)
		}
		r, g := d.Report, got.Report
		if g.Format != r.Format || g.Year != r.Year || g.Unit != r.Unit || g.Preface.Phone != r.Preface.Phone {
			t.Errorf("%s: read %v %d %v %q", r.Format, g.Format, g.Year, g.Unit, g.Preface.Phone)
		}
		for i, c := range d.Entry.Format.Cells() {
			want, have := r.Cells[c.ID], g.Cells[c.ID]
			if d.Entry.Rules.Computed(i) {
				if _, stored := g.Cells[c.ID]; stored {
					t.Errorf("%s: total %s was read from the workbook", r.Format, c.ID)
				}
				continue
			}
			if want.State != have.State || want.Num != have.Num {
				t.Errorf("%s: %s = %q, want %q", r.Format, c.ID, have.String(), want.String())
			}
		}
		if len(got.Report.Invalid()) > 0 {
			t.Errorf("%s: unreadable cells %v", r.Format, got.Report.Invalid())
		}
		if want, have := d.Values()["t3.total.total"], got.Values()["t3.total.total"]; want.Num != have.Num {
			t.Errorf("%s: total %v, want %v", r.Format, have, want)
		}
	}
}

// TestTypedText: what a clerk types as text in a workbook is read as
// typed into the editor; what is no value is kept and reported, never
// guessed.
func TestTypedText(t *testing.T) {
	d := exporttest.Sample(t)
	typed := map[string]string{"t3.new.natural": "２１", "t3.new.business": " 3 ", "t3.new.research": "很多", "t3.new.charity": "不适用"}
	got, err := importer.XLSX(fill(t, d, func(id string) (string, bool) { s, ok := typed[id]; return s, ok }), reg)
	if err != nil {
		t.Fatal(err)
	}
	c := got.Report.Cells
	if c["t3.new.natural"].String() != "21" || c["t3.new.business"].String() != "3" || c["t3.new.charity"].String() != "/" {
		t.Errorf("typed values read as %q %q %q", c["t3.new.natural"].String(), c["t3.new.business"].String(), c["t3.new.charity"].String())
	}
	if got.Report.Invalid()["t3.new.research"] != "很多" {
		t.Errorf("an unreadable value was not kept: %v", got.Report.Invalid())
	}
	found := false
	for _, p := range got.Evaluate().Problems {
		found = found || (p.Rule == "R6" && len(p.Cells) > 0 && p.Cells[0] == "t3.new.research")
	}
	if !found {
		t.Error("the unreadable value is not reported")
	}
}

func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"empty.xlsx":      {},
		"word.xlsx":       []byte("PK\x03\x04 a Word file perhaps"),
		"plain.xlsx":      plainWorkbook(t),
		"foreign.nianbao": []byte(`{"a": 1}`),
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, data, 0o644)
		_, err := importer.ImportFile(path, reg, importer.Hints{})
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func plainWorkbook(t testing.TB) []byte {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "单位名称")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzXLSX feeds the reader of filled workbooks, which come from anywhere:
// no panic, and what it reads can be saved and loaded again.
func FuzzXLSX(f *testing.F) {
	f.Add(fill(f, exporttest.Sample(f), noText))
	f.Add(plainWorkbook(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := importer.XLSX(data, reg)
		if err != nil {
			return
		}
		saved, err := d.Report.MarshalSavable(time.Time{})
		if err != nil {
			return // refused to save: never written
		}
		if _, err := report.Unmarshal(saved, reg); err != nil {
			t.Errorf("an imported report saves a file that does not load: %v", err)
		}
	})
}
