// Package filelock keeps two programs from editing one report at a time: a
// program that loads a report to change it holds the lock of the report's
// file until it has saved, and another that asks for the same lock waits a
// little, then gives up with a message for the clerk.
//
// The lock is the operating system's own, on a sidecar file beside the
// report (報告.nianbao.lock): it is released when the holder ends, even by a
// crash or a kill, so a stale lock never blocks a report. The sidecar is
// removed when the lock is released (on Windows, when the holder ends).
package filelock

import (
	"errors"
	"time"

	"nianbao/forms/l10n"
)

// Suffix is added to a file's name for its lock file.
const Suffix = ".lock"

// held is the operating system's lock, as each system keeps it.
type held interface{ release(lockPath string) }

// Lock is a held lock on one file.
type Lock struct {
	path string // the lock file
	held held
}

// ErrHeld is wrapped by the error of Acquire when another program holds
// the lock.
var ErrHeld = errors.New("locked by another program")

// retryEvery is how often Acquire tries again while it waits.
const retryEvery = 20 * time.Millisecond

// Acquire takes the lock of the file at path, waiting up to wait for
// another holder to release it. It fails at once if the lock file cannot be
// made (a read-only folder): then no lock is needed, since no one can save
// there either, and the caller may go on without one (Lock is nil).
func Acquire(path string, wait time.Duration) (*Lock, error) {
	lockPath := path + Suffix
	deadline := time.Now().Add(wait)
	for {
		h, err := tryLock(lockPath)
		if err == nil {
			return &Lock{path: lockPath, held: h}, nil
		}
		if !errors.Is(err, ErrHeld) {
			return nil, err
		}
		if time.Now().After(deadline) {
			return nil, l10n.Wrap(err, "file.heldByOther", "Path", path)
		}
		time.Sleep(retryEvery)
	}
}

// Release gives the lock up. It may be called on a nil Lock and more than
// once.
func (l *Lock) Release() {
	if l == nil || l.held == nil {
		return
	}
	l.held.release(l.path)
	l.held = nil
}
