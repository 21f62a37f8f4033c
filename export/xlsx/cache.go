package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// formulaCell matches a formula cell as excelize writes it.
var formulaCell = regexp.MustCompile(`<c r="([A-Z]+[0-9]+)"((?: [a-z]+="[^"]*")*)><f>([^<]*)</f>(?:<v>[^<]*</v>)?</c>`)

// typeAttr matches the type attribute of a cell.
var typeAttr = regexp.MustCompile(` t="[^"]*"`)

// cachedValues are the results of a workbook's formulas, by sheet and cell.
type cachedValues map[string]map[string]any

func (cv cachedValues) set(sheet, cell string, v any) {
	if cv[sheet] == nil {
		cv[sheet] = map[string]any{}
	}
	cv[sheet][cell] = v
}

// addCaches writes the cached result of every formula of cv into the
// worksheets of data, a workbook excelize wrote: excelize has no call that
// sets a formula together with its result. A number is typed as one, so
// that a reader that does not recalculate shows it formatted and an import
// tool reads a number; a text is typed as a formula string. sheetIDs maps
// excelize's sheet IDs to names: a new excelize workbook keeps sheet N in
// xl/worksheets/sheetN.xml.
func addCaches(data []byte, cv cachedValues, sheetIDs map[int]string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	parts := map[string]map[string]any{}
	for id, name := range sheetIDs {
		parts["xl/worksheets/sheet"+strconv.Itoa(id)+".xml"] = cv[name]
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		body, err := readPart(zf)
		if err != nil {
			return nil, err
		}
		if cells := parts[zf.Name]; cells != nil {
			body = formulaCell.ReplaceAllFunc(body, func(c []byte) []byte {
				m := formulaCell.FindSubmatch(c)
				v, ok := cells[string(m[1])]
				if !ok {
					return c
				}
				attrs := typeAttr.ReplaceAll(m[2], nil)
				var val bytes.Buffer
				switch v := v.(type) {
				case int64, float64:
					fmt.Fprint(&val, v)
				default:
					attrs = append(attrs, ` t="str"`...)
					xml.EscapeText(&val, []byte(fmt.Sprint(v)))
				}
				return fmt.Appendf(nil, `<c r="%s"%s><f>%s</f><v>%s</v></c>`, m[1], attrs, m[3], val.Bytes())
			})
		}
		h := zf.FileHeader
		w, err := zw.CreateHeader(&zip.FileHeader{Name: h.Name, Method: h.Method, Modified: h.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(body); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func readPart(zf *zip.File) ([]byte, error) {
	r, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}
