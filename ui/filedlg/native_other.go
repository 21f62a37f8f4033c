//go:build !windows

package filedlg

import "fyne.io/fyne/v2"

// showNative shows the system's own dialog where there is one we use; it
// reports whether it did.
func showNative(fyne.Window, Options, func(string)) bool { return false }
