// Package ime places the input method's composition and candidate windows
// at the text cursor. GLFW leaves them where the input method likes (often a
// corner of the screen), so typing with 微软拼音 or 搜狗 looks broken; on
// Windows the editor tells the input method, through imm32, where the
// cursor is. Elsewhere Place does nothing.
package ime

import "fyne.io/fyne/v2"

// Place tells the input method that the text cursor of obj, in window w, is
// at caret (relative to obj) and lineHeight tall. It is cheap enough to call
// on every cursor move.
func Place(w fyne.Window, obj fyne.CanvasObject, caret fyne.Position, lineHeight float32) {
	if w == nil || obj == nil {
		return
	}
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(obj)
	x, y, h := pixels(abs, caret, lineHeight, w.Canvas().Scale())
	place(w, x, y, h)
}

// pixels converts a cursor position in Fyne's device-independent units to
// the window's pixels.
func pixels(abs, caret fyne.Position, lineHeight, scale float32) (x, y, h int32) {
	return int32((abs.X + caret.X) * scale), int32((abs.Y + caret.Y) * scale), int32(lineHeight * scale)
}
