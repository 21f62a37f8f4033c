package export

import "strings"

// AppendixParts splits an appendix's heading, "附件：政府信息公开情况统计表",
// into what GB/T 9704 prints on an attachment's first page: the label
// flush left in 黑体 ("附件") and the title centred below it. A heading
// without "：" is all label.
func AppendixParts(heading string) (label, title string) {
	label, title, _ = strings.Cut(heading, "：")
	return label, title
}

// AppendixTitle is the title of an appendix section printed under its
// label: its table's own title, else the title part of its heading.
func (s *Section) AppendixTitle() string {
	for _, b := range s.Blocks {
		if b.Table != nil && b.Table.Title != "" {
			return b.Table.Title
		}
	}
	_, title := AppendixParts(s.Heading)
	return title
}
