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
// window — the clerk must be told why. Only what is logged before the app
// has started counts: a later log line that mentions OpenGL says nothing
// about whether the editor could start.
type glWatch struct {
	mu      sync.Mutex
	out     io.Writer
	failed  bool
	started bool
}

// glFailures are what GLFW and Fyne log when OpenGL is missing or too old.
var glFailures = []string{"WGL:", "OpenGL", "GLX:", "failed to initialise GLFW", "APIUnavailable", "VersionUnavailable"}

func (w *glWatch) Write(p []byte) (int, error) {
	w.mu.Lock()
	for _, f := range glFailures {
		if !w.started && bytes.Contains(p, []byte(f)) {
			w.failed = true
		}
	}
	w.mu.Unlock()
	return w.out.Write(p)
}

// Started notes that the app has started: its window could be created.
func (w *glWatch) Started() {
	w.mu.Lock()
	w.started = true
	w.mu.Unlock()
}

// Failed reports whether OpenGL failed before the app started.
func (w *glWatch) Failed() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.failed
}

// runEditor runs the editor and, if it could not start for lack of OpenGL
// (or stopped with a panic), says so in a message box on Windows and on
// standard error elsewhere. run must call started once the app has started
// (Fyne's Lifecycle OnStarted).
func runEditor(run func(started func())) {
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
	run(watch.Started)
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
