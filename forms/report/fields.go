package report

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"nianbao/forms/l10n"
)

// Fields lists the keys SetField takes, in the order of the report.
var Fields = []string{
	"unit.name", "unit.kind",
	"preface.address", "preface.postcode", "preface.phone", "preface.website", "preface.text",
	"closing.organ", "closing.date", "typedTotals", "prev",
}

// SetField sets one of the report's non-table fields by key (see Fields);
// "units.CELL" chooses the unit of a money cell that offers a choice and
// "heading.SECTION" rewords a heading where the format allows it.
func (d *Doc) SetField(key, val string) error {
	if err := d.editable(); err != nil {
		return err
	}
	r := d.Report
	val = strings.TrimSpace(val)
	switch key {
	case "unit.name":
		r.Unit.Name = val
	case "unit.kind":
		k, err := d.reg.Kinds.ParseOrError(val)
		if err != nil {
			return err
		}
		r.Unit.Kind = k.ID
	case "preface.address":
		r.Preface.Address = val
	case "preface.postcode":
		r.Preface.Postcode = val
	case "preface.phone":
		r.Preface.Phone = val
	case "preface.text":
		r.Preface.Text = val
	case "preface.website":
		r.Preface.Website = val
	case "closing.organ":
		r.Closing.Organ = val
	case "closing.date":
		date, err := ParseDate(val)
		if err != nil {
			return err
		}
		r.Closing.Date = date
	case "closing.dateText":
		// As typed in the editor: kept even when not (yet) a date, and
		// reported by Evaluate, so that nothing typed is lost.
		if date, err := ParseDate(val); err == nil {
			val = date
		}
		r.Closing.Date = val
	case "typedTotals":
		b, err := strconv.ParseBool(val)
		if err != nil {
			return l10n.Errorf("report.badBool", "Key", key)
		}
		d.SetTypedTotals(b)
	case "prev":
		if val == "" {
			d.unlinkPrev()
			return nil
		}
		return d.LinkPrev(val)
	default:
		if id, ok := strings.CutPrefix(key, "units."); ok {
			return d.setUnit(id, val)
		}
		if id, ok := strings.CutPrefix(key, "heading."); ok {
			return d.setHeading(id, val)
		}
		return l10n.Errorf("report.noSuchField", "Key", key, "Keys", strings.Join(Fields, "、"))
	}
	return nil
}

// setHeading rewords the heading of a section whose format allows it; an
// empty heading restores the format's.
func (d *Doc) setHeading(id, heading string) error {
	if d.Report.Sections != nil && d.SectionsEditable() {
		// The report's own list: the title is the heading; an empty one
		// takes the format's back where the section is the format's.
		if s := d.Entry.Format.Section(id); heading == "" && s != nil {
			heading = s.Heading
		}
		return d.RenameSection(id, heading)
	}
	s := d.Entry.Format.Section(id)
	if s == nil || !s.HeadingEditable {
		return l10n.Errorf("report.headingFixed", "ID", id)
	}
	if heading == "" {
		delete(d.Report.Headings, id)
	} else {
		d.Report.Headings[id] = heading
	}
	return nil
}

func (d *Doc) setUnit(id, unit string) error {
	c, ok := d.Entry.Format.Cell(id)
	if !ok || len(c.Spec.Units) == 0 {
		return l10n.Errorf("report.noUnitChoice", "ID", id)
	}
	if !slices.Contains(c.Spec.Units, unit) {
		return l10n.Errorf("report.badUnit", "Unit", unit, "Units", strings.Join(c.Spec.Units, "、"))
	}
	d.Report.Units[id] = unit
	return nil
}

// SetTypedTotals switches between computed totals and typed totals. Going to
// typed totals fills the total cells with the values computed so far, so
// that nothing visible changes; going back drops the typed totals.
func (d *Doc) SetTypedTotals(on bool) {
	if d.ReadOnly {
		return
	}
	if on == d.Report.TypedTotals {
		return
	}
	res := d.Entry.Rules.Evaluate(d.Input())
	for i, c := range d.Entry.Format.Cells() {
		if !d.Entry.Rules.Computed(i) {
			continue
		}
		// Off: totals are computed again and not stored.
		delete(d.Report.Cells, c.ID)
		delete(d.Report.invalid, c.ID)
		if on && !res.Values[i].IsBlank() {
			d.Report.Cells[c.ID] = res.Values[i]
		}
	}
	d.Report.TypedTotals = on
}

var cnDate = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日$`)

// ParseDate reads a date as 2026-01-20, 2026/1/20 or 2026年1月20日 and
// returns it as YYYY-MM-DD.
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	norm := strings.ReplaceAll(s, "/", "-")
	if m := cnDate.FindStringSubmatch(s); m != nil {
		norm = m[1] + "-" + m[2] + "-" + m[3]
	}
	t, err := time.Parse("2006-1-2", norm)
	if err != nil {
		return "", l10n.Errorf("report.badDate", "Value", s)
	}
	return t.Format("2006-01-02"), nil
}
