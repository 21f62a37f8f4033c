package registry_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/assets"
	"nianbao/forms/registry"
)

func TestForYear(t *testing.T) {
	reg := registry.Builtin()
	for year, want := range map[int]string{2008: "2014", 2014: "2014", 2018: "2014", 2019: "2019", 2020: "2019",
		2021: "2021", 2025: "2021", 2040: "2021"} {
		e, err := reg.ForYear(year)
		if err != nil || e.Format.ID != want {
			t.Errorf("ForYear(%d) = %v, %v; want %s", year, e, err, want)
		}
	}
	if _, err := reg.ForYear(2007); err == nil || !strings.Contains(err.Error(), "2007") {
		t.Errorf("ForYear(2007) err = %v", err)
	}
}

// localVariant is the 2021 format with an extra local row, as a province
// might hand it down.
func localVariant(t *testing.T, id string) []byte {
	data, err := assets.Formats.ReadFile("formats/2021.json")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), `"id": "2021"`, `"id": "`+id+`"`, 1)
	s = strings.Replace(s, `"name": "全国通用格式（2021年版）"`, `"name": "某省补充格式", "note": "增加本省要求的一行"`, 1)
	s = strings.Replace(s, `{"label": "行政强制", "code": "coercion"}`,
		`{"label": "行政强制", "code": "coercion"}, {"label": "行政检查", "code": "inspection"}`, 1)
	return []byte(s)
}

func TestLocalFormats(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"province.json":  localVariant(t, "province-2024"),
		"broken.json":    []byte(`{"schema": 1, "id": "broken"`),
		"duplicate.json": localVariant(t, "2021"),
		"notes.txt":      []byte("not a format"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	reg := registry.Load(dir, filepath.Join(dir, "missing"))
	e, ok := reg.Lookup("province-2024")
	if !ok {
		t.Fatalf("local format not loaded; errors: %v", reg.Errors)
	}
	if e.Standard || !strings.Contains(e.DisplayName(), "非标准") || e.Source != filepath.Join(dir, "province.json") {
		t.Errorf("local format not marked: %q standard=%v source=%q", e.DisplayName(), e.Standard, e.Source)
	}
	if _, ok := e.Format.Cell("t2.inspection.decisions"); !ok {
		t.Error("the extra row has no cell")
	}
	if len(reg.Errors) != 2 {
		t.Fatalf("errors = %v, want broken.json and duplicate.json", reg.Errors)
	}
	msgs := reg.Errors[0].Error() + "\n" + reg.Errors[1].Error()
	for _, want := range []string{"broken.json", "duplicate.json", "已被"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("errors %q do not mention %q", msgs, want)
		}
	}
	if y, _ := reg.ForYear(2024); y.Format.ID != "2021" {
		t.Error("a local format must not be chosen by year")
	}
	if registry.Builtin().Errors != nil {
		t.Error("builtin registry has errors")
	}
}

func TestUserDirsFromEnv(t *testing.T) {
	t.Setenv(registry.EnvDirs, "/a"+string(os.PathListSeparator)+"/b")
	dirs := registry.UserDirs()
	if len(dirs) < 2 || dirs[0] != "/a" || dirs[1] != "/b" {
		t.Errorf("UserDirs = %v", dirs)
	}
}

// TestLocalKinds: a province's unit kinds are data in a formats folder,
// and its formats may limit rules to them; a rule limited to a kind nobody
// declared refuses the format.
func TestLocalKinds(t *testing.T) {
	dir := t.TempDir()
	kinds := `{"type": "nianbao-unitkinds", "kinds": [{"id": "zone", "name": "开发区管委会", "aliases": ["管委会"]}]}`
	withKind := func(id, kind string) []byte {
		return []byte(strings.Replace(string(localVariant(t, id)), `"unitKinds": ["township"]`, `"unitKinds": ["township", "`+kind+`"]`, 1))
	}
	for name, data := range map[string][]byte{
		"unitkinds.json": []byte(kinds),
		"zone.json":      withKind("zone-2024", "zone"),
		"bad.json":       withKind("bad-2024", "ministry"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	reg := registry.Load(dir)
	if k, ok := reg.Kinds.Parse("管委会"); !ok || k.ID != "zone" {
		t.Errorf("the local kind is not known: %v", reg.Errors)
	}
	if _, ok := reg.Lookup("zone-2024"); !ok {
		t.Errorf("a format using the local kind is refused: %v", reg.Errors)
	}
	if _, ok := reg.Lookup("bad-2024"); ok || len(reg.Errors) != 1 || !strings.Contains(reg.Errors[0].Error(), "ministry") {
		t.Errorf("a rule limited to an unknown kind: errors %v", reg.Errors)
	}
	if registry.Builtin().Kinds.Known("zone") {
		t.Error("a local kind leaked into the builtin kinds")
	}
}
