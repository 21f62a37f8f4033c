package pdf

import (
	"bytes"
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/assets"
	"nianbao/forms/l10n"
)

// collection wraps TrueType fonts into a .ttc, sharing nothing.
func collection(fonts ...[]byte) []byte {
	head := 12 + 4*len(fonts)
	var b bytes.Buffer
	b.WriteString("ttcf")
	binary.Write(&b, binary.BigEndian, uint32(0x00010000))
	binary.Write(&b, binary.BigEndian, uint32(len(fonts)))
	pos := head
	var body bytes.Buffer
	for _, f := range fonts {
		binary.Write(&b, binary.BigEndian, uint32(pos))
		// Table offsets inside a collection count from the collection's start.
		g := bytes.Clone(f)
		n := int(binary.BigEndian.Uint16(g[4:]))
		for i := 0; i < n; i++ {
			rec := g[12+16*i:]
			binary.BigEndian.PutUint32(rec[8:], binary.BigEndian.Uint32(rec[8:])+uint32(pos))
		}
		body.Write(g)
		pos += len(g)
	}
	b.Write(body.Bytes())
	return b.Bytes()
}

func TestExtractTTC(t *testing.T) {
	ttc := collection(assets.UIFont, assets.UIFont)
	for i := range 2 {
		out, err := extractTTC(ttc, i)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parse("extracted", out)
		if err != nil {
			t.Fatalf("font %d: %v", i, err)
		}
		if !f.Has('国') || f.Has('喆') {
			t.Errorf("font %d: coverage changed", i)
		}
		if checksum(out) != 0xB1B0AFBA {
			t.Errorf("font %d: checksum adjustment wrong", i)
		}
	}
	if _, err := extractTTC(ttc, 2); err == nil {
		t.Error("a font index beyond the collection was accepted")
	}
	if _, err := extractTTC(assets.UIFont, 0); err == nil {
		t.Error("a plain font was taken for a collection")
	}
	broken := bytes.Clone(ttc[:200])
	if _, err := extractTTC(broken, 0); err == nil {
		t.Error("a truncated collection was accepted")
	}
}

func TestLoadCollection(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/simsun.ttc"
	if err := os.WriteFile(path, collection(assets.UIFont), 0o644); err != nil {
		t.Fatal(err)
	}
	if f := load(path); f == nil || !f.Has('宋') {
		t.Error("a .ttc in the font folder was not usable")
	}
	for name, data := range map[string][]byte{
		"cff.otf":     append([]byte("OTTO"), make([]byte, 64)...),
		"broken.ttc":  append([]byte("ttcf"), make([]byte, 64)...),
		"garbage.ttf": []byte("not a font"),
	} {
		os.WriteFile(dir+"/"+name, data, 0o644)
		if load(dir+"/"+name) != nil {
			t.Errorf("%s was accepted", name)
		}
	}
}

// realFontDir is where Debian and Ubuntu install fonts; the test command
// installs a collection (fonts-wqy-microhei) and TrueType fonts
// (fonts-dejavu-core) there.
const realFontDir = "/usr/share/fonts/truetype"

// realFonts returns the paths of the TrueType fonts and collections of at
// most maxSize bytes under realFontDir, sorted.
func realFonts(maxSize int64) []string {
	var paths []string
	filepath.WalkDir(realFontDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(path))
		if info, err := d.Info(); err == nil && info.Mode().IsRegular() && info.Size() <= maxSize && (ext == ".ttf" || ext == ".ttc") {
			paths = append(paths, path)
		}
		return nil
	})
	return paths
}

// TestRealFonts checks that the checks refuse no real font: every TrueType
// font and collection installed loads and is embedded without the library
// failing.
func TestRealFonts(t *testing.T) {
	paths := realFonts(maxFontFile)
	if len(paths) == 0 {
		t.Skip("no fonts in", realFontDir, "(scripts/test.sh installs some)")
	}
	for _, path := range paths {
		f := load(path)
		if f == nil {
			t.Errorf("%s: refused", path)
			continue
		}
		_, warnings, err := Write(tiny(), Options{Fonts: Fonts{f, f, f, f, f}})
		if err != nil || slices.Contains(warnings, l10n.T("pdf.fontFailed", "Fonts", f.Name)) {
			t.Errorf("%s: %v %q", path, err, warnings)
		}
	}
}
