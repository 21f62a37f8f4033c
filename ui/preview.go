package ui

import (
	"errors"
	"os"
	"path/filepath"

	"nianbao/export"
	"nianbao/export/render"
	"nianbao/ui/shell"
)

// previewPDF writes the open report as a PDF in the user's cache folder, marked
// 草稿 while it has errors or blanks, and returns its path: what 预览 and 打印
// hand to the system, so that the clerk need not look for a file.
func (a *App) previewPDF() (string, error) {
	kind, _ := render.Lookup("pdf")
	// In the user's own cache folder: a shared temporary folder could hold
	// a folder of that name made by someone else.
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(cache, "nianbao", "preview")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, a.reportName()+kind.Extension)
	_, err = render.File(a.doc, kind, path, export.Options{Draft: a.result.Errors() > 0})
	return path, err
}

// preview shows the report as its PDF in the system's PDF reader.
func (a *App) preview() {
	if a.doc == nil {
		return
	}
	path, err := a.previewPDF()
	if err == nil {
		err = a.openWithSystem(path)
	}
	if err != nil {
		a.showError(err)
	}
}

// print prints the report's PDF with the system's PDF reader; where the
// system cannot print a file directly, it opens it there to print.
func (a *App) print() {
	if a.doc == nil {
		return
	}
	path, err := a.previewPDF()
	if err == nil {
		if err = a.printer(path); errors.Is(err, shell.ErrUnsupported) {
			err = a.openWithSystem(path)
		}
	}
	if err != nil {
		a.showError(err)
	}
}
