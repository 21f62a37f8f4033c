package export

// Width is the display width of s in a monospaced terminal or text editor:
// CJK characters and full-width forms take two columns, others one.
func Width(s string) int {
	w := 0
	for _, r := range s {
		if Wide(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// Wide reports whether r takes two columns.
func Wide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115F || (r >= 0x2E80 && r <= 0xA4CF) || (r >= 0xAC00 && r <= 0xD7A3) ||
		(r >= 0xF900 && r <= 0xFAFF) || (r >= 0xFE30 && r <= 0xFE4F) || (r >= 0xFF00 && r <= 0xFF60) ||
		(r >= 0xFFE0 && r <= 0xFFE6) || r >= 0x20000)
}
