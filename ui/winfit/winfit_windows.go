package winfit

import (
	"syscall"
	"unsafe"

	"fyne.io/fyne/v2"

	"nianbao/ui/hwnd"
)

var (
	user32            = syscall.NewLazyDLL("user32.dll")
	monitorFromWindow = user32.NewProc("MonitorFromWindow")
	getMonitorInfo    = user32.NewProc("GetMonitorInfoW")
	getWindowRect     = user32.NewProc("GetWindowRect")
	setWindowPos      = user32.NewProc("SetWindowPos")
	showWindow        = user32.NewProc("ShowWindow")
	isZoomed          = user32.NewProc("IsZoomed")
	isIconic          = user32.NewProc("IsIconic")
)

// monitorInfo is MONITORINFO.
type monitorInfo struct {
	size    uint32
	monitor rect
	work    rect
	flags   uint32
}

const (
	monitorDefaultToNearest = 2
	swMaximize              = 3
	swpNoZOrder             = 0x0004
	swpNoActivate           = 0x0010
)

// withHWND runs f with the window's handle, if it has one and user32 loads.
func withHWND(w fyne.Window, f func(hwnd uintptr)) {
	if user32.Load() == nil {
		hwnd.Run(w, f)
	}
}

func fit(w fyne.Window, maximise bool) {
	withHWND(w, func(hwnd uintptr) {
		if maximise {
			showWindow.Call(hwnd, swMaximize)
			return
		}
		var win rect
		if r, _, _ := getWindowRect.Call(hwnd, uintptr(unsafe.Pointer(&win))); r == 0 {
			return
		}
		mon, _, _ := monitorFromWindow.Call(hwnd, monitorDefaultToNearest)
		info := monitorInfo{size: uint32(unsafe.Sizeof(monitorInfo{}))}
		if r, _, _ := getMonitorInfo.Call(mon, uintptr(unsafe.Pointer(&info))); mon == 0 || r == 0 {
			return
		}
		x, y, width, height, ok := inside(win, info.work)
		if !ok {
			setWindowPos.Call(hwnd, 0, uintptr(x), uintptr(y), uintptr(width), uintptr(height), swpNoZOrder|swpNoActivate)
		}
	})
}

func maximised(w fyne.Window) bool { return ask(w, isZoomed) }

func minimised(w fyne.Window) bool { return ask(w, isIconic) }

// ask calls a user32 question about the window (IsZoomed, IsIconic).
func ask(w fyne.Window, question *syscall.LazyProc) bool {
	yes := false
	withHWND(w, func(hwnd uintptr) {
		r, _, _ := question.Call(hwnd)
		yes = r != 0
	})
	return yes
}
