package consolidate

import (
	"slices"
	"time"

	"nianbao/forms/l10n"
	"nianbao/forms/report"
	"nianbao/forms/unitkind"
	"nianbao/forms/value"
)

// maxChanged bounds the changed cells a version's history lists.
const maxChanged = 200

// track carries each unit's record from the workspace before this run
// (prev) into this one: a version seen for the first time is received
// now; a new version of a unit replaces the one before, which goes into
// the history with the cells it changed and the problems it fixed, and
// the review starts again; an approved (or published) unit keeps the
// version approved, and a newer file waits, said in its message.
func (c *run) track(prev *report.Consolidation, now time.Time) {
	stamp := now.Format(time.RFC3339)
	records := prev.ForReview().Records // the workspace before stays as it was
	before := map[string]report.UnitEntry{}
	for _, u := range prev.Units {
		if u.SHA256 != "" && u.State != Refused && u.State != Duplicate {
			before[unitkind.Normalize(u.Unit)] = u
		}
	}
	for i := range c.entries {
		e := &c.entries[i]
		if e.rec == nil || e.rec.err != nil || e.State == Refused || e.State == Duplicate {
			continue
		}
		key := unitkind.Normalize(e.Unit)
		r := records[key]
		if r == nil {
			r = &report.UnitRecord{}
			records[key] = r
		}
		old, known := before[key]
		switch {
		case r.SHA256 == "":
			r.SHA256, r.File, r.Received = e.SHA256, e.File, stamp
		case r.SHA256 == e.SHA256:
			r.File = e.File // the same version, maybe moved
		case (r.Review == report.Approved || r.Review == report.Published) && known && old.SHA256 == r.SHA256:
			newer := e.File
			e.UnitEntry = old
			e.Message = l10n.T("consolidate.lockedNewer", "File", newer)
			e.rec = &received{path: e.rec.path, sum: old.SHA256, unit: old.Unit, kind: old.Kind, year: old.Year, format: old.Format,
				cells: cellsOf(prev.Cells, report.DecodeValues(old.Values, len(prev.Cells))), units: old.Units}
		default:
			sub := report.Submission{SHA256: r.SHA256, File: r.File, Received: r.Received, Review: r.Review, Reason: r.Reason, Replaced: stamp}
			if known && old.SHA256 == r.SHA256 {
				sub.Changed = changedCells(prev.Cells, old.Values, c.ws.Cells, e.Values)
				sub.Fixed = fixed(old.Problems, e.Problems)
			}
			if r.Review == report.Approved || r.Review == report.Published {
				e.Message = l10n.T("consolidate.approvedLost")
			}
			r.History = append(r.History, sub)
			if n := len(r.History); n > report.MaxHistory {
				r.History = r.History[n-report.MaxHistory:]
			}
			r.SHA256, r.File, r.Received = e.SHA256, e.File, stamp
			r.Review, r.Reason, r.Reviewed = "", "", ""
		}
	}
	c.ws.Records = records
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
			if len(out) == maxChanged {
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
