package format

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"nianbao/forms/l10n"
	"nianbao/forms/value"
)

// MaxFileSize bounds a format file; real ones are under 50 KB.
const MaxFileSize = 2 << 20

// InvalidError lists what is wrong with a format file, one Chinese sentence
// per problem: the first 50 problems, and how many more there are.
type InvalidError struct {
	Problems []string
	More     int // problems found beyond those listed
}

func (e *InvalidError) Error() string {
	msg := l10n.T("format.invalid", "Count", len(e.Problems)+e.More) + "\n" + strings.Join(e.Problems, "\n")
	if e.More > 0 {
		msg += "\n" + l10n.T("format.moreProblems", "Count", e.More)
	}
	return msg
}

// Add records a problem. describe gives its text and is called only while
// fewer than 50 problems are listed; later ones are only counted, so that a
// file with a million faults yields a readable message, cheaply.
func (e *InvalidError) Add(describe func() string) {
	if len(e.Problems) < maxListed {
		e.Problems = append(e.Problems, describe())
		return
	}
	e.More++
}

// Err returns e if a problem was added, else nil.
func (e *InvalidError) Err() error {
	if len(e.Problems) == 0 {
		return nil
	}
	return e
}

// Parse reads and checks a format file. Unknown fields are errors, so that
// a misspelt key in a hand-edited file does not silently vanish.
func Parse(data []byte) (*Format, error) {
	if len(data) > MaxFileSize {
		return nil, l10n.Errorf("format.tooLarge", "Max", MaxFileSize>>20)
	}
	var probe struct {
		Schema int `json:"schema"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, l10n.Wrap(err, "format.notJSON", "Detail", jsonDetail(data, err))
	}
	if probe.Schema > SchemaVersion {
		return nil, l10n.Errorf("format.newerSchema", "Schema", probe.Schema, "Supported", SchemaVersion)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f Format
	if err := dec.Decode(&f); err != nil {
		return nil, l10n.Wrap(err, "format.notJSON", "Detail", jsonDetail(data, err))
	}
	if err := f.validate(); err != nil {
		return nil, err
	}
	return &f, nil
}

// jsonDetail turns a JSON error into a Chinese hint with the line number.
func jsonDetail(data []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return l10n.T("json.syntaxAt", "Line", lineOf(data, syn.Offset))
	case errors.As(err, &typ):
		return l10n.T("json.typeAt", "Line", lineOf(data, typ.Offset), "Field", typ.Field)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return l10n.T("json.unknownField", "Field", strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return err.Error()
}

func lineOf(data []byte, offset int64) int {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	return bytes.Count(data[:offset], []byte("\n")) + 1
}

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	codePattern = regexp.MustCompile(`^[a-z][a-z0-9]*$`)
)

// checker collects problems while walking a format.
type checker struct{ err InvalidError }

// add records the problem with the message key; the values of args, taken
// from the file, are quoted as excerpts.
func (c *checker) add(key string, args ...any) {
	c.err.Add(func() string {
		for i := 1; i < len(args); i += 2 {
			args[i] = Excerpt(fmt.Sprint(args[i]))
		}
		return l10n.T(key, args...)
	})
}

func (f *Format) validate() error {
	c := &checker{}
	if f.Schema != SchemaVersion {
		c.add("format.badSchema", "Schema", f.Schema)
	}
	if !idPattern.MatchString(f.ID) {
		c.add("format.badID", "ID", f.ID)
	}
	if strings.TrimSpace(f.Name) == "" {
		c.add("format.noName")
	}
	if f.Years.From < 1990 || (f.Years.To != 0 && f.Years.To < f.Years.From) {
		c.add("format.badYears")
	}
	f.checkTables(c)
	f.checkSections(c)
	f.checkRules(c)
	f.checkMentions(c)
	f.checkDrafts(c)
	f.checkInfographic(c)
	return c.err.Err()
}

// checkMentions refuses a mention of a cell the format has not, or one
// without words.
func (f *Format) checkMentions(c *checker) {
	blank := func(w string) bool { return strings.TrimSpace(w) == "" }
	if fee := f.Fee; fee != nil && (len(fee.Words) == 0 || len(fee.None) == 0 ||
		slices.ContainsFunc(slices.Concat(fee.Words, fee.None, fee.Skip), blank)) {
		c.add("format.badFee")
	}
	for i, m := range f.Mentions {
		where := fmt.Sprintf("mentions[%d]", i)
		if len(m.Cells) == 0 || len(m.Words) == 0 {
			c.add("format.badMention", "Where", where)
		}
		ids := m.Cells
		for _, whole := range m.Shares {
			if len(whole.Cells) == 0 || strings.TrimSpace(whole.Name) == "" {
				c.add("format.badMention", "Where", where)
			}
			ids = append(slices.Clip(ids), whole.Cells...)
		}
		for _, id := range ids {
			if _, ok := f.index[id]; !ok {
				c.add("format.mentionCell", "Where", where, "ID", id)
			}
		}
		for _, w := range m.Words {
			if strings.TrimSpace(w) == "" {
				c.add("format.badMention", "Where", where)
			}
		}
	}
}

func (f *Format) checkSections(c *checker) {
	if len(f.Sections) == 0 {
		c.add("format.noSections")
	}
	seen := map[string]bool{}
	usedTables := map[string]bool{}
	for i, s := range f.Sections {
		where := fmt.Sprintf("%d（%s）", i+1, s.Heading)
		if !idPattern.MatchString(s.ID) || seen[s.ID] {
			c.add("format.section.badID", "Where", where, "ID", s.ID)
		}
		seen[s.ID] = true
		if strings.TrimSpace(s.Heading) == "" {
			c.add("format.section.noHeading", "Where", where)
		}
		if s.MaxChars < 0 {
			c.add("format.section.badMaxChars", "Where", where)
		}
		switch s.Kind {
		case TextSection:
			if s.Table != "" {
				c.add("format.section.textWithTable", "Where", where)
			}
		case TableSection:
			if f.Table(s.Table) == nil {
				c.add("format.section.noTable", "Where", where, "Table", s.Table)
			} else if usedTables[s.Table] {
				c.add("format.section.tableTwice", "Where", where, "Table", s.Table)
			}
			usedTables[s.Table] = true
		default:
			c.add("format.section.badKind", "Where", where, "Kind", s.Kind)
		}
	}
	for _, t := range f.Tables {
		if !usedTables[t.ID] {
			c.add("format.table.unused", "Table", t.ID)
		}
	}
}

func (f *Format) checkTables(c *checker) {
	f.cells = nil
	f.index = map[string]int{}
	seen := map[string]bool{}
	cells, area := 0, 0 // of all tables
	for i := range f.Tables {
		t := &f.Tables[i]
		switch {
		case !codePattern.MatchString(t.ID) || seen[t.ID]:
			c.add("format.table.badID", "ID", t.ID)
		case len(t.ID) > MaxCodeLength:
			c.add("format.table.longID", "ID", t.ID, "Max", MaxCodeLength)
		}
		seen[t.ID] = true
		if strings.TrimSpace(t.Name) == "" {
			c.add("format.table.noName", "Table", t.ID)
		}
		checkLabel(c, l10n.T("format.where.table", "Table", Excerpt(t.ID)), t.Name)
		switch t.RowLabels {
		case "", Merged, Indented:
		default:
			c.add("format.table.badRowLabels", "Table", t.ID, "Value", t.RowLabels)
		}
		if len(t.Blocks) == 0 {
			c.add("format.table.noBlocks", "Table", t.ID)
		}
		size, fits := checkBlocks(c, t)
		cells = satAdd(cells, size.cells)
		area = satAdd(area, satMul(size.rows, size.cols))
		// Cells are listed only while the sizes are sane, so that a hostile
		// file costs no more than measuring it.
		if fits && cells <= MaxFormatCells {
			for b := range t.Blocks {
				f.addCells(c, t, &t.Blocks[b])
			}
		}
	}
	if cells > MaxFormatCells {
		c.add("format.manyCells", "Count", cells, "Max", MaxFormatCells)
	}
	if area > MaxFormatGridCells {
		c.add("format.largeGrid", "Count", area, "Max", MaxFormatGridCells)
	}
}

// checkBlocks checks the blocks of a table and measures its grid and cells
// as Layout and addCells would make them. It reports whether the table is
// within the limits.
func checkBlocks(c *checker, t *Table) (tableSize, bool) {
	var size tableSize
	fits := true
	width := -1 // of the first block with columns and rows
	for b := range t.Blocks {
		blk := &t.Blocks[b]
		where := l10n.T("format.where.block", "Table", Excerpt(t.Name), "Block", b+1)
		if len(blk.Columns) == 0 || len(blk.Rows) == 0 {
			c.add("format.block.empty", "Where", where)
			continue
		}
		checkLabel(c, where, blk.Band)
		cols := checkColumns(c, where, blk.Columns)
		if width >= 0 && cols.lines != width {
			c.add("format.block.width", "Where", where, "Width", cols.lines, "Want", width)
		}
		width = cols.lines
		rows := checkRows(c, where, t.labelStyle(), blk.Rows)
		if cols.depth > MaxDepth {
			c.add("format.block.deepColumns", "Where", where, "Count", cols.depth, "Max", MaxDepth)
			fits = false
		}
		if rows.depth > MaxDepth {
			c.add("format.block.deepRows", "Where", where, "Count", rows.depth, "Max", MaxDepth)
			fits = false
		}
		if blk.Band != "" {
			size.rows = satAdd(size.rows, 1)
		}
		size.rows = satAdd(size.rows, satAdd(cols.depth, rows.lines))
		size.cells = satAdd(size.cells, satMul(rows.cells, cols.cells))
	}
	size.cols = satAdd(t.labelColumns(), max(width, 0))
	if t.UnitHeader != "" {
		size.cols = satAdd(size.cols, 1)
	}
	return size, checkSize(c, t, size) && fits
}

// checkColumns checks a column tree and measures it. A span out of range
// counts as 1 or MaxSpan, so that the width stays small.
func checkColumns(c *checker, where string, cols []Column) extent {
	var e extent
	for _, col := range cols {
		switch {
		case col.Code != "" && !codePattern.MatchString(col.Code):
			c.add("format.column.badCode", "Where", where, "Label", col.Label, "Code", col.Code)
		case len(col.Code) > MaxCodeLength:
			c.add("format.column.longCode", "Where", where, "Label", col.Label, "Max", MaxCodeLength)
		}
		checkLabel(c, where, col.Label)
		checkSpec(c, where, col.Label, col.ValueSpec)
		if len(col.Children) > 0 {
			if col.Span != 0 || col.Empty {
				c.add("format.column.parentSpan", "Where", where, "Label", col.Label)
			}
			sub := checkColumns(c, where, col.Children)
			e.depth = max(e.depth, sub.depth+1)
			e.lines += sub.lines
			e.cells += sub.cells
			continue
		}
		switch {
		case col.Span < 0:
			c.add("format.column.badSpan", "Where", where, "Label", col.Label)
		case col.Span > MaxSpan:
			c.add("format.column.bigSpan", "Where", where, "Label", col.Label, "Span", col.Span, "Max", MaxSpan)
		}
		e.depth = max(e.depth, 1)
		e.lines += min(max(col.Span, 1), MaxSpan)
		if !col.Empty {
			e.cells++
		}
	}
	return e
}

// checkRows checks a row tree and measures it. Its grid rows are its leaves
// in a merged table and all its rows in an indented one.
func checkRows(c *checker, where string, style RowLabels, rows []Row) extent {
	var e extent
	for _, r := range rows {
		switch {
		case r.Code != "" && !codePattern.MatchString(r.Code):
			c.add("format.row.badCode", "Where", where, "Label", r.Label, "Code", r.Code)
		case len(r.Code) > MaxCodeLength:
			c.add("format.row.longCode", "Where", where, "Label", r.Label, "Max", MaxCodeLength)
		}
		if r.Valued && (style != Indented || len(r.Children) == 0) {
			c.add("format.row.badValued", "Where", where, "Label", r.Label)
		}
		checkLabel(c, where, r.Label)
		checkSpec(c, where, r.Label, r.ValueSpec)
		sub := checkRows(c, where, style, r.Children)
		e.depth = max(e.depth, sub.depth+1)
		e.lines += sub.lines
		e.cells += sub.cells
		if style == Indented || len(r.Children) == 0 {
			e.lines++
		}
		if len(r.Children) == 0 || r.Valued {
			e.cells++
		}
	}
	return e
}

func checkSpec(c *checker, where, label string, s ValueSpec) {
	checkLabel(c, where, s.Unit)
	for _, u := range s.Units {
		checkLabel(c, where, u)
	}
	switch s.Kind {
	case "", Count, Signed, Text:
		if len(s.Units) > 0 || s.Decimals != 0 {
			c.add("format.spec.moneyOnly", "Where", where, "Label", label)
		}
	case Money:
		if (s.Unit == "") == (len(s.Units) == 0) {
			c.add("format.spec.moneyUnit", "Where", where, "Label", label)
		}
		if s.Decimals < 0 || s.Decimals > value.Places {
			c.add("format.spec.decimals", "Where", where, "Label", label, "Max", value.Places)
		}
	default:
		c.add("format.spec.badKind", "Where", where, "Label", label, "Kind", s.Kind)
	}
}

func (t *Table) labelStyle() RowLabels {
	if t.RowLabels == "" {
		return Merged
	}
	return t.RowLabels
}

// addCells appends the cells of a block to the format's catalog.
func (f *Format) addCells(c *checker, t *Table, blk *Block) {
	leaves := leafColumns(blk.Columns)
	for _, vr := range valueRows(t, blk) {
		for _, lc := range leaves {
			if lc.col.Empty {
				continue
			}
			id := joinCodes(append([]string{t.ID}, append(slices.Clone(vr.codes), lc.codes...)...))
			if _, dup := f.index[id]; dup {
				c.add("format.cell.duplicate", "ID", id)
				continue
			}
			spec := vr.row.ValueSpec
			if spec.Kind == "" {
				spec = lc.col.ValueSpec
			}
			if spec.Kind == "" {
				spec.Kind = Count
			}
			f.index[id] = len(f.cells)
			f.cells = append(f.cells, Cell{
				ID:      id,
				Index:   len(f.cells),
				Table:   t,
				RowPath: vr.labels,
				ColPath: lc.labels,
				Spec:    spec,
			})
		}
	}
}

func joinCodes(codes []string) string {
	var parts []string
	for _, c := range codes {
		if c != "" {
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, ".")
}
