package rules_test

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"nianbao/assets"
	"nianbao/forms/format"
	"nianbao/forms/rules"
	"nianbao/forms/value"
)

// gridFormat returns a format file with one table t of rows × cols value
// cells, t.r<i>.c<j>, and the given rules (a JSON array).
func gridFormat(rows, cols int, rulesJSON string) string {
	list := func(n int, prefix string) string {
		items := make([]string, n)
		for i := range items {
			items[i] = fmt.Sprintf(`{"label": "", "code": "%s%d"}`, prefix, i)
		}
		return strings.Join(items, ",")
	}
	return fmt.Sprintf(`{"schema": 1, "id": "x", "name": "x", "years": {"from": 2021},
	 "sections": [{"id": "s", "heading": "一", "kind": "table", "table": "t", "guidance": ""}],
	 "tables": [{"id": "t", "name": "一", "blocks": [{"columns": [%s], "rows": [%s]}]}],
	 "rules": %s}`, list(cols, "c"), list(rows, "r"), rulesJSON)
}

// load parses and compiles a format file, as the registry does.
func load(data string) error {
	f, err := format.Parse([]byte(data))
	if err != nil {
		return err
	}
	_, err = rules.Compile(f)
	return err
}

// sameValues returns a forEach values list of n members "c0".
func sameValues(n int) string {
	return `["c0"` + strings.Repeat(`, "c0"`, n-1) + `]`
}

// TestTermLimit checks MaxTermInstances: rules just at it compile, rules
// just over it are refused, naming the rule where the count went over.
func TestTermLimit(t *testing.T) {
	// 100 members × (1,998 candidates of t.*.c0 + the constant) = 199,900,
	// and a rule of n terms.
	wildcard := func(n int) string {
		return gridFormat(1998, 1, `[{"id": "A", "severity": "error", "forEach": {"var": "v", "values": `+sameValues(100)+`},
		  "expr": "t.*.{v} = 0", "message": "m"},
		 {"id": "B", "severity": "error", "expr": "`+strings.Repeat("t.r0.c0 + ", n-2)+`t.r0.c0 = 0", "message": "m"}]`)
	}
	// members × 2 terms.
	members := func(n int) string {
		return gridFormat(1, 1, `[{"id": "A", "severity": "error", "forEach": {"var": "v", "values": `+sameValues(n)+`},
		  "expr": "t.r0.{v} = 0", "message": "m"}]`)
	}
	tests := []struct {
		name, at, over, want string
	}{
		{"wildcard", wildcard(100), wildcard(101), "规则 B：全部规则展开后超过 200000 项"},
		{"forEach members", members(rules.MaxTermInstances / 2), members(rules.MaxTermInstances/2 + 1), "规则 A：全部规则展开后超过 200000 项"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := load(tc.at); err != nil {
				t.Fatalf("at the limit: %v", err)
			}
			err := load(tc.over)
			if err == nil {
				t.Fatal("over the limit: accepted")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error does not mention %q:\n%v", tc.want, err)
			}
		})
	}
}

// TestHostileFormats loads files that once crashed or stalled every command;
// each must be refused, naming the limit, within two seconds.
func TestHostileFormats(t *testing.T) {
	spanned := func(span int) string {
		return strings.Replace(gridFormat(1, 1, "[]"), `"code": "c0"`, fmt.Sprintf(`"code": "c0", "span": %d`, span), 1)
	}
	everyRow := `[{"id": "A", "severity": "error", "forEach": {"var": "r", "rows": "t"}, "expr": "t.{r}.c0 <= t.*.*", "message": "m"}]`
	tests := []struct {
		name, data, want string
	}{
		{"span 2^63-1", spanned(math.MaxInt64), "span 为 9223372036854775807，超过上限 64"},
		{"span 1e9", spanned(1e9), "span 为 1000000000，超过上限 64"},
		{"span 1e12", spanned(1e12), "span 为 1000000000000，超过上限 64"},
		{"4M cells", gridFormat(2000, 2000, "[]"), "有 4000000 个数据单元格，超过上限 5000 个"},
		{"1000×1000 and forEach with *", gridFormat(1000, 1000, everyRow), "有 1000000 个数据单元格，超过上限 5000 个"},
		{"forEach with * within the cell limits", gridFormat(1999, 2, everyRow), "规则 A：全部规则展开后超过 200000 项"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() { done <- load(tc.data) }()
			select {
			case err := <-done:
				if err == nil {
					t.Fatal("accepted")
				}
				if !strings.Contains(err.Error(), tc.want) {
					t.Errorf("error does not mention %q:\n%v", tc.want, err)
				}
			case <-time.After(2 * time.Second):
				t.Fatalf("still loading %d bytes after 2 s", len(tc.data))
			}
		})
	}
}

// FuzzCompile loads format files as the registry does, then evaluates a
// report of the format with every cell blank and with every cell 1: a file
// that loads must check without failing.
func FuzzCompile(f *testing.F) {
	for _, name := range []string{"formats/2021.json", "formats/2019.json", "formats/2014.json"} {
		data, err := assets.Formats.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(gridFormat(3, 3, `[{"id": "A", "severity": "error", "forEach": {"var": "r", "rows": "t"}, "expr": "t.{r}.c0 <= t.*.*", "message": "m"}]`)))
	f.Add([]byte(gridFormat(2, 2, `[{"id": "S", "severity": "error", "computes": true, "expr": "t.r0.c0 = t.r1.c0 + t.r1.c1", "message": "m"},
		 {"id": "P", "severity": "warning", "expr": "t.r0.c1 >= prev:t.r1.c1 - 2", "message": "m"}]`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		fm, err := format.Parse(data)
		if err != nil {
			return
		}
		set, err := rules.Compile(fm)
		if err != nil {
			return
		}
		one := value.OfInt(1)
		for _, v := range []value.Value{{}, one} {
			vals := make([]value.Value, len(fm.Cells()))
			for i := range vals {
				vals[i] = v
			}
			set.Evaluate(rules.Input{Values: vals, Prev: func(string) (value.Value, bool) { return one, true }})
		}
	})
}
