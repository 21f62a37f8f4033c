package safefile

import (
	"strings"
	"testing"
)

func TestName(t *testing.T) {
	for in, want := range map[string]string{
		"青溪县自然资源局":               "青溪县自然资源局",
		" 甲/乙:丙*局? ":             "甲_乙_丙_局_",
		"../../x局":               ".._.._x局",
		"CON":                    "_CON",
		"nul.txt":                "_nul.txt",
		"局名。。..":                 "局名。。",
		"a\tb":                   "a_b",
		strings.Repeat("长", 100): strings.Repeat("长", 80),
		"":                       "",
	} {
		if got := Name(in); got != want {
			t.Errorf("Name(%q) = %q, want %q", in, got, want)
		}
	}
}
