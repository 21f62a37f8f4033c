package bundle_test

import (
	"context"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"nianbao/export/bundle"
	"nianbao/forms/consolidate"
	"nianbao/forms/consolidate/consolidatetest"
	"nianbao/forms/registry"
	"nianbao/forms/review"
)

var reg = registry.Builtin()

// TestBundle: the accepted units' pages and PDFs and the 汇总's, every one
// reachable from the index by a relative link, grouped by kind; units not
// accepted, or changed since approval, are left out and said.
func TestBundle(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "收到")
	day := time.Date(2026, 1, 20, 9, 0, 0, 0, time.Local)
	for _, u := range [][2]string{{"甲局", "department"}, {"乙局", "department"}, {"丙局", "department"}, {"城关镇", "township"}, {"丁局", "department"}} {
		consolidatetest.Unit(t, in, u[0]+".nianbao", u[0], u[1], day)
	}
	d, err := consolidate.New(reg, 2025, "青溪县人民政府", "", "")
	if err != nil {
		t.Fatal(err)
	}
	d.Path = filepath.Join(dir, "汇总.nianbao")
	if _, err := consolidate.Run(context.Background(), d, []string{in}, consolidate.Options{Now: day}); err != nil {
		t.Fatal(err)
	}
	ws := d.Report.Consolidation
	for _, u := range []string{"甲局", "城关镇", "丁局"} {
		if err := review.Approve(ws, u, day); err != nil {
			t.Fatal(err)
		}
	}
	review.Publish(ws, "甲局", day)
	review.Return(ws, "乙局", "表三有误", day)
	consolidatetest.Unit(t, in, "丁局.nianbao", "丁局", "department", day, "t3.new.natural=30") // changed after approval
	out := filepath.Join(dir, "发布")
	s, err := bundle.Write(d, out, reg)
	if err != nil {
		t.Fatal(err)
	}
	if s.Units != 2 || len(s.Left) != 3 || !strings.Contains(strings.Join(s.Left, "\n"), "丁局（审核通过后文件已被改动") {
		t.Errorf("summary %+v", s)
	}
	file := filepath.Join(dir, "发布.txt")
	os.WriteFile(file, []byte("x"), 0o644)
	if _, err := bundle.Write(d, file, reg); err == nil || !strings.Contains(err.Error(), "不是文件夹") {
		t.Errorf("a bundle into a file: %v", err)
	}
	index, err := os.ReadFile(filepath.Join(out, bundle.IndexName))
	if err != nil {
		t.Fatal(err)
	}
	links := hrefs(t, string(index))
	for _, l := range links {
		if strings.Contains(l, ":") || strings.HasPrefix(l, "/") {
			t.Errorf("not a relative link: %s", l)
		}
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(l))); err != nil {
			t.Errorf("broken link %s", l)
		}
	}
	filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		rel, _ := filepath.Rel(out, p)
		if !e.IsDir() && rel != bundle.IndexName && !slices.Contains(links, filepath.ToSlash(rel)) {
			t.Errorf("%s is not linked from the index", rel)
		}
		return nil
	})
	if len(links) != 6 {
		t.Errorf("links %v", links)
	}
	page, _ := os.ReadFile(filepath.Join(out, "units", "城关镇.html"))
	defer func() {
		// Written again after 城关镇 was returned: its page goes.
		review.Return(ws, "城关镇", "表三有误", day)
		if _, err := bundle.Write(d, out, reg); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(out, "units", "城关镇.html")); err == nil {
			t.Error("a page of a unit no longer accepted stays in the bundle")
		}
	}()
	text := string(index)
	if !strings.Contains(string(page), "城关镇") || !strings.Contains(text, "乡镇（街道）（1）") || !strings.Contains(text, "部门（1）") ||
		strings.Index(text, "本级政府") > strings.Index(text, "部门（1）") {
		t.Errorf("index:\n%s", text)
	}
}

func hrefs(t *testing.T, page string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for _, a := range n.Attr {
			if n.Data == "a" && a.Key == "href" {
				p, err := url.PathUnescape(a.Val) // html/template escapes non-ASCII, as a browser then reads it
				if err != nil {
					t.Errorf("href %q: %v", a.Val, err)
				}
				out = append(out, p)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}
