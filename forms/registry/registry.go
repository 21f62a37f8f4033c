// Package registry knows the report formats available on this machine: the
// official ones embedded in the binary and the local variants a user places
// in a formats folder. Every format is validated and its rules compiled when
// loaded, so the rest of the program only sees formats that work.
package registry

import (
	"cmp"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"nianbao/assets"
	"nianbao/forms/format"
	"nianbao/forms/l10n"
	"nianbao/forms/rules"
	"nianbao/forms/safefile"
	"nianbao/forms/unitkind"
)

// EnvDirs names the environment variable that adds formats folders, separated
// like PATH.
const EnvDirs = "NIANBAO_FORMATS"

// Entry is a loaded, validated format with its compiled rules.
type Entry struct {
	Format *format.Format
	Rules  *rules.Set
	// Standard is true for the official formats embedded in the program and
	// false for local variants, which are marked 非标准 wherever shown.
	Standard bool
	// Source is the file a local variant was read from.
	Source string
}

// DisplayName is the format's name as shown to the clerk.
func (e *Entry) DisplayName() string {
	if e.Standard {
		return e.Format.Name
	}
	return l10n.T("registry.nonStandard", "Name", e.Format.Name)
}

// LoadError is a format file that could not be used.
type LoadError struct {
	Path string
	Err  error
}

func (e *LoadError) Error() string {
	return l10n.T("registry.loadFailed", "Path", e.Path, "Detail", e.Err.Error())
}

func (e *LoadError) Unwrap() error { return e.Err }

// Registry holds the available formats and the kinds of reporting unit.
type Registry struct {
	entries []*Entry
	// Kinds are the unit kinds: the national ones and those of
	// unitkind.FileName files in the formats folders.
	Kinds *unitkind.Set
	// Errors lists the local format files that were skipped, and why.
	Errors []*LoadError
}

var (
	builtinOnce    sync.Once
	builtinEntries []*Entry
)

// builtin parses and compiles the embedded formats once per process.
func builtin() []*Entry {
	builtinOnce.Do(func() {
		files, err := fs.Glob(assets.Formats, "formats/*.json")
		if err != nil {
			panic(err)
		}
		for _, name := range files {
			data, err := assets.Formats.ReadFile(name)
			if err != nil {
				panic(err)
			}
			e, err := compile(data, unitkind.Builtin())
			if err != nil {
				panic("registry: embedded format " + name + " is invalid: " + err.Error())
			}
			e.Standard = true
			builtinEntries = append(builtinEntries, e)
		}
		slices.SortFunc(builtinEntries, func(a, b *Entry) int { return cmp.Compare(b.Format.Years.From, a.Format.Years.From) })
	})
	return builtinEntries
}

func compile(data []byte, kinds *unitkind.Set) (*Entry, error) {
	f, err := format.Parse(data)
	if err != nil {
		return nil, err
	}
	if err := f.CheckUnitKinds(kinds.Known); err != nil {
		return nil, err
	}
	set, err := rules.Compile(f)
	if err != nil {
		return nil, err
	}
	return &Entry{Format: f, Rules: set}, nil
}

// Builtin returns a registry of the embedded formats only.
func Builtin() *Registry {
	return &Registry{entries: slices.Clone(builtin()), Kinds: unitkind.Builtin()}
}

// Load returns a registry of the embedded formats and the *.json format files
// in dirs, with the unit kinds of the unitkind.FileName files there (read
// first: a local format may limit rules to a local kind). Folders that do
// not exist are skipped; files that fail are listed in Errors and skipped,
// never fatal.
func Load(dirs ...string) *Registry {
	r := Builtin()
	for _, dir := range dirs {
		path := filepath.Join(dir, unitkind.FileName)
		if _, err := os.Lstat(path); err != nil {
			continue
		}
		data, err := safefile.ReadLimited(path, unitkind.MaxFileSize, "unitkind.tooLargeFile")
		if err == nil {
			err = r.Kinds.Add(data)
		}
		if err != nil {
			r.Errors = append(r.Errors, &LoadError{Path: path, Err: err})
		}
	}
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, path := range files {
			if filepath.Base(path) == unitkind.FileName {
				continue
			}
			if err := r.addFile(path); err != nil {
				r.Errors = append(r.Errors, &LoadError{Path: path, Err: err})
			}
		}
	}
	return r
}

// Default loads the registry from the standard folders (UserDirs).
func Default() *Registry { return Load(UserDirs()...) }

// UserDirs returns the folders searched for local formats, in order: those in
// $NIANBAO_FORMATS, "formats" beside the program (for a copy on a USB stick)
// and "nianbao/formats" in the user's configuration folder
// (%APPDATA%\nianbao\formats on Windows, ~/.config/nianbao/formats on Linux).
func UserDirs() []string {
	var dirs []string
	if env := os.Getenv(EnvDirs); env != "" {
		dirs = append(dirs, filepath.SplitList(env)...)
	}
	if exe, err := os.Executable(); err == nil {
		dirs = append(dirs, filepath.Join(filepath.Dir(exe), "formats"))
	}
	if cfg, err := os.UserConfigDir(); err == nil {
		dirs = append(dirs, filepath.Join(cfg, "nianbao", "formats"))
	}
	return dirs
}

// ReadFormatFile reads a local format file: a regular file of at most
// format.MaxFileSize bytes, so that a pipe or a link to a device in a
// formats folder can neither hang nor exhaust the program.
func ReadFormatFile(path string) ([]byte, error) {
	return safefile.ReadLimited(path, format.MaxFileSize, "format.fileTooLarge")
}

func (r *Registry) addFile(path string) error {
	data, err := ReadFormatFile(path)
	if err != nil {
		return err
	}
	e, err := compile(data, r.Kinds)
	if err != nil {
		return err
	}
	if prev, ok := r.Lookup(e.Format.ID); ok {
		return l10n.Errorf("registry.duplicateID", "ID", e.Format.ID, "Other", cmp.Or(prev.Source, l10n.T("registry.builtin")))
	}
	e.Source = path
	r.entries = append(r.entries, e)
	return nil
}

// All returns every format: the official ones newest first, then the local ones.
func (r *Registry) All() []*Entry { return r.entries }

// Lookup returns the format with the given ID.
func (r *Registry) Lookup(id string) (*Entry, bool) {
	for _, e := range r.entries {
		if e.Format.ID == id {
			return e, true
		}
	}
	return nil, false
}

// ForYear returns the official format for a report year. Years after the
// newest format get the newest; years before the oldest are refused.
func (r *Registry) ForYear(year int) (*Entry, error) {
	var newest *Entry
	for _, e := range r.entries {
		if !e.Standard {
			continue
		}
		if e.Format.Years.Contains(year) {
			return e, nil
		}
		if newest == nil || e.Format.Years.From > newest.Format.Years.From {
			newest = e
		}
	}
	if newest != nil && year > newest.Format.Years.From {
		return newest, nil
	}
	return nil, l10n.Errorf("registry.noFormatForYear", "Year", year)
}

// IDs returns the IDs of all formats, for messages.
func (r *Registry) IDs() string {
	ids := make([]string, len(r.entries))
	for i, e := range r.entries {
		ids[i] = e.Format.ID
	}
	return strings.Join(ids, "、")
}
