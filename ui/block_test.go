package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nianbao/ui/sheet"
)

// TestBlockCommands checks the editor's block commands on 表四: Delete over
// a block clears it as one undoable step, and the right-click menu offers
// 复制/粘贴/清除/填 0/填 / and fills the block, passing over the total.
func TestBlockCommands(t *testing.T) {
	app, w := newTestApp(t, "")
	app.OpenSample()
	v := openTable(t, app, "appeals")
	v.sheet.Focus("t4.review.upheld")
	sheet.Modifiers = func() fyne.KeyModifier { return fyne.KeyModifierShift }
	for range 2 {
		w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	sheet.Modifiers = func() fyne.KeyModifier { return 0 }
	block := []string{"t4.review.upheld", "t4.review.corrected", "t4.review.other"}
	before := make([]string, len(block))
	for i, id := range block {
		before[i] = value(app, id)
	}
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	for _, id := range block {
		if got := value(app, id); got != "" {
			t.Errorf("Delete over the block left %s = %q", id, got)
		}
	}
	if !strings.Contains(v.info.Text, "√ 已清除 3 格") {
		t.Errorf("message after Delete: %q", v.info.Text)
	}
	app.Undo()
	for i, id := range block {
		if got := value(app, id); got != before[i] {
			t.Errorf("one Ctrl+Z gave %s = %q, want %q", id, got, before[i])
		}
	}

	// The menu, on the block stretched over the 总计 column.
	v.sheet.Focus("t4.review.upheld")
	sheet.Modifiers = func() fyne.KeyModifier { return fyne.KeyModifierShift }
	for range 4 {
		w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	sheet.Modifiers = func() fyne.KeyModifier { return 0 }
	test.TapSecondary(v.sheet.Cell("t4.review.other").(fyne.SecondaryTappable))
	top := w.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(test.RenderObjectToMarkup(top), "填 0（没有发生）") {
		t.Fatal("a right click opened no menu")
	}
	w.Canvas().Overlays().Remove(top)
	menu := v.cellMenu()
	var labels []string
	for _, it := range menu.Items {
		labels = append(labels, it.Label)
	}
	if got := strings.Join(labels, "|"); got != "复制|粘贴|清除内容||填 0（没有发生）|填 /（不适用）" {
		t.Fatalf("menu items: %q", got)
	}
	menu.Items[5].Action()
	for _, id := range []string{"t4.review.upheld", "t4.review.corrected", "t4.review.other", "t4.review.pending"} {
		if got := value(app, id); got != "/" {
			t.Errorf("填 / left %s = %q", id, got)
		}
	}
	if !strings.Contains(v.info.Text, "已将 4 格填为“/”") {
		t.Errorf("message after 填 /: %q", v.info.Text)
	}
}
