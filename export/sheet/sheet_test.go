package sheet_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/export/sheet"
)

func TestWrite(t *testing.T) {
	data, err := sheet.Write("批量检查", "已发布年报检查结果", []string{"文件", "错误"}, [][]any{{"甲.html", 2}, {"乙.txt", 0}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("批量检查")
	if len(rows) != 4 || rows[0][0] != "已发布年报检查结果" || rows[1][1] != "错误" || rows[2][0] != "甲.html" || rows[2][1] != "2" {
		t.Errorf("rows %v", rows)
	}
	if typ, _ := f.GetCellType("批量检查", "B3"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("a count is written as %v", typ)
	}
}

func TestText(t *testing.T) {
	got := string(sheet.Text([]string{"单位", "理由"}, [][]any{{"甲局", "表三有误\n请核对"}, {"乙局", 3}}))
	if want := "单位\t理由\n甲局\t表三有误；请核对\n乙局\t3\n"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if data, _ := sheet.ByExtension("名单.XLSX", "s", "t", []string{"a"}, nil); !bytes.HasPrefix(data, []byte("PK")) {
		t.Error(".XLSX is not a workbook")
	}
}
