// Package l10n looks up the user-facing messages of the core and the command
// line in the embedded translation files. The GUI reads the same files through
// Fyne's lang package, so every Chinese string lives in one place.
package l10n

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"text/template"

	"nianbao/assets"
)

// Language is the translation file the core uses.
const Language = "zh-Hans"

var (
	loadOnce  sync.Once
	messages  map[string]string
	templates sync.Map // key -> *template.Template
)

func load() {
	data, err := assets.Translations.ReadFile("translations/" + Language + ".json")
	if err != nil {
		panic("l10n: embedded translation missing: " + err.Error())
	}
	var all map[string]any
	if err := json.Unmarshal(data, &all); err != nil {
		panic("l10n: embedded translation is not valid JSON: " + err.Error())
	}
	// Plural forms ({"other": …}) are for Fyne's own strings; we use flat ones.
	messages = make(map[string]string, len(all))
	for k, v := range all {
		if s, ok := v.(string); ok {
			messages[k] = s
		}
	}
}

// Has reports whether key has a translation.
func Has(key string) bool {
	loadOnce.Do(load)
	_, ok := messages[key]
	return ok
}

// T returns the message for key with its {{.Name}} placeholders filled from
// args, given as alternating names and values: T("file.notFound", "Path", p).
// An unknown key is returned as is so that a missing translation shows up
// instead of vanishing; a test keeps every key used in code translated.
func T(key string, args ...any) string {
	loadOnce.Do(load)
	msg, ok := messages[key]
	if !ok {
		return key
	}
	if !strings.Contains(msg, "{{") {
		return msg
	}
	tpl, ok := templates.Load(key)
	if !ok {
		parsed, err := template.New(key).Option("missingkey=zero").Parse(msg)
		if err != nil {
			return msg
		}
		tpl, _ = templates.LoadOrStore(key, parsed)
	}
	data := make(map[string]any, len(args)/2)
	for i := 0; i+1 < len(args); i += 2 {
		data[fmt.Sprint(args[i])] = args[i+1]
	}
	var b strings.Builder
	if err := tpl.(*template.Template).Execute(&b, data); err != nil {
		return msg
	}
	return b.String()
}

// Error is an error whose text is a translated message. Core packages return
// it so that callers can both show the Chinese text and test the key.
type Error struct {
	Key  string
	Args []any
	Err  error // the underlying cause, if any
}

// Errorf returns an *Error for key with the given template arguments.
func Errorf(key string, args ...any) *Error { return &Error{Key: key, Args: args} }

// Wrap returns an *Error for key that wraps cause.
func Wrap(cause error, key string, args ...any) *Error {
	return &Error{Key: key, Args: args, Err: cause}
}

func (e *Error) Error() string { return T(e.Key, e.Args...) }

func (e *Error) Unwrap() error { return e.Err }

// HasKey reports whether err or an error it wraps is an *Error for key.
func HasKey(err error, key string) bool {
	for err != nil {
		if le, ok := err.(*Error); ok && le.Key == key {
			return true
		}
		err = errors.Unwrap(err)
	}
	return false
}
