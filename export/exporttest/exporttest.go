// Package exporttest holds what the tests of every export writer share: the
// sample report, and the check that an output holds every heading, table
// label and value of the report in reading order.
package exporttest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/assets"
	"nianbao/export"
	"nianbao/forms/format"
	"nianbao/forms/registry"
	"nianbao/forms/report"
)

// Sample returns the embedded sample report, bound to the official formats.
func Sample(t testing.TB) *report.Doc {
	t.Helper()
	data, err := assets.Samples.ReadFile("samples/" + assets.SampleName)
	if err != nil {
		t.Fatal(err)
	}
	reg := registry.Builtin()
	r, err := report.Unmarshal(data, reg)
	if err != nil {
		t.Fatal(err)
	}
	d, err := report.Bind(r, reg)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// NextYear returns the report of the year after the sample's with the
// sample, saved in a temporary folder, linked as last year's report: the
// sample's input cells copied, then the cells of set (ID → what a clerk
// types) changed.
func NextYear(t testing.TB, set map[string]string) *report.Doc {
	t.Helper()
	last := Sample(t)
	if err := last.Save(filepath.Join(t.TempDir(), "last.nianbao")); err != nil {
		t.Fatal(err)
	}
	e, _ := registry.Builtin().ForYear(last.Report.Year + 1)
	d, err := report.FromLastYear(last, last.Report.Year+1, e)
	if err != nil {
		t.Fatal(err)
	}
	for id, v := range last.Report.Cells {
		d.SetCell(id, v.String())
	}
	for id, text := range set {
		if err := d.SetCell(id, text); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// Blank returns a new, empty report of the given format and year.
func Blank(t testing.TB, formatID string, year int) *report.Doc {
	t.Helper()
	d, err := report.Bind(report.New(formatID, year, report.Unit{Name: "某局", Kind: "department"}), registry.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Filled returns a report of the given format and year with every text
// section written and every input cell filled: counts cycle through 0–12
// with a four-digit 8888 in every seventh cell, money and text cells hold a
// plausible value. The sample report is of the 2021 format only; this makes
// reports of the older formats for their export tests.
func Filled(t testing.TB, formatID string, year int) *report.Doc {
	t.Helper()
	reg := registry.Builtin()
	r := report.New(formatID, year, report.Unit{Name: "青溪县自然资源局", Kind: "department"})
	r.Closing = report.Closing{Organ: "青溪县自然资源局", Date: fmt.Sprintf("%d-01-20", year+1)}
	d, err := report.Bind(r, reg)
	if err != nil {
		t.Fatal(err)
	}
	f := d.Entry.Format
	for _, s := range f.Sections {
		if s.Kind == format.TextSection {
			text := "（一）工作情况。" + strings.Repeat("本机关依法公开政府信息，及时回应社会关切。", 3) + "\n" + strings.Repeat("严格落实保密审查制度。", 4)
			if err := d.SetText(s.ID, text); err != nil {
				t.Fatal(err)
			}
		}
	}
	for i, c := range f.Cells() {
		if d.Entry.Rules.Computed(c.Index) {
			continue
		}
		v := fmt.Sprint(i % 13)
		switch {
		case c.Spec.Kind == format.Text:
			v = "无"
		case c.Spec.Kind == format.Money:
			v = "12.5"
			if len(c.Spec.Units) > 0 {
				v += c.Spec.Units[0]
			}
		case i%7 == 3:
			v = "8888"
		}
		if err := d.SetCell(c.ID, v); err != nil {
			t.Fatalf("%s = %q: %v", c.ID, v, err)
		}
	}
	return d
}

// Sequence lists the texts an output of doc must hold, in order: the title,
// the preface, each heading and paragraph, every table cell in reading
// order, the closing and the appendix.
func Sequence(doc *export.Document) []string {
	seq := []string{doc.Title}
	seq = append(seq, doc.Preface...)
	add := func(secs []export.Section, appendix bool) {
		for _, s := range secs {
			if appendix { // 附件, then its title
				label, _ := export.AppendixParts(s.Heading)
				seq = append(seq, label, s.AppendixTitle())
			} else {
				seq = append(seq, s.Heading)
			}
			for _, b := range s.Blocks {
				if b.Table == nil {
					seq = append(seq, b.Lead+b.Text)
					continue
				}
				for _, c := range b.Table.Cells {
					if c.Text != "" {
						seq = append(seq, c.Text)
					}
				}
			}
		}
	}
	add(doc.Sections, false)
	seq = append(seq, doc.Closing.Organ, doc.Closing.Date)
	add(doc.Appendix, true)
	return seq
}

// AssertInOrder checks that text holds every item of want, in order. Spaces
// in text are ignored, as extraction tools insert them in table rows.
func AssertInOrder(t *testing.T, text string, want []string) {
	t.Helper()
	squash := func(s string) string {
		return strings.NewReplacer(" ", "", "\n", "", "\t", "", "\u00a0", "", "\u3000", "").Replace(s)
	}
	text = squash(text)
	pos := 0
	for i, w := range want {
		w = squash(w)
		j := strings.Index(text[pos:], w)
		if j < 0 {
			t.Fatalf("item %d %q not found after position %d; %d items matched", i, w, pos, i)
		}
		pos += j + len(w)
	}
}

var update = flag.Bool("update", false, "rewrite golden files")

// Golden compares got with the golden file testdata/name; go test -update
// rewrites the file (look at the diff before committing it).
func Golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err, " (go test -update writes it)")
	}
	if string(got) != string(want) {
		t.Errorf("output differs from %s (go test -update rewrites it)", path)
	}
}

// EachFormat runs check, as a subtest, on the document of a filled report
// of each official format: the 2014 统计表 with its appendix, 2019, 2021.
func EachFormat(t *testing.T, check func(t *testing.T, doc *export.Document)) {
	for _, f := range []struct {
		id   string
		year int
	}{{"2014", 2018}, {"2019", 2019}, {"2021", 2024}} {
		t.Run(f.id, func(t *testing.T) {
			check(t, export.Build(Filled(t, f.id, f.year), export.Options{}))
		})
	}
}
