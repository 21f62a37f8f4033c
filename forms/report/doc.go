package report

import (
	"errors"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"nianbao/forms/filelock"
	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/prose"
	"nianbao/forms/registry"
	"nianbao/forms/rules"
	"nianbao/forms/safefile"
	"nianbao/forms/unitkind"
	"nianbao/forms/value"
)

// Doc is a report bound to its format and rules, with the file it lives in
// and last year's report when one is linked. The command line and the
// editor work on Docs.
type Doc struct {
	Report *Report
	Entry  *registry.Entry
	// Path is the report's file; empty until first saved.
	Path string
	// ReadOnly makes every change and save refused (a unit's report viewed
	// by its office).
	ReadOnly bool

	reg      *registry.Registry
	lock     *filelock.Lock         // held on Path while the Doc may save there
	read     fingerprint            // Path's content as last read or written; zero if unknown
	prev     *Report                // last year's report, when linked and readable
	prevVals map[string]value.Value // its cells, final totals included
	prevErr  error
}

// editable refuses a change of a read-only Doc.
func (d *Doc) editable() error {
	if d.ReadOnly {
		return l10n.Errorf("report.readOnly")
	}
	return nil
}

// Registry returns the formats the Doc was bound with.
func (d *Doc) Registry() *registry.Registry { return d.reg }

// Kinds returns the unit kinds known to the Doc's registry.
func (d *Doc) Kinds() *unitkind.Set { return d.reg.Kinds }

// Bind binds r to its format in reg.
func Bind(r *Report, reg *registry.Registry) (*Doc, error) {
	e, ok := reg.Lookup(r.Format)
	if !ok {
		return nil, l10n.Errorf("report.unknownFormat", "Format", r.Format)
	}
	return &Doc{Report: r, Entry: e, reg: reg}, nil
}

// Open loads the report at path and, if it links last year's report, that
// one too. A missing or broken last-year file does not stop the opening; it
// shows up as a problem in Evaluate. Open takes no lock: use Edit to change
// and save a report.
func Open(path string, reg *registry.Registry) (*Doc, error) { return OpenCopy(path, path, reg) }

// Edit opens the report at path to change and save it: it takes the file's
// lock first, waiting up to wait for another program to release it, and
// holds it until Close, so that no other program saving through nianbao
// can write the file in between. If the lock is held elsewhere the error
// wraps filelock.ErrHeld. Where no lock can be made (a read-only folder)
// the report opens without one.
func Edit(path string, reg *registry.Registry, wait time.Duration) (*Doc, error) {
	lock, err := filelock.Acquire(path, wait)
	if errors.Is(err, filelock.ErrHeld) {
		return nil, err
	}
	d, err := Open(path, reg)
	if err != nil {
		lock.Release()
		return nil, err
	}
	d.lock = lock
	return d, nil
}

// OpenCopy opens a copy of a report (an autosaved one) as the report whose
// file is path: last year's link is resolved from path's folder, and saving
// writes to path.
func OpenCopy(copyPath, path string, reg *registry.Registry) (*Doc, error) {
	r, read, err := load(copyPath, reg)
	if err != nil {
		return nil, err
	}
	d, err := Bind(r, reg)
	if err != nil {
		return nil, err
	}
	d.Path = path
	if copyPath == path {
		d.read = read
	}
	if r.Prev != "" {
		d.loadPrev(d.resolve(r.Prev))
	}
	return d, nil
}

// Close releases the report file's lock, if the Doc holds it. The Doc can
// still be saved: saving takes the lock again.
func (d *Doc) Close() {
	d.lock.Release()
	d.lock = nil
}

// resolve returns a path stored relative to the report's folder as usable.
func (d *Doc) resolve(p string) string {
	if filepath.IsAbs(p) || d.Path == "" {
		return p
	}
	return filepath.Join(filepath.Dir(d.Path), p)
}

func (d *Doc) loadPrev(path string) {
	d.prev, d.prevVals, d.prevErr = nil, nil, nil
	// Last year's own link is not followed: its values do not depend on it,
	// and a chain of links (or a file linking itself) is not walked.
	r, err := Load(path, d.reg)
	if err != nil {
		d.prevErr = err
		return
	}
	last, err := Bind(r, d.reg)
	if err != nil {
		d.prevErr = err
		return
	}
	d.prev, d.prevVals = r, last.Values()
}

// LinkPrev links last year's report at path (R5 and other cross-year rules
// then apply) and returns its loading error, if any. A report cannot be its
// own last year.
func (d *Doc) LinkPrev(path string) error {
	if err := d.editable(); err != nil {
		return err
	}
	abs := absPath(path)
	if d.Path != "" && abs == absPath(d.Path) {
		return l10n.Errorf("report.prevIsSelf")
	}
	d.Report.Prev = abs
	d.loadPrev(abs)
	return d.prevErr
}

// PrevText returns last year's text of a section (the section of that ID,
// else the one of the same heading), for the clerk to refer to — never
// copied; "" when no last year's report is linked or it has none.
func (d *Doc) PrevText(s *format.Section) string {
	p := d.prev
	if p == nil || p.Year != d.Report.Year-1 {
		return ""
	}
	if t := p.Texts[s.ID]; t != "" {
		return t
	}
	last, err := Bind(p, d.reg)
	if err != nil {
		return ""
	}
	for _, ls := range last.Sections() {
		if t := p.Texts[ls.ID]; t != "" && last.Heading(ls) == d.Heading(s) {
			return t
		}
	}
	return ""
}

// unlinkPrev forgets last year's report.
func (d *Doc) unlinkPrev() {
	d.Report.Prev, d.prev, d.prevVals, d.prevErr = "", nil, nil, nil
}

// relTo returns the absolute path abs relative to the folder dir where
// possible, with forward slashes, as files store paths.
func relTo(dir, abs string) string {
	if rel, err := filepath.Rel(dir, abs); err == nil {
		return filepath.ToSlash(rel)
	}
	return abs
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// Input returns the rules' view of the report.
func (d *Doc) Input() rules.Input {
	cells := d.Entry.Format.Cells()
	vals := make([]value.Value, len(cells))
	for i := range cells {
		vals[i] = d.Report.Cells[cells[i].ID]
	}
	in := rules.Input{
		Values:      vals,
		Texts:       d.Report.Texts,
		UnitKind:    d.Report.Unit.Kind,
		UnitName:    d.Report.Unit.Name,
		TypedTotals: d.Report.TypedTotals,
		Sections:    d.Sections(),
		Units:       d.Report.Units,
	}
	if len(d.Report.invalid) > 0 {
		in.Invalid = make(map[string]string, len(d.Report.invalid))
		for id, text := range d.Report.invalid {
			in.Invalid[id] = l10n.T("report.storedInvalid", "Text", text)
		}
	}
	// Cross-year rules compare with last year's report only; a linked file
	// of another year is reported by Evaluate instead.
	if d.prev != nil && d.prev.Year == d.Report.Year-1 {
		in.Prev = func(id string) (value.Value, bool) {
			v, ok := d.prevVals[id]
			return v, ok
		}
		in.PrevTexts = d.prev.Texts
	}
	return in
}

// Evaluate computes the totals and checks every rule, and what the format's
// rules cannot see: the unit kind, last year's report, and cells in the
// file that the format does not use.
func (d *Doc) Evaluate() rules.Result {
	res := d.Entry.Rules.Evaluate(d.Input())
	res.Problems = append(res.Problems, d.fileProblems()...)
	res.Problems = append(res.Problems, d.textProblems(valuesOf(d.Entry.Format, res))...)
	return res
}

// Rule IDs of the problems Evaluate adds to the format's rules.
const (
	RuleUnit = "unit" // the unit kind or the closing date is not valid
	RulePrev = "prev" // last year's report cannot be read or does not fit
	RuleKept = "kept" // a stored cell the format does not use, kept as is
	// Rules of a consolidated report's workspace.
	RuleMissingUnits = "C1" // expected units whose reports were not received
	RuleCountedTwice = "C2" // a unit summed on its own and inside a received 汇总
	RuleOverflow     = "C3" // a sum too large to be a value
	// RuleUncertain marks a cell read from a published report without
	// certainty, until confirmed.
	RuleUncertain = "I1"
	// Rules of the text against the report (forms/prose).
	RuleNumbers  = "X1" // a number the text gives for a figure of the tables differs from it
	RulePreface  = "X2" // the preface announces other parts or another period
	RuleTemplate = "X3" // the text cites the document of another format
	RuleFee      = "X4" // the text says two things of the fee (信息处理费)
)

func (d *Doc) fileProblems() []rules.Problem {
	var out []rules.Problem
	add := func(rule string, sev format.Severity, cells []string, key string, args ...any) {
		out = append(out, rules.Problem{Rule: rule, Severity: sev, Cells: cells, Message: l10n.T(key, args...)})
	}
	r := d.Report
	if !d.reg.Kinds.Known(r.Unit.Kind) {
		add(RuleUnit, format.Error, nil, "report.badStoredUnitKind", "Value", r.Unit.Kind)
	}
	switch {
	case d.prevErr != nil:
		add(RulePrev, format.Warning, nil, "report.prevUnavailable", "Detail", d.prevErr.Error())
	case d.prev != nil && d.prev.Year != r.Year-1:
		add(RulePrev, format.Warning, nil, "report.prevYear", "PrevYear", d.prev.Year, "Year", r.Year)
	case d.prev != nil && d.prev.Unit.Name != r.Unit.Name:
		add(RulePrev, format.Warning, nil, "report.prevUnit", "PrevUnit", d.prev.Unit.Name, "Unit", r.Unit.Name)
	}
	if years := d.Entry.Format.Years; !years.Contains(r.Year) {
		// The table of another era: the 2019 layout (one （六）其他处理 row) in
		// a 2021 report, an old template kept.
		want := l10n.T("report.noFormatForYear")
		if e, err := d.reg.ForYear(r.Year); err == nil && e != d.Entry {
			want = e.DisplayName()
		}
		add(RuleTemplate, format.Error, nil, "report.formatEra", "Year", r.Year, "Format", d.Entry.DisplayName(),
			"From", years.From, "To", years.To, "Want", want)
	}
	if date := r.Closing.Date; date != "" {
		if canon, err := ParseDate(date); err != nil || canon != date {
			add(RuleUnit, format.Error, nil, "report.badStoredDate", "Value", date)
		}
	}
	if ws := r.Consolidation; ws != nil {
		missing := 0
		for _, u := range ws.Units {
			if u.State == "missing" {
				missing++
			}
			if u.CountedTwice != "" {
				add(RuleCountedTwice, format.Error, nil, "report.countedTwice", "Unit", u.Unit, "By", u.CountedTwice)
				out[len(out)-1].Unit = u.Unit
			}
		}
		if missing > 0 {
			add(RuleMissingUnits, format.Warning, nil, "report.unitsMissing", "Count", missing)
		}
		for _, id := range ws.Overflow {
			add(RuleOverflow, format.Error, []string{id}, "report.sumOverflow", "ID", id)
		}
		for _, id := range ws.MixedUnits {
			add(RuleOverflow, format.Error, []string{id}, "report.mixedUnits", "ID", id)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(r.Uncertain)) {
		u := r.Uncertain[id]
		label := id
		if c, ok := d.Entry.Format.Cell(id); ok {
			label = c.Label()
		}
		add(RuleUncertain, format.Warning, []string{id}, "report.uncertain", "Cell", label, "Reason", u.Reason,
			"Candidates", strings.Join(u.Candidates, "、"))
	}
	for _, id := range slices.Sorted(maps.Keys(r.unknown)) {
		add(RuleKept, format.Warning, nil, "report.unknownCell", "ID", id, "Text", r.unknown[id])
	}
	for _, id := range slices.Sorted(maps.Keys(r.invalid)) {
		if c, ok := d.Entry.Format.Cell(id); ok && d.Entry.Rules.Computed(c.Index) && !r.TypedTotals {
			add(RuleKept, format.Warning, []string{id}, "report.storedTotalIgnored", "Cell", c.Label(), "Text", r.invalid[id])
		}
	}
	return out
}

// Values returns every cell value by ID, computed cells included. A total
// of partly blank cells is blank here: it is not a figure anyone may use.
func (d *Doc) Values() map[string]value.Value {
	return valuesOf(d.Entry.Format, d.Entry.Rules.Evaluate(d.Input()))
}

// ValuesOf returns the values of an evaluation of d by cell ID, computed
// cells included: Values without evaluating again.
func (d *Doc) ValuesOf(res rules.Result) map[string]value.Value {
	return valuesOf(d.Entry.Format, res)
}

// PrevValues returns last year's values by cell ID, computed cells
// included; nil when no report of last year is linked.
func (d *Doc) PrevValues() map[string]value.Value {
	if d.prev == nil || d.prev.Year != d.Report.Year-1 {
		return nil
	}
	return d.prevVals
}

// valuesOf is an evaluation's final values by cell ID.
func valuesOf(f *format.Format, res rules.Result) map[string]value.Value {
	out := make(map[string]value.Value, len(res.Values))
	for i, c := range f.Cells() {
		if !res.Partial[i] {
			out[c.ID] = res.Values[i]
		}
	}
	return out
}

// SetCell sets a cell from what a clerk typed: "" clears it, "/" marks it
// 不适用, anything else must be a valid value for the cell. Computed cells
// take no input unless the report keeps typed totals; clearing them is
// allowed (it removes a stale value a file may hold).
func (d *Doc) SetCell(id, text string) error {
	if err := d.editable(); err != nil {
		return err
	}
	c, ok := d.Entry.Format.Cell(id)
	if !ok {
		return l10n.Errorf("report.noSuchCell", "ID", id)
	}
	if d.Entry.Rules.Computed(c.Index) && !d.Report.TypedTotals && !isBlankInput(text) {
		return l10n.Errorf("report.computedCell", "Cell", c.Label())
	}
	if d.Summed(id) {
		return l10n.Errorf("report.summedCell", "Cell", c.Label())
	}
	var v value.Value
	switch {
	case isBlankInput(text):
	case value.IsNAMark(text):
		v = value.NotApplicable
	case c.Spec.Kind == format.Text:
		v = value.Value{State: value.Text, Text: text}
	default:
		var unit string
		var err error
		if v, unit, err = value.ParseInput(text, c.Spec.Input()); err != nil {
			return l10n.Wrap(err, "report.badCellValue", "Cell", c.Label(), "Detail", err.Error())
		}
		if err := d.takeUnit(c, unit); err != nil {
			return err
		}
	}
	delete(d.Report.invalid, id)
	delete(d.Report.Uncertain, id) // set by the clerk: confirmed
	if v.IsBlank() {
		delete(d.Report.Cells, id)
	} else {
		d.Report.Cells[id] = v
	}
	return nil
}

// Confirm marks an imported cell's reading as confirmed by the clerk.
func (d *Doc) Confirm(id string) {
	if !d.ReadOnly {
		delete(d.Report.Uncertain, id)
	}
}

// Origin is where a cell's value comes from.
type Origin uint8

// The origins of values.
const (
	Typed    Origin = iota // typed by the clerk (or read from a file as typed)
	Computed               // computed by the rules from other cells
	Summed                 // a consolidation's sum over the units' reports
)

// Origin returns where the value of cell id comes from.
func (d *Doc) Origin(id string) Origin {
	c, ok := d.Entry.Format.Cell(id)
	switch {
	case d.Summed(id):
		return Summed
	case ok && d.Entry.Rules.Computed(c.Index) && !d.Report.TypedTotals:
		return Computed
	}
	return Typed
}

// Summed reports whether cell id of a consolidated report holds a sum over
// the units' reports: such a cell is not typed, and shows who contributed.
func (d *Doc) Summed(id string) bool {
	ws := d.Report.Consolidation
	return ws != nil && slices.Contains(ws.Cells, id)
}

// SetCellOrKeep is SetCell for values read from another program's file:
// a value SetCell refuses is kept as read, as a report file's unreadable
// value is (rule R6 reports it, saving writes it back), so that nothing
// read is dropped or guessed. It returns SetCell's error.
func (d *Doc) SetCellOrKeep(id, text string) error {
	if err := d.editable(); err != nil {
		return err
	}
	err := d.SetCell(id, text)
	if err != nil {
		if _, ok := d.Entry.Format.Cell(id); ok {
			delete(d.Report.Cells, id)
			d.Report.keep(&d.Report.invalid, id, text)
		}
	}
	return err
}

// CellState is everything SetCell may change about a cell: its value, the
// unreadable text a file held for it, and the unit chosen for it.
type CellState struct {
	value     value.Value
	invalid   string
	unit      string
	uncertain *Uncertainty // an imported reading not yet confirmed
}

// CellState returns the state of cell id, for RestoreCell.
func (d *Doc) CellState(id string) CellState {
	st := CellState{value: d.Report.Cells[id], invalid: d.Report.invalid[id], unit: d.Report.Units[id]}
	if u, ok := d.Report.Uncertain[id]; ok {
		st.uncertain = &u
	}
	return st
}

// RestoreCell puts cell id back into a state from CellState: what undo and
// abandoning an edit need, which re-typing the old text cannot do (a unit
// chosen while typing, unreadable text from a file).
func (d *Doc) RestoreCell(id string, st CellState) {
	if d.ReadOnly {
		return
	}
	set := func(m map[string]string, v string) {
		if v == "" {
			delete(m, id)
		} else {
			m[id] = v
		}
	}
	if st.value.IsBlank() {
		delete(d.Report.Cells, id)
	} else {
		d.Report.Cells[id] = st.value
	}
	if st.invalid != "" {
		d.Report.keep(&d.Report.invalid, id, st.invalid)
	} else {
		delete(d.Report.invalid, id)
	}
	set(d.Report.Units, st.unit)
	if st.uncertain != nil {
		if d.Report.Uncertain == nil {
			d.Report.Uncertain = map[string]Uncertainty{}
		}
		d.Report.Uncertain[id] = *st.uncertain
	} else {
		delete(d.Report.Uncertain, id)
	}
}

// takeUnit handles a unit typed after a number in a money cell that offers
// a choice: it becomes the choice if none was made, and must match it
// otherwise, so that 5000元 never lands in a 万元 cell.
func (d *Doc) takeUnit(c *format.Cell, unit string) error {
	if len(c.Spec.Units) == 0 || unit == "" {
		return nil
	}
	switch chosen := d.Report.Units[c.ID]; chosen {
	case "":
		d.Report.Units[c.ID] = unit
	case unit:
	default:
		return l10n.Errorf("report.unitMismatch", "Cell", c.Label(), "Typed", unit, "Chosen", chosen)
	}
	return nil
}

func isBlankInput(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\u3000' && r != '\n' && r != '\r' {
			return false
		}
	}
	return true
}

// SetText sets the text of a text section.
func (d *Doc) SetText(sectionID, text string) error {
	if err := d.editable(); err != nil {
		return err
	}
	s := d.Section(sectionID)
	if s == nil || s.Kind != format.TextSection {
		return l10n.Errorf("report.noSuchSection", "ID", sectionID, "IDs", d.textSectionIDs())
	}
	if text == "" {
		delete(d.Report.Texts, sectionID)
	} else {
		d.Report.Texts[sectionID] = text
	}
	return nil
}

func (d *Doc) textSectionIDs() string {
	var ids []string
	for _, s := range d.Sections() {
		if s.Kind == format.TextSection {
			ids = append(ids, s.ID)
		}
	}
	return strings.Join(ids, "、")
}

// ErrChangedOnDisk is wrapped by the error of Save when the report's file
// was changed by another program since it was read.
var ErrChangedOnDisk = errors.New("changed on disk")

// Save writes the report to path and makes it the Doc's file. A linked
// last-year report is stored relative to the new folder where possible.
//
// Save holds path's lock while it writes, and keeps it: a file another
// program holds is not written (the error wraps filelock.ErrHeld). Saving
// to the file the Doc was read from fails with ErrChangedOnDisk if another
// program changed it since; the clerk then reloads it or saves elsewhere.
func (d *Doc) Save(path string) error {
	if err := d.editable(); err != nil {
		return err
	}
	same := d.Path != "" && absPath(path) == absPath(d.Path)
	lock := d.lock
	if !same || lock == nil {
		var err error
		if lock, err = filelock.Acquire(path, 0); errors.Is(err, filelock.ErrHeld) {
			return err
		}
	}
	release := func() {
		if lock != d.lock {
			lock.Release()
		}
	}
	if same && d.changedOnDisk() {
		release()
		return l10n.Wrap(ErrChangedOnDisk, "report.changedOnDisk", "Path", path)
	}
	prev := d.Report.Prev
	if prev != "" {
		d.Report.Prev = relTo(filepath.Dir(absPath(path)), absPath(d.resolve(prev)))
	}
	var files []string
	if ws := d.Report.Consolidation; ws != nil {
		for i := range ws.Units {
			files = append(files, ws.Units[i].File)
			if f := ws.Units[i].File; f != "" {
				ws.Units[i].File = relTo(filepath.Dir(absPath(path)), absPath(d.resolve(filepath.FromSlash(f))))
			}
		}
	}
	data, err := d.Report.save(path)
	if err != nil {
		d.Report.Prev = prev
		for i, f := range files {
			d.Report.Consolidation.Units[i].File = f
		}
		release()
		return err
	}
	if lock != d.lock {
		d.lock.Release()
		d.lock = lock
	}
	d.Path, d.read = path, fingerprintOf(data)
	return nil
}

// changedOnDisk reports whether the Doc's file now holds other content than
// was read or written last. A file that is gone, or whose content is
// unknown (a recovered copy), has not changed.
func (d *Doc) changedOnDisk() bool {
	if d.read == (fingerprint{}) {
		return false
	}
	data, err := safefile.ReadLimited(d.Path, MaxFileSize, "report.tooLarge")
	if errors.Is(err, fs.ErrNotExist) {
		return false
	}
	return err != nil || fingerprintOf(data) != d.read
}

// FromLastYear starts a report for year from last year's: the unit, its
// contact details and signing organ are taken over, last year's file is
// linked, and the cells of the format's carry rules (上年结转) are filled from
// last year's figures.
func FromLastYear(last *Doc, year int, entry *registry.Entry) (*Doc, error) {
	old := last.Report
	if old.Year >= year {
		return nil, l10n.Errorf("report.fromNotEarlier", "PrevYear", old.Year, "Year", year)
	}
	r := New(entry.Format.ID, year, old.Unit)
	r.Preface = old.Preface
	r.Preface.Text = "" // last year's opening as published speaks of last year
	r.Closing.Organ = old.Closing.Organ
	d := &Doc{Report: r, Entry: entry, reg: last.reg}
	if last.Path != "" {
		if err := d.LinkPrev(last.Path); err != nil {
			return nil, err
		}
	}
	if ws := old.Consolidation; ws != nil {
		// A 汇总 starts next year's with the same list of units.
		r.Consolidation = &Consolidation{Expected: ws.NextList(), Learnt: ws.Learnt,
			IncludeErrors: ws.IncludeErrors, Cells: d.SummableCells(), Units: []UnitEntry{}}
	}
	lastVals := last.Values()
	for _, c := range entry.Rules.Carries() {
		if entry.Rules.Computed(c.To) {
			continue // a total: computed from the carried cells
		}
		if v, ok := lastVals[c.From]; ok && !v.IsBlank() {
			to := entry.Format.Cells()[c.To].ID
			r.Cells[to] = v
			if u, ok := old.Uncertain[c.From]; ok { // read from a published report, not yet confirmed
				if r.Uncertain == nil {
					r.Uncertain = map[string]Uncertainty{}
				}
				r.Uncertain[to] = u
			}
		}
	}
	return d, nil
}

// Heading returns a section's heading as the report prints it: reworded
// where the format allows it.
func (d *Doc) Heading(s *format.Section) string {
	if h := d.Report.Headings[s.ID]; h != "" && s.HeadingEditable && d.Report.Sections == nil {
		return h
	}
	return s.Heading
}

// textProblems are what the text says against the report itself: the
// parts and the statistics period the preface announces (X2), the document
// of another format it cites (X3). Each quotes the words.
func (d *Doc) textProblems(vals map[string]value.Value) []rules.Problem {
	var out []rules.Problem
	r := d.Report
	add := func(rule, section string, q prose.Quote, key string, args ...any) {
		out = append(out, rules.Problem{Rule: rule, Severity: format.Warning, Section: section, Quote: q.Text, Message: l10n.T(key, args...)})
	}
	if n, q, ok := prose.Parts(r.Preface.Text); ok {
		parts := 0
		for _, s := range d.Sections() {
			if !s.Appendix {
				parts++
			}
		}
		if n != parts {
			add(RulePreface, "", q, "report.prefaceParts", "Quote", q.Text, "Said", n, "Parts", parts)
		}
	}
	if from, to, q, ok := prose.Period(r.Preface.Text); ok && (from != r.Year || to != r.Year) {
		add(RulePreface, "", q, "report.prefacePeriod", "Quote", q.Text, "Year", r.Year)
	}
	// A document that issued another format, cited: the old template. Other
	// documents (a notice on portals, 〔2019〕61号) are no format's.
	own := prose.DocNumbers(d.Entry.Format.Basis)
	formats := map[string]string{} // document number → the format it issued
	for _, e := range d.reg.All() {
		for _, n := range prose.DocNumbers(e.Format.Basis) {
			formats[n] = e.DisplayName()
		}
	}
	texts := []sectionText{{"", r.Preface.Text}}
	for _, s := range d.Sections() {
		texts = append(texts, sectionText{s.ID, r.Texts[s.ID]})
	}
	out = append(out, d.feeProblems(texts)...)
	for _, t := range texts {
		claims := prose.Claims(t.text, d.Entry.Format.Mentions, r.Year)
		for _, sh := range prose.Shares(t.text, claims) {
			if p, ok := d.shareProblem(vals, sh); ok {
				p.Section = t.section
				out = append(out, p)
			}
		}
		for _, c := range claims {
			want, ok := sumOf(vals, c.Mention.Cells)
			if ok && want.Num != c.Value {
				actual := value.Scaled(c.Value, c.Scale)
				p := rules.Problem{Rule: RuleNumbers, Severity: format.Warning, Section: t.section, Quote: c.Clause.Text,
					Cells: c.Mention.Cells, Expected: &want, Actual: &actual,
					Message: l10n.T("report.textNumber", "Quote", c.Clause.Text, "Actual", c.Number.String(), "What", d.figureName(c.Mention), "Expected", want.String()+c.Unit)}
				out = append(out, p)
			}
		}
		for _, c := range prose.Citations(t.text) {
			if other, ok := formats[c.Number]; ok && len(own) > 0 && !slices.Contains(own, c.Number) {
				add(RuleTemplate, t.section, c.Quote, "report.otherTemplate", "Quote", c.Quote.Text, "Other", other,
					"Own", own[0], "Format", d.Entry.DisplayName())
			}
		}
	}
	return out
}

// sectionText is the text of a section, or of the preface (section "").
type sectionText struct{ section, text string }

// feeProblems are what the text says of the fee against itself (X4): an
// amount where it says elsewhere none was collected, or two amounts.
func (d *Doc) feeProblems(texts []sectionText) []rules.Problem {
	fee := d.Entry.Format.Fee
	if fee == nil {
		return nil
	}
	var none, amount *prose.Fee // the first sentence saying none, the first giving an amount
	var out []rules.Problem
	for _, t := range texts {
		for _, f := range prose.Fees(t.text, fee.Words, fee.None, fee.Skip, d.Report.Year) {
			if f.None && f.HasAmount && f.Amount > 0 {
				continue // "免收…200元": an amount waived, or unclear
			}
			var other *prose.Fee
			switch {
			case f.HasAmount && amount != nil && amount.Amount != f.Amount:
				other = amount
			case f.HasAmount && f.Amount > 0 && none != nil:
				other = none
			case f.None && amount != nil && amount.Amount > 0:
				other = amount
			}
			if other != nil {
				out = append(out, rules.Problem{Rule: RuleFee, Severity: format.Warning, Section: t.section, Quote: f.Quote.Text,
					Message: l10n.T("report.feeContradicts", "Quote", f.Quote.Text, "Other", other.Quote.Text)})
			}
			if f.None && none == nil {
				none = &f
			}
			if f.HasAmount && amount == nil {
				amount = &f
			}
		}
	}
	return out
}

// shareProblem holds a percentage printed after a figure against the
// tables: it must be the figure's share — by the table or by the text's
// own count — of one of the sums the format names, at the printed
// precision. Nothing is said when a sum is not known.
func (d *Doc) shareProblem(vals map[string]value.Value, sh prose.Share) (rules.Problem, bool) {
	part, ok := sumOf(vals, sh.Of.Mention.Cells)
	if !ok || len(sh.Of.Mention.Shares) == 0 {
		return rules.Problem{}, false
	}
	var wholes []string
	cells := sh.Of.Mention.Cells
	for _, w := range sh.Of.Mention.Shares {
		whole, ok := sumOf(vals, w.Cells)
		if !ok {
			return rules.Problem{}, false
		}
		for _, p := range []value.Dec{part.Num, sh.Of.Value} {
			if prose.SharePrinted(sh.Percent.Value, sh.Percent.Scale, p, whole.Num) {
				return rules.Problem{}, false
			}
		}
		if whole.Num != 0 {
			exact := float64(part.Num) * 100 / float64(whole.Num)
			wholes = append(wholes, l10n.T("report.shareOf", "Whole", w.Name, "Sum", whole.String()+sh.Of.Unit,
				"Share", strconv.FormatFloat(exact, 'f', sh.Percent.Scale, 64)+"%"))
		}
		for _, id := range w.Cells {
			if !slices.Contains(cells, id) {
				cells = append(slices.Clip(cells), id)
			}
		}
	}
	if len(wholes) == 0 {
		return rules.Problem{}, false
	}
	actual := value.Scaled(sh.Percent.Value, sh.Percent.Scale)
	return rules.Problem{Rule: RuleNumbers, Severity: format.Warning, Quote: sh.Quote.Text, Cells: cells, Actual: &actual,
		Message: l10n.T("report.textShare", "Quote", sh.Quote.Text, "Part", part.String()+sh.Of.Unit, "Shares", strings.Join(wholes, "，"))}, true
}

// sumOf is the sum of cells' values; false when one is not a number (a
// blank, 不适用): nothing to hold a text against.
func sumOf(vals map[string]value.Value, ids []string) (value.Value, bool) {
	var sum value.Dec
	scale := 0
	for _, id := range ids {
		v := vals[id]
		if v.State != value.Number {
			return value.Value{}, false
		}
		sum += v.Num
		scale = max(scale, int(v.Scale))
	}
	return value.Scaled(sum, scale), true
}

// figureName names a mention's figure in a message: its cell's label, or
// the words the text uses for a sum of cells.
func (d *Doc) figureName(m format.Mention) string {
	if c, ok := d.Entry.Format.Cell(m.Cells[0]); ok && len(m.Cells) == 1 {
		return c.Label()
	}
	return "“" + m.Words[0] + "”" + l10n.T("report.figureSum")
}
