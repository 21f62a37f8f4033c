//go:build ignore

// A hello-world Fyne app, built like nianbao, to compare start-up times
// against (scripts/measure-startup.sh). Not part of the product.
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("cn.nianbao.hello")
	w := a.NewWindow("hello-fyne")
	w.SetContent(widget.NewLabel("hello"))
	w.ShowAndRun()
}
