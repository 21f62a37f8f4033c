// Package unitkind knows the kinds of reporting unit (部门, 乡镇（街道）,
// 县级人民政府, 本级政府（汇总）…) as data: the national ones embedded in the
// program (assets/unitkinds.json) and those a province adds in a file
// unitkinds.json in a formats folder. Rules may be limited to some kinds,
// consolidation sums by kind, and the clerk names a kind by its ID or any
// of its names.
package unitkind

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"nianbao/assets"
	"nianbao/forms/l10n"
)

// FileName is the name of a kinds file in a formats folder.
const FileName = "unitkinds.json"

// FileType identifies kinds files.
const FileType = "nianbao-unitkinds"

// Limits of a kinds file: a province adds a handful of kinds.
const (
	MaxFileSize = 256 << 10
	maxKinds    = 200
	maxText     = 64 // bytes of an ID, runes of a name
)

// Kind is one kind of reporting unit.
type Kind struct {
	// ID is what report files store (department, township …).
	ID string `json:"id"`
	// Name is the kind as the clerk sees it (部门).
	Name string `json:"name"`
	// Aliases are other names the clerk may type or a list may hold
	// (街道, 市直单位).
	Aliases []string `json:"aliases,omitempty"`
	// Consolidated marks the kind of a report that sums other units'
	// reports (本级政府（汇总）).
	Consolidated bool `json:"consolidated,omitempty"`
	// Nested renames kinds inside a received 汇总 whose own government is
	// of this kind: a county's departments count as county-department in
	// the city's breakdown, apart from the city's own departments.
	Nested map[string]string `json:"nested,omitempty"`
	// Due is when a unit of this kind must have published its report,
	// "MM-DD" of the year after the report year (条例第四十九条: 部门 and
	// 乡镇 1月31日; county 汇总 2月20日, city 3月10日, province 3月31日); a
	// consolidation may set its own dates.
	Due string `json:"due,omitempty"`
}

// Set is the kinds known: the built-in ones first, in the order offered
// to the clerk, then those added.
type Set struct {
	kinds []Kind
}

type file struct {
	Type  string `json:"type"`
	Kinds []Kind `json:"kinds"`
}

// Builtin returns the kinds embedded in the program.
func Builtin() *Set {
	s := &Set{}
	if err := s.Add(assets.UnitKinds); err != nil {
		panic("unitkind: embedded kinds are invalid: " + err.Error())
	}
	return s
}

// Add reads a kinds file's content and adds its kinds. A kind whose ID is
// already known is an error, as is any name or alias that would name two
// kinds; nothing is added then.
func (s *Set) Add(data []byte) error {
	if len(data) > MaxFileSize {
		return l10n.Errorf("unitkind.tooLarge", "Max", MaxFileSize>>10)
	}
	var f file
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil || f.Type != FileType {
		return l10n.Errorf("unitkind.badFile", "Detail", errText(err, f.Type))
	}
	if len(s.kinds)+len(f.Kinds) > maxKinds {
		return l10n.Errorf("unitkind.tooMany", "Max", maxKinds)
	}
	next := &Set{kinds: slices.Clone(s.kinds)}
	for _, k := range f.Kinds {
		if err := next.check(k); err != nil {
			return err
		}
		next.kinds = append(next.kinds, k)
	}
	for _, k := range next.kinds {
		for from, to := range k.Nested {
			if !next.Known(from) || !next.Known(to) {
				return l10n.Errorf("unitkind.badNested", "ID", k.ID, "Value", from+"→"+to)
			}
		}
	}
	s.kinds = next.kinds
	return nil
}

func errText(err error, typ string) string {
	if err != nil {
		return err.Error()
	}
	return fmt.Sprintf("type %q", typ)
}

func (s *Set) check(k Kind) error {
	if !validID(k.ID) {
		return l10n.Errorf("unitkind.badID", "ID", k.ID)
	}
	if s.Known(k.ID) {
		return l10n.Errorf("unitkind.duplicate", "Value", k.ID)
	}
	if _, err := time.Parse(dueLayout, k.Due); k.Due != "" && err != nil {
		return l10n.Errorf("unitkind.badDue", "ID", k.ID, "Value", k.Due)
	}
	names := append([]string{k.Name}, k.Aliases...)
	for _, n := range names {
		if Normalize(n) == "" || len([]rune(n)) > maxText {
			return l10n.Errorf("unitkind.badName", "ID", k.ID, "Value", n)
		}
		if _, ok := s.Parse(n); ok {
			return l10n.Errorf("unitkind.duplicate", "Value", n)
		}
	}
	return nil
}

func validID(id string) bool {
	if id == "" || len(id) > maxText {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// dueLayout is how a kind's Due is written: month and day.
const dueLayout = "01-02"

// DueDate is the last day a unit of the kind may publish its report for
// reportYear: Due in the following year; false when the kind has none.
func (k Kind) DueDate(reportYear int) (time.Time, bool) {
	d, err := time.Parse(dueLayout, k.Due)
	if k.Due == "" || err != nil {
		return time.Time{}, false
	}
	return time.Date(reportYear+1, d.Month(), d.Day(), 0, 0, 0, 0, time.Local), true
}

// All returns the kinds in the order offered to the clerk.
func (s *Set) All() []Kind { return s.kinds }

// Known reports whether id is a kind's ID.
func (s *Set) Known(id string) bool {
	_, ok := s.Lookup(id)
	return ok
}

// Lookup returns the kind with the given ID.
func (s *Set) Lookup(id string) (Kind, bool) {
	for _, k := range s.kinds {
		if k.ID == id {
			return k, true
		}
	}
	return Kind{}, false
}

// Name returns the name of the kind with the given ID, or the ID itself
// for an unknown one (a kind of a province this machine does not know).
func (s *Set) Name(id string) string {
	if k, ok := s.Lookup(id); ok {
		return k.Name
	}
	return id
}

// Names returns the names of all kinds, in order.
func (s *Set) Names() []string {
	out := make([]string, len(s.kinds))
	for i, k := range s.kinds {
		out[i] = k.Name
	}
	return out
}

// Parse reads a kind given as its ID, its name or an alias, compared after
// Normalize (so 乡镇(街道) is 乡镇（街道）).
func (s *Set) Parse(text string) (Kind, bool) {
	n := Normalize(text)
	if n == "" {
		return Kind{}, false
	}
	for _, k := range s.kinds {
		if k.ID == n || Normalize(k.Name) == n {
			return k, true
		}
		for _, a := range k.Aliases {
			if Normalize(a) == n {
				return k, true
			}
		}
	}
	return Kind{}, false
}

// ParseOrError reads a kind the clerk typed: as Parse, or by a part of a
// name that names one kind only (省); else the error lists the kinds.
func (s *Set) ParseOrError(text string) (Kind, error) {
	if k, ok := s.Parse(text); ok {
		return k, nil
	}
	if n := Normalize(text); n != "" {
		var found []Kind
		for _, k := range s.kinds {
			if strings.Contains(Normalize(k.Name), n) {
				found = append(found, k)
			}
		}
		if len(found) == 1 {
			return found[0], nil
		}
	}
	labels := make([]string, len(s.kinds))
	for i, k := range s.kinds {
		labels[i] = fmt.Sprintf("%s（%s）", k.Name, k.ID)
	}
	return Kind{}, l10n.Errorf("report.badUnitKind", "Value", strings.TrimSpace(text), "Kinds", strings.Join(labels, "、"))
}

// Normalize returns a name as compared: without spaces of any width,
// full-width letters, digits and punctuation as their half-width forms.
// Unit names and kind names match after it.
func Normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' || r == '\u00a0' || r == '\ufeff':
			continue
		case r >= '！' && r <= '～':
			r -= '！' - '!'
		}
		b.WriteRune(r)
	}
	return strings.ToLower(b.String())
}
