package l10n_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"text/template"

	"golang.org/x/image/font/sfnt"

	"nianbao/assets"
	"nianbao/forms/format"
	"nianbao/forms/l10n"
)

func TestT(t *testing.T) {
	if got := l10n.T("input.tooManyDecimals", "Max", 4); got != "小数最多 4 位" {
		t.Errorf("T = %q", got)
	}
	if got := l10n.T("no.such.key"); got != "no.such.key" {
		t.Errorf("unknown key = %q", got)
	}
	wrapped := l10n.Wrap(l10n.Errorf("input.negative"), "report.openFailed")
	if !l10n.HasKey(wrapped, "input.negative") || !l10n.HasKey(wrapped, "report.openFailed") || l10n.HasKey(wrapped, "x") {
		t.Error("HasKey does not follow the chain")
	}
	err := l10n.Errorf("input.negative")
	if err.Error() != "不能为负数" || err.Key != "input.negative" {
		t.Errorf("Errorf = %v", err)
	}
}

// keyPattern finds message keys in Go source: string literals passed to
// l10n.T, Errorf, Wrap, the format checker and the command table.
var keyPattern = regexp.MustCompile(`(?:(?:l10n\.|\b)(?:T|Errorf|Wrap)\((?:[a-zA-Z]+, )?|c\.add\(|usageError\(|item\(|usage: |summary: |ReadLimited\([^,]+, [^,]+, )"([a-zA-Z]+\.[a-zA-Z.]*[a-zA-Z])"[,)]`)

// TestEveryKeyTranslated scans the Go source for message keys and checks
// that each has a translation whose template parses.
func TestEveryKeyTranslated(t *testing.T) {
	data, err := assets.Translations.ReadFile("translations/" + l10n.Language + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]any
	if err := json.Unmarshal(data, &all); err != nil {
		t.Fatal(err)
	}
	msgs := map[string]string{}
	for key, v := range all {
		if msg, ok := v.(string); ok {
			msgs[key] = msg
			if _, err := template.New(key).Parse(msg); err != nil {
				t.Errorf("%s: %v", key, err)
			}
		}
	}
	root := filepath.Join("..", "..")
	found := 0
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range keyPattern.FindAllStringSubmatch(string(src), -1) {
			found++
			if _, ok := msgs[m[1]]; !ok {
				t.Errorf("%s: key %q has no translation", path, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 100 {
		t.Errorf("found only %d keys in the source; is the pattern stale?", found)
	}
}

// TestComposedKeys checks the keys the code builds from values.
func TestComposedKeys(t *testing.T) {
	var keys []string
	for _, k := range []format.Kind{format.Count, format.Signed, format.Money, format.Text} {
		keys = append(keys, "kind."+string(k))
	}
	for _, s := range []format.Severity{format.Error, format.Warning} {
		keys = append(keys, "severity."+string(s))
	}
	for _, k := range keys {
		if !l10n.Has(k) {
			t.Errorf("key %q has no translation", k)
		}
	}
}

// TestBundledFontHasEveryCharacter checks that the bundled font, which the
// editor may have alone, draws every character of every message: a "✓"
// would show as a box.
func TestBundledFontHasEveryCharacter(t *testing.T) {
	font, err := sfnt.Parse(assets.UIFont)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := assets.Translations.ReadFile("translations/" + l10n.Language + ".json")
	var all map[string]any
	if err := json.Unmarshal(data, &all); err != nil {
		t.Fatal(err)
	}
	var b sfnt.Buffer
	for key, v := range all {
		s, _ := v.(string)
		for _, r := range s {
			if g, _ := font.GlyphIndex(&b, r); g == 0 && r >= ' ' {
				t.Errorf("%s: the bundled font has no %q (U+%04X)", key, r, r)
			}
		}
	}
}
