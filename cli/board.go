package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"nianbao/export/pdf"
	"nianbao/export/sheet"
	"nianbao/forms/consolidate"
	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/report"
	"nianbao/forms/review"
	"nianbao/forms/safefile"
)

var cmdBoard = &command{
	name: "board", usage: "cli.board.usage", summary: "cli.board.summary",
	flags: func(fs *flag.FlagSet) {
		fs.Bool("json", false, l10n.T("cli.board.json"))
		fs.String("today", "", l10n.T("cli.board.today"))
		fs.String("return", "", l10n.T("cli.board.return"))
		fs.String("reason", "", l10n.T("cli.board.reason"))
		fs.String("notice", "", l10n.T("cli.board.notice"))
		fs.String("office", "", l10n.T("cli.board.office"))
		fs.String("approve", "", l10n.T("cli.board.approve"))
		fs.String("publish", "", l10n.T("cli.board.publish"))
		fs.String("reopen", "", l10n.T("cli.board.reopen"))
		fs.String("due", "", l10n.T("cli.board.due"))
		fs.Bool("chase", false, l10n.T("cli.board.chase"))
		fs.String("history", "", l10n.T("cli.board.history"))
		fs.Bool("repeats", false, l10n.T("cli.board.repeats"))
		fs.String("o", "", l10n.T("cli.board.out"))
	},
	run: runBoard,
}

// runBoard shows a consolidation's board with the office's review, gives
// a review (退回, 审核, 发布, 撤销) or a deadline, and writes the board, the
// list of units to chase or a 退回通知, or compares the units' texts.
func runBoard(e *env, fs *flag.FlagSet, args []string) error {
	if len(args) != 1 {
		return e.usageError("cli.board.needArgs")
	}
	today, err := todayFlag(e, fs)
	if err != nil {
		return err
	}
	var acts []string
	for _, name := range []string{"return", "approve", "publish", "reopen", "due"} {
		if flagString(fs, name) != "" {
			acts = append(acts, name)
		}
	}
	if len(acts) > 1 || flagString(fs, "reason") != "" && flagString(fs, "return") == "" ||
		flagString(fs, "notice") != "" && flagString(fs, "return") == "" {
		return e.usageError("cli.board.oneAction")
	}
	path := args[0]
	var d *report.Doc
	if len(acts) == 1 {
		d, err = report.Edit(path, e.reg, lockWait)
	} else {
		d, err = report.Open(path, e.reg)
	}
	if err != nil {
		return err
	}
	defer d.Close()
	ws := d.Report.Consolidation
	if ws == nil {
		return l10n.Errorf("consolidate.notConsolidation", "Unit", d.Report.Unit.Name)
	}
	if len(acts) == 1 {
		if err := act(d, fs, acts[0], today); err != nil {
			return err
		}
		if err := d.Save(path); err != nil {
			return err
		}
	}
	if unit := flagString(fs, "history"); unit != "" {
		return printHistory(e, ws, unit, flagBool(fs, "json"))
	}
	if flagBool(fs, "repeats") {
		return printRepeats(e, d, flagBool(fs, "json"))
	}
	rows := review.Board(ws, d.Kinds(), d.Report.Year, today)
	if n := flagString(fs, "notice"); n != "" {
		if err := writeNotice(d, rows, flagString(fs, "return"), flagString(fs, "office"), n, today); err != nil {
			return err
		}
	}
	if out := flagString(fs, "o"); out != "" {
		return writeBoard(d, rows, flagBool(fs, "chase"), out)
	}
	if flagBool(fs, "chase") && !flagBool(fs, "json") {
		_, header, table := review.Sheet(ws, rows, d.Kinds(), true)
		e.stdout.Write(sheet.Text(header, table))
		return nil
	}
	if flagBool(fs, "chase") {
		rows = review.Chase(ws, rows)
	}
	switch {
	case flagBool(fs, "json"):
		printReviewJSON(e, rows)
	case len(acts) == 1:
		fmt.Fprintln(e.stdout, l10n.T("cli.board.done."+acts[0], "Unit", flagString(fs, acts[0]), "Path", path))
	default:
		printReview(e, d, rows)
	}
	return nil
}

// todayFlag is the day --today gives, else now.
func todayFlag(e *env, fs *flag.FlagSet) (time.Time, error) {
	s := flagString(fs, "today")
	if s == "" {
		return time.Now(), nil
	}
	t, err := time.ParseInLocation(time.DateOnly, s, time.Local)
	if err != nil {
		return t, e.usageError("review.badDate", "Value", s)
	}
	return t, nil
}

// act gives the review or deadline the flag named says.
func act(d *report.Doc, fs *flag.FlagSet, name string, now time.Time) error {
	ws, unit := d.Report.Consolidation, flagString(fs, name)
	switch name {
	case "return":
		return review.Return(ws, unit, strings.ReplaceAll(flagString(fs, "reason"), `\n`, "\n"), now)
	case "approve":
		return review.Approve(ws, unit, now)
	case "publish":
		return review.Publish(ws, unit, now)
	case "reopen":
		return review.Reopen(ws, unit)
	}
	kind, date, _ := strings.Cut(unit, "=")
	return review.SetDeadline(ws, d.Kinds(), strings.TrimSpace(kind), strings.TrimSpace(date))
}

// writeNotice writes the 退回通知 of a unit returned: PDF or text, by the
// file's extension.
func writeNotice(d *report.Doc, rows []review.Row, unit, office, path string, now time.Time) error {
	if office == "" {
		office = d.Report.Unit.Name
	}
	r, ok := review.Returned(rows, unit)
	if !ok {
		return l10n.Errorf("cli.board.notReturned", "Unit", unit)
	}
	n := review.NewNotice(r, d.Report.Year, office, now)
	data := []byte(n.Text())
	if strings.EqualFold(filepath.Ext(path), ".pdf") {
		var err error
		if data, err = pdf.Notice(n); err != nil {
			return err
		}
	}
	return safefile.Write(path, data, safefile.Options{})
}

// writeBoard writes the board, or the units to chase, as a workbook or
// text by the file's extension.
func writeBoard(d *report.Doc, rows []review.Row, chase bool, path string) error {
	name, header, table := review.Sheet(d.Report.Consolidation, rows, d.Kinds(), chase)
	data, err := sheet.ByExtension(path, name, d.Report.Unit.Name+" "+name, header, table)
	if err != nil {
		return err
	}
	return safefile.Write(path, data, safefile.Options{})
}

type reviewUnitJSON struct {
	Unit     string  `json:"unit"`
	Kind     string  `json:"kind"`
	State    string  `json:"state"`
	Review   *string `json:"review"`
	Reason   string  `json:"reason"`
	Received *string `json:"received"`
	Due      *string `json:"due"`
	Overdue  bool    `json:"overdue"`
	Errors   int     `json:"errors"`
	Warnings int     `json:"warnings"`
	Blanks   int     `json:"blanks"`
	Phone    string  `json:"phone"`
}

func printReviewJSON(e *env, rows []review.Row) {
	units := []reviewUnitJSON{}
	for _, r := range rows {
		j := reviewUnitJSON{Unit: r.Unit, Kind: r.Kind, State: r.State, Reason: r.Reason, Overdue: r.Overdue,
			Errors: r.Errors, Warnings: r.Warnings, Blanks: r.Blanks, Phone: r.Phone}
		if r.Review != "" {
			j.Review = &r.Review
		}
		if !r.Received.IsZero() {
			s := r.Received.Format(time.RFC3339)
			j.Received = &s
		}
		if !r.Due.IsZero() {
			s := r.Due.Format(time.DateOnly)
			j.Due = &s
		}
		units = append(units, j)
	}
	data, _ := json.MarshalIndent(struct {
		Units []reviewUnitJSON `json:"units"`
	}{units}, "", "  ")
	fmt.Fprintln(e.stdout, string(data))
}

// printReview prints the board with the review for the officer.
func printReview(e *env, d *report.Doc, rows []review.Row) {
	kinds := d.Kinds()
	for _, r := range rows {
		rev, unit := "", r.Unit
		if review.Reviewable(r.UnitEntry) {
			rev = review.Label(r.Review)
		}
		if unit == "" {
			unit = r.File
		}
		late := ""
		if r.Overdue {
			late = l10n.T("cli.board.overdue")
		}
		fmt.Fprintf(e.stdout, "%-8s %-6s %-10s %s", l10n.T("state."+r.State), rev, kinds.Name(r.Kind), unit)
		if !r.Received.IsZero() {
			fmt.Fprint(e.stdout, "  "+l10n.T("cli.board.received", "Time", r.Received.Local().Format("2006-01-02 15:04")))
		}
		if late != "" {
			fmt.Fprint(e.stdout, "  "+late)
		}
		if r.Errors+r.Warnings+r.Blanks > 0 {
			fmt.Fprint(e.stdout, "  "+l10n.T("cli.consolidate.counts", "Errors", r.Errors, "Warnings", r.Warnings, "Blanks", r.Blanks))
		}
		if r.Reason != "" {
			fmt.Fprint(e.stdout, "  "+l10n.T("cli.board.reasonShown", "Reason", strings.ReplaceAll(r.Reason, "\n", "；")))
		}
		if r.Message != "" {
			fmt.Fprint(e.stdout, "  "+r.Message)
		}
		fmt.Fprintln(e.stdout)
	}
}

// printHistory prints the versions of a unit's report received.
func printHistory(e *env, ws *report.Consolidation, unit string, asJSON bool) error {
	versions := review.History(ws, unit)
	if versions == nil {
		return l10n.Errorf("review.noHistory", "Unit", unit)
	}
	if asJSON {
		data, _ := json.MarshalIndent(versions, "", "  ")
		fmt.Fprintln(e.stdout, string(data))
		return nil
	}
	for _, v := range versions {
		fmt.Fprintln(e.stdout, v.Text())
	}
	return nil
}

// repeatJSON is one pair of units of board --repeats --json.
type repeatJSON struct {
	A         string         `json:"a"`
	B         string         `json:"b"`
	Section   string         `json:"section"`
	Share     float64        `json:"share"`
	Sentences []sentenceJSON `json:"sentences"`
}

type sentenceJSON struct {
	A     string  `json:"a"`
	B     string  `json:"b"`
	Score float64 `json:"score"`
}

// printRepeats compares the texts of the units in the sums (rule X5
// between units) and prints the sections nearly the same: a table, or
// JSON. As with check, repeats of a warning rule leave the exit code 0;
// of an error rule (a local format's) they make it 1.
func printRepeats(e *env, d *report.Doc, asJSON bool) error {
	c, err := consolidate.PrepareRepeats(d)
	if err != nil {
		return err
	}
	found, err := c.Run(context.Background(), nil)
	if err != nil {
		return err
	}
	if asJSON {
		out := []repeatJSON{}
		for _, r := range found {
			j := repeatJSON{A: r.A, B: r.B, Section: r.Section, Share: r.Share, Sentences: []sentenceJSON{}}
			for _, p := range r.Sentences {
				j.Sentences = append(j.Sentences, sentenceJSON{A: p.A.Text, B: p.B.Text, Score: p.Score})
			}
			out = append(out, j)
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else if len(found) == 0 {
		fmt.Fprintln(e.stdout, l10n.T("repeats.none", "Units", c.Units()))
	} else {
		header := []string{l10n.T("repeats.col.a"), l10n.T("repeats.col.b"), l10n.T("repeats.col.section"),
			l10n.T("repeats.col.share"), l10n.T("repeats.col.sentences")}
		var rows [][]any
		for _, r := range found {
			rows = append(rows, []any{r.A, r.B, r.Heading, r.Percent(), r.Quotes()})
		}
		e.stdout.Write(sheet.Text(header, rows))
		fmt.Fprintln(e.stdout, l10n.T("repeats.found", "Count", len(found), "Units", c.Units()))
	}
	if len(found) > 0 && d.Entry.Rules.RepeatRule().Severity == format.Error {
		return problemsFound{}
	}
	return nil
}
