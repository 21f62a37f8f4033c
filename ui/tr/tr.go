// Package tr gives the editor's packages their user-interface strings: the
// embedded Chinese translations, through Fyne's lang package so that Fyne's
// own dialogs and menus speak Chinese too.
package tr

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"nianbao/assets"
	"nianbao/forms/l10n"
)

// locales are those our Chinese strings are registered for: Chinese, and
// English so that the editor is Chinese on an English system too. (On any
// other system language T still falls back to the same Chinese strings;
// only Fyne's own few words would follow the system.) Each registration
// parses the file, so there are no more than needed.
var locales = []string{"zh-Hans", "en"}

// Register hands the embedded translations to Fyne's lang package. The same
// file holds Fyne's own strings (Cancel, OK, Copy …) under their English
// keys, so dialogs and menus of Fyne's widgets are Chinese too.
func Register() error {
	data, err := assets.Translations.ReadFile("translations/" + l10n.Language + ".json")
	if err != nil {
		return err
	}
	for _, loc := range locales {
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(loc)); err != nil {
			return err
		}
	}
	return nil
}

// T returns the UI string for key with its {{.Name}} placeholders filled from
// args, given as alternating names and values. It goes through Fyne's lang
// package, with the core's lookup of the same file as the fallback.
func T(key string, args ...any) string {
	data := make(map[string]any, len(args)/2)
	for i := 0; i+1 < len(args); i += 2 {
		data[args[i].(string)] = args[i+1]
	}
	return lang.X(key, l10n.T(key, args...), data)
}
