package safefile

import (
	"strings"
	"unicode/utf8"
)

// maxNameRunes bounds a name made from text (a unit's name): well under
// the 255 bytes a file name may have, in UTF-8 and in UTF-16.
const maxNameRunes = 80

// reservedNames are names Windows gives devices, with any extension.
var reservedNames = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true}

// Name makes text a file name every system takes: the characters Windows
// forbids (and control characters) replaced by "_", surrounding spaces and
// trailing dots dropped, at most 80 characters, a device name (CON, NUL …)
// given a "_"; "" stays "" for the caller to name.
func Name(text string) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, strings.TrimSpace(text))
	if utf8.RuneCountInString(name) > maxNameRunes {
		name = string([]rune(name)[:maxNameRunes])
	}
	name = strings.TrimRight(name, ". ")
	stem, _, _ := strings.Cut(name, ".")
	if reservedNames[strings.ToUpper(strings.TrimSpace(stem))] {
		name = "_" + name
	}
	return name
}
