//go:build !windows

package winfit

import "fyne.io/fyne/v2"

func fit(fyne.Window, bool) {}

func maximised(fyne.Window) bool { return false }
