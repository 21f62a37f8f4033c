package importer

import (
	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/pdftext"
	"nianbao/forms/report"
)

// publishedText is the text of a published report's page, Word document
// or PDF as Text reads it, and why every cell read from it must be
// checked ("" when none need be): a scan's recognized text, a PDF read in
// part.
func publishedText(ext string, data []byte) (text, doubt string, err error) {
	switch ext {
	case ".docx":
		text, err = DocxText(data)
	case ".pdf":
		var doc *pdftext.Document
		if doc, err = pdftext.Read(data); err == nil {
			text = doc.Text
			switch {
			case doc.Recognized:
				doubt = l10n.T("importer.recognized")
			case doc.Partial:
				doubt = l10n.T("importer.partial")
			}
		} else if pdftext.NoText(err) {
			err = notAReport{err}
		}
	default:
		text, err = HTMLText(data)
	}
	return text, doubt, err
}

// markAll marks every cell read as uncertain for reason: text recognized
// from a scan may misread any digit.
func (res *Result) markAll(reason string) {
	r := res.Doc.Report
	for _, c := range res.Doc.Entry.Format.Cells() {
		if _, ok := r.Cells[c.ID]; !ok || c.Spec.Kind == format.Text {
			continue
		}
		if _, marked := r.Uncertain[c.ID]; marked {
			continue
		}
		if r.Uncertain == nil {
			r.Uncertain = map[string]report.Uncertainty{}
		}
		r.Uncertain[c.ID] = report.Uncertainty{Reason: reason}
		res.Read--
	}
}

// notAReport is why a file holds no report (a scan without text), an
// ErrNotAReport that says so.
type notAReport struct{ error }

func (e notAReport) Is(target error) bool { return target == ErrNotAReport }

func (e notAReport) Unwrap() error { return e.error }
