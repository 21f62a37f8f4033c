// Command nianbao is 年报助手, the tool for compiling a 政府信息公开工作年度报告.
//
// Without arguments it opens the editor; with a report file it opens that
// file in the editor (this is how a double-clicked file arrives); with a
// command name it runs the command line (nianbao help lists the commands).
package main

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"nianbao/assets"
	"nianbao/cli"
	"nianbao/forms/report"
	"nianbao/ui"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// appID identifies the app to Fyne (preferences, storage).
const appID = "cn.nianbao.editor"

func main() {
	cli.Version = version
	report.AppVersion = version
	args := os.Args[1:]
	if len(args) == 0 || (len(args) == 1 && !cli.IsCommand(args[0])) {
		path := ""
		if len(args) == 1 {
			path = args[0]
		}
		runEditor(func(started func()) {
			a := app.NewWithID(appID)
			a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
			ui.Run(a, path, started)
		})
		return
	}
	os.Exit(cli.Run(args, os.Stdout, os.Stderr))
}
