package pdf

import (
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"

	"nianbao/assets"
	"nianbao/forms/safefile"
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

func (fonts Fonts) list() []*Font {
	return []*Font{fonts.Title, fonts.Body, fonts.Heading1, fonts.Heading2, fonts.Table}
}

// names lists the fonts other than the bundled one, for messages.
func (fonts Fonts) names() string {
	var names []string
	for _, f := range fonts.list() {
		if f != Bundled() && !slices.Contains(names, f.Name) {
			names = append(names, f.Name)
		}
	}
	return strings.Join(names, "、")
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

// SystemFonts is findFonts, once per process.
func SystemFonts() Fonts {
	systemOnce.Do(func() { system = findFonts() })
	return system
}

// findFonts finds the best font of each part in FontDirs; a part without
// one gets the bundled font.
func findFonts() Fonts {
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
	return Fonts{Title: find("title"), Body: find("body"), Heading1: find("heading1"), Heading2: find("heading2"), Table: find("table")}
}

// maxFontFile is the largest font file read: Chinese fonts are up to about
// 40 MB (simsun.ttc is 18 MB).
const maxFontFile = 64 << 20

// load reads a font file, or returns nil if it is missing or unusable. Only
// a regular file of at most maxFontFile is read: a pipe or a link to a
// device in a font folder neither blocks nor is read without end.
func load(path string) *Font {
	data, err := safefile.ReadLimited(path, maxFontFile, "file.tooLarge")
	if lower := filepath.Join(filepath.Dir(path), strings.ToLower(filepath.Base(path))); errors.Is(err, fs.ErrNotExist) && lower != path {
		// Windows font folders are case-insensitive; elsewhere try lower case.
		data, err = safefile.ReadLimited(lower, maxFontFile, "file.tooLarge")
	}
	if err != nil {
		return nil
	}
	f, err := fromFile(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), data)
	if err != nil {
		return nil
	}
	return f
}

// fromFile makes a Font of a font file's content: a TrueType font, or the
// first font of a collection.
func fromFile(name string, data []byte) (*Font, error) {
	if isCollection(data) {
		var err error
		if data, err = extractTTC(data, 0); err != nil {
			return nil, err
		}
	}
	return parse(name, data)
}

// errUnusable is returned for fonts the PDF library cannot embed.
type errUnusable string

func (e errUnusable) Error() string { return string(e) }

// parse checks that data is a TrueType-outline font that may be embedded and
// that the PDF library can read (checkTables), before the library sees it:
// it prints its errors instead of returning them, and trusts the file.
func parse(name string, data []byte) (*Font, error) {
	if len(data) < 12 {
		return nil, errUnusable("too short")
	}
	if tag := binary.BigEndian.Uint32(data); tag != 0x00010000 && tag != 0x74727565 { // 'true'
		return nil, errUnusable("not TrueType outlines")
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	dir := tableDir(data)
	if err := checkTables(data, dir, f.NumGlyphs()); err != nil {
		return nil, err
	}
	if os2 := dir["OS/2"].in(data); len(os2) > 0 && u16(os2, 8)&0x000f == 0x0002 {
		return nil, errUnusable("embedding not allowed")
	}
	return &Font{Name: name, Data: data, sfnt: f}, nil
}
