// Package drawing is a picture as a list of shapes and texts, measured in
// pixels from the top left corner, that the writers of the 图解 draw as
// PNG, SVG or PDF alike. It knows no fonts: a text names its role (title,
// heading, body) and the writers print it in the font the PDF export
// chooses for that role.
package drawing

import (
	"fmt"
	"time"
)

// Drawing is a picture: its size, what describes it, and its shapes in the
// order they are drawn (later ones over earlier ones).
type Drawing struct {
	Width, Height float64
	// Title and Description name the picture: the SVG's title and desc,
	// the PDF's title and subject. Author is the unit.
	Title, Description, Author string
	// Created is when the figures were taken: the PDF's dates.
	Created time.Time
	Shapes  []Shape
}

// Shape is a Rect or a Text.
type Shape interface{ shape() }

// Color is an opaque colour.
type Color struct{ R, G, B uint8 }

// Hex is the colour as CSS writes it: #c00000.
func (c Color) Hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Rect is a filled rectangle, its corners rounded by Radius.
type Rect struct {
	X, Y, W, H, Radius float64
	Fill               Color
}

// Role is what a text is, which picks its font as the PDF export picks the
// fonts of a document's parts.
type Role uint8

// The roles of texts.
const (
	// TitleRole is the unit's name and the report's title (小标宋).
	TitleRole Role = iota
	// HeadingRole is panel titles, labels and figures (黑体).
	HeadingRole
	// BodyRole is notes (仿宋).
	BodyRole
)

// Anchor is which point of a text its X is.
type Anchor uint8

// The anchors.
const (
	Start Anchor = iota
	Middle
	End
)

// Share is the share of a text's width left of its anchor point.
func (a Anchor) Share() float64 {
	switch a {
	case Middle:
		return 0.5
	case End:
		return 1
	}
	return 0
}

// Text is a line of text: X and Y are its anchor point on the baseline;
// its spans follow each other (a figure and its unit: 26件).
type Text struct {
	X, Y   float64
	Anchor Anchor
	Spans  []Span
}

// Span is a run of a text in one size (its em in pixels), role and colour.
type Span struct {
	Text string
	Size float64
	Role Role
	Fill Color
}

func (Rect) shape() {}
func (Text) shape() {}

// Texts are the drawing's texts, in order.
func (d *Drawing) Texts() []Text {
	var out []Text
	for _, s := range d.Shapes {
		if t, ok := s.(Text); ok {
			out = append(out, t)
		}
	}
	return out
}
