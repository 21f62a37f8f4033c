// Package hwnd hands the editor's Windows-only code (input method, window
// placement, file dialogs) the native handle of a Fyne window. It has
// nothing to offer on other systems.
package hwnd
