//go:build ignore

// Keylatency measures keystroke to repainted screen on an X display: it
// presses a key through XTEST and reads a rectangle of the screen until it
// changes. Used by scripts/measure-keystroke.sh; not part of the product.
//
//	go run scripts/keylatency/main.go -x 600 -y 160 -w 400 -h 40 -keys 12121
package main

// #cgo LDFLAGS: -lX11 -lXtst
// #include <stdlib.h>
// #include <X11/Xlib.h>
// #include <X11/Xutil.h>
// #include <X11/extensions/XTest.h>
// static void destroyImage(XImage *img) { XDestroyImage(img); }
import "C"

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"slices"
	"time"
	"unsafe"
)

func main() {
	x := flag.Int("x", 0, "left of the rectangle watched")
	y := flag.Int("y", 0, "top of the rectangle watched")
	w := flag.Int("w", 100, "width of the rectangle watched")
	h := flag.Int("h", 100, "height of the rectangle watched")
	keys := flag.String("keys", "1212121212", "the keys pressed, one measurement each")
	reset := flag.String("reset", "Escape", "the key pressed after each measurement")
	flag.Parse()

	d := C.XOpenDisplay(nil)
	if d == nil {
		fmt.Fprintln(os.Stderr, "keylatency: no X display")
		os.Exit(1)
	}
	root := C.XDefaultRootWindow(d)
	grab := func() []byte {
		img := C.XGetImage(d, root, C.int(*x), C.int(*y), C.uint(*w), C.uint(*h), C.AllPlanes, C.ZPixmap)
		defer C.destroyImage(img)
		return C.GoBytes(unsafe.Pointer(img.data), img.bytes_per_line*img.height)
	}
	press := func(name string) {
		cs := C.CString(name)
		defer C.free(unsafe.Pointer(cs))
		code := C.XKeysymToKeycode(d, C.XStringToKeysym(cs))
		C.XTestFakeKeyEvent(d, C.uint(code), C.True, 0)
		C.XTestFakeKeyEvent(d, C.uint(code), C.False, 0)
		C.XFlush(d)
	}
	var times []time.Duration
	for _, k := range *keys {
		before := grab()
		start := time.Now()
		press(string(k))
		for bytes.Equal(before, grab()) {
			if time.Since(start) > 2*time.Second {
				fmt.Fprintln(os.Stderr, "keylatency: no repaint within 2 s")
				os.Exit(1)
			}
		}
		times = append(times, time.Since(start))
		time.Sleep(300 * time.Millisecond)
		press(*reset)
		time.Sleep(300 * time.Millisecond)
	}
	slices.Sort(times)
	fmt.Printf("keystroke to repainted screen, %d keystrokes: median %.1f ms, slowest %.1f ms\n",
		len(times), ms(times[len(times)/2]), ms(times[len(times)-1]))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
