//go:build !unix

package safefile

// openNonBlocking is not needed where opening a file never waits.
const openNonBlocking = 0
