// Package report holds one unit's 政府信息公开工作年度报告: the model the
// editor binds to, the project file it is saved in (docs/report-file.md) and
// the evaluation of its format's rules over it.
package report

import (
	"encoding/json"
	"time"

	"nianbao/forms/value"
)

// Extension is the file name extension of report files.
const Extension = ".nianbao"

// Unit is the reporting organ.
type Unit struct {
	Name string `json:"name"`
	// Kind is one of format.UnitKinds.
	Kind string `json:"kind"`
}

// Preface holds the contact details printed in the report's opening.
type Preface struct {
	Address  string `json:"address,omitempty"`
	Postcode string `json:"postcode,omitempty"`
	Phone    string `json:"phone,omitempty"`
	Website  string `json:"website,omitempty"`
	// Text is the opening paragraph as written, for a report imported
	// from a published one: printed instead of the generated opening.
	Text string `json:"text,omitempty"`
}

// Closing is the signature at the end of the report.
type Closing struct {
	Organ string `json:"organ,omitempty"`
	Date  string `json:"date,omitempty"` // YYYY-MM-DD
}

// Uncertainty is why an imported cell's value is not certain, and the
// readings it could have (as stored: "12", "/").
type Uncertainty struct {
	Reason     string   `json:"reason"`
	Candidates []string `json:"candidates,omitempty"`
}

// Report is one year's report of one unit.
type Report struct {
	Format  string  // format ID
	Year    int     // the report year (the year reported on)
	Unit    Unit    // who reports
	Preface Preface // contact details
	// Texts maps text section IDs to their texts.
	Texts map[string]string
	// Headings maps section IDs to reworded headings (formats with editable
	// headings only).
	Headings map[string]string
	// Sections is the report's own list of text sections, where the format
	// lets the clerk edit it (Doc.SectionsEditable); nil for the format's.
	Sections []SectionEntry
	// Cells maps cell IDs to values. Blank cells are absent.
	Cells map[string]value.Value
	// Units maps money cells with a choice of unit to the chosen unit.
	Units map[string]string
	// TypedTotals keeps totals as typed and checks them instead of computing
	// them, for checking someone else's report.
	TypedTotals bool
	Closing     Closing
	// Prev is last year's report file, relative to this report's folder when
	// it was saved there; empty when none is linked.
	Prev string
	// Consolidation is the workspace of a consolidated report (汇总), whose
	// input cells are sums over the units' reports; nil for a unit's own
	// report.
	Consolidation *Consolidation
	// Uncertain marks cells read from a published report that the reader
	// could not read with certainty, until the clerk confirms or sets them.
	Uncertain map[string]Uncertainty
	// Saved is when the file was last saved, as it says; zero if unknown.
	Saved time.Time

	// invalid keeps the stored text of cells that could not be read as their
	// kind, and unknown the cells the format does not have, so that saving
	// never drops what a file held.
	invalid map[string]string
	unknown map[string]string
	// extra keeps keys of the file this version does not know, by object
	// ("" for the top level, else "unit", "preface", "closing").
	extra map[string]map[string]json.RawMessage
}

// New returns an empty report.
func New(formatID string, year int, unit Unit) *Report {
	return &Report{
		Format:   formatID,
		Year:     year,
		Unit:     unit,
		Texts:    map[string]string{},
		Headings: map[string]string{},
		Cells:    map[string]value.Value{},
		Units:    map[string]string{},
	}
}
