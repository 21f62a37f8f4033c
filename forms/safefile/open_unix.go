//go:build unix

package safefile

import "syscall"

// openNonBlocking makes opening a pipe return at once instead of waiting
// for a writer; for regular files it changes nothing.
const openNonBlocking = syscall.O_NONBLOCK
