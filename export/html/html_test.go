package html_test

import (
	"regexp"
	"strings"
	"testing"

	"nianbao/export"
	"nianbao/export/exporttest"
	"nianbao/export/html"
)

var tag = regexp.MustCompile(`<[^>]*>`)

// text strips the markup; our own output has no comments or scripts.
func text(b []byte) string {
	s := tag.ReplaceAllString(string(b), "")
	return strings.NewReplacer("&#34;", `"`, "&#39;", "'", "&amp;", "&", "&lt;", "<", "&gt;", ">").Replace(s)
}

func TestSample(t *testing.T) {
	doc := export.Build(exporttest.Sample(t), export.Options{})
	for name, write := range map[string]func(*export.Document) ([]byte, error){"page": html.Page, "fragment": html.Fragment} {
		t.Run(name, func(t *testing.T) {
			got, err := write(doc)
			if err != nil {
				t.Fatal(err)
			}
			exporttest.AssertInOrder(t, text(got), exporttest.Sequence(doc))
			// Markup must be markup: an escaped tag means a template built a
			// tag name from a value, which html/template escapes.
			if strings.Contains(string(got), "&lt;p") || strings.Contains(string(got), "&lt;h3") || strings.Count(string(got), "<p") < 10 {
				t.Error("paragraphs are escaped text, not <p> elements")
			}
			for _, bad := range []string{"<script", "src=", "href=", "<link"} {
				if strings.Contains(string(got), bad) {
					t.Errorf("output contains %s", bad)
				}
			}
			if name == "fragment" && (strings.Contains(string(got), "<style") || strings.Contains(string(got), "<html")) {
				t.Error("the fragment has a style sheet or a page around it")
			}
			for _, want := range []string{`<th scope="col" colspan="7"`, `>申请人情况</th>`, `rowspan="22"`, `<thead>`} {
				if !strings.Contains(string(got), want) {
					t.Errorf("output lacks %s", want)
				}
			}
			exporttest.Golden(t, "sample-"+name+".html", got)
		})
	}
}

func TestEscaping(t *testing.T) {
	d := exporttest.Sample(t)
	d.SetText("other", `<script>alert(1)</script> & “信息处理费”`)
	got, err := html.Page(export.Build(d, export.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(got), "<script>") || !strings.Contains(string(got), "&lt;script&gt;") {
		t.Error("text is not escaped")
	}
}
