package similar

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// lastYear is a report's text sections as a unit might have written them.
const lastYear = `一、总体情况
　　2023年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。全年通过政府门户网站主动公开政府信息1256条，其中政策文件86件、政策解读材料42篇。进一步完善政务公开平台建设，优化栏目设置，提升信息发布的规范性和时效性。全年共收到政府信息公开申请35件，均在法定期限内答复完毕，未发生因政府信息公开引起的行政复议和行政诉讼。
二、存在的问题和改进措施
　　一是政策解读的形式还比较单一，图表、视频等解读方式运用不够。二是部分栏目信息更新不够及时，基层政务公开工作人员业务能力有待提高。下一步，我们将加强政务公开平台建设，丰富政策解读形式，及时回应社会关切。
`

// thisYear is lastYear with this year's figures, and one word changed
// (时效性 → 准确性).
const thisYear = `一、总体情况
　　2024年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。全年通过政府门户网站主动公开政府信息1388条，其中政策文件91件、政策解读材料47篇。进一步完善政务公开平台建设，优化栏目设置，提升信息发布的规范性和准确性。全年共收到政府信息公开申请41件，均在法定期限内答复完毕，未发生因政府信息公开引起的行政复议和行政诉讼。
二、存在的问题和改进措施
　　一是政策解读的形式还比较单一，图表、视频等解读方式运用不够。二是部分栏目信息更新不够及时，基层政务公开工作人员业务能力有待提高。下一步，我们将加强政务公开平台建设，丰富政策解读形式，及时回应社会关切。
`

// rewritten speaks of the same things in words of its own.
const rewritten = `一、总体情况
　　过去一年，我们把政务公开作为转变政府职能、建设法治政府的重要抓手，围绕群众最关心的办事服务事项持续加大公开力度。门户网站全年新增发布各类信息一千余条，重要政策文件出台时同步配发图文解读和一问一答。针对网站栏目分散、内容更新滞后等情况，我们对政务公开平台进行了集约化改版，原有栏目整合压缩近三成。依申请公开方面，收到的申请全部按时办结，没有引发复议或诉讼。
二、存在的问题和改进措施
　　当前工作仍有短板：解读材料多为文字稿，群众看得懂、用得上的内容偏少；个别科室报送信息不够主动。今后将推动政策解读由文字为主向多媒体转变，并把信息报送情况纳入年度考核。
`

// copiedSentence is the one sentence oneCopied takes from lastYear.
const copiedSentence = "全年共收到政府信息公开申请35件，均在法定期限内答复完毕，未发生因政府信息公开引起的行政复议和行政诉讼。"

const oneCopied = `一、总体情况
　　本年度，区卫生健康局围绕医疗服务、公共卫生和疫情防控等重点领域，通过局网站和微信公众号及时发布各类信息。全年在网站公开医疗机构执业登记、卫生监督执法结果等信息共计312条，举办政府开放日活动2次，邀请群众代表实地参观医院药品采购流程。` + copiedSentence + `
二、存在的问题和改进措施
　　部分医疗卫生机构对公开工作重视不够，公开内容存在滞后现象。明年我局将建立健全信息发布审核机制，定期对所属单位公开情况开展督查通报。
`

// shortText has one countable sentence, of fewer than MinTextRunes runes.
const shortText = "全年通过政府门户网站主动公开政府信息1256条。"

// shortOnes repeats only what reports may repeat: 无, headings.
const shortOnes = `一、行政复议情况
无。
二、行政诉讼情况
无。
三、其他需要报告的事项
无。
`

// countable is how many sentences of text have MinRunes or more.
func countable(text string) int {
	n := 0
	for _, s := range Prepare(text).sentences {
		if s.runes >= MinRunes {
			n++
		}
	}
	return n
}

func TestCompare(t *testing.T) {
	for _, tc := range []struct {
		name      string
		a, b      string
		pairs     int     // -1: as many as a has countable sentences
		minShare  float64 // Share must be in [minShare, maxShare]
		maxShare  float64
		similar   bool
		mustPair  string // a sentence of a that must be paired, if any
		withScore float64
	}{
		{"identical", lastYear, lastYear, -1, 1, 1, true, copiedSentence, 1},
		{"numbers changed", thisYear, lastYear, -1, 1, 1, true, "全年共收到政府信息公开申请41件，均在法定期限内答复完毕，未发生因政府信息公开引起的行政复议和行政诉讼。", 1},
		{"one word changed", thisYear, lastYear, -1, 1, 1, true, "进一步完善政务公开平台建设，优化栏目设置，提升信息发布的规范性和准确性。", 0},
		{"rewritten", rewritten, lastYear, 0, 0, 0, false, "", 0},
		{"rewritten, other way", lastYear, rewritten, 0, 0, 0, false, "", 0},
		{"one sentence copied", oneCopied, lastYear, 1, 0.1, 0.4, false, copiedSentence, 1},
		{"short sentences", shortOnes, shortOnes, 0, 0, 0, false, "", 0},
		{"short sentences, other way", shortOnes + lastYear, lastYear, -1, 1, 1, true, "", 0},
		{"too short a text", shortText, shortText, 1, 1, 1, false, shortText, 1},
		{"empty", "", "", 0, 0, 0, false, "", 0},
		{"empty a", "", lastYear, 0, 0, 0, false, "", 0},
		{"empty b", lastYear, "", 0, 0, 0, false, "", 0},
		{"blank", " \n\r\n　　。。——\n", lastYear, 0, 0, 0, false, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := Compare(Prepare(tc.a), Prepare(tc.b), DefaultOptions)
			want := tc.pairs
			if want < 0 {
				want = countable(tc.a)
			}
			if len(m.Pairs) != want {
				t.Errorf("%d pairs, want %d: %+v", len(m.Pairs), want, m.Pairs)
			}
			if m.Share < tc.minShare || m.Share > tc.maxShare {
				t.Errorf("Share %.3f, want [%.2f, %.2f]", m.Share, tc.minShare, tc.maxShare)
			}
			if m.Similar != tc.similar {
				t.Errorf("Similar %v, want %v", m.Similar, tc.similar)
			}
			found := tc.mustPair == ""
			for i, p := range m.Pairs {
				if p.Score < DefaultOptions.Sentence || p.Score > 1 {
					t.Errorf("pair %q ~ %q: score %.3f", p.A.Text, p.B.Text, p.Score)
				}
				if len([]rune(p.A.Text)) < MinRunes || len([]rune(p.B.Text)) < MinRunes {
					t.Errorf("short sentence paired: %q ~ %q", p.A.Text, p.B.Text)
				}
				if tc.a[p.A.Start:p.A.End] != p.A.Text || tc.b[p.B.Start:p.B.End] != p.B.Text {
					t.Errorf("offsets of %q ~ %q do not point at them", p.A.Text, p.B.Text)
				}
				if i > 0 && p.A.Start <= m.Pairs[i-1].A.Start {
					t.Errorf("pairs out of a's order at %q", p.A.Text)
				}
				if p.A.Text == tc.mustPair {
					found = true
					if tc.withScore > 0 && p.Score != tc.withScore {
						t.Errorf("%q: score %.3f, want %.3f", p.A.Text, p.Score, tc.withScore)
					}
				}
			}
			if !found {
				t.Errorf("%q not paired", tc.mustPair)
			}
		})
	}
}

// TestWordChanged: a sentence with a word changed is repeated, though not
// at 1, as long as enough of its trigrams survive: a two-character word
// changed inside a sentence takes up to four trigrams from each side, so
// (n-4)/(n+4) stays at 0.8 only from 36 trigrams (38 runes) on.
func TestWordChanged(t *testing.T) {
	const short = "进一步完善政务公开平台建设，优化栏目设置，提升信息发布的规范性和时效性。" // 33 runes
	for _, tc := range []struct {
		a, b     string
		repeated bool
	}{
		{short, "进一步完善政务公开平台建设，优化栏目设置，提升信息发布的规范性和准确性。", true}, // at the end: 3 trigrams
		{short, "进一步完善政务公开平台建设，调整栏目设置，提升信息发布的规范性和时效性。", false},
		{short, "持续加强政务新媒体建设，整合网站栏目，提高信息发布的质量和时效性。", false},
		{copiedSentence, "全年共收到政府信息公开申请35件，均在法定期限内办理完毕，未发生因政府信息公开引起的行政复议和行政诉讼。", true},
	} {
		m := Compare(Prepare(tc.a), Prepare(tc.b), DefaultOptions)
		if got := len(m.Pairs) == 1; got != tc.repeated {
			t.Errorf("%q: repeated %v, want %v (%+v)", tc.b, got, tc.repeated, m.Pairs)
		}
		if len(m.Pairs) == 1 && m.Pairs[0].Score == 1 {
			t.Errorf("%q: score 1 for a changed sentence", tc.b)
		}
	}
}

// TestShortcuts: the size bound and the early exit of the merge never
// change what Compare finds: it agrees with a plain Jaccard
// over all pairs of sentences, at several thresholds.
func TestShortcuts(t *testing.T) {
	texts := reports(12)
	texts = append(texts, lastYear, thisYear, rewritten, oneCopied)
	var prepared []Text
	for _, s := range texts {
		prepared = append(prepared, Prepare(s))
	}
	for _, least := range []float64{0.3, 0.5, 0.8, 0.95} {
		o := Options{Sentence: least, Section: 0.6}
		for _, pa := range prepared {
			for _, pb := range prepared {
				got := Compare(pa, pb, o).Pairs
				var want []Pair
				for _, x := range pa.sentences {
					best, score := -1, 0.0
					for j, y := range pb.sentences {
						if s := plainJaccard(x.grams, y.grams); x.runes >= MinRunes && y.runes >= MinRunes && s >= least && s > score {
							best, score = j, s
						}
					}
					if best >= 0 {
						want = append(want, Pair{x.Sentence, pb.sentences[best].Sentence, score})
					}
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("at %.2f:\n got %v\nwant %v", least, got, want)
				}
			}
		}
	}
}

// plainJaccard is the Jaccard similarity of a and b, by binary search.
func plainJaccard(a, b []uint64) float64 {
	common := 0
	for _, k := range b {
		if _, ok := slices.BinarySearch(a, k); ok {
			common++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}

// TestBestMatch: a sentence of a is paired once, with the closest of b.
func TestBestMatch(t *testing.T) {
	a := "全年通过政府门户网站主动公开政府信息1256条，其中政策文件86件、政策解读材料42篇。"
	b := "全年通过政府门户网站主动公开政府信息1256条，其中政策文件86件、政策解读材料42份。" +
		"全年通过政府门户网站主动公开政府信息1388条，其中政策文件91件、政策解读材料47篇。"
	m := Compare(Prepare(a), Prepare(b), DefaultOptions)
	if len(m.Pairs) != 1 || m.Pairs[0].Score != 1 || !strings.Contains(m.Pairs[0].B.Text, "1388") {
		t.Errorf("pairs %+v, want one, with the second sentence at 1", m.Pairs)
	}
}

func TestPrepareSentences(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"", nil},
		{"　　他说：“公开是常态。”\r\n第二句！？\n\n  第三句", []string{"他说：“公开是常态。”", "第二句！？", "第三句"}},
		{"（一）主动公开情况；（二）依申请公开情况;无。", []string{"（一）主动公开情况；", "（二）依申请公开情况;", "无。"}},
		{"What? 12.5% up!\n——————\n", []string{"What?", "12.5% up!"}},
	} {
		p := Prepare(tc.text)
		var got []string
		for _, s := range p.sentences {
			got = append(got, s.Text)
			if s.Start < 0 || s.End > len(tc.text) || tc.text[s.Start:s.End] != s.Text {
				t.Errorf("%q: sentence %q at [%d:%d]", tc.text, s.Text, s.Start, s.End)
			}
		}
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tc.want) {
			t.Errorf("%q: sentences %q, want %q", tc.text, got, tc.want)
		}
	}
	// Offsets into a long text, past multi-byte runes.
	for _, s := range Prepare(lastYear).sentences {
		if !strings.Contains(lastYear[s.Start:s.End], s.Text) || strings.TrimSpace(s.Text) != s.Text || s.Text == "" {
			t.Errorf("sentence %q at [%d:%d]: %q", s.Text, s.Start, s.End, lastYear[s.Start:s.End])
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2024年收到12件", "#年收到#件"},
		{"2025年收到15件。", "#年收到#件"},
		{"２０２４年，ＰＤＦ格式", "#年pdf格式"},
		{"同比增长12.5%。", "同比增长#"},
		{"第1、2项", "第##项"},
		{" 政务 公开（平台）……", "政务公开平台"},
		{"三十二件", "三十二件"},
	} {
		if got := string(normalize(nil, tc.in)); got != tc.want {
			t.Errorf("normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGrams(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"无", 1},
		{"无此", 1},
		{"政务公开", 2},
		{"哈哈哈哈哈", 1}, // the same trigram three times
	} {
		if got := appendGrams(nil, []rune(tc.in)); len(got) != tc.want {
			t.Errorf("%q: %d grams, want %d", tc.in, len(got), tc.want)
		}
	}
	if appendGrams(nil, []rune("无"))[0] == appendGrams(nil, []rune("无此"))[0] {
		t.Error("short sentences share a key")
	}
}

// FuzzPrepare: no text makes Prepare or Compare panic, offsets are
// within the text, and a text is all repeated in itself.
func FuzzPrepare(f *testing.F) {
	for _, s := range []string{"", lastYear, thisYear, shortOnes, oneCopied, "１２．５％。\r\n“”", "\xff\xfe。", "a。b！c？"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		p := Prepare(text)
		end, count := 0, false
		for _, s := range p.sentences {
			if s.Start < end || s.End < s.Start || s.End > len(text) || text[s.Start:s.End] != s.Text || s.Text == "" {
				t.Fatalf("sentence %q at [%d:%d] after %d", s.Text, s.Start, s.End, end)
			}
			end = s.End
			count = count || s.countable
		}
		m := Compare(p, p, DefaultOptions)
		if count && m.Share != 1 {
			t.Errorf("Share %v against itself", m.Share)
		}
		if !count && (m.Share != 0 || len(m.Pairs) != 0 || m.Similar) {
			t.Errorf("no countable sentence, but %+v", m)
		}
	})
}

// Words of the synthetic reports of BenchmarkAllPairs60.
var (
	subjects = []string{"本机关", "我局", "市政府办公室", "区政务服务中心", "各乡镇街道", "县统计局", "本单位", "市自然资源局", "区卫生健康局", "市生态环境局"}
	verbs    = []string{"认真贯彻落实", "进一步加强", "持续深化", "全面推进", "扎实做好", "不断完善", "积极探索", "切实抓好"}
	objects  = []string{"政府信息主动公开工作", "政务公开平台建设", "政策解读和回应关切", "依申请公开办理流程", "政府信息公开指南和目录", "基层政务公开标准化规范化", "政务新媒体管理", "重大决策预公开制度", "政府开放日活动", "公开属性源头认定"}
	tails    = []string{"，全年发布信息%d条", "，共办理公开申请%d件", "，组织专题业务培训%d次", "，新增调整栏目%d个", "，确保公开内容准确、及时、完整", "，切实保障人民群众的知情权、参与权和监督权", "，回应社会关切%d次", "，在法定期限内答复率达到%d%%"}
)

// sentenceOf writes the sentence of words w, with figure n.
func sentenceOf(w [4]int, n int) string {
	tail := tails[w[3]]
	if strings.Contains(tail, "%d") {
		tail = fmt.Sprintf(tail, n)
	}
	return subjects[w[0]] + verbs[w[1]] + objects[w[2]] + tail + "。"
}

// reports are n synthetic reports of about 600 characters: two in five
// copy many sentences of the one before, with their own figures.
func reports(n int) []string {
	rng := rand.New(rand.NewSource(1))
	var out []string
	var prev [][4]int
	for i := range n {
		var cur [][4]int
		var b strings.Builder
		for j := 0; len([]rune(b.String())) < 600; j++ {
			w := [4]int{rng.Intn(len(subjects)), rng.Intn(len(verbs)), rng.Intn(len(objects)), rng.Intn(len(tails))}
			if i%5 >= 3 && j < len(prev) && rng.Intn(10) < 7 {
				w = prev[j]
			}
			cur = append(cur, w)
			b.WriteString(sentenceOf(w, 1+rng.Intn(500)))
			if rng.Intn(5) == 0 {
				b.WriteString("\n")
			}
		}
		out = append(out, b.String())
		prev = cur
	}
	return out
}

// BenchmarkAllPairs60 prepares 60 reports and compares each with each
// other one, both ways.
func BenchmarkAllPairs60(b *testing.B) {
	texts := reports(60)
	similar := 0
	for b.Loop() {
		prepared := make([]Text, len(texts))
		for i, s := range texts {
			prepared[i] = Prepare(s)
		}
		similar = 0
		for i := range prepared {
			for j := range prepared {
				if i != j && Compare(prepared[i], prepared[j], DefaultOptions).Similar {
					similar++
				}
			}
		}
	}
	b.ReportMetric(float64(similar), "similar/op")
}

// TestHeadingsAndIgnored: numbered headings and sentences holding an
// ignored word are not compared: a part that repeats only them is no copy.
func TestHeadingsAndIgnored(t *testing.T) {
	last := "（一）人大代表建议和政协提案办理结果公开情况。本年度承办人大代表建议九件，全部按期办结并公开答复全文。（二）信息处理费收取情况。本年度未收取任何政府信息公开信息处理费用。"
	this := "（一）人大代表建议和政协提案办理结果公开情况。今年围绕乡村振兴共办理代表建议十一件，答复前逐件与代表当面沟通。（二）信息处理费收取情况。本年度未收取任何政府信息公开信息处理费用。"
	if m := Compare(Prepare(this), Prepare(last), DefaultOptions); len(m.Pairs) != 1 || !strings.Contains(m.Pairs[0].A.Text, "未收取") {
		t.Fatalf("without ignoring: %+v, want the fee sentence only (headings are not compared)", m.Pairs)
	}
	m := Compare(Prepare(this, "信息处理费"), Prepare(last, "信息处理费"), DefaultOptions)
	if m.Similar || len(m.Pairs) != 0 {
		t.Errorf("headings and an ignored sentence counted: %+v", m)
	}
	if p := Prepare("（一）主动公开情况。"); p.runes != 0 {
		t.Errorf("a heading counted: %d runes", p.runes)
	}
}
