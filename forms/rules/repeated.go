package rules

import (
	"strconv"
	"strings"
	"sync"

	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/similar"
)

// Repeat is a text section nearly the same as the other report's.
type Repeat struct {
	Section string
	similar.Match
}

// RepeatRule is the format's repeated rule, nil when it has none: the
// sections a consolidation compares between units, and the thresholds.
func (s *Set) RepeatRule() *format.Rule {
	for _, r := range s.other {
		if r.Kind() == format.RepeatedCheck {
			return r
		}
	}
	return nil
}

// Repeats compares the texts of r's sections in two reports (prepared
// with similar.Prepare, by section ID) and lists those of a nearly the
// same as b's.
func Repeats(r *format.Rule, a, b map[string]similar.Text) []Repeat {
	var out []Repeat
	o := similar.Options{Sentence: r.Similar.Sentence, Section: r.Similar.Text}
	for _, id := range r.Sections {
		if m := similar.Compare(a[id], b[id], o); m.Similar {
			out = append(out, Repeat{Section: id, Match: m})
		}
	}
	return out
}

// Prepared prepares the texts of r's sections for Repeats.
func Prepared(r *format.Rule, texts map[string]string) map[string]similar.Text {
	return preparedBy(r, texts, func(text string) similar.Text { return similar.Prepare(text, r.Similar.Ignore...) })
}

// preparedBy prepares the texts of r's sections with prepare.
func preparedBy(r *format.Rule, texts map[string]string, prepare func(string) similar.Text) map[string]similar.Text {
	out := make(map[string]similar.Text, len(r.Sections))
	for _, id := range r.Sections {
		out[id] = prepare(texts[id])
	}
	return out
}

// preparedCache keeps texts prepared for the repeated check, so that an
// editor evaluating on each keystroke prepares last year's texts once and
// this year's only where they changed.
type preparedCache struct {
	mu    sync.Mutex
	texts map[string]similar.Text
}

// maxPrepared bounds the texts a cache keeps: it is emptied when full.
const maxPrepared = 64

func (c *preparedCache) prepared(r *format.Rule, texts map[string]string) map[string]similar.Text {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.texts == nil || len(c.texts) > maxPrepared {
		c.texts = map[string]similar.Text{}
	}
	return preparedBy(r, texts, func(text string) similar.Text {
		t, ok := c.texts[text]
		if !ok {
			t = similar.Prepare(text, r.Similar.Ignore...)
			c.texts[text] = t
		}
		return t
	})
}

// quotedSentences is how many repeated sentences a message quotes.
const quotedSentences = 3

// Quotes lists the repeated sentences of a repeat for a message: the
// first few quoted, then how many more.
func (rp Repeat) Quotes() string {
	var qs []string
	for i, p := range rp.Pairs {
		if i == quotedSentences {
			qs = append(qs, l10n.T("rules.moreSentences", "Count", len(rp.Pairs)))
			break
		}
		qs = append(qs, "“"+p.A.Text+"”")
	}
	return strings.Join(qs, "")
}

// checkRepeated warns of text sections nearly the same as last year's.
func (s *Set) checkRepeated(in Input) []Problem {
	r := s.RepeatRule()
	if r == nil || in.PrevTexts == nil {
		return nil
	}
	var out []Problem
	for _, rp := range Repeats(r, s.cache.prepared(r, in.Texts), s.cache.prepared(r, in.PrevTexts)) {
		heading := rp.Section
		if sec := s.section(in, rp.Section); sec != nil {
			heading = sec.Heading
		}
		out = append(out, Problem{Rule: r.ID, Severity: r.Severity, Section: rp.Section, Quote: rp.Pairs[0].A.Text,
			Message: fill(r.Message, map[string]string{"section": heading, "share": Percent(rp.Share),
				"count": strconv.Itoa(len(rp.Pairs)), "sentences": rp.Quotes()})})
	}
	return out
}

// section finds a text section of the report by ID.
func (s *Set) section(in Input, id string) *format.Section {
	for _, sec := range in.Sections {
		if sec.ID == id {
			return sec
		}
	}
	return s.format.Section(id)
}
