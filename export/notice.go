package export

import "nianbao/forms/review"

// Notice lays out a 退回通知 as an official letter: the title, the unit
// addressed, the opening, the reasons numbered, when to send the report
// again, the office and the date.
func Notice(n review.Notice) *Document {
	d := &Document{
		Title:     n.Title,
		Addressee: n.To,
		Preface:   []string{n.Opening},
		Closing:   Closing{Organ: n.From, Date: n.Date},
		Meta:      Meta{Author: n.From, Created: n.At},
	}
	d.Preface = append(append(d.Preface, n.Numbered()...), n.Closing)
	return d
}
