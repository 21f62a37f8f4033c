//go:build unix

package cli_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"nianbao/cli"
)

// runWithin runs the command line like run, failing the test if it does
// not return within a few seconds: what is tested here used to hang.
func runWithin(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		code, stdout, stderr = run(t, args...)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("nianbao %s did not return", strings.Join(args, " "))
	}
	return code, stdout, stderr
}

func mkfifo(t *testing.T, path string) string {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestNonRegularInputs checks that a pipe or a device wherever the command
// line reads a file ends at once in a Chinese message.
func TestNonRegularInputs(t *testing.T) {
	t.Setenv("NIANBAO_FORMATS", t.TempDir()) // no local formats here
	dir := t.TempDir()
	fifo := mkfifo(t, filepath.Join(dir, "pipe.nianbao"))
	good := filepath.Join(dir, "good.nianbao")
	run(t, "sample", "-o", good)
	linked := filepath.Join(dir, "linked.nianbao")
	data, _ := os.ReadFile(good)
	os.WriteFile(linked, []byte(strings.Replace(string(data), `"schema": 1,`, `"schema": 1, "prev": "pipe.nianbao",`, 1)), 0o644)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"check", fifo}, cli.ExitUsage, "不是普通文件"},
		{[]string{"get", fifo, "t3.total.total"}, cli.ExitUsage, "不是普通文件"},
		{[]string{"set", fifo, "t3.new.natural=1"}, cli.ExitUsage, "不是普通文件"},
		{[]string{"export", fifo, "--to", "txt"}, cli.ExitUsage, "不是普通文件"},
		{[]string{"check", good, "--prev", fifo}, cli.ExitUsage, "不是普通文件"},
		{[]string{"check", linked}, cli.ExitOK, "不是普通文件"},
		{[]string{"set", good, "--text", "overview=@" + fifo}, cli.ExitUsage, "不是普通文件"},
		{[]string{"set", good, "--text", "overview=@/dev/zero"}, cli.ExitUsage, "不是普通文件"},
		{[]string{"new", "--from", fifo, "-o", filepath.Join(dir, "new.nianbao")}, cli.ExitUsage, "不是普通文件"},
	}
	for _, tc := range tests {
		code, out, errOut := runWithin(t, tc.args...)
		if code != tc.code || !strings.Contains(out+errOut, tc.want) {
			t.Errorf("nianbao %s: exit %d, want %d with %q\n%s%s", strings.Join(tc.args, " "), code, tc.code, tc.want, out, errOut)
		}
	}
}

// TestHostileFormatsFolder checks that a pipe, a link to an endless device
// or a folder among the local formats neither hangs nor exhausts any
// command, and that each is reported in Chinese.
func TestHostileFormatsFolder(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("NIANBAO_FORMATS", dir)
	mkfifo(t, filepath.Join(dir, "pipe.json"))
	os.Symlink("/dev/zero", filepath.Join(dir, "zero.json"))
	os.Symlink("/dev/urandom", filepath.Join(dir, "random.json"))
	os.Mkdir(filepath.Join(dir, "folder.json"), 0o755)
	if code, out, _ := runWithin(t, "version"); code != cli.ExitOK || !strings.HasPrefix(out, "nianbao ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	_, _, errOut := runWithin(t, "formats")
	for _, name := range []string{"pipe.json", "zero.json", "random.json", "folder.json"} {
		if !strings.Contains(errOut, name) {
			t.Errorf("formats does not report %s:\n%s", name, errOut)
		}
	}
	if strings.Count(errOut, "不是普通文件") != 3 || !strings.Contains(errOut, "是文件夹") {
		t.Errorf("formats:\n%s", errOut)
	}
}

// TestExportTargets checks that an export replaces neither the report's
// backup nor a read-only file, and says why in Chinese.
func TestExportTargets(t *testing.T) {
	t.Setenv("NIANBAO_FORMATS", t.TempDir())
	dir := t.TempDir()
	path := filepath.Join(dir, "r.nianbao")
	run(t, "sample", "-o", path)
	run(t, "set", path, "t4.review.upheld=1") // makes the backup
	backup, _ := os.ReadFile(path + ".bak")
	readOnly := filepath.Join(dir, "只读.txt")
	os.WriteFile(readOnly, []byte("old"), 0o444)
	copied := filepath.Join(dir, "copy.txt")
	os.WriteFile(copied, backup, 0o644) // a report under another name
	os.Mkdir(filepath.Join(dir, "folder.txt"), 0o755)
	tests := []struct{ out, want string }{
		{path + ".bak", "报告文件"},
		{path + ".lock", "报告文件"},
		{copied, "报告文件"},
		{readOnly, "只读"},
		{filepath.Join(dir, "folder.txt"), "文件夹"},
	}
	for _, tc := range tests {
		code, _, errOut := runWithin(t, "export", path, "--to", "txt", "-o", tc.out)
		if code != cli.ExitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("export -o %s: exit %d, %q", filepath.Base(tc.out), code, errOut)
		}
	}
	if got, _ := os.ReadFile(path + ".bak"); string(got) != string(backup) {
		t.Error("the backup was replaced")
	}
	if got, _ := os.ReadFile(readOnly); string(got) != "old" {
		t.Error("the read-only file was replaced")
	}
}

// gridFormat is a local format of one table of n×n count cells, g.rI.cJ,
// and no rules: room for many programs to set a cell each.
func gridFormat(n int) []byte {
	var cols, rows []map[string]any
	for i := range n {
		cols = append(cols, map[string]any{"label": fmt.Sprint("列", i), "code": fmt.Sprint("c", i)})
		rows = append(rows, map[string]any{"label": fmt.Sprint("行", i), "code": fmt.Sprint("r", i)})
	}
	data, _ := json.Marshal(map[string]any{
		"schema": 1, "id": "grid", "name": "测试用格式", "years": map[string]int{"from": 2000},
		"sections": []map[string]any{{"id": "table", "heading": "一、表格", "kind": "table", "table": "g"}},
		"tables":   []map[string]any{{"id": "g", "name": "表", "blocks": []map[string]any{{"columns": cols, "rows": rows}}}},
	})
	return data
}

// TestConcurrentSets runs 400 sets of one report at once, each writing its
// own cell: every one that said it saved must be in the final file.
func TestConcurrentSets(t *testing.T) {
	formats := t.TempDir()
	t.Setenv("NIANBAO_FORMATS", formats)
	os.WriteFile(filepath.Join(formats, "grid.json"), gridFormat(20), 0o644)
	path := filepath.Join(t.TempDir(), "r.nianbao")
	if code, _, errOut := run(t, "new", "--format", "grid", "--unit", "某单位", "-o", path); code != 0 {
		t.Fatal(errOut)
	}
	var wg sync.WaitGroup
	codes := make([]int, 400)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], _, _ = run(t, "set", path, fmt.Sprintf("g.r%d.c%d=%d", i/20, i%20, i+1))
		}()
	}
	wg.Wait()
	data, _ := os.ReadFile(path)
	var file struct{ Cells map[string]string }
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	saved := 0
	for i, code := range codes {
		if code != cli.ExitOK {
			continue
		}
		saved++
		cell := fmt.Sprintf("g.r%d.c%d", i/20, i%20)
		if got := file.Cells[cell]; got != fmt.Sprint(i+1) {
			t.Errorf("set %s=%d exited 0, but the file holds %q", cell, i+1, got)
		}
	}
	t.Logf("%d of 400 sets saved", saved)
	if saved < 200 {
		t.Errorf("only %d of 400 sets saved", saved)
	}
	if _, err := os.Stat(path + ".lock"); !os.IsNotExist(err) {
		t.Error("a lock file is left behind")
	}
}
