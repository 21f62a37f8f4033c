package safefile_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"nianbao/forms/safefile"
)

func TestWriteAndBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "年报 2025.txt")
	if err := safefile.Write(path, []byte("one"), safefile.Options{Backup: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + safefile.BackupSuffix); err == nil {
		t.Error("a backup of nothing was written")
	}
	if err := safefile.Write(path, []byte("two"), safefile.Options{Backup: true}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "two" {
		t.Errorf("content = %q", got)
	}
	if got, _ := os.ReadFile(path + safefile.BackupSuffix); string(got) != "one" {
		t.Errorf("backup = %q", got)
	}
	if err := safefile.Write(path, []byte("three"), safefile.Options{}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path + safefile.BackupSuffix); string(got) != "one" {
		t.Errorf("backup without Backup changed to %q", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestWriteKeepsModeAndLinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.nianbao")
	os.WriteFile(real, []byte("old"), 0o664)
	os.Chmod(real, 0o664)
	link := filepath.Join(dir, "link.nianbao")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := safefile.Write(link, []byte("new"), safefile.Options{Backup: true}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("the linked file holds %q", got)
	}
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	for _, p := range []string{real, real + safefile.BackupSuffix} {
		if info, _ := os.Stat(p); info.Mode().Perm() != 0o664 {
			t.Errorf("%s mode = %v, want 0664", filepath.Base(p), info.Mode().Perm())
		}
	}
	fresh := filepath.Join(dir, "fresh")
	safefile.Write(fresh, []byte("x"), safefile.Options{})
	if info, _ := os.Stat(fresh); info.Mode().Perm() != 0o644 {
		t.Errorf("new file mode = %v, want 0644", info.Mode().Perm())
	}
}

func TestWriteError(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{os.ErrPermission, "没有写入权限"},
		{syscall.ENOSPC, "磁盘已满"},
		{os.ErrNotExist, "文件夹不存在"},
		{errors.New("boom"), "系统报告了错误"},
	}
	for _, tc := range tests {
		msg := safefile.WriteError("D:\\年报\\a.docx", tc.err).Error()
		if !strings.Contains(msg, tc.want) || !strings.Contains(msg, "a.docx") {
			t.Errorf("WriteError(%v) = %q", tc.err, msg)
		}
	}
}

func TestReadLimited(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f")
	os.WriteFile(path, []byte("12345"), 0o644)
	if data, err := safefile.ReadLimited(path, 5, "report.tooLarge"); err != nil || string(data) != "12345" {
		t.Errorf("ReadLimited = %q, %v", data, err)
	}
	if _, err := safefile.ReadLimited(path, 4, "report.tooLarge"); err == nil || !strings.Contains(err.Error(), "太大") {
		t.Errorf("over the limit: %v", err)
	}
}

// TestBackupValid checks that a previous version the caller does not
// accept is not copied over the backup.
func TestBackupValid(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.nianbao")
	os.WriteFile(path+safefile.BackupSuffix, []byte("good"), 0o644)
	os.WriteFile(path, []byte("broken"), 0o644)
	valid := func(old []byte) bool { return string(old) == "good" }
	if err := safefile.Write(path, []byte("good"), safefile.Options{Backup: true, BackupValid: valid}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path + safefile.BackupSuffix); string(got) != "good" {
		t.Errorf("backup = %q", got)
	}
}
