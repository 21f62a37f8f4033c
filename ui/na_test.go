package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestChineseSlashMeansNA types what the "/" key gives in Chinese input
// methods with Chinese punctuation, "、", and the other marks of 不适用.
func TestChineseSlashMeansNA(t *testing.T) {
	const id = "t2.rules.issued"
	for _, typed := range []string{"、", "／", "/"} {
		app, w := newTestApp(t, "")
		app.OpenSample()
		v := openTable(t, app, "proactive")
		v.sheet.Focus(id)
		test.Type(w.Canvas().Focused(), typed)
		key(w, fyne.KeyReturn)
		if got := value(app, id); got != "/" {
			t.Errorf("%q gives %q, want 不适用 (/)", typed, got)
		}
	}
}
