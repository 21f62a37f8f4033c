package prose

import "testing"

func TestParts(t *testing.T) {
	for text, want := range map[string]int{
		"全文包括总体情况、主动公开政府信息情况等六个部分。":    6,
		"本报告由总体情况、存在的主要问题及改进情况等6部分组成。": 6,
		"报告共分七个部分。":    7,
		"全文共十部分，包括附表。": 10,
		"本报告根据《条例》编制。统计期限为2025年1月1日至12月31日。": 0,
	} {
		n, q, ok := Parts(text)
		if n != want || ok != (want > 0) || ok && text[q.Start:q.End] != q.Text {
			t.Errorf("%s: %d %v %q, want %d", text, n, ok, q.Text, want)
		}
	}
}

func TestPeriod(t *testing.T) {
	for text, want := range map[string][2]int{
		"本报告所列数据的统计期限为2025年1月1日至2025年12月31日。":    {2025, 2025},
		"本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。": {2024, 2024},
		"统计期限：2025 年 1 月 1 日至 2026 年 12 月 31 日。": {2025, 2026},
		"本报告于2026年1月20日发布。":                      {0, 0},
	} {
		from, to, _, ok := Period(text)
		if from != want[0] || to != want[1] || ok != (want[0] > 0) {
			t.Errorf("%s: %d–%d %v", text, from, to, ok)
		}
	}
}

func TestCitations(t *testing.T) {
	cs := Citations("按照国办公开办函〔2021〕30号和国办公开办函[2019]60号的要求，依据国办发〔2019〕15号。")
	if len(cs) != 2 || cs[0].Number != "〔2021〕30号" || cs[1].Number != "〔2019〕60号" {
		t.Errorf("%+v", cs)
	}
	if got := DocNumbers("国办公开办函〔2021〕30号《格式》"); len(got) != 1 || got[0] != "〔2021〕30号" {
		t.Errorf("%v", got)
	}
}
