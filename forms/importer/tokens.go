package importer

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/forms/unitkind"
	"nianbao/forms/value"
)

// token is a piece of a published report's text: a label (a heading, a
// row or column label, a sentence) or a table value.
type token struct {
	text  string // as read, trimmed
	core  string // a label as compared (Core)
	num   bool   // a number (text holds its digits, unit its unit)
	na    bool   // 不适用 ("/")
	blank bool   // a cell left empty or marked so (—, 无): it holds its place
	unit  string // 元 or 万元 written after a number
	line  int    // the line it is on
	glued bool   // a number that followed a label without a separator
}

// isValue reports whether the token is a table value, or a blank in its
// place.
func (t token) isValue() bool { return t.num || t.na || t.blank }

var (
	// numberWord is a value: digits, thousands separators, decimals, and a
	// money unit or a count's measure word after it (1264件).
	numberWord = regexp.MustCompile(`^-?(\d{1,3}([,，]\d{3})+|\d+)(\.\d+)?(元|万元|件|条|次|个|项|人次|家|份)?$`)
	// blankWords mark a cell left empty in published tables.
	blankWords = map[string]bool{"—": true, "——": true, "–": true, "-": true, "--": true, "无": true, "空": true}
	// gluedNumber is a label that runs into its row's digits:
	// 一、本年新收政府信息公开申请数量15130000154.
	gluedNumber = regexp.MustCompile(`^(.*[^\d.,\-\s])(\d+(?:\.\d+)?)(元|万元)?$`)
)

// tokenize cuts text into tokens: cells separated by line breaks, "|" or
// tabs, and within a cell the words separated by spaces where they are
// numbers (20 5 0 0 26), so that web text, text from a PDF viewer and our
// own text export all read alike.
func tokenize(text string) []token {
	var out []token
	for n, line := range strings.Split(fold(text), "\n") {
		for _, cell := range cellsOf(line) {
			if cell == "" {
				out = append(out, token{blank: true, line: n}) // an empty cell between others
				continue
			}
			out = appendCell(out, cell, n)
		}
	}
	return out
}

// cellsOf cuts a line at "|" and tabs, trimmed; empty cells count only
// between others ("3 |  | 12"), not at the ends ("0 |", "||||").
func cellsOf(line string) []string {
	parts := strings.Split(strings.ReplaceAll(line, "\t", "|"), "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	for len(parts) > 0 && parts[0] == "" {
		parts = parts[1:]
	}
	for len(parts) > 0 && parts[len(parts)-1] == "" {
		parts = parts[:len(parts)-1]
	}
	return parts
}

// appendCell adds the tokens of one cell: its number words as values, the
// rest as one label.
func appendCell(out []token, cell string, line int) []token {
	if cell == "" {
		return out
	}
	var label []string
	flush := func() {
		if len(label) > 0 {
			text := strings.Join(label, " ")
			if m := gluedNumber.FindStringSubmatch(text); m != nil && utf8.RuneCountInString(m[1]) >= 2 && !endsInDigitLabel(m[1]) {
				out = append(out, labelToken(m[1], line), token{text: m[2], unit: m[3], num: true, line: line, glued: true})
			} else {
				out = append(out, labelToken(text, line))
			}
			label = nil
		}
	}
	for _, w := range strings.Fields(cell) {
		switch {
		case numberWord.MatchString(w):
			flush()
			t := token{text: strings.NewReplacer(",", "", "，", "").Replace(w), num: true, line: line}
			if m := numberWord.FindStringSubmatch(w); m[4] != "" {
				t.text = strings.TrimSuffix(t.text, m[4])
				if m[4] == "元" || m[4] == "万元" {
					t.unit = m[4]
				}
			}
			out = append(out, t)
		case blankWords[w]:
			flush()
			out = append(out, token{blank: true, line: line})
		case value.IsNAMark(w):
			flush()
			out = append(out, token{text: value.NAMark, na: true, line: line})
		default:
			label = append(label, w)
		}
	}
	flush()
	return out
}

// endsInDigitLabel tells labels that end in a number of their own (第1项)
// apart from labels glued to their values.
func endsInDigitLabel(s string) bool { return strings.HasSuffix(s, "第") }

func labelToken(text string, line int) token {
	return token{text: text, core: Core(text), line: line}
}

var folder = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u3000", " ", "\u00a0", " ", "｜", "|", "\ufeff", "")

// fold unifies what pasted text varies in: line ends, full-width digits,
// letters and signs, full-width and no-break spaces, the full-width bar.
func fold(s string) string {
	s = folder.Replace(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ', r == '－', r == '．', r == '／':
			return r - '！' + '!'
		case r == '−' || r == '‐' || r == '‑': // minus signs and hyphens a word processor writes
			return '-'
		}
		return r
	}, s)
}

// numbering matches the numbering in front of a heading or row label:
// 一、 （一） (1) 1. 1、 第一部分.
var numbering = regexp.MustCompile(`^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．])`)

// Core is a label as compared: without numbering, spaces, punctuation and
// width differences, so that 一、总体情况, （一）总体情况 and "总体 情况" agree.
func Core(s string) string {
	s = strings.TrimSpace(fold(s))
	for {
		loc := numbering.FindStringIndex(s)
		if loc == nil {
			break
		}
		s = strings.TrimSpace(s[loc[1]:])
	}
	s = unitkind.Normalize(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
