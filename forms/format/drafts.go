package format

import (
	"fmt"
	"regexp"
	"strings"
)

// Draft is a paragraph the editor offers to draft from the tables for a
// text section: the 依申请公开 summary, the 主动公开 figures. Its parts are
// joined in order; each holds text and fields in braces:
//
//	{t3.new.total}                 a cell's value
//	{t3.open.total+t3.partial.total}  a sum of cells
//	{share:t3.open.total/t3.new.total}  the first sum's share of the second, in %
//	{change:t3.new.total}          the change from last year's: 较上年增长12.5%
//
// A part is left out when a share's whole is 0, a change has no last
// year's figure, or — marked Optional — all its figures are 0.
type Draft struct {
	Section string      `json:"section"`
	Title   string      `json:"title"`
	Parts   []DraftPart `json:"parts"`
	// Zero is what the draft says instead when all of its Cells are 0:
	// 本年度未收到政府信息公开申请.
	Zero *DraftZero `json:"zero,omitempty"`
}

// DraftZero is a draft's sentence for figures that are all 0.
type DraftZero struct {
	Cells []string `json:"cells"`
	Text  string   `json:"text"`
}

// HasDrafts tells whether f drafts paragraphs for section (for any when
// "").
func (f *Format) HasDrafts(section string) bool {
	for _, d := range f.Drafts {
		if section == "" || d.Section == section {
			return true
		}
	}
	return false
}

// DraftPart is a piece of a draft's text.
type DraftPart struct {
	Text     string `json:"text"`
	Optional bool   `json:"optional,omitempty"`
}

// FieldKind is what a draft field prints.
type FieldKind string

// The field kinds.
const (
	SumField    FieldKind = ""
	ShareField  FieldKind = "share"
	ChangeField FieldKind = "change"
)

// Field is a field of a draft part: where it is in the text, and the cells
// it is of (Whole: a share's denominator).
type Field struct {
	Kind         FieldKind
	Cells, Whole []string
	Start, End   int // byte offsets of the braces in the part's text
}

var fieldPattern = regexp.MustCompile(`\{([^{}]*)\}`)

// Fields parses the fields of a draft part's text.
func Fields(text string) ([]Field, error) {
	var out []Field
	for _, m := range fieldPattern.FindAllStringSubmatchIndex(text, -1) {
		body := text[m[2]:m[3]]
		f := Field{Start: m[0], End: m[1]}
		if kind, rest, ok := strings.Cut(body, ":"); ok {
			f.Kind, body = FieldKind(kind), rest
		}
		sums := []string{body}
		switch f.Kind {
		case SumField, ChangeField:
		case ShareField:
			sums = strings.Split(body, "/")
			if len(sums) != 2 {
				return nil, fmt.Errorf("%q", text[m[0]:m[1]])
			}
		default:
			return nil, fmt.Errorf("%q", text[m[0]:m[1]])
		}
		for i, s := range sums {
			ids := strings.Split(s, "+")
			for _, id := range ids {
				if strings.TrimSpace(id) == "" {
					return nil, fmt.Errorf("%q", text[m[0]:m[1]])
				}
			}
			if i == 0 {
				f.Cells = ids
			} else {
				f.Whole = ids
			}
		}
		out = append(out, f)
	}
	if strings.ContainsAny(fieldPattern.ReplaceAllString(text, ""), "{}") {
		return nil, fmt.Errorf("%q", text) // a brace not closed, or nested
	}
	return out, nil
}

// checkDrafts checks the drafts' sections and fields.
func (f *Format) checkDrafts(c *checker) {
	for i, d := range f.Drafts {
		where := fmt.Sprintf("drafts[%d]", i)
		if s := f.Section(d.Section); s == nil || s.Kind != TextSection || strings.TrimSpace(d.Title) == "" || len(d.Parts) == 0 {
			c.add("format.badDraft", "Where", where, "Field", d.Section)
		}
		if z := d.Zero; z != nil {
			if len(z.Cells) == 0 || strings.TrimSpace(z.Text) == "" || strings.ContainsAny(z.Text, "{}") {
				c.add("format.badDraft", "Where", where, "Field", "zero")
			}
			for _, id := range z.Cells {
				if _, ok := f.index[id]; !ok {
					c.add("format.badDraft", "Where", where, "Field", id)
				}
			}
		}
		for _, p := range d.Parts {
			fields, err := Fields(p.Text)
			if err != nil {
				c.add("format.badDraft", "Where", where, "Field", err.Error())
				continue
			}
			for _, fd := range fields {
				for _, id := range append(fd.Cells[:len(fd.Cells):len(fd.Cells)], fd.Whole...) {
					if _, ok := f.index[id]; !ok {
						c.add("format.badDraft", "Where", where, "Field", id)
					}
				}
			}
		}
	}
}
