package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/cli"
)

// TestDraft: nianbao draft prints the drafts of a report, and with --json
// each number with the cells it comes from.
func TestDraft(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.nianbao")
	if code, _, errOut := run(t, "sample", "-o", path); code != 0 {
		t.Fatal(errOut)
	}
	code, out, _ := run(t, "draft", path)
	if code != 0 || !strings.Contains(out, "【一、总体情况】依申请公开情况") || !strings.Contains(out, "占办结申请的62.50%") {
		t.Errorf("draft: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "draft", "--section", "overview", "--json", path)
	var drafts []struct {
		Section, Text string
		Numbers       []struct {
			Text  string
			Value float64
			Cells []string
		}
	}
	if err := json.Unmarshal([]byte(out), &drafts); code != 0 || err != nil || len(drafts) != 3 {
		t.Fatalf("--json: exit %d, %v\n%s", code, err, out)
	}
	n := drafts[0].Numbers[0]
	if drafts[0].Section != "overview" || n.Text != "26" || n.Value != 26 || len(n.Cells) != 1 || n.Cells[0] != "t3.new.total" {
		t.Errorf("first number %+v", n)
	}
	if code, out, _ := run(t, "draft", "--section", "other", "--json", path); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("a part with no drafts: exit %d %q", code, out)
	}
	if code, out, _ := run(t, "draft", "--section", "other", path); code != 0 || !strings.Contains(out, "没有可起草的段落") {
		t.Errorf("a part with no drafts: exit %d %q", code, out)
	}
	old := filepath.Join(t.TempDir(), "2014.nianbao")
	if code, _, errOut := run(t, "new", "--year", "2014", "--unit", "某局", "--kind", "部门", "-o", old); code != 0 {
		t.Fatal(errOut)
	}
	if code, out, _ := run(t, "draft", old); code != 0 || !strings.Contains(out, "没有可起草的段落") {
		t.Errorf("a format without drafts: exit %d %q", code, out)
	}
	if code, _, errOut := run(t, "draft", "--section", "requests", path); code != cli.ExitUsage || !strings.Contains(errOut, "requests") {
		t.Errorf("a table part: exit %d %q", code, errOut)
	}
}
