package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/export"
	"nianbao/export/exporttest"
	"nianbao/forms/l10n"
)

// pdfTool runs a poppler tool on a PDF and returns its output.
func pdfTool(t *testing.T, tool string, data []byte, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath(tool)
	if err != nil {
		t.Skip(tool, "not installed (scripts/test.sh installs poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(path, data, 0o644)
	args = append(args, path)
	if tool == "pdftotext" {
		args = append(args, "-")
	}
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v", tool, err)
	}
	return string(out)
}

// TestSupplementaryCharacters: a character above U+FFFF prints from a font
// that has it, and is copied out of the PDF as itself.
func TestSupplementaryCharacters(t *testing.T) {
	f, err := fromFile("Test", withCmap([]segment{{0xFFFF, 0xFFFF, 1}}, [2]rune{0x20BB7, '吉'}))
	if err != nil {
		t.Fatal(err)
	}
	if !f.Has(0x20BB7) {
		t.Fatal("the test font lacks 𠮷")
	}
	doc := tiny()
	doc.Title = "𠮷喆县𠮷田"
	data, warnings, err := Write(doc, Options{Fonts: same(f)})
	if err != nil || len(warnings) > 0 {
		t.Fatalf("%v %q", err, warnings)
	}
	if text := pdfTool(t, "pdftotext", data); !strings.Contains(text, "𠮷喆县𠮷田") {
		t.Errorf("text %q", text)
	}
}

// TestRealNames: the PDF names its fonts by their PostScript names, as
// pdffonts shows them.
func TestRealNames(t *testing.T) {
	supp, err := fromFile("Test", withCmap([]segment{{0xFFFF, 0xFFFF, 1}}))
	if err != nil {
		t.Fatal(err)
	}
	doc := tiny()
	doc.Preface = []string{"面积㎡"}
	data, _, err := Write(doc, Options{Fonts: Fonts{Title: supp, Body: Bundled(), Heading1: Bundled(), Heading2: supp, Table: Bundled()}})
	if err != nil {
		t.Fatal(err)
	}
	out := pdfTool(t, "pdffonts", data)
	for _, want := range []string{"+WenQuanYiMicroHei ", "+DroidSansFallback "} {
		if !strings.Contains(out, want) {
			t.Errorf("no font named %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "utf8") {
		t.Errorf("fpdf's names left:\n%s", out)
	}
}

// TestFallback: characters the bundled font lacks print from the bundled
// fallback font; one no font has prints as 〓, and the warning names it,
// where it is and the text around it.
func TestFallback(t *testing.T) {
	d := exporttest.Sample(t)
	d.SetField("unit.name", "𠮷喆县自然资源局")
	d.SetText("problems", "碶头村新建用房1200㎡，䶮字碑修缮，ꀀ字待核。")
	doc := export.Build(d, export.Options{})
	data, warnings, err := Write(doc, Options{Fonts: BundledFonts()})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfTool(t, "pdftotext", data)
	for _, want := range []string{"〓喆县自然资源局", "碶头村新建用房1200㎡，䶮字碑修缮，〓字待核"} {
		if !strings.Contains(strings.ReplaceAll(text, "\n", ""), want) {
			t.Errorf("%q not printed", want)
		}
	}
	heading := ""
	for _, s := range doc.Sections {
		if s.ID == "problems" {
			heading = s.Heading
		}
	}
	want := []string{
		l10n.T("pdf.missingGlyph", "Char", "𠮷", "Code", "U+20BB7", "Where", l10n.T("pdf.whereTitle"), "Context", "【𠮷】喆县自然资源", "Mark", "〓"),
		l10n.T("pdf.missingGlyph", "Char", "ꀀ", "Code", "U+A000", "Where", heading, "Context", "䶮字碑修缮，【ꀀ】字待核。", "Mark", "〓"),
	}
	if !slices.Equal(warnings, want) {
		t.Errorf("warnings\n%q, want\n%q", warnings, want)
	}
}
