package pdf

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"nianbao/forms/safefile"
)

// The font index caches what finding fonts learnt — the font files, their
// names and table directories — in the user's cache folder, so that the
// next export neither walks the font folders and reads every font's names
// nor waits for fc-list (together about 10 ms of a 60 ms export). It is
// valid while every folder it was made from, and fontconfig's configuration,
// has the modification time it recorded (adding or removing a font changes
// its folder's time). A font file changed in place is caught when it is
// opened: its size and time must be as recorded, else its face fails (the
// part falls back as for a broken font) and the index is removed. The index
// is a cache: if it is missing, unreadable, or in any way inconsistent, the
// fonts are found anew.

// fontIndexVersion changes whenever what the index holds changes meaning.
const fontIndexVersion = 1

// maxFontIndex bounds the index file read.
const maxFontIndex = 8 << 20

// fontIndexPath is where the index lives; "" disables it.
var fontIndexPath = func() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "nianbao", "fonts.json")
}

// fontIndex is the index file.
type fontIndex struct {
	Version int
	// Roots are FontDirs and the fontconfig lister the index was made with.
	Roots []string
	// Stamps maps each folder walked, each folder of a font fontconfig
	// listed and fontconfig's configuration to its modification time in
	// nanoseconds, or -1 where it did not exist.
	Stamps map[string]int64
	Faces  []indexedFace
}

// indexedFace is a face as readFace found it.
type indexedFace struct {
	Path      string
	Index     int
	Size, Mod int64 // of the file
	Name      string
	Families  []string
	PSName    string
	Dir       map[string][2]int // tag → offset, length
}

// fontconfigConfig are the files and folders whose change may change what
// fc-list lists.
func fontconfigConfig() []string {
	paths := []string{"/etc/fonts", "/etc/fonts/conf.d", "/etc/fonts/fonts.conf"}
	if cfg, err := os.UserConfigDir(); err == nil {
		paths = append(paths, filepath.Join(cfg, "fontconfig"), filepath.Join(cfg, "fontconfig", "conf.d"), filepath.Join(cfg, "fontconfig", "fonts.conf"))
	}
	if home := os.Getenv("HOME"); home != "" {
		paths = append(paths, filepath.Join(home, ".fonts.conf"))
	}
	return paths
}

// stamp is a path's modification time, or -1 if it does not exist.
func stamp(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return -1
	}
	return info.ModTime().UnixNano()
}

// indexRoots are the roots an index must have been made with to be valid.
func indexRoots() []string { return append(FontDirs(), fcList) }

// loadIndex returns the faces of a valid index, each reading its file only
// when it is first used.
func loadIndex() ([]*face, bool) {
	path := fontIndexPath()
	if path == "" {
		return nil, false
	}
	data, err := safefile.ReadLimited(path, maxFontIndex, "file.tooLarge")
	if err != nil {
		return nil, false
	}
	idx, ok := parseIndex(data)
	if !ok || !slices.Equal(idx.Roots, indexRoots()) {
		return nil, false
	}
	for p, t := range idx.Stamps {
		if stamp(p) != t {
			return nil, false
		}
	}
	faces := make([]*face, len(idx.Faces))
	files := map[string]*lazyFile{} // one per file, for the fonts of a collection
	for i, c := range idx.Faces {
		lf := files[c.Path]
		if lf == nil {
			lf = &lazyFile{path: c.Path, size: c.Size, mod: c.Mod, index: path}
			files[c.Path] = lf
		}
		f := &face{name: c.Name, families: c.Families, psName: c.PSName, path: c.Path, index: c.Index, src: lf, dir: make(map[string]table, len(c.Dir))}
		for tag, t := range c.Dir {
			f.dir[tag] = table{t[0], t[1]}
		}
		faces[i] = f
	}
	return faces, true
}

// parseIndex decodes an index file and checks that it could have been
// written by saveIndex: anything else is not used.
func parseIndex(data []byte) (*fontIndex, bool) {
	var idx fontIndex
	if json.Unmarshal(data, &idx) != nil || idx.Version != fontIndexVersion || len(idx.Faces) > maxFontFiles*maxCollectionFonts {
		return nil, false
	}
	for _, c := range idx.Faces {
		if !filepath.IsAbs(c.Path) || c.Size < 0 || c.Size > maxFontFile || c.Index < 0 || c.Index >= maxCollectionFonts ||
			len(c.Dir) > maxTables || len(c.Families) > 64 {
			return nil, false
		}
		for _, tag := range []string{"head", "hhea", "hmtx", "maxp", "cmap", "loca", "glyf"} {
			if _, ok := c.Dir[tag]; !ok {
				return nil, false
			}
		}
		for _, t := range c.Dir {
			if t[0] < 0 || t[1] < 0 || int64(t[0])+int64(t[1]) > c.Size {
				return nil, false
			}
		}
	}
	return &idx, true
}

// saveIndex writes the index of faces found in the folders and fontconfig
// files stamped. Failing to is no matter: the next export finds the fonts
// anew.
func saveIndex(faces []*face, stamps map[string]int64) {
	path := fontIndexPath()
	if path == "" {
		return
	}
	for _, p := range fontconfigConfig() {
		stamps[p] = stamp(p)
	}
	idx := fontIndex{Version: fontIndexVersion, Roots: indexRoots(), Stamps: stamps}
	sizes := map[string][2]int64{}
	for _, f := range faces {
		sz, ok := sizes[f.path]
		if !ok {
			info, err := os.Stat(f.path)
			if err != nil {
				return
			}
			sz = [2]int64{info.Size(), info.ModTime().UnixNano()}
			sizes[f.path] = sz
		}
		c := indexedFace{Path: f.path, Index: f.index, Size: sz[0], Mod: sz[1], Name: f.name, Families: f.families, PSName: f.psName, Dir: map[string][2]int{}}
		for tag, t := range f.dir {
			c.Dir[tag] = [2]int{t.off, t.len}
		}
		idx.Faces = append(idx.Faces, c)
	}
	data, err := json.Marshal(idx)
	if err != nil || os.MkdirAll(filepath.Dir(path), 0o755) != nil {
		return
	}
	safefile.Write(path, data, safefile.Options{})
}

// errFontChanged is the error of a font file that is no longer as the index
// recorded it.
var errFontChanged = errors.New("pdf: font file changed since it was indexed")

// lazyFile is a font file of the index, opened at its first read.
type lazyFile struct {
	path      string
	size, mod int64
	index     string // the index file, removed if the font changed
	once      sync.Once
	f         *os.File
	err       error
}

func (l *lazyFile) ReadAt(b []byte, off int64) (int, error) {
	l.once.Do(func() {
		f, size, err := safefile.OpenLimited(l.path, maxFontFile, "file.tooLarge")
		if err == nil {
			var info fs.FileInfo
			if info, err = f.Stat(); err == nil && (size != l.size || info.ModTime().UnixNano() != l.mod) {
				err = errFontChanged
			}
			if err != nil {
				f.Close()
			}
		}
		if err != nil {
			os.Remove(l.index)
		}
		l.f, l.err = f, err
	})
	if l.err != nil {
		return 0, l.err
	}
	return l.f.ReadAt(b, off)
}
