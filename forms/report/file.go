package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/registry"
	"nianbao/forms/safefile"
	"nianbao/forms/value"
)

// FileType identifies report files; FileSchema is the version written.
const (
	FileType   = "nianbao-report"
	FileSchema = 1
)

// MaxFileSize bounds a report file. A full report is about 20 KB; texts
// pasted from elsewhere may make it larger, but never this large.
const MaxFileSize = 16 << 20

// AppVersion is recorded in saved files; main sets it at start-up.
var AppVersion = "dev"

// fileV1 is the JSON form of a report file (docs/report-file.md).
type fileV1 struct {
	Type        string            `json:"type"`
	Schema      int               `json:"schema"`
	App         string            `json:"app,omitempty"`
	Saved       string            `json:"saved,omitempty"`
	Format      string            `json:"format"`
	Year        int               `json:"year"`
	Unit        Unit              `json:"unit"`
	Preface     Preface           `json:"preface"`
	Texts       map[string]string `json:"texts"`
	Headings    map[string]string `json:"headings,omitempty"`
	Sections    []SectionEntry    `json:"sections,omitempty"`
	Cells       map[string]string `json:"cells"`
	Units       map[string]string `json:"units,omitempty"`
	TypedTotals bool              `json:"typedTotals,omitempty"`
	Closing     Closing           `json:"closing"`
	Prev        string            `json:"prev,omitempty"`
	// Consolidation is a consolidated report's workspace.
	Consolidation *Consolidation `json:"consolidation,omitempty"`
	// Uncertain marks imported cells not read with certainty.
	Uncertain map[string]Uncertainty `json:"uncertain,omitempty"`
}

// MinYear and MaxYear bound the report years a file may hold.
const (
	MinYear = 1990
	MaxYear = 2999
)

// ValidYear refuses report years no report can have.
func ValidYear(year int) error {
	if year < MinYear || year > MaxYear {
		return l10n.Errorf("report.badYear", "Year", year)
	}
	return nil
}

// nested lists the objects of the file whose unknown keys are kept too.
var nested = []string{"unit", "preface", "closing"}

// Marshal returns the file content of r, stamped with the time saved. Keys
// are in alphabetical order; keys this version does not know, read from the
// file (written by a later version), are written back as they were.
func (r *Report) Marshal(saved time.Time) ([]byte, error) {
	cells := make(map[string]string, len(r.Cells)+len(r.invalid)+len(r.unknown))
	maps.Copy(cells, r.unknown)
	maps.Copy(cells, r.invalid)
	for id, v := range r.Cells {
		if !v.IsBlank() {
			cells[id] = v.String()
		}
	}
	f := fileV1{
		Type: FileType, Schema: FileSchema, App: "nianbao " + AppVersion,
		Format: r.Format, Year: r.Year, Unit: r.Unit, Preface: r.Preface,
		Texts: r.Texts, Headings: r.Headings, Sections: r.Sections, Cells: cells, Units: r.Units,
		TypedTotals: r.TypedTotals, Closing: r.Closing, Prev: r.Prev,
		Consolidation: r.Consolidation, Uncertain: r.Uncertain,
	}
	if !saved.IsZero() {
		f.Saved = saved.Format(time.RFC3339)
	}
	if f.Texts == nil {
		f.Texts = map[string]string{}
	}
	top, err := toObject(f)
	if err != nil {
		return nil, err
	}
	for _, key := range nested {
		if len(r.extra[key]) == 0 {
			continue
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(top[key], &obj); err != nil {
			return nil, err
		}
		if top[key], err = encode(mergeMissing(obj, r.extra[key])); err != nil {
			return nil, err
		}
	}
	top = mergeMissing(top, r.extra[""])
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(top); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func encode(v any) (json.RawMessage, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSpace(b.Bytes()), nil
}

func toObject(v any) (map[string]json.RawMessage, error) {
	data, err := encode(v)
	if err != nil {
		return nil, err
	}
	var obj map[string]json.RawMessage
	return obj, json.Unmarshal(data, &obj)
}

func mergeMissing(obj, extra map[string]json.RawMessage) map[string]json.RawMessage {
	for k, v := range extra {
		if _, ok := obj[k]; !ok {
			obj[k] = v
		}
	}
	return obj
}

// keepUnknownKeys records the keys of the file's objects that fileV1 does
// not know, for Marshal to write back.
func (r *Report) keepUnknownKeys(data []byte) {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return
	}
	known, _ := toObject(fileV1{})
	r.extra = map[string]map[string]json.RawMessage{"": unknownKeys(top, known)}
	for _, key := range nested {
		var obj, knownObj map[string]json.RawMessage
		if json.Unmarshal(top[key], &obj) != nil || json.Unmarshal(known[key], &knownObj) != nil {
			continue
		}
		r.extra[key] = unknownKeys(obj, knownObj)
	}
}

// unknownKeys returns the entries of obj whose keys known lacks. Keys that
// fileV1 omits when empty are known too.
func unknownKeys(obj, known map[string]json.RawMessage) map[string]json.RawMessage {
	out := map[string]json.RawMessage{}
	for k, v := range obj {
		if _, ok := known[k]; !ok && !slices.Contains(omitEmptyKeys, k) {
			out[k] = v
		}
	}
	return out
}

// omitEmptyKeys are the fileV1 keys absent from an empty file.
var omitEmptyKeys = []string{"app", "saved", "text", "sections", "headings", "units", "typedTotals", "prev", "consolidation", "uncertain",
	"address", "postcode", "phone", "website", "organ", "date"}

// Limits of a report file beyond its size: what no report of ours holds,
// refused so that a crafted file cannot make a save explode (each level of
// nesting is indented again when saved).
const (
	MaxDepth       = 32      // nesting of objects and arrays
	MaxStoredCells = 100_000 // cells stored in the file, known or not
	MaxUnits       = 10_000  // units on a consolidation's list or board
	maxKinds       = 200     // unit kinds in a consolidation's breakdown (unitkind's limit)
)

// Unmarshal reads a report file's content. The format it names must be in
// reg. Errors are *l10n.Error with a message for the clerk. What loads can
// be saved again: a file that would grow past MaxFileSize when saved is
// refused here.
func Unmarshal(data []byte, reg *registry.Registry) (*Report, error) {
	data = withoutBOM(data)
	f, err := decode(data)
	if err != nil {
		return nil, err
	}
	entry, ok := reg.Lookup(f.Format)
	if !ok {
		return nil, l10n.Errorf("report.unknownFormat", "Format", f.Format)
	}
	r := New(f.Format, f.Year, f.Unit)
	r.keepUnknownKeys(data)
	r.Preface, r.Closing, r.Prev, r.TypedTotals = f.Preface, f.Closing, f.Prev, f.TypedTotals
	r.Consolidation = f.Consolidation
	r.Uncertain = f.Uncertain
	r.Sections = f.Sections
	r.Saved, _ = time.Parse(time.RFC3339, f.Saved)
	maps.Copy(r.Texts, f.Texts)
	maps.Copy(r.Headings, f.Headings)
	maps.Copy(r.Units, f.Units)
	for id, text := range f.Cells {
		c, ok := entry.Format.Cell(id)
		if !ok {
			r.keep(&r.unknown, id, text)
			continue
		}
		v, ok := decodeCell(c, text)
		if !ok {
			r.keep(&r.invalid, id, text)
			continue
		}
		if !v.IsBlank() {
			r.Cells[id] = v
		}
	}
	saved, err := r.Marshal(time.Time{})
	if err != nil {
		return nil, err
	}
	if len(saved)+stampRoom > MaxFileSize {
		return nil, l10n.Errorf("report.corrupt", "Detail", l10n.T("report.growsWhenSaved", "Max", MaxFileSize>>20))
	}
	return r, nil
}

// stampRoom is what saving adds to a file that Marshal without a time does
// not: the time saved and a longer version.
const stampRoom = 256

// decode checks and reads the content of a report file, all but what needs
// the report's format.
func decode(data []byte) (*fileV1, error) {
	if len(data) > MaxFileSize {
		return nil, l10n.Errorf("report.tooLargeContent", "Size", len(data)>>20, "Max", MaxFileSize>>20)
	}
	data = withoutBOM(data)
	trimmed := bytes.TrimSpace(data)
	switch {
	case len(trimmed) == 0:
		return nil, l10n.Errorf("report.empty")
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return nil, l10n.Errorf("report.officeFile")
	case trimmed[0] != '{':
		return nil, l10n.Errorf("report.foreign")
	case !utf8.Valid(data) && cutInRune(data):
		return nil, l10n.Errorf("report.truncated")
	case !utf8.Valid(data):
		return nil, l10n.Errorf("report.foreign")
	case jsonDepth(data) > MaxDepth:
		return nil, l10n.Errorf("report.corrupt", "Detail", l10n.T("report.tooDeep", "Max", MaxDepth))
	}
	var f fileV1
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, l10n.Wrap(err, "report.truncated")
		}
		return nil, l10n.Wrap(err, "report.corrupt", "Detail", errDetail(data, err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, l10n.Errorf("report.corrupt", "Detail", l10n.T("format.trailingData"))
	}
	switch {
	case f.Type != FileType:
		return nil, l10n.Errorf("report.foreign")
	case f.Schema > FileSchema:
		return nil, l10n.Errorf("report.newer", "App", f.App)
	case f.Schema < 1:
		return nil, l10n.Errorf("report.corrupt", "Detail", "schema")
	case ValidYear(f.Year) != nil:
		return nil, l10n.Errorf("report.corrupt", "Detail", ValidYear(f.Year).Error())
	case len(f.Cells) > MaxStoredCells || len(f.Uncertain) > MaxStoredCells:
		return nil, l10n.Errorf("report.corrupt", "Detail", l10n.T("report.tooManyCells", "Count", len(f.Cells), "Max", MaxStoredCells))
	case checkSections(f.Sections) != nil:
		return nil, l10n.Errorf("report.corrupt", "Detail", checkSections(f.Sections).Error())
	case f.Consolidation != nil && (len(f.Consolidation.Units) > MaxUnits || len(f.Consolidation.Expected) > MaxUnits ||
		len(f.Consolidation.Cells) > MaxStoredCells || len(f.Consolidation.ByKind) > maxKinds ||
		len(f.Consolidation.Records) > MaxUnits || len(f.Consolidation.Deadlines) > maxKinds || !boundedRecords(f.Consolidation)):
		return nil, l10n.Errorf("report.corrupt", "Detail", l10n.T("report.tooManyUnits", "Max", MaxUnits))
	}
	return &f, nil
}

// withoutBOM drops the byte-order mark Notepad writes in front of UTF-8.
func withoutBOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) }

// checkSavable refuses file content that loading would refuse.
func checkSavable(data []byte) error {
	if len(data) > MaxFileSize {
		return l10n.Errorf("report.wouldBeTooLarge", "Size", len(data)>>20, "Max", MaxFileSize>>20)
	}
	if _, err := decode(data); err != nil {
		return l10n.Wrap(err, "report.wouldNotLoad", "Detail", err.Error())
	}
	return nil
}

// cutInRune reports whether data is valid UTF-8 but for a character cut
// short at its end: a file cut off while it was written.
func cutInRune(data []byte) bool {
	for k := 1; k <= utf8.UTFMax-1 && k <= len(data); k++ {
		head, tail := data[:len(data)-k], data[len(data)-k:]
		if utf8.RuneStart(tail[0]) && !utf8.FullRune(tail) {
			return utf8.Valid(head)
		}
	}
	return false
}

// jsonDepth returns the deepest nesting of objects and arrays in JSON text,
// without parsing it; text that is not JSON gives a number all the same.
func jsonDepth(data []byte) int {
	depth, deepest, inString, escaped := 0, 0, false, false
	for _, b := range data {
		switch {
		case inString && escaped:
			escaped = false
		case inString && b == '\\':
			escaped = true
		case inString && b == '"':
			inString = false
		case inString:
		case b == '"':
			inString = true
		case b == '{' || b == '[':
			depth++
			deepest = max(deepest, depth)
		case b == '}' || b == ']':
			depth--
		}
	}
	return deepest
}

func (r *Report) keep(m *map[string]string, id, text string) {
	if *m == nil {
		*m = map[string]string{}
	}
	(*m)[id] = text
}

// decodeCell reads a stored cell: "/" for 不适用, canonical numbers for
// number cells, anything for text cells. A number keeps the decimals it is
// stored with ("73802895.90"), as typing keeps them: up to the cell's
// decimals, and always those the number needs.
func decodeCell(c *format.Cell, text string) (value.Value, bool) {
	switch {
	case text == "":
		return value.Value{}, true
	case text == value.NAMark:
		return value.NotApplicable, true
	case c.Spec.Kind == format.Text:
		return value.Value{State: value.Text, Text: text}, true
	}
	v, err := value.ParseValue(text)
	if err != nil {
		return value.Value{}, false
	}
	return value.Scaled(v.Num, min(int(v.Scale), c.Spec.Input().Decimals)), true
}

func errDetail(data []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return l10n.T("json.syntaxAt", "Line", bytes.Count(data[:min(int(syn.Offset), len(data))], []byte("\n"))+1)
	case errors.As(err, &typ):
		return l10n.T("json.typeAt", "Line", bytes.Count(data[:min(int(typ.Offset), len(data))], []byte("\n"))+1, "Field", typ.Field)
	}
	return err.Error()
}

// Load reads the report file at path. It never writes anything.
func Load(path string, reg *registry.Registry) (*Report, error) {
	r, _, err := load(path, reg)
	return r, err
}

// load is Load, also returning the fingerprint of the content read.
func load(path string, reg *registry.Registry) (*Report, fingerprint, error) {
	data, err := safefile.ReadLimited(path, MaxFileSize, "report.tooLarge")
	if err != nil {
		return nil, fingerprint{}, err
	}
	r, err := Unmarshal(data, reg)
	if err != nil {
		return nil, fingerprint{}, fileError(path, err)
	}
	return r, fingerprintOf(data), nil
}

// fingerprint identifies a file's content, to tell whether another
// program changed the file since it was read.
type fingerprint [sha256.Size]byte

func fingerprintOf(data []byte) fingerprint { return sha256.Sum256(data) }

// fileError puts the file name in front of a content error and, when a
// backup exists, says where it is.
func fileError(path string, err error) error {
	var le *l10n.Error
	if !errors.As(err, &le) {
		return err
	}
	msg := []any{"Path", path, "Detail", le.Error()}
	if _, statErr := os.Stat(path + safefile.BackupSuffix); statErr == nil && strings.HasPrefix(le.Key, "report.") &&
		le.Key != "report.newer" && le.Key != "report.unknownFormat" {
		return l10n.Wrap(err, "report.openFailedBackup", append(msg, "Backup", path+safefile.BackupSuffix)...)
	}
	return l10n.Wrap(err, "report.openFailed", msg...)
}

// Save writes r to path atomically, keeping the previous file as a backup
// when it is a report file that loads. Content that loading would refuse
// is not written: the file on disk stays as it was.
func (r *Report) Save(path string) error {
	_, err := r.save(path)
	return err
}

// MarshalSavable is Marshal for content that will be written: content
// that loading would refuse is an error instead, since a file that does
// not load again is worse than none.
func (r *Report) MarshalSavable(saved time.Time) ([]byte, error) {
	data, err := r.Marshal(saved)
	if err != nil {
		return nil, err
	}
	return data, checkSavable(data)
}

// save is Save, returning the content written.
func (r *Report) save(path string) ([]byte, error) {
	data, err := r.MarshalSavable(time.Now())
	if err != nil {
		return nil, l10n.Wrap(err, "report.notSaved", "Path", path, "Detail", err.Error())
	}
	return data, safefile.Write(path, data, safefile.Options{
		Backup:      true,
		BackupLimit: MaxFileSize,
		BackupValid: func(old []byte) bool { _, err := decode(old); return err == nil },
	})
}

// IsReportFile reports whether the file at path holds a report: a file
// no export or other output may replace.
func IsReportFile(path string) bool {
	data, err := safefile.ReadLimited(path, MaxFileSize, "report.tooLarge")
	if err != nil {
		return false
	}
	_, err = decode(data)
	return err == nil
}

// Invalid returns the stored text of cells that could not be read as their
// kind, by cell ID. They are kept and saved back unchanged until set anew.
func (r *Report) Invalid() map[string]string { return r.invalid }

// Unknown returns stored cells the report's format does not have, by ID.
// They are saved back unchanged.
func (r *Report) Unknown() map[string]string { return r.unknown }

// maxReasonBytes bounds a stored reason (the review's own limit is 8,000
// characters).
const maxReasonBytes = 32 << 10

// boundedRecords refuses records and board entries no run of ours makes:
// none missing, histories, problems and changes within their limits.
func boundedRecords(c *Consolidation) bool {
	for _, u := range c.Units {
		if len(u.Problems) > MaxProblems {
			return false
		}
	}
	for _, r := range c.Records {
		if r == nil || len(r.History) > MaxHistory || len(r.Reason) > maxReasonBytes ||
			r.Locked != nil && (len(r.Locked.Cells) > MaxStoredCells || len(r.Locked.Entry.Problems) > MaxProblems) {
			return false
		}
		for _, h := range r.History {
			if len(h.Changed) > MaxChanged || len(h.Fixed) > MaxProblems || len(h.Reason) > maxReasonBytes {
				return false
			}
		}
	}
	return true
}
