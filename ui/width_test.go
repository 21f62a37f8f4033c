package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// TestLongPathNeverWidensTheWindow opens a report saved deep in folders
// in a 1024×700 window and shows every part: the editor never asks for more
// width than the screen, whatever the path.
func TestLongPathNeverWidensTheWindow(t *testing.T) {
	app, w := newTestApp(t, "")
	w.Resize(fyne.NewSize(1024, 700))
	dir := t.TempDir()
	for i := range 6 {
		dir = filepath.Join(dir, strings.Repeat("政府信息公开工作年度报告", 1)+string(rune('甲'+i)))
	}
	path := filepath.Join(dir, "某某县某某镇人民政府2025年政府信息公开工作年度报告（定稿）.nianbao")
	app.OpenSample()
	if s := app.ed.status.Text; !strings.HasPrefix(s, "尚未保存到文件") || strings.Contains(s, "已保存") {
		t.Errorf("the sample's status says %q", s)
	}
	if err := mkdirAll(dir); err != nil {
		t.Fatal(err)
	}
	if !app.SaveAs(path) {
		t.Fatal("save failed")
	}
	for i := range app.ed.parts {
		app.ed.nav.Select(i)
		if got := w.Content().MinSize().Width; got > 1024 {
			t.Errorf("part %d: the editor needs %.0f px", i, got)
		}
	}
	if s := app.ed.status.Text; !strings.HasPrefix(s, "已保存") {
		t.Errorf("the saved report's status says %q", s)
	}
	if shown := app.ed.path.Shown(); !strings.Contains(shown, "…") || !strings.HasSuffix(shown, "（定稿）.nianbao") {
		t.Errorf("the path shows as %q", shown)
	}
	if got := w.Canvas().Size().Width; got > 1024 {
		t.Errorf("the window grew to %.0f px", got)
	}
}

func mkdirAll(dir string) error { return os.MkdirAll(dir, 0o755) }
