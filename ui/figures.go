package ui

import (
	"fyne.io/fyne/v2"

	"nianbao/export/render"
	num "nianbao/forms/value"
	"nianbao/ui/charts"
)

// partFigures is the navigation's part of the 图解: its figures as charts,
// and its export.
const partFigures = "figures"

// figuresView puts the 图解's room in the editor's navigation.
type figuresView struct{ *charts.Room }

func (v figuresView) object() fyne.CanvasObject { return v.Object() }
func (v figuresView) refresh()                  { v.Refresh() }

// values are the open report's values as last evaluated, computed cells
// included.
func (a *App) values() map[string]num.Value { return a.doc.ValuesOf(a.result) }

// newFigures makes the room of the 图解 of the open report; its buttons
// export it as the File menu does.
func (a *App) newFigures() partView {
	return figuresView{charts.NewRoom(a.doc, a.values, func(name string) {
		if kind, err := render.Lookup(name); err == nil {
			a.askExport(kind)
		}
	})}
}
