package format_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/forms/format"
	"nianbao/forms/registry"
)

// outline lists every label of a table in reading order: per block the
// band, the corner, the column labels (pre-order) and the row labels
// (pre-order), each prefixed with its depth.
func outline(t *format.Table) []string {
	var out []string
	var cols func([]format.Column, int)
	cols = func(cs []format.Column, d int) {
		for _, c := range cs {
			out = append(out, strings.Repeat(">", d)+c.Label)
			cols(c.Children, d+1)
		}
	}
	var rows func([]format.Row, int)
	rows = func(rs []format.Row, d int) {
		for _, r := range rs {
			out = append(out, strings.Repeat(">", d)+r.Label)
			rows(r.Children, d+1)
		}
	}
	for _, b := range t.Blocks {
		out = append(out, "band:"+b.Band, "corner:"+b.Corner)
		cols(b.Columns, 0)
		rows(b.Rows, 0)
	}
	return out
}

func TestLabelsMatchSpec(t *testing.T) {
	reg := registry.Builtin()
	for _, tc := range specTables {
		t.Run(tc.format+"/"+tc.table, func(t *testing.T) {
			e, ok := reg.Lookup(tc.format)
			if !ok {
				t.Fatalf("format %s missing", tc.format)
			}
			got := outline(e.Format.Table(tc.table))
			if !slices.Equal(got, tc.want) {
				t.Errorf("labels differ from the spec\n got: %q\nwant: %q", got, tc.want)
			}
		})
	}
}

func TestSectionHeadingsMatchSpec(t *testing.T) {
	want := []string{"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
		"四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"}
	for _, id := range []string{"2021", "2019"} {
		e, _ := registry.Builtin().Lookup(id)
		var got []string
		for _, s := range e.Format.Sections {
			got = append(got, s.Heading)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s headings = %q, want %q", id, got, want)
		}
	}
}

// TestExpectationsQuoteSpec keeps the expectations above honest: every label
// of the 2019 and 2021 tables must stand verbatim in the domain reference.
// Skipped where the shared folder is not beside the checkout.
func TestExpectationsQuoteSpec(t *testing.T) {
	spec, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "spec", "report-formats.md"))
	if err != nil {
		t.Skip("shared/spec not beside the checkout:", err)
	}
	for _, tc := range specTables {
		for _, l := range tc.want {
			l = strings.TrimLeft(l, ">")
			l = strings.TrimPrefix(strings.TrimPrefix(l, "band:"), "corner:")
			if l == "" {
				continue
			}
			if !strings.Contains(string(spec), l) {
				t.Errorf("%s label %q not in the spec", tc.format, l)
			}
		}
	}
}

// Test2014LabelsFollowSeed checks the 统计表 against the 2014 seed report's
// 附件: every label stands there, in the same order.
func Test2014LabelsFollowSeed(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seeds", "000_7208083de3efb6f2.txt"))
	if err != nil {
		t.Skip("shared/seeds not beside the checkout:", err)
	}
	text := string(seed)
	text = halfWidth(strings.Join(strings.Fields(text[strings.Index(text, "附件"):]), ""))
	e, _ := registry.Builtin().Lookup("2014")
	pos := 0
	for _, l := range outline(e.Format.Table("stat")) {
		l = strings.TrimLeft(l, ">")
		l = strings.TrimPrefix(strings.TrimPrefix(l, "band:"), "corner:")
		if l == "" {
			continue
		}
		want := halfWidth(strings.ReplaceAll(l, " ", ""))
		i := strings.Index(text[pos:], want)
		if i < 0 {
			t.Errorf("label %q not found in the seed after position %d", l, pos)
			continue
		}
		pos += i + len(want)
	}
}

func halfWidth(s string) string {
	return strings.NewReplacer("（", "(", "）", ")", "：", ":", "，", ",", "、", "、").Replace(s)
}
