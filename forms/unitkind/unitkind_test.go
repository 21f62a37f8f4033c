package unitkind_test

import (
	"strings"
	"testing"

	"nianbao/forms/unitkind"
)

func TestParse(t *testing.T) {
	s := unitkind.Builtin()
	for _, c := range []struct{ in, want string }{
		{"township", "township"}, {"乡镇", "township"}, {"街道", "township"}, {"乡镇(街道)", "township"},
		{" 部 门 ", "department"}, {"县级人民政府", "county"}, {"汇总", "consolidated"},
		{"本级政府（汇总）", "consolidated"}, {"县、区直属单位", "county-department"}, {"ＣＩＴＹ", "city"},
	} {
		k, ok := s.Parse(c.in)
		if !ok || k.ID != c.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", c.in, k.ID, ok, c.want)
		}
	}
	for _, in := range []string{"", "局", "省"} {
		if k, ok := s.Parse(in); ok {
			t.Errorf("Parse(%q) = %q; want none", in, k.ID)
		}
	}
}

func TestParseOrError(t *testing.T) {
	s := unitkind.Builtin()
	if k, err := s.ParseOrError("省"); err != nil || k.ID != "province" {
		t.Errorf("省 = %q, %v; want province (the one kind whose name holds it)", k.ID, err)
	}
	_, err := s.ParseOrError("政府") // in several names
	if err == nil || !strings.Contains(err.Error(), "部门（department）") {
		t.Errorf("an ambiguous kind gives %v; want the list of kinds", err)
	}
}

func TestAdd(t *testing.T) {
	s := unitkind.Builtin()
	n := len(s.All())
	good := `{"type": "nianbao-unitkinds", "kinds": [{"id": "district-office", "name": "开发区管委会", "aliases": ["管委会"]}]}`
	if err := s.Add([]byte(good)); err != nil {
		t.Fatal(err)
	}
	if k, ok := s.Parse("管委会"); !ok || k.ID != "district-office" || len(s.All()) != n+1 {
		t.Errorf("an added kind is not known: %v %v", k, ok)
	}
	for name, data := range map[string]string{
		"not JSON":        `{`,
		"wrong type":      `{"type": "x", "kinds": []}`,
		"unknown field":   `{"type": "nianbao-unitkinds", "kinds": [{"id": "a1", "name": "甲", "level": 3}]}`,
		"bad ID":          `{"type": "nianbao-unitkinds", "kinds": [{"id": "A B", "name": "甲"}]}`,
		"ID twice":        `{"type": "nianbao-unitkinds", "kinds": [{"id": "department", "name": "甲"}]}`,
		"name of another": `{"type": "nianbao-unitkinds", "kinds": [{"id": "a1", "name": "乡 镇"}]}`,
		"no name":         `{"type": "nianbao-unitkinds", "kinds": [{"id": "a1", "name": " "}]}`,
		"nested unknown":  `{"type": "nianbao-unitkinds", "kinds": [{"id": "a1", "name": "甲", "nested": {"department": "nope"}}]}`,
		"bad due":         `{"type": "nianbao-unitkinds", "kinds": [{"id": "a1", "name": "甲", "due": "2月30日"}]}`,
		"too large":       `{"type": "nianbao-unitkinds", "kinds": [], "x": "` + strings.Repeat("x", unitkind.MaxFileSize) + `"}`,
	} {
		before := len(s.All())
		if err := s.Add([]byte(data)); err == nil {
			t.Errorf("%s: accepted", name)
		}
		if len(s.All()) != before {
			t.Errorf("%s: kinds were added from a refused file", name)
		}
	}
}

// TestDueDate: the built-in deadlines of 条例第四十九条, in the year after
// the report year; a kind without one has none.
func TestDueDate(t *testing.T) {
	s := unitkind.Builtin()
	for id, want := range map[string]string{"department": "2026-01-31", "township": "2026-01-31", "county": "2026-02-20",
		"city": "2026-03-10", "province": "2026-03-31", "consolidated": ""} {
		k, _ := s.Lookup(id)
		d, ok := k.DueDate(2025)
		if got := d.Format("2006-01-02"); ok != (want != "") || ok && got != want {
			t.Errorf("%s: %s %v, want %q", id, got, ok, want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		" 青溪县　自然资源局 ": "青溪县自然资源局",
		"青溪县(开发区)":    "青溪县(开发区)",
		"青溪县（开发区）":    "青溪县(开发区)",
		"第１中学":        "第1中学",
		"ＡＢＣ局":        "abc局",
	} {
		if got := unitkind.Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q; want %q", in, got, want)
		}
	}
}

// FuzzAdd feeds kinds files, which come from a formats folder: no panic,
// and a refused file adds nothing.
func FuzzAdd(f *testing.F) {
	f.Add([]byte(`{"type": "nianbao-unitkinds", "kinds": [{"id": "a1", "name": "甲", "nested": {"department": "a1"}}]}`))
	f.Add([]byte(`{"type": "nianbao-unitkinds", "kinds": []}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := unitkind.Builtin()
		n := len(s.All())
		if err := s.Add(data); err != nil && len(s.All()) != n {
			t.Error("a refused file added kinds")
		}
	})
}
