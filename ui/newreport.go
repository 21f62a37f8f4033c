package ui

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/format"
	"nianbao/forms/registry"
	"nianbao/forms/report"
)

// NewReportSpec is what the new-report dialog asks for.
type NewReportSpec struct {
	Unit     string
	Kind     string // one of format.UnitKinds
	Year     int
	FormatID string // "" for the official format of Year
	FromPath string // last year's report to start from, if any
}

// NewReport creates a report as spec says and opens it, unsaved.
func (a *App) NewReport(spec NewReportSpec) error {
	if err := report.ValidYear(spec.Year); err != nil {
		return err
	}
	var entry *registry.Entry
	var err error
	if spec.FormatID == "" {
		entry, err = a.reg.ForYear(spec.Year)
	} else if e, ok := a.reg.Lookup(spec.FormatID); ok {
		entry = e
	} else {
		err = fmt.Errorf("%s", T("cli.unknownFormat", "ID", spec.FormatID, "IDs", a.reg.IDs()))
	}
	if err != nil {
		return err
	}
	var d *report.Doc
	if spec.FromPath != "" {
		last, err := report.Open(spec.FromPath, a.reg)
		if err != nil {
			return err
		}
		if d, err = report.FromLastYear(last, spec.Year, entry); err != nil {
			return err
		}
	} else if d, err = report.Bind(report.New(entry.Format.ID, spec.Year, report.Unit{Kind: spec.Kind}), a.reg); err != nil {
		return err
	}
	if spec.Unit != "" {
		d.Report.Unit.Name = spec.Unit
	}
	if spec.Kind != "" {
		d.Report.Unit.Kind = spec.Kind
	}
	if d.Report.Closing.Organ == "" {
		d.Report.Closing.Organ = d.Report.Unit.Name
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
		kinds := kindLabels()
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
				if i := slices.Index(format.UnitKinds, last.Unit.Kind); i >= 0 {
					kind.SetSelected(kinds[i])
				}
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
			if i := slices.Index(kinds, kind.Selected); i >= 0 {
				spec.Kind = format.UnitKinds[i]
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
