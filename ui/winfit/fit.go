package winfit

// rect is a Windows RECT: a rectangle of the screen in pixels.
type rect struct{ left, top, right, bottom int32 }

// inside returns the place of a window rectangle moved and shrunk to lie
// within the work area (the screen less the taskbar), and ok when it lies
// there already.
func inside(win, work rect) (x, y, width, height int32, ok bool) {
	width = min(win.right-win.left, work.right-work.left)
	height = min(win.bottom-win.top, work.bottom-work.top)
	x = min(max(win.left, work.left), work.right-width)
	y = min(max(win.top, work.top), work.bottom-height)
	ok = x == win.left && y == win.top && width == win.right-win.left && height == win.bottom-win.top
	return x, y, width, height, ok
}
