// Package similar finds near-identical sentences between Chinese texts, to
// flag 年年雷同: a report's section copied from last year's report, or
// copied from one unit's report into another's.
//
// Each text is split into sentences and each sentence, once normalised, is
// reduced to the set of its character trigrams. Two sentences are the same
// sentence when the Jaccard similarity of their sets, |A∩B| / |A∪B|,
// reaches a threshold; a text is nearly identical to another when such
// sentences make up most of it.
//
// Character trigrams, because Chinese is written without spaces: there are
// no words to compare without a segmenter, and a copied sentence keeps its
// character sequences even when a few words are changed, so most of its
// trigrams survive, while a sentence written afresh on the same topic
// shares only the odd term. Jaccard over sets, because it is symmetric (a
// against b scores as b against a) and bounded in [0, 1], so that one
// threshold serves short and long sentences alike. Numbers are normalised
// first, because a copied sentence with this year's figures filled in is
// still copied: every run of digits becomes '#', so "2024年收到12件" and
// "2025年收到15件" compare equal.
package similar

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinRunes is the fewest normalised runes a sentence needs to count as
// repeated: shorter ones ("无。", headings) repeat legitimately. Short
// sentences are kept, but they are neither repeated nor part of the
// runes a Share is taken of.
const MinRunes = 12

// MinTextRunes is the fewest normalised runes, in sentences of at least
// MinRunes, a text needs to be Similar.
const MinTextRunes = 40

// Options are the thresholds of Compare.
type Options struct {
	// Sentence is the Jaccard similarity of trigram sets from which two
	// sentences are the same.
	Sentence float64
	// Section is the share of a text's runes in repeated sentences from
	// which the text is nearly identical.
	Section float64
}

// DefaultOptions are the thresholds 年年雷同 is flagged at.
var DefaultOptions = Options{Sentence: 0.8, Section: 0.6}

// Sentence is a sentence as written, trimmed of surrounding space, and its
// byte offsets in the text: text[Start:End] == Text.
type Sentence struct {
	Text       string
	Start, End int
}

// Pair is a sentence of a and its best match in b, with their Jaccard
// similarity.
type Pair struct {
	A, B  Sentence
	Score float64
}

// Match is what Compare found.
type Match struct {
	Pairs   []Pair  // a's repeated sentences, in a's order
	Share   float64 // of a's countable runes, those in repeated sentences
	Similar bool    // Share >= Options.Section, and a has MinTextRunes
}

// Text is a text prepared for Compare. The zero Text has no sentences.
type Text struct {
	sentences []sentence
	runes     int // normalised runes of the sentences of MinRunes or more
}

type sentence struct {
	Sentence
	runes int      // length of the normalised sentence
	grams []uint64 // its trigrams, sorted and distinct
	// countable: of MinRunes or more, no heading, none of the words
	// ignored — a sentence that may be repeated and counts in a Share.
	countable bool
}

// heading is a numbered heading: （一）信息处理费收取情况, 二、存在的问题.
var heading = regexp.MustCompile(`^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)`)

// maxHeadingRunes is the longest a numbered sentence may be to be a
// heading; a longer one is text beginning with a number.
const maxHeadingRunes = 25

// ends end a sentence.
const ends = "。！？!?；;\n\r"

// Prepare splits text into sentences and normalises them for Compare. A
// sentence ends at one of 。！？!?；; or a line break, taking with it the
// marks and closing quotes that follow (“……。”). A sentence with no letter
// or number (a rule of dashes) is left out. Headings, and sentences
// holding one of the words of ignore (the fixed sentences every report
// says each year: 未收取信息处理费), are neither repeated nor counted.
func Prepare(text string, ignore ...string) Text {
	var t Text
	var grams []uint64
	var offs []int // offs[i] is where sentence i's grams start in grams
	var norm []rune
	for start := 0; start < len(text); {
		end := sentenceEnd(text, start)
		seg := text[start:end]
		s := strings.TrimLeftFunc(seg, unicode.IsSpace)
		at := start + len(seg) - len(s)
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		start = end
		if norm = normalize(norm[:0], s); len(norm) == 0 {
			continue
		}
		offs = append(offs, len(grams))
		grams = appendGrams(grams, norm)
		countable := len(norm) >= MinRunes &&
			!(heading.MatchString(s) && utf8.RuneCountInString(s) <= maxHeadingRunes) &&
			!slices.ContainsFunc(ignore, func(w string) bool { return w != "" && strings.Contains(s, w) })
		t.sentences = append(t.sentences, sentence{Sentence: Sentence{s, at, at + len(s)}, runes: len(norm), countable: countable})
		if countable {
			t.runes += len(norm)
		}
	}
	offs = append(offs, len(grams))
	for i := range t.sentences {
		t.sentences[i].grams = grams[offs[i]:offs[i+1]:offs[i+1]]
	}
	return t
}

// sentenceEnd is where the sentence that begins at start ends: after its
// end mark and the end marks and closing punctuation that follow it.
func sentenceEnd(text string, start int) int {
	i := strings.IndexAny(text[start:], ends)
	if i < 0 {
		return len(text)
	}
	for i += start; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune(ends, r) && !unicode.In(r, unicode.Pe, unicode.Pf) {
			break
		}
		i += size
	}
	return i
}

// normalize appends to dst the runes of s that are compared: letters and
// numbers, full-width forms as half-width, letters in lower case, and each
// run of ASCII digits (decimal points included) as one '#'.
func normalize(dst []rune, s string) []rune {
	number := false // within a run of digits
	for _, r := range s {
		if 0xFF01 <= r && r <= 0xFF5E {
			r -= 0xFEE0
		}
		switch {
		case '0' <= r && r <= '9':
			if !number {
				dst = append(dst, '#')
			}
			number = true
		case r == '.' && number:
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			dst = append(dst, unicode.ToLower(r))
			number = false
		default:
			number = false
		}
	}
	return dst
}

// pad stands for the missing runes of a sentence shorter than a trigram:
// it is above any rune, so that no trigram has its key.
const pad = 1<<21 - 1

// key packs three runes, 21 bits each, into one exact trigram key.
func key(a, b, c rune) uint64 {
	return uint64(a)<<42 | uint64(b)<<21 | uint64(c)
}

// appendGrams appends to dst the sorted, distinct trigram keys of the
// normalised sentence rs, or one key for the whole when it is shorter.
func appendGrams(dst []uint64, rs []rune) []uint64 {
	if len(rs) < 3 {
		r := [3]rune{pad, pad, pad}
		copy(r[:], rs)
		return append(dst, key(r[0], r[1], r[2]))
	}
	from := len(dst)
	for i := 2; i < len(rs); i++ {
		dst = append(dst, key(rs[i-2], rs[i-1], rs[i]))
	}
	slices.Sort(dst[from:])
	return dst[:from+len(slices.Compact(dst[from:]))]
}

// jaccard is |a∩b| / |a∪b| of two sorted sets, not both empty; or 0 as
// soon as the merge shows it must be below least.
func jaccard(a, b []uint64, least float64) float64 {
	// |a∩b| / (|a|+|b|-|a∩b|) >= least takes |a∩b| >= need (rounded down
	// a little, so that rounding never rejects a pair at the threshold).
	need := int(math.Ceil(least*float64(len(a)+len(b))/(1+least) - 1e-9))
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			if i++; common+len(a)-i < need {
				return 0
			}
		case a[i] > b[j]:
			if j++; common+len(b)-j < need {
				return 0
			}
		default:
			common++
			i++
			j++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}

// Compare finds the sentences of a repeated in b: those whose trigrams
// have a Jaccard similarity of at least o.Sentence with a sentence of b,
// both of MinRunes or more. Each sentence of a is paired at most once,
// with its best match (the first of equals).
func Compare(a, b Text, o Options) Match {
	var m Match
	repeated := 0
	for _, x := range a.sentences {
		if !x.countable {
			continue
		}
		best, score := -1, 0.0
		for j := range b.sentences {
			y := &b.sentences[j]
			if !y.countable {
				continue
			}
			// The Jaccard similarity is at most the ratio of the sizes.
			lo, hi := len(x.grams), len(y.grams)
			if lo > hi {
				lo, hi = hi, lo
			}
			if bound := float64(lo) / float64(hi); bound < o.Sentence || bound <= score {
				continue
			}
			if s := jaccard(x.grams, y.grams, max(o.Sentence, score)); s >= o.Sentence && s > score {
				best, score = j, s
			}
		}
		if best >= 0 {
			m.Pairs = append(m.Pairs, Pair{x.Sentence, b.sentences[best].Sentence, score})
			repeated += x.runes
		}
	}
	if a.runes > 0 {
		m.Share = float64(repeated) / float64(a.runes)
	}
	m.Similar = a.runes >= MinTextRunes && m.Share >= o.Section
	return m
}
