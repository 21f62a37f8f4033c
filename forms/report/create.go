package report

import (
	"strings"

	"nianbao/forms/l10n"
	"nianbao/forms/registry"
)

// Spec says what report Create makes.
type Spec struct {
	Year int
	// Unit is the unit's name; empty keeps last year's.
	Unit string
	// Kind is a unit kind as the registry's Kinds parse it (ID or name);
	// empty keeps last year's, or is department.
	Kind string
	// FormatID is the format's ID; empty for the official format of Year.
	FormatID string
	// From is last year's report to start from (FromLastYear), or nil.
	From *Doc
}

// Create makes a new, unsaved report as spec says: the one way the command
// line and the editor start a report. The signing organ defaults to the
// unit.
func Create(reg *registry.Registry, spec Spec) (*Doc, error) {
	if err := ValidYear(spec.Year); err != nil {
		return nil, err
	}
	entry, err := FormatFor(reg, spec.FormatID, spec.Year)
	if err != nil {
		return nil, err
	}
	var d *Doc
	if spec.From != nil {
		if d, err = FromLastYear(spec.From, spec.Year, entry); err != nil {
			return nil, err
		}
	} else if d, err = Bind(New(entry.Format.ID, spec.Year, Unit{Kind: "department"}), reg); err != nil {
		return nil, err
	}
	if name := strings.TrimSpace(spec.Unit); name != "" {
		d.Report.Unit.Name = name
	}
	if spec.Kind != "" {
		if err := d.SetField("unit.kind", spec.Kind); err != nil {
			return nil, err
		}
	}
	if d.Report.Closing.Organ == "" {
		d.Report.Closing.Organ = d.Report.Unit.Name
	}
	return d, nil
}

// FormatFor returns the format named by id, or the official one for year
// when id is empty.
func FormatFor(reg *registry.Registry, id string, year int) (*registry.Entry, error) {
	if id == "" {
		return reg.ForYear(year)
	}
	entry, ok := reg.Lookup(id)
	if !ok {
		return nil, l10n.Errorf("cli.unknownFormat", "ID", id, "IDs", reg.IDs())
	}
	return entry, nil
}
