package format

import (
	"math"
	"unicode/utf8"
)

// Limits on what a format file may ask for. A local format file is read by
// every command and by the editor, so one that asked for a table of a million
// columns would stall or crash them all; validation refuses such a file, naming
// the limit, and measures it without allocating or looping in proportion to
// the numbers in it. Each limit is far above the official formats, whose
// sizes are given (the largest of 2014, 2019 and 2021). docs/format-files.md
// lists them.
const (
	// MaxSpan is the most grid columns a leaf column may span (official: 3).
	MaxSpan = 64
	// MaxDepth is the most nesting levels of a block's column tree and of its
	// row tree (official: 3 for columns, 4 for rows).
	MaxDepth = 8
	// MaxGridColumns is the most columns of a table's printed grid: row
	// labels, unit column and value columns (official: 15).
	MaxGridColumns = 256
	// MaxGridRows is the most rows of a table's printed grid: bands, column
	// headers and body rows of all its blocks (official: 66).
	MaxGridRows = 2000
	// MaxFormatGridCells is the most positions (rows × columns) of the printed
	// grids of all tables of a format together (official: 396).
	MaxFormatGridCells = 200_000
	// MaxTableCells is the most value cells of a table (official: 175).
	MaxTableCells = 5000
	// MaxFormatCells is the most value cells of a format (official: 200).
	MaxFormatCells = 20_000
	// MaxCodeLength is the most bytes of a table, row or column code
	// (official: 11).
	MaxCodeLength = 32
	// MaxIDLength follows from MaxCodeLength and MaxDepth: the longest cell ID
	// of a valid format, a table code and up to MaxDepth row and MaxDepth
	// column codes joined by dots.
	MaxIDLength = (1+2*MaxDepth)*(MaxCodeLength+1) - 1
	// MaxLabelLength is the most characters of a row or column label, a band,
	// a table name or a unit (official: 43). They are repeated in the
	// captions and messages of many cells.
	MaxLabelLength = 200
	// MaxLimit is the largest value a limits rule may name: a value
	// holds at most 12 whole digits.
	MaxLimit = 1_000_000_000_000
	// MaxLimitPatterns is the most cell patterns of all limits rules of a
	// format together (official: 30).
	MaxLimitPatterns = 2000
)

// maxListed is how many problems an InvalidError lists; the rest are counted.
const maxListed = 50

// excerptLength is how many characters of a file's text a message quotes.
const excerptLength = 120

// Excerpt shortens text from a format file for quoting in a message: at most
// excerptLength characters, with "…" where it was cut.
func Excerpt(s string) string {
	n := 0
	for i := range s {
		if n == excerptLength {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// extent is what a column or row tree occupies, measured while it is checked.
type extent struct {
	depth int // levels of nesting
	lines int // grid columns of a column tree, grid rows of a row tree
	cells int // leaf columns, or rows, that carry cells
}

// tableSize is what a table occupies: its printed grid and its value cells.
type tableSize struct {
	rows, cols, cells int
}

// checkLabel reports a label longer than MaxLabelLength.
func checkLabel(c *checker, where, label string) {
	if n := utf8.RuneCountInString(label); n > MaxLabelLength {
		c.add("format.longLabel", "Where", where, "Label", label, "Count", n, "Max", MaxLabelLength)
	}
}

// checkSize reports the limits a table exceeds and whether it is within all
// of them.
func checkSize(c *checker, t *Table, size tableSize) bool {
	fits := true
	if size.cols > MaxGridColumns {
		c.add("format.table.wide", "Table", t.ID, "Count", size.cols, "Max", MaxGridColumns)
		fits = false
	}
	if size.rows > MaxGridRows {
		c.add("format.table.tall", "Table", t.ID, "Count", size.rows, "Max", MaxGridRows)
		fits = false
	}
	if size.cells > MaxTableCells {
		c.add("format.table.manyCells", "Table", t.ID, "Count", size.cells, "Max", MaxTableCells)
		fits = false
	}
	return fits
}

// satAdd and satMul add and multiply counts ≥ 0, stopping at math.MaxInt
// instead of overflowing.
func satAdd(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

func satMul(a, b int) int {
	if a != 0 && b > math.MaxInt/a {
		return math.MaxInt
	}
	return a * b
}
