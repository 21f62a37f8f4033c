package pdf

import (
	"testing"

	"nianbao/export"
	"nianbao/export/exporttest"
)

// BenchmarkExport measures what one export command does with the fonts:
// find the system's fonts, read what the sample needs of them and write
// the PDF (BenchmarkWrite reuses the fonts found).
func BenchmarkExport(b *testing.B) {
	doc := export.Build(exporttest.Sample(b), export.Options{})
	for b.Loop() {
		if _, _, err := Write(doc, Options{Fonts: findFonts()}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFindFonts measures finding the system's fonts: walking the font
// folders, fontconfig's list, the names of every font.
func BenchmarkFindFonts(b *testing.B) {
	for b.Loop() {
		findFonts()
	}
}

// BenchmarkWriteBundled measures a PDF export with only the bundled fonts.
func BenchmarkWriteBundled(b *testing.B) {
	doc := export.Build(exporttest.Sample(b), export.Options{})
	fonts := BundledFonts()
	for b.Loop() {
		if _, _, err := Write(doc, Options{Fonts: fonts}); err != nil {
			b.Fatal(err)
		}
	}
}
