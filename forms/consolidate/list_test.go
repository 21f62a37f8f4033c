package consolidate_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/forms/consolidate"
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
