// Package assets holds the files embedded in the nianbao binary: the report
// formats, the translations and (later) fonts and the icon. It holds data
// only; the packages that interpret the data live elsewhere.
package assets

import "embed"

// Formats holds the official report formats, one JSON file each, under
// "formats/". See docs/format-files.md for the schema.
//
//go:embed formats/*.json
var Formats embed.FS

// Translations holds the user-facing strings, one flat JSON object per
// language under "translations/", keyed by message ID. Values may use Go
// template placeholders such as {{.Name}}.
//
//go:embed translations/*.json
var Translations embed.FS

// SampleName is the file name of the sample report in Samples.
const SampleName = "示例-青溪县自然资源局-2025.nianbao"

// Samples holds sample reports under "samples/".
//
//go:embed samples/*.nianbao
var Samples embed.FS

// UIFont is the bundled CJK font (a subset of WenQuanYi Micro Hei, Apache-2.0;
// see fonts/README.md): the editor's font and the exports' fallback.
//
//go:embed fonts/WenQuanYiMicroHei-CJK.ttf
var UIFont []byte

// FallbackFont is the exports' fallback font: the characters of GBK, CJK
// Extension A and common symbols that UIFont lacks, from Droid Sans
// Fallback (Apache-2.0; see fonts/README.md). Only the exports read it.
//
//go:embed fonts/DroidSansFallback-GBK-ExtA.ttf
var FallbackFont []byte

// Icon is the program's icon (256×256 PNG), for the window and the Windows
// executable.
//
//go:embed icon.png
var Icon []byte

// UnitKinds holds the national kinds of reporting unit (package
// forms/unitkind reads it); a province adds its own in a formats folder.
//
//go:embed unitkinds.json
var UnitKinds []byte
