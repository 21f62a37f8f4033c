package pdf

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"nianbao/assets"
)

// TestMain keeps the tests' font indexes out of the user's cache folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "nianbao-font-index")
	if err != nil {
		panic(err)
	}
	fontIndexPath = func() string { return filepath.Join(dir, "fonts.json") }
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// TestFontIndex checks that the fonts found are indexed, taken from the
// index while the folders are unchanged, found anew when a font is added,
// and that a font changed in place is not used and drops the index.
func TestFontIndex(t *testing.T) {
	_, linux := isolate(t)
	sub := filepath.Join(linux, "wqy")
	os.Mkdir(sub, 0o755)
	font := filepath.Join(sub, "a.ttf")
	os.WriteFile(font, assets.UIFont, 0o644)
	os.Remove(fontIndexPath())

	found := systemFaces()
	if len(found) != 1 || found[0].path != font {
		t.Fatalf("found %d faces", len(found))
	}
	indexed, ok := loadIndex()
	if !ok || len(indexed) != 1 {
		t.Fatalf("no index of the fonts found (%v, %d faces)", ok, len(indexed))
	}
	if f := indexed[0]; f.path != font || f.psName != found[0].psName || len(f.families) == 0 || !f.usable() || !f.has('国') {
		t.Errorf("indexed face differs: %+v", f)
	}

	// A font added to a folder makes the index stale.
	os.WriteFile(filepath.Join(sub, "b.ttf"), assets.UIFont, 0o644)
	if _, ok := loadIndex(); ok {
		t.Error("index used after a font was added")
	}
	if n := len(systemFaces()); n != 2 {
		t.Errorf("found %d faces after adding one", n)
	}

	// A font changed in place leaves its folder's time as it was.
	info, _ := os.Stat(sub)
	os.WriteFile(font, append([]byte("garbage"), assets.UIFont...), 0o644)
	os.Chtimes(sub, info.ModTime(), info.ModTime())
	faces, ok := loadIndex()
	if !ok {
		t.Fatal("index not used")
	}
	for _, f := range faces {
		if f.path == font && f.usable() {
			t.Error("a font changed since it was indexed was used")
		}
	}
	if _, err := os.Stat(fontIndexPath()); err == nil {
		t.Error("the index of a changed font was kept")
	}

	// Other roots (a Windows font folder set) make it stale too.
	systemFaces()
	t.Setenv("WINDIR", t.TempDir())
	if _, ok := loadIndex(); ok {
		t.Error("index used with other font folders")
	}
}

// TestParseIndexRefuses checks that an index saveIndex could not have
// written is not used.
func TestParseIndexRefuses(t *testing.T) {
	good := func() indexedFace {
		dir := map[string][2]int{}
		for i, tag := range []string{"head", "hhea", "hmtx", "maxp", "cmap", "loca", "glyf"} {
			dir[tag] = [2]int{100 * i, 100}
		}
		return indexedFace{Path: "/fonts/a.ttf", Size: 1000, Mod: time.Now().UnixNano(), Dir: dir}
	}
	encode := func(change func(*fontIndex)) []byte {
		idx := fontIndex{Version: fontIndexVersion, Faces: []indexedFace{good()}}
		change(&idx)
		data, _ := json.Marshal(idx)
		return data
	}
	if _, ok := parseIndex(encode(func(*fontIndex) {})); !ok {
		t.Fatal("a good index refused")
	}
	tests := map[string][]byte{
		"not JSON":       []byte("{"),
		"other version":  encode(func(i *fontIndex) { i.Version = 99 }),
		"relative path":  encode(func(i *fontIndex) { i.Faces[0].Path = "a.ttf" }),
		"table past end": encode(func(i *fontIndex) { i.Faces[0].Dir["glyf"] = [2]int{900, 200} }),
		"negative":       encode(func(i *fontIndex) { i.Faces[0].Dir["glyf"] = [2]int{-1, 2} }),
		"no glyf":        encode(func(i *fontIndex) { delete(i.Faces[0].Dir, "glyf") }),
		"huge file":      encode(func(i *fontIndex) { i.Faces[0].Size = maxFontFile + 1 }),
		"bad index":      encode(func(i *fontIndex) { i.Faces[0].Index = -1 }),
	}
	for name, data := range tests {
		if _, ok := parseIndex(data); ok {
			t.Errorf("%s: used", name)
		}
	}
}

// TestIndexNotRegular checks that an index file that is a pipe or a link
// to /dev/zero is neither waited for nor read without end.
func TestIndexNotRegular(t *testing.T) {
	isolate(t)
	path := fontIndexPath()
	os.Remove(path)
	if err := os.Symlink("/dev/zero", path); err != nil {
		t.Skip("no symbolic links:", err)
	}
	defer os.Remove(path)
	if _, ok := loadIndex(); ok {
		t.Error("/dev/zero taken for an index")
	}
}

// FuzzFontIndex feeds any bytes to the index reader: what it accepts has
// every table inside its file.
func FuzzFontIndex(f *testing.F) {
	data, _ := json.Marshal(fontIndex{Version: fontIndexVersion, Faces: []indexedFace{{Path: "/a.ttf", Size: 10,
		Dir: map[string][2]int{"head": {0, 1}, "hhea": {1, 1}, "hmtx": {2, 1}, "maxp": {3, 1}, "cmap": {4, 1}, "loca": {5, 1}, "glyf": {6, 4}}}}})
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		idx, ok := parseIndex(data)
		if !ok {
			return
		}
		for _, c := range idx.Faces {
			for _, tb := range c.Dir {
				if tb[0] < 0 || tb[1] < 0 || int64(tb[0])+int64(tb[1]) > c.Size || c.Size > maxFontFile {
					t.Fatalf("accepted %v in a file of %d bytes", tb, c.Size)
				}
			}
		}
	})
}
