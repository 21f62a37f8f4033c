// Package format describes report formats: the sections and statistics tables
// of one edition of the 政府信息公开工作年度报告, with every label verbatim, the
// merged-header layout of each table, the stable IDs of its value cells and
// the declarations of its rules. A format is data: it is read from a JSON
// file (docs/format-files.md) and checked here for structure. The meaning of
// the rules is the business of package rules.
package format

import "nianbao/forms/value"

// SchemaVersion is the version of the format file schema this code reads.
const SchemaVersion = 1

// Format is one report format.
type Format struct {
	Schema int    `json:"schema"`
	ID     string `json:"id"`
	Name   string `json:"name"`
	Basis  string `json:"basis,omitempty"` // the document that issued it
	// ReportBasis is how a report's preface cites the format, after the 条例:
	// 《…年度报告格式》（国办公开办函〔2021〕30号）.
	ReportBasis string    `json:"reportBasis,omitempty"`
	Years       YearRange `json:"years"`
	Note        string    `json:"note,omitempty"` // a local annotation shown with the format
	Sections    []Section `json:"sections"`
	Tables      []Table   `json:"tables"`
	Rules       []Rule    `json:"rules"`
	// Mentions say how a report's text names its figures, so that the
	// numbers the text quotes can be held against the tables (rule X1).
	Mentions []Mention `json:"mentions,omitempty"`
	// Fee says how the text speaks of a fee whose amount it reports
	// (信息处理费), so that what it says in one place is held against what
	// it says in another (rule X4).
	Fee *Fee `json:"fee,omitempty"`
	// Drafts are the paragraphs the editor drafts from the tables.
	Drafts []Draft `json:"drafts,omitempty"`
	// Infographic says what the report's 图解 shows.
	Infographic *Infographic `json:"infographic,omitempty"`

	cells []Cell
	index map[string]int
}

// Mention is a figure of the tables as the text names it: the cells whose
// sum it is, the words that name it in a clause ("新收", "上年结转"), the
// words of which the sentence must hold one (申请: "办结70982件" of a
// service centre is no figure of the applications), and the units it is
// counted in (件 by default). Shares are the sums a percentage printed
// after the figure may be a share of ("占51.85%": of 新收, of 新收 and 上年
// 结转, or of all outcomes).
type Mention struct {
	Cells   []string `json:"cells"`
	Words   []string `json:"words"`
	Context []string `json:"context,omitempty"`
	Units   []string `json:"units,omitempty"`
	Shares  []Whole  `json:"shares,omitempty"`
	// Except are words of a sentence in which a number is no figure of
	// the mention: 决定书 (行政复议决定书45件), 行政许可 (受理行政许可申请).
	Except []string `json:"except,omitempty"`
}

// Fee names a fee in the text (Words), the words saying none was
// collected (None: 未收取, 免收 …) and those of a sentence saying nothing
// of what was collected (Skip: a rate, 标准, 每件).
type Fee struct {
	Words []string `json:"words"`
	None  []string `json:"none"`
	Skip  []string `json:"skip,omitempty"`
}

// Whole is a sum of cells a share is of, and its name in messages
// ("新收申请").
type Whole struct {
	Name  string   `json:"name"`
	Cells []string `json:"cells"`
}

// YearRange is the span of report years a format applies to. To is 0 for a
// format still in force.
type YearRange struct {
	From int `json:"from"`
	To   int `json:"to,omitempty"`
}

// Contains reports whether year falls in r.
func (r YearRange) Contains(year int) bool {
	return year >= r.From && (r.To == 0 || year <= r.To)
}

// SectionKind tells what a section holds.
type SectionKind string

// The section kinds.
const (
	TextSection  SectionKind = "text"
	TableSection SectionKind = "table"
)

// Section is one part of the report, in order.
type Section struct {
	ID       string      `json:"id"`
	Heading  string      `json:"heading"` // verbatim, with its number: "一、总体情况"
	Kind     SectionKind `json:"kind"`
	Table    string      `json:"table,omitempty"` // the table ID of a table section
	Guidance string      `json:"guidance"`        // what the section must contain
	MaxChars int         `json:"maxChars,omitempty"`
	// HeadingEditable marks a heading the clerk may reword (formats before
	// 2019 had no fixed headings).
	HeadingEditable bool `json:"headingEditable,omitempty"`
	// Appendix marks a section printed after the closing, as 附件.
	Appendix bool   `json:"appendix,omitempty"`
	Note     string `json:"note,omitempty"`
	// Aliases are other headings published reports give the section
	// (一、概述 for 一、总体情况), for reading them back.
	Aliases []string `json:"aliases,omitempty"`
}

// Kind is the kind of value a cell holds.
type Kind string

// The cell kinds.
const (
	Count  Kind = "count"  // a whole number ≥ 0
	Signed Kind = "signed" // a whole number, may be negative
	Money  Kind = "money"  // a decimal amount in Unit
	Text   Kind = "text"   // free text
)

// ValueSpec says what a cell accepts. Rows and columns may set it; a row's
// spec wins over its column's, and Count is the default.
type ValueSpec struct {
	Kind Kind `json:"kind,omitempty"`
	// Unit is the printed unit: 万元 for a money cell, 件 or 人次 in the unit
	// column of a table with a UnitHeader. A clerk may type it after the number.
	Unit string `json:"unit,omitempty"`
	// Units, for a money cell without a fixed Unit, lists the units the clerk
	// chooses from; the choice is stored in the report.
	Units []string `json:"units,omitempty"`
	// Decimals is the most decimal places a money cell takes.
	Decimals int `json:"decimals,omitempty"`
}

// countSuffixes are unit words a clerk may type after a count.
var countSuffixes = []string{"人次", "件", "条", "个", "次", "篇", "项", "人", "家", "户"}

// Input returns what the value parser accepts for a cell of this spec.
func (s ValueSpec) Input() value.Input {
	switch s.Kind {
	case Signed:
		return value.Input{Signed: true, Suffixes: withUnit(s.Unit)}
	case Money:
		units := s.Units
		if s.Unit != "" {
			units = []string{s.Unit}
		}
		return value.Input{Decimals: s.Decimals, Suffixes: units}
	}
	return value.Input{Suffixes: withUnit(s.Unit)}
}

func withUnit(unit string) []string {
	if unit == "" {
		return countSuffixes
	}
	return append([]string{unit}, countSuffixes...)
}

// RowLabels is how a table prints nested row labels.
type RowLabels string

// The row label styles.
const (
	// Merged rows give each level of nesting its own label column, with
	// merged cells for parents (the 2019 and 2021 tables).
	Merged RowLabels = "merged"
	// Indented rows print all labels in one column, indented by level; parent
	// rows may hold values (the pre-2019 统计表).
	Indented RowLabels = "indented"
)

// Table is a statistics table.
type Table struct {
	ID    string `json:"id"`    // short and stable, the first part of cell IDs: "t3"
	Name  string `json:"name"`  // as referred to in messages: "三"
	Title string `json:"title"` // printed above the table, may be empty
	// RowLabels defaults to Merged.
	RowLabels RowLabels `json:"rowLabels,omitempty"`
	// UnitHeader, when set, adds a column with this header between the row
	// labels and the values, showing each row's Unit (the 统计表's 单位).
	UnitHeader string  `json:"unitHeader,omitempty"`
	Blocks     []Block `json:"blocks"`
	Note       string  `json:"note,omitempty"`
}

// Block is a part of a table with its own column headers. Most tables have
// one; table 二 has one per 第二十条 item, each under a band row.
type Block struct {
	// Band is a label printed across the whole width above the block.
	Band string `json:"band,omitempty"`
	// Corner is the text of the header cell above the row labels.
	Corner  string   `json:"corner,omitempty"`
	Columns []Column `json:"columns"`
	Rows    []Row    `json:"rows"`
}

// Column is a node of a block's column header tree. Leaves carry cells.
type Column struct {
	Label    string   `json:"label"`
	Code     string   `json:"code,omitempty"`  // part of the cell ID, may be empty
	Span     int      `json:"span,omitempty"`  // grid columns a leaf spans, default 1
	Empty    bool     `json:"empty,omitempty"` // a leaf with no cells (a blank in the official table)
	Children []Column `json:"children,omitempty"`
	ValueSpec
}

// Row is a node of a block's row header tree.
type Row struct {
	Label string `json:"label"`
	Code  string `json:"code,omitempty"` // part of the cell ID, may be empty
	// Valued marks a parent row that has cells of its own (Indented tables).
	Valued   bool   `json:"valued,omitempty"`
	Note     string `json:"note,omitempty"`
	Children []Row  `json:"children,omitempty"`
	ValueSpec
}

// Severity ranks a problem.
type Severity string

// The severities.
const (
	Error   Severity = "error"   // the report must not be published like this
	Warning Severity = "warning" // worth a second look
)

// Check is the kind of a rule.
type Check string

// The rule kinds. Their meaning is defined by package rules.
const (
	ExprCheck     Check = "expr"     // Expr: a comparison of two sums of cells
	ValuesCheck   Check = "values"   // every input cell filled and valid for its kind
	FilledCheck   Check = "filled"   // every text section written
	LengthCheck   Check = "length"   // Section's text within its MaxChars
	MentionsCheck Check = "mentions" // Section's text mentions one of Words
	LimitsCheck   Check = "limits"   // no value above its plausible Limits
	UnusualCheck  Check = "unusual"  // no figure out of the ordinary (Unusual)
	RepeatedCheck Check = "repeated" // Sections not nearly the same as last year's
)

// Rule is the declaration of a consistency rule (勾稽关系) or computed cell.
type Rule struct {
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
	Check    Check    `json:"check,omitempty"` // default ExprCheck
	// Expr compares two sums of cell IDs, e.g.
	// "t3.new.{col} + t3.carried.{col} = t3.total.{col} + t3.carryover.{col}".
	Expr string `json:"expr,omitempty"`
	// ForEach repeats the rule once per value of a variable used in Expr.
	ForEach *ForEach `json:"forEach,omitempty"`
	// Computes makes the single cell on the left of an "=" a computed cell,
	// unless an earlier rule already computes it; the rule is then checked
	// only when the report keeps typed totals.
	Computes bool `json:"computes,omitempty"`
	// Carry marks a rule "cell = prev:cell" whose right side is copied into
	// its left when a report is started from last year's.
	Carry bool `json:"carry,omitempty"`
	// When limits a comparison that computes nothing to some reports.
	When    *Condition `json:"when,omitempty"`
	Section string     `json:"section,omitempty"` // for length and mentions
	Words   []string   `json:"words,omitempty"`   // for mentions
	Limits  []Limit    `json:"limits,omitempty"`  // for limits
	Unusual []Unusual  `json:"unusual,omitempty"` // for unusual
	// Sections and Similar are for repeated: the text sections compared,
	// and how alike is the same.
	Sections []string `json:"sections,omitempty"`
	Similar  *Similar `json:"similar,omitempty"`
	// Message is shown for a failure; {label}, {actual}, {expected}, {limit},
	// {count} and {section} are filled in.
	Message string `json:"message"`
}

// Limit is the largest plausible value of some cells, in a report of some
// units: a value above it is no mistake in itself (a 公安 unit's 行政处罚 may
// run into millions) but most often a digit typed twice. Of a rule's limits
// that apply to a cell, the last one counts, so a list goes from the general
// to the particular.
type Limit struct {
	// Cells are cell ID patterns, '*' standing for one segment
	// ("t3.*.*" is every cell of 表三 two codes deep).
	Cells []string `json:"cells"`
	// Max is the largest plausible value, in the cell's unit. Cells whose
	// unit the clerk chooses (Units) are not checked.
	Max float64 `json:"max"`
	// UnitKinds limits the limit to reports of these unit kinds.
	UnitKinds []string `json:"unitKinds,omitempty"`
	// UnitNames limits the limit to units whose name contains one of
	// these words (公安, 市场监管 …).
	UnitNames []string `json:"unitNames,omitempty"`
}

// Unusual is a figure out of the ordinary: no mistake in itself, but what
// a reviewer asks about. Each has its own message; {label}, {actual},
// {whole}, {share}, {prev}, {change} and {limit} are filled in.
type Unusual struct {
	// Kind is share (the sum of Cells over the sum of Whole above Over),
	// unsaid (the sum of Cells above 0 while no text says one of Words), or
	// change (the sum of Cells against last year's changed by more than
	// Over: 3 is a rise over 300% or a fall below a quarter).
	Kind string `json:"kind"`
	// Label names the figure in messages ("不予公开").
	Label string `json:"label"`
	// Cells are cell ID patterns, '*' standing for one segment.
	Cells []string `json:"cells"`
	Whole []string `json:"whole,omitempty"`
	Over  float64  `json:"over,omitempty"`
	Words []string `json:"words,omitempty"`
	// Min is the smallest base a judgement is made on: the whole of a
	// share (2 of 3 is no pattern), the difference between the years of
	// a change (2 → 10 is none either).
	Min     float64 `json:"min,omitempty"`
	Message string  `json:"message"`
}

// The kinds of Unusual.
const (
	ShareUnusual  = "share"
	UnsaidUnusual = "unsaid"
	ChangeUnusual = "change"
)

// Similar are the thresholds of a repeated check (package similar): the
// similarity from which two sentences are one, and the share of a text in
// such sentences from which the text is nearly the same.
type Similar struct {
	Sentence float64 `json:"sentence"`
	Text     float64 `json:"text"`
	// Ignore are words of the fixed sentences reports repeat every year
	// (信息处理费, 无其他需要报告): such sentences are not compared.
	Ignore []string `json:"ignore,omitempty"`
}

// ForEach names a variable and its values. Values come from the leaf column
// codes of a table (Cols), its leaf row codes (Rows), or a list (Values, with
// optional Labels for messages).
type ForEach struct {
	Var    string   `json:"var"`
	Cols   string   `json:"cols,omitempty"`
	Rows   string   `json:"rows,omitempty"`
	Values []string `json:"values,omitempty"`
	Labels []string `json:"labels,omitempty"`
}

// Condition limits a rule to some reports.
type Condition struct {
	UnitKinds []string `json:"unitKinds,omitempty"`
}
