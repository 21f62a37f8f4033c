package hwnd

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// Run calls f with the HWND of w, on Fyne's native thread, if w has one.
func Run(w fyne.Window, f func(hwnd uintptr)) {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return
	}
	nw.RunNative(func(ctx any) {
		if wc, ok := ctx.(driver.WindowsWindowContext); ok && wc.HWND != 0 {
			f(wc.HWND)
		}
	})
}
