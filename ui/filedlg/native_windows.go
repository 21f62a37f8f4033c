package filedlg

import (
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"unicode/utf16"
	"unsafe"

	"fyne.io/fyne/v2"

	"nianbao/ui/hwnd"
)

var (
	ole32              = syscall.NewLazyDLL("ole32.dll")
	coInitializeEx     = ole32.NewProc("CoInitializeEx")
	coUninitialize     = ole32.NewProc("CoUninitialize")
	comdlg32           = syscall.NewLazyDLL("comdlg32.dll")
	getSaveFileName    = comdlg32.NewProc("GetSaveFileNameW")
	getOpenFileName    = comdlg32.NewProc("GetOpenFileNameW")
	commDlgExtendedErr = comdlg32.NewProc("CommDlgExtendedError")
)

// openFileName is OPENFILENAMEW; Go lays it out as C does on 386 and amd64.
type openFileName struct {
	structSize    uint32
	owner         uintptr
	instance      uintptr
	filter        *uint16
	customFilter  *uint16
	maxCustFilter uint32
	filterIndex   uint32
	file          *uint16
	maxFile       uint32
	fileTitle     *uint16
	maxFileTitle  uint32
	initialDir    *uint16
	title         *uint16
	flags         uint32
	fileOffset    uint16
	fileExtension uint16
	defExt        *uint16
	custData      uintptr
	hook          uintptr
	templateName  *uint16
	reserved      uintptr
	reservedDW    uint32
	flagsEx       uint32
}

// Flags of OPENFILENAMEW.
const (
	ofnOverwritePrompt  = 0x00000002
	ofnHideReadOnly     = 0x00000004
	ofnNoChangeDir      = 0x00000008
	ofnPathMustExist    = 0x00000800
	ofnFileMustExist    = 0x00001000
	ofnNoTestFileCreate = 0x00010000
	ofnExplorer         = 0x00080000
)

// errNoNative tells that the system could not show its dialog.
var errNoNative = errors.New("filedlg: the system's file dialog failed")

// maxPath is the room for the chosen path, in UTF-16 units.
const maxPath = 32768

// showNative shows the common dialog of Windows, owned by the editor's
// window, on a thread of its own so that the editor keeps painting; the
// answer comes back on Fyne's goroutine.
func showNative(w fyne.Window, o Options, then func(string)) bool {
	if comdlg32.Load() != nil {
		return false
	}
	owner := uintptr(0)
	hwnd.Run(w, func(h uintptr) { owner = h })
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		// The dialog browses through the shell, which wants COM on its thread.
		if r, _, _ := coInitializeEx.Call(0, coinitApartmentThreaded); int32(r) >= 0 {
			defer coUninitialize.Call()
		}
		path, renamed, err := commonDialog(owner, o)
		fyne.Do(func() {
			switch {
			case err != nil: // the system could not show it: ours instead
				newDialog(w, o, then).show()
			case renamed && exists(path): // a name the system's question did not cover
				askReplace(w, path, func(yes bool) {
					if yes {
						then(path)
					} else {
						then("")
					}
				})
			default:
				then(path)
			}
		})
	}()
	return true
}

// coinitApartmentThreaded is COINIT_APARTMENTTHREADED.
const coinitApartmentThreaded = 0x2

// commonDialog runs GetSaveFileName or GetOpenFileName; it returns "" when
// the clerk cancels, errNoNative when the dialog could not be shown, and
// whether FileName changed the name the clerk agreed to (a name typed with
// another extension gets ours), so that the system's question about
// replacing a file does not cover it.
func commonDialog(owner uintptr, o Options) (path string, renamed bool, err error) {
	first, _, _ := strings.Cut(o.Ext, ";")
	ext := strings.TrimPrefix(first, ".")
	patterns := "*" + strings.ReplaceAll(o.Ext, ";", ";*")
	filter := utf16.Encode([]rune(o.Kind + " (" + patterns + ")\x00" + patterns + "\x00\x00")) // pairs, then an empty one
	file := make([]uint16, maxPath)
	copy(file[:maxPath-1], utf16.Encode([]rune(o.Name)))
	title, _ := syscall.UTF16PtrFromString(o.Title)
	dir, _ := syscall.UTF16PtrFromString(o.Dir)
	defExt, _ := syscall.UTF16PtrFromString(ext)
	ofn := openFileName{
		owner: owner, filter: &filter[0], filterIndex: 1,
		file: &file[0], maxFile: maxPath, initialDir: dir, title: title, defExt: defExt,
		flags: ofnExplorer | ofnHideReadOnly | ofnNoChangeDir | ofnPathMustExist | ofnNoTestFileCreate,
	}
	ofn.structSize = uint32(unsafe.Sizeof(ofn))
	proc := getOpenFileName
	if o.Save {
		proc, ofn.flags = getSaveFileName, ofn.flags|ofnOverwritePrompt
	} else {
		ofn.flags |= ofnFileMustExist
	}
	if r, _, _ := proc.Call(uintptr(unsafe.Pointer(&ofn))); r == 0 {
		if code, _, _ := commDlgExtendedErr.Call(); code != 0 {
			return "", false, errNoNative
		}
		return "", false, nil // cancelled
	}
	chosen := syscall.UTF16ToString(file)
	if !o.Save {
		return chosen, false, nil
	}
	path = filepath.Join(filepath.Dir(chosen), FileName(filepath.Base(chosen), o.Ext))
	return path, path != chosen, nil
}
