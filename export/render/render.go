// Package render writes a report to a file of a chosen kind: it builds the
// export Document and hands it to the writer of that kind, and writes the
// file atomically. The command line and the editor both export through it.
package render

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"nianbao/export"
	"nianbao/export/docx"
	"nianbao/export/html"
	"nianbao/export/infographic"
	"nianbao/export/pdf"
	"nianbao/export/txt"
	"nianbao/export/xlsx"
	"nianbao/forms/filelock"
	"nianbao/forms/l10n"
	"nianbao/forms/nbpkg"
	"nianbao/forms/report"
	"nianbao/forms/safefile"
)

// Kind is an output file type.
type Kind struct {
	Name      string // as given to nianbao export --to
	Extension string
	write     func(*report.Doc, *export.Document) ([]byte, []string, error)
	prepare   func()
	// plainBlanks prints blank cells as —, whatever the clerk chose: the
	// 报送包's PDF is read back and must show blanks as blanks.
	plainBlanks bool
	// family names the kinds that are one output in several file types
	// (the 图解 as PNG, SVG or PDF): For picks among them by extension.
	family string
}

// Prepare does beforehand what writing the kind will need and can be done
// beside loading the report: finding the system's fonts for a PDF.
func (k Kind) Prepare() {
	if k.prepare != nil {
		k.prepare()
	}
}

// Kinds lists the output file types.
var Kinds = []Kind{
	{Name: "pdf", Extension: ".pdf", write: func(_ *report.Doc, doc *export.Document) ([]byte, []string, error) {
		return pdf.Write(doc, pdf.Options{})
	}, prepare: func() { pdf.SystemFonts() }},
	{Name: "docx", Extension: ".docx", write: func(_ *report.Doc, doc *export.Document) ([]byte, []string, error) {
		opt := docx.Options{}
		if doc.WindowsFonts {
			opt.Fonts = docx.WindowsFonts
		}
		return noWarnings(docx.Write(doc, opt))
	}},
	{Name: "html", Extension: ".html", write: func(_ *report.Doc, doc *export.Document) ([]byte, []string, error) {
		return noWarnings(html.Page(doc))
	}},
	{Name: "fragment", Extension: ".fragment.html", write: func(_ *report.Doc, doc *export.Document) ([]byte, []string, error) {
		return noWarnings(html.Fragment(doc))
	}},
	{Name: "xlsx", Extension: ".xlsx", write: func(_ *report.Doc, doc *export.Document) ([]byte, []string, error) {
		return noWarnings(xlsx.Write(doc, xlsx.Options{}))
	}},
	{Name: "xlsx-template", Extension: ".template.xlsx", write: func(_ *report.Doc, doc *export.Document) ([]byte, []string, error) {
		return noWarnings(xlsx.Write(doc, xlsx.Options{Template: true}))
	}},
	{Name: "txt", Extension: ".txt", write: func(_ *report.Doc, doc *export.Document) ([]byte, []string, error) {
		return txt.Write(doc), nil, nil
	}},
	{Name: "package", Extension: nbpkg.Extension, write: writePackage, prepare: func() { pdf.SystemFonts() }, plainBlanks: true},
	infographicKind("infographic", ".图解.png", infographic.PNGFile),
	infographicKind("infographic-svg", ".图解.svg", infographic.SVGFile),
	infographicKind("infographic-pdf", ".图解.pdf", infographic.PDFFile),
}

// infographicKind is the 图解 as a file of type t.
func infographicKind(name, ext string, t infographic.FileType) Kind {
	return Kind{Name: name, Extension: ext, family: "infographic", prepare: func() { pdf.SystemFonts() },
		write: func(d *report.Doc, doc *export.Document) ([]byte, []string, error) {
			return infographic.Write(d, doc, t, pdf.Options{})
		}}
}

// For is the kind of k's family whose file type the extension of path
// names — the 图解 of "图解.svg" is an SVG — or k itself.
func (k Kind) For(path string) Kind {
	ext := strings.ToLower(filepath.Ext(path))
	for _, other := range Kinds {
		if k.family != "" && other.family == k.family && filepath.Ext(other.Extension) == ext {
			return other
		}
	}
	return k
}

// writePackage makes the 报送包 a unit sends: its report file and its PDF,
// with their manifest.
func writePackage(d *report.Doc, doc *export.Document) ([]byte, []string, error) {
	pdfData, warnings, err := pdf.Write(doc, pdf.Options{})
	if err != nil {
		return nil, nil, err
	}
	now, saved := time.Now(), d.Report.Saved
	if saved.IsZero() {
		saved = now // a report never saved: as of now
	}
	rep, err := d.Report.Marshal(saved) // as the unit saved it: a newer file of it stays the newer

	if err != nil {
		return nil, nil, err
	}
	r := d.Report
	data, err := nbpkg.Pack(nbpkg.Manifest{App: "nianbao " + report.AppVersion, Unit: r.Unit.Name, Year: r.Year, Format: r.Format}, rep, pdfData, now)
	return data, warnings, err
}

// Lookup returns the kind called name.
func Lookup(name string) (Kind, error) {
	name = strings.ToLower(strings.TrimPrefix(name, "."))
	if i := slices.IndexFunc(Kinds, func(k Kind) bool { return k.Name == name }); i >= 0 {
		return Kinds[i], nil
	}
	return Kind{}, l10n.Errorf("export.unknownKind", "Name", name, "Names", KindNames())
}

// KindNames lists the names of Kinds for messages: "pdf、docx、…".
func KindNames() string {
	var names []string
	for _, k := range Kinds {
		names = append(names, k.Name)
	}
	return strings.Join(names, "、")
}

// ForPath returns the kind whose extension path ends with, the longest
// that matches ("x.template.xlsx" is an xlsx-template), or false.
func ForPath(path string) (Kind, bool) {
	name := strings.ToLower(filepath.Base(path))
	best := -1
	for i, k := range Kinds {
		if strings.HasSuffix(name, k.Extension) && (best < 0 || len(k.Extension) > len(Kinds[best].Extension)) {
			best = i
		}
	}
	if best < 0 {
		return byType(name)
	}
	return Kinds[best], true
}

// byType is the only kind whose file type is the extension of name (a
// PNG is a 图解), or false.
func byType(name string) (Kind, bool) {
	var found []Kind
	for _, k := range Kinds {
		if ext := filepath.Ext(name); ext != "" && filepath.Ext(k.Extension) == ext {
			found = append(found, k)
		}
	}
	if len(found) != 1 {
		return Kind{}, false
	}
	return found[0], true
}

func noWarnings(data []byte, err error) ([]byte, []string, error) { return data, nil, err }

// Bytes renders the report d as kind, with warnings about what could not be
// rendered exactly (characters no font has).
func Bytes(d *report.Doc, kind Kind, opt export.Options) ([]byte, []string, error) {
	if kind.plainBlanks {
		opt.Blank = ""
	}
	return kind.write(d, export.Build(d, opt))
}

// File renders the report d as kind into path, atomically: a file open in
// Word or WPS, or a read-only folder, gives a Chinese message and the old
// file stays as it was. It returns the warnings of Bytes.
func File(d *report.Doc, kind Kind, path string, opt export.Options) ([]string, error) {
	if protected(path, d.Path) {
		return nil, l10n.Errorf("export.overReport", "Path", path)
	}
	data, warnings, err := Bytes(d, kind, opt)
	if err != nil {
		return nil, err
	}
	return warnings, safefile.Write(path, data, safefile.Options{})
}

// protected reports whether path is a file an export must not replace: a
// report file, by name or content, its backup or lock file, or the report
// being exported (reportPath) itself.
func protected(path, reportPath string) bool {
	name := strings.ToLower(filepath.Base(path))
	for _, suffix := range []string{report.Extension, report.Extension + safefile.BackupSuffix, report.Extension + filelock.Suffix} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return sameFile(path, reportPath) || sameFile(path, reportPath+safefile.BackupSuffix) || report.IsReportFile(path)
}

func sameFile(a, b string) bool {
	if b == "" {
		return false
	}
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

// NeedsCheckedReport reports whether exporting kind needs a report without
// errors (or the clerk's consent to a draft): every kind but the blank
// template, which carries no values.
func (k Kind) NeedsCheckedReport() bool { return k.Name != "xlsx-template" }

// DefaultPath is where an export of the report file at reportPath goes: the
// same folder and name, with the kind's extension.
func DefaultPath(reportPath string, kind Kind) string {
	return strings.TrimSuffix(reportPath, report.Extension) + kind.Extension
}
