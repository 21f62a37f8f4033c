package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"nianbao/assets"
	"nianbao/forms/consolidate"
	"nianbao/ui/board"
	"nianbao/ui/task"
)

// unitFiles writes n unit reports made from the sample into a folder.
func unitFiles(t testing.TB, n int) string {
	t.Helper()
	data, err := assets.Samples.ReadFile("samples/" + assets.SampleName)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := range n {
		var f map[string]any
		json.Unmarshal(data, &f)
		kind := "department"
		if i%4 == 3 {
			kind = "township"
		}
		name := "第" + string(rune('一'+i%9)) + string(rune('甲'+i/9)) + "单位"
		f["unit"] = map[string]string{"name": name, "kind": kind}
		out, _ := json.Marshal(f)
		if err := os.WriteFile(filepath.Join(dir, name+".nianbao"), out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// uiQueue stands in for the UI goroutine's queue under Fyne's test driver,
// which runs fyne.Do at once on any goroutine: background work posts to
// it, and the test's goroutine (the UI goroutine of a test) runs it.
type uiQueue struct {
	mu    sync.Mutex
	funcs []func()
	posts int
}

func (q *uiQueue) post(f func()) {
	q.mu.Lock()
	q.funcs = append(q.funcs, f)
	q.posts++
	q.mu.Unlock()
}

func (q *uiQueue) run() {
	q.mu.Lock()
	funcs := q.funcs
	q.funcs = nil
	q.mu.Unlock()
	for _, f := range funcs {
		f()
	}
}

// queueUI makes task.Post queue for the test's goroutine.
func queueUI(t testing.TB) *uiQueue {
	q := &uiQueue{}
	old := task.Post
	task.Post = q.post
	t.Cleanup(func() { task.Post = old })
	return q
}

// waitFor runs the UI queue until cond holds.
func waitFor(t testing.TB, q *uiQueue, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for q.run(); !cond(); q.run() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestConsolidationInEditor: a new 汇总 opens on its board; a folder
// dropped on the window is received off the UI goroutine and summed; the
// summed cells are read-only and show who contributed; the breakdown has
// a column per kind.
func TestConsolidationInEditor(t *testing.T) {
	app, w := newTestApp(t, "")
	q := queueUI(t)
	if err := app.NewConsolidation("青溪县人民政府", 2025); err != nil {
		t.Fatal(err)
	}
	if app.ed.parts[0].special != partBoard || app.ed.parts[len(app.ed.parts)-1].special != partBreakdown {
		t.Fatal("the 汇总 has no board and breakdown parts")
	}
	app.ed.nav.Select(0)
	if !strings.Contains(test.RenderToMarkup(w.Canvas()), "还没有收到报告") {
		t.Error("the empty board does not say what to do")
	}
	dir := unitFiles(t, 12)
	app.dropped([]fyne.URI{storage.NewFileURI(dir)})
	waitFor(t, q, "the consolidation", func() bool { return len(app.doc.Report.Consolidation.Units) == 12 })
	if got := value(app, "t3.new.natural"); got != "252" { // 12 × 21
		t.Errorf("t3.new.natural = %s", got)
	}
	if !app.dirty {
		t.Error("the consolidation did not make the report unsaved")
	}
	markup := test.RenderToMarkup(w.Canvas())
	for _, want := range []string{"应报 12 个单位，收到 12 份，计入汇总 12 个", "第一甲单位", "通过"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the board lacks %q", want)
		}
	}
	v := openTable(t, app, "requests")
	if err := app.doc.SetCell("t3.new.natural", "1"); err == nil {
		t.Error("a summed cell took input")
	}
	v.focus = "t3.new.natural"
	v.showInfo()
	if !strings.Contains(v.info.Text, "汇总数") || !strings.Contains(v.info.Text, "等 12 个单位") {
		t.Errorf("the summed cell's information: %q", v.info.Text)
	}
	app.ed.nav.Select(len(app.ed.parts) - 1)
	bd := app.ed.parts[len(app.ed.parts)-1].view.(breakdownView)
	if markup := test.RenderToMarkup(w.Canvas()); !strings.Contains(markup, "乡镇（街道）") || bd.Breakdown == nil {
		t.Error("the breakdown has no township column")
	}
	board.ShowContributions(w, app.doc, "t3.new.natural")
	if markup := test.RenderToMarkup(w.Canvas()); !strings.Contains(markup, "汇总数 252，为 12 份报告之和") {
		t.Error("the drill-down dialog is missing")
	}
}

// TestConsolidationKeepsWindowResponsive: while hundreds of files are
// read, the UI goroutine is free (it shows a part; only progress is posted
// to it) and the progress bar moves; cancelling leaves the report as it
// was.
func TestConsolidationKeepsWindowResponsive(t *testing.T) {
	app, _ := newTestApp(t, "")
	q := queueUI(t)
	if err := app.NewConsolidation("青溪县人民政府", 2025); err != nil {
		t.Fatal(err)
	}
	dir := unitFiles(t, 81)
	for i := range 4 { // 405 files
		sub := filepath.Join(dir, string(rune('a'+i)))
		os.MkdirAll(sub, 0o755)
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !e.IsDir() {
				data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
				os.WriteFile(filepath.Join(sub, e.Name()), data, 0o644)
			}
		}
	}
	app.receive([]string{dir}, nil, false) // returns at once: the files are read in the background
	app.ed.nav.Select(2)                   // the window goes on serving the clerk
	if len(app.doc.Report.Consolidation.Units) != 0 {
		t.Error("the consolidation ran on the UI goroutine")
	}
	running := app.busy
	app.dropped([]fyne.URI{storage.NewFileURI(dir)}) // one run at a time
	if app.busy != running || running == nil {
		t.Error("a second consolidation started while one ran")
	}
	waitFor(t, q, "the consolidation", func() bool { return len(app.doc.Report.Consolidation.Units) > 0 })
	if q.posts < 2 {
		t.Errorf("%d posts to the UI goroutine: no progress shown", q.posts)
	}
	if n := len(app.doc.Report.Consolidation.Units); n != 405 {
		t.Errorf("%d units on the board", n)
	}

	// Cancelled: nothing changes.
	before := contentOf(app.doc)
	ended := false
	b, err := consolidate.Prepare(app.doc, []string{dir}, consolidate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tk := task.Run(app.win, "test", func(ctx context.Context, p task.Progress) error {
		b.Progress(p)
		return b.Read(ctx)
	}, func(err error) {
		ended = true
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled work ended with %v", err)
		}
	})
	tk.Cancel()
	waitFor(t, q, "the cancelled work", func() bool { return ended })
	if !bytes.Equal(before, contentOf(app.doc)) {
		t.Error("a cancelled consolidation changed the report")
	}
}

// findEntry returns the first multi-line entry in the tree of o, or nil.
func findEntry(o fyne.CanvasObject) *widget.Entry {
	switch x := o.(type) {
	case *widget.Entry:
		if x.MultiLine {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if e := findEntry(c); e != nil {
				return e
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if e := findEntry(c); e != nil {
				return e
			}
		}
	}
	return nil
}

// TestPastedList: the list of units typed or pasted (two columns copied
// from Excel) replaces the list, and the board shows who is missing.
func TestPastedList(t *testing.T) {
	app, w := newTestApp(t, "")
	q := queueUI(t)
	if err := app.NewConsolidation("青溪县人民政府", 2025); err != nil {
		t.Fatal(err)
	}
	dir := unitFiles(t, 2)
	app.receive([]string{dir}, nil, false)
	waitFor(t, q, "the first run", func() bool { return len(app.doc.Report.Consolidation.Units) == 2 })
	app.editList()
	overlay := w.Canvas().Overlays().Top()
	entry := findEntry(overlay)
	if entry == nil || !strings.Contains(entry.Text, "第一甲单位\t部门") {
		t.Fatalf("the list dialog does not show the list: %v", entry)
	}
	entry.SetText(entry.Text + "青溪县未报局\t部门\n城西街道\t街道\n")
	test.Tap(findButton(overlay, "确定"))
	waitFor(t, q, "the run with the list", func() bool { return len(app.doc.Report.Consolidation.Units) == 4 })
	units := app.doc.Report.Consolidation.Units
	if units[2].State != "missing" || units[3].Unit != "城西街道" || units[3].Kind != "township" || app.doc.Report.Consolidation.Learnt {
		t.Errorf("board after the pasted list: %+v", units)
	}
}

// TestImportPublished: a published report pasted as text opens unsaved;
// a cell read without certainty is listed, marked in its table, and
// confirmed from the cell's menu.
func TestImportPublished(t *testing.T) {
	app, w := newTestApp(t, "")
	text := "青溪县教育局2025年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息。\n二、主动公开政府信息情况\n" +
		"规章1023\n行政规范性文件 | 6 | 2 | 24\n"
	if err := app.importData("", []byte(text)); err != nil {
		t.Fatal(err)
	}
	if app.doc.Report.Unit.Name != "青溪县教育局" || !app.dirty {
		t.Errorf("imported %q, dirty %v", app.doc.Report.Unit.Name, app.dirty)
	}
	if !strings.Contains(test.RenderToMarkup(w.Canvas()), "待核对") {
		t.Error("the summary of the import is not shown")
	}
	v := openTable(t, app, "proactive")
	v.focus = "t2.rules.issued"
	menu := v.cellMenu()
	var confirm *fyne.MenuItem
	for _, it := range menu.Items {
		if it.Label == "确认此数" {
			confirm = it
		}
	}
	if confirm == nil {
		t.Fatal("no 确认此数 for an uncertain cell")
	}
	before := len(app.doc.Report.Uncertain)
	confirm.Action()
	if len(app.doc.Report.Uncertain) != before-1 {
		t.Error("confirming did not clear the mark")
	}
}

// TestLastYearText: a report started from last year's shows last year's
// text of each part beside the clerk's, to refer to, not copied.
func TestLastYearText(t *testing.T) {
	app, w := newTestApp(t, "")
	dir := t.TempDir()
	last := filepath.Join(dir, "2025.nianbao")
	data, _ := assets.Samples.ReadFile("samples/" + assets.SampleName)
	os.WriteFile(last, data, 0o644)
	if err := app.NewReport(NewReportSpec{Year: 2026, FromPath: last}); err != nil {
		t.Fatal(err)
	}
	app.ed.nav.Select(partIndex(t, app, "overview"))
	markup := test.RenderToMarkup(w.Canvas())
	if !strings.Contains(markup, "上年的这一部分") || !strings.Contains(markup, "2025年，青溪县自然资源局") {
		t.Error("last year's text is not shown")
	}
	if app.doc.Report.Texts["overview"] != "" {
		t.Error("last year's text was copied in")
	}
}

// TestEditParts: a pre-2019 report's parts are added, renamed and removed
// in the editor; the navigation follows.
func TestEditParts(t *testing.T) {
	app, w := newTestApp(t, "")
	if err := app.NewReport(NewReportSpec{Unit: "某区政府", Kind: "county", Year: 2016}); err != nil {
		t.Fatal(err)
	}
	app.ed.nav.Select(partIndex(t, app, "appeals"))
	app.askAddSection("appeals")
	form := w.Canvas().Overlays().Top()
	var entry *widget.Entry
	for _, o := range test.LaidOutObjects(form) {
		if e, ok := o.(*widget.Entry); ok && entry == nil {
			entry = e
		}
	}
	if entry == nil {
		t.Fatal("no title entry")
	}
	entry.SetText("六、人大代表建议和政协提案办理结果公开情况")
	test.Tap(findButton(form, "确定"))
	n := len(app.ed.parts)
	titles := ""
	for i := range app.ed.parts {
		titles += app.ed.title(i) + "|"
	}
	if !strings.Contains(titles, "五、因政府信息公开申请行政复议、提起行政诉讼的情况|六、人大代表建议和政协提案办理结果公开情况|") {
		t.Errorf("parts after adding: %s", titles)
	}
	added := app.doc.Report.Sections[5].ID
	app.doc.SetField("heading."+added, "六、建议提案办理情况")
	if got := app.ed.title(partIndex(t, app, added)); got != "六、建议提案办理情况" {
		t.Errorf("renamed part shows %q", got)
	}
	// 上移 moves it before the part above; the first part's 上移 is off.
	shown := func(id string) fyne.CanvasObject {
		app.ed.nav.Select(partIndex(t, app, id))
		return app.ed.parts[app.ed.current].view.object()
	}
	test.Tap(findButton(shown(added), "上移"))
	if ids := app.textSectionIDs(); ids[4] != added || app.ed.current != partIndex(t, app, added) {
		t.Errorf("after 上移: %v, showing part %d", ids, app.ed.current)
	}
	if b := findButton(shown(app.textSectionIDs()[0]), "上移"); !b.Disabled() {
		t.Error("the first part can move up")
	}
	app.removeSection(added)
	if len(app.ed.parts) != n-1 || app.doc.Section(added) != nil {
		t.Error("the part was not removed")
	}
}

// TestImportDialog: text pasted into the import dialog opens the report
// and leaves the summary on screen; a text that is no report keeps the
// dialog and what was pasted.
func TestImportDialog(t *testing.T) {
	app, w := newTestApp(t, "")
	app.askImport()
	dlg := w.Canvas().Overlays().Top()
	box := findEntry(dlg)
	box.SetText("今天开会。")
	test.Tap(findButton(dlg, "导入粘贴的文字"))
	if app.doc != nil || box.Text != "今天开会。" {
		t.Fatal("a text that is no report was opened, or the pasted text lost")
	}
	w.Canvas().Overlays().Top().Hide() // the error
	box.SetText("青溪县教育局2025年政府信息公开工作年度报告\n二、主动公开政府信息情况\n规章 | 1 | 0 | 2\n行政规范性文件 | 6 | 2 | 24\n")
	test.Tap(findButton(dlg, "导入粘贴的文字"))
	if app.doc == nil || app.doc.Report.Unit.Name != "青溪县教育局" {
		t.Fatal("the report did not open")
	}
	if top := w.Canvas().Overlays().Top(); top == nil || !strings.Contains(test.RenderToMarkup(w.Canvas()), "已读入") {
		t.Error("the summary is not on screen")
	}
}
