package help_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"nianbao/docs"
	"nianbao/ui/help"
)

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# 标题\n\n![开始页面](images/welcome.png)\n正文", "# 标题\n\n正文"},
		{"| 情况 | 填法 |\n|---|---|\n| 有数字 | 直接填 |\n| 没有发生 | 填 `0` |\n\n后文",
			"- 有数字：直接填\n- 没有发生：填 `0`\n\n后文"},
		{"| 只有一列 |\n| 另一行 |", "- 只有一列\n- 另一行"},
		{"a | b", "a | b"},
		{"![图](images/a.png)正文接着写", "正文接着写"},
	}
	for _, tc := range tests {
		if got := help.Markdown(tc.in); got != tc.want {
			t.Errorf("Markdown(%q) =\n%q, want\n%q", tc.in, got, tc.want)
		}
	}
}

// TestGuideWindow checks that the embedded guide opens as readable text:
// its headings, no picture or table markup left over.
func TestGuideWindow(t *testing.T) {
	a := test.NewTempApp(t)
	w := help.NewWindow(a, "用户指南", docs.UserGuide)
	defer w.Close()
	markup := test.RenderToMarkup(w.Canvas())
	for _, want := range []string{"年报助手 用户指南", "填写规则", "有数字"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the guide window lacks %q", want)
		}
	}
	if md := help.Markdown(docs.UserGuide); strings.Contains(md, "![") || strings.Contains(md, "|---") {
		t.Error("picture or table markup left in the guide")
	}
	if size := w.Canvas().Size(); size.Width > 1000 || size.Height > 660 {
		t.Errorf("the guide window is %v, larger than the editor's first window", size)
	}
}
