// Package consolidatetest writes units' report files for the tests of the
// consolidation and of the review loop.
package consolidatetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/export/exporttest"
	"nianbao/forms/report"
)

// Unit writes a unit's report made from the sample (every cell and text
// filled, no problem) into dir/file with the changes given ("id=value";
// "year=" for last year's, "format=2019"; "phone=…" the contact phone),
// saved at the time given, and returns its path.
func Unit(t testing.TB, dir, file, name, kind string, saved time.Time, cells ...string) string {
	t.Helper()
	d := exporttest.Sample(t)
	r := d.Report
	r.Unit = report.Unit{Name: name, Kind: kind}
	for _, a := range cells {
		id, val, _ := strings.Cut(a, "=")
		switch id {
		case "year":
			r.Year = 2024
		case "format":
			r.Format = val
		case "phone":
			r.Preface.Phone = val
		default:
			if err := d.SetCellOrKeep(id, val); err != nil && val != "-1" {
				t.Fatalf("%s: %v", a, err)
			}
		}
	}
	out, err := r.Marshal(saved)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, file)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
