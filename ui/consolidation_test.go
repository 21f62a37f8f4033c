package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"nianbao/assets"
	"nianbao/ui/board"
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

// waitFor polls cond while the test app's goroutines work.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestConsolidationInEditor: a new 汇总 opens on its board; a folder
// dropped on the window is received off the UI goroutine and summed; the
// summed cells are read-only and show who contributed; the breakdown has
// a column per kind.
func TestConsolidationInEditor(t *testing.T) {
	app, w := newTestApp(t, "")
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
	waitFor(t, "the consolidation", func() bool {
		var n int
		fyne.DoAndWait(func() { n = len(app.doc.Report.Consolidation.Units) })
		return n == 12
	})
	fyne.DoAndWait(func() {})
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
