package prose

import (
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/forms/format"

	"nianbao/forms/value"
)

// Share is a percentage the text gives as the share of a figure it has
// just claimed: "予以公开及部分公开42件，占51.85%".
type Share struct {
	Of      Claim  // the figure the share is of
	Percent Number // the percentage as written
	Quote   Quote  // from the figure's clause to the percentage
}

// maxShareGap bounds the words between a figure and its share, in runes:
// "，占全部申请的" and the like.
const maxShareGap = 24

// notOne are words between a figure and a percentage that make the
// percentage a share of something else than the figure: one per figure of
// a list (分别), or of several figures together (二者合计).
var notOne = []string{"分别", "合计", "共计", "总计", "二者", "两者", "以上", "上述", "各",
	"较", "同比", "比上年", "提高", "上升", "下降", "增长", "减少", "超过"}

// totalWords name a whole a share may be of without naming the sum:
// 占总数的, 占全部申请的.
var totalWords = []string{"总数", "总量", "全部", "所有", "总计", "办结", "受理", "收到"}

// knownBase tells whether the words after 占 name no whole, or one the
// format knows: the name of one of the mention's shares or a word of a
// total. "占自然人申请的52.38%" is a share of something else.
func knownBase(words string, m format.Mention) bool {
	base, _, named := strings.Cut(words, "的")
	if !named {
		return !strings.ContainsFunc(words, unicode.IsLetter) || words == "比"
	}
	for _, w := range m.Shares {
		if strings.Contains(base, w.Name) {
			return true
		}
	}
	return containsAny(base, totalWords)
}

// Shares lists the percentages of text that are shares of its claims: a
// percentage in the claim's sentence, after it, with 占 between the two
// and no other number. A percentage after 分别 (one per figure of a list),
// or of several (二者合计), or of a change (同比增长12.5%), is no share of
// the one figure.
func Shares(text string, claims []Claim) []Share {
	var out []Share
	numbers := Numbers(text)
	for i, n := range numbers {
		if n.Unit != "%" || i == 0 {
			continue
		}
		prev := numbers[i-1]
		var of *Claim
		for ci := range claims {
			if claims[ci].Start == prev.Start {
				of = &claims[ci]
			}
		}
		if of == nil {
			continue
		}
		gap := text[of.End:n.Start]
		at := strings.LastIndex(gap, "占")
		if at < 0 || containsAny(gap, notOne) || strings.ContainsAny(gap, sentenceEnds) ||
			strings.ContainsAny(gap[at:], clauseEnds) || utf8.RuneCountInString(gap) > maxShareGap ||
			hasAnyPrefix(gap, "）", ")") || !knownBase(gap[at+len("占"):], of.Mention) {
			continue
		}
		out = append(out, Share{Of: *of, Percent: n, Quote: Quote{text[of.Clause.Start:n.End], of.Clause.Start, n.End}})
	}
	return out
}

// SharePrinted tells whether percent, written with scale decimals, is
// part/whole as a percentage: rounded half up or cut at that precision,
// the two ways reports compute it. A zero whole is a share of nothing:
// false.
func SharePrinted(percent value.Dec, scale int, part, whole value.Dec) bool {
	if whole == 0 {
		return false
	}
	pow := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(scale)), nil)
	// percent·10^scale, as a whole number of the printed unit.
	printed := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(int64(percent)), pow), big.NewInt(int64(value.Int(1))))
	if !printed.IsInt() {
		return false
	}
	want := printed.Num()
	ratio := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(int64(part)), new(big.Int).Mul(big.NewInt(100), pow)), big.NewInt(int64(whole)))
	cut := new(big.Int).Quo(ratio.Num(), ratio.Denom()) // both positive: Quo truncates
	rounded := new(big.Rat).Add(ratio, big.NewRat(1, 2))
	half := new(big.Int).Quo(rounded.Num(), rounded.Denom())
	return cut.Cmp(want) == 0 || half.Cmp(want) == 0
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
