//go:build !windows

package winfit

import "fyne.io/fyne/v2"

func fit(fyne.Window, bool) {}

func maximised(fyne.Window) bool { return false }

func minimised(fyne.Window) bool { return false }
