package pdftext

// maxPages bounds the pages read: a report has 5–30.
const maxPages = 2000

// pageNode is a page with what it inherits from the page tree.
type pageNode struct {
	dict        dict
	res         dict
	media, crop array
	rotate      int64
}

// pages lists the document's pages in order, following the page tree
// from the catalog, each visited once (a crafted tree may loop).
func (f *file) pages() []pageNode {
	root := f.dictOf(f.trailer["Root"])
	if root == nil {
		root = f.findCatalog()
	}
	var out []pageNode
	seen := map[ref]bool{}
	var walk func(o object, inherit pageNode, depth int)
	walk = func(o object, inherit pageNode, depth int) {
		if r, ok := o.(ref); ok {
			if seen[r] {
				return
			}
			seen[r] = true
		}
		d := f.dictOf(o)
		if d == nil || depth > 64 || len(out) >= maxPages {
			return
		}
		if res := f.dictOf(d["Resources"]); res != nil {
			inherit.res = res
		}
		if b := f.arrayOf(d["MediaBox"]); len(b) == 4 {
			inherit.media = b
		}
		if b := f.arrayOf(d["CropBox"]); len(b) == 4 {
			inherit.crop = b
		}
		if r, ok := f.resolve(d["Rotate"]).(int64); ok {
			inherit.rotate = r
		}
		kids := f.arrayOf(d["Kids"])
		if d["Type"] == name("Page") || kids == nil && d["Contents"] != nil {
			inherit.dict = d
			out = append(out, inherit)
			return
		}
		for _, k := range kids {
			walk(k, inherit, depth+1)
		}
	}
	if root != nil {
		walk(root["Pages"], pageNode{}, 0)
	}
	return out
}

// findCatalog finds the catalog of a file whose trailer is lost.
func (f *file) findCatalog() dict {
	for _, o := range f.objects {
		if d, ok := o.(dict); ok && d["Type"] == name("Catalog") {
			return d
		}
	}
	return nil
}

// readPage runs a page's content.
func (f *file) readPage(n pageNode, fonts map[object]*font) *page {
	p := &page{box: [4]float64{0, 0, 595, 842}, rotate: int(((n.rotate%360)+360)%360) / 90 * 90}
	box := n.crop // what is shown: the crop box, else the media box
	if box == nil {
		box = n.media
	}
	if len(box) == 4 {
		for i, x := range box {
			p.box[i], _ = f.num(x)
		}
		if p.box[0] > p.box[2] {
			p.box[0], p.box[2] = p.box[2], p.box[0]
		}
		if p.box[1] > p.box[3] {
			p.box[1], p.box[3] = p.box[3], p.box[1]
		}
	}
	var content []byte
	switch c := f.resolve(n.dict["Contents"]).(type) {
	case *stream:
		if content = f.streamData(c); f.take(len(content)) != nil {
			content = nil // pages drawing one huge stream again and again
		}
	case array:
		for _, s := range c {
			data := f.streamData(s)
			if f.take(len(data)) != nil {
				break // the same stream listed a million times
			}
			content = append(content, data...)
			content = append(content, '\n')
		}
	}
	in := &interpreter{f: f, page: p, fonts: fonts, forms: map[*stream]bool{}}
	in.run(content, n.res, gstate{ctm: identity, th: 1})
	return p
}
