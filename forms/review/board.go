package review

import (
	"strings"
	"time"

	"nianbao/forms/consolidate"
	"nianbao/forms/l10n"
	"nianbao/forms/report"
	"nianbao/forms/unitkind"
)

// Row is one unit on the board.
type Row struct {
	report.UnitEntry
	// Review, Reason and Reviewed are the office's review (see
	// report.UnitRecord); Received is when the version on the board came.
	Review, Reason string
	Reviewed       time.Time
	Received       time.Time
	// Due is the unit's deadline (zero when its kind has none); Overdue
	// marks a report received after it, or not received and due before
	// today.
	Due     time.Time
	Overdue bool
	// Versions counts the versions received, this one included.
	Versions int
}

// Reviewable tells a unit whose report came and was read, so that it can
// be reviewed: not missing, refused or a duplicate.
func Reviewable(r report.UnitEntry) bool {
	return r.File != "" && r.State != consolidate.Missing && r.State != consolidate.Refused && r.State != consolidate.Duplicate
}

// notReported tells a unit whose report has not come: none, or one of
// another year or format.
func notReported(e report.UnitEntry) bool {
	return e.State == consolidate.Missing || e.State == consolidate.WrongYear || e.State == consolidate.WrongFormat
}

// Label is how a review shows: 待审核, 已退回, 已审核, 已发布.
func Label(review string) string {
	if review == "" {
		review = "waiting"
	}
	return l10n.T("review.state." + review)
}

// Board lists the units of the workspace with their review and deadline,
// in the board's order; today decides what is overdue.
func Board(ws *report.Consolidation, kinds *unitkind.Set, year int, today time.Time) []Row {
	rows := make([]Row, 0, len(ws.Units))
	for _, e := range ws.Units {
		row := Row{UnitEntry: e}
		if r := ws.Records[unitkind.Normalize(e.Unit)]; r != nil && Reviewable(e) {
			row.Review, row.Reason = r.Review, r.Reason
			row.Reviewed, _ = time.Parse(time.RFC3339, r.Reviewed)
			row.Received, _ = time.Parse(time.RFC3339, r.Received)
			row.Versions = len(r.History) + 1
		}
		row.Due = Due(ws, kinds, e.Kind, year)
		if !row.Due.IsZero() {
			end := row.Due.AddDate(0, 0, 1) // the whole last day counts
			switch {
			case notReported(e):
				row.Overdue = !today.Before(end)
			case !row.Received.IsZero():
				row.Overdue = !row.Received.Before(end)
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// Due is the deadline of units of kind reporting on year: the workspace's
// own date for the kind, else the kind's; zero when neither says.
func Due(ws *report.Consolidation, kinds *unitkind.Set, kind string, year int) time.Time {
	if s, ok := ws.Deadlines[kind]; ok {
		if d, err := time.ParseInLocation(time.DateOnly, s, time.Local); err == nil {
			return d
		}
	}
	if k, ok := kinds.Lookup(kind); ok {
		if d, ok := k.DueDate(year); ok {
			return d
		}
	}
	return time.Time{}
}

// SetDeadline sets the workspace's deadline for a kind of unit; an empty
// date goes back to the kind's own.
func SetDeadline(ws *report.Consolidation, kinds *unitkind.Set, kind, date string) error {
	k, err := kinds.ParseOrError(kind)
	if err != nil {
		return err
	}
	if date == "" {
		delete(ws.Deadlines, k.ID)
		return nil
	}
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		return l10n.Errorf("review.badDate", "Value", date)
	}
	if ws.Deadlines == nil {
		ws.Deadlines = map[string]string{}
	}
	ws.Deadlines[k.ID] = date
	return nil
}

// Chase lists the units to chase (催报): those whose report has not come
// (未交, 逾期 once due; a report of another year or format counts as none)
// and those returned that have not sent it again, with the phone of their
// report or of the list.
func Chase(ws *report.Consolidation, rows []Row) []Row {
	phones := map[string]string{}
	for _, x := range ws.Expected {
		phones[unitkind.Normalize(x.Unit)] = x.Phone
	}
	var out []Row
	for _, r := range rows {
		if !notReported(r.UnitEntry) && r.Review != report.Returned {
			continue
		}
		if r.Phone == "" {
			r.Phone = phones[unitkind.Normalize(r.Unit)]
		}
		out = append(out, r)
	}
	return out
}

// Version is one version of a unit's report as its history tells it: the
// versions replaced, oldest first, then the one on the board.
type Version struct {
	report.Submission
	Current bool
}

// History lists the versions of unit's report received; nil when none
// came.
func History(ws *report.Consolidation, unit string) []Version {
	r := ws.Records[unitkind.Normalize(unit)]
	if r == nil {
		return nil
	}
	var out []Version
	for _, s := range r.History {
		out = append(out, Version{Submission: s})
	}
	return append(out, Version{Current: true, Submission: report.Submission{SHA256: r.SHA256, File: r.File,
		Received: r.Received, Review: r.Review, Reason: r.Reason}})
}

// Text is a version as the officer reads it: when it came, from which
// file, its review, and what the next one changed and fixed.
func (v Version) Text() string {
	var b strings.Builder
	when, _ := time.Parse(time.RFC3339, v.Received)
	b.WriteString(l10n.T("review.version", "Time", stamp(when), "File", v.File, "Review", Label(v.Review)))
	if v.Current {
		b.WriteString(l10n.T("review.versionCurrent"))
	}
	if v.Reason != "" {
		b.WriteString("\n  " + l10n.T("review.versionReason", "Reason", strings.ReplaceAll(v.Reason, "\n", "；")))
	}
	if len(v.Changed) > 0 {
		b.WriteString("\n  " + l10n.T("review.versionChanged", "Cells", strings.Join(v.Changed, "，")))
	}
	if len(v.Fixed) > 0 {
		b.WriteString("\n  " + l10n.T("review.versionFixed", "Problems", strings.Join(v.Fixed, "；")))
	}
	return b.String()
}
