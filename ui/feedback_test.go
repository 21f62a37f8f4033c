package ui

import (
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/export/render"
	"nianbao/ui/shell"
)

// TestPasteMessages checks that a paste that worked says so with √, and
// that a pasted total differing from the computed one is named.
func TestPasteMessages(t *testing.T) {
	app, w := newTestApp(t, "")
	newReport(t, app)
	v := openTable(t, app, "appeals")
	paste := func(text string) {
		v.sheet.Focus("t4.review.upheld")
		cb := fyne.CurrentApp().Clipboard()
		cb.SetContent(text)
		w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	}
	paste("1\t2\t3\t4\t10\t5")
	if !strings.Contains(v.info.Text, "√ 已粘贴 5 格") || strings.Contains(v.info.Text, "×") {
		t.Errorf("paste that worked: %q", v.info.Text)
	}
	paste("1\t2\t3\t4\t9\t5")
	if !strings.Contains(v.info.Text, "粘贴的合计 9 与计算结果 10 不符") {
		t.Errorf("differing total not named: %q", v.info.Text)
	}
	if value(app, "t4.review.total") != "10" {
		t.Errorf("total = %s", value(app, "t4.review.total"))
	}
	paste("1\t2\t3\t4\t合计\t5")
	if strings.Contains(v.info.Text, "不符") {
		t.Errorf("a label in a total's place taken for a total: %q", v.info.Text)
	}
}

// TestNavigationBadges checks that a part with errors has a red count, one
// with warnings only a yellow one, and one with blanks only a grey 待填.
func TestNavigationBadges(t *testing.T) {
	app, _ := newTestApp(t, "")
	app.OpenSample()
	app.doc.SetText("other", "本年度无其他需要报告的事项。") // W2: 信息处理费 not mentioned
	app.doc.SetCell("t4.review.upheld", "")    // R6: blank, still to do
	app.doc.SetCell("t3.new.natural", "99")    // R1: more received than handled
	app.changed()
	tests := []struct {
		part string
		text string
		imp  widget.Importance
	}{
		{"other", "1", widget.WarningImportance},
		{"requests", "2", widget.DangerImportance},
		{"appeals", "待填 1", widget.LowImportance},
		{"overview", "2", widget.WarningImportance}, // X1: its text still says 26 received, and a share of 26
		{"problems", "", widget.MediumImportance},
	}
	for _, tc := range tests {
		text, imp := app.ed.badge(partIndex(t, app, tc.part))
		if text != tc.text || imp != tc.imp {
			t.Errorf("%s: badge %q %v, want %q %v", tc.part, text, imp, tc.text, tc.imp)
		}
	}
}

// TestNewReportFocusesUnit checks that the new-report dialog takes the
// unit's name first, with the cursor in its field.
func TestNewReportFocusesUnit(t *testing.T) {
	app, w := newTestApp(t, "")
	app.askNewReport()
	e, ok := w.Canvas().Focused().(*widget.Entry)
	if !ok || e.PlaceHolder != T("ui.new.unitHint") {
		t.Fatalf("focused: %T", w.Canvas().Focused())
	}
	test.Type(e, "某某镇人民政府")
	if e.Text != "某某镇人民政府" {
		t.Errorf("typed %q", e.Text)
	}
}

// TestCleanReportSaysPassed checks that a report without problems says
// 检查通过 in green, as the command line does, and one with problems counts
// them.
func TestCleanReportSaysPassed(t *testing.T) {
	app, _ := newTestApp(t, "")
	app.OpenSample()
	head, status := app.ed.probHead, app.ed.status.Text
	if !strings.HasPrefix(head.Text, "√ 检查通过") || head.Importance != widget.SuccessImportance || !strings.Contains(status, "√ 检查通过") {
		t.Errorf("clean report: head %q (%v), status %q", head.Text, head.Importance, status)
	}
	app.doc.SetCell("t3.new.natural", "99")
	app.changed()
	if !strings.Contains(head.Text, "2 个错误") || head.Importance == widget.SuccessImportance || !strings.Contains(app.ed.status.Text, "错误 2 个") {
		t.Errorf("report with an error: head %q, status %q", head.Text, app.ed.status.Text)
	}
}

// TestChangedMeansDifferent checks that the report is marked changed only
// while it differs from its file: typing then Esc, retyping a value and
// undoing back leave it unchanged.
func TestChangedMeansDifferent(t *testing.T) {
	app, w := newTestApp(t, "")
	app.OpenSample()
	path := filepath.Join(t.TempDir(), "r.nianbao")
	if !app.SaveAs(path) {
		t.Fatal("save failed")
	}
	v := openTable(t, app, "requests")
	steps := []struct {
		name  string
		do    func()
		dirty bool
	}{
		{"typing then Esc", func() {
			v.sheet.Focus("t3.new.natural")
			test.Type(w.Canvas().Focused(), "7")
			key(w, fyne.KeyEscape)
		}, false},
		{"retyping the value", func() {
			v.sheet.Focus("t3.new.natural")
			test.Type(w.Canvas().Focused(), value(app, "t3.new.natural"))
			key(w, fyne.KeyReturn)
		}, false},
		{"a new value", func() {
			v.sheet.Focus("t3.new.natural")
			test.Type(w.Canvas().Focused(), "99")
			key(w, fyne.KeyReturn)
		}, true},
		{"undone", func() { app.Undo() }, false},
	}
	for _, s := range steps {
		s.do()
		if app.Dirty() != s.dirty || strings.HasPrefix(w.Title(), "*") != s.dirty {
			t.Errorf("%s: changed = %v, title %q", s.name, app.Dirty(), w.Title())
		}
	}
}

// TestRecentFilesInMenu checks that the File menu lists the recent files
// and opens one.
func TestRecentFilesInMenu(t *testing.T) {
	app, w := newTestApp(t, "")
	w.SetMainMenu(app.mainMenu())
	recent := func() []*fyne.MenuItem {
		for _, it := range w.MainMenu().Items[0].Items {
			if it.Label == "最近打开" {
				return it.ChildMenu.Items
			}
		}
		t.Fatal("no 最近打开 in the File menu")
		return nil
	}
	app.OpenSample()
	path := filepath.Join(t.TempDir(), "青溪县2025年报.nianbao")
	if !app.SaveAs(path) {
		t.Fatal("save failed")
	}
	items := recent()
	if len(items) == 0 || !strings.HasPrefix(items[0].Label, "青溪县2025年报.nianbao") {
		t.Fatalf("recent files: %d, first %q", len(items), items[0].Label)
	}
	app.closeReport()
	items[0].Action()
	if app.doc == nil || app.doc.Path != path {
		t.Errorf("the recent file was not opened")
	}
}

// TestAbout checks that 关于 gives the version and where settings and
// recovery copies are kept.
func TestAbout(t *testing.T) {
	dir := t.TempDir()
	app, _ := newTestApp(t, dir)
	text := app.aboutText()
	for _, want := range []string{"版本：", "设置保存在：", "自动保存的恢复副本在：" + dir} {
		if !strings.Contains(text, want) {
			t.Errorf("about lacks %q:\n%s", want, text)
		}
	}
}

// TestExportOffersToOpen checks that after an export the clerk can open the
// file or its folder with the system's programs.
func TestExportOffersToOpen(t *testing.T) {
	app, w := newTestApp(t, "")
	var opened []string
	app.opener = func(u *url.URL) error {
		opened = append(opened, u.Path)
		return nil
	}
	app.OpenSample()
	path := filepath.Join(t.TempDir(), "年报.txt")
	kind, _ := render.Lookup("txt")
	for _, button := range []string{"打开文件", "打开所在文件夹"} {
		if !app.ExportTo(kind, path, false) {
			t.Fatal("export failed")
		}
		b := findButton(w.Canvas().Overlays().Top(), button)
		if b == nil {
			t.Fatalf("no %s button after exporting", button)
		}
		test.Tap(b)
	}
	if want := []string{filepath.ToSlash(path), filepath.ToSlash(filepath.Dir(path))}; !slices.Equal(opened, want) {
		t.Errorf("opened %q, want %q", opened, want)
	}
}

// findButton returns the button with text in the tree of o, or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// TestPreviewAndPrint checks that 打印预览 and 打印 hand a PDF of the
// report, marked 草稿 while it has errors, to the system, and that printing
// opens the PDF where the system cannot print a file directly.
func TestPreviewAndPrint(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // where the preview goes
	app, _ := newTestApp(t, "")
	var opened, printed []string
	app.opener = func(u *url.URL) error { opened = append(opened, u.Path); return nil }
	app.printer = func(path string) error { printed = append(printed, path); return nil }
	newReport(t, app) // all blank: errors
	app.preview()
	if len(opened) != 1 || !strings.HasSuffix(opened[0], ".pdf") {
		t.Fatalf("preview opened %q", opened)
	}
	data, err := os.ReadFile(filepath.FromSlash(opened[0]))
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Errorf("preview file: %v, %d bytes", err, len(data))
	}
	if bin, err := exec.LookPath("pdftotext"); err == nil {
		if text, _ := exec.Command(bin, filepath.FromSlash(opened[0]), "-").Output(); !strings.Contains(string(text), "草稿") {
			t.Error("the preview of a report with errors is not marked 草稿")
		}
	}
	app.shortcut(shortcutPrint)
	if len(printed) != 1 || !strings.HasSuffix(printed[0], ".pdf") {
		t.Errorf("Ctrl+P printed %q", printed)
	}
	app.printer = func(string) error { return shell.ErrUnsupported }
	app.print()
	if len(opened) != 2 {
		t.Errorf("print without a print verb opened %q", opened)
	}
}

// TestCtrlHomeEndInTexts checks that Ctrl+Home and Ctrl+End go to the start
// and end of a text section, as in Word.
func TestCtrlHomeEndInTexts(t *testing.T) {
	app, w := newTestApp(t, "")
	app.OpenSample()
	app.ed.nav.Select(partIndex(t, app, "overview"))
	tv := app.ed.parts[partIndex(t, app, "overview")].view.(*textView)
	w.Canvas().Focus(tv.entry)
	test.Type(tv.entry, "甲")
	ctrl := func(k fyne.KeyName) {
		tv.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
	}
	ctrl(fyne.KeyEnd)
	test.Type(tv.entry, "尾")
	ctrl(fyne.KeyHome)
	test.Type(tv.entry, "首")
	if text := tv.entry.Text; !strings.HasPrefix(text, "首") || !strings.HasSuffix(text, "尾") {
		t.Errorf("text begins %q and ends %q", []rune(text)[:3], []rune(text)[len([]rune(text))-3:])
	}
}
