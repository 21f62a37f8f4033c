package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"nianbao/assets"
	"nianbao/forms/l10n"
)

// fyneLocales are the languages Fyne ships translations for. Our Chinese
// strings are registered for each of them, and for Chinese itself, so that
// the editor is Chinese whatever the system's language.
var fyneLocales = []string{"en", "cs", "de", "el", "es", "fr", "ja", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

// RegisterTranslations hands the embedded translations to Fyne's lang
// package. The same file holds Fyne's own strings (Cancel, OK, Copy …) under
// their English keys, so dialogs and menus of Fyne's widgets are Chinese too.
func RegisterTranslations() error {
	data, err := assets.Translations.ReadFile("translations/" + l10n.Language + ".json")
	if err != nil {
		return err
	}
	for _, loc := range fyneLocales {
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
