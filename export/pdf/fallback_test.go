package pdf

import (
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"nianbao/assets"
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

// TestUnplannedText: a text of the layout's own, not in the document, gets
// its characters from the fonts all the same (a subset of its own); one no
// font has is warned about.
func TestUnplannedText(t *testing.T) {
	e, err := newEngine(tiny(), BundledFonts())
	if err != nil {
		t.Fatal(err)
	}
	gs := e.glyphs("附件䶮ꀀ", e.fonts.Body, bodyPt)
	if gs[0].reg == nil || gs[0].reg.face != bundledFace() || gs[2].reg == nil || gs[2].reg.face != fallbackFace() {
		t.Errorf("附 and 䶮 not from the bundled fonts: %+v", gs)
	}
	if gs[3].r != missingMark || !e.unplanned['ꀀ'] || e.err != nil {
		t.Errorf("ꀀ printed as %q, err %v", gs[3].r, e.err)
	}
}

// TestBundledHeadingsBold: with only the bundled font, the title and the
// headings are drawn in simulated bold (fill and stroke), the body not.
func TestBundledHeadingsBold(t *testing.T) {
	fonts := BundledFonts()
	if !fonts.Title.Bold || !fonts.Heading1.Bold || !fonts.Heading2.Bold || fonts.Body.Bold || fonts.Table.Bold {
		t.Fatalf("bold: title %v, headings %v %v, body %v, table %v", fonts.Title.Bold, fonts.Heading1.Bold, fonts.Heading2.Bold, fonts.Body.Bold, fonts.Table.Bold)
	}
	e, err := newEngine(tiny(), fonts)
	if err != nil {
		t.Fatal(err)
	}
	e.pdf.AddPage()
	e.drawText(e.glyphs("一、总体情况", fonts.Heading1, bodyPt), marginLeft, 50, 0)
	e.drawText(e.glyphs("国家", fonts.Body, bodyPt), marginLeft, 60, 0)
	e.pdf.SetCompression(false)
	var content strings.Builder
	if err := e.pdf.Output(&content); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(content.String(), " 2 Tr "); n != 1 {
		t.Errorf("%d bold runs, want the heading's only:\n%s", n, content.String())
	}
}

// TestRolesFromFontFolders: in a Linux font folder tree with the usual
// open CJK fonts (copied from the machine's) and hostile entries (a pipe, a
// link to /dev/zero, a folder named like a font, a link loop), each part
// gets the font of its role, and a fontconfig listing adds a folder of
// its own.
func TestRolesFromFontFolders(t *testing.T) {
	real := map[string]string{ // in the tree → on the machine
		"truetype/arphic/uming.ttc":                "/usr/share/fonts/truetype/arphic/uming.ttc",
		"truetype/arphic/ukai.ttc":                 "/usr/share/fonts/truetype/arphic/ukai.ttc",
		"truetype/wqy/wqy-zenhei.ttc":              "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
		"truetype/droid/DroidSansFallbackFull.ttf": "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
	}
	for _, path := range real {
		if _, err := os.Stat(path); err != nil {
			t.Skip("needs fonts-arphic-uming, fonts-arphic-ukai, fonts-wqy-zenhei, fonts-droid-fallback:", err)
		}
	}
	_, linux := isolate(t)
	for in, from := range real {
		os.MkdirAll(filepath.Join(linux, filepath.Dir(in)), 0o755)
		if err := os.Symlink(from, filepath.Join(linux, in)); err != nil {
			t.Fatal(err)
		}
	}
	hostile := filepath.Join(linux, "hostile")
	os.MkdirAll(filepath.Join(hostile, "folder.ttf"), 0o755)
	os.Symlink("/dev/zero", filepath.Join(hostile, "zero.ttf"))
	os.Symlink(hostile, filepath.Join(hostile, "loop"))
	exec.Command("mkfifo", filepath.Join(hostile, "pipe.ttc")).Run()
	os.WriteFile(filepath.Join(hostile, "garbage.ttf"), []byte("not a font"), 0o644)

	// fontconfig lists a folder outside the searched ones, the pipe and a
	// line of garbage.
	elsewhere := t.TempDir()
	os.WriteFile(filepath.Join(elsewhere, "FZXBSJW.TTF"), renamed(t, "方正小标宋简体", "FZXiaoBiaoSong-B05S"), 0o644)
	fc := filepath.Join(t.TempDir(), "fc-list")
	os.WriteFile(fc, []byte("#!/bin/sh\necho "+filepath.Join(elsewhere, "FZXBSJW.TTF")+"\necho "+filepath.Join(hostile, "pipe.ttc")+"\necho 'not a path'\n"), 0o755)
	fcList = fc

	fonts := findFonts()
	for part, want := range map[string]*Font{"title": fonts.Title, "body": fonts.Body, "heading1": fonts.Heading1, "heading2": fonts.Heading2, "table": fonts.Table} {
		got := want.face.families[0]
		if wantName := map[string]string{"title": "方正小标宋简体", "body": "AR PL UMing CN", "heading1": "WenQuanYi Zen Hei",
			"heading2": "AR PL UKai CN", "table": "AR PL UMing CN"}[part]; !containsFold(want.face.families, wantName) {
			t.Errorf("%s: %s, want %s", part, got, wantName)
		}
		if want.Bold {
			t.Errorf("%s: simulated bold with its own face", part)
		}
	}
	data, warnings, err := Write(tiny(), Options{Fonts: fonts})
	if err != nil || len(warnings) > 0 {
		t.Fatalf("%v %q", err, warnings)
	}
	out := pdfTool(t, "pdffonts", data)
	for _, name := range []string{"+FZXiaoBiaoSong-B05S", "+UMingCN", "+WenQuanYiZenHei", "+UKaiCN"} {
		if !strings.Contains(out, name) {
			t.Errorf("%s not embedded:\n%s", name, out)
		}
	}
}

// renamed is the bundled font under another family and PostScript name.
func renamed(t *testing.T, family, ps string) []byte {
	tables := sfntTables(assets.UIFont)
	name := nameTable(ps)
	// A Chinese family name (Windows, PRC), as official fonts have.
	fam := []byte{}
	for _, u := range utf16.Encode([]rune(family)) {
		fam = binary.BigEndian.AppendUint16(fam, u)
	}
	n := binary.BigEndian.Uint16(name[2:])
	rec := make([]byte, 12)
	binary.BigEndian.PutUint16(rec, 3)
	binary.BigEndian.PutUint16(rec[2:], 1)
	binary.BigEndian.PutUint16(rec[4:], 0x804)
	binary.BigEndian.PutUint16(rec[6:], 1)
	binary.BigEndian.PutUint16(rec[8:], uint16(len(fam)))
	binary.BigEndian.PutUint16(rec[10:], uint16(len(name)-6-12*int(n)))
	out := append(slices.Clone(name[:6+12*int(n)]), rec...)
	out = append(append(out, name[6+12*int(n):]...), fam...)
	binary.BigEndian.PutUint16(out[2:], n+1)
	binary.BigEndian.PutUint16(out[4:], uint16(6+12*(int(n)+1)))
	tables["name"] = out
	f, err := bytesFace(sfntBuild(tables), 0)
	if err != nil || f.name != family {
		t.Fatalf("renamed font: %v %q", err, f.name)
	}
	return sfntBuild(tables)
}
