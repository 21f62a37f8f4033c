package pdf

import (
	"encoding/binary"
	"slices"
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"

	"nianbao/assets"
)

// Font is the font of a part of the document: a face, drawn as it is or
// with simulated bold, and the other faces found for the same part, which
// print the characters the face lacks.
type Font struct {
	face *face
	alts []*face
	// Bold draws the outlines with a stroke as well (PDF text render mode
	// 2): headings that fall back to the body's face stay distinguishable.
	Bold bool
}

// Name is the font's family name, for messages.
func (f *Font) Name() string { return f.face.name }

// Has reports whether the font's face has a glyph for r.
func (f *Font) Has(r rune) bool { return f.face.has(r) }

// Fonts are the fonts of the document's parts.
type Fonts struct {
	Title, Body, Heading1, Heading2, Table *Font
	// system are every other usable face found, for characters that
	// neither the parts' fonts nor the bundled ones have.
	system []*face
}

func (fonts Fonts) list() []*Font {
	return []*Font{fonts.Title, fonts.Body, fonts.Heading1, fonts.Heading2, fonts.Table}
}

// names lists the fonts other than the bundled one, for messages.
func (fonts Fonts) names() string {
	var names []string
	for _, f := range fonts.list() {
		if f.face != bundledFace() && !slices.Contains(names, f.Name()) {
			names = append(names, f.Name())
		}
	}
	return strings.Join(names, "、")
}

var (
	bundledOnce, fallbackOnce, systemOnce sync.Once
	bundled, fallback                     *face
	system                                Fonts
)

func bundledFace() *face { return embedded(&bundledOnce, &bundled, assets.UIFont) }

// fallbackFace is the bundled fallback font (GBK, CJK Extension A and
// symbols the bundled font lacks), read only when an export needs it.
func fallbackFace() *face { return embedded(&fallbackOnce, &fallback, assets.FallbackFont) }

// embedded reads a font built into the program, once.
func embedded(once *sync.Once, f **face, data []byte) *face {
	once.Do(func() {
		var err error
		if *f, err = bytesFace(data, 0); err != nil {
			panic("pdf: a bundled font is not usable: " + err.Error())
		}
	})
	return *f
}

// Bundled is the font shipped with the program (WenQuanYi Micro Hei, GB2312).
func Bundled() *Font { return &Font{face: bundledFace()} }

// BundledFonts are the parts' fonts when only the bundled font is there:
// the title and headings in simulated bold.
func BundledFonts() Fonts {
	b := bundledFace()
	return withBold(Fonts{Title: &Font{face: b}, Body: &Font{face: b}, Heading1: &Font{face: b}, Heading2: &Font{face: b}, Table: &Font{face: b}})
}

// withBold marks the title and headings bold where they share the body's
// face (GB/T 9704 sets them apart by their typefaces).
func withBold(fonts Fonts) Fonts {
	for _, f := range []**Font{&fonts.Title, &fonts.Heading1, &fonts.Heading2} {
		if (*f).face == fonts.Body.face && !(*f).Bold {
			bold := **f
			bold.Bold = true
			*f = &bold
		}
	}
	return fonts
}

// SystemFonts is findFonts, once per process.
func SystemFonts() Fonts {
	systemOnce.Do(func() { system = findFonts() })
	return system
}

// maxFontFile is the largest font file read: Chinese fonts are up to about
// 40 MB (simsun.ttc is 18 MB).
const maxFontFile = 64 << 20

// load opens the first font of a font file, or returns nil if it is
// missing or unusable.
func load(path string) *Font {
	f, err := openFace(path, 0)
	if err != nil || !f.usable() {
		return nil
	}
	return &Font{face: f}
}

// fromFile makes a Font of a font file's content: a TrueType font, or the
// first font of a collection, if usable.
func fromFile(name string, data []byte) (*Font, error) {
	f, err := bytesFace(data, 0)
	if err != nil {
		return nil, err
	}
	if f.name == "" {
		f.name = name
	}
	if !f.usable() {
		return nil, f.probeErr
	}
	return &Font{face: f}, nil
}

// errUnusable is returned for fonts the PDF library cannot embed.
type errUnusable string

func (e errUnusable) Error() string { return string(e) }

// checkFont checks that data is a TrueType font the PDF library can read
// (checkTables), before the library sees it: it prints its errors instead
// of returning them, and trusts the file.
func checkFont(data []byte) error {
	if len(data) < 12 {
		return errUnusable("too short")
	}
	if tag := binary.BigEndian.Uint32(data); tag != 0x00010000 && tag != 0x74727565 { // 'true'
		return errUnusable("not TrueType outlines")
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return err
	}
	return checkTables(data, tableDir(data), f.NumGlyphs())
}
