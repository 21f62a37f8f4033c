package report

import (
	"maps"
	"nianbao/forms/unitkind"
	"slices"
	"strings"

	"nianbao/forms/format"

	"nianbao/forms/value"
)

// Consolidation is the workspace of a consolidated report (汇总): the
// units expected and received and what each contributed. It is stored in
// the report file under "consolidation" (docs/consolidation.md); package
// consolidate fills it, and the report's input cells hold the sums.
type Consolidation struct {
	// IncludeErrors adds units whose reports have errors or blank cells to
	// the sums, not only those in state ok or warnings.
	IncludeErrors bool `json:"includeErrors,omitempty"`
	// Expected lists the units expected to report.
	Expected []ExpectedUnit `json:"expected"`
	// Learnt marks a list learnt from the files received, not given: it
	// grows with the units that send files, until a list is given.
	Learnt bool `json:"learnt,omitempty"`
	// Cells are the input cells summed, in the format's order: the
	// positions of every Values list.
	Cells []string `json:"cells"`
	// Units are the files received and the expected units missing, in the
	// board's order.
	Units []UnitEntry `json:"units"`
	// ByKind holds the sums per unit kind, as Values lists.
	ByKind map[string]string `json:"byKind,omitempty"`
	// Overflow lists the cells whose sum is too large to be a value; they
	// are left blank and reported.
	Overflow []string `json:"overflow,omitempty"`
	// MixedUnits lists the money cells whose amounts are in units that
	// cannot be converted to one (a unit not chosen); left blank, reported.
	MixedUnits []string `json:"mixedUnits,omitempty"`
	// Updated is when the sums were last made (RFC 3339).
	Updated string `json:"updated,omitempty"`
	// Records are the office's own record of each unit that sent a file,
	// by its normalized name (unitkind.Normalize): when its version was
	// received, the review (退回, 已审核, 已发布) and the versions before.
	// They outlive the board, which each run makes anew from the files.
	Records map[string]*UnitRecord `json:"records,omitempty"`
	// Deadlines are this consolidation's own deadlines by unit kind ID
	// (YYYY-MM-DD), over the kinds' own (unitkind.Kind.Due).
	Deadlines map[string]string `json:"deadlines,omitempty"`
}

// The reviews of a unit's report, in the order they are given.
const (
	Returned  = "returned"  // 退回: the unit must correct and send again
	Approved  = "approved"  // 已审核: the version received is locked
	Published = "published" // 已发布 in the portal's 年报专栏
)

// UnitRecord is what the office knows of one unit beyond its file.
type UnitRecord struct {
	// SHA256 and File name the version received now (for an approved
	// unit, the version approved), Received when it first came.
	SHA256   string `json:"sha256,omitempty"`
	File     string `json:"file,omitempty"`
	Received string `json:"received,omitempty"` // RFC 3339
	// Review is "", Returned, Approved or Published; Reason says why it
	// was returned; Reviewed is when the review was given (RFC 3339).
	Review   string `json:"review,omitempty"`
	Reason   string `json:"reason,omitempty"`
	Reviewed string `json:"reviewed,omitempty"`
	// History lists the versions replaced, oldest first.
	History []Submission `json:"history,omitempty"`
	// Locked is the version approved, kept while the review stands: its
	// board entry and the cells its values are of. A newer file, or none,
	// does not replace it.
	Locked *LockedVersion `json:"locked,omitempty"`
	// Waiting names a newer file that came while the version was locked,
	// read again at every run and taken once the approval is undone.
	Waiting string `json:"waiting,omitempty"`
}

// LockedVersion is a unit's version approved: its board entry, whose
// Values are of Cells.
type LockedVersion struct {
	Entry UnitEntry `json:"entry"`
	Cells []string  `json:"cells"`
}

// Submission is a version of a unit's report that a later one replaced.
type Submission struct {
	SHA256   string `json:"sha256"`
	File     string `json:"file,omitempty"`
	Received string `json:"received,omitempty"`
	// Review and Reason are the review the version had when replaced.
	Review string `json:"review,omitempty"`
	Reason string `json:"reason,omitempty"`
	// Replaced is when the next version came; Changed lists the cells
	// whose values the next version changed ("t3.new.total 12→13"), Fixed
	// the problems it no longer has.
	Replaced string   `json:"replaced,omitempty"`
	Changed  []string `json:"changed,omitempty"`
	Fixed    []string `json:"fixed,omitempty"`
}

// NextList is the list of units a 汇总 hands on to next year's: its own,
// with the phone each unit's report gave (to chase those that are late).
func (c *Consolidation) NextList() []ExpectedUnit {
	phones := map[string]string{}
	for _, u := range c.Units { // the versions kept come before those set aside
		if k := unitkind.Normalize(u.Unit); u.Phone != "" && phones[k] == "" {
			phones[k] = u.Phone
		}
	}
	out := slices.Clone(c.Expected)
	for i, x := range out {
		if p := phones[unitkind.Normalize(x.Unit)]; p != "" {
			out[i].Phone = p
		}
	}
	return out
}

// ForReview returns a copy of the workspace whose records and deadlines
// may change without changing c (the rest is shared: a consolidation run
// makes a new workspace whole). The editor tells a changed 汇总 by a new
// workspace, so every change goes through a copy.
func (c *Consolidation) ForReview() *Consolidation {
	next := *c
	next.Records = make(map[string]*UnitRecord, len(c.Records))
	for k, r := range c.Records {
		if r == nil {
			continue
		}
		copied := *r
		copied.History = slices.Clone(r.History)
		next.Records[k] = &copied
	}
	next.Deadlines = maps.Clone(c.Deadlines)
	return &next
}

// Bounds of a unit's record: versions kept, changed cells listed a
// version.
const (
	MaxHistory = 20
	MaxChanged = 200
)

// ExpectedUnit is a unit on the list of those expected to report.
type ExpectedUnit struct {
	Unit string `json:"unit"`
	Kind string `json:"kind"`
	// Phone is the unit's contact phone where known (from last year's
	// 汇总), for chasing a report not received.
	Phone string `json:"phone,omitempty"`
}

// UnitEntry is one unit's place on the board: its file, its state and the
// values it contributes.
type UnitEntry struct {
	// File is the file received, relative to the report's folder where
	// possible; empty for a missing unit.
	File   string `json:"file,omitempty"`
	SHA256 string `json:"sha256,omitempty"`
	Unit   string `json:"unit"`
	Kind   string `json:"kind"`
	Year   int    `json:"year,omitempty"`
	Format string `json:"format,omitempty"`
	// Saved is when the unit saved its file (RFC 3339), if known.
	Saved string `json:"saved,omitempty"`
	// State is the first that applies of the states in package
	// consolidate (refused, duplicate, … ok, missing).
	State    string `json:"state"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
	Blanks   int    `json:"blanks"`
	// Message says why a file was refused, or what else the officer should
	// know about it.
	Message string `json:"message,omitempty"`
	// Included marks the units whose values are in the sums.
	Included bool `json:"included,omitempty"`
	// Values are the unit's values of Consolidation.Cells (EncodeValues).
	Values string `json:"values,omitempty"`
	// Units are the units the unit chose for money cells that offer a
	// choice: its Values are in them.
	Units map[string]string `json:"units,omitempty"`
	// Members are the units a received 汇总 sums, at any depth, so that a
	// 汇总 receiving this one finds a unit counted twice.
	Members []string `json:"members,omitempty"`
	// CountedTwice names the received 汇总 that sums this unit too, when
	// both are in the sums.
	CountedTwice string `json:"countedTwice,omitempty"`
	// Problems are the report's problems as the check words them (at most
	// MaxProblems): the reasons offered when it is returned, and what a
	// next version fixed.
	Problems []string `json:"problems,omitempty"`
	// Phone is the contact phone the report gives.
	Phone string `json:"phone,omitempty"`
}

// MaxProblems bounds the problems a board entry keeps.
const MaxProblems = 50

// valueSep separates the values of a Values list. Number cells hold
// decimals, "/" or nothing, so it never occurs in one.
const valueSep = ","

// EncodeValues writes values as one compact string, "12,0,/,,3.50", so
// that a thousand units' values stay small in the file.
func EncodeValues(vals []value.Value) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		if v.State == value.Number || v.State == value.NA {
			parts[i] = v.String()
		}
	}
	return strings.TrimRight(strings.Join(parts, valueSep), valueSep)
}

// DecodeValues reads a Values list of n cells; entries past n and entries
// that are not values are blank, so that a hand-edited file never invents
// a number.
func DecodeValues(s string, n int) []value.Value {
	out := make([]value.Value, n)
	for i := 0; i < n && s != ""; i++ {
		var part string
		part, s, _ = strings.Cut(s, valueSep)
		out[i] = decodeValue(part)
	}
	return out
}

// ValueAt reads entry i of a Values list alone, as DecodeValues reads it:
// for looking up one cell of many units without reading all their cells.
func ValueAt(s string, i int) value.Value {
	for ; i > 0 && s != ""; i-- {
		_, s, _ = strings.Cut(s, valueSep)
	}
	part, _, _ := strings.Cut(s, valueSep)
	return decodeValue(part)
}

func decodeValue(part string) value.Value {
	switch {
	case part == value.NAMark:
		return value.NotApplicable
	case part != "":
		if v, err := value.ParseValue(part); err == nil {
			return v
		}
	}
	return value.Value{}
}

// SummableCells returns the cells a consolidation sums: the format's input
// cells that hold numbers. Totals are computed from them, never summed.
func (d *Doc) SummableCells() []string {
	var ids []string
	for _, c := range d.Entry.Format.Cells() {
		if c.Spec.Kind != format.Text && !d.Entry.Rules.Computed(c.Index) {
			ids = append(ids, c.ID)
		}
	}
	return ids
}
