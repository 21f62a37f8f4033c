package sheet_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"nianbao/forms/registry"
	"nianbao/ui/look"
	"nianbao/ui/sheet"
)

// recorder collects what a sheet reports.
type recorder struct {
	edits   []string
	commits []string
	abandon []string
	pasted  []sheet.Assignment
	fills   []string // "id,id=text"
	menus   int
	focus   []string
	reject  map[string]bool // texts OnEdit refuses
}

func newSheet(t *testing.T, formatID, tableID string) (*sheet.Sheet, *recorder, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(look.Theme())
	e, ok := registry.Builtin().Lookup(formatID)
	if !ok {
		t.Fatal("no format", formatID)
	}
	s := sheet.New(e.Format.Table(tableID))
	views := map[string]sheet.CellView{}
	for i, c := range e.Format.Cells() {
		if c.Table.ID == tableID && e.Rules.Computed(i) {
			views[c.ID] = sheet.CellView{Computed: true}
		}
	}
	s.Update(views)
	rec := &recorder{reject: map[string]bool{}}
	s.OnEdit = func(id, text string) error {
		rec.edits = append(rec.edits, id+"="+text)
		if rec.reject[text] {
			return errors.New("bad")
		}
		return nil
	}
	s.OnCommit = func(id string) { rec.commits = append(rec.commits, id) }
	s.OnAbandon = func(id string) { rec.abandon = append(rec.abandon, id) }
	s.OnPaste = func(b []sheet.Assignment) { rec.pasted = b }
	s.OnFocus = func(id string) { rec.focus = append(rec.focus, id) }
	s.OnFill = func(ids []string, text string) { rec.fills = append(rec.fills, strings.Join(ids, ",")+"="+text) }
	s.OnMenu = func(fyne.Position) { rec.menus++ }
	w := test.NewTempWindow(t, s.Scroll())
	w.Resize(fyne.NewSize(900, 700))
	return s, rec, w
}

func key(c fyne.Focusable, name fyne.KeyName) { c.TypedKey(&fyne.KeyEvent{Name: name}) }

func TestTypingAndMoving(t *testing.T) {
	s, rec, w := newSheet(t, "2021", "t3")
	if !s.Focus("t3.new.natural") {
		t.Fatal("no cell")
	}
	c := s.Cell("t3.new.natural")
	if w.Canvas().Focused() != c {
		t.Fatal("cell not focused")
	}
	test.Type(c, "12")
	if !slices.Equal(rec.edits, []string{"t3.new.natural=1", "t3.new.natural=12"}) {
		t.Errorf("live edits = %q", rec.edits)
	}
	key(c, fyne.KeyReturn)
	if !slices.Equal(rec.commits, []string{"t3.new.natural"}) {
		t.Errorf("commits = %q", rec.commits)
	}
	if got := s.FocusedID(); got != "t3.carried.natural" {
		t.Errorf("Enter moved to %q, want the cell below", got)
	}
	moves := []struct {
		key  fyne.KeyName
		want string
	}{
		{fyne.KeyRight, "t3.carried.business"},
		{fyne.KeyDown, "t3.open.business"},
		{fyne.KeyLeft, "t3.open.natural"},
		{fyne.KeyUp, "t3.carried.natural"},
		{fyne.KeyUp, "t3.new.natural"},
		{fyne.KeyUp, "t3.new.natural"}, // the top row stays
	}
	for _, m := range moves {
		key(w.Canvas().Focused(), m.key)
		if got := s.FocusedID(); got != m.want {
			t.Fatalf("%s moved to %q, want %q", m.key, got, m.want)
		}
	}
}

func TestTabSkipsTotals(t *testing.T) {
	s, _, w := newSheet(t, "2021", "t3")
	s.Focus("t3.new.otherorg")
	key(w.Canvas().Focused(), fyne.KeyTab)
	if got := s.FocusedID(); got != "t3.carried.natural" {
		t.Errorf("Tab moved to %q, want past the 总计 cell to the next row", got)
	}
	sheet.Modifiers = func() fyne.KeyModifier { return fyne.KeyModifierShift }
	defer func() { sheet.Modifiers = func() fyne.KeyModifier { return 0 } }()
	key(w.Canvas().Focused(), fyne.KeyTab)
	if got := s.FocusedID(); got != "t3.new.otherorg" {
		t.Errorf("Shift+Tab moved to %q", got)
	}
	key(w.Canvas().Focused(), fyne.KeyReturn)
	if got := s.FocusedID(); got != "t3.new.otherorg" {
		t.Errorf("Shift+Enter in the top row moved to %q", got)
	}
}

func TestInvalidInputStays(t *testing.T) {
	s, rec, w := newSheet(t, "2021", "t3")
	s.Focus("t3.new.natural")
	s.Update(map[string]sheet.CellView{"t3.new.natural": {Text: "5"}})
	rec.reject["5x"] = true
	c := w.Canvas().Focused()
	test.Type(c, "5x")
	key(c, fyne.KeyReturn)
	if s.FocusedID() != "t3.new.natural" || len(rec.commits) != 0 {
		t.Errorf("an invalid entry was committed: focus %q, commits %q", s.FocusedID(), rec.commits)
	}
	// Leaving the cell (another window, the navigation) keeps the typed text.
	c.FocusLost()
	if s.Editing() != "t3.new.natural" || len(rec.abandon) != 0 {
		t.Errorf("leaving the cell dropped the invalid entry: editing %q", s.Editing())
	}
	c.FocusGained()
	key(c, fyne.KeyEscape)
	if !slices.Equal(rec.abandon, []string{"t3.new.natural"}) || s.Editing() != "" {
		t.Errorf("Esc did not abandon: %q", rec.abandon)
	}
	key(c, fyne.KeyDelete)
	if last := rec.edits[len(rec.edits)-1]; last != "t3.new.natural=" || !slices.Contains(rec.commits, "t3.new.natural") {
		t.Errorf("Delete did not clear: %q %q", rec.edits, rec.commits)
	}
}

func TestPasteBlock(t *testing.T) {
	s, rec, w := newSheet(t, "2021", "t3")
	s.Focus("t3.new.research")
	cb := fyne.CurrentApp().Clipboard()
	cb.SetContent("1\t2\t3\t4\t5\r\n6\t7\r\n")
	w.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	var got []string
	for _, a := range rec.pasted {
		got = append(got, a.ID+"="+a.Text)
	}
	want := []string{"t3.new.research=1", "t3.new.charity=2", "t3.new.legal=3", "t3.new.otherorg=4", "t3.new.total=5",
		"t3.carried.research=6", "t3.carried.charity=7"}
	if !slices.Equal(got, want) {
		t.Errorf("pasted %q, want %q", got, want)
	}
}

func TestParseBlock(t *testing.T) {
	tests := []struct {
		in   string
		want [][]string
	}{
		{"1\t2\n3\t4\n", [][]string{{"1", "2"}, {"3", "4"}}},
		{"12 34  56", [][]string{{"12", "34", "56"}}},
		{"1\t\t3", [][]string{{"1", "", "3"}}},
		{"１２\u3000３４", [][]string{{"１２", "３４"}}},
		{"\n\n", nil},
	}
	for _, tc := range tests {
		got := sheet.ParseBlock(tc.in)
		if len(got) != len(tc.want) {
			t.Errorf("ParseBlock(%q) = %q, want %q", tc.in, got, tc.want)
			continue
		}
		for i := range got {
			if !slices.Equal(got[i], tc.want[i]) {
				t.Errorf("ParseBlock(%q) = %q, want %q", tc.in, got, tc.want)
			}
		}
	}
}

// TestLayoutImages pins how each table of the 2021 and 2019 formats looks.
func TestLayoutImages(t *testing.T) {
	for _, tc := range []struct{ format, table string }{{"2021", "t2"}, {"2021", "t3"}, {"2021", "t4"}, {"2019", "t2"}, {"2014", "stat"}} {
		t.Run(tc.format+"-"+tc.table, func(t *testing.T) {
			s, _, w := newSheet(t, tc.format, tc.table)
			s.Update(map[string]sheet.CellView{"t3.new.natural": {Text: "21"}, "t3.new.total": {Text: "21", Computed: true, Partial: true},
				"t3.carryover.natural": {Text: "3", Severity: sheet.Error}, "t2.license.decisions": {Text: "1264", Severity: sheet.Warning}})
			size := s.MinSize()
			w.Resize(fyne.NewSize(size.Width+8, min(size.Height+8, 2400)))
			test.AssertImageMatches(t, "sheet-"+tc.format+"-"+tc.table+".png", w.Canvas().Capture())
		})
	}
}

func BenchmarkNewSheet(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(look.Theme())
	e, _ := registry.Builtin().Lookup("2021")
	for b.Loop() {
		s := sheet.New(e.Format.Table("t3"))
		test.WidgetRenderer(s).Layout(s.MinSize())
	}
}

// TestWideValuesStayInTheirCell checks that a value too wide for its cell
// shows as ### and the end of a text being typed after "…", as in Excel,
// instead of being drawn over the neighbouring cells.
func TestWideValuesStayInTheirCell(t *testing.T) {
	s, _, w := newSheet(t, "2021", "t3")
	s.Update(map[string]sheet.CellView{"t3.new.natural": {Text: "123456789012"}, "t3.new.business": {Text: "12"}})
	shown := func(id string) string {
		t.Helper()
		markup := test.RenderObjectToMarkup(s.Cell(id).(fyne.CanvasObject))
		i := strings.Index(markup, "<text")
		if i < 0 {
			t.Fatalf("no text in %s", markup)
		}
		start := strings.Index(markup[i:], ">") + i + 1
		return markup[start : start+strings.Index(markup[start:], "<")]
	}
	if got := shown("t3.new.natural"); got != "###" {
		t.Errorf("a 12-digit value shows as %q", got)
	}
	if got := shown("t3.new.business"); got != "12" {
		t.Errorf("a value that fits shows as %q", got)
	}
	s.Focus("t3.carried.natural")
	test.Type(w.Canvas().Focused(), "98765432109876")
	if got := shown("t3.carried.natural"); !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "9876") {
		t.Errorf("a long text being typed shows as %q", got)
	}
}
