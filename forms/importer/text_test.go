package importer_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"nianbao/export"
	"nianbao/export/exporttest"
	"nianbao/export/txt"
	"nianbao/forms/format"
	"nianbao/forms/importer"
	"nianbao/forms/report"
)

// asText exports d as our text export does.
func asText(t testing.TB, d *report.Doc) string {
	t.Helper()
	return string(txt.Write(export.Build(d, export.Options{})))
}

// sameCells reports the cells where got differs from want.
func sameCells(t *testing.T, name string, want, got *report.Doc) {
	t.Helper()
	wv, gv := want.Values(), got.Values()
	for _, c := range want.Entry.Format.Cells() {
		w, g := wv[c.ID], gv[c.ID]
		if w.State != g.State || w.Num != g.Num {
			t.Errorf("%s: %s = %q, want %q", name, c.ID, g.String(), w.String())
		}
	}
}

func TestTextOwnExport(t *testing.T) {
	d := exporttest.Sample(t)
	res, err := importer.Text(asText(t, d), reg, importer.Hints{})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Doc.Report
	if r.Format != "2021" || r.Year != 2025 || r.Unit.Name != "青溪县自然资源局" {
		t.Errorf("read %s %d %q", r.Format, r.Year, r.Unit.Name)
	}
	sameCells(t, "sample", d, res.Doc)
	if len(r.Uncertain) > 0 || len(res.Missing) > 0 {
		t.Errorf("uncertain %v, missing %v", r.Uncertain, res.Missing)
	}
	if !strings.HasPrefix(r.Texts["overview"], "2025年，青溪县自然资源局") {
		t.Errorf("overview: %.40q", r.Texts["overview"])
	}
	p, want := r.Preface, d.Report.Preface
	if !strings.HasPrefix(p.Text, "本报告根据") || p.Phone != want.Phone || p.Postcode != want.Postcode ||
		p.Address != want.Address || p.Website != want.Website {
		t.Errorf("preface read as %+v, want %+v", p, want)
	}
	if r.Closing.Date != "2026-01-20" || r.Closing.Organ != d.Report.Closing.Organ {
		t.Errorf("closing read as %+v, want %+v", r.Closing, d.Report.Closing)
	}
	// Exported again, the preface is the one published.
	if again := asText(t, res.Doc); !strings.Contains(again, p.Text) {
		t.Error("the imported preface is not printed as published")
	}
}

// TestTextWrapped: text copied from a PDF viewer breaks each paragraph
// at the end of every printed line; the paragraphs are joined again.
func TestTextWrapped(t *testing.T) {
	d := exporttest.Sample(t)
	var wrapped []string
	for _, line := range strings.Split(asText(t, d), "\n") {
		if !strings.HasPrefix(line, "　　") {
			wrapped = append(wrapped, line) // headings and table rows
			continue
		}
		rs, w := []rune(strings.TrimPrefix(line, "　　")), 4 // the first line is indented by two characters
		start := 0
		for i, r := range rs {
			if w += 1 + int(min(1, r/0x2E80)); w > 56 { // 28 characters a line
				wrapped = append(wrapped, string(rs[start:i]))
				start, w = i, 1+int(min(1, r/0x2E80))
			}
		}
		wrapped = append(wrapped, string(rs[start:]))
	}
	res, err := importer.Text(strings.Join(wrapped, "\n"), reg, importer.Hints{})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range d.Report.Texts {
		want = strings.ReplaceAll(want, "\n\n", "\n")
		if got := res.Doc.Report.Texts[id]; got != want {
			t.Errorf("%s read as\n%q\nwant\n%q", id, got, want)
		}
	}
	if want := d.Report.Preface.Text; want != "" && res.Doc.Report.Preface.Text != want {
		t.Errorf("preface read as %q", res.Doc.Report.Preface.Text)
	}
	sameCells(t, "wrapped", d, res.Doc)
}

// shape renders a report's tables as pasted text comes: headings, then
// per row its labels and values, joined as shape says.
type shape func(labels []string, vals []string) string

var shapes = map[string]shape{
	"one per line": func(labels, vals []string) string {
		return strings.Join(append(labels, orDash(vals)...), " |\n") + " |"
	},
	"pipes": func(labels, vals []string) string { // a blank is an empty cell
		return strings.Join(append(labels, vals...), " | ")
	},
	"tabs": func(labels, vals []string) string {
		return strings.Join(append(labels, vals...), "\t")
	},
	"spaced labels": func(labels, vals []string) string {
		var ls []string
		for _, l := range labels {
			r := []rune(l)
			if len(r) > 8 { // a line break inside a long label, stray spaces
				l = string(r[:len(r)/2]) + "\n" + string(r[len(r)/2:])
			}
			ls = append(ls, strings.ReplaceAll(l, "公开", "公 开"))
		}
		return strings.Join(ls, "\n") + "\n" + strings.Join(orDash(vals), "  ")
	},
	"glued": func(labels, vals []string) string {
		return strings.Join(labels, "\n") + strings.Join(vals, "")
	},
}

// orDash prints blanks as our export does.
func orDash(vals []string) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = v
		if v == "" {
			out[i] = "—"
		}
	}
	return out
}

// render writes d as pasted text of the given shape: title, headings and
// texts, every table row by row.
func render(d *report.Doc, sh shape) string {
	f := d.Entry.Format
	vals := d.Values()
	var b strings.Builder
	b.WriteString(d.Report.Unit.Name + "2025年政府信息公开工作年度报告\n\n")
	for i := range f.Sections {
		s := &f.Sections[i]
		b.WriteString(s.Heading + "\n")
		if s.Kind == format.TextSection {
			b.WriteString(d.Report.Texts[s.ID] + "\n")
			continue
		}
		t := f.Table(s.Table)
		var last []string
		var rowVals []string
		var rowLabels []string
		flush := func() {
			if len(rowVals) > 0 {
				b.WriteString(sh(rowLabels, rowVals) + "\n")
			}
			rowVals, rowLabels = nil, nil
		}
		for _, c := range f.Cells() {
			if c.Table != t {
				continue
			}
			if !slices.Equal(c.RowPath, last) {
				flush()
				for k, l := range c.RowPath {
					if k >= len(last) || last[k] != l || !slices.Equal(c.RowPath[:k], last[:min(k, len(last))]) {
						rowLabels = append(rowLabels, l)
					}
				}
				last = c.RowPath
			}
			text := vals[c.ID].String()
			if text != "" {
				text += d.Report.Units[c.ID]
			}
			rowVals = append(rowVals, text)
		}
		flush()
	}
	b.WriteString("\n" + d.Report.Closing.Organ + "\n2026年1月20日\n")
	return b.String()
}

// TestTextShapes: every shape of every format reads back cell by cell;
// where it cannot (run-together digits that split several ways), the cell
// is flagged, never wrong without a flag.
func TestTextShapes(t *testing.T) {
	blanks := exporttest.Sample(t)
	for _, id := range []string{"t2.rules.issued", "t3.deny.secret.natural", "t3.deny.secret.business", "t4.review.upheld"} {
		blanks.SetCell(id, "")
	}
	docs := map[string]*report.Doc{"sample": exporttest.Sample(t), "2019": exporttest.Filled(t, "2019", 2020),
		"2014": exporttest.Filled(t, "2014", 2016), "blanks": blanks}
	for dn, d := range docs {
		for sn, sh := range shapes {
			name := dn + "/" + sn
			if dn == "blanks" && sn == "glued" {
				continue // a blank cannot run together
			}
			res, err := importer.Text(render(d, sh), reg, importer.Hints{})
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			got := res.Doc
			if got.Report.Format != d.Report.Format {
				t.Errorf("%s: format %s", name, got.Report.Format)
				continue
			}
			wv, gv := d.Values(), got.Values()
			flagged, wrong := 0, 0
			for _, c := range d.Entry.Format.Cells() {
				if c.Spec.Kind == format.Text {
					continue
				}
				_, unsure := got.Report.Uncertain[c.ID]
				missing := slices.Contains(res.Missing, c.ID)
				w, g := wv[c.ID], gv[c.ID]
				same := w.State == g.State && w.Num == g.Num
				switch {
				case unsure || missing:
					flagged++
				case !same:
					wrong++
					t.Errorf("%s: %s = %q, want %q, not flagged", name, c.ID, g.String(), w.String())
				}
			}
			if sn != "glued" && dn != "blanks" && flagged > 0 {
				t.Errorf("%s: %d cells flagged in a shape that reads exactly", name, flagged)
			}
			t.Logf("%s: %d flagged, %d wrong", name, flagged, wrong)
		}
	}
}

// TestAmbiguousSplit: digits run together in a row no rule constrains are
// read one way and flagged with every reading, and the check lists them
// as I1 until the clerk sets them.
func TestAmbiguousSplit(t *testing.T) {
	text := asText(t, exporttest.Sample(t))
	i := strings.Index(text, "规章")
	j := i + strings.Index(text[i:], "\n")
	text = text[:i] + "规章1023" + text[j:]
	res, err := importer.Text(text, reg, importer.Hints{})
	if err != nil {
		t.Fatal(err)
	}
	u := res.Doc.Report.Uncertain
	if got := u["t2.rules.issued"].Candidates; len(got) != 2 || got[0] != "1" || got[1] != "10" {
		t.Errorf("candidates %v; uncertain %v", got, u)
	}
	count := func() int {
		n := 0
		for _, p := range res.Doc.Evaluate().Problems {
			if p.Rule == report.RuleUncertain {
				n++
			}
		}
		return n
	}
	if n := count(); n != 3 {
		t.Errorf("%d I1 problems, want 3", n)
	}
	if err := res.Doc.SetCell("t2.rules.issued", "10"); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2 {
		t.Errorf("after setting one: %d I1 problems", n)
	}
}

// FuzzText feeds the reader of pasted text, which comes from anywhere: no
// panic, and a report read saves and loads again.
func FuzzText(f *testing.F) {
	text := asText(f, exporttest.Sample(f))
	f.Add(text)
	f.Add(strings.Replace(text, "21         4         0             0             1     0    26", "2140010 26", 1))
	f.Add("某局2025年政府信息公开工作年度报告\n一、总体情况\n好。\n规章|1|2|3\n")
	f.Fuzz(func(t *testing.T, s string) {
		res, err := importer.Text(s, reg, importer.Hints{})
		if err != nil {
			return
		}
		data, err := res.Doc.Report.MarshalSavable(time.Time{})
		if err != nil {
			return
		}
		if _, err := report.Unmarshal(data, reg); err != nil {
			t.Errorf("an imported report saves a file that does not load: %v", err)
		}
	})
}

// BenchmarkText reads our text export of the sample report (about 6 KB).
func BenchmarkText(b *testing.B) {
	text := asText(b, exporttest.Sample(b))
	for b.Loop() {
		if _, err := importer.Text(text, reg, importer.Hints{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestUnitInHeader: a published table whose header gives the fee in 元
// leaves the 万元 cell in doubt.
func TestUnitInHeader(t *testing.T) {
	text := asText(t, exporttest.Sample(t))
	if !strings.Contains(text, "（单位：万元）") {
		t.Fatal("the text export changed: adjust the test")
	}
	res, err := importer.Text(strings.Replace(text, "（单位：万元）", "（单位：元）", 1), reg, importer.Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := res.Doc.Report.Uncertain["t2.fees.amount"]; !ok {
		t.Error("a fee in 元 read into a 万元 cell without a flag")
	}
}

// TestOwnSections: a pre-2019 report's own parts (added, renamed) read
// back as its own list, texts and table intact.
func TestOwnSections(t *testing.T) {
	d := exporttest.Filled(t, "2014", 2016)
	id, err := d.AddSection("八、人大代表建议和政协提案办理结果公开情况", "other")
	if err != nil {
		t.Fatal(err)
	}
	d.SetText(id, "全年办理建议提案十二件，答复全部公开。")
	if err := d.RenameSection("overview", "一、总体情况"); err != nil {
		t.Fatal(err)
	}
	res, err := importer.Text(asText(t, d), reg, importer.Hints{})
	if err != nil {
		t.Fatal(err)
	}
	got := res.Doc
	var titles []string
	for _, s := range got.Sections() {
		if s.Kind == format.TextSection {
			titles = append(titles, got.Heading(s))
		}
	}
	if len(titles) != 8 || titles[0] != "一、总体情况" || titles[7] != "八、人大代表建议和政协提案办理结果公开情况" {
		t.Errorf("parts read: %v", titles)
	}
	last := got.Sections()[7]
	if got.Report.Texts[last.ID] != "全年办理建议提案十二件，答复全部公开。" {
		t.Errorf("the added part's text: %q", got.Report.Texts[last.ID])
	}
	sameCells(t, "own sections", d, got)
}
