package textwrap_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"nianbao/forms/textwrap"
)

// width counts a CJK character as 2 and anything else as 1.
func width(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2E80 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func TestLines(t *testing.T) {
	tests := []struct {
		text  string
		width float64
		want  []string
	}{
		{"本年度主动公开信息", 8, []string{"本年度主", "动公开信", "息"}},
		{"公开信，共计", 6, []string{"公开", "信，共", "计"}},
		{"主动公开（含解读）", 10, []string{"主动公开", "（含解读）"}},
		{"收到申请12345件", 12, []string{"收到申请", "12345件"}},
		{"第一行\n\n第三行", 20, []string{"第一行", "", "第三行"}},
		{"12345678901234", 6, []string{"123456", "789012", "34"}},
		{"", 10, []string{""}},
		{"a b c", 3, []string{"a b", "c"}},
		{"。。。。", 2, []string{"。", "。", "。", "。"}},
	}
	for _, tc := range tests {
		if got := textwrap.Lines(tc.text, tc.width, width); !slices.Equal(got, tc.want) {
			t.Errorf("Lines(%q, %v) = %q, want %q", tc.text, tc.width, got, tc.want)
		}
	}
}

// FuzzLines checks that breaking never loses or invents characters (other
// than spaces at breaks), and that every line fits unless a single rune does
// not.
func FuzzLines(f *testing.F) {
	f.Add("本年度主动公开信息356条，其中政策文件41条（含解读）。", 9.0)
	f.Add("a b\nc", 1.0)
	f.Fuzz(func(t *testing.T, text string, w float64) {
		if w < 1 || w > 1000 || !utf8.ValidString(text) || len(text) > 2000 {
			return
		}
		lines := textwrap.Lines(text, w, width)
		join := strings.ReplaceAll(strings.Join(lines, ""), " ", "")
		want := strings.ReplaceAll(strings.ReplaceAll(text, "\n", ""), " ", "")
		if join != want {
			t.Fatalf("lines %q lose characters of %q", lines, text)
		}
		for _, l := range lines {
			if width(l) > w && utf8.RuneCountInString(l) > 1 {
				t.Fatalf("line %q is wider than %v", l, w)
			}
		}
	})
}
