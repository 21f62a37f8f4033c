package consolidate_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/forms/consolidate"
	"nianbao/forms/report"
)

func TestReadList(t *testing.T) {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String("甲局\t部门\r\n乙镇\t街道\r\n")
	for _, tc := range []struct {
		name, text, want, err string
	}{
		{"utf-8", "甲局\t部门\n乙镇\t乡镇（街道）\n", "甲局/department 乙镇/township", ""},
		{"bom and heading", "\ufeff单位名称\t单位类型\n甲局\tdepartment\n", "甲局/department", ""},
		{"gb18030", gb, "甲局/department 乙镇/township", ""},
		{"no kind", "甲局\n\n  乙镇  \t\n", "甲局/ 乙镇/", ""},
		{"bad kind", "甲局\t部门\n乙镇\t火星\n", "", "第 2 行"},
		{"twice", "甲局\t部门\n甲　局\t部门\n", "", "与第 1 行重复"},
		{"empty", "\n\n", "", "没有单位"},
		{"binary", "\x00\x01\xff\xfe", "", "不是文本"},
	} {
		path := filepath.Join(t.TempDir(), "名单.txt")
		os.WriteFile(path, []byte(tc.text), 0o644)
		list, err := consolidate.ReadList(path, reg)
		var got []string
		for _, u := range list {
			got = append(got, u.Unit+"/"+u.Kind)
		}
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: %v, want error %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil || strings.Join(got, " ") != tc.want {
			t.Errorf("%s: %v %v, want %s", tc.name, got, err, tc.want)
		}
	}
}

// FuzzReadList feeds list files, which come from anywhere: no panic, and a
// list read has units with names.
func FuzzReadList(f *testing.F) {
	f.Add([]byte("单位名称\t单位类型\n甲局\t部门\n乙镇\t乡镇\n"))
	f.Add([]byte("\xbc\xd7\xbe\xd6\t\xb2\xbf\xc3\xc5\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "l.txt")
		os.WriteFile(path, data, 0o644)
		list, err := consolidate.ReadList(path, reg)
		if err != nil {
			return
		}
		for _, u := range list {
			if strings.TrimSpace(u.Unit) == "" {
				t.Errorf("a unit without a name from %q", data)
			}
		}
	})
}

func TestParseListRoundTrip(t *testing.T) {
	list := []report.ExpectedUnit{{Unit: "甲局", Kind: "department"}, {Unit: "乙镇", Kind: "township"}, {Unit: "丙办", Kind: ""}}
	text := consolidate.FormatList(list, reg.Kinds)
	got, err := consolidate.ParseList(text, "名单", reg.Kinds)
	if err != nil || len(got) != 3 || got[1] != list[1] || got[2] != list[2] {
		t.Errorf("%q read back as %v, %v", text, got, err)
	}
	if _, err := consolidate.ParseList("甲局\t火星\n", "粘贴的名单", reg.Kinds); err == nil || !strings.Contains(err.Error(), "粘贴的名单") {
		t.Errorf("a bad pasted list: %v", err)
	}
}
