package pdf

import (
	"slices"
	"strings"
	"testing"

	"nianbao/export/drawing"
	"nianbao/forms/l10n"
)

func tinyDrawing() *drawing.Drawing {
	return &drawing.Drawing{Width: 100, Height: 50, Shapes: []drawing.Shape{
		drawing.Rect{X: 0, Y: 0, W: 100, H: 20, Fill: drawing.Color{R: 190}},
		drawing.Text{X: 50, Y: 15, Anchor: drawing.Middle, Spans: []drawing.Span{
			{Text: "国务院", Size: 10, Role: drawing.TitleRole}, {Text: "办公厅", Size: 6, Role: drawing.BodyRole}}},
	}}
}

// TestDrawingFontFailed: a font that fails is replaced by the bundled one
// in the 图解's PDF and glyphs alike, with the warning naming it.
func TestDrawingFontFailed(t *testing.T) {
	fc, err := bytesFace(crafted()["metric data format 1.ttf"], 0)
	if err != nil {
		t.Fatal(err)
	}
	fc.name = "坏字体"
	f := &Font{face: fc}
	opt := Options{Fonts: Fonts{Title: f, Body: f, Heading1: Bundled(), Heading2: f, Table: f}}
	want := []string{l10n.T("pdf.fontFailed", "Fonts", "坏字体")}
	s, err := Shape(tinyDrawing(), opt)
	if err != nil || !slices.Equal(s.Warnings, want) {
		t.Fatalf("Shape: %v, warnings %q", err, s.Warnings)
	}
	data, warnings, err := Draw(tinyDrawing(), opt)
	if err != nil || !slices.Equal(warnings, want) {
		t.Fatalf("Draw: %v, warnings %q", err, warnings)
	}
	if text := pdfTool(t, "pdftotext", data); !strings.Contains(text, "国务院办公厅") {
		t.Errorf("text %q", text)
	}
}

// TestShapeSpans: each span's glyphs carry its index, in the face of its
// role, with advances; only the roles' faces are made subsets of.
func TestShapeSpans(t *testing.T) {
	s, err := Shape(tinyDrawing(), Options{Fonts: BundledFonts()})
	if err != nil || len(s.Texts) != 1 || len(s.Texts[0]) != 6 {
		t.Fatalf("%v, %+v", err, s)
	}
	for i, g := range s.Texts[0] {
		if g.Span != i/3 || g.Advance <= 0 || g.Bold != (i < 3) {
			t.Errorf("glyph %d: %+v", i, g)
		}
	}
	if len(s.Faces) != 1 || len(s.Faces[0].Data) == 0 {
		t.Errorf("faces: %d", len(s.Faces))
	}
}
