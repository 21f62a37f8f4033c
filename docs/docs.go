// Package docs embeds the user guide so that the editor can show it (帮助 ▸
// 用户指南, F1) on an office PC without a browser or a network.
package docs

import _ "embed"

// UserGuide is docs/用户指南.md, in Markdown.
//
//go:embed 用户指南.md
var UserGuide string
