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
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"nianbao/export"
	"nianbao/export/render"
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
}

// link is one report in the index: its name and files.
type link struct {
	Name, Page, PDF string
}

// Write writes the bundle of the 汇总 d into dir (made if missing; files
// of the same names replaced). A unit is in it when its report was
// approved or published and its file is still the version approved.
func Write(d *report.Doc, dir string, reg *registry.Registry) (Summary, error) {
	ws := d.Report.Consolidation
	if ws == nil {
		return Summary{}, l10n.Errorf("consolidate.notConsolidation", "Unit", d.Report.Unit.Name)
	}
	if err := os.MkdirAll(filepath.Join(dir, unitsDir), 0o755); err != nil {
		return Summary{}, safefile.ReadError(dir, err)
	}
	var s Summary
	var accepted []report.UnitEntry
	for _, u := range ws.Units {
		r := ws.Records[unitkind.Normalize(u.Unit)]
		switch {
		case !review.Reviewable(u):
			if u.Unit != "" {
				s.Left = append(s.Left, l10n.T("bundle.left", "Unit", u.Unit, "Why", l10n.T("state."+u.State)))
			}
		case r == nil || r.Review != report.Approved && r.Review != report.Published:
			rv := ""
			if r != nil {
				rv = r.Review
			}
			s.Left = append(s.Left, l10n.T("bundle.left", "Unit", u.Unit, "Why", reviewLabel(rv)))
		default:
			accepted = append(accepted, u)
		}
	}
	names := map[string]bool{}
	links := make([]link, len(accepted))
	for i, u := range accepted {
		name := fileName(u.Unit, names)
		links[i] = link{Name: u.Unit, Page: unitsDir + "/" + name + ".html", PDF: unitsDir + "/" + name + ".pdf"}
	}
	errs := make([]error, len(accepted))
	parallel.Each(context.Background(), len(accepted), func(i int) {
		errs[i] = writeUnit(d, accepted[i], ws.Records[unitkind.Normalize(accepted[i].Unit)].SHA256, dir, links[i], reg)
	}, nil)
	byKind := map[string][]link{}
	for i, u := range accepted {
		if errs[i] != nil {
			s.Left = append(s.Left, l10n.T("bundle.left", "Unit", u.Unit, "Why", errs[i].Error()))
			continue
		}
		byKind[u.Kind] = append(byKind[u.Kind], links[i])
		s.Units++
	}
	own := link{Name: d.Report.Unit.Name, Page: fileName(d.Report.Unit.Name, names) + ".html"}
	own.PDF = strings.TrimSuffix(own.Page, ".html") + ".pdf"
	res := d.Evaluate()
	draft := res.Errors() > 0
	for _, f := range []struct{ kind, path string }{{"html", own.Page}, {"pdf", own.PDF}} {
		if err := renderTo(d, f.kind, filepath.Join(dir, f.path), draft); err != nil {
			return s, err
		}
	}
	return s, writeIndex(d, dir, own, byKind)
}

func reviewLabel(r string) string {
	if r == "" {
		return l10n.T("bundle.notApproved")
	}
	return review.Label(r)
}

// writeUnit writes a unit's page and PDF, from its file when that is still
// the version approved (sha).
func writeUnit(target *report.Doc, u report.UnitEntry, sha, dir string, l link, reg *registry.Registry) (err error) {
	defer func() {
		if p := recover(); p != nil { // one unit's file must not end the bundle
			err = fmt.Errorf("%v", p)
		}
	}()
	path := consolidate.FileOf(target, u)
	data, err := safefile.ReadLimited(path, importer.MaxFileSize, "importer.tooLarge")
	if err != nil {
		return err
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != sha {
		return l10n.Errorf("bundle.changed")
	}
	d, err := importer.Read(path, data, reg)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := renderTo(d, "html", filepath.Join(dir, filepath.FromSlash(l.Page)), false); err != nil {
		return err
	}
	return renderTo(d, "pdf", filepath.Join(dir, filepath.FromSlash(l.PDF)), false)
}

// fontsOnce finds the system's fonts once for all PDFs.
var fontsOnce sync.Once

func renderTo(d *report.Doc, kind, path string, draft bool) error {
	k, err := render.Lookup(kind)
	if err != nil {
		return err
	}
	fontsOnce.Do(k.Prepare)
	_, err = render.File(d, k, path, export.Options{Draft: draft})
	return err
}

// fileName makes a unit's name a file name no other in the bundle has
// (Windows' case-insensitive names included): characters Windows forbids
// replaced, numbered when taken.
func fileName(unit string, taken map[string]bool) string {
	base := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|#%&`, r) || r < ' ' {
			return '_'
		}
		return r
	}, strings.TrimSpace(unit))
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
func writeIndex(d *report.Doc, dir string, own link, byKind map[string][]link) error {
	kinds := d.Kinds()
	var groups []group
	for _, k := range kinds.All() {
		if ls := byKind[k.ID]; len(ls) > 0 {
			groups = append(groups, group{k.Name, ls})
			delete(byKind, k.ID)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(byKind)) { // kinds this machine does not know
		groups = append(groups, group{kinds.Name(id), byKind[id]})
	}
	var buf bytes.Buffer
	err := indexPage.Execute(&buf, map[string]any{
		"Title":      l10n.T("bundle.title", "Unit", d.Report.Unit.Name, "Year", d.Report.Year),
		"OwnHeading": l10n.T("bundle.own"),
		"Own":        own,
		"Suffix":     l10n.T("bundle.suffix", "Year", d.Report.Year),
		"Groups":     groups,
	})
	if err != nil {
		return err
	}
	return safefile.Write(filepath.Join(dir, IndexName), buf.Bytes(), safefile.Options{})
}
