// Package infographic draws a report's 图解 (一图读懂), the illustrated
// version portals publish beside the report: a tall picture with the
// unit's name and the report's title on a red band, then the format's
// panels of figures (forms/figures) — large numbers in tiles, with their
// change from last year's when last year's report is linked, and the
// outcomes of the applications as bars of their shares. It is written as
// PNG (1080 pixels wide, for a portal's CMS), SVG (texts as text) or PDF
// (for print), all three from one layout (export/drawing) and in the
// fonts the PDF export chooses (export/pdf.Shape). A draft carries the
// 草稿 mark.
package infographic

import (
	"nianbao/export"
	"nianbao/export/pdf"
	"nianbao/forms/figures"
	"nianbao/forms/l10n"
	"nianbao/forms/report"
)

// FileType is a file type of the 图解.
type FileType uint8

// The file types.
const (
	PNGFile FileType = iota
	SVGFile
	PDFFile
)

// Write draws the 图解 of report d, laid out for export as doc, as a file of
// type t in the fonts of opt (the system's when none), with warnings about
// characters no font has.
func Write(d *report.Doc, doc *export.Document, t FileType, opt pdf.Options) ([]byte, []string, error) {
	if d.Entry.Format.Infographic == nil {
		return nil, nil, l10n.Errorf("infographic.none", "Format", d.Entry.Format.Name)
	}
	dr := Layout(doc, figures.Make(d.Entry.Format, d.Values(), d.PrevValues()))
	if t == PDFFile {
		return pdf.Draw(dr, opt)
	}
	s, err := pdf.Shape(dr, opt)
	if err != nil {
		return nil, nil, err
	}
	if t == SVGFile {
		return SVG(dr, s), s.Warnings, nil
	}
	data, err := PNG(dr, s)
	return data, s.Warnings, err
}
