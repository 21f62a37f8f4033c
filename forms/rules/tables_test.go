package rules

import (
	"testing"

	"nianbao/forms/format"
)

// TestCheckTables holds the evaluation's tables to format's one table of
// kinds of check: every kind on texts has a test here, and every other
// kind is one the engine evaluates on cells.
func TestCheckTables(t *testing.T) {
	onCells := map[format.Check]bool{format.ExprCheck: true, format.ValuesCheck: true, format.LimitsCheck: true,
		format.UnusualCheck: true, format.RepeatedCheck: true /* texts of two reports: checkRepeated */}
	for _, c := range format.Checks() {
		switch {
		case c.OnText() && textTests[c] == nil:
			t.Errorf("check %q applies to texts but has no test", c)
		case !c.OnText() && !onCells[c]:
			t.Errorf("check %q is evaluated nowhere", c)
		}
	}
	for c := range textTests {
		if !c.OnText() {
			t.Errorf("textTests has %q, which format does not apply to texts", c)
		}
	}
}
