//go:build unix

package filelock

import (
	"errors"
	"os"
	"syscall"
)

// flocked is the open lock file, locked with flock.
type flocked struct{ f *os.File }

// tryLock takes the lock without waiting. The lock file is made if
// missing; after the lock is taken, the path must still name the file that
// was locked, since a holder removes it on release.
func tryLock(lockPath string) (held, error) {
	for {
		f, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, ErrHeld
			}
			return nil, err
		}
		open, err1 := f.Stat()
		named, err2 := os.Stat(lockPath)
		if err1 == nil && err2 == nil && os.SameFile(open, named) {
			return flocked{f}, nil
		}
		f.Close() // removed by its holder meanwhile: lock the new one
	}
}

// release removes the lock file while still holding it, so that no one
// locks a file about to vanish, then unlocks it.
func (l flocked) release(lockPath string) {
	os.Remove(lockPath)
	l.f.Close()
}
