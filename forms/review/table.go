package review

import (
	"time"

	"nianbao/forms/l10n"
	"nianbao/forms/report"
	"nianbao/forms/unitkind"
)

// BoardTable is the board as a table for the leadership (a workbook): a
// header and a row a unit.
func BoardTable(rows []Row, kinds *unitkind.Set) (header []string, table [][]any) {
	header = columns("unit", "kind", "state", "review", "reason", "received", "due", "overdue", "errors", "warnings", "blanks", "versions", "file", "message")
	for _, r := range rows {
		review := ""
		if Reviewable(r.UnitEntry) {
			review = Label(r.Review)
		}
		table = append(table, []any{r.Unit, kinds.Name(r.Kind), l10n.T("state." + r.State), review, r.Reason,
			stamp(r.Received), day(r.Due), yes(r.Overdue), r.Errors, r.Warnings, r.Blanks, r.Versions, r.File, r.Message})
	}
	return header, table
}

// ChaseTable is the list of units to chase (Chase) as a table.
func ChaseTable(rows []Row, kinds *unitkind.Set) (header []string, table [][]any) {
	header = columns("unit", "kind", "situation", "due", "overdue", "phone", "reason")
	for _, r := range rows {
		table = append(table, []any{r.Unit, kinds.Name(r.Kind), situation(r), day(r.Due), yes(r.Overdue), r.Phone, r.Reason})
	}
	return header, table
}

// situation is why a unit is chased: not received (or of another year
// or format), or returned.
func situation(r Row) string {
	if notReported(r.UnitEntry) {
		return l10n.T("state." + r.State)
	}
	return Label(report.Returned)
}

func columns(ids ...string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = l10n.T("review.col." + id)
	}
	return out
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04")
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func yes(b bool) string {
	if b {
		return l10n.T("review.yes")
	}
	return ""
}

// Sheet is what a workbook of the board holds: its sheet's name, header
// and rows — the board, or (chase) the units to chase among rows.
func Sheet(ws *report.Consolidation, rows []Row, kinds *unitkind.Set, chase bool) (name string, header []string, table [][]any) {
	if chase {
		header, table = ChaseTable(Chase(ws, rows), kinds)
		return l10n.T("review.chaseSheet"), header, table
	}
	header, table = BoardTable(rows, kinds)
	return l10n.T("review.sheet"), header, table
}

// Returned finds the row of unit among rows when its report was returned.
func Returned(rows []Row, unit string) (Row, bool) {
	for _, r := range rows {
		if r.Review == report.Returned && unitkind.Normalize(r.Unit) == unitkind.Normalize(unit) {
			return r, true
		}
	}
	return Row{}, false
}
