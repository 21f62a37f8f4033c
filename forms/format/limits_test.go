package format_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"nianbao/forms/format"
)

// formatOf returns a format file with the given tables, each in a section of
// its own.
func formatOf(t *testing.T, tables ...format.Table) []byte {
	t.Helper()
	f := format.Format{Schema: format.SchemaVersion, ID: "local", Name: "测试格式", Years: format.YearRange{From: 2021}, Tables: tables}
	for _, tbl := range tables {
		f.Sections = append(f.Sections, format.Section{ID: "s" + tbl.ID, Heading: "表" + tbl.Name, Kind: format.TableSection, Table: tbl.ID})
	}
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// table returns a table of one block with the given columns and rows.
func table(id string, cols []format.Column, rows []format.Row) format.Table {
	return format.Table{ID: id, Name: "表" + id, Blocks: []format.Block{{Columns: cols, Rows: rows}}}
}

// grid returns a table of rows × cols value cells, t.r<i>.c<j>.
func grid(id string, rows, cols int) format.Table {
	return table(id, columns(cols, false), rowList(rows))
}

// columns returns n leaf columns c0, c1, …, all empty if empty is set.
func columns(n int, empty bool) []format.Column {
	out := make([]format.Column, n)
	for i := range out {
		out[i] = format.Column{Label: "列", Code: fmt.Sprintf("c%d", i), Empty: empty}
	}
	return out
}

// rowList returns n rows r0, r1, ….
func rowList(n int) []format.Row {
	out := make([]format.Row, n)
	for i := range out {
		out[i] = format.Row{Label: "行", Code: fmt.Sprintf("r%d", i)}
	}
	return out
}

// nestedColumns returns a chain of columns depth levels deep.
func nestedColumns(depth int) []format.Column {
	col := format.Column{Label: "列", Code: "x"}
	for range depth - 1 {
		col = format.Column{Label: "组", Children: []format.Column{col}}
	}
	return []format.Column{col}
}

// nestedRows returns a chain of rows depth levels deep.
func nestedRows(depth int) []format.Row {
	row := format.Row{Label: "行", Code: "x"}
	for range depth - 1 {
		row = format.Row{Label: "组", Children: []format.Row{row}}
	}
	return []format.Row{row}
}

// TestLimits checks every limit of a format file: a file just at it loads,
// one just over it is refused with a message naming the limit and where.
func TestLimits(t *testing.T) {
	spanned := func(span int) format.Table {
		return table("t1", []format.Column{{Label: "宽", Code: "w", Span: span}}, rowList(1))
	}
	labelled := func(n int) format.Table {
		return table("t1", columns(1, false), []format.Row{{Label: strings.Repeat("长", n), Code: "a"}})
	}
	coded := func(n int) format.Table {
		return table("t1", []format.Column{{Label: "宽", Code: "c" + strings.Repeat("x", n-1)}}, rowList(1))
	}
	manyTables := func(extra ...format.Table) []format.Table {
		out := []format.Table{grid("t1", 1250, 4), grid("t2", 1250, 4), grid("t3", 1250, 4), grid("t4", 1250, 4)}
		return append(out, extra...)
	}
	// 2,000 grid rows (a header and 1,999 rows) × 100 columns (labels and 99 blank columns).
	blank := table("t1", columns(99, true), rowList(1999))
	tests := []struct {
		name       string
		at, over   []format.Table
		want       []string // in the message for over
		rows, cols int      // of the grid of the first table at the limit, if set
	}{
		{"span", []format.Table{spanned(format.MaxSpan)}, []format.Table{spanned(format.MaxSpan + 1)},
			[]string{"表t1第 1 块 列“宽”：span 为 65，超过上限 64"}, 2, 65},
		{"column depth", []format.Table{table("t1", nestedColumns(format.MaxDepth), rowList(1))},
			[]format.Table{table("t1", nestedColumns(format.MaxDepth+1), rowList(1))},
			[]string{"表t1第 1 块：列有 9 层，超过上限 8 层"}, 9, 2},
		{"row depth", []format.Table{table("t1", columns(1, false), nestedRows(format.MaxDepth))},
			[]format.Table{table("t1", columns(1, false), nestedRows(format.MaxDepth+1))},
			[]string{"表t1第 1 块：行有 9 层，超过上限 8 层"}, 2, 9},
		{"grid columns", []format.Table{grid("t1", 1, format.MaxGridColumns-1)}, []format.Table{grid("t1", 1, format.MaxGridColumns)},
			[]string{"表格 t1：共 257 列（含行标题列），超过上限 256 列"}, 2, 256},
		{"grid rows", []format.Table{grid("t1", format.MaxGridRows-1, 1)}, []format.Table{grid("t1", format.MaxGridRows, 1)},
			[]string{"表格 t1：共 2001 行（含表头），超过上限 2000 行"}, 2000, 2},
		{"table cells", []format.Table{grid("t1", 1250, 4)}, []format.Table{grid("t1", 1667, 3)},
			[]string{"表格 t1：有 5001 个数据单元格，超过上限 5000 个"}, 1251, 5},
		{"format cells", manyTables(), manyTables(grid("t5", 1, 1)),
			[]string{"各表格共有 20001 个数据单元格，超过上限 20000 个"}, 0, 0},
		{"format grid", []format.Table{blank}, []format.Table{blank, grid("t2", 1, 1)},
			[]string{"各表格共占 200004 个网格位置（行数×列数），超过上限 200000 个"}, 2000, 100},
		{"code length", []format.Table{coded(format.MaxCodeLength)}, []format.Table{coded(format.MaxCodeLength + 1)},
			[]string{"表t1第 1 块 列“宽”：code 太长，最多 32 个字符"}, 0, 0},
		{"table ID length", []format.Table{grid("t"+strings.Repeat("x", format.MaxCodeLength-1), 1, 1)},
			[]format.Table{grid("t"+strings.Repeat("x", format.MaxCodeLength), 1, 1)},
			[]string{"太长，最多 32 个字符"}, 0, 0},
		{"label length", []format.Table{labelled(format.MaxLabelLength)}, []format.Table{labelled(format.MaxLabelLength + 1)},
			[]string{"表t1第 1 块：“长长", "”太长（201 个字），最多 200 个字"}, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := format.Parse(formatOf(t, tc.at...))
			if err != nil {
				t.Fatalf("at the limit: %v", err)
			}
			if tc.rows > 0 {
				if g := f.Tables[0].Layout(); g.Rows != tc.rows || g.Cols != tc.cols {
					t.Errorf("grid at the limit is %d×%d, want %d×%d", g.Rows, g.Cols, tc.rows, tc.cols)
				}
			}
			_, err = format.Parse(formatOf(t, tc.over...))
			if err == nil {
				t.Fatal("over the limit: accepted")
			}
			for _, want := range tc.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error does not mention %q:\n%v", want, err)
				}
			}
		})
	}
}

// TestProblemsListed checks that a file with many faults lists the first
// 50 and counts the rest.
func TestProblemsListed(t *testing.T) {
	rows := rowList(120)
	for i := range rows {
		rows[i].Code = fmt.Sprintf("R%d", i)
	}
	_, err := format.Parse(formatOf(t, table("t1", columns(1, false), rows)))
	var inv *format.InvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("err = %v", err)
	}
	if len(inv.Problems) != 50 || inv.More != 70 {
		t.Errorf("%d problems listed, %d more; want 50 and 70", len(inv.Problems), inv.More)
	}
	msg := err.Error()
	for _, want := range []string{"格式文件有 120 处问题", "code“R49”无效", "……还有 70 个问题"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error does not mention %q", want)
		}
	}
	if strings.Contains(msg, "R50") {
		t.Error("the 51st problem is listed")
	}
}

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("长", 200)
	if got := format.Excerpt(long); got != strings.Repeat("长", 120)+"…" {
		t.Errorf("Excerpt = %q", got)
	}
	if got := format.Excerpt("t3.new"); got != "t3.new" {
		t.Errorf("Excerpt = %q", got)
	}
}
