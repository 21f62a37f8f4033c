//go:build unix

package safefile_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"nianbao/forms/safefile"
)

// within fails the test if f does not return within a few seconds: what
// is tested here used to hang for ever.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s did not return", what)
	}
}

// TestReadRefusesNonRegularFiles checks that pipes, devices and folders are
// refused at once, with a Chinese message, instead of hanging or reading
// without end.
func TestReadRefusesNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.nianbao")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.json")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, path, want string }{
		{"fifo", fifo, "不是普通文件"},
		{"link to /dev/zero", zero, "不是普通文件"},
		{"device", "/dev/urandom", "不是普通文件"},
		{"folder", dir, "是文件夹"},
		{"missing", filepath.Join(dir, "none"), "找不到文件"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			within(t, "ReadLimited", func() {
				_, err := safefile.ReadLimited(tc.path, 1<<20, "report.tooLarge")
				if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.path) {
					t.Errorf("err = %v, want %q", err, tc.want)
				}
			})
		})
	}
}

// TestWriteRespectsTheTarget checks that Write does not replace what it
// must not: a read-only file, a folder, a pipe.
func TestWriteRespectsTheTarget(t *testing.T) {
	dir := t.TempDir()
	readOnly := filepath.Join(dir, "只读.pdf")
	os.WriteFile(readOnly, []byte("old"), 0o444)
	fifo := filepath.Join(dir, "pipe.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "文件夹.pdf")
	os.Mkdir(folder, 0o755)
	tests := []struct{ name, path, want string }{
		{"read-only", readOnly, "只读"},
		{"folder", folder, "是一个文件夹"},
		{"fifo", fifo, "不是普通文件"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			within(t, "Write", func() {
				err := safefile.Write(tc.path, []byte("new"), safefile.Options{Backup: true})
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("err = %v, want %q", err, tc.want)
				}
			})
		})
	}
	if got, _ := os.ReadFile(readOnly); string(got) != "old" {
		t.Errorf("the read-only file holds %q", got)
	}
	if info, _ := os.Stat(fifo); info.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestReasonsAreChinese checks that the system's English error texts are
// replaced by Chinese ones.
func TestReasonsAreChinese(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&os.PathError{Op: "open", Path: "x", Err: syscall.EROFS}, "磁盘是只读的"},
		{&os.PathError{Op: "rename", Path: "x", Err: syscall.EISDIR}, "是一个文件夹"},
		{&os.PathError{Op: "write", Path: "x", Err: syscall.EIO}, "U盘"},
		{&os.PathError{Op: "open", Path: "x", Err: syscall.ENAMETOOLONG}, "太长"},
		{&os.PathError{Op: "open", Path: "x", Err: syscall.EDQUOT}, "磁盘已满"},
		{&os.PathError{Op: "open", Path: "x", Err: syscall.EPROTO}, "代码"},
	}
	for _, tc := range tests {
		msg := safefile.WriteError("/mnt/u盘/a.pdf", tc.err).Error()
		if !strings.Contains(msg, tc.want) || strings.Contains(msg, tc.err.(*os.PathError).Err.Error()) {
			t.Errorf("WriteError(%v) = %q, want %q", tc.err, msg, tc.want)
		}
	}
	if msg := safefile.ReadError("x", &os.PathError{Op: "read", Path: "x", Err: syscall.EIO}).Error(); !strings.Contains(msg, "读写磁盘出错") {
		t.Errorf("ReadError(EIO) = %q", msg)
	}
}

// TestStaleTempFilesRemoved checks that a save removes the temporary files
// a crash left behind, but not one that may belong to a save under way, nor
// files that are not ours.
func TestStaleTempFilesRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.nianbao")
	old := time.Now().Add(-time.Hour)
	names := map[string]bool{ // name: is removed
		".r.nianbao.123456.tmp":     true,
		".r.nianbao.bak.987.tmp":    true,
		".r.nianbao.42.tmp (fresh)": false,
		".r.nianbao.notdigits.tmp":  false,
		".other.nianbao.123.tmp":    false,
		"r.nianbao.123.tmp":         false,
	}
	for name := range names {
		file := filepath.Join(dir, strings.TrimSuffix(name, " (fresh)"))
		os.WriteFile(file, nil, 0o644)
		if !strings.HasSuffix(name, "(fresh)") {
			os.Chtimes(file, old, old)
		}
	}
	if err := safefile.Write(path, []byte("x"), safefile.Options{Backup: true}); err != nil {
		t.Fatal(err)
	}
	if err := safefile.Write(path, []byte("y"), safefile.Options{Backup: true}); err != nil {
		t.Fatal(err)
	}
	for name, removed := range names {
		_, err := os.Stat(filepath.Join(dir, strings.TrimSuffix(name, " (fresh)")))
		if gone := os.IsNotExist(err); gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
	}
}
