package cli

import (
	"flag"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"nianbao/assets"
	"nianbao/forms/l10n"
	"nianbao/forms/registry"
)

var cmdFormats = &command{
	name: "formats", usage: "cli.formats.usage", summary: "cli.formats.summary",
	flags: func(fs *flag.FlagSet) { fs.String("dump", "", l10n.T("cli.formats.dump")) },
	run:   runFormats,
}

func runFormats(e *env, fset *flag.FlagSet, args []string) error {
	if len(args) > 0 {
		return e.usageError("cli.extraArgs", "Args", strings.Join(args, " "))
	}
	if id := flagString(fset, "dump"); id != "" {
		return dumpFormat(e, id)
	}
	for _, entry := range e.reg.All() {
		f := entry.Format
		years := fmt.Sprintf("%d—", f.Years.From)
		if f.Years.To != 0 {
			years += fmt.Sprint(f.Years.To)
		}
		source := l10n.T("registry.builtin")
		if !entry.Standard {
			source = entry.Source
		}
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\n", f.ID, entry.DisplayName(), years, source)
	}
	fmt.Fprintln(e.stdout, l10n.T("cli.formats.dirs", "Dirs", strings.Join(registry.UserDirs(), "；")))
	for _, err := range e.reg.Errors {
		fmt.Fprintln(e.stderr, err.Error())
	}
	return nil
}

// dumpFormat prints a format file, the starting point of a local variant.
func dumpFormat(e *env, id string) error {
	entry, ok := e.reg.Lookup(id)
	if !ok {
		return l10n.Errorf("cli.unknownFormat", "ID", id, "IDs", e.reg.IDs())
	}
	var data []byte
	var err error
	if entry.Standard {
		data, err = fs.ReadFile(assets.Formats, "formats/"+id+".json")
	} else {
		data, err = registry.ReadFormatFile(entry.Source)
	}
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(data)
	return err
}

var cmdVersion = &command{
	name: "version", usage: "cli.version.usage", summary: "cli.version.summary",
	run: func(e *env, _ *flag.FlagSet, _ []string) error {
		fmt.Fprintln(e.stdout, "nianbao "+Version)
		return nil
	},
}

// defaultYear is the report year a clerk works on now: last year.
func defaultYear() int { return time.Now().Year() - 1 }
