package export

import (
	"strings"
	"unicode"
)

// Breaking a title or an organ's name into lines as GB/T 9704 asks of a
// title: 词意完整, 排列对称 — lines end at word boundaries, are as nearly
// equal as can be, and no line holds a single character. Widths are in
// characters of the line's type size: a CJK character is 1, a digit ½.

// TitleLines breaks the report title into lines of at most limit characters.
// A title that fits stays on one line. A title that begins with the unit's
// name puts the name on its own line(s) and the rest
// ("2025年政府信息公开工作年度报告") on the next; any other title (a custom
// one) breaks at its best word boundaries (see NameLines).
func TitleLines(title, unit string, limit float64) []string {
	if ems(title) <= limit {
		return []string{title}
	}
	if rest, ok := strings.CutPrefix(title, unit); ok && unit != "" && rest != "" {
		return append(NameLines(unit, limit), NameLines(rest, limit)...)
	}
	return NameLines(title, limit)
}

// NameLines breaks a name (a unit, an organ) or any short text set as a
// title into the fewest lines of at most limit characters that break at word
// boundaries — after 省/市/县/区/乡/镇/街道, before 人民政府/办公室/委员会/局
// and the like — choosing the most nearly equal lines; it breaks between
// other characters only where word boundaries cannot do, and never leaves
// one character alone on a line or splits a number.
func NameLines(s string, limit float64) []string {
	rs := []rune(s)
	if ems(s) <= limit || len(rs) < 4 {
		return []string{s}
	}
	// best[i] is the best layout of rs[:i]. Its cost — breaks inside
	// words, then lines, then the sum of the squared line widths, which is
	// least when the lines are equal — adds up line by line, so the best
	// layout of the whole ends with the best layout of a prefix.
	type layout struct {
		bad, lines int
		squares    float64
		prev       int
		ok         bool
	}
	better := func(a, b layout) bool {
		switch {
		case !b.ok:
			return true
		case a.bad != b.bad:
			return a.bad < b.bad
		case a.lines != b.lines:
			return a.lines < b.lines
		}
		return a.squares < b.squares-1e-9
	}
	n := len(rs)
	best := make([]layout, n+1)
	best[0] = layout{ok: true}
	for end := 2; end <= n; end++ {
		if end < n && !breakable(rs, end) {
			continue
		}
		for start := 0; start <= end-2; start++ { // no line of one character
			if !best[start].ok {
				continue
			}
			w := ems(string(rs[start:end]))
			if w > limit {
				continue
			}
			p := best[start]
			c := layout{bad: p.bad, lines: p.lines + 1, squares: p.squares + w*w, prev: start, ok: true}
			if end < n && !wordBoundary(rs, end) {
				c.bad++
			}
			if better(c, best[end]) {
				best[end] = c
			}
		}
	}
	if !best[n].ok {
		return []string{s}
	}
	var lines []string
	for end := n; end > 0; end = best[end].prev {
		lines = append([]string{string(rs[best[end].prev:end])}, lines...)
	}
	return lines
}

// ems is the width of s in characters: CJK and full-width forms 1, others ½.
func ems(s string) float64 { return float64(Width(s)) / 2 }

// afterWords end a place name or an administrative level: a line may end
// after them. notAfter are words that begin with such an ending character
// (市场, 区域): no break before them.
var (
	afterWords  = []string{"省", "市", "县", "区", "乡", "镇", "街道", "自治州", "旗", "盟", "年", "、", "）", "，"}
	notAfter    = []string{"市场", "市政", "市容", "区域", "县域", "乡村", "镇村", "省级", "市级", "县级", "区级", "乡镇", "街道办", "年度", "年报"}
	beforeWords = []string{"人民政府", "人民法院", "人民检察院", "办公室", "办公厅", "委员会", "管理委员会", "局", "厅", "中心", "办事处",
		"政府信息公开", "工作年度报告", "年度报告", "（"}
)

// wordBoundary reports whether a line may end before rs[i] without
// breaking a word.
func wordBoundary(rs []rune, i int) bool {
	head, tail := string(rs[:i]), string(rs[i:])
	for _, w := range beforeWords {
		if strings.HasPrefix(tail, w) {
			return true
		}
	}
	for _, w := range afterWords {
		if !strings.HasSuffix(head, w) {
			continue
		}
		last := string(rs[i-len([]rune(w)):])
		if w == "年" && (i < 2 || !unicode.IsDigit(rs[i-2])) {
			continue // 年 ends a year only after its digits
		}
		for _, no := range notAfter {
			if strings.HasPrefix(last, no) {
				return false
			}
		}
		return true
	}
	return false
}

// breakable reports whether a line may end before rs[i] at all: not inside
// a number or a Latin word, not before closing punctuation, not after
// opening punctuation.
func breakable(rs []rune, i int) bool {
	a, b := rs[i-1], rs[i]
	if isAlnum(a) && isAlnum(b) {
		return false
	}
	return !strings.ContainsRune("，。、；：？！）》」』”’", b) && !strings.ContainsRune("（《「『“‘", a)
}

func isAlnum(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.') }
