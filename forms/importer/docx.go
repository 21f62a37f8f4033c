package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"

	"nianbao/forms/l10n"
)

// Limits of a Word document read: a report's document.xml is under 1 MB.
const (
	maxDocxPart    = 32 << 20 // bytes of word/document.xml unpacked
	maxDocxEntries = 10_000   // files in the zip
)

// DocxText turns a Word document (.docx) into the text Text reads: a
// paragraph a line, each table row on one line with its cells separated
// by " | " (a cell merged down from the row above left out, as Word
// stores it empty). Tables nested in cells are read as their own rows.
func DocxText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", l10n.Errorf("importer.notDocx", "Detail", err.Error())
	}
	if len(zr.File) > maxDocxEntries {
		return "", l10n.Errorf("importer.notDocx", "Detail", "entries")
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		if f.UncompressedSize64 > maxDocxPart {
			return "", l10n.Errorf("importer.docxTooLarge", "Max", maxDocxPart>>20)
		}
		rc, err := f.Open()
		if err != nil {
			return "", l10n.Errorf("importer.notDocx", "Detail", err.Error())
		}
		defer rc.Close()
		return docxBody(io.LimitReader(rc, maxDocxPart))
	}
	return "", l10n.Errorf("importer.notDocx", "Detail", "word/document.xml")
}

// docxTable is a table being read: the row's cells so far, the cell's
// text, and whether the table holds tables (a layout: its cells' text is
// written as lines, like a page's).
type docxTable struct {
	cells  []string
	cell   []string // the paragraphs of the cell being read
	merged bool
	layout bool
}

// docxBody reads document.xml as a stream of elements.
func docxBody(r io.Reader) (string, error) {
	dec := xml.NewDecoder(r)
	var out strings.Builder
	var para strings.Builder // the paragraph being read
	var tables []*docxTable  // open tables, innermost last
	inText := false
	line := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out.WriteString(s + "\n")
		}
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", l10n.Errorf("importer.notDocx", "Detail", err.Error())
		}
		var top *docxTable
		if len(tables) > 0 {
			top = tables[len(tables)-1]
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab", "br", "cr":
				para.WriteString(" ")
			case "tbl":
				if len(tables) >= 64 {
					return "", l10n.Errorf("importer.notDocx", "Detail", "nesting")
				}
				if top != nil && !top.layout {
					// The outer table holds tables: its row so far and
					// its cell's text become lines.
					top.layout = true
					for _, c := range top.cells {
						line(c)
					}
					for _, p := range top.cell {
						line(p)
					}
					top.cells, top.cell = nil, nil
				}
				tables = append(tables, &docxTable{})
			case "tr":
				if top != nil {
					top.cells = nil
				}
			case "tc":
				if top != nil {
					top.cell, top.merged = nil, false
				}
			case "vMerge":
				// A cell continuing a merge down is empty; the one that
				// starts it says restart.
				if top != nil {
					top.merged = attr(t, "val") != "restart"
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				text := strings.TrimSpace(para.String())
				para.Reset()
				switch {
				case top == nil || top.layout:
					line(text)
				case text != "":
					top.cell = append(top.cell, text)
				}
			case "tc":
				if top != nil && !top.layout && !top.merged {
					top.cells = append(top.cells, strings.Join(top.cell, " "))
				}
				if top != nil {
					top.cell = nil
				}
			case "tr":
				if top != nil && !top.layout {
					out.WriteString(strings.Join(top.cells, " | ") + "\n")
				}
				if top != nil {
					top.cells = nil
				}
			case "tbl":
				if top != nil {
					tables = tables[:len(tables)-1]
				}
			}
		case xml.CharData:
			if inText {
				para.Write(t)
			}
		}
	}
	return out.String(), nil
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
