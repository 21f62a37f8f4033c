package filelock

import (
	"errors"
	"syscall"
)

// shared is the open lock file; no one else may open it while it is open.
type shared struct{ h syscall.Handle }

// Windows file flags syscall does not name.
const (
	fileAttributeHidden   = 0x2
	fileFlagDeleteOnClose = 0x04000000
)

// errSharingViolation is Windows' answer to opening a file another
// program has open without sharing.
const errSharingViolation syscall.Errno = 32

// tryLock opens the lock file without sharing: while it is open, another
// program's attempt fails with a sharing violation. Windows deletes the
// file when the holder closes it or ends.
func tryLock(lockPath string) (held, error) {
	name, err := syscall.UTF16PtrFromString(lockPath)
	if err != nil {
		return nil, err
	}
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil,
		syscall.OPEN_ALWAYS, fileAttributeHidden|fileFlagDeleteOnClose, 0)
	if err != nil {
		if errors.Is(err, errSharingViolation) {
			return nil, ErrHeld
		}
		return nil, err
	}
	return shared{h}, nil
}

func (l shared) release(string) { syscall.CloseHandle(l.h) }
