package exporttest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// Word is a run of text without spaces that poppler's pdftotext -bbox finds
// in a PDF, with its box in points from the page's top left corner.
type Word struct {
	Page                   int // from 1
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// MM is the points in a millimetre.
const MM = 72 / 25.4

var wordRE = regexp.MustCompile(`<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// Words lists the words of a PDF file; the test is skipped without
// pdftotext.
func Words(t testing.TB, pdf []byte) []Word {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not installed (scripts/setup.sh installs poppler-utils)")
	}
	path := filepath.Join(t.TempDir(), "w.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-bbox", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var ws []Word
	page := 0
	for _, m := range wordRE.FindAllStringSubmatch(string(out), -1) {
		if m[1] == "" {
			page++
			continue
		}
		w := Word{Page: page, Text: m[5]}
		for i, p := range []*float64{&w.XMin, &w.YMin, &w.XMax, &w.YMax} {
			*p, _ = strconv.ParseFloat(m[i+1], 64)
		}
		ws = append(ws, w)
	}
	return ws
}

// Last returns the last word that is text.
func Last(ws []Word, text string) (Word, bool) {
	for i := len(ws) - 1; i >= 0; i-- {
		if ws[i].Text == text {
			return ws[i], true
		}
	}
	return Word{}, false
}

// Centre is the middle of the word's box, across.
func (w Word) Centre() float64 { return (w.XMin + w.XMax) / 2 }
