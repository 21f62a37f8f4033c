package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/forms/draft"
	"nianbao/forms/format"
	"nianbao/forms/rules"
)

// placeCursor puts the cursor of the entry before the rune at pos of its
// text, on whichever wrapped row that falls: the Entry takes its cursor as
// a row and column of wrapped rows only.
func (e *textEntry) placeCursor(pos int) {
	row, begin := 0, 0
	for r := 1; ; r++ {
		e.CursorRow, e.CursorColumn = r, 0
		b := e.CursorTextOffset() // 0 past the last row
		if b == 0 || b > pos {
			break
		}
		row, begin = r, b
	}
	e.CursorRow, e.CursorColumn = row, pos-begin
	e.Refresh()
}

// showQuote puts the cursor at the words a problem quotes, and the focus
// in the text; false when the text no longer holds them.
func (v *textView) showQuote(quote string) bool {
	i := strings.Index(v.entry.Text, quote)
	if quote == "" || i < 0 {
		return false
	}
	v.entry.placeCursor(utf8.RuneCountInString(v.entry.Text[:i]))
	if c := fyne.CurrentApp().Driver().CanvasForObject(v.entry); c != nil {
		c.Focus(v.entry)
	}
	return true
}

// problemRows shows a section's problems, one a row: those quoting the
// text as links that put the cursor at the words.
func (v *textView) problemRows(ps []rules.Problem) {
	// The rows are made anew only when what they show changed, not on
	// every keystroke.
	var key strings.Builder
	for _, p := range ps {
		key.WriteString(string(p.Severity) + "\x00" + p.Message + "\x00" + p.Quote + "\x00")
		key.WriteString(strconv.FormatBool(strings.Contains(v.entry.Text, p.Quote)) + "\x00")
	}
	if key.String() == v.shown && v.issues.Objects != nil {
		return
	}
	v.shown = key.String()
	rows := make([]fyne.CanvasObject, 0, len(ps))
	for _, p := range ps {
		msg := "⚠ " + p.Message
		if p.Severity == format.Error {
			msg = "× " + p.Message
		}
		if p.Quote == "" || !strings.Contains(v.entry.Text, p.Quote) {
			l := widget.NewLabel(msg)
			l.Wrapping = fyne.TextWrapWord
			rows = append(rows, l)
			continue
		}
		quote := p.Quote
		link := widget.NewHyperlink(msg, nil)
		link.Wrapping = fyne.TextWrapWord
		link.OnTapped = func() { v.showQuote(quote) }
		rows = append(rows, link)
	}
	v.issues.Objects = rows
	v.issues.Refresh()
}

// textClipboard is a clipboard holding one text, to insert it through the
// Entry's paste: at the cursor, over a selection, as one undo step.
type textClipboard string

func (c textClipboard) Content() string   { return string(c) }
func (c textClipboard) SetContent(string) {}
func (c textClipboard) insertInto(e *textEntry) {
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: c})
}

// askDraft offers the paragraphs drafted from the tables for the section;
// the one the clerk picks is inserted at the cursor.
func (v *textView) askDraft() {
	a := v.a
	drafts := draft.Make(a.doc.Entry.Format, draft.Source{Values: a.doc.Values(), Prev: a.doc.PrevValues()}, v.section.ID)
	note := widget.NewLabel(T("ui.draft.note"))
	note.Wrapping = fyne.TextWrapWord
	items := []fyne.CanvasObject{note}
	var dlg dialog.Dialog
	for _, dr := range drafts {
		text := widget.NewLabel(dr.Text)
		text.Wrapping = fyne.TextWrapWord
		insert := widget.NewButtonWithIcon(T("ui.draft.insert"), theme.ContentAddIcon(), func() {
			dlg.Hide()
			textClipboard(asParagraph(v.entry.Text, v.entry.CursorTextOffset(), dr.Text)).insertInto(v.entry)
		})
		items = append(items, widget.NewCard("", dr.Title, container.NewBorder(nil, container.NewHBox(insert), nil, nil, text)))
	}
	if len(drafts) == 0 {
		none := widget.NewLabel(T("ui.draft.none"))
		none.Wrapping = fyne.TextWrapWord
		items = append(items, none)
	}
	dlg = dialog.NewCustom(T("ui.draft.title"), T("Cancel"), container.NewVScroll(container.NewVBox(items...)), a.win)
	size := a.win.Canvas().Size()
	dlg.Resize(fyne.NewSize(min(size.Width*0.9, 720), min(size.Height*0.9, 600)))
	dlg.Show()
}

// asParagraph makes text a paragraph of its own where it goes in at the
// rune pos of the entry's text: a line break before it unless a line
// starts there, and after it unless one ends there.
func asParagraph(entry string, pos int, text string) string {
	rs := []rune(entry)
	pos = min(max(pos, 0), len(rs))
	if pos > 0 && rs[pos-1] != '\n' {
		text = "\n" + text
	}
	if pos < len(rs) && rs[pos] != '\n' {
		text += "\n"
	}
	return text
}
