package report

import (
	"path/filepath"
	"strings"

	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/registry"
	"nianbao/forms/rules"
	"nianbao/forms/value"
)

// Doc is a report bound to its format and rules, with the file it lives in
// and last year's report when one is linked. The command line and the
// editor work on Docs.
type Doc struct {
	Report *Report
	Entry  *registry.Entry
	// Path is the report's file; empty until first saved.
	Path string

	reg     *registry.Registry
	prev    map[string]value.Value // last year's cells, computed ones included
	prevErr error
}

// Bind binds r to its format in reg.
func Bind(r *Report, reg *registry.Registry) (*Doc, error) {
	e, ok := reg.Lookup(r.Format)
	if !ok {
		return nil, l10n.Errorf("report.unknownFormat", "Format", r.Format)
	}
	return &Doc{Report: r, Entry: e, reg: reg}, nil
}

// Open loads the report at path and, if it links last year's report, that
// one too. A missing or broken last-year file does not stop the opening; it
// shows up as a problem in Evaluate.
func Open(path string, reg *registry.Registry) (*Doc, error) {
	r, err := Load(path, reg)
	if err != nil {
		return nil, err
	}
	d, err := Bind(r, reg)
	if err != nil {
		return nil, err
	}
	d.Path = path
	if r.Prev != "" {
		d.loadPrev(d.resolve(r.Prev))
	}
	return d, nil
}

// resolve returns a path stored relative to the report's folder as usable.
func (d *Doc) resolve(p string) string {
	if filepath.IsAbs(p) || d.Path == "" {
		return p
	}
	return filepath.Join(filepath.Dir(d.Path), p)
}

func (d *Doc) loadPrev(path string) {
	d.prev, d.prevErr = nil, nil
	// Last year's own link is not followed: its values do not depend on it,
	// and a chain of links (or a file linking itself) is not walked.
	r, err := Load(path, d.reg)
	if err != nil {
		d.prevErr = err
		return
	}
	last, err := Bind(r, d.reg)
	if err != nil {
		d.prevErr = err
		return
	}
	d.prev = last.Values()
}

// LinkPrev links last year's report at path (R5 and other cross-year rules
// then apply) and returns its loading error, if any.
func (d *Doc) LinkPrev(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	d.Report.Prev = abs
	d.loadPrev(abs)
	return d.prevErr
}

// Input returns the rules' view of the report.
func (d *Doc) Input() rules.Input {
	cells := d.Entry.Format.Cells()
	vals := make([]value.Value, len(cells))
	for i := range cells {
		vals[i] = d.Report.Cells[cells[i].ID]
	}
	in := rules.Input{
		Values:      vals,
		Texts:       d.Report.Texts,
		UnitKind:    d.Report.Unit.Kind,
		TypedTotals: d.Report.TypedTotals,
	}
	if len(d.Report.invalid) > 0 {
		in.Invalid = make(map[string]string, len(d.Report.invalid))
		for id, text := range d.Report.invalid {
			in.Invalid[id] = l10n.T("report.storedInvalid", "Text", text)
		}
	}
	if d.prev != nil {
		in.Prev = func(id string) (value.Value, bool) {
			v, ok := d.prev[id]
			return v, ok
		}
	}
	return in
}

// Evaluate computes the totals and checks every rule.
func (d *Doc) Evaluate() rules.Result {
	res := d.Entry.Rules.Evaluate(d.Input())
	if d.prevErr != nil {
		res.Problems = append(res.Problems, rules.Problem{
			Rule: "prev", Severity: format.Warning,
			Message: l10n.T("report.prevUnavailable", "Detail", d.prevErr.Error()),
		})
	}
	return res
}

// Values returns every cell value by ID, computed cells included.
func (d *Doc) Values() map[string]value.Value {
	res := d.Entry.Rules.Evaluate(d.Input())
	out := make(map[string]value.Value, len(res.Values))
	for i, c := range d.Entry.Format.Cells() {
		out[c.ID] = res.Values[i]
	}
	return out
}

// SetCell sets a cell from what a clerk typed: "" clears it, "/" marks it
// 不适用, anything else must be a valid value for the cell. Computed cells
// take no input unless the report keeps typed totals.
func (d *Doc) SetCell(id, text string) error {
	c, ok := d.Entry.Format.Cell(id)
	if !ok {
		return l10n.Errorf("report.noSuchCell", "ID", id)
	}
	if d.Entry.Rules.Computed(c.Index) && !d.Report.TypedTotals {
		return l10n.Errorf("report.computedCell", "Cell", c.Label())
	}
	var v value.Value
	switch {
	case isBlankInput(text):
	case value.IsNAMark(text):
		v = value.NotApplicable
	case c.Spec.Kind == format.Text:
		v = value.Value{State: value.Text, Text: text}
	default:
		n, err := value.ParseInput(text, c.Spec.Input())
		if err != nil {
			return l10n.Wrap(err, "report.badCellValue", "Cell", c.Label(), "Detail", err.Error())
		}
		v = value.Of(n)
	}
	delete(d.Report.invalid, id)
	if v.IsBlank() {
		delete(d.Report.Cells, id)
	} else {
		d.Report.Cells[id] = v
	}
	return nil
}

func isBlankInput(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\u3000' && r != '\n' && r != '\r' {
			return false
		}
	}
	return true
}

// SetText sets the text of a text section.
func (d *Doc) SetText(sectionID, text string) error {
	s := d.Entry.Format.Section(sectionID)
	if s == nil || s.Kind != format.TextSection {
		return l10n.Errorf("report.noSuchSection", "ID", sectionID, "IDs", d.textSectionIDs())
	}
	if text == "" {
		delete(d.Report.Texts, sectionID)
	} else {
		d.Report.Texts[sectionID] = text
	}
	return nil
}

func (d *Doc) textSectionIDs() string {
	var ids []string
	for _, s := range d.Entry.Format.Sections {
		if s.Kind == format.TextSection {
			ids = append(ids, s.ID)
		}
	}
	return strings.Join(ids, "、")
}

// Save writes the report to path and makes it the Doc's file. A linked
// last-year report is stored relative to the new folder where possible.
func (d *Doc) Save(path string) error {
	prev := d.Report.Prev
	if prev != "" {
		abs := d.resolve(prev)
		if rel, err := filepath.Rel(filepath.Dir(path), abs); err == nil && filepath.IsAbs(abs) {
			d.Report.Prev = filepath.ToSlash(rel)
		}
	}
	if err := d.Report.Save(path); err != nil {
		d.Report.Prev = prev
		return err
	}
	d.Path = path
	return nil
}

// FromLastYear starts a report for year from last year's: the unit, its
// contact details and signing organ are taken over, last year's file is
// linked, and the cells of the format's carry rules (上年结转) are filled from
// last year's figures.
func FromLastYear(last *Doc, year int, entry *registry.Entry) (*Doc, error) {
	old := last.Report
	r := New(entry.Format.ID, year, old.Unit)
	r.Preface = old.Preface
	r.Closing.Organ = old.Closing.Organ
	d := &Doc{Report: r, Entry: entry, reg: last.reg}
	if last.Path != "" {
		if err := d.LinkPrev(last.Path); err != nil {
			return nil, err
		}
	}
	lastVals := last.Values()
	for _, c := range entry.Rules.Carries() {
		if entry.Rules.Computed(c.To) {
			continue // a total: computed from the carried cells
		}
		if v, ok := lastVals[c.From]; ok && !v.IsBlank() {
			r.Cells[entry.Format.Cells()[c.To].ID] = v
		}
	}
	return d, nil
}

// Heading returns a section's heading as the report prints it: reworded
// where the format allows it.
func (d *Doc) Heading(s *format.Section) string {
	if h := d.Report.Headings[s.ID]; h != "" && s.HeadingEditable {
		return h
	}
	return s.Heading
}
