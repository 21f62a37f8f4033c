// Package nbpkg is the 报送包 a unit sends its office: one zip file
// (.nbpkg) holding the unit's report file, its PDF, and a manifest with the
// SHA-256 and size of each part, the tool's version and the time. Reading
// a package verifies every part against the manifest and says what was
// altered: a part changed, missing or added.
package nbpkg

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"slices"
	"time"

	"nianbao/forms/l10n"
)

// Extension is a package's file extension.
const Extension = ".nbpkg"

// The parts of a package.
const (
	ManifestName = "manifest.json"
	ReportName   = "report.nianbao"
	PDFName      = "report.pdf"
)

// FileType is the manifest's type.
const FileType = "nianbao-package"

// Limits of a package read, against crafted files.
const (
	maxEntries  = 16
	maxManifest = 64 << 10
	maxPart     = 32 << 20
)

// Manifest describes a package.
type Manifest struct {
	Type    string `json:"type"`
	Version int    `json:"version"`
	App     string `json:"app"`
	Created string `json:"created"` // RFC 3339
	Unit    string `json:"unit"`
	Year    int    `json:"year"`
	Format  string `json:"format"`
	Parts   []Part `json:"parts"`
}

// Part is one file of a package, as the manifest lists it.
type Part struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// Package is a package read and verified: its manifest and its parts.
type Package struct {
	Manifest Manifest
	Report   []byte
	PDF      []byte
}

// Pack makes a package of a report file's content and its PDF, m giving
// the app, unit, year and format (its parts and time are filled in).
func Pack(m Manifest, reportFile, pdf []byte, now time.Time) ([]byte, error) {
	m.Type, m.Version, m.Created = FileType, 1, now.Format(time.RFC3339)
	m.Parts = []Part{part(ReportName, reportFile), part(PDFName, pdf)}
	man, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range []struct {
		name string
		data []byte
	}{{ManifestName, man}, {ReportName, reportFile}, {PDFName, pdf}} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: now})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(p.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func part(name string, data []byte) Part {
	sum := sha256.Sum256(data)
	return Part{Name: name, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))}
}

// Open reads a package and verifies it: only the manifest, the report and
// the PDF are there (anything else is refused before it is unpacked, so a
// package holds at most 64 MiB and 64 KiB), the manifest lists the report
// and the PDF once each, and each is present with its size and SHA-256.
// Errors say in Chinese what was altered.
func Open(data []byte) (*Package, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, l10n.Errorf("nbpkg.notPackage", "Detail", err.Error())
	}
	if len(zr.File) > maxEntries {
		return nil, l10n.Errorf("nbpkg.notPackage", "Detail", "entries")
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		limit := int64(maxPart)
		switch f.Name {
		case ManifestName:
			limit = maxManifest
		case ReportName, PDFName:
		default: // refused before anything is unpacked
			return nil, l10n.Errorf("nbpkg.added", "Part", f.Name)
		}
		if _, dup := files[f.Name]; dup {
			return nil, l10n.Errorf("nbpkg.added", "Part", f.Name)
		}
		content, err := readPart(f, limit)
		if err != nil {
			return nil, err
		}
		files[f.Name] = content
	}
	man, ok := files[ManifestName]
	if !ok {
		return nil, l10n.Errorf("nbpkg.noManifest")
	}
	p := &Package{}
	if err := json.Unmarshal(man, &p.Manifest); err != nil || p.Manifest.Type != FileType {
		return nil, l10n.Errorf("nbpkg.badManifest")
	}
	listed := []string{ManifestName}
	if len(p.Manifest.Parts) != 2 {
		return nil, l10n.Errorf("nbpkg.badManifest")
	}
	for _, want := range p.Manifest.Parts {
		if want.Name != ReportName && want.Name != PDFName || slices.Contains(listed, want.Name) {
			return nil, l10n.Errorf("nbpkg.badManifest")
		}
		got, ok := files[want.Name]
		switch {
		case !ok:
			return nil, l10n.Errorf("nbpkg.missing", "Part", partName(want.Name))
		case int64(len(got)) != want.Size || part(want.Name, got).SHA256 != want.SHA256:
			return nil, l10n.Errorf("nbpkg.altered", "Part", partName(want.Name))
		}
		listed = append(listed, want.Name)
	}
	for name := range files {
		if !slices.Contains(listed, name) {
			return nil, l10n.Errorf("nbpkg.added", "Part", name)
		}
	}
	p.Report, p.PDF = files[ReportName], files[PDFName]
	switch {
	case p.Report == nil:
		return nil, l10n.Errorf("nbpkg.missing", "Part", partName(ReportName))
	case p.PDF == nil:
		return nil, l10n.Errorf("nbpkg.missing", "Part", partName(PDFName))
	}
	return p, nil
}

// readPart reads one zip entry of at most limit bytes, checked before and
// while unpacking (a zip bomb stops at the limit).
func readPart(f *zip.File, limit int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, l10n.Errorf("nbpkg.tooLarge", "Part", f.Name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, l10n.Errorf("nbpkg.notPackage", "Detail", err.Error())
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, l10n.Errorf("nbpkg.altered", "Part", partName(f.Name))
	}
	if int64(len(data)) > limit {
		return nil, l10n.Errorf("nbpkg.tooLarge", "Part", f.Name)
	}
	return data, nil
}

// partName is how a part is named to the clerk.
func partName(name string) string {
	switch name {
	case ReportName:
		return l10n.T("nbpkg.part.report")
	case PDFName:
		return l10n.T("nbpkg.part.pdf")
	}
	return name
}
