package pdf

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"strings"
	"unicode/utf16"

	"nianbao/export"
	"nianbao/forms/l10n"
)

// missingMark prints in place of a character no font has: 〓, the mark
// Chinese typesetting has long used for a missing character.
const missingMark = '〓'

// placed is a text the document prints and where: the title, the preface,
// a section's heading or the closing, for messages; and the font it prints
// in, nil when it may print in any of the parts' fonts.
type placed struct {
	where, text string
	font        *Font
}

// texts lists every text the document prints, with fixed texts of the
// layout (draft mark, page numbers, the missing-character mark).
func texts(doc *export.Document) []placed {
	out := []placed{
		{l10n.T("pdf.whereTitle"), doc.Title, nil},
		{"", l10n.T("export.draft") + "— 0123456789" + string(missingMark), nil},
	}
	for _, p := range doc.Preface {
		out = append(out, placed{l10n.T("pdf.wherePreface"), p, nil})
	}
	for _, s := range slices.Concat(doc.Sections, doc.Appendix) {
		out = append(out, placed{s.Heading, s.Heading, nil})
		for _, b := range s.Blocks {
			out = append(out, placed{s.Heading, b.Lead + b.Text, nil})
			if t := b.Table; t != nil {
				out = append(out, placed{s.Heading, t.Title, nil})
				for _, c := range t.Cells {
					out = append(out, placed{s.Heading, c.Text, nil})
				}
			}
		}
	}
	return append(out, placed{l10n.T("pdf.whereClosing"), doc.Closing.Organ + doc.Closing.Date, nil})
}

// plan is which face prints which characters of a document: for each part's
// font, the characters its face has; the others fall back to the part's
// alternates, the bundled font, the bundled fallback font, then any font of
// the system. Characters no font has are named with where they first are.
type plan struct {
	chars   map[*face]map[rune]bool
	order   []*face // of chars' keys, as first used
	missing []missingChar
	fonts   Fonts
}

// missingChar is a character no font has, where it first is, and a few
// characters around it.
type missingChar struct {
	r              rune
	where, context string
}

func newPlan(texts []placed, fonts Fonts) *plan {
	p := &plan{chars: map[*face]map[rune]bool{}, fonts: fonts}
	seen := map[*Font]map[rune]bool{}
	missing := map[rune]bool{}
	for _, t := range texts {
		fs := fonts.list()
		if t.font != nil {
			fs = []*Font{t.font}
		}
		rs := []rune(t.text)
		for i, r := range rs {
			if r < 0x20 {
				continue
			}
			for _, f := range fs {
				if seen[f] == nil {
					seen[f] = map[rune]bool{}
				}
				if seen[f][r] {
					continue
				}
				seen[f][r] = true
				if fc := p.chain(f, r); fc != nil {
					p.add(fc, r)
				} else if !missing[r] {
					missing[r] = true
					p.missing = append(p.missing, missingChar{r, t.where, string(rs[max(0, i-6):min(len(rs), i+7)])})
				}
			}
		}
	}
	return p
}

func (p *plan) add(f *face, r rune) {
	if p.chars[f] == nil {
		p.chars[f] = map[rune]bool{}
		p.order = append(p.order, f)
	}
	p.chars[f][r] = true
}

// chain finds the face that prints r in font f, or nil.
func (p *plan) chain(f *Font, r rune) *face {
	for _, fc := range slices.Concat([]*face{f.face}, f.alts, []*face{bundledFace()}) {
		if fc.has(r) && (fc == f.face || fc.usable()) { // a part's face failing is reported (Write)
			return fc
		}
	}
	// The fallback font and the other fonts are only read for characters
	// the usual fonts lack.
	if r <= 0xFFFF && fallbackFace().has(r) {
		return fallbackFace()
	}
	for _, fc := range p.fonts.system {
		if fc.has(r) && fc.usable() {
			return fc
		}
	}
	return nil
}

// warnings name each character no font has, with its code, where it is
// and the text around it.
func (p *plan) warnings() []string {
	var out []string
	for _, m := range p.missing {
		where := m.where
		if where == "" {
			where = l10n.T("pdf.whereLayout")
		}
		context := strings.ReplaceAll(m.context, string(m.r), "【"+string(m.r)+"】")
		out = append(out, l10n.T("pdf.missingGlyph", "Char", string(m.r), "Code", fmt.Sprintf("U+%04X", m.r),
			"Where", where, "Context", context, "Mark", string(missingMark)))
	}
	return out
}

// isMissing reports whether r is a character no font has.
func (p *plan) isMissing(r rune) bool {
	return slices.ContainsFunc(p.missing, func(m missingChar) bool { return m.r == r })
}

// registered is a face's subset as added to the PDF.
type registered struct {
	face *face
	key  string // the PDF library's name of the font
	tag  string // the subset tag of the PDF's font name: ABCDEF+Name
	sub  *subset
}

// register adds a subset of each planned face to the PDF. The PDF library
// names its fonts "utf8" and the name it was given, lower case; rename
// gives them their real names afterwards, so each is given a name as long
// as the real one.
func (e *engine) register() error {
	for _, fc := range e.plan.order {
		if err := e.addSubset(fc, slices.Sorted(maps.Keys(e.plan.chars[fc]))); err != nil {
			return err
		}
	}
	return nil
}

// addSubset adds a subset of face fc for characters rs to the PDF.
func (e *engine) addSubset(fc *face, rs []rune) error {
	sub, err := fc.subset(rs)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", errFontFailed, fc.name, err)
	}
	h := fnv.New32a()
	h.Write(sub.data)
	sum := h.Sum32()
	tag := make([]byte, 6)
	for k := range tag {
		tag[k] = 'A' + byte(sum%26)
		sum /= 26
	}
	name := fc.pdfName()
	key := fmt.Sprintf("nb%d", len(e.regs))
	key += strings.Repeat("x", max(0, len(name)+3-len(key)))
	reg := &registered{face: fc, key: key, tag: string(tag), sub: sub}
	if len(key) != len(name)+3 { // a short name of many fonts
		reg.tag = ""
	}
	if err := guard(func() error { e.pdf.AddUTF8FontFromBytes(key, "", sub.data); return e.pdf.Error() }); err != nil {
		return fmt.Errorf("%w: %s: %v", errFontFailed, fc.name, err)
	}
	e.reg[fc] = append(e.reg[fc], reg)
	e.regs = append(e.regs, reg)
	if !slices.Contains(e.plan.order, fc) {
		e.plan.order = append(e.plan.order, fc)
	}
	return nil
}

// rename gives the fonts of a PDF the library wrote their real names, in
// place (the names are as long as the ones they replace, so that the
// file's cross-reference offsets stay right): "/utf8nb0xxx…" becomes
// "/ABCDEF+FangSong_GB2312", as pdffonts and a reader's font properties
// show it.
func (e *engine) rename(pdf []byte) []byte {
	for _, reg := range e.regs {
		if reg.tag != "" {
			pdf = bytes.ReplaceAll(pdf, []byte("/utf8"+reg.key+"\n"), []byte("/"+reg.tag+"+"+reg.face.pdfName()+"\n"))
		}
	}
	return pdf
}

// utf16Hex is r in UTF-16, in hexadecimal, for a PDF string.
func utf16Hex(r rune) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune{r}) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}
