// Package textwrap breaks Chinese text into lines by the rules of Chinese
// typesetting (禁则): no line starts with closing punctuation such as ，。、）
// and none ends with opening punctuation such as （《“; runs of Latin letters
// and digits stay whole where they fit. The editor's tables and the exports
// share it; callers supply the width of a string in their own units.
package textwrap

import "unicode"

// noLineStart lists characters that must not begin a line.
const noLineStart = "，。、；：？！）》」』”’〕】〉…—·％%,.;:?!)]}"

// noLineEnd lists characters that must not end a line.
const noLineEnd = "（《「『“‘〔【〈([{"

func inSet(r rune, set string) bool {
	for _, s := range set {
		if r == s {
			return true
		}
	}
	return false
}

// isWordRune reports whether r belongs to a run kept whole: Latin letters,
// digits and the marks inside numbers and words.
func isWordRune(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '_' || r == '/' || r == '@')
}

// Lines breaks text into lines no wider than width, as measured by width
// func. Explicit line breaks are kept; a single unit wider than the line (a
// very long number) is broken by characters.
func Lines(text string, width float64, measure func(string) float64) []string {
	var out []string
	start := 0
	runes := []rune(text)
	for i := 0; i <= len(runes); i++ {
		if i == len(runes) || runes[i] == '\n' {
			out = append(out, breakParagraph(runes[start:i], width, measure)...)
			start = i + 1
		}
	}
	return out
}

func breakParagraph(rs []rune, width float64, measure func(string) float64) []string {
	if len(rs) == 0 {
		return []string{""}
	}
	var lines []string
	for len(rs) > 0 {
		n := fit(rs, width, measure)
		if n < len(rs) {
			n = adjust(rs, n)
		}
		lines = append(lines, string(rs[:n]))
		rs = rs[n:]
		for len(rs) > 0 && rs[0] == ' ' { // a space at a break disappears
			rs = rs[1:]
		}
	}
	return lines
}

// fit returns how many runes of rs fit in width, at least one.
func fit(rs []rune, width float64, measure func(string) float64) int {
	lo, hi := 1, len(rs)
	for lo < hi { // the largest n with measure(rs[:n]) <= width
		mid := (lo + hi + 1) / 2
		if measure(string(rs[:mid])) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// adjust moves a break at n back so that the next line does not start with
// closing punctuation, the line does not end with opening punctuation, and
// a word or number is not cut. It never returns less than 1.
func adjust(rs []rune, n int) int {
	b := n
	for b > 1 && (inSet(rs[b], noLineStart) || inSet(rs[b-1], noLineEnd)) {
		b--
	}
	w := b
	for w > 1 && isWordRune(rs[w]) && isWordRune(rs[w-1]) {
		w--
	}
	if w > 1 && !inSet(rs[w], noLineStart) && !inSet(rs[w-1], noLineEnd) {
		return w
	}
	return b
}
