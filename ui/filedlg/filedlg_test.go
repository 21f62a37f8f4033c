package filedlg

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/ui/tr"
)

// folder makes a folder with reports, another file, a subfolder, a hidden
// file and a FIFO named like a report.
func folder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, size := range map[string]int{"某某镇人民政府2025年政府信息公开工作年度报告.nianbao": 3000, "某某镇人民政府2026年政府信息公开工作年度报告.nianbao": 10, "说明.txt": 5, ".隐藏.nianbao": 1} {
		if err := os.WriteFile(filepath.Join(dir, name), make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "2024年"), 0o755); err != nil {
		t.Fatal(err)
	}
	_ = exec.Command("mkfifo", filepath.Join(dir, "管道.nianbao")).Run() // where there is one
	return dir
}

func newTestDialog(t *testing.T, o Options) (*fileDialog, fyne.Window, *[]string) {
	t.Helper()
	test.NewTempApp(t)
	if err := tr.Register(); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1000, 660))
	var got []string
	if o.Save {
		o.Name = FileName(o.Name, o.Ext)
	}
	f := newDialog(w, o, func(p string) { got = append(got, p) })
	f.show()
	return f, w, &got
}

// TestSaveInOneStep checks the 另存为 dialog: it lists the folder's
// folders and reports with full names, dates and sizes, starts with the
// suggested name in a focused field, saves on Enter, and asks before it
// replaces a file.
func TestSaveInOneStep(t *testing.T) {
	dir := folder(t)
	f, w, got := newTestDialog(t, Options{Title: "另存为", Save: true, Dir: dir, Name: "某某镇人民政府2027年政府信息公开工作年度报告", Ext: ".nianbao"})
	var names []string
	for _, it := range f.items {
		names = append(names, it.name)
	}
	if want := "2024年|某某镇人民政府2025年政府信息公开工作年度报告.nianbao|某某镇人民政府2026年政府信息公开工作年度报告.nianbao"; strings.Join(names, "|") != want {
		t.Errorf("listed %q", names)
	}
	markup := test.RenderObjectToMarkup(f.list)
	for _, want := range []string{"某某镇人民政府2026年政府信息公开工作年度报告.nianbao", "3 KB", "10 字节"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the list does not show %q", want)
		}
	}
	if w.Canvas().Focused() != f.name || f.name.SelectedText() != f.name.Text {
		t.Errorf("the name field is not focused with its text selected: %q", f.name.SelectedText())
	}
	f.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if want := filepath.Join(dir, "某某镇人民政府2027年政府信息公开工作年度报告.nianbao"); len(*got) != 1 || (*got)[0] != want {
		t.Fatalf("Enter gave %q, want %q", *got, want)
	}

	// An existing name: asked first, nothing given before the answer.
	f, w, got = newTestDialog(t, Options{Title: "另存为", Save: true, Dir: dir, Name: "x", Ext: ".nianbao"})
	f.list.Select(1)
	f.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(*got) != 0 {
		t.Fatalf("an existing file was given without asking: %q", *got)
	}
	if m := test.RenderToMarkup(w.Canvas()); !strings.Contains(m, "已存在") {
		t.Error("no question before replacing")
	}
}

// TestOpenAndFolders checks opening: a tap on a folder enters it, 上一级
// comes back, a file is given only if it exists, typed without its
// extension too.
func TestOpenAndFolders(t *testing.T) {
	dir := folder(t)
	f, _, got := newTestDialog(t, Options{Title: "打开", Dir: dir, Ext: ".nianbao"})
	f.list.Select(0)
	if f.dir != filepath.Join(dir, "2024年") || len(f.items) != 0 {
		t.Errorf("tapping the folder shows %q with %d items", f.dir, len(f.items))
	}
	f.open(filepath.Dir(f.dir))
	f.name.SetText("没有这个文件")
	f.accept()
	if len(*got) != 0 || f.note.Hidden || !strings.Contains(f.note.Text, "找不到") {
		t.Errorf("a missing file: gave %q, note %q", *got, f.note.Text)
	}
	f.name.SetText("某某镇人民政府2026年政府信息公开工作年度报告")
	f.accept()
	if want := filepath.Join(dir, "某某镇人民政府2026年政府信息公开工作年度报告.nianbao"); len(*got) != 1 || (*got)[0] != want {
		t.Errorf("opened %q", *got)
	}
}

func TestFileName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"某局2025年报告", "某局2025年报告.nianbao"},
		{" a/b:c ", "a_b_c.nianbao"},
		{"已有.NIANBAO", "已有.NIANBAO"},
		{"", "报告.nianbao"},
		{".nianbao", "报告.nianbao"},
		{"漳平市 报告", "漳平市 报告.nianbao"},
	}
	for _, tc := range tests {
		if got := FileName(tc.in, ".nianbao"); got != tc.want {
			t.Errorf("FileName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := FileName("报告", ".fragment.html"); got != "报告.fragment.html" {
		t.Errorf("FileName with a double extension = %q", got)
	}
}

func TestStartDir(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	if got := StartDir(""); got != home {
		t.Errorf("with no 文档: %q", got)
	}
	docs := filepath.Join(home, "文档")
	os.Mkdir(docs, 0o755)
	if got := StartDir(filepath.Join(home, "gone")); got != docs {
		t.Errorf("a missing last folder gives %q, want 文档", got)
	}
	if got := StartDir(home); got != home {
		t.Errorf("an existing folder gives %q", got)
	}
}
