package html_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"nianbao/export"
	"nianbao/export/exporttest"
	"nianbao/export/html"
)

// TestTables: every table sits in a box that scrolls it by itself, has a
// caption (its section's heading, for screen readers only, where the table
// has no title), and a row label spanning rows heads a row group.
func TestTables(t *testing.T) {
	doc := export.Build(exporttest.Sample(t), export.Options{})
	for name, write := range map[string]func(*export.Document) ([]byte, error){"page": html.Page, "fragment": html.Fragment} {
		got, err := write(doc)
		if err != nil {
			t.Fatal(err)
		}
		s := string(got)
		tables := strings.Count(s, "<table")
		if tables != 3 {
			t.Fatalf("%s: %d tables, want 3", name, tables)
		}
		if n := len(regexp.MustCompile(`<div class="table-wrap"[^>]*>\n<table[^>]*>\n?<caption[^>]*>[^<]+</caption>`).FindAllString(s, -1)); n != tables {
			t.Errorf("%s: %d of %d tables wrapped with a caption", name, n, tables)
		}
		if !strings.Contains(s, `<caption class="hidden"`) || !strings.Contains(s, ">三、收到和处理政府信息公开申请情况</caption>") {
			t.Errorf("%s: an untitled table's caption is not its heading, hidden", name)
		}
		if !strings.Contains(s, `<th scope="rowgroup" rowspan="22"`) || strings.Contains(s, `<th scope="row" rowspan=`) {
			t.Errorf("%s: a row label spanning rows is not a row group header", name)
		}
		if name == "fragment" && !strings.Contains(s, `<div class="table-wrap" style="overflow-x:auto;`) {
			t.Error("the fragment's table box does not scroll without the style sheet")
		}
	}
}

// TestTitle: the title breaks as on paper, the unit's name on a line.
func TestTitle(t *testing.T) {
	got, err := html.Page(export.Build(exporttest.Sample(t), export.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got), "<h1>青溪县自然资源局<br>2025年政府信息公开工作年度报告</h1>") {
		t.Error("the title does not break after the unit's name")
	}
}

// TestScreenWidths opens the page in headless Chromium as wide as a
// desktop (1280 px) and a phone (375 px): nothing but a table's own box
// may be wider than the screen, so the page never scrolls sideways (表三
// and 表四 are 469 and 661 px wide), while those boxes do scroll.
func TestScreenWidths(t *testing.T) {
	bin := ""
	for _, name := range []string{"chromium", "chromium-headless-shell", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("Chromium not installed (scripts/test.sh installs it)")
	}
	page, err := html.Page(export.Build(exporttest.Sample(t), export.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{375, 1280} {
		// Headless windows are at least 500 px wide: the test narrows the
		// page's root instead, and reports what overflows in the title.
		probe := fmt.Sprintf(`<style>html{width:%dpx}</style><script>
var wide = 0, scrolling = 0;
document.querySelectorAll("body *").forEach(function (e) {
  var box = e.closest(".table-wrap");
  if (box && box !== e) return;
  wide = Math.max(wide, e.getBoundingClientRect().right);
  if (e.classList.contains("table-wrap") && e.scrollWidth > e.clientWidth) scrolling++;
});
document.title = "wide=" + Math.ceil(wide) + " scrolling=" + scrolling;
</script></body>`, width)
		path := filepath.Join(t.TempDir(), "page.html")
		os.WriteFile(path, []byte(strings.Replace(string(page), "</body>", probe, 1)), 0o644)
		out, err := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", fmt.Sprintf("--window-size=%d,900", max(width, 500)),
			"--dump-dom", "file://"+path).Output()
		if err != nil {
			t.Fatalf("chromium: %v", err)
		}
		m := regexp.MustCompile(`<title>wide=(\d+) scrolling=(\d+)</title>`).FindStringSubmatch(string(out))
		if m == nil {
			t.Fatalf("%d px: no measurement in\n%.300s", width, out)
		}
		var wide, scrolling int
		fmt.Sscan(m[1], &wide)
		fmt.Sscan(m[2], &scrolling)
		if wide > width {
			t.Errorf("%d px: the page is %d px wide", width, wide)
		}
		if width == 375 && scrolling < 2 {
			t.Errorf("375 px: %d tables scroll in their boxes, want 表三 and 表四", scrolling)
		}
	}
}
