// Package pdftext reads the text layer of a PDF file — the text a PDF
// viewer would copy — in reading order, for the importer to read a
// published report from. It is a reader of its own, in pure Go: objects
// found by scanning the file (so damaged and incrementally updated files
// read), Flate, ASCII-hex and ASCII-85 streams, object streams, the
// standard security handler with an empty user password (files merely
// "protected" against copying), simple and CID fonts with ToUnicode maps
// and the GBK and UCS-2 CMaps of Chinese fonts without them, form
// XObjects and rotated pages. The layout puts each ruled table row on one
// line with its cells separated by " | " and joins a paragraph's wrapped
// lines. Everything is bounded: a crafted file is refused or read in part,
// never allowed to exhaust memory or time.
package pdftext

import (
	"errors"
	"strings"

	"nianbao/forms/l10n"
)

// Errors of Read, as Chinese messages.
var (
	errNotPDF     = l10n.Errorf("pdftext.notPDF")
	errTooComplex = l10n.Errorf("pdftext.tooComplex")
	errTooLarge   = l10n.Errorf("pdftext.tooLarge")
	errEncrypted  = l10n.Errorf("pdftext.encrypted")
	errPassword   = l10n.Errorf("pdftext.password")
	errScanned    = l10n.Errorf("pdftext.scanned")
	errNoText     = l10n.Errorf("pdftext.noText")
	errNoUnicode  = l10n.Errorf("pdftext.noUnicode")
)

// NoText reports an error of Read saying the file has no readable text:
// a scan, no text at all, or fonts that do not say what they show.
func NoText(err error) bool {
	return errors.Is(err, errScanned) || errors.Is(err, errNoText) || errors.Is(err, errNoUnicode)
}

// Document is the text of a PDF.
type Document struct {
	// Text is the text in reading order: a paragraph or a table row a
	// line, a row's cells separated by " | ".
	Text string
	// Pages is the number of pages read.
	Pages int
	// Recognized is set when the text is a scan's recognized (OCR) text,
	// drawn invisibly over page images: it may misread characters.
	Recognized bool
	// Partial is set when some content was left out for its size (see
	// the limits): what was read may lack parts of the report.
	Partial bool
}

// Read reads the text layer of the PDF data. A scan without a text layer,
// a file that needs a password to open and a file whose fonts do not say
// which characters they show are refused with a message saying so.
func Read(data []byte) (doc *Document, err error) {
	defer func() {
		if r := recover(); r != nil { // a reader bug must not lose the user's session
			doc, err = nil, errTooComplex
		}
	}()
	return read(data)
}

// read is Read without its recover, for the fuzz test to see panics.
func read(data []byte) (*Document, error) {
	f, err := parseFile(data)
	if err != nil {
		return nil, err
	}
	nodes := f.pages()
	fonts := map[object]*font{}
	var all [][]line
	glyphs, invisible, images, unmapped := 0, 0, 0, 0
	work := maxCellWork
	for _, n := range nodes {
		p := f.readPage(n, fonts)
		for _, g := range p.glyphs {
			if g.invisible {
				invisible++
			}
		}
		glyphs += len(p.glyphs)
		images += p.images
		unmapped += p.unmapped
		all = append(all, layout(p, &work))
	}
	switch {
	case len(nodes) == 0:
		return nil, errNotPDF
	case glyphs == 0 && f.exceeded:
		return nil, errTooLarge
	case unmapped > 0 && unmapped*2 >= glyphs:
		return nil, errNoUnicode
	case glyphs == 0 && images > 0:
		return nil, errScanned
	case glyphs == 0:
		return nil, errNoText
	}
	dropRunningHeads(all)
	return &Document{
		Text:       strings.Join(paragraphs(all), "\n"),
		Pages:      len(nodes),
		Recognized: images > 0 && invisible > glyphs/2,
		Partial:    f.exceeded,
	}, nil
}
