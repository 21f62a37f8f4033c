package importer_test

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/export"
	"nianbao/export/exporttest"
	"nianbao/export/html"
	"nianbao/forms/importer"
	"nianbao/forms/report"
)

func asHTML(t testing.TB, d *report.Doc, fragment bool) string {
	t.Helper()
	write := html.Page
	if fragment {
		write = html.Fragment
	}
	data, err := write(export.Build(d, export.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// cms rewrites our page as content management systems publish it.
var cms = map[string]func(string) string{
	"ours": func(s string) string { return s },
	// A layout table around the article, cells wrapped in paragraphs and
	// spans with inline styles, &nbsp; padding, <br> inside labels.
	"layout": func(s string) string {
		s = regexp.MustCompile(`<td([^>]*)>`).ReplaceAllString(s, `<td$1><p style="text-align:center"><span style="font-size:12pt">&nbsp;`)
		s = strings.ReplaceAll(s, "</td>", "</span></p></td>")
		s = strings.ReplaceAll(s, "政府信息公开申请数量", "政府信息<br/>公开申请数量")
		return `<html><head><meta charset="utf-8"><script>var x = "<table><tr><td>1</td></tr></table>";</script></head><body>` +
			`<table class="layout"><tr><td>首页 &gt; 政务公开</td></tr><tr><td>` + s + `</td></tr></table></body></html>`
	},
	// GBK without any declaration, as older portals save pages.
	"gbk": func(s string) string {
		s = regexp.MustCompile(`<meta charset="[^"]*">`).ReplaceAllString(s, "")
		out, _ := simplifiedchinese.GBK.NewEncoder().String(s)
		return out
	},
	// Declared GB2312 in the old way, upper-case tags, th for labels.
	"gb2312": func(s string) string {
		s = regexp.MustCompile(`<meta charset="[^"]*">`).ReplaceAllString(s, `<META http-equiv="Content-Type" content="text/html; charset=gb2312">`)
		s = strings.ReplaceAll(strings.ReplaceAll(s, "<table", "<TABLE"), "</table>", "</TABLE>")
		out, _ := simplifiedchinese.GBK.NewEncoder().String(s)
		return out
	},
}

// TestHTML: pages of every format, as we write them and as CMSs change
// them, read back cell by cell with nothing flagged.
func TestHTML(t *testing.T) {
	docs := map[string]*report.Doc{"2021": exporttest.Sample(t), "2019": exporttest.Filled(t, "2019", 2020),
		"2014": exporttest.Filled(t, "2014", 2016)}
	for dn, d := range docs {
		for _, fragment := range []bool{false, true} {
			for cn, rewrite := range cms {
				name := dn + "/" + cn
				if fragment {
					name += "/fragment"
				}
				res, err := importer.Import("page.html", []byte(rewrite(asHTML(t, d, fragment))), reg, importer.Hints{})
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				if res.Doc.Report.Format != d.Report.Format || res.Unit != d.Report.Unit.Name {
					t.Errorf("%s: read %s %q", name, res.Doc.Report.Format, res.Unit)
				}
				sameCells(t, name, d, res.Doc)
				if len(res.Doc.Report.Uncertain) > 0 || len(res.Missing) > 0 {
					t.Errorf("%s: uncertain %v, missing %v", name, res.Doc.Report.Uncertain, res.Missing)
				}
			}
		}
	}
}

// FuzzHTML feeds the page reader: no panic.
func FuzzHTML(f *testing.F) {
	f.Add([]byte(asHTML(f, exporttest.Sample(f), false)))
	f.Add([]byte("<table><tr><td rowspan=99999><table><tr><td>规章</td><td>1</td></tr></table></td></tr></table>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if text, err := importer.HTMLText(data); err == nil {
			importer.Text(text, reg, importer.Hints{})
		}
	})
}

// BenchmarkHTML300K imports a 300 KB portal page: the report wrapped in
// navigation, scripts and link lists (target < 100 ms).
func BenchmarkHTML300K(b *testing.B) {
	page := asHTML(b, exporttest.Sample(b), false)
	var pad strings.Builder
	for pad.Len() < 300<<10-len(page) {
		pad.WriteString(`<li><a href="/xxgk/2025/12/01/art_1234_567890.html" title="关于印发某某工作方案的通知">关于印发某某工作方案的通知</a><span>2025-12-01</span></li>` + "\n")
	}
	data := []byte(strings.Replace(page, "<body>", "<body><script>var a=1;</script><ul>"+pad.String()+"</ul>", 1))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := importer.Import("page.html", data, reg, importer.Hints{}); err != nil {
			b.Fatal(err)
		}
	}
}
