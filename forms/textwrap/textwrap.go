// Package textwrap breaks Chinese text into lines by the rules of Chinese
// typesetting (禁则): no line starts with closing punctuation such as ，。、）
// and none ends with opening punctuation such as （《“; runs of Latin letters
// and digits stay whole where they fit. The editor's tables and the exports
// share it; callers supply the width of a string in their own units.
package textwrap

import (
	"strings"
	"unicode"
)

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
	for _, para := range strings.Split(text, "\n") {
		rs := []rune(para)
		for _, r := range Breaks(rs, width, func(i int) float64 { return measure(string(rs[i])) }) {
			out = append(out, string(rs[r[0]:r[1]]))
		}
	}
	return out
}

// Breaks breaks one paragraph of runes into lines no wider than width, with
// the advance of each rune given by advance, and returns each line's
// [start, end) range. A space at a break is dropped. An empty paragraph
// is one empty line.
func Breaks(rs []rune, width float64, advance func(i int) float64) [][2]int {
	if len(rs) == 0 {
		return [][2]int{{0, 0}}
	}
	var lines [][2]int
	for start := 0; start < len(rs); {
		n := 0
		for w := 0.0; start+n < len(rs); n++ {
			w += advance(start + n)
			if w > width && n > 0 {
				break
			}
		}
		if start+n < len(rs) {
			n = adjust(rs[start:], n)
		}
		lines = append(lines, [2]int{start, start + n})
		start += n
		for start < len(rs) && rs[start] == ' ' {
			start++
		}
	}
	return lines
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
