//go:build !windows

package shell

import (
	"errors"
	"testing"
)

func TestPrintUnsupported(t *testing.T) {
	if err := Print("/tmp/x.pdf"); !errors.Is(err, ErrUnsupported) {
		t.Errorf("Print = %v, want ErrUnsupported", err)
	}
}
