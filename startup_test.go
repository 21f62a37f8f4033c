package main

import (
	"bytes"
	"testing"
)

func TestGLWatch(t *testing.T) {
	for line, want := range map[string]bool{
		"Fyne error:  window creation error\n  Cause: WGL: The driver does not appear to support OpenGL": true,
		"Fyne error:  failed to initialise GLFW":                                                         true,
		"Fyne error:  failed to watch theme settings":                                                    false,
	} {
		var out bytes.Buffer
		w := &glWatch{out: &out}
		w.Write([]byte(line))
		if w.Failed() != want || out.String() != line {
			t.Errorf("%q: failed %v, passed %q", line, w.Failed(), out.String())
		}
	}
}
