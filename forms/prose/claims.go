package prose

import (
	"slices"
	"strings"
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
var comparative = []string{"较", "同比", "比上年", "环比", "增加", "减少", "增长", "下降", "上升", "平均", "累计", "近", "占", "超过", "不足", "以上", "以下", "约", "余"}

// Claims lists the numbers text gives as figures of the mentions: a
// number in a unit a mention counts in, whose clause (from the number
// before it, if any) names exactly one
// mention (the longest word wins where one contains another: 予以公开及部分
// 公开 over 部分公开), in a clause without comparative words. Anything
// else — a clause naming two figures, a change, an estimate — claims
// nothing: when in doubt, no warning.
func Claims(text string, mentions []format.Mention) []Claim {
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
		if r, _ := utf8.DecodeRuneInString(text[end:]); r == '余' || r == '多' || r == '左' {
			continue // 30余件, 20多件, 10件左右
		}
		clause := text[start:end]
		if containsAny(clause, comparative) {
			continue
		}
		m, ok := named(clause[:n.Start-start], n.Unit, mentions)
		if !ok || !inContext(text, n, m.Context) {
			continue
		}
		out = append(out, Claim{Number: n, Mention: m, Clause: Quote{strings.TrimSpace(clause), start, end}})
	}
	return out
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

// inContext tells whether the sentence of n holds one of the words of
// context (or context is empty); a sentence beginning 其中 with the one
// before it.
func inContext(text string, n Number, context []string) bool {
	if len(context) == 0 {
		return true
	}
	start := sentenceStart(text, n.Start)
	if strings.HasPrefix(strings.TrimSpace(text[start:n.Start]), "其中") && start > 0 {
		// "其中…" goes on with the sentence before: its subject is there.
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start = sentenceStart(text, start-size)
	}
	end := strings.IndexAny(text[n.End:], sentenceEnds)
	if end < 0 {
		end = len(text)
	} else {
		end += n.End
	}
	sentence := text[start:end]
	return slices.ContainsFunc(context, func(w string) bool { return strings.Contains(sentence, w) })
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
