package importer

import (
	"strings"

	"nianbao/forms/l10n"
	"nianbao/forms/nbpkg"
	"nianbao/forms/registry"
	"nianbao/forms/report"
	"nianbao/forms/unitkind"
)

// maxMismatches bounds the cells a message about a PDF that disagrees
// with its data names.
const maxMismatches = 3

// Package reads a 报送包 (nbpkg): its parts verified against the
// manifest, the report loaded, and its PDF read back (the PDF reader of
// published reports) and compared with the data, so that a PDF altered
// to say other numbers — or another unit's — is refused with where it
// differs. Errors are Chinese messages.
func Package(data []byte, reg *registry.Registry) (*report.Doc, error) {
	p, err := nbpkg.Open(data)
	if err != nil {
		return nil, err
	}
	r, err := report.Unmarshal(p.Report, reg)
	if err != nil {
		return nil, l10n.Wrap(err, "nbpkg.badReport", "Detail", err.Error())
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

// samePDF refuses a PDF whose unit, year or numbers are not the report's.
func samePDF(d *report.Doc, pdf []byte, reg *registry.Registry) error {
	text, _, err := publishedText(".pdf", pdf)
	if err != nil {
		return l10n.Wrap(err, "nbpkg.pdfUnreadable", "Detail", err.Error())
	}
	res, err := Text(text, reg, Hints{FormatID: d.Report.Format})
	if err != nil {
		return l10n.Wrap(err, "nbpkg.pdfUnreadable", "Detail", err.Error())
	}
	if res.Unit != "" && unitkind.Normalize(res.Unit) != unitkind.Normalize(d.Report.Unit.Name) ||
		res.Year != 0 && res.Year != d.Report.Year {
		return l10n.Errorf("nbpkg.pdfOtherReport", "Unit", res.Unit, "Year", res.Year)
	}
	want, got := d.Values(), res.Doc.Values()
	var diffs []string
	n := 0
	for _, c := range d.Entry.Format.Cells() {
		if _, read := res.Doc.Report.Cells[c.ID]; !read {
			continue // not printed, or not read: nothing to compare
		}
		if w, g := want[c.ID], got[c.ID]; w.State != g.State || w.String() != g.String() {
			if n++; n <= maxMismatches {
				diffs = append(diffs, l10n.T("nbpkg.diff", "Cell", c.Label(), "PDF", g.String(), "Data", w.String()))
			}
		}
	}
	if n > 0 {
		return l10n.Errorf("nbpkg.pdfDiffers", "Diffs", strings.Join(diffs, "；"), "Count", n)
	}
	return nil
}
