// Command nianbao is 年报助手, the tool for compiling a 政府信息公开工作年度报告.
// With a command name it runs the command line (nianbao help lists them).
package main

import (
	"os"

	"nianbao/cli"
	"nianbao/forms/report"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

func main() {
	cli.Version = version
	report.AppVersion = version
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
