// Package draft drafts the standard paragraphs of a report's text from
// its tables — the 依申请公开 summary, the 主动公开 figures, the 行政复议
// and 行政诉讼 results — in the words of the format's drafts (format
// data), with 同比 changes when last year's report is linked. Every
// number of a draft comes from cells, and says which: a clerk, or a
// reviewer, can trace it. Nothing is put into a report here: the editor
// offers a draft and the clerk decides.
package draft

import (
	"math/big"
	"regexp"
	"strings"

	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/value"
)

// Draft is a drafted paragraph for a text section.
type Draft struct {
	Section string   `json:"section"`
	Title   string   `json:"title"`
	Text    string   `json:"text"`
	Numbers []Number `json:"numbers"`
}

// Number is a number of a draft: as printed, its value, and the cells it
// comes from ("prev:ID" for last year's).
type Number struct {
	Text  string   `json:"text"`
	Value float64  `json:"value"`
	Cells []string `json:"cells"`
}

// Source is what drafts are made of: this year's values, last year's
// (nil when none is linked), by cell ID. A blank cell is absent.
type Source struct {
	Values, Prev map[string]value.Value
}

// Make drafts the format's paragraphs for section (every section when
// ""). A draft needing a cell that holds no number is not made: a
// paragraph with a hole is no draft; nor is one whose every figure was
// left out.
func Make(f *format.Format, src Source, section string) []Draft {
	var out []Draft
	for _, d := range f.Drafts {
		if section != "" && d.Section != section {
			continue
		}
		if dr, ok := make1(d, src); ok {
			out = append(out, dr)
		}
	}
	return out
}

// make1 drafts one paragraph; false when a figure is missing.
func make1(d format.Draft, src Source) (Draft, bool) {
	out := Draft{Section: d.Section, Title: d.Title, Numbers: []Number{}}
	if z := d.Zero; z != nil && allZero(src.Values, z.Cells) {
		out.Text = z.Text
		for _, id := range z.Cells {
			out.Numbers = append(out.Numbers, Number{Text: "0", Value: 0, Cells: []string{id}})
		}
		return out, true
	}
	var text strings.Builder
	for _, p := range d.Parts {
		fields, err := format.Fields(p.Text)
		if err != nil {
			return Draft{}, false
		}
		var nums []Number
		var b strings.Builder
		last, keep, zero := 0, true, true
		for _, f := range fields {
			b.WriteString(p.Text[last:f.Start])
			last = f.End
			printed, n, ok, skip := field(f, src)
			switch {
			case skip, !ok && p.Optional: // an optional figure 不适用 or blank: the part left out
				keep = false
			case !ok:
				return Draft{}, false
			}
			if !keep {
				break
			}
			zero = zero && n.Value == 0
			b.WriteString(printed)
			nums = append(nums, n)
		}
		if !keep || p.Optional && len(fields) > 0 && zero {
			continue
		}
		b.WriteString(p.Text[last:])
		text.WriteString(b.String())
		out.Numbers = append(out.Numbers, nums...)
	}
	if len(out.Numbers) == 0 {
		return Draft{}, false // every figure left out: nothing to say
	}
	out.Text = danglingMarks.ReplaceAllString(text.String(), "$1") // a list's last parts left out
	out.Text = strings.TrimRight(out.Text, "；，、：")
	if !strings.HasSuffix(out.Text, "。") {
		out.Text += "。"
	}
	return out, true
}

// danglingMarks are the marks a part left out leaves before the next
// one's: "其他处理1件，；" reads "其他处理1件；".
var danglingMarks = regexp.MustCompile(`[，、：]+([；。])`)

// allZero tells whether every cell holds the number 0.
func allZero(vals map[string]value.Value, ids []string) bool {
	for _, id := range ids {
		if v, ok := vals[id]; !ok || v.State != value.Number || v.Num != 0 {
			return false
		}
	}
	return true
}

// field prints a field, and gives its number: ok false when a cell holds
// no number; skip when the part is to be left out (a share of 0, a change
// without last year's figure).
func field(f format.Field, src Source) (text string, n Number, ok, skip bool) {
	sum, ok := value.SumOf(src.Values, f.Cells)
	if !ok {
		return "", Number{}, false, false
	}
	switch f.Kind {
	case format.ShareField:
		whole, ok := value.SumOf(src.Values, f.Whole)
		if !ok {
			return "", Number{}, false, false
		}
		if whole.Sign() == 0 {
			return "", Number{}, true, true
		}
		share := value.Percent(sum, whole)
		text := share.FloatString(2) + "%"
		v, _ := share.Float64()
		return text, Number{Text: text, Value: v, Cells: append(append([]string{}, f.Cells...), f.Whole...)}, true, false
	case format.ChangeField:
		prev, ok := value.SumOf(src.Prev, f.Cells)
		if !ok || prev.Sign() == 0 {
			return "", Number{}, true, true
		}
		cells := append([]string{}, f.Cells...)
		for _, id := range f.Cells {
			cells = append(cells, "prev:"+id)
		}
		change := value.Percent(new(big.Rat).Sub(sum, prev), prev)
		abs := value.OneDecimal(new(big.Rat).Abs(change)) + "%"
		n := Number{Text: value.OneDecimal(change) + "%", Cells: cells}
		n.Value, _ = change.Float64()
		switch change.Sign() {
		case 0:
			return l10n.T("draft.same"), n, true, false
		case 1:
			return l10n.T("draft.up", "Change", abs), n, true, false
		}
		return l10n.T("draft.down", "Change", abs), n, true, false
	}
	v, _ := sum.Float64()
	return value.RatString(sum), Number{Text: value.RatString(sum), Value: v, Cells: f.Cells}, true, false
}
