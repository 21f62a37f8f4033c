package pdf

import (
	"bufio"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// roles are the family names of each part's font, best first: the official
// fonts government PCs have, the fonts Windows ships, the Founder (方正) and
// other fonts of 信创 systems, then the open fonts of Linux distributions.
// Only TrueType outlines can be used (Noto CJK and most Source Han fonts
// are CFF and are passed over).
var roles = map[string][]string{
	"title": {"方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05", "华文中宋", "STZhongsong"},
	"body": {"仿宋_GB2312", "FangSong_GB2312", "方正仿宋_GBK", "FZFangSong-Z02", "方正仿宋简体", "FZFangSong-Z02S",
		"仿宋", "FangSong", "华文仿宋", "STFangsong"},
	"heading1": {"黑体", "SimHei", "方正黑体_GBK", "FZHei-B01", "方正黑体简体", "FZHei-B01S", "华文黑体", "STHeiti",
		"Source Han Sans SC", "思源黑体", "WenQuanYi Zen Hei", "文泉驿正黑", "WenQuanYi Micro Hei", "文泉驿微米黑", "Droid Sans Fallback"},
	"heading2": {"楷体_GB2312", "KaiTi_GB2312", "方正楷体_GBK", "FZKai-Z03", "方正楷体简体", "FZKai-Z03S", "楷体", "KaiTi",
		"华文楷体", "STKaiti", "LXGW WenKai", "霞鹜文楷", "AR PL UKai CN", "AR PL KaitiM GB", "AR PL UKai TW"},
	"song": {"宋体", "SimSun", "方正书宋_GBK", "FZShuSong-Z01", "方正书宋简体", "FZShuSong-Z01S", "华文宋体", "STSong",
		"Source Han Serif SC", "思源宋体", "AR PL UMing CN", "AR PL SungtiL GB", "AR PL UMing TW"},
}

// partRoles are the roles each part takes its font from, in order: the
// title falls back to 黑体 as the bold face nearest 小标宋, the body to 宋体
// (a serif like 仿宋), the table to 仿宋.
var partRoles = map[string][]string{
	"title":    {"title", "heading1"},
	"body":     {"body", "song"},
	"heading1": {"heading1"},
	"heading2": {"heading2"},
	"table":    {"song", "body"},
}

// systemFontDirs are the font folders of Linux (信创 systems and others);
// FontDirs adds the user's and Windows'.
var systemFontDirs = []string{"/usr/share/fonts", "/usr/local/share/fonts"}

// fcList is fontconfig's lister, which knows folders configured elsewhere.
var fcList = "fc-list"

// FontDirs are the folders searched for fonts: Windows' own and the user's
// (fonts installed without admin rights go there), the user's and the
// system's font folders of Linux.
func FontDirs() []string {
	var dirs []string
	if win := os.Getenv("WINDIR"); win != "" {
		dirs = append(dirs, filepath.Join(win, "Fonts"))
	}
	if local := os.Getenv("LOCALAPPDATA"); local != "" {
		dirs = append(dirs, filepath.Join(local, "Microsoft", "Windows", "Fonts"))
	}
	if data := os.Getenv("XDG_DATA_HOME"); data != "" {
		dirs = append(dirs, filepath.Join(data, "fonts"))
	}
	if home := os.Getenv("HOME"); home != "" {
		dirs = append(dirs, filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, ".fonts"))
	}
	return append(dirs, systemFontDirs...)
}

// Bounds on what font discovery reads: font folders are walked this deep,
// this many font files are opened, this many fonts of a collection read.
const (
	maxFontDepth       = 8
	maxFontFiles       = 4000
	maxCollectionFonts = 32
	maxFcListOutput    = 4 << 20
)

// fontFiles lists the font files of FontDirs and fontconfig, each once,
// and stamps the folders they were found in (see fontIndex). Only regular
// files (or links to them) named .ttf, .ttc or .otf are listed; links to
// folders are not followed.
func fontFiles() ([]string, map[string]int64) {
	fc := make(chan []string, 1)
	go func() { fc <- fontconfigFiles() }()
	var files []string
	stamps := map[string]int64{}
	seen := map[string]bool{}
	add := func(path string) {
		ext := strings.ToLower(filepath.Ext(path))
		if (ext == ".ttf" || ext == ".ttc" || ext == ".otf") && !seen[path] && len(files) < maxFontFiles {
			seen[path] = true
			files = append(files, path)
		}
	}
	for _, dir := range FontDirs() {
		stamps[dir] = stamp(dir)
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return nil
			case d.IsDir() && strings.Count(strings.TrimPrefix(path, dir), string(filepath.Separator)) >= maxFontDepth:
				return fs.SkipDir
			case d.IsDir():
				stamps[path] = stamp(path)
			case d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0:
				add(path)
			}
			return nil
		})
	}
	for _, path := range <-fc {
		stamps[filepath.Dir(path)] = stamp(filepath.Dir(path))
		add(path)
	}
	return files, stamps
}

// fontconfigFiles are the font files fontconfig lists, if it is there.
func fontconfigFiles() []string {
	if fcList == "" {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, fcList, "--format=%{file}\n")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil
	}
	if cmd.Start() != nil {
		return nil
	}
	defer cmd.Wait()
	defer cancel()
	var files []string
	sc := bufio.NewScanner(&limitedReader{out, maxFcListOutput})
	for sc.Scan() {
		if path := sc.Text(); filepath.IsAbs(path) {
			files = append(files, filepath.Clean(path))
		}
	}
	return files
}

// limitedReader ends a stream after n bytes.
type limitedReader struct {
	r interface{ Read([]byte) (int, error) }
	n int
}

func (l *limitedReader) Read(b []byte) (int, error) {
	if l.n <= 0 {
		return 0, fs.ErrClosed
	}
	if len(b) > l.n {
		b = b[:l.n]
	}
	n, err := l.r.Read(b)
	l.n -= n
	return n, err
}

// systemFaces opens every usable font of the font files, or takes them
// from the font index while it is valid.
func systemFaces() []*face {
	if faces, ok := loadIndex(); ok {
		return faces
	}
	files, stamps := fontFiles()
	faces := openFaces(files)
	saveIndex(faces, stamps)
	return faces
}

// openFaces opens every usable font of the font files.
func openFaces(files []string) []*face {
	var faces []*face
	for _, path := range files {
		for i := 0; i < maxCollectionFonts && (i == 0 || strings.EqualFold(filepath.Ext(path), ".ttc")); i++ {
			f, err := openFace(path, i)
			if err != nil {
				break
			}
			faces = append(faces, f)
		}
	}
	return faces
}

// findFonts finds the best font of each part among the system's fonts; a
// part without one gets the bundled font.
func findFonts() Fonts {
	return chooseFonts(systemFaces())
}

// chooseFonts gives each part the first usable face whose family is in its
// roles, best first, with the others as alternates (tried when needed).
func chooseFonts(faces []*face) Fonts {
	find := func(part string) *Font {
		var matches []*face
		for _, role := range partRoles[part] {
			for _, family := range roles[role] {
				for _, f := range faces {
					if containsFold(f.families, family) && !slices.Contains(matches, f) && (len(matches) > 0 || f.usable()) {
						matches = append(matches, f)
					}
				}
			}
		}
		if len(matches) == 0 {
			return &Font{face: bundledFace()}
		}
		return &Font{face: matches[0], alts: matches[1:]}
	}
	fonts := Fonts{Title: find("title"), Body: find("body"), Heading1: find("heading1"), Heading2: find("heading2"), Table: find("table"), system: faces}
	return withBold(fonts)
}
