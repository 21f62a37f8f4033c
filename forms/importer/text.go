package importer

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/registry"
	"nianbao/forms/report"
)

// MaxTextSize bounds the text Text reads: a report is some 30 KB of text.
const MaxTextSize = 4 << 20

// TextFile reads a published report saved or pasted as a text file
// (UTF-8, or GB18030 as Windows saves it).
func TextFile(data []byte, reg *registry.Registry, h Hints) (*Result, error) {
	if len(data) > MaxTextSize {
		return nil, l10n.Errorf("importer.textTooLarge", "Max", MaxTextSize>>20)
	}
	text, err := DecodeText(data)
	if err != nil {
		return nil, err
	}
	return Text(text, reg, h)
}

// DecodeText reads text as Windows programs save it: UTF-8 with or without
// a byte-order mark, or GB18030; other bytes are refused.
func DecodeText(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return string(data), nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) || bytes.IndexByte(data, 0) >= 0 {
		return "", l10n.Errorf("importer.notText")
	}
	return string(out), nil
}

// Hints are what the clerk knows of a published report: each overrides
// what the text says; zero values leave it to the text.
type Hints struct {
	FormatID string
	Year     int
	Unit     string
	// Source is the text the report was read from (a page's or a Word
	// document's as text), for the clerk to compare with.
	Source string
}

// Result is what a reading found beside the report itself.
type Result struct {
	Doc *report.Doc
	// Year and Unit are what the text (or the hints) said: 0 and "" when
	// not found (the report then has the format's first year and no name).
	Year     int
	Unit     string
	Sections []string // the IDs of the sections whose headings were found
	Read     int      // cells read with certainty
	Missing  []string // cells not found
	// Source is the text the report was read from (a page's or a Word
	// document's as text), for the clerk to compare with.
	Source string
}

// ErrNotAReport is wrapped by Text's error when nothing in the text is a
// report's table or heading.
var ErrNotAReport = l10n.Errorf("importer.notReport")

// Text reads a published report pasted as text (from a web page, a PDF
// viewer or our own text export): the format, year and unit, the sections'
// texts, the closing and every table cell. A cell is read with certainty,
// marked uncertain with the reason and the candidate readings (stored in
// the report: rule I1), or left blank as missing; no number is invented.
// The report keeps typed totals: the totals printed are checked, not
// recomputed, so an error in the source shows.
func Text(text string, reg *registry.Registry, h Hints) (*Result, error) {
	toks := tokenize(text)
	lines := strings.Split(fold(text), "\n")
	entry, err := chooseFormat(toks, lines, reg, h)
	if err != nil {
		return nil, err
	}
	year := h.Year
	if year == 0 {
		year = findYear(lines)
	}
	unit := h.Unit
	if unit == "" {
		unit = findUnit(lines, year)
	}
	r := report.New(entry.Format.ID, year, report.Unit{Name: unit, Kind: "department"})
	if year == 0 {
		r.Year = entry.Format.Years.From
	}
	d, err := report.Bind(r, reg)
	if err != nil {
		return nil, err
	}
	r.TypedTotals = true
	res := &Result{Doc: d, Year: year, Unit: unit, Source: text}
	heads := findHeadings(lines, entry.Format)
	// Tables whose heading is missing start at their first row's label:
	// text sections end there.
	regions := map[*format.Section][2]int{}
	var tableLines []int
	for i := range entry.Format.Sections {
		s := &entry.Format.Sections[i]
		if s.Kind == format.TableSection {
			from, to := regionOf(s, heads, toks)
			if !slices.ContainsFunc(heads, func(h heading) bool { return h.section == s }) {
				from = firstRow(entry.Format, entry.Format.Table(s.Table), toks)
				if from < len(toks) {
					tableLines = append(tableLines, toks[from].line)
				}
			}
			regions[s] = [2]int{from, to}
		}
	}
	if d.SectionsEditable() {
		end := slices.Min(append(tableLines, len(lines)))
		for _, hd := range heads {
			if hd.section.Kind != format.TextSection {
				end = min(end, hd.line) // parts come before the tables
			}
		}
		heads = ownSections(d, lines, heads, end)
	}
	for _, hd := range heads {
		res.Sections = append(res.Sections, hd.section.ID)
	}
	readTexts(d, lines, heads, tableLines)
	readPreface(d, lines, heads)
	readClosing(d, lines)
	t := &tableReader{doc: d, toks: toks, uncertain: map[string]report.Uncertainty{}}
	for i := range entry.Format.Sections {
		s := &entry.Format.Sections[i]
		if s.Kind == format.TableSection {
			t.read(entry.Format.Table(s.Table), regions[s][0], regions[s][1])
		}
	}
	if len(t.uncertain) > 0 {
		r.Uncertain = t.uncertain
	}
	for _, c := range entry.Format.Cells() {
		switch _, ok := r.Cells[c.ID]; {
		case c.Spec.Kind == format.Text:
		case !ok:
			res.Missing = append(res.Missing, c.ID)
		case t.uncertain[c.ID].Reason == "":
			res.Read++
		}
	}
	if res.Read == 0 && len(res.Sections) == 0 {
		return nil, ErrNotAReport
	}
	return res, nil
}

// chooseFormat returns the format the hints name, else the one whose row
// labels the text has most of (the year's format among equals).
func chooseFormat(toks []token, lines []string, reg *registry.Registry, h Hints) (*registry.Entry, error) {
	if h.FormatID != "" {
		return report.FormatFor(reg, h.FormatID, 0)
	}
	cores := map[string]bool{}
	for _, t := range toks {
		if t.core != "" {
			cores[t.core] = true
		}
	}
	year := h.Year
	if year == 0 {
		year = findYear(lines)
	}
	var best *registry.Entry
	bestScore := 0
	for _, e := range reg.All() {
		if !e.Standard {
			continue
		}
		score := 0
		for _, l := range rowLabels(e.Format) {
			if cores[l] {
				score++
			}
		}
		if score > bestScore || (score == bestScore && best != nil && e.Format.Years.Contains(year)) {
			best, bestScore = e, score
		}
	}
	if bestScore < 3 {
		if year != 0 && hasReportTitle(lines) {
			return reg.ForYear(year)
		}
		return nil, ErrNotAReport
	}
	return best, nil
}

// labelCache holds each format's row labels (rowLabels), computed once.
var labelCache sync.Map // *format.Format → []string

// rowLabels returns the cores of a format's distinct row labels.
func rowLabels(f *format.Format) []string {
	if v, ok := labelCache.Load(f); ok {
		return v.([]string)
	}
	seen := map[string]bool{}
	var out []string
	for _, c := range f.Cells() {
		for _, l := range c.RowPath {
			if k := Core(l); len([]rune(k)) >= 2 && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	labelCache.Store(f, out)
	return out
}

var (
	title  = regexp.MustCompile(`^(.*?)((?:19|20)\d{2})\s*年度?\s*政府信息公开(工作)?年度?报告`)
	period = regexp.MustCompile(`统计(期限|时限|时间)[^。]{0,8}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日`)
)

// findYear returns the report year the title names (a line of its own), or
// the statistics period the opening gives, or 0: a year elsewhere (根据
// 2019年修订的条例) is no report year.
func findYear(lines []string) int {
	head := lines[:min(len(lines), 40)]
	for _, l := range head {
		if l = strings.TrimSpace(l); utf8.RuneCountInString(l) <= 60 {
			if m := title.FindStringSubmatch(l); m != nil {
				y, _ := strconv.Atoi(m[2])
				return y
			}
		}
	}
	for _, l := range head {
		if m := period.FindStringSubmatch(l); m != nil {
			y, _ := strconv.Atoi(m[2])
			return y
		}
	}
	return 0
}

func hasReportTitle(lines []string) bool {
	for _, l := range lines[:min(len(lines), 40)] {
		if title.MatchString(strings.TrimSpace(l)) {
			return true
		}
	}
	return false
}

// findUnit returns the unit the title names (青溪县自然资源局 of
// 青溪县自然资源局2025年政府信息公开工作年度报告), or "".
func findUnit(lines []string, year int) string {
	var before []string // the lines above, nearest last
	for _, l := range lines[:min(len(lines), 40)] {
		l = strings.TrimSpace(l)
		m := title.FindStringSubmatch(l)
		if m == nil || (year != 0 && m[2] != strconv.Itoa(year)) {
			if l != "" {
				before = append(before, l)
			}
			continue
		}
		if strings.TrimSpace(m[1]) == "" {
			m[1] = nameAbove(before) // the title broken after the unit's name, as printed
		}
		unit := strings.TrimSpace(strings.TrimPrefix(m[1], "关于"))
		unit = strings.Trim(unit, "《》“”\" ")
		if unit != "" && len([]rune(unit)) <= 40 {
			return unit
		}
	}
	return ""
}

// heading is a section's heading found on a line.
type heading struct {
	section *format.Section
	line    int
}

// findHeadings finds the sections' headings, each on a line of its own,
// in the order of the text.
func findHeadings(lines []string, f *format.Format) []heading {
	var out []heading
	taken := map[string]bool{}
	cores := make([][]string, len(f.Sections)) // each section's headings, as compared
	for i, s := range f.Sections {
		for _, h := range append([]string{s.Heading}, s.Aliases...) {
			if hc := Core(h); hc != "" {
				cores[i] = append(cores[i], hc)
			}
		}
	}
	for n, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || utf8.RuneCountInString(l) > 60 {
			continue
		}
		c := Core(strings.TrimRight(l, "|"))
		if c == "" || len([]rune(c)) > 40 {
			continue
		}
		num := numberOf(l)
		for i := range f.Sections {
			s := &f.Sections[i]
			// A heading numbered otherwise (（一）主动公开… inside 一、) is a
			// sub-heading of the text.
			if !taken[s.ID] && headingMatches(c, cores[i]) && (num == "" || num == numberOf(s.Heading)) {
				taken[s.ID] = true
				out = append(out, heading{s, n})
				break
			}
		}
	}
	return out
}

// topHeading is a part's heading of a report whose parts are its own: 一、…
// on a short line of its own.
var topHeading = regexp.MustCompile(`^[一二三四五六七八九十]+、\S`)

// ownSections makes the report's own list of parts from the text (before
// 2019 every report chose its parts): each part's heading, in order, before
// the first table; a part the format has keeps its ID. It returns the
// headings found, the tables' among them.
func ownSections(d *report.Doc, lines []string, heads []heading, end int) []heading {
	var list []report.SectionEntry
	var lineOf []int
	ids := map[string]bool{}
	n := 0
	for i, l := range lines[:min(end, len(lines))] {
		l = strings.TrimSpace(l)
		if !topHeading.MatchString(l) || utf8.RuneCountInString(l) > 40 || strings.HasSuffix(l, "。") {
			continue
		}
		id := ""
		for _, hd := range heads {
			if hd.line == i && hd.section.Kind == format.TextSection {
				id = hd.section.ID
			}
		}
		for id == "" || ids[id] {
			n++
			id = fmt.Sprintf("s%d", n)
			if d.Entry.Format.Section(id) != nil {
				id = ""
			}
		}
		ids[id] = true
		list = append(list, report.SectionEntry{ID: id, Title: l})
		lineOf = append(lineOf, i)
	}
	if len(list) == 0 || len(list) > report.MaxSections {
		return heads
	}
	d.Report.Sections = list
	var out []heading
	for i, e := range list {
		out = append(out, heading{d.Section(e.ID), lineOf[i]})
	}
	for _, hd := range heads {
		if hd.section.Kind != format.TextSection {
			out = append(out, hd)
		}
	}
	slices.SortFunc(out, func(a, b heading) int { return a.line - b.line })
	return out
}

// numberOf returns a heading's numbering as written (一、, （一）), folded.
func numberOf(s string) string {
	return numbering.FindString(strings.TrimSpace(fold(s)))
}

// headingMatches tells whether a line's core is one of a section's
// headings (the format's, or one of the others it lists), or begins with
// one long enough not to be mistaken.
func headingMatches(c string, headings []string) bool {
	for _, hc := range headings {
		if c == hc || len([]rune(hc)) >= 6 && strings.HasPrefix(c, hc) {
			return true
		}
	}
	return false
}

// readTexts fills each text section with the lines between its heading
// and the next heading (or the end of the text, less the closing).
func readTexts(d *report.Doc, lines []string, heads []heading, tableLines []int) {
	for i, hd := range heads {
		if hd.section.Kind != format.TextSection {
			continue
		}
		end := len(lines)
		if i+1 < len(heads) {
			end = heads[i+1].line
		}
		if c, _ := closing(lines); c > hd.line && c < end {
			end = c // the closing after the last part, before an appendix
		}
		for _, l := range tableLines {
			if l > hd.line && l < end {
				end = l // a table without its heading
			}
		}
		var paras []string
		for _, l := range lines[hd.line+1 : max(end, hd.line+1)] {
			if l = strings.TrimSpace(l); l != "" {
				paras = append(paras, l)
			}
		}
		if paras = unwrap(paras); len(paras) > 0 {
			d.SetText(hd.section.ID, strings.Join(paras, "\n"))
		}
	}
}

// unwrap joins the lines of a paragraph that a PDF viewer's copy broke
// at the end of each printed line: a line as wide as the widest (within
// the two characters a first line is indented by, and half one for
// justification) that ends without a sentence's closing punctuation
// continues on the next, unless that one starts numbered (一、（一）1.).
// Text copied from a page has a paragraph a line, wider than any printed
// line (60 characters), and is left as it is.
func unwrap(lines []string) []string {
	widest := 0
	for _, l := range lines {
		widest = max(widest, displayWidth(l))
	}
	var out []string
	open := false
	for _, l := range lines {
		if open && !numbering.MatchString(l) {
			out[len(out)-1] += l
		} else {
			out = append(out, l)
		}
		last, _ := utf8.DecodeLastRuneInString(l)
		open = widest >= 30 && widest <= 120 && displayWidth(l) >= widest-5 && !strings.ContainsRune("。！？；：…”’」）)", last)
	}
	return out
}

// displayWidth is how wide s prints: two for a Chinese character or
// full-width sign, one for other characters.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		w++
		if r >= 0x2E80 {
			w++
		}
	}
	return w
}

var (
	portalWords = []string{"访问量", "浏览次数", "发布时间", "发布日期", "来源", "字号", "打印", "关闭", "当前位置", "所在位置", "分享", "索引号"}
	phoneRe     = regexp.MustCompile(`电话[：:]\s*([\d\-－—() （）]{7,20}\d)`)
	postcodeRe  = regexp.MustCompile(`邮编[：:]\s*(\d{6})`)
	addressRe   = regexp.MustCompile(`地址[：:]\s*([^；;，,。）)\s]{4,40})`)
	websiteRe   = regexp.MustCompile(`(https?://[A-Za-z0-9./?=&_%:\-]+|www\.[A-Za-z0-9./\-]+)`)
)

// readPreface keeps the opening paragraph as published (between the title
// and the first heading, less a portal's breadcrumbs and counters) and
// takes the contact details it gives.
func readPreface(d *report.Doc, lines []string, heads []heading) {
	if len(heads) == 0 {
		return
	}
	start := 0
	for n, l := range lines[:heads[0].line] {
		if title.MatchString(strings.TrimSpace(l)) {
			start = n + 1
		}
	}
	var paras []string
	for _, l := range lines[start:heads[0].line] {
		l = strings.TrimSpace(l)
		if utf8.RuneCountInString(l) < 20 || slices.ContainsFunc(portalWords, func(w string) bool { return strings.Contains(l, w) && utf8.RuneCountInString(l) < 60 }) {
			continue
		}
		paras = append(paras, l)
	}
	p := &d.Report.Preface
	p.Text = strings.Join(unwrap(paras), "\n")
	find := func(re *regexp.Regexp) string {
		if m := re.FindStringSubmatch(p.Text); m != nil {
			return strings.TrimSpace(m[1])
		}
		return ""
	}
	p.Phone, p.Postcode, p.Address, p.Website = find(phoneRe), find(postcodeRe), find(addressRe), find(websiteRe)
}

// nameAbove is a unit's name printed on the lines above a title broken
// after it: the line just above, and the one above that too when the name
// goes on in brackets (青溪县人民政府办公室 / （县人民政府外事办公室）) or a
// bracket opened there closes below.
func nameAbove(before []string) string {
	if len(before) == 0 || strings.ContainsAny(before[len(before)-1], "。，：") {
		return ""
	}
	name := before[len(before)-1]
	for i := len(before) - 2; i >= 0 && i >= len(before)-3; i-- {
		open := strings.Count(before[i], "（") + strings.Count(before[i], "(") - strings.Count(before[i], "）") - strings.Count(before[i], ")")
		if !(strings.HasPrefix(name, "（") || strings.HasPrefix(name, "(") || open > 0) ||
			strings.ContainsAny(before[i], "。，：>|") || utf8.RuneCountInString(before[i]) > 30 {
			break
		}
		name = before[i] + name
	}
	return name
}

var dateLine = regexp.MustCompile(`^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$`)

// closing finds the closing: the last date on a line of its own (before
// an appendix, after the parts), with the signing organ on the line above
// when it is short. It returns the closing's first line and the date's
// line; both len(lines) when there is none.
func closing(lines []string) (start, date int) {
	for n := len(lines) - 1; n >= 0; n-- {
		if !dateLine.MatchString(strings.TrimSpace(lines[n])) {
			continue
		}
		for k := n - 1; k >= 0 && k >= n-3; k-- {
			if l := strings.TrimSpace(lines[k]); l != "" {
				if utf8.RuneCountInString(l) <= 30 && !strings.HasSuffix(l, "。") {
					return k, n
				}
				break
			}
		}
		return n, n
	}
	return len(lines), len(lines)
}

// readClosing reads the signing organ and date.
func readClosing(d *report.Doc, lines []string) {
	start, date := closing(lines)
	if date < len(lines) {
		if iso, err := report.ParseDate(strings.ReplaceAll(strings.TrimSpace(lines[date]), " ", "")); err == nil {
			d.Report.Closing.Date = iso
		}
		if start < date {
			d.Report.Closing.Organ = strings.TrimSpace(lines[start])
		}
	}
	if d.Report.Closing.Organ == "" {
		d.Report.Closing.Organ = d.Report.Unit.Name
	}
}

// firstRow returns where a table without its heading starts: the first
// token that is exactly one of its row labels (or their parents, of three
// characters or more) and is followed closely by a value and another row
// label, as a table is and a sub-heading in the text is not; or len(toks).
func firstRow(f *format.Format, t *format.Table, toks []token) int {
	labels, leaves := map[string]bool{}, map[string]bool{}
	for _, rw := range rowsOf(f, t) {
		for i, l := range rw.path {
			if c := Core(l); utf8.RuneCountInString(c) >= 3 {
				labels[c] = true
				leaves[c] = leaves[c] || i == len(rw.path)-1
			}
		}
	}
	for k, tk := range toks {
		if !labels[tk.core] {
			continue
		}
		value, row := false, false
		for _, next := range toks[k+1 : min(len(toks), k+13)] {
			value = value || next.isValue()
			row = row || leaves[next.core]
		}
		if value && row {
			return k
		}
	}
	return len(toks)
}

// regionOf returns the tokens of a table's section: from its heading to
// the next heading; the whole text when its heading is not found.
func regionOf(s *format.Section, heads []heading, toks []token) (from, to int) {
	i := slices.IndexFunc(heads, func(h heading) bool { return h.section == s })
	if i < 0 {
		return 0, len(toks)
	}
	first, last := heads[i].line, int(^uint(0)>>1)
	if i+1 < len(heads) {
		last = heads[i+1].line
	}
	from, to = len(toks), len(toks)
	for k, t := range toks {
		if t.line > first && from == len(toks) {
			from = k
		}
		if t.line >= last {
			to = k
			break
		}
	}
	return from, max(from, to)
}
