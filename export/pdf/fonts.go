package pdf

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"

	"nianbao/assets"
)

// Font is a TrueType font the PDF can embed.
type Font struct {
	Name string // for messages
	Data []byte
	sfnt *sfnt.Font
}

// Has reports whether the font has a glyph for r.
func (f *Font) Has(r rune) bool {
	var buf sfnt.Buffer
	i, err := f.sfnt.GlyphIndex(&buf, r)
	return err == nil && i != 0
}

// Fonts are the fonts of the document's parts.
type Fonts struct {
	Title, Body, Heading1, Heading2, Table *Font
}

// candidates are the font files of each part, best first: the official
// fonts government PCs have, then the fonts Windows ships. Only TrueType
// outlines work with the PDF library (no CFF .otf); from a collection
// (.ttc) the first font is taken out.
var candidates = map[string][]string{
	"title":    {"FZXBSJW.TTF", "方正小标宋简体.ttf", "FZXBSK.TTF", "simhei.ttf"},
	"body":     {"FS_GB2312.ttf", "仿宋_GB2312.ttf", "SIMFANG.TTF", "simfang.ttf"},
	"heading1": {"simhei.ttf", "SIMHEI.TTF"},
	"heading2": {"KAITI_GB2312.ttf", "楷体_GB2312.ttf", "SIMKAI.TTF", "simkai.ttf"},
	"table":    {"simsun.ttc", "SIMSUN.TTC", "SIMFANG.TTF", "simfang.ttf"},
}

// FontDirs are the folders searched for fonts: Windows' own and the user's
// (fonts installed without admin rights go there).
func FontDirs() []string {
	var dirs []string
	if win := os.Getenv("WINDIR"); win != "" {
		dirs = append(dirs, filepath.Join(win, "Fonts"))
	}
	if local := os.Getenv("LOCALAPPDATA"); local != "" {
		dirs = append(dirs, filepath.Join(local, "Microsoft", "Windows", "Fonts"))
	}
	return dirs
}

var (
	bundledOnce sync.Once
	bundled     *Font
	systemOnce  sync.Once
	system      Fonts
)

// Bundled is the font shipped with the program (WenQuanYi Micro Hei, GB2312).
func Bundled() *Font {
	bundledOnce.Do(func() {
		f, err := parse("WenQuanYi Micro Hei", assets.UIFont)
		if err != nil {
			panic("pdf: the bundled font is not usable: " + err.Error())
		}
		bundled = f
	})
	return bundled
}

// SystemFonts finds the best font of each part in FontDirs, once per
// process; a part without one gets the bundled font.
func SystemFonts() Fonts {
	systemOnce.Do(func() {
		find := func(role string) *Font {
			for _, dir := range FontDirs() {
				for _, name := range candidates[role] {
					if f := load(filepath.Join(dir, name)); f != nil {
						return f
					}
				}
			}
			return Bundled()
		}
		system = Fonts{Title: find("title"), Body: find("body"), Heading1: find("heading1"), Heading2: find("heading2"), Table: find("table")}
	})
	return system
}

// load reads a font file, or returns nil if it is missing or unusable.
func load(path string) *Font {
	data, err := os.ReadFile(path)
	if err != nil {
		// Windows font folders are case-insensitive; elsewhere try lower case.
		if data, err = os.ReadFile(filepath.Join(filepath.Dir(path), strings.ToLower(filepath.Base(path)))); err != nil {
			return nil
		}
	}
	if strings.EqualFold(filepath.Ext(path), ".ttc") {
		if data, err = extractTTC(data, 0); err != nil {
			return nil
		}
	}
	f, err := parse(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), data)
	if err != nil {
		return nil
	}
	return f
}

// errUnusable is returned for fonts the PDF library cannot embed.
type errUnusable string

func (e errUnusable) Error() string { return string(e) }

// parse checks that data is a TrueType-outline font that may be embedded,
// before the PDF library sees it: the library prints its errors instead of
// returning them.
func parse(name string, data []byte) (*Font, error) {
	if len(data) < 12 {
		return nil, errUnusable("too short")
	}
	if tag := binary.BigEndian.Uint32(data); tag != 0x00010000 && tag != 0x74727565 { // 'true'
		return nil, errUnusable("not TrueType outlines")
	}
	if fsType, ok := os2FsType(data); ok && fsType&0x000f == 0x0002 {
		return nil, errUnusable("embedding not allowed")
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	return &Font{Name: name, Data: data, sfnt: f}, nil
}

// os2FsType reads the embedding permissions of a font.
func os2FsType(data []byte) (uint16, bool) {
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return 0, false
		}
		if string(data[rec:rec+4]) == "OS/2" {
			off := int(binary.BigEndian.Uint32(data[rec+8:]))
			if off+10 > len(data) {
				return 0, false
			}
			return binary.BigEndian.Uint16(data[off+8:]), true
		}
	}
	return 0, false
}
