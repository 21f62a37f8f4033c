// Package cellmap writes and reads the very hidden sheet of a nianbao
// workbook that says what the workbook holds: its format and year, and the
// address of every report cell and fillable field. The XLSX writer writes
// it; an importer of filled templates reads it back with Open and Read,
// which take outside files and are bounded in size and time.
//
// The sheet has three columns — what a row is, its key, its value:
//
//	meta   type      nianbao-workbook
//	meta   version   1
//	meta   format    2021
//	meta   year      2025
//	meta   template  1
//	cell   t3.new.natural          '表三'!B9
//	field  unit.name               '填报信息'!B3
//	unit   t2.procurement.amount   万元
package cellmap

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"nianbao/forms/l10n"
)

// Sheet is the name of the map sheet.
const Sheet = "_nianbao"

// Version is the version of the map's layout this package writes and reads.
const Version = 1

// Row kinds.
const (
	kindMeta  = "meta"
	kindCell  = "cell"
	kindField = "field"
	kindUnit  = "unit"
	typeName  = "nianbao-workbook"
)

// The fields of the unit and its contact details, as keys of Map.Fields.
const (
	UnitName        = "unit.name"
	UnitKind        = "unit.kind" // holds the kind's name (unitkind.Kind.Name)
	ContactAddress  = "contact.address"
	ContactPostcode = "contact.postcode"
	ContactPhone    = "contact.phone"
	ContactWebsite  = "contact.website"
)

// Fields lists the field keys in the order the workbook offers them.
var Fields = []string{UnitName, UnitKind, ContactAddress, ContactPostcode, ContactPhone, ContactWebsite}

// Limits on what Open and Read accept: a nianbao workbook is about 50 KB
// and maps a few hundred cells.
const (
	MaxFileSize = 8 << 20  // bytes of the .xlsx file
	maxUnzipped = 32 << 20 // bytes of all its parts unpacked
	maxXMLPart  = 8 << 20  // bytes of one part kept in memory
	MaxRows     = 5000     // rows of the map sheet
	maxText     = 256      // characters of a key or value
)

// Ref is where a cell or field is in the workbook.
type Ref struct {
	Sheet string
	Cell  string // A1 notation
}

// String is the reference as the map sheet writes it: 'sheet'!A1.
func (r Ref) String() string {
	return "'" + strings.ReplaceAll(r.Sheet, "'", "''") + "'!" + r.Cell
}

// Map is what a workbook holds.
type Map struct {
	Format   string // the format's ID
	Year     int
	Template bool // written without values, for subordinate units to fill
	// Cells maps report cell IDs to their places.
	Cells map[string]Ref
	// Fields maps the keys in Fields to their places.
	Fields map[string]Ref
	// Units maps money cells that offer a choice of unit to the chosen one.
	Units map[string]string
}

// Write adds the map sheet to f, very hidden, listing cells, fields and
// units in the order of ids, Fields and unitIDs so that the file is the same
// every time.
func (m *Map) Write(f *excelize.File, ids []string) error {
	template := "0"
	if m.Template {
		template = "1"
	}
	rows := [][]string{
		{kindMeta, "type", typeName}, {kindMeta, "version", strconv.Itoa(Version)},
		{kindMeta, "format", m.Format}, {kindMeta, "year", strconv.Itoa(m.Year)},
		{kindMeta, "template", template},
	}
	for _, id := range ids {
		if r, ok := m.Cells[id]; ok {
			rows = append(rows, []string{kindCell, id, r.String()})
		}
	}
	for _, k := range Fields {
		if r, ok := m.Fields[k]; ok {
			rows = append(rows, []string{kindField, k, r.String()})
		}
	}
	for _, id := range ids {
		if u := m.Units[id]; u != "" {
			rows = append(rows, []string{kindUnit, id, u})
		}
	}
	if _, err := f.NewSheet(Sheet); err != nil {
		return err
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(Sheet, cell, &r); err != nil {
			return err
		}
	}
	return f.SetSheetVisible(Sheet, false, true)
}

// Open reads a workbook from r, refusing files over MaxFileSize and those
// that unpack to more than a nianbao workbook could (a zip bomb).
func Open(r io.Reader) (*excelize.File, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, l10n.Wrap(err, "cellmap.unreadable", "Detail", err.Error())
	}
	if len(data) > MaxFileSize {
		return nil, l10n.Errorf("cellmap.tooLarge", "MB", MaxFileSize>>20)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxXMLPart})
	if err != nil {
		return nil, l10n.Wrap(err, "cellmap.unreadable", "Detail", err.Error())
	}
	return f, nil
}

// Read reads the map sheet of f. Every reference must name a sheet of f
// and a valid cell; a workbook that is not a nianbao workbook, or of a
// newer layout, is refused with a Chinese message.
func Read(f *excelize.File) (*Map, error) {
	rows, err := f.Rows(Sheet)
	if err != nil {
		return nil, l10n.Errorf("cellmap.notNianbao")
	}
	defer rows.Close()
	m := &Map{Cells: map[string]Ref{}, Fields: map[string]Ref{}, Units: map[string]string{}}
	sheets := map[string]bool{}
	for _, s := range f.GetSheetList() {
		sheets[s] = true
	}
	meta := map[string]string{}
	for n := 1; rows.Next(); n++ {
		if n > MaxRows {
			return nil, l10n.Errorf("cellmap.tooManyRows", "Max", MaxRows)
		}
		cols, err := rows.Columns()
		if err != nil {
			return nil, l10n.Wrap(err, "cellmap.unreadable", "Detail", err.Error())
		}
		if len(cols) == 0 {
			continue
		}
		for len(cols) < 3 {
			cols = append(cols, "")
		}
		kind, key, val := cols[0], cols[1], cols[2]
		if len(key) > maxText || len(val) > maxText {
			return nil, l10n.Errorf("cellmap.badRow", "Row", n)
		}
		var dup bool
		switch kind {
		case kindMeta:
			_, dup = meta[key]
			meta[key] = val
		case kindCell, kindField:
			ref, ok := parseRef(val, sheets)
			if !ok || key == "" {
				return nil, l10n.Errorf("cellmap.badRow", "Row", n)
			}
			target := m.Cells
			if kind == kindField {
				target = m.Fields
			}
			_, dup = target[key]
			target[key] = ref
		case kindUnit:
			_, dup = m.Units[key]
			m.Units[key] = val
		default:
			continue // a row a later version added
		}
		if dup {
			return nil, l10n.Errorf("cellmap.badRow", "Row", n)
		}
	}
	if err := rows.Error(); err != nil {
		return nil, l10n.Wrap(err, "cellmap.unreadable", "Detail", err.Error())
	}
	if meta["type"] != typeName {
		return nil, l10n.Errorf("cellmap.notNianbao")
	}
	if v, err := strconv.Atoi(meta["version"]); err != nil || v < 1 || v > Version {
		return nil, l10n.Errorf("cellmap.newerVersion", "Version", meta["version"])
	}
	year, err := strconv.Atoi(meta["year"])
	if err != nil || meta["format"] == "" || (meta["template"] != "0" && meta["template"] != "1") {
		return nil, l10n.Errorf("cellmap.notNianbao")
	}
	m.Format, m.Year, m.Template = meta["format"], year, meta["template"] == "1"
	return m, nil
}

// parseRef reads 'sheet'!A1 where the sheet is one of sheets.
func parseRef(s string, sheets map[string]bool) (Ref, bool) {
	i := strings.LastIndex(s, "!")
	if i < 0 {
		return Ref{}, false
	}
	sheet, cell := s[:i], s[i+1:]
	if len(sheet) >= 2 && sheet[0] == '\'' && sheet[len(sheet)-1] == '\'' {
		sheet = strings.ReplaceAll(sheet[1:len(sheet)-1], "''", "'")
	}
	if !sheets[sheet] || sheet == Sheet {
		return Ref{}, false
	}
	col, row, err := excelize.CellNameToCoordinates(cell)
	if err != nil {
		return Ref{}, false
	}
	cell, _ = excelize.CoordinatesToCellName(col, row)
	return Ref{Sheet: sheet, Cell: cell}, true
}
