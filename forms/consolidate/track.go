package consolidate

import (
	"maps"
	"slices"
	"time"

	"nianbao/forms/l10n"
	"nianbao/forms/report"
	"nianbao/forms/unitkind"
	"nianbao/forms/value"
)

// track carries each unit's record from the workspace before this run
// (prev) into this one: a version seen for the first time is received
// (when its file was written, or now if that is later); a new version of a
// unit replaces the one before, which goes into the history with the
// cells it changed and the problems it fixed, and the review starts
// again. An approved (or published) unit keeps its locked version: a newer
// file waits (read again each run, taken once the approval is undone),
// and a file gone leaves the version approved on the board.
func (c *run) track(prev *report.Consolidation, now time.Time) {
	records := prev.ForReview().Records // the workspace before stays as it was
	before := map[string]report.UnitEntry{}
	for _, u := range prev.Units {
		if _, seen := before[unitkind.Normalize(u.Unit)]; !seen && u.SHA256 != "" && u.State != Refused && u.State != Duplicate {
			before[unitkind.Normalize(u.Unit)] = u
		}
	}
	got := map[string]bool{}
	for i := range c.entries {
		e := &c.entries[i]
		if e.rec == nil || e.rec.err != nil || e.State == Refused || e.State == Duplicate {
			continue
		}
		key := unitkind.Normalize(e.Unit)
		got[key] = true
		r := records[key]
		if r == nil {
			r = &report.UnitRecord{}
			records[key] = r
		}
		stamp := now
		if !e.rec.mtime.IsZero() && e.rec.mtime.Before(now) {
			stamp = e.rec.mtime
		}
		switch {
		case r.SHA256 == "":
			r.SHA256, r.File, r.Received = e.SHA256, e.File, stamp.Format(time.RFC3339)
		case r.SHA256 == e.SHA256:
			r.File = e.File // the same version, maybe moved
			if r.Waiting == e.File {
				r.Waiting = ""
			}
		case r.Locked != nil:
			r.Waiting = e.File
			c.lock(e, r, l10n.T("consolidate.lockedNewer", "File", e.File))
		default:
			c.replace(e, r, before[key], prev.Cells, stamp, now)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(records)) {
		if r := records[key]; r.Locked != nil && !got[key] {
			e := entry{}
			c.lock(&e, r, l10n.T("consolidate.lockedGone"))
			c.entries = append(c.entries, e)
		}
	}
	c.ws.Records = records
}

// lock puts a unit's locked version on the board in place of entry e:
// its entry as approved, its values in this run's cells.
func (c *run) lock(e *entry, r *report.UnitRecord, message string) {
	old := r.Locked.Entry
	cells := cellsOf(r.Locked.Cells, report.DecodeValues(old.Values, len(r.Locked.Cells)))
	path := ""
	if e.rec != nil {
		path = e.rec.path
	}
	e.UnitEntry = old
	e.Values = report.EncodeValues(c.values(cells))
	e.Message = message
	e.rec = &received{path: path, sum: old.SHA256, unit: old.Unit, kind: old.Kind, year: old.Year, format: old.Format,
		cells: cells, units: old.Units}
}

// replace records a unit's new version e: the one before (old, of the
// cells oldCells) goes into the history, the review starts again.
func (c *run) replace(e *entry, r *report.UnitRecord, old report.UnitEntry, oldCells []string, received, now time.Time) {
	sub := report.Submission{SHA256: r.SHA256, File: r.File, Received: r.Received, Review: r.Review, Reason: r.Reason,
		Replaced: now.Format(time.RFC3339)}
	if old.SHA256 == r.SHA256 && old.Format == e.Format {
		sub.Changed = changedCells(oldCells, old.Values, c.ws.Cells, e.Values)
		sub.Fixed = fixed(old.Problems, e.Problems)
	}
	r.History = append(r.History, sub)
	if n := len(r.History); n > report.MaxHistory {
		r.History = r.History[n-report.MaxHistory:]
	}
	r.SHA256, r.File, r.Received, r.Waiting = e.SHA256, e.File, received.Format(time.RFC3339), ""
	r.Review, r.Reason, r.Reviewed = "", "", ""
}

// changedCells lists the cells whose value differs between two versions'
// Values lists (each of its own cells), in the order of the newer cells.
func changedCells(oldCells []string, oldValues string, newCells []string, newValues string) []string {
	was := cellsOf(oldCells, report.DecodeValues(oldValues, len(oldCells)))
	now := cellsOf(newCells, report.DecodeValues(newValues, len(newCells)))
	var out []string
	show := func(v value.Value) string {
		if v.IsBlank() {
			return l10n.T("consolidate.blankValue")
		}
		return v.String()
	}
	for _, id := range newCells {
		a, b := was[id], now[id]
		if a.State != b.State || a.String() != b.String() {
			out = append(out, id+" "+show(a)+"→"+show(b))
			if len(out) == report.MaxChanged {
				break
			}
		}
	}
	return out
}

// fixed lists the problems of before that after no longer has.
func fixed(before, after []string) []string {
	var out []string
	for _, p := range before {
		if !slices.Contains(after, p) {
			out = append(out, p)
		}
	}
	return out
}
