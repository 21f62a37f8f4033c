package safefile

import "syscall"

// Windows error numbers with a message of their own.
var (
	errLocked                  = []syscall.Errno{32, 33}  // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
	errDiskFull                = []syscall.Errno{39, 112} // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
	errNotFolder syscall.Errno = 267                      // ERROR_DIRECTORY
	errIsFolder  syscall.Errno = 336                      // ERROR_DIRECTORY_NOT_SUPPORTED
)

// reasons are the Chinese explanations of other errors, by l10n key.
var reasons = map[string][]syscall.Errno{
	"file.why.readOnlyDisk": {19},                   // ERROR_WRITE_PROTECT
	"file.why.nameTooLong":  {206, 123},             // ERROR_FILENAME_EXCED_RANGE, ERROR_INVALID_NAME
	"file.why.deviceError":  {21, 23, 31, 55, 1117}, // NOT_READY, CRC, GEN_FAILURE, DEV_NOT_EXIST, IO_DEVICE
	"file.why.tooManyOpen":  {4},                    // ERROR_TOO_MANY_OPEN_FILES
	"file.why.busy":         {170},                  // ERROR_BUSY
	"file.why.linkLoop":     {1921},                 // ERROR_CANT_RESOLVE_FILENAME
	"file.why.otherDrive":   {17},                   // ERROR_NOT_SAME_DEVICE
	"file.why.network":      {51, 53, 59, 64, 67},   // REM_NOT_LIST, BAD_NETPATH, UNEXP_NET_ERR, NETNAME_DELETED, BAD_NET_NAME
}
