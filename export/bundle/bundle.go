// Package bundle writes a consolidation's publication bundle: the web page
// and PDF of every unit's report the office accepted (approved or
// published) and of the 汇总 itself, with an index page for the portal's
// 年报专栏 grouped by unit kind. Links are relative, so the folder uploads
// as it is.
package bundle

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"nianbao/export"
	"nianbao/export/html"
	"nianbao/export/pdf"
	"nianbao/forms/consolidate"
	"nianbao/forms/importer"
	"nianbao/forms/l10n"
	"nianbao/forms/parallel"
	"nianbao/forms/registry"
	"nianbao/forms/report"
	"nianbao/forms/review"
	"nianbao/forms/safefile"
	"nianbao/forms/unitkind"
)

// IndexName is the bundle's index page.
const IndexName = "index.html"

// unitsDir holds the units' pages and PDFs.
const unitsDir = "units"

// Summary is what a bundle holds.
type Summary struct {
	Units int      // units' reports in the bundle
	Left  []string // the units left out, each with why
	Draft bool     // the 汇总 has errors: its page and PDF are marked 草稿
}

// link is one report in the index: its name and files.
type link struct {
	Name, Page, PDF string
}

// Plan is a bundle to write: what Prepare takes from the 汇总 on the
// goroutine that owns it, so that Write can run on another.
type Plan struct {
	dir    string
	reg    *registry.Registry
	jobs   []job
	own    link
	ownDoc *export.Document // the 汇总 laid out, rendered by Write
	left   []string
	title  string
	suffix string
	kinds  *unitkind.Set
}

// job is an accepted unit's report to write.
type job struct {
	unit report.UnitEntry
	path string // its file
	sha  string // the version approved
	link link
}

// Prepare plans the bundle of the 汇总 d into dir: the units accepted
// (approved or published), the others with why they are left out, and the
// 汇总's own page and PDF, rendered now.
func Prepare(d *report.Doc, dir string, reg *registry.Registry) (*Plan, error) {
	ws := d.Report.Consolidation
	if ws == nil {
		return nil, l10n.Errorf("consolidate.notConsolidation", "Unit", d.Report.Unit.Name)
	}
	p := &Plan{dir: dir, reg: reg, kinds: d.Kinds(),
		title: l10n.T("bundle.title", "Unit", d.Report.Unit.Name, "Year", d.Report.Year), suffix: l10n.T("bundle.suffix", "Year", d.Report.Year)}
	names := map[string]bool{}
	for _, u := range ws.Units {
		r := ws.Records[unitkind.Normalize(u.Unit)]
		switch {
		case !review.Reviewable(u):
			if u.Unit != "" {
				p.left = append(p.left, l10n.T("bundle.left", "Unit", u.Unit, "Why", l10n.T("state."+u.State)))
			}
		case r == nil || r.Review != report.Approved && r.Review != report.Published:
			rv := ""
			if r != nil {
				rv = r.Review
			}
			p.left = append(p.left, l10n.T("bundle.left", "Unit", u.Unit, "Why", reviewLabel(rv)))
		default:
			name := fileName(u.Unit, names)
			p.jobs = append(p.jobs, job{unit: u, path: consolidate.FileOf(d, u), sha: r.SHA256,
				link: link{Name: u.Unit, Page: unitsDir + "/" + name + ".html", PDF: unitsDir + "/" + name + ".pdf"}})
		}
	}
	p.own = link{Name: d.Report.Unit.Name, Page: fileName(d.Report.Unit.Name, names) + ".html"}
	p.own.PDF = strings.TrimSuffix(p.own.Page, ".html") + ".pdf"
	res := d.Evaluate()
	p.ownDoc = export.Build(d, export.Options{Draft: res.Errors() > 0})
	return p, nil
}

// Write writes the planned bundle into its folder (made if missing; files
// of the same names replaced): the units' pages and PDFs in parallel, a
// unit's file read only if it is still the version approved, then the
// 汇总's and the index. progress, if set, is called on the calling
// goroutine after each unit; cancelling ctx stops before the index.
func (p *Plan) Write(ctx context.Context, progress func(done, total int)) (Summary, error) {
	if info, err := os.Stat(p.dir); err == nil && !info.IsDir() {
		return Summary{}, l10n.Errorf("bundle.notFolder", "Path", p.dir)
	}
	if err := os.MkdirAll(filepath.Join(p.dir, unitsDir), 0o755); err != nil {
		return Summary{}, safefile.WriteError(p.dir, err)
	}
	s := Summary{Left: slices.Clone(p.left), Draft: p.ownDoc.Draft}
	errs := make([]error, len(p.jobs))
	if err := parallel.Each(ctx, len(p.jobs), func(i int) { errs[i] = p.writeUnit(p.jobs[i]) }, progress); err != nil {
		return s, err
	}
	byKind := map[string][]link{}
	for i, j := range p.jobs {
		if errs[i] != nil {
			s.Left = append(s.Left, l10n.T("bundle.left", "Unit", j.unit.Unit, "Why", errs[i].Error()))
			continue
		}
		byKind[j.unit.Kind] = append(byKind[j.unit.Kind], j.link)
		s.Units++
	}
	if err := p.writeDoc(p.ownDoc, p.own); err != nil {
		return s, err
	}
	p.removeStale()
	return s, p.writeIndex(byKind)
}

// removeStale removes the pages and PDFs of units a bundle written here
// before held and this one does not: a unit returned since must not stay
// online by mistake.
func (p *Plan) removeStale() {
	keep := map[string]bool{}
	for _, j := range p.jobs {
		keep[path.Base(j.link.Page)], keep[path.Base(j.link.PDF)] = true, true
	}
	entries, _ := os.ReadDir(filepath.Join(p.dir, unitsDir))
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if !e.IsDir() && (ext == ".html" || ext == ".pdf") && !keep[e.Name()] {
			os.Remove(filepath.Join(p.dir, unitsDir, e.Name()))
		}
	}
}

// writeDoc writes a report laid out as the page and the PDF l names.
func (p *Plan) writeDoc(doc *export.Document, l link) error {
	page, err := html.Page(doc)
	if err != nil {
		return err
	}
	pdfData, _, err := pdf.Write(doc, pdf.Options{})
	if err != nil {
		return err
	}
	if err := safefile.Write(filepath.Join(p.dir, filepath.FromSlash(l.Page)), page, safefile.Options{}); err != nil {
		return err
	}
	return safefile.Write(filepath.Join(p.dir, filepath.FromSlash(l.PDF)), pdfData, safefile.Options{})
}

// Write writes the bundle of the 汇总 d into dir at once (the command
// line's way).
func Write(d *report.Doc, dir string, reg *registry.Registry) (Summary, error) {
	p, err := Prepare(d, dir, reg)
	if err != nil {
		return Summary{}, err
	}
	return p.Write(context.Background(), nil)
}

func reviewLabel(r string) string {
	if r == "" {
		return l10n.T("bundle.notApproved")
	}
	return review.Label(r)
}

// writeUnit writes a unit's page and PDF, from its file when that is still
// the version approved.
func (p *Plan) writeUnit(j job) (err error) {
	defer func() {
		if r := recover(); r != nil { // one unit's file must not end the bundle
			err = fmt.Errorf("%v", r)
		}
	}()
	data, err := safefile.ReadLimited(j.path, importer.MaxFileSize, "importer.tooLarge")
	if err != nil {
		return err
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != j.sha {
		return l10n.Errorf("bundle.changed")
	}
	d, err := importer.Read(j.path, data, p.reg)
	if err != nil {
		return err
	}
	defer d.Close()
	return p.writeDoc(export.Build(d, export.Options{}), j.link)
}

// fileName makes a unit's name a file name no other in the bundle has
// (Windows' case-insensitive names included), numbered when taken.
func fileName(unit string, taken map[string]bool) string {
	base := strings.NewReplacer("#", "_", "%", "_", "&", "_").Replace(safefile.Name(unit)) // nor what URLs treat apart
	if base == "" {
		base = "report"
	}
	name := base
	for n := 2; taken[strings.ToLower(name)] || strings.EqualFold(name, "index"); n++ {
		name = fmt.Sprintf("%s-%d", base, n)
	}
	taken[strings.ToLower(name)] = true
	return name
}

var indexPage = template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; max-width: 52em; margin: 2em auto; padding: 0 1em; line-height: 1.7; color: #222; }
h1 { font-size: 1.5em; text-align: center; }
h2 { font-size: 1.15em; border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 1.6em; }
ul { list-style: none; padding: 0; }
li { display: flex; justify-content: space-between; padding: .35em 0; border-bottom: 1px dotted #ddd; }
li a.pdf { color: #666; font-size: .9em; margin-left: 1em; white-space: nowrap; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<h2>{{.OwnHeading}}</h2>
<ul><li><a href="{{.Own.Page}}">{{.Own.Name}}{{.Suffix}}</a><a class="pdf" href="{{.Own.PDF}}">PDF</a></li></ul>
{{range .Groups}}<h2>{{.Kind}}（{{len .Links}}）</h2>
<ul>{{range .Links}}
<li><a href="{{.Page}}">{{.Name}}{{$.Suffix}}</a><a class="pdf" href="{{.PDF}}">PDF</a></li>{{end}}
</ul>
{{end}}</body>
</html>
`))

type group struct {
	Kind  string
	Links []link
}

// writeIndex writes the index page: the 汇总 first, then the units by
// kind in the kinds' order.
func (p *Plan) writeIndex(byKind map[string][]link) error {
	var groups []group
	for _, k := range p.kinds.All() {
		if ls := byKind[k.ID]; len(ls) > 0 {
			groups = append(groups, group{k.Name, ls})
			delete(byKind, k.ID)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(byKind)) { // kinds this machine does not know
		groups = append(groups, group{p.kinds.Name(id), byKind[id]})
	}
	var buf bytes.Buffer
	err := indexPage.Execute(&buf, map[string]any{
		"Title": p.title, "OwnHeading": l10n.T("bundle.own"), "Own": p.own, "Suffix": p.suffix, "Groups": groups,
	})
	if err != nil {
		return err
	}
	return safefile.Write(filepath.Join(p.dir, IndexName), buf.Bytes(), safefile.Options{})
}
