package export

import (
	"slices"
	"strings"
	"testing"
)

func TestTitleLines(t *testing.T) {
	const suffix = "2025年政府信息公开工作年度报告"
	tests := []struct {
		name, title, unit string
		limit             float64
		want              []string
	}{
		{"fits on one line", "青溪县" + suffix, "青溪县", 20, []string{"青溪县" + suffix}},
		{"unit on its own line", "青溪县自然资源局" + suffix, "青溪县自然资源局", 20,
			[]string{"青溪县自然资源局", suffix}},
		{"long unit breaks before 人民政府办公室", "青溪省白鹭市青溪县人民政府办公室" + suffix, "青溪省白鹭市青溪县人民政府办公室", 15,
			[]string{"青溪省白鹭市青溪县", "人民政府办公室", suffix}},
		{"long unit, most nearly equal lines", "中华人民共和国青溪省白鹭市青溪县自然资源局" + suffix, "中华人民共和国青溪省白鹭市青溪县自然资源局", 18,
			[]string{"中华人民共和国青溪省", "白鹭市青溪县自然资源局", suffix}},
		{"市场 is not a place name's end", "白鹭市市场监督管理局", "", 8, []string{"白鹭市", "市场监督管理局"}},
		{"narrow: the rest breaks too", "青溪县" + suffix, "青溪县", 10, []string{"青溪县", "2025年政府信息公开", "工作年度报告"}},
		{"custom title breaks at a word boundary", "关于青溪县自然资源局政府信息公开工作的年度报告", "青溪县自然资源局", 20,
			[]string{"关于青溪县自然资源局", "政府信息公开工作的年度报告"}},
		{"no boundary: no lone character", "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌", "", 20,
			[]string{"甲乙丙丁戊己庚辛壬癸", "子丑寅卯辰巳午未申酉戌"}},
		{"numbers stay whole", "abcdefghij2025", "", 5,
			[]string{"abcdefghij2025"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := TitleLines(tc.title, tc.unit, tc.limit)
			if !slices.Equal(got, tc.want) {
				t.Errorf("TitleLines = %q, want %q", got, tc.want)
			}
			if strings.Join(got, "") != tc.title {
				t.Errorf("lines %q lose characters of %q", got, tc.title)
			}
		})
	}
}

func TestNameLinesNeverLone(t *testing.T) {
	tests := []struct {
		name  string
		limit float64
	}{
		{"青溪县自然资源局", 7}, {"白鹭市青溪县人民政府", 9}, {"青溪县审计局", 5}, {"某某街道办事处", 6},
	}
	for _, tc := range tests {
		got := NameLines(tc.name, tc.limit)
		for _, l := range got {
			if len([]rune(l)) < 2 {
				t.Errorf("NameLines(%q, %v) = %q: a lone character", tc.name, tc.limit, got)
			}
		}
		if strings.Join(got, "") != tc.name {
			t.Errorf("NameLines(%q) = %q loses characters", tc.name, got)
		}
	}
}
