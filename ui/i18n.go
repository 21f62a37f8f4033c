package ui

import "nianbao/ui/tr"

// RegisterTranslations hands the embedded translations to Fyne's lang
// package (see package tr).
func RegisterTranslations() error { return tr.Register() }

// T returns the UI string for key with its placeholders filled from args,
// given as alternating names and values (see tr.T).
func T(key string, args ...any) string { return tr.T(key, args...) }
