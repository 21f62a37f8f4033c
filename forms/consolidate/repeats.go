package consolidate

import (
	"cmp"
	"context"
	"slices"
	"sync"

	"nianbao/forms/format"
	"nianbao/forms/importer"
	"nianbao/forms/l10n"
	"nianbao/forms/parallel"
	"nianbao/forms/registry"
	"nianbao/forms/report"
	"nianbao/forms/rules"
	"nianbao/forms/safefile"
	"nianbao/forms/similar"
)

// UnitRepeat is a text section of one unit's report nearly the same as
// the same section of another unit's: one copied from the other, or both
// from one source (rule X5 between units). Of the two directions, A's
// text against B's and B's against A's, it is the one with the larger
// share.
type UnitRepeat struct {
	// A and B are the units' names: A's section is nearly B's.
	A, B string
	// Section is the text section's ID, Heading its heading in the
	// format ("五、存在的主要问题及改进情况").
	Section string
	Heading string
	// Share is the part of A's section, in runes, in sentences that B's
	// section repeats (numbers aside).
	Share float64
	// Sentences are A's repeated sentences (Pair.A) each with B's sentence
	// it repeats (Pair.B), in A's order.
	Sentences []similar.Pair
}

// RepeatCheck is a comparison of the texts of a consolidation's units:
// PrepareRepeats takes what it needs from the consolidated report, Run
// reads the units' files and compares them without touching it, so that
// an editor can run it off the UI goroutine while the report stays its
// own.
type RepeatCheck struct {
	reg      *registry.Registry
	rule     *format.Rule
	headings map[string]string // section ID → heading
	units    []repeatUnit
}

// repeatUnit is a unit whose texts are compared, and then its texts.
type repeatUnit struct {
	name, path string
	texts      map[string]similar.Text // by section ID; nil when the file could not be read
}

// Repeats compares the texts of every unit included in target's sums
// with every other's, as PrepareRepeats and Run do.
func Repeats(ctx context.Context, target *report.Doc, progress func(done, total int)) ([]UnitRepeat, error) {
	c, err := PrepareRepeats(target)
	if err != nil {
		return nil, err
	}
	return c.Run(ctx, progress)
}

// PrepareRepeats lists the units of target, a consolidated report, whose
// texts are compared: those included in the sums, by their files. The
// sections compared and the thresholds are those of the format's
// repeated rule (X5); a format without one is an error.
func PrepareRepeats(target *report.Doc) (*RepeatCheck, error) {
	ws := target.Report.Consolidation
	if ws == nil {
		return nil, l10n.Errorf("consolidate.notConsolidation", "Unit", target.Report.Unit.Name)
	}
	r := target.Entry.Rules.RepeatRule()
	if r == nil {
		return nil, l10n.Errorf("consolidate.noRepeatRule", "Format", target.Entry.Format.Name)
	}
	c := &RepeatCheck{reg: target.Registry(), rule: r, headings: map[string]string{}}
	for _, id := range r.Sections {
		c.headings[id] = id
		if s := target.Entry.Format.Section(id); s != nil {
			c.headings[id] = s.Heading
		}
	}
	for _, u := range ws.Units {
		if !u.Included || u.State == Missing || u.State == Refused {
			continue
		}
		if p := FileOf(target, u); p != "" {
			c.units = append(c.units, repeatUnit{name: u.Unit, path: p})
		}
	}
	return c, nil
}

// Units is how many units the check compares.
func (c *RepeatCheck) Units() int { return len(c.units) }

// Run reads the units' files, in parallel, prepares each one's texts once
// and compares every two units' sections both ways, reporting each pair's
// section once, with the larger share. A file that cannot be read is left
// out. progress, if set, is called on the calling goroutine with the
// units compared of all (files are read first, without progress). On
// cancellation, checked between two pairs, Run returns ctx's error.
func (c *RepeatCheck) Run(ctx context.Context, progress func(done, total int)) ([]UnitRepeat, error) {
	units := slices.Clone(c.units)
	n := len(units)
	if progress != nil {
		progress(0, n)
	}
	err := parallel.Each(ctx, n, func(i int) { units[i].texts = c.read(units[i].path) }, nil)
	if err != nil {
		return nil, err
	}
	units = slices.DeleteFunc(units, func(u repeatUnit) bool { return u.texts == nil })
	// Each unit is compared with the next half of the others, round the
	// list: every pair once, and the same work for every unit, so that
	// progress by units moves evenly.
	m := len(units)
	var mu sync.Mutex
	var out []UnitRepeat
	err = parallel.Each(ctx, n, func(i int) {
		if i >= m { // a unit whose file could not be read: nothing to do
			return
		}
		var found []UnitRepeat
		for d := 1; d <= m/2; d++ {
			j := (i + d) % m
			if 2*d == m && i >= j { // the pair opposite is reached from both ends
				continue
			}
			if ctx.Err() != nil {
				return
			}
			found = append(found, c.compare(units[i], units[j])...)
		}
		mu.Lock()
		out = append(out, found...)
		mu.Unlock()
	}, progress)
	if err != nil {
		return nil, err
	}
	order := map[string]int{}
	for i, id := range c.rule.Sections {
		order[id] = i
	}
	slices.SortFunc(out, func(x, y UnitRepeat) int {
		return cmp.Or(cmp.Compare(y.Share, x.Share), cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B),
			cmp.Compare(order[x.Section], order[y.Section]))
	})
	return out, nil
}

// compare lists the sections of a and b nearly the same, each once, in
// the direction of the larger share (of equal shares, from the unit whose
// name sorts first).
func (c *RepeatCheck) compare(a, b repeatUnit) []UnitRepeat {
	ab := rules.Repeats(c.rule, a.texts, b.texts)
	ba := rules.Repeats(c.rule, b.texts, a.texts)
	if len(ab)+len(ba) == 0 {
		return nil
	}
	var out []UnitRepeat
	for _, id := range c.rule.Sections {
		x, okA := findRepeat(ab, id)
		y, okB := findRepeat(ba, id)
		switch {
		case okA && (!okB || x.Share > y.Share || x.Share == y.Share && a.name <= b.name):
			out = append(out, UnitRepeat{A: a.name, B: b.name, Section: id, Heading: c.headings[id], Share: x.Share, Sentences: x.Pairs})
		case okB:
			out = append(out, UnitRepeat{A: b.name, B: a.name, Section: id, Heading: c.headings[id], Share: y.Share, Sentences: y.Pairs})
		}
	}
	return out
}

func findRepeat(rs []rules.Repeat, section string) (rules.Repeat, bool) {
	for _, r := range rs {
		if r.Section == section {
			return r, true
		}
	}
	return rules.Repeat{}, false
}

// read reads a unit's file as readOne does, bounded in size, and prepares
// the texts of the rule's sections; nil when the file cannot be read.
func (c *RepeatCheck) read(path string) (texts map[string]similar.Text) {
	defer func() {
		// A crafted file that trips a library must not end the check.
		if recover() != nil {
			texts = nil
		}
	}()
	data, err := safefile.ReadLimited(path, importer.MaxFileSize, "importer.tooLarge")
	if err != nil {
		return nil
	}
	d, err := importer.Read(path, data, c.reg)
	if err != nil {
		return nil
	}
	return rules.Prepared(c.rule, d.Report.Texts)
}

// Quotes lists the first few of r's sentences for a message, as rule X5
// quotes them: “…”“…”等 N 句.
func (r UnitRepeat) Quotes() string {
	return rules.Repeat{Section: r.Section, Match: similar.Match{Pairs: r.Sentences, Share: r.Share}}.Quotes()
}

// Percent is r's share as a percentage to one decimal: "87.5%".
func (r UnitRepeat) Percent() string {
	return rules.Percent(r.Share)
}
