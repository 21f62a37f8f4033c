package main

import (
	"bytes"
	"io"
	"log"
	"os"
	"strings"
	"sync"

	"nianbao/forms/l10n"
)

// glWatch passes Fyne's log through and notes whether it reported that
// OpenGL could not be started: old drivers, virtual machines without 3D and
// some remote desktops cannot run the editor, which then ends without a
// window — the clerk must be told why.
type glWatch struct {
	mu     sync.Mutex
	out    io.Writer
	failed bool
}

// glFailures are what GLFW and Fyne log when OpenGL is missing or too old.
var glFailures = []string{"WGL:", "OpenGL", "GLX:", "failed to initialise GLFW", "APIUnavailable", "VersionUnavailable"}

func (w *glWatch) Write(p []byte) (int, error) {
	w.mu.Lock()
	for _, f := range glFailures {
		if bytes.Contains(p, []byte(f)) {
			w.failed = true
		}
	}
	w.mu.Unlock()
	return w.out.Write(p)
}

func (w *glWatch) Failed() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.failed
}

// runEditor runs the editor and, if it could not start for lack of OpenGL
// (or stopped with a panic), says so in a message box on Windows and on
// standard error elsewhere.
func runEditor(run func()) {
	watch := &glWatch{out: os.Stderr}
	log.SetOutput(watch)
	defer func() {
		if r := recover(); r != nil {
			if watch.Failed() {
				startFailed(l10n.T("start.noOpenGL"))
			} else {
				startFailed(l10n.T("start.crashed", "Detail", strings.TrimSpace(toString(r))))
			}
			os.Exit(1)
		}
		if watch.Failed() {
			startFailed(l10n.T("start.noOpenGL"))
			os.Exit(1)
		}
	}()
	run()
}

func toString(v any) string {
	if err, ok := v.(error); ok {
		return err.Error()
	}
	if s, ok := v.(string); ok {
		return s
	}
	return "?"
}
