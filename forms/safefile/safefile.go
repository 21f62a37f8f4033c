// Package safefile writes files so that a crash, a power cut or a full disk
// never leaves a half-written file behind: the new content goes to a
// temporary file in the same folder, is flushed to disk and then renamed
// over the old one. It reads files only when they are regular files of a
// bounded size, so that a pipe, a device or a huge file can neither hang nor
// exhaust the program, and it turns the errors of opening and writing files
// into messages a clerk understands.
package safefile

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"nianbao/forms/l10n"
)

// BackupSuffix is added to a file's name for the copy of its previous version.
const BackupSuffix = ".bak"

// Options tunes Write.
type Options struct {
	// Backup keeps the file's previous content as path+BackupSuffix.
	Backup bool
	// BackupLimit bounds the size of a previous version worth keeping; a
	// larger one is not copied. Zero means 64 MiB.
	BackupLimit int64
	// BackupValid, if set, is asked whether the previous content is worth
	// keeping: a previous version that would not load is not copied over a
	// backup that does.
	BackupValid func(old []byte) bool
}

// staleAge is how old a temporary file of ours must be before a later save
// of the same file removes it: one that old was left by a crash or a power
// cut, not by a save still under way.
const staleAge = 10 * time.Minute

// Write replaces the file at path with data atomically. On any error the old
// file is left as it was and the error explains, in Chinese, what to do. A
// symbolic link is followed, and the file keeps its permissions. A
// read-only file, a folder or anything but a regular file is not replaced.
func Write(path string, data []byte, opt Options) error {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	mode := fs.FileMode(0o644)
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return l10n.Errorf("file.writeIsFolder", "Path", path)
	case err == nil && !info.Mode().IsRegular():
		return l10n.Errorf("file.writeNotRegular", "Path", path)
	case err == nil && info.Mode().Perm()&0o200 == 0:
		return l10n.Errorf("file.readOnly", "Path", path)
	case err == nil:
		mode = info.Mode().Perm()
	}
	if opt.Backup {
		if err := backup(path, opt); err != nil {
			return WriteError(path, err)
		}
	}
	if err := replace(path, data, mode); err != nil {
		return WriteError(path, err)
	}
	removeStale(path)
	return nil
}

// replace writes data to a temporary file beside path, flushes it and
// renames it over path.
func replace(path string, data []byte, mode fs.FileMode) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, tempPrefix(base)+"*.tmp")
	if err != nil {
		return err
	}
	err = tmp.Chmod(mode)
	if runtime.GOOS == "windows" {
		err = nil // Windows files have a read-only flag, not modes
	}
	if err == nil {
		_, err = tmp.Write(data)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	syncDir(dir)
	return nil
}

// tempPrefix starts the names of the temporary files written for a file
// named base: hidden, and recognisably ours.
func tempPrefix(base string) string { return "." + base + "." }

// backup copies the current file at path, if any, to path+BackupSuffix,
// itself atomically, unless it is too large or opt.BackupValid refuses it.
func backup(path string, opt Options) error {
	info, err := os.Stat(path)
	if err != nil {
		return nil // nothing to keep
	}
	limit := opt.BackupLimit
	if limit == 0 {
		limit = 64 << 20
	}
	if info.Size() > limit {
		return nil
	}
	old, err := ReadLimited(path, limit, "file.tooLarge")
	if err != nil {
		return nil // a previous version that cannot be read is not worth keeping
	}
	if opt.BackupValid != nil && !opt.BackupValid(old) {
		return nil
	}
	target := path + BackupSuffix
	if err := replace(target, old, info.Mode().Perm()); err != nil {
		return err
	}
	removeStale(target)
	return nil
}

// removeStale removes the temporary files that earlier writes of path left
// behind when they were cut short, once they are old enough not to belong
// to a write still under way.
func removeStale(path string) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := tempPrefix(base)
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !isTempSuffix(rest) || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAge {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// isTempSuffix reports whether rest is what os.CreateTemp puts after our
// prefix: a run of digits and ".tmp" (".bak.tmp" in version 0.1).
func isTempSuffix(rest string) bool {
	digits, ok := strings.CutSuffix(rest, ".tmp")
	digits = strings.TrimSuffix(digits, ".bak")
	if !ok || digits == "" {
		return false
	}
	return strings.Trim(digits, "0123456789") == ""
}

// syncDir flushes a folder's entries so that the rename survives a power
// cut. Windows has no such call; NTFS journals renames.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
