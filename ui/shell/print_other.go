//go:build !windows

package shell

func printFile(string) error { return ErrUnsupported }
