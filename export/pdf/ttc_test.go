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

// TestCollectionFaces: each font of a collection is read where the
// collection says it is; a number beyond it, or beyond a plain font, and a
// cut-short collection are refused.
func TestCollectionFaces(t *testing.T) {
	ttc := collection(assets.UIFont, assets.UIFont)
	for i := range 2 {
		f, err := bytesFace(ttc, i)
		if err != nil {
			t.Fatal(err)
		}
		if !f.has('国') || f.has('喆') || f.name != "WenQuanYi Micro Hei" {
			t.Errorf("font %d: coverage or name changed (%q)", i, f.name)
		}
		if _, err := f.subset([]rune("国务院")); err != nil {
			t.Errorf("font %d: %v", i, err)
		}
	}
	for name, c := range map[string]struct {
		data  []byte
		index int
	}{
		"beyond the collection": {ttc, 2},
		"beyond a plain font":   {assets.UIFont, 1},
		"cut short":             {bytes.Clone(ttc[:200]), 0},
	} {
		if _, err := bytesFace(c.data, c.index); err == nil {
			t.Errorf("%s: accepted", name)
		}
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
		_, warnings, err := Write(tiny(), Options{Fonts: same(f)})
		if err != nil || slices.Contains(warnings, l10n.T("pdf.fontFailed", "Fonts", f.Name())) {
			t.Errorf("%s: %v %q", path, err, warnings)
		}
	}
}
