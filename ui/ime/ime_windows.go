package ime

import (
	"syscall"
	"unsafe"

	"fyne.io/fyne/v2"

	"nianbao/ui/hwnd"
)

var (
	imm32             = syscall.NewLazyDLL("imm32.dll")
	immGetContext     = imm32.NewProc("ImmGetContext")
	immReleaseContext = imm32.NewProc("ImmReleaseContext")
	immSetComposition = imm32.NewProc("ImmSetCompositionWindow")
	immSetCandidate   = imm32.NewProc("ImmSetCandidateWindow")
)

type point struct{ x, y int32 }

type rect struct{ left, top, right, bottom int32 }

// compositionForm is COMPOSITIONFORM.
type compositionForm struct {
	style uint32
	pos   point
	area  rect
}

// candidateForm is CANDIDATEFORM.
type candidateForm struct {
	index uint32
	style uint32
	pos   point
	area  rect
}

const (
	cfsPoint   = 0x0002
	cfsExclude = 0x0080
)

func place(w fyne.Window, x, y, h int32) {
	if immGetContext.Find() != nil {
		return
	}
	hwnd.Run(w, func(win uintptr) {
		himc, _, _ := immGetContext.Call(win)
		if himc == 0 {
			return
		}
		defer immReleaseContext.Call(win, himc)
		comp := compositionForm{style: cfsPoint, pos: point{x, y}}
		immSetComposition.Call(himc, uintptr(unsafe.Pointer(&comp)))
		// The candidate list goes at the cursor, never over its line.
		cand := candidateForm{style: cfsExclude, pos: point{x, y}, area: rect{x, y, x + 1, y + h}}
		immSetCandidate.Call(himc, uintptr(unsafe.Pointer(&cand)))
	})
}
