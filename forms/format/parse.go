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
// per problem.
type InvalidError struct {
	Problems []string
}

func (e *InvalidError) Error() string {
	return l10n.T("format.invalid", "Count", len(e.Problems)) + "\n" + strings.Join(e.Problems, "\n")
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
type checker struct{ problems []string }

func (c *checker) add(key string, args ...any) { c.problems = append(c.problems, l10n.T(key, args...)) }

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
	if len(c.problems) > 0 {
		return &InvalidError{Problems: c.problems}
	}
	return nil
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
	for i := range f.Tables {
		t := &f.Tables[i]
		if !codePattern.MatchString(t.ID) || seen[t.ID] {
			c.add("format.table.badID", "ID", t.ID)
		}
		seen[t.ID] = true
		if strings.TrimSpace(t.Name) == "" {
			c.add("format.table.noName", "Table", t.ID)
		}
		switch t.RowLabels {
		case "", Merged, Indented:
		default:
			c.add("format.table.badRowLabels", "Table", t.ID, "Value", t.RowLabels)
		}
		if len(t.Blocks) == 0 {
			c.add("format.table.noBlocks", "Table", t.ID)
		}
		width := -1
		for b := range t.Blocks {
			blk := &t.Blocks[b]
			where := l10n.T("format.where.block", "Table", t.Name, "Block", b+1)
			if len(blk.Columns) == 0 || len(blk.Rows) == 0 {
				c.add("format.block.empty", "Where", where)
				continue
			}
			w := checkColumns(c, where, blk.Columns)
			if width >= 0 && w != width {
				c.add("format.block.width", "Where", where, "Width", w, "Want", width)
			}
			width = w
			checkRows(c, where, t.labelStyle(), blk.Rows)
			f.addCells(c, t, blk)
		}
	}
}

// checkColumns checks a column tree and returns the number of grid columns
// it spans.
func checkColumns(c *checker, where string, cols []Column) int {
	width := 0
	for _, col := range cols {
		if col.Code != "" && !codePattern.MatchString(col.Code) {
			c.add("format.column.badCode", "Where", where, "Label", col.Label, "Code", col.Code)
		}
		checkSpec(c, where, col.Label, col.ValueSpec)
		if len(col.Children) > 0 {
			if col.Span != 0 || col.Empty {
				c.add("format.column.parentSpan", "Where", where, "Label", col.Label)
			}
			width += checkColumns(c, where, col.Children)
			continue
		}
		if col.Span < 0 {
			c.add("format.column.badSpan", "Where", where, "Label", col.Label)
		}
		width += max(col.Span, 1)
	}
	return width
}

func checkRows(c *checker, where string, style RowLabels, rows []Row) {
	for _, r := range rows {
		if r.Code != "" && !codePattern.MatchString(r.Code) {
			c.add("format.row.badCode", "Where", where, "Label", r.Label, "Code", r.Code)
		}
		if r.Valued && (style != Indented || len(r.Children) == 0) {
			c.add("format.row.badValued", "Where", where, "Label", r.Label)
		}
		checkSpec(c, where, r.Label, r.ValueSpec)
		checkRows(c, where, style, r.Children)
	}
}

func checkSpec(c *checker, where, label string, s ValueSpec) {
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
