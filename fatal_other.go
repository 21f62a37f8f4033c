//go:build !windows

package main

import (
	"fmt"
	"os"
)

// startFailed tells why the editor could not start.
func startFailed(msg string) { fmt.Fprintln(os.Stderr, msg) }
