package shell

import (
	"fmt"
	"syscall"
	"unsafe"
)

var (
	shell32       = syscall.NewLazyDLL("shell32.dll")
	shellExecuteW = shell32.NewProc("ShellExecuteW")
)

func printFile(path string) error {
	verb, err := syscall.UTF16PtrFromString("print")
	if err != nil {
		return err
	}
	file, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	// ShellExecute returns a value above 32 on success, an error code else.
	r, _, _ := shellExecuteW.Call(0, uintptr(unsafe.Pointer(verb)), uintptr(unsafe.Pointer(file)), 0, 0, 0)
	if r <= 32 {
		return fmt.Errorf("shell: ShellExecute print failed (%d)", r)
	}
	return nil
}
