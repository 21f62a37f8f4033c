// Package consolidate makes a consolidated report (汇总): it receives the
// units' reports (report files and filled XLSX templates, files or whole
// folders), gives each unit one state, and sums the reports in the right
// states into the consolidated report's input cells, overall and per unit
// kind. The workspace it keeps (report.Consolidation) lives in the
// consolidated report's own file; docs/consolidation.md describes it.
package consolidate

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"nianbao/forms/format"
	"nianbao/forms/importer"
	"nianbao/forms/l10n"
	"nianbao/forms/parallel"
	"nianbao/forms/registry"
	"nianbao/forms/report"
	"nianbao/forms/safefile"
	"nianbao/forms/value"
)

// The states of a unit on the board; a unit gets the first that applies.
const (
	Refused     = "refused"      // corrupt, not a report, unreadable
	Duplicate   = "duplicate"    // the unit (or the very file) was received twice
	WrongYear   = "wrong-year"   // a report of another year
	WrongFormat = "wrong-format" // a report of another format
	Unknown     = "unknown"      // not on the list of expected units
	Errors      = "errors"       // error-severity problems other than blanks
	Blanks      = "blanks"       // only blank cells missing
	Warnings    = "warnings"     // warnings only
	OK          = "ok"
	Missing     = "missing" // expected, no file received
)

// States lists the states in the order they are tried.
var States = []string{Refused, Duplicate, WrongYear, WrongFormat, Unknown, Errors, Blanks, Warnings, OK, Missing}

// MaxFiles bounds the files one run reads: a prefecture publishes about a
// thousand reports a year.
const MaxFiles = 5000

// Options say how to consolidate.
type Options struct {
	// Expected replaces the list of expected units when not nil. With no
	// list at all, the units received are learnt as the list.
	Expected []report.ExpectedUnit
	// IncludeErrors adds units in states errors and blanks to the sums.
	IncludeErrors bool
	// Progress, if set, is called after each file read, from the goroutine
	// that called Run.
	Progress func(done, total int)
	// Now is when the files are received (the records' times); zero
	// means the clock's time.
	Now time.Time
}

// Summary is what a run did.
type Summary struct {
	Files    int // files read
	Included int // units in the sums
}

// ErrNothingUsable is returned by Run when no unit could be summed; the
// report is updated all the same, so that the board shows why.
var ErrNothingUsable = errors.New("no unit could be used")

// Run receives the files under inputs and the files the workspace received
// before, and consolidates them into target, a consolidated report (new:
// see New; or loaded to be updated: its texts and preface are kept). On
// cancellation target is unchanged.
func Run(ctx context.Context, target *report.Doc, inputs []string, opt Options) (Summary, error) {
	b, err := Prepare(target, inputs, opt)
	if err != nil {
		return Summary{}, err
	}
	if err := b.Read(ctx); err != nil {
		return Summary{}, err
	}
	return b.Apply(target)
}

// Batch is a consolidation's files: listed by Prepare, read by Read,
// applied to the consolidated report by Apply.
type Batch struct {
	reg    *registry.Registry
	inputs []string // what to read: the files received before, then the new inputs
	old    int      // how many of inputs were received before
	skip   string   // the consolidated report's own file
	files  []string
	got    []received
	opt    Options
}

// Prepare starts a batch of the files under inputs and those the
// workspace of target received before (a file since deleted is left out:
// its unit is missing again). It takes what it needs from target, so that
// an editor can Read off the UI goroutine while the report stays its own.
func Prepare(target *report.Doc, inputs []string, opt Options) (*Batch, error) {
	ws := target.Report.Consolidation
	if ws == nil {
		return nil, l10n.Errorf("consolidate.notConsolidation", "Unit", target.Report.Unit.Name)
	}
	b := &Batch{reg: target.Registry(), skip: target.Path, opt: opt}
	for _, u := range ws.Units {
		if p := FileOf(target, u); p != "" {
			b.inputs = append(b.inputs, p)
		}
	}
	for _, r := range ws.Records { // newer files waiting behind an approval
		if r == nil {
			continue
		}
		if p := FileOf(target, report.UnitEntry{File: r.Waiting}); p != "" {
			b.inputs = append(b.inputs, p)
		}
	}
	b.old = len(b.inputs)
	b.inputs = append(b.inputs, inputs...)
	return b, nil
}

// followable tells whether a file the workspace names is read again: not
// a network path (\\host\share), which a 汇总 from another machine may
// name and which Windows would reach with the clerk's credentials.
func followable(file string) bool {
	return file != "" && !strings.HasPrefix(file, `\\`) && !strings.HasPrefix(file, "//")
}

// baseOf is the folder the workspace's file names are relative to: the
// report's, or none before it is first saved (the names are absolute then,
// and saving makes them relative).
func baseOf(target *report.Doc) string {
	if target.Path == "" {
		return ""
	}
	return filepath.Dir(absPath(target.Path))
}

// FileOf is where the file of a unit on target's board is: its name in
// the workspace resolved against the 汇总's folder; "" for none.
func FileOf(target *report.Doc, u report.UnitEntry) string {
	if !followable(u.File) {
		return ""
	}
	return resolve(baseOf(target), u.File)
}

// Progress sets what Read calls after each file: done of total.
func (b *Batch) Progress(p func(done, total int)) { b.opt.Progress = p }

// Read lists and reads the batch's files, in parallel; it touches no
// report. Files received before that no longer exist are skipped.
func (b *Batch) Read(ctx context.Context) error {
	var inputs []string
	for i, p := range b.inputs {
		if i >= b.old || exists(p) {
			inputs = append(inputs, p)
		}
	}
	files, err := Files(inputs, b.skip)
	if err != nil {
		return err
	}
	got, err := receive(ctx, files, b.reg, b.opt.Progress)
	if err != nil {
		return err
	}
	b.files, b.got = files, got
	return nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Apply gives every unit of the batch its state and writes the sums into
// target's input cells and workspace.
func (b *Batch) Apply(target *report.Doc) (Summary, error) {
	ws := target.Report.Consolidation
	if ws == nil {
		return Summary{}, l10n.Errorf("consolidate.notConsolidation", "Unit", target.Report.Unit.Name)
	}
	opt := b.opt
	next := *ws
	if opt.Expected != nil {
		next.Expected, next.Learnt = opt.Expected, false
	}
	next.IncludeErrors = opt.IncludeErrors
	next.Cells = target.SummableCells() // all values are read anew: never trust stored positions
	c := &run{target: target, ws: &next, kinds: target.Kinds(), base: baseOf(target)}
	c.classify(slices.Clone(b.got))
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	c.track(ws, now)
	c.finish()
	vals := c.sum()
	next.Updated = now.Format(time.RFC3339)
	target.Report.Consolidation = &next
	for _, id := range next.Cells {
		delete(target.Report.Units, id)
	}
	maps.Copy(target.Report.Units, c.units)
	for i, id := range next.Cells {
		if vals[i].IsBlank() {
			delete(target.Report.Cells, id)
		} else {
			target.Report.Cells[id] = vals[i]
		}
	}
	target.Report.TypedTotals = false
	s := Summary{Files: len(b.files)}
	for _, u := range next.Units {
		if u.Included {
			s.Included++
		}
	}
	if s.Included == 0 {
		return s, ErrNothingUsable
	}
	return s, nil
}

// New starts a consolidated report of unit (kind: a kind's ID or name,
// empty for 本级政府（汇总）) for year, in the official format of the year
// or formatID.
func New(reg *registry.Registry, year int, unit, kind, formatID string) (*report.Doc, error) {
	d, err := report.Create(reg, report.Spec{Year: year, Unit: unit, Kind: cmp.Or(kind, "consolidated"), FormatID: formatID})
	if err != nil {
		return nil, err
	}
	d.Report.Consolidation = &report.Consolidation{Expected: []report.ExpectedUnit{}, Cells: d.SummableCells(), Units: []report.UnitEntry{}}
	return d, nil
}

// Files lists the files to read: the files among inputs, and those under
// the folders among them (searched recursively) that Open reads, in path
// order, each once; skip (the consolidated report itself), backups and
// hidden files are left out. A missing input is an error.
func Files(inputs []string, skip string) ([]string, error) {
	seen := map[string]bool{}
	if skip != "" {
		seen[absPath(skip)] = true
	}
	var out []string
	add := func(p string) error {
		abs := absPath(p)
		if seen[abs] {
			return nil
		}
		seen[abs] = true
		if len(out) >= MaxFiles {
			return l10n.Errorf("consolidate.tooManyFiles", "Max", MaxFiles)
		}
		out = append(out, p)
		return nil
	}
	for _, in := range inputs {
		info, err := os.Stat(in)
		if err != nil {
			return nil, safefile.ReadError(in, err)
		}
		if !info.IsDir() {
			if err := add(in); err != nil {
				return nil, err
			}
			continue
		}
		err = filepath.WalkDir(in, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil // an unreadable folder is skipped
			}
			hidden := strings.HasPrefix(e.Name(), ".") && p != in
			switch {
			case e.IsDir() && hidden:
				return filepath.SkipDir
			case e.IsDir() || hidden || !importer.Readable(p) || strings.HasPrefix(e.Name(), "~$"):
				return nil
			}
			return add(p)
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// received is what one file gave.
type received struct {
	path     string
	sum      string // SHA-256 of the content
	err      error
	unit     string
	kind     string
	year     int
	format   string
	saved    time.Time
	mtime    time.Time              // when the file was written here: about when it came
	cells    map[string]value.Value // the input cells
	units    map[string]string      // the units chosen for money cells that offer a choice
	errs     int
	warns    int
	blanks   int
	problems []string // the errors and warnings, as the check words them
	phone    string
	nested   *report.Consolidation // a received 汇总's workspace
}

// receive reads files in parallel, in the order given.
func receive(ctx context.Context, files []string, reg *registry.Registry, progress func(int, int)) ([]received, error) {
	out := make([]received, len(files))
	if err := parallel.Each(ctx, len(files), func(i int) { out[i] = readOne(files[i], reg) }, progress); err != nil {
		return nil, err
	}
	return out, nil
}

// readOne reads and checks one file; it never fails, the failure is in the
// result.
func readOne(path string, reg *registry.Registry) (r received) {
	r.path = path
	defer func() {
		// A crafted file that trips a library must not end the batch.
		if p := recover(); p != nil {
			r = received{path: path, err: l10n.Errorf("importer.failed", "Path", path, "Detail", fmt.Sprint(p))}
		}
	}()
	data, err := safefile.ReadLimited(path, importer.MaxFileSize, "importer.tooLarge")
	if err != nil {
		r.err = err
		return r
	}
	sum := sha256.Sum256(data)
	r.sum = hex.EncodeToString(sum[:])
	d, err := importer.Read(path, data, reg)
	if err != nil {
		r.err = err
		return r
	}
	rep := d.Report
	r.unit, r.kind, r.year, r.format, r.saved = rep.Unit.Name, rep.Unit.Kind, rep.Year, rep.Format, rep.Saved
	if info, err := os.Stat(path); err == nil {
		r.mtime = info.ModTime()
	}
	if r.saved.IsZero() {
		r.saved = r.mtime
	}
	r.cells, r.units = rep.Cells, rep.Units
	r.nested = nestedOf(rep.Consolidation, reg)
	r.phone = rep.Preface.Phone
	for _, p := range d.Evaluate().Problems {
		switch {
		case p.Severity == format.Error && p.Blank:
			r.blanks++
			continue
		case p.Severity == format.Error:
			r.errs++
		default:
			r.warns++
		}
		if len(r.problems) < report.MaxProblems {
			r.problems = append(r.problems, p.Message)
		}
	}
	return r
}

// maxNestedKinds bounds the kinds a received 汇总's breakdown may hold.
const maxNestedKinds = 64

// nestedOf keeps of a received 汇总's workspace what consolidating it
// needs: its cells, its breakdown by kinds this machine knows (a crafted
// file cannot make thousands of columns) and its units' names, kinds and
// members, without their values.
func nestedOf(ws *report.Consolidation, reg *registry.Registry) *report.Consolidation {
	if ws == nil {
		return nil
	}
	out := &report.Consolidation{Cells: ws.Cells, ByKind: map[string]string{}}
	for k, v := range ws.ByKind {
		if !reg.Kinds.Known(k) || len(out.ByKind) == maxNestedKinds {
			out.ByKind = nil // not a breakdown this machine can keep apart
			break
		}
		out.ByKind[k] = v
	}
	for _, u := range ws.Units {
		out.Units = append(out.Units, report.UnitEntry{Unit: u.Unit, Kind: u.Kind, Included: u.Included, Members: u.Members})
	}
	return out
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

func resolve(base, p string) string {
	if filepath.IsAbs(p) || base == "" {
		return filepath.FromSlash(p)
	}
	return filepath.Join(base, filepath.FromSlash(p))
}

// rel returns p relative to base where possible, with forward slashes;
// absolute without a base.
func rel(base, p string) string {
	if base != "" {
		if r, err := filepath.Rel(base, absPath(p)); err == nil {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(absPath(p))
}
