package prose

import (
	"regexp"
	"strconv"
	"strings"
)

// Quote is words of the text a check is about, and where they are.
type Quote struct {
	Text       string
	Start, End int // byte offsets
}

var (
	partsAnnounced = regexp.MustCompile(`(?:共|包括|分为|分|由)[^。；]{0,80}?([0-9０-９]+|[一二三四五六七八九十]+)个?(?:部分|方面内容)`)
	period         = regexp.MustCompile(`统计期限[^。；]{0,6}?((?:19|20)[0-9]{2})\s*年[^。；]{0,16}?至\s*((?:19|20)[0-9]{2})\s*年`)
	docNumber      = regexp.MustCompile(docNumberPattern)
	citation       = regexp.MustCompile(`国办公开办函\s*` + docNumberPattern)
)

// docNumberPattern is a document number, 〔2021〕30号, its year and number
// the submatches.
const docNumberPattern = `[〔\[［(（]\s*((?:19|20)[0-9]{2})\s*[〕\]］)）]\s*([0-9０-９]+)\s*号`

// Parts finds how many parts the text says the report has: "全文包括…六个
// 部分", "由…等6部分组成". ok is false when it says none.
func Parts(text string) (n int, q Quote, ok bool) {
	m := partsAnnounced.FindStringSubmatchIndex(text)
	if m == nil {
		return 0, Quote{}, false
	}
	n, ok = count(text[m[2]:m[3]])
	return n, Quote{text[m[0]:m[1]], m[0], m[1]}, ok
}

// Period finds the statistics period the text gives (统计期限为2025年1月1日至
// 2025年12月31日): its first and last years.
func Period(text string) (from, to int, q Quote, ok bool) {
	m := period.FindStringSubmatchIndex(text)
	if m == nil {
		return 0, 0, Quote{}, false
	}
	from, _ = strconv.Atoi(text[m[2]:m[3]])
	to, _ = strconv.Atoi(text[m[4]:m[5]])
	return from, to, Quote{text[m[0]:m[1]], m[0], m[1]}, true
}

// Citation is a 国办公开办函 the text cites, as 〔2021〕30号.
type Citation struct {
	Number string
	Quote  Quote
}

// Citations lists the 国办公开办函 documents the text cites.
func Citations(text string) []Citation {
	var out []Citation
	for _, m := range citation.FindAllStringSubmatchIndex(text, -1) {
		out = append(out, Citation{Number: DocNumber(text[m[2]:m[3]], text[m[4]:m[5]]), Quote: Quote{text[m[0]:m[1]], m[0], m[1]}})
	}
	return out
}

// DocNumbers lists the document numbers (〔2021〕30号) a text holds, as
// DocNumber writes them: the format files' bases are read with it.
func DocNumbers(text string) []string {
	var out []string
	for _, m := range docNumber.FindAllStringSubmatch(text, -1) {
		out = append(out, DocNumber(m[1], m[2]))
	}
	return out
}

// DocNumber writes a document number one way: 〔2021〕30号.
func DocNumber(year, n string) string {
	v, _ := count(n)
	return "〔" + year + "〕" + strconv.Itoa(v) + "号"
}

// count reads a small count in digits or Chinese numerals.
func count(s string) (int, bool) {
	s = strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + r - '０'
		}
		return r
	}, s)
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	n, ok := chinese(s)
	return int(n), ok
}
