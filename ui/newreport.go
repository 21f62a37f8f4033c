package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/report"
)

// NewReportSpec is what the new-report dialog asks for.
type NewReportSpec struct {
	Unit     string
	Kind     string // a unit kind's ID
	Year     int
	FormatID string // "" for the official format of Year
	FromPath string // last year's report to start from, if any
}

// NewReport creates a report as spec says and opens it, unsaved.
func (a *App) NewReport(spec NewReportSpec) error {
	rs := report.Spec{Year: spec.Year, Unit: spec.Unit, Kind: spec.Kind, FormatID: spec.FormatID}
	if spec.FromPath != "" {
		last, err := report.Open(spec.FromPath, a.reg)
		if err != nil {
			return err
		}
		rs.From = last
	}
	d, err := report.Create(a.reg, rs)
	if err != nil {
		return err
	}
	a.rec.reset()
	a.show(d, true)
	return nil
}

// askNewReport shows the new-report dialog: unit, kind, year (default: last
// year, the report is compiled in January), the format that year takes, and
// optionally last year's file to start from.
func (a *App) askNewReport() {
	a.whenDiscardable(func() {
		year := time.Now().Year() - 1
		unit := widget.NewEntry()
		unit.SetPlaceHolder(T("ui.new.unitHint"))
		kinds := a.reg.Kinds.Names()
		kind := widget.NewSelect(kinds, nil)
		kind.SetSelected(kinds[0])
		var years []string
		for y := time.Now().Year(); y >= 2008; y-- {
			years = append(years, strconv.Itoa(y))
		}
		formatLabel := widget.NewLabel("")
		yearSel := widget.NewSelect(years, func(s string) {
			y, _ := strconv.Atoi(s)
			if e, err := a.reg.ForYear(y); err == nil {
				formatLabel.SetText(e.DisplayName())
			}
		})
		yearSel.SetSelected(strconv.Itoa(year))
		from := ""
		fromLabel := widget.NewLabel(T("ui.new.noFrom"))
		fromBtn := widget.NewButton(T("ui.new.chooseFrom"), func() {
			a.chooseFile(func(p string) {
				last, err := report.Load(p, a.reg)
				if err != nil {
					a.showError(err)
					return
				}
				from = p
				fromLabel.SetText(p)
				unit.SetText(last.Unit.Name)
				kind.SetSelected(a.reg.Kinds.Name(last.Unit.Kind))
				yearSel.SetSelected(strconv.Itoa(last.Year + 1))
			})
		})
		items := []*widget.FormItem{
			widget.NewFormItem(T("ui.preface.unit"), unit),
			widget.NewFormItem(T("ui.preface.kind"), kind),
			widget.NewFormItem(T("ui.preface.year"), yearSel),
			widget.NewFormItem(T("ui.preface.format"), formatLabel),
			widget.NewFormItem(T("ui.new.from"), widget.NewLabel(T("ui.new.fromHint"))),
			widget.NewFormItem("", fromLabel),
			widget.NewFormItem("", fromBtn),
		}
		d := dialog.NewForm(T("ui.new.title"), T("ui.new.create"), T("Cancel"), items, func(ok bool) {
			if !ok {
				return
			}
			y, _ := strconv.Atoi(yearSel.Selected)
			spec := NewReportSpec{Unit: unit.Text, Year: y, FromPath: from}
			if k, ok := a.reg.Kinds.Parse(kind.Selected); ok {
				spec.Kind = k.ID
			}
			if err := a.NewReport(spec); err != nil {
				a.showError(err)
			}
		}, a.win)
		d.Resize(d.MinSize().AddWidthHeight(160, 0))
		d.Show()
		a.win.Canvas().Focus(unit) // the clerk types the unit's name first
	})
}
