package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// showWelcome shows the start view: new, open, the sample and recent files.
func (a *App) showWelcome() {
	title := canvas.NewText(T("ui.appName"), theme.Color(theme.ColorNameForeground))
	title.TextSize = theme.TextSize() * 2.2
	sub := widget.NewLabel(T("ui.welcome.subtitle"))
	newBtn := widget.NewButtonWithIcon(T("ui.welcome.new"), theme.DocumentCreateIcon(), a.askNewReport)
	newBtn.Importance = widget.HighImportance
	openBtn := widget.NewButtonWithIcon(T("ui.welcome.open"), theme.FolderOpenIcon(), a.chooseOpen)
	sampleBtn := widget.NewButtonWithIcon(T("ui.welcome.sample"), theme.FileIcon(), a.OpenSample)
	items := []fyne.CanvasObject{title, sub, widget.NewSeparator(), newBtn, openBtn, sampleBtn}
	if recent := a.Recent(); len(recent) > 0 {
		items = append(items, widget.NewSeparator(), widget.NewLabel(T("ui.welcome.recent")))
		for _, p := range recent {
			b := widget.NewButton(filepath.Base(p)+"　"+filepath.Dir(p), func() { a.Open(p) })
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			items = append(items, b)
		}
	}
	box := container.NewVBox(items...)
	a.win.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(560, box.MinSize().Height), box)))
}
