package main

import (
	"syscall"
	"unsafe"

	"nianbao/forms/l10n"
)

// startFailed shows a native Windows message box: the editor has no window
// of its own to say it in.
func startFailed(msg string) {
	user32 := syscall.NewLazyDLL("user32.dll")
	box := user32.NewProc("MessageBoxW")
	title, _ := syscall.UTF16PtrFromString(l10n.T("ui.appName"))
	text, _ := syscall.UTF16PtrFromString(msg)
	const mbIconError = 0x10
	box.Call(0, uintptr(unsafe.Pointer(text)), uintptr(unsafe.Pointer(title)), mbIconError)
}
