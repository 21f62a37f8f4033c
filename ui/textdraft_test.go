package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// openText shows a text section and returns its view.
func openText(t testing.TB, app *App, sectionID string) *textView {
	t.Helper()
	app.ed.nav.Select(partIndex(t, app, sectionID))
	return app.ed.parts[partIndex(t, app, sectionID)].view.(*textView)
}

// TestWarningAtSentence: a number of the text that contradicts the table
// is shown under the text with the table's value; tapping the warning, or
// choosing it in the list of problems, puts the cursor at the sentence.
func TestWarningAtSentence(t *testing.T) {
	app, w := newTestApp(t, "")
	app.OpenSample()
	v := openText(t, app, "overview")
	text := strings.Replace(v.entry.Text, "办结24件", "办结25件", 1)
	v.entry.SetText(text) // as typed: through OnChanged
	var link *widget.Hyperlink
	for _, o := range v.issues.Objects {
		if l, ok := o.(*widget.Hyperlink); ok && strings.Contains(l.Text, "办结25件") {
			link = l
		}
	}
	if link == nil || !strings.Contains(link.Text, "24件") {
		t.Fatalf("no warning at the sentence: %d rows", len(v.issues.Objects))
	}
	want := utf8.RuneCountInString(text[:strings.Index(text, "办结25件")])
	v.entry.CursorRow, v.entry.CursorColumn = 0, 0
	link.OnTapped() // a tap on its words
	if got := v.entry.CursorTextOffset(); got != want {
		t.Errorf("the cursor at %d, want %d (the quoted words)", got, want)
	}
	if w.Canvas().Focused() != v.entry {
		t.Error("the text does not have the focus")
	}
	// From the list of all problems.
	v.entry.CursorRow, v.entry.CursorColumn = 0, 0
	for _, p := range app.result.Problems {
		if p.Rule == "X1" {
			app.ed.jumpTo(p)
		}
	}
	if got := v.entry.CursorTextOffset(); got != want {
		t.Errorf("jumped to %d, want %d", got, want)
	}
}

// TestInsertDraft: 起草段落 offers the drafts; the one chosen goes in at
// the cursor, as one undo step, and agrees with the tables.
func TestInsertDraft(t *testing.T) {
	app, w := newTestApp(t, "")
	app.OpenSample()
	v := openText(t, app, "overview")
	before := v.entry.Text
	v.entry.placeCursor(utf8.RuneCountInString(before)) // at the end
	findButton(v.root, "起草段落…").OnTapped()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	insert := findButton(top, "插入到光标处")
	if insert == nil {
		t.Fatalf("no draft offered:\n%s", test.RenderObjectToMarkup(top))
	}
	test.Tap(insert)
	after := v.entry.Text
	if !strings.HasPrefix(after, before+"\n全年新收政府信息公开申请26件") {
		t.Fatalf("the draft not inserted at the cursor as a paragraph:\n%s", after[len(before)-30:])
	}
	for _, p := range app.result.Problems {
		if strings.HasPrefix(p.Rule, "X") {
			t.Errorf("the draft disagrees with the report: %s", p.Message)
		}
	}
	v.entry.TypedShortcut(&fyne.ShortcutUndo{})
	if v.entry.Text != before {
		t.Error("undo does not take the draft back")
	}
	// A report without figures: nothing to draft, and it says why.
	app2, w2 := newTestApp(t, "")
	newReport(t, app2)
	findButton(openText(t, app2, "overview").root, "起草段落…").OnTapped()
	if top := w2.Canvas().Overlays().Top(); top == nil || !strings.Contains(test.RenderObjectToMarkup(top), "还没有填完") {
		t.Error("an empty report: no reason given")
	}
}

// TestAsParagraph: a draft goes in as a paragraph of its own.
func TestAsParagraph(t *testing.T) {
	for _, tc := range []struct {
		entry string
		pos   int
		want  string
	}{
		{"", 0, "甲"},
		{"一段。", 0, "甲\n"},
		{"一段。", 3, "\n甲"},
		{"一段。\n二段。", 4, "甲\n"},
		{"一段。\n二段。", 2, "\n甲\n"},
		{"一段。\n", 4, "甲"},
	} {
		if got := asParagraph(tc.entry, tc.pos, "甲"); got != tc.want {
			t.Errorf("%q at %d: %q, want %q", tc.entry, tc.pos, got, tc.want)
		}
	}
}
