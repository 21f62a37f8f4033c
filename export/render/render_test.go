package render

import "testing"

func TestForPath(t *testing.T) {
	tests := []struct{ path, want string }{
		{"报告.pdf", "pdf"},
		{`C:\文档\报告.PDF`, "pdf"},
		{"报告.template.xlsx", "xlsx-template"},
		{"报告.xlsx", "xlsx"},
		{"报告.fragment.html", "fragment"},
		{"报告.html", "html"},
		{"报告.txt", "txt"},
		{"报告.doc", ""},
		{"报告.nianbao", ""},
		{"", ""},
	}
	for _, tc := range tests {
		k, ok := ForPath(tc.path)
		if k.Name != tc.want || ok != (tc.want != "") {
			t.Errorf("ForPath(%q) = %q, %v; want %q", tc.path, k.Name, ok, tc.want)
		}
	}
}
