package report

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"nianbao/forms/format"
	"nianbao/forms/l10n"
)

// SectionEntry is a text section of a report whose format lets the clerk
// choose its parts (before 2019 there was no national section template):
// a section of the format, or one the clerk added.
type SectionEntry struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// Limits of a report's own section list.
const (
	MaxSections     = 50
	maxSectionTitle = 100 // characters
)

// SectionsEditable reports whether the report's format lets the clerk add,
// rename, reorder and remove text sections: one whose every text section's
// heading may be reworded (the pre-2019 format). The 2019 and 2021 formats
// keep their fixed parts.
func (d *Doc) SectionsEditable() bool {
	n := 0
	for _, s := range d.Entry.Format.Sections {
		if s.Kind == format.TextSection {
			if !s.HeadingEditable {
				return false
			}
			n++
		}
	}
	return n > 0
}

// Sections returns the report's sections in order: the format's, or, where
// the clerk edited the list, the text sections listed, then the format's
// other sections (tables, appendices) in the format's order.
func (d *Doc) Sections() []*format.Section {
	f := d.Entry.Format
	var out []*format.Section
	if d.Report.Sections == nil || !d.SectionsEditable() {
		for i := range f.Sections {
			out = append(out, &f.Sections[i])
		}
		return out
	}
	for _, e := range d.Report.Sections {
		s := format.Section{ID: e.ID, Kind: format.TextSection, HeadingEditable: true}
		if base := f.Section(e.ID); base != nil && base.Kind == format.TextSection {
			s = *base
		}
		s.Heading = e.Title
		out = append(out, &s)
	}
	for i := range f.Sections {
		if f.Sections[i].Kind != format.TextSection {
			out = append(out, &f.Sections[i])
		}
	}
	return out
}

// Section returns the report's section with the given ID, or nil.
func (d *Doc) Section(id string) *format.Section {
	for _, s := range d.Sections() {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// sectionList returns the editable list, made from the format's sections
// (with reworded headings) the first time.
func (d *Doc) sectionList() ([]SectionEntry, error) {
	if !d.SectionsEditable() {
		return nil, l10n.Errorf("report.sectionsFixed", "Format", d.Entry.DisplayName())
	}
	if d.Report.Sections == nil {
		for _, s := range d.Sections() {
			if s.Kind == format.TextSection {
				d.Report.Sections = append(d.Report.Sections, SectionEntry{ID: s.ID, Title: d.Heading(s)})
			}
		}
	}
	return d.Report.Sections, nil
}

// AddSection adds a text section titled title after the section after (at
// the end when empty) and returns its ID.
func (d *Doc) AddSection(title, after string) (string, error) {
	if err := d.editable(); err != nil {
		return "", err
	}
	list, err := d.sectionList()
	if err != nil {
		return "", err
	}
	if title, err = validTitle(title); err != nil {
		return "", err
	}
	if len(list) >= MaxSections {
		return "", l10n.Errorf("report.tooManySections", "Max", MaxSections)
	}
	at := len(list)
	if after != "" {
		i := slices.IndexFunc(list, func(e SectionEntry) bool { return e.ID == after })
		if i < 0 {
			return "", l10n.Errorf("report.noSuchSection", "ID", after, "IDs", d.textSectionIDs())
		}
		at = i + 1
	}
	id := ""
	for n := 1; id == "" || d.Section(id) != nil || d.Entry.Format.Section(id) != nil; n++ {
		id = fmt.Sprintf("s%d", n)
	}
	d.Report.Sections = slices.Insert(list, at, SectionEntry{ID: id, Title: title})
	return id, nil
}

// RenameSection gives a text section a new title.
func (d *Doc) RenameSection(id, title string) error {
	if err := d.editable(); err != nil {
		return err
	}
	list, err := d.sectionList()
	if err != nil {
		return err
	}
	if title, err = validTitle(title); err != nil {
		return err
	}
	i := slices.IndexFunc(list, func(e SectionEntry) bool { return e.ID == id })
	if i < 0 {
		return l10n.Errorf("report.noSuchSection", "ID", id, "IDs", d.textSectionIDs())
	}
	list[i].Title = title
	return nil
}

// RemoveSection removes a text section; one with text only when force,
// and its text goes with it. Parts numbered 一、二、三… in order are
// numbered again.
func (d *Doc) RemoveSection(id string, force bool) error {
	if err := d.editable(); err != nil {
		return err
	}
	list, err := d.sectionList()
	if err != nil {
		return err
	}
	i := slices.IndexFunc(list, func(e SectionEntry) bool { return e.ID == id })
	switch {
	case i < 0:
		return l10n.Errorf("report.noSuchSection", "ID", id, "IDs", d.textSectionIDs())
	case strings.TrimSpace(d.Report.Texts[id]) != "" && !force:
		return l10n.Errorf("report.sectionHasText", "Title", list[i].Title)
	}
	numbered := inSequence(list)
	d.Report.Sections = slices.Delete(list, i, i+1)
	if numbered {
		renumber(d.Report.Sections)
	}
	delete(d.Report.Texts, id)
	return nil
}

// MoveSection moves a text section to just after the section after, or
// to the top when after is "". Parts numbered 一、二、三… in order are
// numbered again in their new order.
func (d *Doc) MoveSection(id, after string) error {
	if err := d.editable(); err != nil {
		return err
	}
	list, err := d.sectionList()
	if err != nil {
		return err
	}
	find := func(id string) int { return slices.IndexFunc(list, func(e SectionEntry) bool { return e.ID == id }) }
	i := find(id)
	if i < 0 || after != "" && (find(after) < 0 || after == id) {
		bad := id
		if i >= 0 {
			bad = after
		}
		return l10n.Errorf("report.noSuchSection", "ID", bad, "IDs", d.textSectionIDs())
	}
	numbered := inSequence(list)
	e := list[i]
	list = slices.Delete(list, i, i+1)
	at := 0
	if after != "" {
		at = find(after) + 1
	}
	d.Report.Sections = slices.Insert(list, at, e)
	if numbered {
		renumber(d.Report.Sections)
	}
	return nil
}

// chineseNumber writes 1–99 as a heading numbers parts: 一, 十, 十二, 二十一.
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// inSequence reports whether every title starts "一、", "二、"… in order.
func inSequence(list []SectionEntry) bool {
	for i, e := range list {
		if !strings.HasPrefix(e.Title, chineseNumber(i+1)+"、") {
			return false
		}
	}
	return len(list) > 0
}

// renumber makes the titles' numbers follow their order again.
func renumber(list []SectionEntry) {
	for i := range list {
		_, rest, _ := strings.Cut(list[i].Title, "、")
		list[i].Title = chineseNumber(i+1) + "、" + rest
	}
}

func validTitle(title string) (string, error) {
	title = strings.TrimSpace(title)
	if title == "" || utf8.RuneCountInString(title) > maxSectionTitle || strings.ContainsAny(title, "\n\r") {
		return "", l10n.Errorf("report.badSectionTitle", "Max", maxSectionTitle)
	}
	return title, nil
}

// checkSections refuses a stored section list no report of ours holds.
func checkSections(list []SectionEntry) error {
	if len(list) > MaxSections {
		return l10n.Errorf("report.tooManySections", "Max", MaxSections)
	}
	seen := map[string]bool{}
	for _, e := range list {
		if e.ID == "" || len(e.ID) > format.MaxIDLength || seen[e.ID] || strings.TrimSpace(e.Title) == "" {
			return l10n.Errorf("report.badSections")
		}
		seen[e.ID] = true
	}
	return nil
}
