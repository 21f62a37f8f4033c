// Package review is the 政务公开办's review loop on a consolidation's
// workspace: each unit's report returned (退回) with reasons, approved
// (已审核, which locks the version received) and published (已发布); the
// deadlines of the unit kinds; the board with every unit's state, due date
// and lateness; the units to chase (催报); the 退回通知. The records it
// changes live in the workspace (report.Consolidation.Records), which the
// consolidation carries from run to run (forms/consolidate).
package review

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"nianbao/forms/consolidate"
	"nianbao/forms/l10n"
	"nianbao/forms/report"
	"nianbao/forms/unitkind"
)

// maxReason bounds a reason's length, in characters.
const maxReason = 8000

// Return marks the report of unit returned for reason (the officer's
// words, or problems chosen; lines are separate reasons).
func Return(ws *report.Consolidation, unit, reason string, now time.Time) error {
	reason = strings.TrimSpace(reason)
	if reason == "" || utf8.RuneCountInString(reason) > maxReason {
		return l10n.Errorf("review.needReason", "Max", maxReason)
	}
	r, _, err := record(ws, unit)
	if err != nil {
		return err
	}
	if r.Review == report.Published {
		return l10n.Errorf("review.published", "Unit", unit)
	}
	r.Review, r.Reason, r.Reviewed, r.Locked = report.Returned, reason, now.Format(time.RFC3339), nil
	return nil
}

// Approve marks the report of unit approved: a report without errors or
// blank cells, whose version received is then kept until the approval is
// undone (Reopen).
func Approve(ws *report.Consolidation, unit string, now time.Time) error {
	r, e, err := record(ws, unit)
	if err != nil {
		return err
	}
	switch {
	case r.Review == report.Published:
		return l10n.Errorf("review.published", "Unit", unit)
	case e.State != consolidate.OK && e.State != consolidate.Warnings:
		return l10n.Errorf("review.notApprovable", "Unit", e.Unit, "State", l10n.T("state."+e.State))
	}
	r.Review, r.Reason, r.Reviewed = report.Approved, "", now.Format(time.RFC3339)
	r.Locked = &report.LockedVersion{Entry: e, Cells: slices.Clone(ws.Cells)}
	return nil
}

// Publish marks an approved report published in the portal.
func Publish(ws *report.Consolidation, unit string, now time.Time) error {
	r, e, err := record(ws, unit)
	if err != nil {
		return err
	}
	if r.Review != report.Approved && r.Review != report.Published {
		return l10n.Errorf("review.notApproved", "Unit", e.Unit)
	}
	r.Review, r.Reviewed = report.Published, now.Format(time.RFC3339)
	return nil
}

// Reopen undoes the review of unit's report: it waits for review again,
// and a newer file it sent is taken at the next consolidation.
func Reopen(ws *report.Consolidation, unit string) error {
	r, _, err := record(ws, unit)
	if err != nil {
		return err
	}
	r.Review, r.Reason, r.Reviewed, r.Locked = "", "", "", nil
	return nil
}

// record finds the record and board entry of unit's report: one received
// and read (not refused or a duplicate).
func record(ws *report.Consolidation, unit string) (*report.UnitRecord, report.UnitEntry, error) {
	key := unitkind.Normalize(unit)
	for _, e := range ws.Units {
		if unitkind.Normalize(e.Unit) != key {
			continue
		}
		switch e.State {
		case consolidate.Missing:
			return nil, e, l10n.Errorf("review.notReceived", "Unit", e.Unit)
		case consolidate.Refused, consolidate.Duplicate:
			continue
		}
		if ws.Records == nil {
			ws.Records = map[string]*report.UnitRecord{}
		}
		r := ws.Records[key]
		if r == nil { // a workspace made before records were kept
			r = &report.UnitRecord{SHA256: e.SHA256, File: e.File}
			ws.Records[key] = r
		}
		return r, e, nil
	}
	return nil, report.UnitEntry{}, l10n.Errorf("review.noUnit", "Unit", unit)
}
