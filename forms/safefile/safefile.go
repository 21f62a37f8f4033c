// Package safefile writes files so that a crash, a power cut or a full disk
// never leaves a half-written file behind: the new content goes to a
// temporary file in the same folder, is flushed to disk and then renamed
// over the old one. It also turns the errors of opening and writing files
// into messages a clerk understands.
package safefile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"

	"nianbao/forms/l10n"
)

// BackupSuffix is added to a file's name for the copy of its previous version.
const BackupSuffix = ".bak"

// Options tunes Write.
type Options struct {
	// Backup keeps the file's previous content as path+BackupSuffix.
	Backup bool
}

// Write replaces the file at path with data atomically. On any error the old
// file is left as it was and the error explains, in Chinese, what to do. A
// symbolic link is followed, and the file keeps its permissions.
func Write(path string, data []byte, opt Options) error {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return WriteError(path, err)
	}
	tmpName := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(tmpName)
		return WriteError(path, err)
	}
	if err := tmp.Chmod(mode); err != nil && runtime.GOOS != "windows" {
		return fail(err)
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if opt.Backup {
		if err := backup(path); err != nil {
			os.Remove(tmpName)
			return WriteError(path, err)
		}
	}
	if err := os.Rename(tmpName, path); err != nil {
		os.Remove(tmpName)
		return WriteError(path, err)
	}
	syncDir(dir)
	return nil
}

// backup copies the current file at path, if any, to path+BackupSuffix,
// itself atomically.
func backup(path string) error {
	src, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.bak.tmp")
	if err != nil {
		return err
	}
	if info, err := src.Stat(); err == nil && runtime.GOOS != "windows" {
		dst.Chmod(info.Mode().Perm())
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		os.Remove(dst.Name())
		return err
	}
	if err := dst.Sync(); err != nil {
		dst.Close()
		os.Remove(dst.Name())
		return err
	}
	if err := dst.Close(); err != nil {
		os.Remove(dst.Name())
		return err
	}
	if err := os.Rename(dst.Name(), path+BackupSuffix); err != nil {
		os.Remove(dst.Name())
		return err
	}
	return nil
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

// Windows error numbers for a file another program holds open.
const (
	errSharingViolation syscall.Errno = 32
	errLockViolation    syscall.Errno = 33
)

// WriteError explains why path could not be written.
func WriteError(path string, err error) error {
	var errno syscall.Errno
	switch {
	case errors.As(err, &errno) && (errno == errSharingViolation || errno == errLockViolation) && runtime.GOOS == "windows":
		return l10n.Wrap(err, "file.locked", "Path", path)
	case errors.Is(err, fs.ErrPermission):
		return l10n.Wrap(err, "file.noWritePermission", "Path", path)
	case errors.Is(err, syscall.ENOSPC):
		return l10n.Wrap(err, "file.diskFull", "Path", path)
	case errors.Is(err, fs.ErrNotExist):
		return l10n.Wrap(err, "file.noFolder", "Path", path)
	}
	return l10n.Wrap(err, "file.writeFailed", "Path", path, "Detail", err.Error())
}

// ReadError explains why path could not be read.
func ReadError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return l10n.Wrap(err, "file.notFound", "Path", path)
	case errors.Is(err, fs.ErrPermission):
		return l10n.Wrap(err, "file.noReadPermission", "Path", path)
	}
	return l10n.Wrap(err, "file.readFailed", "Path", path, "Detail", err.Error())
}

// ReadLimited reads a whole file of at most limit bytes; a larger file is
// refused before it is read, with tooLargeKey as the message.
func ReadLimited(path string, limit int64, tooLargeKey string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, ReadError(path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, ReadError(path, err)
	}
	if info.IsDir() {
		return nil, l10n.Errorf("file.isFolder", "Path", path)
	}
	if info.Size() > limit {
		return nil, l10n.Errorf(tooLargeKey, "Path", path, "Size", info.Size()>>20, "Max", limit>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, ReadError(path, err)
	}
	if int64(len(data)) > limit {
		return nil, l10n.Errorf(tooLargeKey, "Path", path, "Size", int64(len(data))>>20, "Max", limit>>20)
	}
	return data, nil
}
