package format_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/assets"
	"nianbao/forms/format"
	"nianbao/forms/registry"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestCellCounts(t *testing.T) {
	want := map[string]map[string]int{
		"2021": {"二": 10, "三": 175, "四": 15},
		"2019": {"二": 22, "三": 161, "四": 15},
		"2014": {"统计表": 58},
	}
	for id, tables := range want {
		e, ok := registry.Builtin().Lookup(id)
		if !ok {
			t.Fatalf("format %s missing", id)
		}
		got := map[string]int{}
		for _, c := range e.Format.Cells() {
			got[c.Table.Name]++
		}
		if fmt.Sprint(got) != fmt.Sprint(tables) {
			t.Errorf("%s cells per table = %v, want %v", id, got, tables)
		}
	}
}

func TestCellPaths(t *testing.T) {
	e, _ := registry.Builtin().Lookup("2021")
	tests := []struct {
		id        string
		row, col  string
		kind      format.Kind
		labelPart string
	}{
		{"t3.deny.safety.natural", "三、本年度办理结果|（三）不予公开|3.危及“三安全一稳定”", "申请人情况|自然人", format.Count, "表三“（三）不予公开 3.危及“三安全一稳定”／自然人”"},
		{"t3.carryover.total", "四、结转下年度继续办理", "申请人情况|总计", format.Count, "表三“四、结转下年度继续办理／总计”"},
		{"t2.fees.amount", "第二十条第（八）项|行政事业性收费", "本年收费金额（单位：万元）", format.Money, "表二“行政事业性收费／本年收费金额（单位：万元）”"},
		{"t4.suit.after.pending", "", "行政诉讼|复议后起诉|尚未审结", format.Count, "表四“复议后起诉 尚未审结”"},
	}
	for _, tc := range tests {
		c, ok := e.Format.Cell(tc.id)
		if !ok {
			t.Errorf("cell %s missing", tc.id)
			continue
		}
		if got := strings.Join(c.RowPath, "|"); got != tc.row {
			t.Errorf("%s row path = %q, want %q", tc.id, got, tc.row)
		}
		if got := strings.Join(c.ColPath, "|"); got != tc.col {
			t.Errorf("%s col path = %q, want %q", tc.id, got, tc.col)
		}
		if c.Spec.Kind != tc.kind {
			t.Errorf("%s kind = %s, want %s", tc.id, c.Spec.Kind, tc.kind)
		}
		if got := c.Label(); got != tc.labelPart {
			t.Errorf("%s label = %q, want %q", tc.id, got, tc.labelPart)
		}
	}
	e14, _ := registry.Builtin().Lookup("2014")
	c, _ := e14.Format.Cell("stat.review.corrected")
	if got, want := c.Label(), "统计表“四、行政复议数量 （二）被依法纠错数”"; got != want {
		t.Errorf("2014 label = %q, want %q", got, want)
	}
}

// renderGrid prints a grid one cell a line, for golden files.
func renderGrid(g format.Grid) string {
	roles := []string{"corner", "band", "colhead", "unithead", "rowlabel", "unit", "value", "blank"}
	var b strings.Builder
	fmt.Fprintf(&b, "grid %d×%d, header rows %d\n", g.Rows, g.Cols, g.HeaderRows)
	for _, c := range g.Cells {
		text := c.Text
		if c.Role == format.ValueCell {
			text = c.CellID
		}
		fmt.Fprintf(&b, "r%d c%d %d×%d %s%s %s\n", c.Row, c.Col, c.RowSpan, c.ColSpan, roles[c.Role],
			strings.Repeat("+", c.Indent), text)
	}
	return b.String()
}

// TestLayoutGolden pins the printed layout of every table: merged headers,
// nested row labels with their spans, value cells.
func TestLayoutGolden(t *testing.T) {
	for _, e := range registry.Builtin().All() {
		for i := range e.Format.Tables {
			tbl := &e.Format.Tables[i]
			name := filepath.Join("testdata", "layout-"+e.Format.ID+"-"+tbl.ID+".golden")
			got := renderGrid(tbl.Layout())
			if *update {
				if err := os.WriteFile(name, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(name)
			if err != nil {
				t.Fatalf("%v (run go test -update to create)", err)
			}
			if got != string(want) {
				t.Errorf("layout of %s/%s changed; diff against %s (go test -update rewrites it)\n%s", e.Format.ID, tbl.ID, name, got)
			}
		}
	}
}

// TestLayoutCoversGrid checks that the merged cells of every table tile its
// grid exactly: no gaps, no overlaps.
func TestLayoutCoversGrid(t *testing.T) {
	for _, e := range registry.Builtin().All() {
		for i := range e.Format.Tables {
			g := e.Format.Tables[i].Layout()
			seen := make([][]bool, g.Rows)
			for r := range seen {
				seen[r] = make([]bool, g.Cols)
			}
			ids := 0
			for _, c := range g.Cells {
				if c.Role == format.ValueCell {
					ids++
				}
				for r := c.Row; r < c.Row+c.RowSpan; r++ {
					for col := c.Col; col < c.Col+c.ColSpan; col++ {
						if r >= g.Rows || col >= g.Cols || seen[r][col] {
							t.Fatalf("%s/%s: cell %+v overlaps or leaves the grid", e.Format.ID, e.Format.Tables[i].ID, c)
						}
						seen[r][col] = true
					}
				}
			}
			for r := range seen {
				for col, ok := range seen[r] {
					if !ok {
						t.Errorf("%s/%s: grid position r%d c%d is not covered", e.Format.ID, e.Format.Tables[i].ID, r, col)
					}
				}
			}
			want := 0
			for _, c := range e.Format.Cells() {
				if c.Table == &e.Format.Tables[i] {
					want++
				}
			}
			if ids != want {
				t.Errorf("%s/%s: %d value cells in the grid, %d in the catalog", e.Format.ID, e.Format.Tables[i].ID, ids, want)
			}
		}
	}
}

func TestYearRange(t *testing.T) {
	r := format.YearRange{From: 2019, To: 2020}
	for year, want := range map[int]bool{2018: false, 2019: true, 2020: true, 2021: false} {
		if r.Contains(year) != want {
			t.Errorf("Contains(%d) = %v", year, !want)
		}
	}
	if !(format.YearRange{From: 2021}).Contains(2040) {
		t.Error("open range must contain later years")
	}
}

// minimal is a small valid format that the validation tests break.
const minimal = `{"schema": 1, "id": "local", "name": "测试格式", "years": {"from": 2021},
 "sections": [{"id": "a", "heading": "一、文字", "kind": "text", "guidance": ""},
              {"id": "b", "heading": "二、表格", "kind": "table", "table": "t1", "guidance": ""}],
 "tables": [{"id": "t1", "name": "一", "blocks": [{"columns": [{"label": "数量", "code": "n"}],
             "rows": [{"label": "甲", "code": "a"}, {"label": "乙", "code": "b"}]}]}],
 "rules": [{"id": "X1", "severity": "warning", "expr": "t1.a.n <= t1.b.n", "message": "甲不应多于乙"}]}`

func TestParseValid(t *testing.T) {
	f, err := format.Parse([]byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Cells()) != 2 || f.Cells()[1].ID != "t1.b.n" {
		t.Errorf("cells = %+v", f.Cells())
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"not json", `{"schema"`, `{"schema`, "不是有效的 JSON"},
		{"newer schema", `"schema": 1`, `"schema": 9`, "新版本"},
		{"unknown field", `"guidance": ""}]`, `"guidance": "", "colour": 1}]`, "不认识的字段"},
		{"bad id", `"id": "local"`, `"id": "Local Format"`, "格式编号"},
		{"no name", `"name": "测试格式"`, `"name": " "`, "name"},
		{"bad years", `"years": {"from": 2021}`, `"years": {"from": 2021, "to": 2020}`, "适用年度"},
		{"missing table", `"table": "t1"`, `"table": "t9"`, "表格“t9”不存在"},
		{"duplicate cell", `"code": "b"}`, `"code": "a"}`, "重复"},
		{"bad code", `"code": "n"`, `"code": "N-1"`, "code“N-1”无效"},
		{"money without unit", `"code": "n"}`, `"code": "n", "kind": "money"}`, "unit"},
		{"bad kind", `"code": "n"}`, `"code": "n", "kind": "float"}`, "数值类型"},
		{"bad severity", `"severity": "warning"`, `"severity": "fatal"`, "严重程度"},
		{"no message", `"message": "甲不应多于乙"`, `"message": ""`, "message"},
		{"unused table", `"kind": "table", "table": "t1"`, `"kind": "text"`, "没有被任何部分使用"},
		{"bad section kind", `"kind": "text"`, `"kind": "image"`, "类型“image”无效"},
		{"width mismatch", `"rows": [{"label": "甲", "code": "a"}, {"label": "乙", "code": "b"}]}]`,
			`"rows": [{"label": "甲", "code": "a"}]}, {"columns": [{"label": "x", "code": "x"}, {"label": "y", "code": "y"}], "rows": [{"label": "乙", "code": "b"}]}]`, "不一致"},
		{"valued in merged", `{"label": "乙", "code": "b"}`, `{"label": "乙", "code": "b", "valued": true, "children": [{"label": "丙", "code": "c"}]}`, "valued"},
		{"length without limit", `"expr": "t1.a.n <= t1.b.n"`, `"check": "length", "section": "a"`, "maxChars"},
		{"when on a text check", `"expr": "t1.a.n <= t1.b.n"`, `"check": "filled", "when": {"unitKinds": ["township"]}`, "when"},
		{"forEach two sources", `"expr"`, `"forEach": {"var": "x", "cols": "t1", "values": ["a"]}, "expr"`, "forEach"},
		{"limits without limits", `"expr": "t1.a.n <= t1.b.n"`, `"check": "limits"`, "limits"},
		{"limit without cells", `"expr": "t1.a.n <= t1.b.n"`, `"check": "limits", "limits": [{"max": 10}]`, "cells"},
		{"limit of nothing", `"expr": "t1.a.n <= t1.b.n"`, `"check": "limits", "limits": [{"cells": ["t1.a.n"], "max": 0}]`, "max"},
		{"limit too large", `"expr": "t1.a.n <= t1.b.n"`, `"check": "limits", "limits": [{"cells": ["t1.a.n"], "max": 1e13}]`, "max"},
		{"unusual of no kind", `"expr": "t1.a.n <= t1.b.n"`, `"check": "unusual", "unusual": [{"kind": "odd", "label": "甲", "cells": ["t1.a.n"], "message": "m"}]`, "unusual"},
		{"share over 1", `"expr": "t1.a.n <= t1.b.n"`, `"check": "unusual", "unusual": [{"kind": "share", "label": "甲", "cells": ["t1.a.n"], "whole": ["t1.b.n"], "over": 1.5, "message": "m"}]`, "unusual"},
		{"unsaid without words", `"expr": "t1.a.n <= t1.b.n"`, `"check": "unusual", "unusual": [{"kind": "unsaid", "label": "甲", "cells": ["t1.a.n"], "message": "m"}]`, "unusual"},
		{"repeated without thresholds", `"expr": "t1.a.n <= t1.b.n"`, `"check": "repeated", "sections": ["a"]`, "similar"},
		{"repeated of a table", `"expr": "t1.a.n <= t1.b.n"`, `"check": "repeated", "sections": ["b"], "similar": {"sentence": 0.7, "text": 0.6}`, "b"},
		{"repeated twice over", `"expr": "t1.a.n <= t1.b.n"`, `"check": "repeated", "sections": ["a", "a"], "similar": {"sentence": 0.7, "text": 0.6}`, "a"},
		{"draft of a table", `"rules"`, `"drafts": [{"section": "b", "title": "t", "parts": [{"text": "{t1.a.n}件"}]}], "rules"`, "起草"},
		{"draft brace open", `"rules"`, `"drafts": [{"section": "a", "title": "t", "parts": [{"text": "{t1.a.n件"}]}], "rules"`, "起草"},
		{"draft of no cell", `"rules"`, `"drafts": [{"section": "a", "title": "t", "parts": [{"text": "{t1.z.n}件"}]}], "rules"`, "t1.z.n"},
		{"draft share of one", `"rules"`, `"drafts": [{"section": "a", "title": "t", "parts": [{"text": "{share:t1.a.n}"}]}], "rules"`, "起草"},
		{"infographic of no panels", `"rules"`, `"infographic": {"panels": []}, "rules"`, "图解"},
		{"infographic of no cell", `"rules"`, `"infographic": {"panels": [{"title": "甲", "kind": "tiles", "figures": [{"label": "甲", "value": "t1.a.n+t1.z.n"}]}]}, "rules"`, "t1.z.n"},
		{"infographic bars without whole", `"rules"`, `"infographic": {"panels": [{"title": "甲", "kind": "bars", "figures": [{"label": "甲", "value": "t1.a.n"}]}]}, "rules"`, "value"},
		{"infographic of no kind", `"rules"`, `"infographic": {"panels": [{"title": "甲", "kind": "ring", "figures": [{"label": "甲", "value": "t1.a.n"}]}]}, "rules"`, "ring"},
		{"infographic figure without label", `"rules"`, `"infographic": {"panels": [{"title": "甲", "kind": "tiles", "figures": [{"label": " ", "value": "t1.a.n"}]}]}, "rules"`, "label"},
		{"infographic of too many figures", `"rules"`, `"infographic": {"panels": [{"title": "甲", "kind": "tiles", "figures": [` + strings.Repeat(`{"label": "甲", "value": "t1.a.n"}, `, format.MaxInfoFigures) + `{"label": "甲", "value": "t1.a.n"}]}]}, "rules"`, "figures: 25"},
		{"infographic cell twice", `"rules"`, `"infographic": {"panels": [{"title": "甲", "kind": "tiles", "figures": [{"label": "甲", "value": "t1.a.n+t1.a.n"}]}]}, "rules"`, "t1.a.n"},
		{"infographic label too long", `"rules"`, `"infographic": {"panels": [{"title": "甲", "kind": "tiles", "figures": [{"label": "` + strings.Repeat("长", format.MaxInfoLabel+1) + `", "value": "t1.a.n"}]}]}, "rules"`, "label"},
		{"infographic title with a tab", `"rules"`, `"infographic": {"panels": [{"title": "甲\t乙", "kind": "tiles", "figures": [{"label": "甲", "value": "t1.a.n"}]}]}, "rules"`, "title"},
		{"fee of blanks", `"rules"`, `"fee": {"words": [" "], "none": ["未收取"]}, "rules"`, "fee"},
		{"share of no name", `"rules"`, `"mentions": [{"cells": ["t1.a.n"], "words": ["甲"], "shares": [{"name": "", "cells": ["t1.b.n"]}]}], "rules"`, "mentions"},
		{"limits on an expression", `"expr": "t1.a.n <= t1.b.n"`, `"expr": "t1.a.n <= t1.b.n", "limits": [{"cells": ["t1.a.n"], "max": 9}]`, "limits"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(minimal, tc.old) {
				t.Fatalf("test is stale: %q not in the minimal format", tc.old)
			}
			_, err := format.Parse([]byte(strings.Replace(minimal, tc.old, tc.new, 1)))
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not mention %q", err, tc.want)
			}
		})
	}
}

func TestParseTooLarge(t *testing.T) {
	_, err := format.Parse(make([]byte, format.MaxFileSize+1))
	if err == nil || !strings.Contains(err.Error(), "太大") {
		t.Errorf("err = %v", err)
	}
}

// FuzzParse feeds the format parser, which reads user-placed files, with
// mutations of real formats: it must never panic, and anything it accepts
// must lay out every table.
func FuzzParse(f *testing.F) {
	f.Add([]byte(minimal))
	for _, name := range []string{"formats/2021.json", "formats/2019.json", "formats/2014.json"} {
		data, err := assets.Formats.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fm, err := format.Parse(data)
		if err != nil {
			return
		}
		for i := range fm.Tables {
			fm.Tables[i].Layout()
		}
		for _, c := range fm.Cells() {
			c.Label()
		}
	})
}
