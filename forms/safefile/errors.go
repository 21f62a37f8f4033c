package safefile

import (
	"errors"
	"io/fs"
	"syscall"

	"nianbao/forms/l10n"
)

// WriteError explains why path could not be written. The system's own
// (English) text never reaches the clerk: known causes get a sentence of
// their own, others the system's error number.
func WriteError(path string, err error) error {
	var le *l10n.Error
	switch {
	case errors.As(err, &le):
		return err // already explained
	case isErrno(err, errLocked...):
		return l10n.Wrap(err, "file.locked", "Path", path)
	case errors.Is(err, fs.ErrPermission):
		return l10n.Wrap(err, "file.noWritePermission", "Path", path)
	case isErrno(err, errDiskFull...):
		return l10n.Wrap(err, "file.diskFull", "Path", path)
	case errors.Is(err, fs.ErrNotExist) || isErrno(err, errNotFolder):
		return l10n.Wrap(err, "file.noFolder", "Path", path)
	case isErrno(err, errIsFolder):
		return l10n.Wrap(err, "file.writeIsFolder", "Path", path)
	}
	return l10n.Wrap(err, "file.writeFailed", "Path", path, "Detail", Reason(err))
}

// ReadError explains why path could not be read, like WriteError.
func ReadError(path string, err error) error {
	var le *l10n.Error
	switch {
	case errors.As(err, &le):
		return err
	case errors.Is(err, fs.ErrNotExist) || isErrno(err, errNotFolder):
		return l10n.Wrap(err, "file.notFound", "Path", path)
	case errors.Is(err, fs.ErrPermission):
		return l10n.Wrap(err, "file.noReadPermission", "Path", path)
	case isErrno(err, errIsFolder):
		return l10n.Wrap(err, "file.isFolder", "Path", path)
	}
	return l10n.Wrap(err, "file.readFailed", "Path", path, "Detail", Reason(err))
}

// Reason says in Chinese what an error of the file system means: a
// sentence for the causes a clerk meets (a write-protected USB stick, a
// removed drive, a name too long), else the system's error number.
func Reason(err error) string {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return l10n.T("file.why.unknown")
	}
	for key, nums := range reasons {
		if isErrno(errno, nums...) {
			return l10n.T(key)
		}
	}
	return l10n.T("file.why.code", "Code", uintptr(errno))
}

// isErrno reports whether err is one of the system error numbers nums.
func isErrno(err error, nums ...syscall.Errno) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	for _, n := range nums {
		if errno == n {
			return true
		}
	}
	return false
}
