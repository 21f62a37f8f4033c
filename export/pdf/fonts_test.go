package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"nianbao/assets"
	"nianbao/export"
	"nianbao/forms/l10n"
)

// tiny is a document with text in every part's font.
func tiny() *export.Document {
	return &export.Document{
		Title:    "国务院办公厅",
		Preface:  []string{"中华人民共和国政府信息公开条例"},
		Sections: []export.Section{{Heading: "一、总体情况", Blocks: []export.Block{{Lead: "（一）主动公开。", Text: "国家"}}}},
		Closing:  export.Closing{Organ: "国务院", Date: "2026年1月20日"},
	}
}

// same gives every part font f.
func same(f *Font) Fonts { return Fonts{Title: f, Body: f, Heading1: f, Heading2: f, Table: f} }

// harmless are the crafted fonts that broke fpdf's reader of whole fonts
// but do nothing now: fpdf reads only the subsets we build (with our own
// name table and character map, without the font's OS/2 table if short),
// and our reader bounds every lookup. They must export like the font they
// were made from; every other crafted font must be refused.
var harmless = map[string]bool{
	"overlapping tables.ttc":        true,
	"no name table.ttf":             true,
	"short OS2 at the end.ttf":      true,
	"cmap beyond the glyphs.ttf":    true,
	"overlapping cmap segments.ttf": true,
	"names built forever.ttf":       true,
}

// TestCraftedFonts: every crafted font is refused before fpdf sees
// anything of it, or is harmless; either quickly.
func TestCraftedFonts(t *testing.T) {
	for name, data := range crafted() {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			f, err := fromFile(name, data)
			if harmless[name] {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if _, warnings, err := Write(tiny(), Options{Fonts: same(f)}); err != nil || len(warnings) > 0 {
					t.Errorf("%v %q", err, warnings)
				}
			} else if err == nil {
				t.Error("accepted")
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// TestCraftedFontFolder: with a crafted font under the names of Windows'
// fonts and in a Linux font folder, the parts get the bundled font (or the
// crafted one, if harmless) and the export works.
func TestCraftedFontFolder(t *testing.T) {
	if fonts := fontFolder(t, collection(assets.UIFont)); fonts.Heading1.face == bundledFace() {
		t.Errorf("a valid font was passed over: %v", fonts.names())
	}
	for name, data := range crafted() {
		t.Run(name, func(t *testing.T) {
			fonts := fontFolder(t, data)
			if !harmless[name] && fonts.names() != "" {
				t.Fatalf("fonts %v", fonts.names())
			}
			if _, warnings, err := Write(tiny(), Options{Fonts: fonts}); err != nil || len(warnings) > 0 {
				t.Errorf("%v %v", warnings, err)
			}
		})
	}
}

// isolate makes the font folders, the user's and fontconfig's empty
// (tests that need them fill them).
func isolate(t *testing.T) (win, linux string) {
	win, linux = t.TempDir(), t.TempDir()
	t.Setenv("WINDIR", win)
	t.Setenv("LOCALAPPDATA", "")
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", t.TempDir())
	dirs, fc := systemFontDirs, fcList
	systemFontDirs, fcList = []string{linux}, ""
	t.Cleanup(func() { systemFontDirs, fcList = dirs, fc })
	return win, linux
}

// fontFolder makes data the fonts of a Windows font folder and of a Linux
// one, and returns the fonts found.
func fontFolder(t *testing.T, data []byte) Fonts {
	win, linux := isolate(t)
	os.Mkdir(filepath.Join(win, "Fonts"), 0o755)
	for _, name := range []string{"simsun.ttc", "simhei.ttf", "simfang.ttf", "simkai.ttf", "FS_GB2312.ttf"} {
		os.WriteFile(filepath.Join(win, "Fonts", name), data, 0o644)
	}
	os.MkdirAll(filepath.Join(linux, "truetype", "wqy"), 0o755)
	os.WriteFile(filepath.Join(linux, "truetype", "wqy", "wqy-zenhei.ttc"), data, 0o644)
	return findFonts()
}

// TestLoadSpecialFiles: a pipe or a link to an endless device in the font
// folder is passed over at once.
func TestLoadSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo, zero := filepath.Join(dir, "simsun.ttc"), filepath.Join(dir, "simhei.ttf")
	if err := exec.Command("mkfifo", fifo).Run(); err != nil {
		t.Skip("no mkfifo:", err)
	}
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Skip("no symbolic link:", err)
	}
	for _, path := range []string{fifo, zero} {
		done := make(chan *Font, 1)
		go func() { done <- load(path) }()
		select {
		case f := <-done:
			if f != nil {
				t.Errorf("%s was loaded", path)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("loading %s did not return", path)
		}
	}
}

// TestWriteRecoversFromBadFonts: a font no subset of which passes the
// checks (or that fpdf panics on, should one ever pass them) is replaced by
// the bundled font, with a warning naming it; a font with a broken glyph
// prints that character from another font.
func TestWriteRecoversFromBadFonts(t *testing.T) {
	all := crafted()
	for _, name := range []string{"metric data format 1.ttf", "short hmtx at the end.ttf", "composite of itself.ttf"} {
		fc, err := bytesFace(all[name], 0)
		if err != nil {
			t.Fatal(err)
		}
		fc.name = "坏字体"
		f := &Font{face: fc}
		data, warnings, err := Write(tiny(), Options{Fonts: Fonts{Title: f, Body: f, Heading1: Bundled(), Heading2: f, Table: f}})
		if err != nil || len(data) == 0 {
			t.Fatalf("%s: %v", name, err)
		}
		var want []string
		if name != "composite of itself.ttf" {
			want = []string{l10n.T("pdf.fontFailed", "Fonts", "坏字体")}
		} else if fc.has('国') {
			t.Errorf("%s: 国 still taken from the font", name)
		}
		if !slices.Equal(warnings, want) {
			t.Errorf("%s: warnings %q, want %q", name, warnings, want)
		}
		if text := pdfTool(t, "pdftotext", data); !strings.Contains(text, "国务院办公厅") {
			t.Errorf("%s: text %q", name, text)
		}
	}
}

// FuzzFontFile runs the whole way of a font file from a font folder: a
// collection's first font read, a subset of it made and checked, and a
// PDF embedding the font if that passes, which must then not fail.
func FuzzFontFile(f *testing.F) {
	// The bundled font, and a subset of it as fpdf embeds it: 10 KB, which
	// the fuzzer mutates much faster.
	small := fpdf.UTF8CutFont(assets.UIFont, "国务院办公厅中华人民共和国政府信息公开条例一、总体情况（）。家2026年1月20日— ")
	for _, font := range [][]byte{assets.UIFont, small} {
		f.Add(font)
		f.Add(collection(font))
	}
	for _, data := range crafted() {
		f.Add(data)
	}
	// Real fonts: a collection and TrueType fonts of the machine, small
	// enough for the fuzzer to mutate.
	for _, path := range realFonts(6 << 20) {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		font, err := fromFile("fuzz", data)
		if err != nil {
			return
		}
		_, warnings, err := Write(tiny(), Options{Fonts: same(font)})
		if err != nil || slices.Contains(warnings, l10n.T("pdf.fontFailed", "Fonts", "fuzz")) {
			t.Fatalf("a font that passed the checks failed: %v %q", err, warnings)
		}
	})
}
