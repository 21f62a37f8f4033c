// Package prose reads what a report's text says in numbers, so that the
// rule engine can hold it against the tables: the quantities a sentence
// quotes (32件, 三十二件, 1.2万条, 51.85%, 12.5万元), each with its unit and
// place, leaving out what only looks like one — dates, years, document
// numbers (〔2021〕30号), phone numbers, article and item ordinals (第二十条,
// （三）), list markers. When in doubt it leaves a number out: a warning
// the text does not deserve is worse than one missed.
package prose

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"nianbao/forms/value"
)

// Number is a quantity the text quotes.
type Number struct {
	Text  string    // as written: "三十二件", "1,234条", "51.85%"
	Value value.Dec // the quantity, in Unit
	Scale int       // decimals written (51.85 → 2): a comparison is at this precision
	Unit  string    // 件, 条, 个, 次, 人次, 家, 项, %, 元, 万元 …
	Start int       // byte offsets of Text in the text read
	End   int
}

// units are the measure words a report's quantities carry, longest first
// where one starts another.
var units = []string{"万元", "人次", "件次", "个百分点", "件", "起", "条", "个", "次", "人", "家", "项", "份", "篇", "期", "场", "元", "%", "％"}

// number matches a quantity: digits (with thousands separators and a
// decimal part) or Chinese numerals, an optional 万/亿, then a unit.
var number = regexp.MustCompile(`([0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?|[零〇一二两三四五六七八九十百千]+)(万|亿)?(` + unitAlternatives() + `)`)

func unitAlternatives() string {
	quoted := make([]string, len(units))
	for i, u := range units {
		quoted[i] = regexp.QuoteMeta(u)
	}
	return strings.Join(quoted, "|")
}

// Numbers lists the quantities text quotes, in order.
func Numbers(text string) []Number {
	var out []Number
	for _, m := range number.FindAllStringSubmatchIndex(text, -1) {
		digits, mult, unit := text[m[2]:m[3]], "", text[m[6]:m[7]]
		if m[4] >= 0 {
			mult = text[m[4]:m[5]]
		}
		if excluded(text, m[0], m[1], digits, unit) {
			continue
		}
		v, scale, ok := parseNumber(digits)
		if !ok {
			continue
		}
		switch mult {
		case "万":
			if unit != "元" {
				v, ok = mul(v, 10_000)
				scale = max(scale-4, 0)
			} else {
				unit = "万元"
			}
		case "亿":
			v, ok = mul(v, 100_000_000)
			scale = max(scale-8, 0)
		}
		if unit == "％" {
			unit = "%"
		}
		if ok {
			out = append(out, Number{Text: text[m[0]:m[1]], Value: v, Scale: scale, Unit: unit, Start: m[0], End: m[1]})
		}
	}
	return out
}

// excluded tells what only looks like a quantity: an ordinal (第三条, 第2项),
// a part of a date, a document number, a phone number, a percentage that
// is a rate of something else than the report counts (同比增长 is kept).
func excluded(text string, start, end int, digits, unit string) bool {
	before := text[:start]
	prev, _ := utf8.DecodeLastRuneInString(before)
	switch {
	case prev == '第', prev == '〔', prev == '[', prev == '（' && unit == "", prev == '-', prev == '－':
		return true
	case strings.HasSuffix(before, "第") || strings.HasSuffix(before, "〔"):
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[end:])
	if unit == "个" && (next == '部' || next == '方' || next == '月' || next == '工') {
		return true // 六个部分, 三个方面, 5个工作日: not counts of cases
	}
	if unit == "期" && strings.ContainsRune("限间", next) {
		return true
	}
	if len([]rune(digits)) >= 7 && isDigits(digits) {
		return true // a phone number, an account, a code
	}
	return false
}

func isDigits(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= '０' && r <= '９') {
			return false
		}
	}
	return s != ""
}

// parseNumber reads digits (full- or half-width, with separators) or
// Chinese numerals.
func parseNumber(s string) (value.Dec, int, bool) {
	if r, _ := utf8.DecodeRuneInString(s); r >= '0' && r <= '9' || r >= '０' && r <= '９' {
		s = strings.Map(func(r rune) rune {
			switch {
			case r >= '０' && r <= '９':
				return '0' + r - '０'
			case r == '．':
				return '.'
			case r == ',' || r == '，':
				return -1
			}
			return r
		}, s)
		v, err := value.ParseValue(s)
		if err != nil || v.State != value.Number {
			return 0, 0, false
		}
		return v.Num, int(v.Scale), true
	}
	n, ok := chinese(s)
	if !ok {
		return 0, 0, false
	}
	return value.Int(n), 0, true
}

// maxChineseRunes bounds a Chinese numeral: 九千九百九十九万 is 8, and no
// longer one can overflow.
const maxChineseRunes = 12

// chinese reads a Chinese numeral up to 亿: 三十二, 一百零五, 两千三百, 十二,
// 二〇二五 (digit by digit).
func chinese(s string) (int64, bool) {
	if utf8.RuneCountInString(s) > maxChineseRunes {
		return 0, false // no count of a report is written so: a run of characters
	}
	digit := map[rune]int64{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	if !strings.ContainsAny(s, "十百千") { // digit by digit: 二〇二五
		var n int64
		for _, r := range s {
			d, ok := digit[r]
			if !ok {
				return 0, false
			}
			n = n*10 + d
		}
		return n, true
	}
	var total, cur int64
	for _, r := range s {
		if d, ok := digit[r]; ok {
			cur = d
			continue
		}
		mult := map[rune]int64{'十': 10, '百': 100, '千': 1000}[r]
		if mult == 0 {
			return 0, false
		}
		if cur == 0 && r == '十' {
			cur = 1 // 十二 is 一十二
		}
		total += cur * mult
		cur = 0
	}
	return total + cur, true
}

// mul multiplies a Dec by a whole factor, false on overflow.
func mul(v value.Dec, by int64) (value.Dec, bool) {
	if v != 0 && (v*value.Dec(by))/value.Dec(by) != v {
		return 0, false
	}
	return v * value.Dec(by), true
}

// String shows a number for messages: its value and unit.
func (n Number) String() string {
	return value.Scaled(n.Value, n.Scale).String() + n.Unit
}
