// Package importer reads reports from files other programs made: filled
// XLSX templates (the workbook's cell map, export/xlsx/cellmap) and, by
// Open, the report files themselves, so that whoever receives files (the
// consolidation, `nianbao import`) reads any of them the same way. It
// never invents a number: a value it cannot read is kept as typed and
// reported by the rules as an error.
package importer

import (
	"bytes"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"nianbao/export/xlsx/cellmap"
	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/nbpkg"
	"nianbao/forms/registry"
	"nianbao/forms/report"
	"nianbao/forms/safefile"
)

// Kinds of file Open reads, by extension.
const (
	ExtXLSX = ".xlsx"
)

// Importable reports whether Import reads files named like path.
func Importable(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ExtXLSX, report.Extension, nbpkg.Extension, ".html", ".htm", ".docx", ".pdf", ".txt":
		return true
	}
	return false
}

// Readable reports whether Open reads files named like path.
func Readable(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == report.Extension || ext == ExtXLSX || ext == nbpkg.Extension
}

// MaxFileSize bounds the files Open reads.
const MaxFileSize = report.MaxFileSize

// ImportFile reads the file at path as Import does: only a regular file
// of at most MaxFileSize bytes.
func ImportFile(path string, reg *registry.Registry, h Hints) (*Result, error) {
	data, err := safefile.ReadLimited(path, MaxFileSize, "importer.tooLarge")
	if err != nil {
		return nil, err
	}
	return Import(path, data, reg, h)
}

// Read reads the content of the file at path as a report, by the file's
// extension. A report's link to last year's report is not followed: a
// file from elsewhere names paths of another machine. Errors are Chinese
// messages naming the file.
func Read(path string, data []byte, reg *registry.Registry) (*report.Doc, error) {
	var d *report.Doc
	var err error
	switch strings.ToLower(filepath.Ext(path)) {
	case ExtXLSX:
		d, err = XLSX(data, reg)
	case nbpkg.Extension:
		d, err = Package(data, reg)
	default:
		var r *report.Report
		if r, err = report.Unmarshal(data, reg); err == nil {
			d, err = report.Bind(r, reg)
			absoluteFiles(r, path)
		}
	}
	if err != nil {
		return nil, l10n.Wrap(err, "importer.failed", "Path", path, "Detail", err.Error())
	}
	return d, nil
}

// XLSX reads a filled nianbao workbook (the xlsx or xlsx-template export)
// as a new, unsaved report: the unit and its contact details from the
// fields, the money units chosen, and every input cell from its place.
// Totals in the workbook are never read: the engine computes them. A cell
// whose content is not a valid value is kept as typed (rule R6 reports it).
func XLSX(data []byte, reg *registry.Registry) (*report.Doc, error) {
	f, err := cellmap.Open(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := cellmap.Read(f)
	if err != nil {
		return nil, err
	}
	entry, ok := reg.Lookup(m.Format)
	if !ok {
		return nil, l10n.Errorf("report.unknownFormat", "Format", m.Format)
	}
	if err := report.ValidYear(m.Year); err != nil {
		return nil, err
	}
	d, err := report.Bind(report.New(entry.Format.ID, m.Year, report.Unit{}), reg)
	if err != nil {
		return nil, err
	}
	get := func(ref cellmap.Ref) string {
		s, _ := f.GetCellValue(ref.Sheet, ref.Cell, excelize.Options{RawCellValue: true})
		return strings.TrimSpace(s)
	}
	r := d.Report
	for key, ref := range m.Fields {
		val := get(ref)
		switch key {
		case cellmap.UnitName:
			r.Unit.Name = val
		case cellmap.UnitKind:
			if k, ok := reg.Kinds.Parse(val); ok {
				r.Unit.Kind = k.ID
			} else {
				r.Unit.Kind = val // reported as an unknown kind
			}
		case cellmap.ContactAddress:
			r.Preface.Address = val
		case cellmap.ContactPostcode:
			r.Preface.Postcode = val
		case cellmap.ContactPhone:
			r.Preface.Phone = val
		case cellmap.ContactWebsite:
			r.Preface.Website = val
		}
	}
	for id, u := range m.Units {
		d.SetField("units."+id, u) // a unit the cell does not offer stays unchosen
	}
	for id, ref := range m.Cells {
		c, ok := entry.Format.Cell(id)
		if !ok || entry.Rules.Computed(c.Index) {
			continue
		}
		if text := get(ref); text != "" {
			d.SetCellOrKeep(id, text)
		}
	}
	r.Closing.Organ = r.Unit.Name
	if props, err := f.GetDocProps(); err == nil {
		r.Saved, _ = time.Parse(time.RFC3339, props.Modified)
	}
	return d, nil
}

// absoluteFiles makes a 汇总's file names, relative to the folder it was
// read from, absolute: the report is saved elsewhere, which makes them
// relative to its new folder.
func absoluteFiles(r *report.Report, path string) {
	if r.Consolidation == nil {
		return
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return
	}
	for i, u := range r.Consolidation.Units {
		if f := filepath.FromSlash(u.File); f != "" && !filepath.IsAbs(f) {
			r.Consolidation.Units[i].File = filepath.ToSlash(filepath.Join(dir, f))
		}
	}
}

// Import reads the content of the file at path (named for messages and by
// its extension; "-" for text from standard input) as a report: a filled
// workbook or report file as they are, a text file as a published report.
func Import(path string, data []byte, reg *registry.Registry, h Hints) (*Result, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ExtXLSX, report.Extension, nbpkg.Extension:
		d, err := Read(path, data, reg)
		if err != nil {
			return nil, err
		}
		res := &Result{Doc: d, Year: d.Report.Year, Unit: d.Report.Unit.Name}
		for _, c := range d.Entry.Format.Cells() {
			if _, ok := d.Report.Cells[c.ID]; ok {
				res.Read++
			} else if c.Spec.Kind != format.Text && !d.Entry.Rules.Computed(c.Index) {
				res.Missing = append(res.Missing, c.ID)
			}
		}
		return res, nil
	case ".html", ".htm", ".docx", ".pdf":
		text, doubt, err := publishedText(ext, data)
		if err != nil {
			return nil, l10n.Wrap(err, "importer.failed", "Path", path, "Detail", err.Error())
		}
		res, err := Text(text, reg, h)
		if err != nil {
			return nil, l10n.Wrap(err, "importer.failed", "Path", path, "Detail", err.Error())
		}
		if doubt != "" {
			res.markAll(doubt)
		}
		return res, nil
	case ".txt", ".text", "":
		res, err := TextFile(data, reg, h)
		if err != nil {
			return nil, l10n.Wrap(err, "importer.failed", "Path", path, "Detail", err.Error())
		}
		return res, nil
	default:
		return nil, l10n.Errorf("importer.unsupported", "Path", path, "Ext", ext)
	}
}
