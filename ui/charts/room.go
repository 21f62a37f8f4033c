package charts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/figures"
	"nianbao/forms/report"
	"nianbao/forms/value"
	"nianbao/ui/tr"
)

// Room is the editor's page of the 图解: every panel of its figures — the
// bars of the outcomes, each figure beside last year's — as they will be
// drawn, and buttons that export it.
type Room struct {
	doc    *report.Doc
	values func() map[string]value.Value
	body   *fyne.Container
	hint   *widget.Label
	root   fyne.CanvasObject
}

// ExportKinds are the 图解's export kinds the room offers, by their names in
// export/render.
var ExportKinds = []string{"infographic", "infographic-svg", "infographic-pdf"}

// NewRoom makes the room of report d, whose values (computed cells
// included, as last evaluated) values gives; export is called with one of
// ExportKinds when the clerk asks for that file.
func NewRoom(d *report.Doc, values func() map[string]value.Value, export func(kind string)) *Room {
	r := &Room{doc: d, values: values, body: container.NewVBox(), hint: widget.NewLabel("")}
	r.hint.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox()
	for _, k := range ExportKinds {
		buttons.Add(widget.NewButton(tr.T("charts.export."+k), func() { export(k) }))
	}
	head := widget.NewLabelWithStyle(tr.T("charts.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Truncation = fyne.TextTruncateEllipsis
	top := container.NewVBox(container.NewBorder(nil, nil, nil, buttons, head), r.hint)
	r.root = container.NewBorder(top, nil, nil, nil, container.NewVScroll(r.body))
	r.Refresh()
	return r
}

// Object is the room's canvas object.
func (r *Room) Object() fyne.CanvasObject { return r.root }

// Refresh shows the figures as the report holds them now.
func (r *Room) Refresh() {
	s := figures.Make(r.doc.Entry.Format, r.values(), r.doc.PrevValues())
	r.hint.SetText(tr.T("charts.hint"))
	if !s.LastYear {
		r.hint.SetText(tr.T("charts.hint") + tr.T("charts.linkPrev"))
	}
	objs := make([]fyne.CanvasObject, 0, len(s.Panels))
	for _, p := range s.Panels {
		objs = append(objs, panel(p, s.LastYear))
	}
	r.body.Objects = objs
	r.body.Refresh()
}
