package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestMoneyKeepsDecimals types an amount with a trailing zero and sees the
// cell show it as typed, after the edit and after saving and reopening.
func TestMoneyKeepsDecimals(t *testing.T) {
	const id = "t2.fees.amount"
	shows := func(t *testing.T, app *App, w fyne.Window, want string) {
		t.Helper()
		openTable(t, app, "proactive")
		if got := value(app, id); got != want {
			t.Errorf("%s = %q, want %q", id, got, want)
		}
		if markup := test.RenderToMarkup(w.Canvas()); !strings.Contains(markup, ">"+want+"<") {
			t.Errorf("the table does not show %q", want)
		}
	}
	app, w := newTestApp(t, "")
	app.OpenSample()
	v := openTable(t, app, "proactive")
	v.sheet.Focus(id)
	test.Type(w.Canvas().Focused(), "７３，８０２，８９５．９０")
	key(w, fyne.KeyReturn)
	shows(t, app, w, "73802895.90")
	path := filepath.Join(t.TempDir(), "r.nianbao")
	if !app.SaveAs(path) {
		t.Fatal("save failed")
	}
	again, w2 := newTestApp(t, "")
	again.Open(path)
	shows(t, again, w2, "73802895.90")
}
