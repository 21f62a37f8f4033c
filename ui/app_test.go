package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/assets"
	"nianbao/export/render"
	"nianbao/forms/l10n"
	"nianbao/forms/registry"
)

// newTestApp starts the editor in a test window, with its own recovery
// folder and no autosave timer.
func newTestApp(t testing.TB, recoveryDir string) (*App, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1200, 800))
	if recoveryDir == "" {
		recoveryDir = t.TempDir()
	}
	return New(a, w, Options{Registry: registry.Builtin(), RecoveryDir: recoveryDir, AutosaveDelay: time.Hour}), w
}

func newReport(t testing.TB, app *App) {
	t.Helper()
	if err := app.NewReport(NewReportSpec{Unit: "测试局", Kind: "department", Year: 2025}); err != nil {
		t.Fatal(err)
	}
}

// partIndex returns the navigation index of the section with id.
func partIndex(t testing.TB, app *App, id string) int {
	t.Helper()
	for i, p := range app.ed.parts {
		if p.section != nil && p.section.ID == id {
			return i
		}
	}
	t.Fatalf("no part %s", id)
	return -1
}

// openTable shows a table section and returns its view.
func openTable(t testing.TB, app *App, sectionID string) *tableView {
	t.Helper()
	app.ed.nav.Select(partIndex(t, app, sectionID))
	return app.ed.parts[partIndex(t, app, sectionID)].view.(*tableView)
}

func value(app *App, id string) string {
	c, _ := app.doc.Entry.Format.Cell(id)
	return app.result.Values[c.Index].String()
}

func key(w fyne.Window, name fyne.KeyName) {
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name})
}

func TestWelcome(t *testing.T) {
	_, w := newTestApp(t, "")
	markup := test.RenderToMarkup(w.Canvas())
	for _, want := range []string{"年报助手", "新建报告", "打开报告…", "打开示例报告"} {
		if !strings.Contains(markup, want) {
			t.Errorf("welcome view lacks %q", want)
		}
	}
	test.AssertImageMatches(t, "welcome.png", w.Canvas().Capture())
}

// TestTypingUpdatesTotalsAndProblems types into table 三 and sees the
// total, the problems panel and the navigation count follow.
func TestTypingUpdatesTotalsAndProblems(t *testing.T) {
	app, w := newTestApp(t, "")
	app.OpenSample()
	v := openTable(t, app, "requests")
	v.sheet.Focus("t3.new.natural")
	test.Type(w.Canvas().Focused(), "25")
	if got := value(app, "t3.new.total"); got != "30" {
		t.Errorf("total = %s while typing, want 30", got)
	}
	if n := app.result.Errors(); n != 2 {
		t.Errorf("%d errors, want R1 for 自然人 and 总计", n)
	}
	if app.ed.counts[partIndex(t, app, "requests")] != 2 {
		t.Errorf("navigation count = %v", app.ed.counts)
	}
	if !strings.Contains(app.ed.probHead.Text, "2 个错误") {
		t.Errorf("problems head = %q", app.ed.probHead.Text)
	}
	if !strings.Contains(v.info.Text, "应等于") {
		t.Errorf("the info line does not show the cell's problem: %q", v.info.Text)
	}
	key(w, fyne.KeyReturn)
	if v.sheet.FocusedID() != "t3.carried.natural" {
		t.Errorf("Enter moved to %q", v.sheet.FocusedID())
	}
	if !app.Dirty() || !strings.HasPrefix(w.Title(), "*") {
		t.Errorf("unsaved change not shown: title %q", w.Title())
	}
	// Invalid input is refused at the cell, with a message.
	test.Type(w.Canvas().Focused(), "abc")
	if !strings.Contains(v.info.Text, "不是数字") {
		t.Errorf("invalid input message missing: %q", v.info.Text)
	}
	if got := value(app, "t3.carried.natural"); got != "2" {
		t.Errorf("invalid input changed the value to %q", got)
	}
}

func TestProblemJumpsToCell(t *testing.T) {
	app, w := newTestApp(t, "")
	app.OpenSample()
	app.doc.SetCell("t4.review.upheld", "")
	app.changed()
	if len(app.result.Problems) != 1 {
		t.Fatalf("problems = %+v", app.result.Problems)
	}
	app.ed.problems.Select(0)
	if app.ed.current != partIndex(t, app, "appeals") {
		t.Errorf("jumped to part %d", app.ed.current)
	}
	v := app.ed.parts[app.ed.current].view.(*tableView)
	if v.sheet.FocusedID() != "t4.review.upheld" || w.Canvas().Focused() != v.sheet.Cell("t4.review.upheld") {
		t.Errorf("focused %q", v.sheet.FocusedID())
	}
	// A text problem jumps into the text.
	app.doc.SetText("problems", "")
	app.changed()
	for i := range app.ed.problemRows() {
		if p, _ := app.ed.problemAt(i); p.Section == "problems" {
			app.ed.problems.Select(i)
		}
	}
	tv := app.ed.parts[partIndex(t, app, "problems")].view.(*textView)
	if w.Canvas().Focused() != tv.entry {
		t.Error("the text problem did not focus the text")
	}
}

func TestTextSection(t *testing.T) {
	app, w := newTestApp(t, "")
	newReport(t, app)
	app.ed.nav.Select(partIndex(t, app, "overview"))
	tv := app.ed.parts[partIndex(t, app, "overview")].view.(*textView)
	w.Canvas().Focus(tv.entry)
	test.Type(tv.entry, "本年度公开信息12条。")
	if got := app.doc.Report.Texts["overview"]; got != "本年度公开信息12条。" {
		t.Errorf("text = %q", got)
	}
	if tv.count.Text != "字数：11 / 1000" {
		t.Errorf("count = %q", tv.count.Text)
	}
	// Ctrl+Z from the menu undoes in the text.
	app.undoAction()
	if tv.entry.Text == "本年度公开信息12条。" {
		t.Error("undo in the text did nothing")
	}
}

func TestSaveAndReopen(t *testing.T) {
	app, w := newTestApp(t, "")
	newReport(t, app)
	v := openTable(t, app, "requests")
	v.sheet.Focus("t3.new.natural")
	test.Type(w.Canvas().Focused(), "7")
	key(w, fyne.KeyReturn)
	path := filepath.Join(t.TempDir(), "测试 报告.nianbao")
	if !app.SaveAs(path) {
		t.Fatal("save failed")
	}
	if app.Dirty() || strings.HasPrefix(w.Title(), "*") || !strings.Contains(w.Title(), "测试 报告") {
		t.Errorf("after saving: dirty %v, title %q", app.Dirty(), w.Title())
	}
	again, _ := newTestApp(t, "")
	again.Open(path)
	if again.doc == nil || value(again, "t3.new.natural") != "7" {
		t.Fatal("the saved value did not come back")
	}
	if got := again.Recent(); len(got) == 0 || filepath.Base(got[0]) != "测试 报告.nianbao" {
		t.Errorf("recent files = %v", got)
	}
	// A file that cannot be read shows a message and changes nothing.
	os.WriteFile(path, []byte("{broken"), 0o644)
	again.Open(path)
	if again.doc == nil || value(again, "t3.new.natural") != "7" {
		t.Error("a failed open closed the open report")
	}
}

// TestRecoveryAfterCrash simulates a crash: edits are autosaved, the app is
// dropped without saving, and the next start recovers them.
func TestRecoveryAfterCrash(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(t.TempDir(), "r.nianbao")
	os.WriteFile(path, mustSample(t), 0o644)
	app, w := newTestApp(t, dir)
	app.Open(path)
	v := openTable(t, app, "appeals")
	v.sheet.Focus("t4.review.upheld")
	test.Type(w.Canvas().Focused(), "9")
	key(w, fyne.KeyReturn)
	app.Autosave()
	// The crash: nothing saved, and the lock of the file goes with the
	// process. The next start finds the copy.
	app.doc.Close()
	next, _ := newTestApp(t, dir)
	list := next.Recoverable()
	if len(list) != 1 || list[0].Path != path || list[0].Unit != "青溪县自然资源局" {
		t.Fatalf("recoverable = %+v", list)
	}
	if err := next.Recover(list[0]); err != nil {
		t.Fatal(err)
	}
	if value(next, "t4.review.upheld") != "9" || !next.Dirty() || next.doc.Path != path {
		t.Fatalf("recovered: value %s, dirty %v, path %q", value(next, "t4.review.upheld"), next.Dirty(), next.doc.Path)
	}
	if before, _ := os.ReadFile(path); !strings.Contains(string(before), `"t4.review.upheld": "1"`) {
		t.Error("recovery changed the original file before saving")
	}
	next.Save(nil)
	if saved, _ := os.ReadFile(path); !strings.Contains(string(saved), `"t4.review.upheld": "9"`) {
		t.Error("saving the recovered report did not write its file")
	}
	if left := next.Recoverable(); len(left) != 0 {
		t.Errorf("the copy outlived the save: %+v", left)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) != 0 {
		t.Errorf("recovery folder not empty: %v", files)
	}
}

func mustSample(t testing.TB) []byte {
	data, err := assets.Samples.ReadFile("samples/" + assets.SampleName)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestUndoRedo(t *testing.T) {
	app, w := newTestApp(t, "")
	app.OpenSample()
	v := openTable(t, app, "appeals")
	v.sheet.Focus("t4.review.corrected")
	test.Type(w.Canvas().Focused(), "3")
	key(w, fyne.KeyReturn)
	if value(app, "t4.review.total") != "5" {
		t.Fatalf("total = %s", value(app, "t4.review.total"))
	}
	app.undoAction()
	if value(app, "t4.review.corrected") != "0" || value(app, "t4.review.total") != "2" {
		t.Errorf("undo: %s / %s", value(app, "t4.review.corrected"), value(app, "t4.review.total"))
	}
	app.redoAction()
	if value(app, "t4.review.corrected") != "3" {
		t.Errorf("redo: %s", value(app, "t4.review.corrected"))
	}
}

func TestFillZeroAndPaste(t *testing.T) {
	app, w := newTestApp(t, "")
	newReport(t, app)
	v := openTable(t, app, "appeals")
	v.FillZero()
	for _, p := range app.result.Problems {
		for _, id := range p.Cells {
			if strings.HasPrefix(id, "t4.") {
				t.Errorf("problem left in table 四: %s", p.Message)
			}
		}
	}
	app.Undo()
	if value(app, "t4.review.upheld") != "" {
		t.Error("undo of fill-zero left values")
	}
	v.sheet.Focus("t4.review.upheld")
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent("1\t2\t3\t4\t10\t5")
	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if value(app, "t4.review.pending") != "4" || value(app, "t4.review.total") != "10" || value(app, "t4.suit.direct.upheld") != "5" {
		t.Errorf("paste: %s %s %s", value(app, "t4.review.pending"), value(app, "t4.review.total"), value(app, "t4.suit.direct.upheld"))
	}
	if !strings.Contains(v.info.Text, "已粘贴 5 格，跳过自动计算的合计 1 格") {
		t.Errorf("paste message = %q", v.info.Text)
	}
	app.Undo()
	if value(app, "t4.review.upheld") != "" {
		t.Error("undo of paste left values")
	}
}

func TestCloseAsksWhenUnsaved(t *testing.T) {
	app, w := newTestApp(t, "")
	newReport(t, app)
	app.closeRequested()
	top := w.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(test.RenderObjectToMarkup(top), "有尚未保存的修改") {
		t.Error("closing with unsaved changes did not ask")
	}
}

func TestNewReportFromLastYear(t *testing.T) {
	app, _ := newTestApp(t, "")
	path := filepath.Join(t.TempDir(), "2025.nianbao")
	os.WriteFile(path, mustSample(t), 0o644)
	if err := app.NewReport(NewReportSpec{Year: 2026, FromPath: path}); err != nil {
		t.Fatal(err)
	}
	if app.doc.Report.Unit.Name != "青溪县自然资源局" || value(app, "t3.carried.natural") != "3" {
		t.Errorf("not carried: %+v", app.doc.Report.Unit)
	}
	if err := app.NewReport(NewReportSpec{Year: 2025, FromPath: path}); err == nil {
		t.Error("a report started from one of the same year")
	}
}

// TestScreens pins the look of the editor on each table of the sample.
func TestScreens(t *testing.T) {
	app, w := newTestApp(t, "")
	app.OpenSample()
	test.AssertImageMatches(t, "editor-preface.png", w.Canvas().Capture())
	app.ed.nav.Select(partIndex(t, app, "overview"))
	test.AssertImageMatches(t, "editor-overview.png", w.Canvas().Capture())
	for _, id := range []string{"proactive", "requests", "appeals"} {
		openTable(t, app, id)
		test.AssertImageMatches(t, "editor-"+id+".png", w.Canvas().Capture())
	}
}

// BenchmarkTableView measures building the view of table 三.
func BenchmarkTableView(b *testing.B) {
	app, _ := newTestApp(b, "")
	app.OpenSample()
	s := app.doc.Entry.Format.Section("requests")
	for b.Loop() {
		v := newTableView(app, s)
		v.refresh()
		test.WidgetRenderer(v.sheet).Layout(v.sheet.MinSize())
	}
}

// BenchmarkKeystroke measures one keystroke in a table cell through to the
// updated totals, problems panel and navigation.
func BenchmarkKeystroke(b *testing.B) { benchmarkKeystrokes(b, false) }

// BenchmarkKeystrokeRepaint measures a digit typed in a cell of table 三
// through to the repainted window (1000×660, the first window's size): the
// totals, problems panel, navigation and status line computed, then the
// whole canvas drawn by Fyne's software painter, which draws every object
// where the OpenGL painter draws only what changed.
func BenchmarkKeystrokeRepaint(b *testing.B) { benchmarkKeystrokes(b, true) }

// benchmarkKeystrokes types digits into a cell of table 三, abandoning the
// edit now and then, and paints the window after each if repaint is set.
func benchmarkKeystrokes(b *testing.B, repaint bool) {
	app, w := newTestApp(b, "")
	w.Resize(firstWindowSize)
	app.OpenSample()
	v := openTable(b, app, "requests")
	v.sheet.Focus("t3.new.natural")
	c := w.Canvas().Focused()
	for i := 0; b.Loop(); i++ {
		c.TypedRune(rune('1' + i%2))
		if i%8 == 7 {
			c.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		}
		if repaint {
			w.Canvas().Capture()
		}
	}
}

func TestNewReportDialog(t *testing.T) {
	app, w := newTestApp(t, "")
	app.askNewReport()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	markup := test.RenderObjectToMarkup(top)
	for _, want := range []string{"新建报告", "单位名称", "报告年度", "全国通用格式（2021年版）", "从上年报告开始"} {
		if !strings.Contains(markup, want) {
			t.Errorf("dialog lacks %q", want)
		}
	}
}

// TestShortcutsFromCells checks that undo and save reach the app from a
// focused cell, where no menu catches them.
func TestShortcutsFromCells(t *testing.T) {
	app, w := newTestApp(t, "")
	path := filepath.Join(t.TempDir(), "r.nianbao")
	os.WriteFile(path, mustSample(t), 0o644)
	app.Open(path)
	v := openTable(t, app, "appeals")
	v.sheet.Focus("t4.review.other")
	test.Type(w.Canvas().Focused(), "4")
	key(w, fyne.KeyReturn)
	v.sheet.Focus("t4.review.other")
	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	if value(app, "t4.review.other") != "0" {
		t.Errorf("Ctrl+Z from a cell: %s", value(app, "t4.review.other"))
	}
	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(shortcutSave)
	if app.Dirty() {
		t.Error("Ctrl+S from a cell did not save")
	}
}

// TestUndoWhileEditing: Ctrl+Z in a cell being typed in abandons the typing
// and leaves the undo history alone, as in a spreadsheet.
func TestUndoWhileEditing(t *testing.T) {
	app, w := newTestApp(t, "")
	app.OpenSample()
	v := openTable(t, app, "appeals")
	v.sheet.Focus("t4.review.other")
	test.Type(w.Canvas().Focused(), "3")
	key(w, fyne.KeyReturn)
	v.sheet.Focus("t4.review.other")
	test.Type(w.Canvas().Focused(), "7")
	app.undoAction()
	if v.sheet.Editing() != "" || value(app, "t4.review.other") != "3" {
		t.Errorf("undo while typing: editing %q, value %s", v.sheet.Editing(), value(app, "t4.review.other"))
	}
	app.undoAction()
	if value(app, "t4.review.other") != "0" {
		t.Errorf("the committed edit was not undone: %s", value(app, "t4.review.other"))
	}
}

// TestEscRestoresUnreadableText: a cell whose file text could not be read
// gets it back when an edit is abandoned.
func TestEscRestoresUnreadableText(t *testing.T) {
	app, w := newTestApp(t, "")
	path := filepath.Join(t.TempDir(), "r.nianbao")
	os.WriteFile(path, []byte(strings.Replace(string(mustSample(t)), `"t4.review.other": "0"`, `"t4.review.other": "一"`, 1)), 0o644)
	app.Open(path)
	v := openTable(t, app, "appeals")
	v.sheet.Focus("t4.review.other")
	test.Type(w.Canvas().Focused(), "5")
	key(w, fyne.KeyEscape)
	if app.doc.Report.Invalid()["t4.review.other"] != "一" {
		t.Error("Esc lost the text the file held")
	}
}

func TestRecoveryWithoutFolder(t *testing.T) {
	app, _ := newTestApp(t, "")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "settings.json"), []byte(`{"year": 2025}`), 0o644)
	os.WriteFile(filepath.Join(dir, "settings.nianbao"), []byte(`x`), 0o644)
	wd, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(wd)
	app.rec.dir = ""
	if got := app.Recoverable(); got != nil {
		t.Errorf("recoverable without a folder: %+v", got)
	}
	app.Discard(Recovered{Key: "settings"})
	if _, err := os.Stat(filepath.Join(dir, "settings.nianbao")); err != nil {
		t.Error("discard without a folder deleted a file")
	}
}

func TestExportFromEditor(t *testing.T) {
	for _, k := range render.Kinds {
		if !l10n.Has("ui.export." + k.Name) {
			t.Errorf("export kind %s has no menu label", k.Name)
		}
	}
	app, w := newTestApp(t, "")
	app.OpenSample()
	dir := t.TempDir()
	for _, k := range render.Kinds {
		path := filepath.Join(dir, "报告"+k.Extension)
		if !app.ExportTo(k, path, false) {
			t.Fatalf("export to %s failed", k.Name)
		}
		if info, err := os.Stat(path); err != nil || info.Size() < 1000 {
			t.Errorf("%s: %v", k.Name, err)
		}
	}
	if top := w.Canvas().Overlays().Top(); top == nil || !strings.Contains(test.RenderObjectToMarkup(top), "已导出到") {
		t.Error("no message after exporting")
	}
	// A report with errors asks first.
	app.doc.SetCell("t4.review.other", "")
	app.changed()
	for w.Canvas().Overlays().Top() != nil {
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
	kind, _ := render.Lookup("txt")
	app.askExport(kind)
	if top := w.Canvas().Overlays().Top(); top == nil || !strings.Contains(test.RenderObjectToMarkup(top), "草稿") {
		t.Error("exporting a report with errors did not ask")
	}
}

// TestMessagesAreWide guards against Fyne's dialogs wrapping Chinese text
// one character a line.
func TestMessagesAreWide(t *testing.T) {
	app, w := newTestApp(t, "")
	app.inform("标题", "这是一条相当长的中文提示信息，用来检查对话框是否足够宽，不会一个字一行。")
	top := w.Canvas().Overlays().Top()
	if top == nil || top.Size().Width < 400 {
		t.Errorf("message dialog is %v wide", top.Size())
	}
}
