package importer

import (
	"strings"

	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/nbpkg"
	"nianbao/forms/registry"
	"nianbao/forms/report"
	"nianbao/forms/unitkind"
	"nianbao/forms/value"
)

// maxMismatches bounds the cells a message about a PDF that disagrees
// with its data names.
const maxMismatches = 3

// Package reads a 报送包 (nbpkg): its parts verified against the
// manifest, the report loaded and checked against the manifest's unit,
// year and format, and its PDF read back (the PDF reader of published
// reports) and compared with the data — every number and every part's
// text — so that a PDF altered to say other things, or another unit's,
// is refused with where it differs. The manifest's hashes are no
// signature: they catch damage and a part swapped, the comparison catches
// a PDF edited to differ from the data. Errors are Chinese messages.
func Package(data []byte, reg *registry.Registry) (*report.Doc, error) {
	p, err := nbpkg.Open(data)
	if err != nil {
		return nil, err
	}
	r, err := report.Unmarshal(p.Report, reg)
	if err != nil {
		return nil, l10n.Wrap(err, "nbpkg.badReport", "Detail", err.Error())
	}
	if m := p.Manifest; unitkind.Normalize(m.Unit) != unitkind.Normalize(r.Unit.Name) || m.Year != r.Year || m.Format != r.Format {
		return nil, l10n.Errorf("nbpkg.manifestOther")
	}
	d, err := report.Bind(r, reg)
	if err != nil {
		return nil, err
	}
	if err := samePDF(d, p.PDF, reg); err != nil {
		return nil, err
	}
	return d, nil
}

// samePDF refuses a PDF whose unit, year, numbers or texts are not the
// report's: each number the report holds must be read from the PDF as it
// is, each part's text must be the PDF's (spacing aside).
func samePDF(d *report.Doc, pdf []byte, reg *registry.Registry) error {
	text, _, err := publishedText(".pdf", pdf)
	if err != nil {
		return l10n.Wrap(err, "nbpkg.pdfUnreadable", "Detail", err.Error())
	}
	res, err := Text(text, reg, Hints{FormatID: d.Report.Format})
	if err != nil {
		return l10n.Wrap(err, "nbpkg.pdfUnreadable", "Detail", err.Error())
	}
	if unitkind.Normalize(res.Unit) != unitkind.Normalize(d.Report.Unit.Name) || res.Year != d.Report.Year {
		return l10n.Errorf("nbpkg.pdfOtherReport", "Unit", res.Unit, "Year", res.Year)
	}
	want, got := d.Values(), res.Doc.Values()
	var diffs []string
	n := 0
	differ := func(what string) {
		if n++; n <= maxMismatches {
			diffs = append(diffs, what)
		}
	}
	for _, c := range d.Entry.Format.Cells() {
		w, g := want[c.ID], got[c.ID]
		if w.State != g.State || w.String() != g.String() {
			differ(l10n.T("nbpkg.diff", "Cell", c.Label(), "PDF", shown(g), "Data", shown(w)))
		}
	}
	mine, read := partTexts(d), partTexts(res.Doc)
	for i, p := range mine {
		if i >= len(read) || p.text != read[i].text {
			differ(l10n.T("nbpkg.textDiff", "Section", p.heading))
			break // the parts after may just be shifted
		}
	}
	if n > 0 {
		return l10n.Errorf("nbpkg.pdfDiffers", "Diffs", strings.Join(diffs, "；"), "Count", n)
	}
	return nil
}

// partText is a text part's heading and its text without white space.
type partText struct{ heading, text string }

// partTexts lists a report's text parts in order (a pre-2019 report's own
// parts have no fixed IDs to compare by).
func partTexts(d *report.Doc) []partText {
	var out []partText
	for _, s := range d.Sections() {
		if s.Kind == format.TextSection {
			out = append(out, partText{d.Heading(s), squeeze(d.Report.Texts[s.ID])})
		}
	}
	return out
}

// shown is a value as a message shows it: a blank as 空.
func shown(v value.Value) string {
	if v.IsBlank() {
		return l10n.T("consolidate.blankValue")
	}
	return v.String()
}

// squeeze is a text without its white space, as two layouts of it agree.
func squeeze(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u3000", " ")), "")
}
