//go:build unix

package safefile

import "syscall"

// System error numbers with a message of their own. A file held open by
// another program stops a write on Windows only.
var (
	errLocked    []syscall.Errno
	errDiskFull  = []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT}
	errNotFolder = syscall.ENOTDIR
	errIsFolder  = syscall.EISDIR
)

// reasons are the Chinese explanations of other errors, by l10n key.
var reasons = map[string][]syscall.Errno{
	"file.why.readOnlyDisk": {syscall.EROFS},
	"file.why.nameTooLong":  {syscall.ENAMETOOLONG},
	"file.why.deviceError":  {syscall.EIO, syscall.ENXIO, syscall.ENODEV},
	"file.why.tooManyOpen":  {syscall.EMFILE, syscall.ENFILE},
	"file.why.busy":         {syscall.EBUSY, syscall.ETXTBSY},
	"file.why.linkLoop":     {syscall.ELOOP},
	"file.why.otherDrive":   {syscall.EXDEV},
	"file.why.network":      {syscall.ESTALE, syscall.ETIMEDOUT, syscall.EHOSTDOWN, syscall.ECONNRESET},
}
