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

// TestGLWatchAfterStart checks that OpenGL mentioned in the log after the
// app started (a driver warning while the clerk works) is no start failure.
func TestGLWatchAfterStart(t *testing.T) {
	w := &glWatch{out: &bytes.Buffer{}}
	w.Started()
	w.Write([]byte("Fyne error:  OpenGL error 1282 in a draw call"))
	if w.Failed() {
		t.Error("a log line after the start counts as a start failure")
	}
	w = &glWatch{out: &bytes.Buffer{}}
	w.Write([]byte("Fyne error:  window creation error\n  Cause: GLX: No GLXFBConfigs returned"))
	w.Started()
	if !w.Failed() {
		t.Error("a failure before the start is forgotten")
	}
}
