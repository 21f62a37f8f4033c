package report_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/forms/filelock"
	"nianbao/forms/l10n"
	"nianbao/forms/report"
)

// TestHostileFilesAreRefused checks files that load today but could not be
// saved again, or that would make a save explode: each is refused when
// read, with a Chinese message, before anything is written.
func TestHostileFilesAreRefused(t *testing.T) {
	good := string(sample(t))
	withCells := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, `"x%d":"",`, i)
		}
		return strings.Replace(good, `"cells": {`, `"cells": {`+b.String(), 1)
	}
	tests := []struct {
		name, content, key, detail string
	}{
		{"cut inside a character", good[:strings.Index(good, "青溪")+1], "report.truncated", ""},
		{"deep nesting", strings.Replace(good, `"type":`, `"extra": `+strings.Repeat("[", 9000)+strings.Repeat("]", 9000)+`, "type":`, 1), "report.corrupt", "层"},
		{"too many cells", withCells(report.MaxStoredCells + 1), "report.corrupt", "单元格"},
		{"grows when saved", strings.Replace(good, `"texts": {`, `"texts": {"zz": "`+strings.Repeat("\u2028", 2_900_000)+`",`, 1), "report.corrupt", "保存后"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := report.Unmarshal([]byte(tc.content), reg)
			if !l10n.HasKey(err, tc.key) || !strings.Contains(err.Error(), tc.detail) {
				t.Errorf("err = %v, want %s with %q", err, tc.key, tc.detail)
			}
		})
	}
}

// TestNeverSaveWhatWouldNotLoad checks that a report too large to load
// again is not written, and that the file and its backup stay as they were.
func TestNeverSaveWhatWouldNotLoad(t *testing.T) {
	path := writeSample(t)
	d, err := report.Edit(path, reg, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.Save(path); err != nil { // makes a backup
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	backup, _ := os.ReadFile(path + ".bak")
	if err := d.SetText("overview", strings.Repeat("长", report.MaxFileSize/3+1)); err != nil {
		t.Fatal(err)
	}
	err = d.Save(path)
	if !l10n.HasKey(err, "report.wouldBeTooLarge") || !strings.Contains(err.Error(), "没有保存") {
		t.Fatalf("err = %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the file changed")
	}
	if after, _ := os.ReadFile(path + ".bak"); string(after) != string(backup) {
		t.Error("the backup changed")
	}
}

// TestBackupOnlyFromALoadableFile checks that a save over a file that does
// not load (cut short, or written by another program) keeps the backup.
func TestBackupOnlyFromALoadableFile(t *testing.T) {
	path := writeSample(t)
	r, err := report.Load(path, reg)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path+".bak", sample(t), 0o644)
	os.WriteFile(path, []byte(`{"type": "nianbao-report", "sch`), 0o644)
	if err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	if bak, _ := os.ReadFile(path + ".bak"); string(bak) != string(sample(t)) {
		t.Errorf("the backup was replaced by a file that does not load: %.60q", bak)
	}
	if _, err := report.Load(path, reg); err != nil {
		t.Error(err)
	}
}

// TestChangedOnDisk checks that a save does not overwrite what another
// program wrote to the file after it was read.
func TestChangedOnDisk(t *testing.T) {
	path := writeSample(t)
	d, err := report.Edit(path, reg, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	other := string(sample(t)) + "\n"
	os.WriteFile(path, []byte(other), 0o644)
	d.SetCell("t4.review.upheld", "5")
	err = d.Save(path)
	if !errors.Is(err, report.ErrChangedOnDisk) || !strings.Contains(err.Error(), "已被其他程序修改") {
		t.Fatalf("err = %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != other {
		t.Error("the other program's change was overwritten")
	}
	// Saved elsewhere, it is that file's report from now on.
	elsewhere := filepath.Join(filepath.Dir(path), "另存.nianbao")
	if err := d.Save(elsewhere); err != nil {
		t.Fatal(err)
	}
	if err := d.Save(elsewhere); err != nil {
		t.Errorf("saving again: %v", err)
	}
}

// TestLockHeldFromLoadToSave checks that a report being edited cannot be
// saved, or opened for editing, by another program until it is closed.
func TestLockHeldFromLoadToSave(t *testing.T) {
	path := writeSample(t)
	editing, err := report.Edit(path, reg, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := report.Edit(path, reg, 0); !errors.Is(err, filelock.ErrHeld) || !strings.Contains(err.Error(), "正在被另一个程序") {
		t.Errorf("a second Edit: %v", err)
	}
	viewer, err := report.Open(path, reg)
	if err != nil {
		t.Fatal(err)
	}
	if err := viewer.Save(path); !errors.Is(err, filelock.ErrHeld) {
		t.Errorf("saving a report another program holds: %v", err)
	}
	if err := editing.Save(path); err != nil {
		t.Fatal(err)
	}
	editing.Close()
	if _, err := os.Stat(path + filelock.Suffix); !errors.Is(err, os.ErrNotExist) {
		t.Error("the lock file outlived the lock")
	}
	if err := viewer.Save(path); !errors.Is(err, report.ErrChangedOnDisk) {
		t.Errorf("saving over the other program's save: %v", err)
	}
	again, err := report.Open(path, reg)
	if err != nil {
		t.Fatal(err)
	}
	if err := again.Save(path); err != nil {
		t.Errorf("saving after the other program closed it: %v", err)
	}
	again.Close()
}
