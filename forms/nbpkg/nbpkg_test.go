package nbpkg

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
	"time"

	"nianbao/forms/l10n"
)

var now = time.Date(2026, 1, 20, 9, 0, 0, 0, time.UTC)

func sample(t *testing.T) []byte {
	t.Helper()
	data, err := Pack(Manifest{App: "nianbao test", Unit: "甲局", Year: 2025, Format: "2021"}, []byte(`{"type": "nianbao-report"}`), []byte("%PDF-1.7 …"), now)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// rezip rewrites a package's zip, each entry through change (nil drops
// it), with the extra entries added.
func rezip(t *testing.T, data []byte, change func(name string, content []byte) []byte, extra map[string][]byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		content := change(f.Name, b.Bytes())
		if content == nil {
			continue
		}
		w, _ := zw.Create(f.Name)
		w.Write(content)
	}
	for name, content := range extra {
		w, _ := zw.Create(name)
		w.Write(content)
	}
	zw.Close()
	return out.Bytes()
}

func TestRoundTrip(t *testing.T) {
	p, err := Open(sample(t))
	if err != nil {
		t.Fatal(err)
	}
	m := p.Manifest
	if string(p.Report) != `{"type": "nianbao-report"}` || string(p.PDF) != "%PDF-1.7 …" || m.Unit != "甲局" || m.Year != 2025 ||
		m.Created != "2026-01-20T09:00:00Z" || len(m.Parts) != 2 || m.Parts[0].Size != 26 {
		t.Errorf("read back: %+v", p)
	}
}

// TestTampered: each part altered in turn, dropped, or joined by another
// is refused, the message naming what.
func TestTampered(t *testing.T) {
	same := func(_ string, c []byte) []byte { return c }
	alter := func(part string) func(string, []byte) []byte {
		return func(name string, c []byte) []byte {
			if name == part {
				return append(bytes.Clone(c), ' ')
			}
			return c
		}
	}
	drop := func(part string) func(string, []byte) []byte {
		return func(name string, c []byte) []byte {
			if name == part {
				return nil
			}
			return c
		}
	}
	for _, tc := range []struct {
		name   string
		data   []byte
		key    string
		saying string
	}{
		{"report altered", rezip(t, sample(t), alter(ReportName), nil), "nbpkg.altered", "报告文件"},
		{"PDF altered", rezip(t, sample(t), alter(PDFName), nil), "nbpkg.altered", "PDF"},
		{"manifest broken", rezip(t, sample(t), func(name string, c []byte) []byte {
			if name == ManifestName {
				return c[:len(c)/2]
			}
			return c
		}, nil), "nbpkg.badManifest", ""},
		{"manifest edited", rezip(t, sample(t), func(name string, c []byte) []byte {
			if name == ManifestName {
				return bytes.Replace(c, []byte(`"size": 26`), []byte(`"size": 27`), 1)
			}
			return c
		}, nil), "nbpkg.altered", "报告文件"},
		{"report missing", rezip(t, sample(t), drop(ReportName), nil), "nbpkg.missing", "报告文件"},
		{"PDF missing", rezip(t, sample(t), drop(PDFName), nil), "nbpkg.missing", "PDF"},
		{"manifest missing", rezip(t, sample(t), drop(ManifestName), nil), "nbpkg.noManifest", ""},
		{"part added", rezip(t, sample(t), same, map[string][]byte{"evil.exe": []byte("MZ")}), "nbpkg.added", "evil.exe"},
		{"part twice", rezip(t, sample(t), same, map[string][]byte{ReportName: []byte("{}")}), "nbpkg.added", ReportName},
		{"not a zip", []byte("PK\x03\x04 nothing"), "nbpkg.notPackage", ""},
		{"bomb", rezip(t, sample(t), func(name string, c []byte) []byte {
			if name == PDFName {
				return make([]byte, maxPart+1)
			}
			return c
		}, nil), "nbpkg.tooLarge", ""},
		{"unknown part, huge", rezip(t, sample(t), same, map[string][]byte{"x.bin": make([]byte, maxPart+1)}), "nbpkg.added", "x.bin"},
	} {
		_, err := Open(tc.data)
		if err == nil || tc.key != "" && !l10n.HasKey(err, tc.key) || !strings.Contains(err.Error(), tc.saying) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

// FuzzOpen feeds the package reader: no panic.
func FuzzOpen(f *testing.F) {
	data, _ := Pack(Manifest{Unit: "甲局"}, []byte("{}"), []byte("%PDF"), now)
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		Open(data)
	})
}
