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
	"golang.org/x/image/font/sfnt"

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

func TestExtractTTCCrafted(t *testing.T) {
	for name, data := range crafted() {
		if strings.HasSuffix(name, ".ttc") {
			if out, err := extractTTC(data, 0); err == nil {
				t.Errorf("%s: extracted %d bytes", name, len(out))
			}
		}
	}
	ttc := collection(assets.UIFont, assets.UIFont)
	if out, err := extractTTC(ttc, 1); err != nil || len(out) > len(ttc)/2 {
		t.Errorf("a font of %d bytes extracted from a collection of two as %d bytes (%v)", len(assets.UIFont), len(out), err)
	}
}

// TestCraftedFontsRefused: every crafted font is refused before fpdf sees
// it, quickly.
func TestCraftedFontsRefused(t *testing.T) {
	for name, data := range crafted() {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			if _, err := fromFile(name, data); err == nil {
				t.Error("accepted")
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v to refuse", d)
			}
		})
	}
}

// TestCraftedFontFolder: with a crafted font under every name the export
// looks for, each part gets the bundled font and the export works.
func TestCraftedFontFolder(t *testing.T) {
	if fonts := fontFolder(t, collection(assets.UIFont)); slices.Contains(fonts.list(), Bundled()) {
		t.Errorf("a valid font was passed over: %v", fonts.names())
	}
	for name, data := range crafted() {
		t.Run(name, func(t *testing.T) {
			fonts := fontFolder(t, data)
			if fonts != (Fonts{Bundled(), Bundled(), Bundled(), Bundled(), Bundled()}) {
				t.Fatalf("fonts %v", fonts.names())
			}
			if _, warnings, err := Write(tiny(), Options{Fonts: fonts}); err != nil || len(warnings) > 0 {
				t.Errorf("%v %v", warnings, err)
			}
		})
	}
}

// fontFolder makes data every font file of a Windows font folder and
// returns the fonts found.
func fontFolder(t *testing.T, data []byte) Fonts {
	win := t.TempDir()
	t.Setenv("WINDIR", win)
	t.Setenv("LOCALAPPDATA", "")
	os.Mkdir(filepath.Join(win, "Fonts"), 0o755)
	for _, names := range candidates {
		for _, name := range names {
			os.WriteFile(filepath.Join(win, "Fonts", strings.ToLower(name)), data, 0o644)
		}
	}
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

// TestWriteRecoversFromFpdf: a font file that fpdf panics on — when adding
// it, or when embedding it — is replaced by the bundled font, with a
// warning naming it, should one ever pass parse.
func TestWriteRecoversFromFpdf(t *testing.T) {
	all := crafted()
	for _, name := range []string{"no name table.ttf", "loca backwards.ttf"} {
		s, err := sfnt.Parse(all[name])
		if err != nil {
			t.Fatal(err)
		}
		f := &Font{Name: "坏字体", Data: all[name], sfnt: s}
		data, warnings, err := Write(tiny(), Options{Fonts: Fonts{f, f, Bundled(), f, f}})
		if err != nil || len(data) == 0 {
			t.Fatalf("%s: %v", name, err)
		}
		if want := l10n.T("pdf.fontFailed", "Fonts", "坏字体"); !slices.Equal(warnings, []string{want}) {
			t.Errorf("%s: warnings %q, want %q", name, warnings, want)
		}
	}
}

// FuzzFontFile runs the whole way of a font file from a font folder:
// a collection's first font taken out, the checks, and a PDF embedding the
// font if they pass, which must then not fail.
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
		if out, err := extractTTC(data, 0); err == nil && len(out) > 12+19*len(data)/16+len(data) {
			t.Fatalf("%d bytes extracted from %d", len(out), len(data))
		}
		font, err := fromFile("fuzz", data)
		if err != nil {
			return
		}
		_, warnings, err := Write(tiny(), Options{Fonts: Fonts{font, font, font, font, font}})
		if err != nil || slices.Contains(warnings, l10n.T("pdf.fontFailed", "Fonts", "fuzz")) {
			t.Fatalf("a font that passed the checks failed: %v %q", err, warnings)
		}
	})
}
