// Package filedlg asks for a file to save to or to open in one step, as the
// dialogs of Windows do: a folder with its files listed by name, date and
// size, places (桌面, 文档, 下载) to jump to, and a name field where Enter
// saves. On Windows it shows the system's own dialog (comdlg32); elsewhere,
// and where that fails, it draws one with Fyne. Neither creates or empties
// a file: the caller writes it, after the clerk has agreed to replace an
// existing one.
package filedlg

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"

	"nianbao/forms/safefile"
)

// Options say what to ask for.
type Options struct {
	Title string // 另存为, 打开, 导出为 PDF …
	// Save asks for a name to save under; else for an existing file.
	Save bool
	// Dir is the folder to start in; an empty or missing one gives the
	// user's 文档, else 桌面, else home folder.
	Dir string
	// Name is the suggested file name, with or without Ext.
	Name string
	// Ext is the extension of the files listed and of the name given
	// (".nianbao", ".pdf"); to open, several separated by ";" (".nianbao;.xlsx").
	Ext string
	// Kind names the files for the system dialog's filter (年报文件).
	Kind string
}

// Show asks for a path; then receives it, or "" when the clerk cancels.
func Show(w fyne.Window, o Options, then func(path string)) {
	o.Dir = StartDir(o.Dir)
	if o.Save {
		o.Name = FileName(o.Name, o.Ext)
	}
	if showNative(w, o, then) {
		return
	}
	newDialog(w, o, then).show()
}

// FileName makes a typed name a file name with extension ext: surrounding
// space trimmed, characters Windows forbids in names replaced by "_", ext
// added unless present; an empty name becomes 报告.
func FileName(name, ext string) string {
	name = safefile.Name(name)
	if name == "" || name == ext {
		name = "报告"
	}
	if !hasExt(name, ext) {
		name += ext
	}
	return name
}

// StartDir returns dir if it is a folder; else the user's 文档, 桌面 or
// home folder, the first that exists.
func StartDir(dir string) string {
	if isDir(dir) {
		return dir
	}
	for _, p := range Places() {
		if p.Key != placeHome {
			return p.Path
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return string(filepath.Separator)
}

func isDir(path string) bool {
	if path == "" {
		return false
	}
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// Place is a folder to jump to.
type Place struct {
	Key  string // the translation key of its name
	Path string
}

const placeHome = "ui.file.home"

// Places returns the user's 文档, 桌面 and 下载 folders that exist (under
// their English or Chinese names, as the system made them), then the home
// folder.
func Places() []Place {
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	var places []Place
	for _, p := range []struct {
		key   string
		names []string
	}{
		{"ui.file.documents", []string{"Documents", "文档", "My Documents"}},
		{"ui.file.desktop", []string{"Desktop", "桌面"}},
		{"ui.file.downloads", []string{"Downloads", "下载"}},
	} {
		for _, n := range p.names {
			if dir := filepath.Join(home, n); isDir(dir) {
				places = append(places, Place{p.key, dir})
				break
			}
		}
	}
	return append(places, Place{placeHome, home})
}
