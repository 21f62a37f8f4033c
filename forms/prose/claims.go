package prose

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/forms/format"
)

// Claim is a number the text gives as a figure of the tables: the clause
// that says it, and the mention (cells) it names.
type Claim struct {
	Number
	Mention format.Mention
	Clause  Quote
}

// clauseEnds end a clause: a number's words are looked for back to the
// nearest of them.
const clauseEnds = "，,；;。！？!?、：:\n"

// comparative words make a number a change or a part, not the figure
// itself ("较上年增加5件", "平均每月3件", "占"): such clauses claim nothing.
//
// Words of another period (去年, 同期, 历年) or of a part of the figure
// (按时办结, 延期, 当年办结 of 办结) make a number some other figure too.
var comparative = []string{"较", "同比", "比上年", "环比", "增加", "减少", "增长", "下降", "上升", "平均", "累计", "近", "占", "超过", "不足", "以上", "以下", "约", "余",
	"去年", "上年度", "上一年", "同期", "前年", "往年", "历年", "按时", "按期", "延期", "逾期", "当年", "如期"}

// yearWritten is a year in a text: 2024年.
var yearWritten = regexp.MustCompile(`((?:19|20)[0-9]{2})\s*年`)

// Claims lists the numbers text gives as figures of the mentions: a
// number in a unit a mention counts in, whose clause (from the number
// before it, if any) names exactly one
// mention (the longest word wins where one contains another: 予以公开及部分
// 公开 over 部分公开), in a clause without comparative words. Anything
// else — a clause naming two figures, a change, an estimate — claims
// nothing: when in doubt, no warning. So does a number of a clause naming
// a year other than year (the report's; 0 when not known), one followed by
// 的 ("不予公开1件的答复") or by what it includes ("28件（含上年结转2件）"),
// one in a sentence holding a mention's Except words ("行政复议决定书45件",
// "受理行政许可申请1264件，办结1264件"), one whose sentence holds none of
// the mention's Context words,
// and one after a 其中 narrowing the subject ("其中申请征收材料的12件，予以
// 公开8件").
func Claims(text string, mentions []format.Mention, year int) []Claim {
	var out []Claim
	prevEnd := 0
	for _, n := range Numbers(text) {
		start := strings.LastIndexAny(text[:n.Start], clauseEnds)
		if start < 0 {
			start = 0
		} else {
			_, size := utf8.DecodeRuneInString(text[start:])
			start += size
		}
		// The words of a number before it in the clause are its own:
		// "行政复议2件（结果维持1件" names no figure for 1件.
		start, prevEnd = max(start, prevEnd), n.End
		end := n.End
		if r, _ := utf8.DecodeRuneInString(text[end:]); r == '余' || r == '多' || r == '左' || r == '的' {
			continue // 30余件, 20多件, 10件左右, 1件的答复
		}
		if after := text[end:]; hasAnyPrefix(after, "（含", "(含", "（其中", "(其中", "，含", ",含", "（包括", "(包括") {
			continue // a figure that holds others
		}
		clause := text[start:end]
		if containsAny(clause, comparative) || otherYear(clause, year) || narrowed(text, n) {
			continue
		}
		m, ok := named(clause[:n.Start-start], n.Unit, mentions)
		sentence := sentenceOf(text, n)
		if !ok || containsAny(sentence, m.Except) || len(m.Context) > 0 && !containsAny(sentence, m.Context) {
			continue
		}
		out = append(out, Claim{Number: n, Mention: m, Clause: Quote{strings.TrimSpace(clause), start, end}})
	}
	return out
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// otherYear tells whether a clause names a year other than year.
func otherYear(clause string, year int) bool {
	for _, m := range yearWritten.FindAllStringSubmatch(clause, -1) {
		if y, _ := strconv.Atoi(m[1]); year != 0 && y != year {
			return true
		}
	}
	return false
}

// narrowed tells whether the sentence of n, before it, narrows its subject
// with 其中…的: the figures after are of a part.
func narrowed(text string, n Number) bool {
	before := text[sentenceStart(text, n.Start):n.Start]
	i := strings.Index(before, "其中")
	return i >= 0 && strings.Contains(before[i:], "的")
}

// named finds the one mention the words before a number name, in its unit.
func named(words, unit string, mentions []format.Mention) (format.Mention, bool) {
	best, bestLen, ties := -1, 0, 0
	for i, m := range mentions {
		units := m.Units
		if len(units) == 0 {
			units = []string{"件"}
		}
		if !slices.Contains(units, unit) {
			continue
		}
		for _, w := range m.Words {
			if !strings.Contains(words, w) {
				continue
			}
			switch l := utf8.RuneCountInString(w); {
			case l > bestLen:
				best, bestLen, ties = i, l, 0
			case l == bestLen && i != best:
				ties++
			}
		}
	}
	if best < 0 || ties > 0 || otherNamed(words, mentions, best, bestLen) {
		return format.Mention{}, false
	}
	return mentions[best], true
}

// otherNamed tells whether the words also name another mention by a word
// not inside the best one's: "新收和办结" names two figures.
func otherNamed(words string, mentions []format.Mention, best, bestLen int) bool {
	var bestWord string
	for _, w := range mentions[best].Words {
		if strings.Contains(words, w) && utf8.RuneCountInString(w) == bestLen {
			bestWord = w
		}
	}
	for i, m := range mentions {
		if i == best {
			continue
		}
		for _, w := range m.Words {
			if strings.Contains(words, w) && !strings.Contains(bestWord, w) {
				return true
			}
		}
	}
	return false
}

// sentenceEnds end a sentence, which a mention's context is looked for in.
const sentenceEnds = "。！？!?\n"

// sentenceOf is the sentence of n; a sentence beginning 其中 with the one
// before it, which holds its subject.
func sentenceOf(text string, n Number) string {
	start := sentenceStart(text, n.Start)
	if strings.HasPrefix(strings.TrimSpace(text[start:n.Start]), "其中") {
		prev := strings.TrimRightFunc(text[:start], func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune(sentenceEnds, r)
		})
		start = sentenceStart(text, len(prev))
	}
	end := strings.IndexAny(text[n.End:], sentenceEnds)
	if end < 0 {
		end = len(text)
	} else {
		end += n.End
	}
	return text[start:end]
}

// sentenceStart is where the sentence holding the byte at i begins: after
// the last sentence end before i.
func sentenceStart(text string, i int) int {
	end := strings.LastIndexAny(text[:i], sentenceEnds)
	if end < 0 {
		return 0
	}
	_, size := utf8.DecodeRuneInString(text[end:])
	return end + size
}
