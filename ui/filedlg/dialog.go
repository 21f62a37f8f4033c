package filedlg

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"nianbao/ui/tr"
)

// maxListed bounds the entries a folder shows: a folder of a hundred
// thousand files must not stall the editor.
const maxListed = 2000

// item is one folder or file of the folder shown.
type item struct {
	name   string
	folder bool
	size   int64
	mod    time.Time
}

// fileDialog is the dialog drawn with Fyne.
type fileDialog struct {
	win  fyne.Window
	o    Options
	then func(path string)

	dir     string
	items   []item
	problem string

	where *widget.Label
	list  *widget.List
	name  *widget.Entry
	note  *widget.Label
	d     *dialog.CustomDialog
	shown bool
}

func newDialog(w fyne.Window, o Options, then func(string)) *fileDialog {
	f := &fileDialog{win: w, o: o, then: then}
	f.where = widget.NewLabel("")
	f.where.Truncation = fyne.TextTruncateEllipsis
	up := widget.NewButtonWithIcon(tr.T("ui.file.up"), theme.MoveUpIcon(), func() { f.open(filepath.Dir(f.dir)) })
	top := container.NewBorder(nil, nil, widget.NewLabel(tr.T("ui.file.in")), up, f.where)

	places := container.NewVBox()
	for _, p := range Places() {
		b := widget.NewButton(tr.T(p.Key), func() { f.open(p.Path) })
		b.Alignment, b.Importance = widget.ButtonAlignLeading, widget.LowImportance
		places.Add(b)
	}

	f.list = widget.NewList(f.count, f.template, f.fill)
	f.list.OnSelected = f.selected
	head := container.New(rowLayout{}, widget.NewIcon(nil), bold(tr.T("ui.file.name")), bold(tr.T("ui.file.modified")), bold(tr.T("ui.file.size")))
	files := container.NewBorder(head, nil, nil, nil, f.list)

	f.name = widget.NewEntry()
	f.name.SetText(o.Name)
	f.name.OnSubmitted = func(string) { f.accept() }
	f.note = widget.NewLabel("")
	f.note.Importance = widget.DangerImportance
	f.note.Hide()
	okText := tr.T("ui.file.open")
	if o.Save {
		okText = tr.T("ui.file.save")
	}
	ok := widget.NewButton(okText, f.accept)
	ok.Importance = widget.HighImportance
	cancel := widget.NewButton(tr.T("Cancel"), func() { f.finish("") })
	bottom := container.NewVBox(f.note, container.NewBorder(nil, nil, widget.NewLabel(tr.T("ui.file.fileName")), container.NewHBox(cancel, ok), f.name))

	body := container.NewBorder(top, bottom, container.NewVScroll(places), nil, files)
	f.d = dialog.NewCustomWithoutButtons(o.Title, body, w)
	f.open(o.Dir)
	return f
}

func bold(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// show opens the dialog with the cursor in the name field, its text
// selected so that typing replaces it.
func (f *fileDialog) show() {
	size := f.win.Canvas().Size()
	f.d.Resize(fyne.NewSize(min(780, size.Width-24), min(500, size.Height-24)))
	f.d.Show()
	f.shown = true
	f.win.Canvas().Focus(f.name)
	f.name.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// open shows the folder dir.
func (f *fileDialog) open(dir string) {
	f.dir = dir
	f.where.SetText(dir)
	f.items, f.problem = list(dir, f.o.Ext)
	f.list.UnselectAll()
	if f.shown {
		f.list.ScrollToTop()
	}
	f.list.Refresh()
	f.say(f.problem)
}

// say shows a problem under the list, or hides it.
func (f *fileDialog) say(msg string) {
	f.note.SetText(msg)
	f.note.Hidden = msg == ""
	f.note.Refresh()
}

// list reads the folders and the files with extension ext in dir: folders
// first, each group by name; hidden entries and anything that is not a
// regular file or a folder (a FIFO, a device) left out.
func list(dir, ext string) (items []item, problem string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, tr.T("ui.file.cannotList", "Detail", err.Error())
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || e.Type().IsRegular() && !hasExt(e.Name(), ext) {
			continue // hidden, or another kind of file: no need to ask the disk more
		}
		fi, err := os.Stat(filepath.Join(dir, e.Name())) // through links
		if err != nil {
			continue
		}
		switch {
		case fi.IsDir():
			items = append(items, item{name: e.Name(), folder: true, mod: fi.ModTime()})
		case fi.Mode().IsRegular() && hasExt(e.Name(), ext):
			items = append(items, item{name: e.Name(), size: fi.Size(), mod: fi.ModTime()})
		default:
			continue
		}
		if len(items) == maxListed {
			problem = tr.T("ui.file.tooMany", "Count", maxListed)
			break
		}
	}
	slices.SortFunc(items, func(a, b item) int {
		if a.folder != b.folder {
			if a.folder {
				return -1
			}
			return 1
		}
		return strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name))
	})
	return items, problem
}

func (f *fileDialog) count() int { return len(f.items) }

func (f *fileDialog) template() fyne.CanvasObject {
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	return container.New(rowLayout{}, widget.NewIcon(theme.FileIcon()), name, widget.NewLabel(""), widget.NewLabel(""))
}

func (f *fileDialog) fill(i widget.ListItemID, o fyne.CanvasObject) {
	it := f.items[i]
	row := o.(*fyne.Container).Objects
	icon, size := theme.FileIcon(), humanSize(it.size)
	if it.folder {
		icon, size = theme.FolderIcon(), ""
	}
	row[0].(*widget.Icon).SetResource(icon)
	row[1].(*widget.Label).SetText(it.name)
	row[2].(*widget.Label).SetText(it.mod.Format("2006-01-02 15:04"))
	row[3].(*widget.Label).SetText(size)
}

// selected enters a folder, or takes a file's name into the name field.
func (f *fileDialog) selected(i widget.ListItemID) {
	it := f.items[i]
	if it.folder {
		f.open(filepath.Join(f.dir, it.name))
		return
	}
	f.name.SetText(it.name)
	f.say("")
}

// accept goes into a folder named in the field, or gives the file named
// there: to save, after asking before one is replaced; to open, if it
// exists.
func (f *fileDialog) accept() {
	text := strings.TrimSpace(f.name.Text)
	if text == "" {
		return
	}
	path := text
	if !filepath.IsAbs(path) {
		path = filepath.Join(f.dir, text)
	}
	if isDir(path) {
		f.open(path)
		f.name.SetText(f.o.Name)
		return
	}
	if !f.o.Save {
		if first, _, _ := strings.Cut(f.o.Ext, ";"); !regular(path) && regular(path+first) {
			path += first
		}
		if !regular(path) {
			f.say(tr.T("ui.file.notFound", "Name", filepath.Base(path)))
			return
		}
		f.finish(path)
		return
	}
	dir := filepath.Dir(path)
	if !isDir(dir) {
		f.say(tr.T("ui.file.noFolder", "Folder", dir))
		return
	}
	path = filepath.Join(dir, FileName(filepath.Base(path), f.o.Ext))
	if exists(path) {
		askReplace(f.win, path, func(yes bool) {
			if yes {
				f.finish(path)
			}
		})
		return
	}
	f.finish(path)
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// askReplace asks whether the file at path may be replaced.
func askReplace(w fyne.Window, path string, answer func(yes bool)) {
	dialog.ShowConfirm(tr.T("ui.saveAs.exists"), tr.T("ui.saveAs.replace", "Name", filepath.Base(path)), answer, w)
}

// hasExt tells whether name ends in ext (".fragment.html" too), or in one
// of the extensions ext lists separated by ";", in any case.
func hasExt(name, ext string) bool {
	for _, e := range strings.Split(ext, ";") {
		if strings.HasSuffix(strings.ToLower(name), strings.ToLower(e)) {
			return true
		}
	}
	return false
}

func regular(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// finish closes the dialog and hands over path ("" when cancelled).
func (f *fileDialog) finish(path string) {
	f.d.Hide()
	f.then(path)
}

// humanSize writes a file size as Windows Explorer does, in KB from 1 KB.
func humanSize(n int64) string {
	switch {
	case n < 1024:
		return tr.T("ui.file.bytes", "Count", n)
	case n < 1024*1024:
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
}

// rowLayout places a list row: icon, name in the room left, then date and
// size in columns of fixed width.
type rowLayout struct{}

const (
	dateWidth = 150
	sizeWidth = 80
)

func (rowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	iconW := theme.IconInlineSize()
	nameW := max(size.Width-iconW-dateWidth-sizeWidth, 0)
	x := float32(0)
	for i, w := range []float32{iconW, nameW, dateWidth, sizeWidth} {
		h := objs[i].MinSize().Height
		if i == 0 {
			h = iconW
		}
		objs[i].Move(fyne.NewPos(x, (size.Height-h)/2))
		objs[i].Resize(fyne.NewSize(w, h))
		x += w
	}
}

func (rowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(theme.IconInlineSize()+dateWidth+sizeWidth+60, h)
}
