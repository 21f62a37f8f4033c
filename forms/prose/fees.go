package prose

import (
	"strings"
	"unicode/utf8"

	"nianbao/forms/value"
)

// Fee is what a sentence says of a fee (信息处理费): that none was
// collected, or an amount, in 元.
type Fee struct {
	Quote  Quote
	None   bool
	Amount value.Dec // in 元; meaningful when HasAmount
	// HasAmount marks a sentence giving an amount (0元 included).
	HasAmount bool
}

// Fees lists the sentences of text that speak of the fee one of words
// names: those saying none was collected (a word of none: 未收取, 免收 …)
// and those giving an amount of it in 元 or 万元. A sentence giving two
// amounts of it says nothing certain and is left out, as is one holding a
// word of skip (a rate: 标准, 每件) or naming a year other than year (0:
// not known).
func Fees(text string, words, none, skip []string, year int) []Fee {
	var out []Fee
	start := 0
	for start < len(text) {
		end := strings.IndexAny(text[start:], sentenceEnds)
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s := text[start:end]
		if containsAny(s, words) && !containsAny(s, skip) && !otherYear(s, year) {
			f := Fee{Quote: Quote{strings.TrimSpace(s), start, end}, None: containsAny(s, none)}
			var amounts []Number
			for _, n := range Numbers(s) {
				if (n.Unit == "元" || n.Unit == "万元") && ofFee(s, n, words) {
					amounts = append(amounts, n)
				}
			}
			if len(amounts) == 1 {
				f.Amount, f.HasAmount = amounts[0].Value, true
				if amounts[0].Unit == "万元" {
					f.Amount, f.HasAmount = mul(f.Amount, 10_000)
				}
			}
			if f.None || f.HasAmount {
				out = append(out, f)
			}
		}
		_, size := utf8.DecodeRuneInString(text[end:])
		start = end + size
	}
	return out
}

// ofFee tells whether an amount is of the fee: nothing else charged (no
// 费, no ；) between it and the nearest word naming the fee.
func ofFee(s string, n Number, words []string) bool {
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(s[i:], w)
			if j < 0 {
				break
			}
			j += i
			var between string
			if j+len(w) <= n.Start {
				between = s[j+len(w) : n.Start]
			} else if n.End <= j {
				between = s[n.End:j]
			} else {
				break
			}
			if !strings.ContainsAny(between, "费；;") {
				return true
			}
			i = j + len(w)
		}
	}
	return false
}
