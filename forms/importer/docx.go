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

// docxBody reads document.xml as a stream of elements.
func docxBody(r io.Reader) (string, error) {
	dec := xml.NewDecoder(r)
	var out strings.Builder
	var para strings.Builder // the paragraph being read
	var cells []string       // the row being read
	var cell strings.Builder // the cell being read
	inText, merged := false, false
	depth := 0 // tables open
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", l10n.Errorf("importer.notDocx", "Detail", err.Error())
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				para.WriteString(" ")
			case "br", "cr":
				para.WriteString(" ")
			case "tbl":
				depth++
				if depth > 64 {
					return "", l10n.Errorf("importer.notDocx", "Detail", "nesting")
				}
			case "tr":
				cells = nil
			case "tc":
				cell.Reset()
				merged = false
			case "vMerge":
				// A cell continuing a merge down is empty; the one that
				// starts it says restart.
				merged = attr(t, "val") != "restart"
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				text := strings.TrimSpace(para.String())
				para.Reset()
				if depth > 0 {
					if cell.Len() > 0 && text != "" {
						cell.WriteString(" ")
					}
					cell.WriteString(text)
				} else if text != "" {
					out.WriteString(text + "\n")
				}
			case "tc":
				if !merged {
					cells = append(cells, strings.TrimSpace(cell.String()))
				}
				cell.Reset()
			case "tr":
				out.WriteString(strings.Join(cells, " | ") + "\n")
			case "tbl":
				depth--
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
