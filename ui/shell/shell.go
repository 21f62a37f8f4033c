// Package shell hands files to the system's programs for what Fyne cannot
// do itself: printing a file with the program registered for it.
package shell

import "errors"

// ErrUnsupported is returned where the system has no print verb for files;
// callers open the file instead, so that the clerk prints from its viewer.
var ErrUnsupported = errors.New("shell: printing files is not supported here")

// Print prints the file at path with the program registered for its type
// (on Windows the "print" verb of ShellExecute: the PDF reader prints it to
// the default printer).
func Print(path string) error { return printFile(path) }
