package pdf_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"nianbao/export"
	"nianbao/export/exporttest"
	"nianbao/export/pdf"
)

// pageNumber matches a page number line, which text extraction puts amid
// a paragraph that continues on the next page.
var pageNumber = regexp.MustCompile(`(?m)^\s*—\s*\d+\s*—\s*$|\f`)

// pdftext extracts the text of a PDF with poppler's pdftotext.
func pdftext(t *testing.T, data []byte, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed (scripts/setup.sh installs poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(path, data, 0o644)
	out, err := exec.Command(bin, append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestSample(t *testing.T) {
	doc := export.Build(exporttest.Sample(t), export.Options{})
	data, warnings, err := pdf.Write(doc, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings: %v", warnings)
	}
	// -raw keeps the order in which text was drawn: a wrapped table cell's
	// lines stay together.
	text := pdftext(t, data, "-raw")
	exporttest.AssertInOrder(t, pageNumber.ReplaceAllString(text, ""), exporttest.Sequence(doc))
	if n := strings.Count(text, "申请人情况"); n != 2 {
		t.Errorf("表三's header printed %d times, want on both of its pages", n)
	}
	squashed := strings.ReplaceAll(text, " ", "")
	for _, want := range []string{"—1—", "—2—", "—5—"} {
		if !strings.Contains(squashed, want) {
			t.Errorf("page number %s missing", want)
		}
	}
	if info := pdfinfo(t, data); !strings.Contains(info, "Title:           "+doc.Title) || !strings.Contains(info, "Author:          青溪县自然资源局") ||
		!strings.Contains(info, "Page size:       595.28 x 841.89 pts (A4)") {
		t.Errorf("pdfinfo:\n%s", info)
	}
}

func pdfinfo(t *testing.T, data []byte) string {
	bin, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("pdfinfo not installed")
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(path, data, 0o644)
	out, err := exec.Command(bin, path).Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestLineBreaking checks the layout of a body line: no line starts with
// closing punctuation, and lines hold about 28 characters.
func TestLineBreaking(t *testing.T) {
	d := exporttest.Sample(t)
	d.SetText("problems", strings.Repeat("公开信息，及时回应关切。", 30))
	doc := export.Build(d, export.Options{})
	data, _, err := pdf.Write(doc, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := pdftext(t, data, "-layout")
	found := 0
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if !strings.Contains(line, "公开信息") && !strings.Contains(line, "回应关切") {
			continue
		}
		found++
		if strings.HasPrefix(line, "，") || strings.HasPrefix(line, "。") {
			t.Errorf("a line starts with punctuation: %q", line)
		}
		if w := export.Width(strings.ReplaceAll(line, " ", "")); w > 56 {
			t.Errorf("line wider than 28 characters (%d half-widths): %q", w, line)
		}
	}
	if found < 10 {
		t.Errorf("only %d lines of the long paragraph found", found)
	}
}

func TestDraft(t *testing.T) {
	d := exporttest.Sample(t)
	d.SetCell("t4.review.other", "")
	data, _, err := pdf.Write(export.Build(d, export.Options{}), pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(pdftext(t, data), "草稿"); n < 5 {
		t.Errorf("草稿 printed %d times, want on every page", n)
	}
}

func TestBundledCoverage(t *testing.T) {
	if f := pdf.Bundled(); !f.Has('国') || f.Has('喆') {
		t.Error("bundled font coverage is not GB2312")
	}
}

// BenchmarkWrite measures a PDF export of the sample (fonts cached).
func BenchmarkWrite(b *testing.B) {
	doc := export.Build(exporttest.Sample(b), export.Options{})
	for b.Loop() {
		if _, _, err := pdf.Write(doc, pdf.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
