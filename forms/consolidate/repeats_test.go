package consolidate_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"nianbao/forms/consolidate"
	"nianbao/forms/report"
)

// The texts of three units: 甲 and 乙 share a copied 五 (乙's with its
// own figures), 丙 wrote every part itself.
var (
	copiedProblems = "一是部分政策解读仍以文字为主，图解、视频等形式运用较少，群众阅读体验有待提升。" +
		"二是基层站所信息报送不够及时，个别栏目更新周期较长。三是依申请公开答复文书的说理还不够充分。\n" +
		"2026年，我们将组织开展2次业务培训，每季度通报1次栏目更新情况，并制定答复文书范本。"
	unitTexts = map[string]map[string]string{
		"青溪县自然资源局": {
			"overview": "2025年，本局围绕自然资源管理重点工作推进政务公开，在门户网站发布国土空间规划、用地审批等信息326条。" +
				"全年办理依申请公开14件，答复均在法定期限内完成。不动产登记办事指南全部上网，群众可在线查询办理进度。",
			"problems": copiedProblems,
			"other":    "本局全年未收取信息处理费。本年度承办人大代表建议8件、政协提案5件，已全部办结并按要求公开答复全文。",
		},
		"青溪县教育局": {
			"overview": "本年度教育局重点公开招生入学、学生资助和教育收费信息，累计发布各类公告210余则。" +
				"秋季学期前集中发布了义务教育阶段招生划片方案，并开通咨询热线答疑。收到的政府信息公开申请共9件，均按期答复。",
			"problems": strings.NewReplacer("2次", "3次", "1次", "2次").Replace(copiedProblems),
			"other":    "教育局没有收取任何费用。学校收费公示、校园食品安全公开等事项按上级要求开展了专项检查，发现的问题已督促整改。",
		},
		"青溪县财政局": {
			"overview": "财政局坚持预算公开常态化，县级部门预决算在批复后二十日内全部公开到位。" +
				"今年新增政府债务信息专栏，按月更新举借、使用和偿还情况。依申请公开受理7件，没有引起复议诉讼。",
			"problems": "当前财政信息公开的主要不足在于专业术语多，普通群众理解起来比较困难。" +
				"下一步将编写预算公开通俗读本，在公开预算表格的同时附上简明说明，并邀请人大代表参与评议。",
			"other": "财政局同样没有收费，也没有其他需要向社会报告的事项，特此说明情况如上。",
		},
	}
)

// withTexts writes a unit's report (consolidatetest.Unit) and replaces
// its text sections by texts.
func withTexts(t testing.TB, dir, file, name string, texts map[string]string) string {
	t.Helper()
	path := unit(t, dir, file, name, "department", day)
	r, err := report.Load(path, reg)
	if err != nil {
		t.Fatal(err)
	}
	for id, text := range texts {
		r.Texts[id] = text
	}
	if err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// repeatsWorkspace consolidates the three units, a fourth whose file is
// deleted afterwards, a broken file and a unit expected but missing.
func repeatsWorkspace(t *testing.T) *report.Doc {
	dir := t.TempDir()
	in := filepath.Join(dir, "收到")
	for name, texts := range unitTexts {
		withTexts(t, in, name+".nianbao", name, texts)
	}
	gone := withTexts(t, in, "gone.nianbao", "青溪县水利局", unitTexts["青溪县自然资源局"])
	os.WriteFile(filepath.Join(in, "broken.nianbao"), []byte(`{"type": "nianbao-report", "sch`), 0o644)
	d := newTarget(t, dir)
	expected := []report.ExpectedUnit{{Unit: "青溪县卫生健康委员会", Kind: "department"}, {Unit: "青溪县水利局", Kind: "department"}}
	for name := range unitTexts {
		expected = append(expected, report.ExpectedUnit{Unit: name, Kind: "department"})
	}
	if _, err := consolidate.Run(context.Background(), d, []string{in}, consolidate.Options{Expected: expected}); err != nil {
		t.Fatal(err)
	}
	included := 0
	for _, u := range d.Report.Consolidation.Units {
		if u.Included {
			included++
		}
	}
	if included != 4 {
		t.Fatalf("%d units included, want 4: %+v", included, d.Report.Consolidation.Units)
	}
	// A unit's file gone since: skipped, not fatal (else it would repeat
	// all of 甲's texts).
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestRepeats: of three units, the two that share a copied 五 with only
// figures changed are the one pair found, with their sentences quoted;
// the unit that wrote its own texts is in no pair.
func TestRepeats(t *testing.T) {
	d := repeatsWorkspace(t)
	var calls, last, total int
	got, err := consolidate.Repeats(context.Background(), d, func(done, all int) { calls, last, total = calls+1, done, all })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d repeats, want 1: %+v", len(got), got)
	}
	r := got[0]
	if r.A != "青溪县教育局" || r.B != "青溪县自然资源局" { // equal shares: from the name that sorts first
		t.Errorf("pair %s | %s", r.A, r.B)
	}
	if r.Section != "problems" || r.Heading != "五、存在的主要问题及改进情况" {
		t.Errorf("section %s %q", r.Section, r.Heading)
	}
	if r.Share != 1 {
		t.Errorf("share %v, want 1 (only figures changed)", r.Share)
	}
	if len(r.Sentences) != 4 {
		t.Fatalf("%d sentences, want 4: %+v", len(r.Sentences), r.Sentences)
	}
	first, last4 := r.Sentences[0], r.Sentences[3]
	if !strings.HasPrefix(first.A.Text, "一是部分政策解读仍以文字为主") || first.A.Text != first.B.Text || first.Score != 1 {
		t.Errorf("first sentence %+v", first)
	}
	if !strings.Contains(last4.A.Text, "3次业务培训") || !strings.Contains(last4.B.Text, "2次业务培训") || last4.Score != 1 {
		t.Errorf("the sentence with other figures: %+v", last4)
	}
	if calls < 2 || last != total || total != 4 {
		t.Errorf("progress: %d calls, last %d of %d", calls, last, total)
	}
}

// TestRepeatsCancelled: cancelled before or while comparing, Repeats
// returns the context's error.
func TestRepeatsCancelled(t *testing.T) {
	d := repeatsWorkspace(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got, err := consolidate.Repeats(ctx, d, nil); !errors.Is(err, context.Canceled) || got != nil {
		t.Errorf("cancelled before: %v %v", got, err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	got, err := consolidate.Repeats(ctx, d, func(done, _ int) {
		if done == 1 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || got != nil {
		t.Errorf("cancelled while comparing: %v %v", got, err)
	}
}

// TestRepeatsNotConsolidation: a unit's own report has no units.
func TestRepeatsNotConsolidation(t *testing.T) {
	dir := t.TempDir()
	d, err := report.Open(withTexts(t, dir, "u.nianbao", "青溪县教育局", nil), reg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := consolidate.Repeats(context.Background(), d, nil); err == nil {
		t.Error("a unit's report compared")
	}
}

// phrases make up the benchmark's texts: sentences of four drawn at
// random share little with one another.
var phrases = strings.Split("坚持以公开为常态、不公开为例外|围绕群众关心的办事服务事项|进一步完善政务公开平台建设|优化门户网站栏目设置|"+
	"全面推进决策执行管理服务结果公开|加强政策解读和回应关切|及时发布惠企利民政策|严格落实保密审查制度|规范依申请公开办理流程|"+
	"按时办结各类政府信息公开申请|强化基层政务公开标准化建设|推动公开内容向移动端延伸|组织开展业务培训和经验交流|"+
	"将政务公开纳入年度绩效考核|定期开展网站内容安全检查|完善信息发布协调机制|加大重点领域信息公开力度|"+
	"做好规范性文件清理和公开|健全公开申请登记审核机制|探索政务公开与政务服务融合|主动听取社会公众意见建议|"+
	"提升公开信息的准确性和时效性|强化对下属单位的指导监督|建立健全政务舆情回应机制|开展政府开放日活动|"+
	"推进政务新媒体规范化管理|畅通群众咨询和投诉渠道|落实公开属性源头认定|加强公文公开前的合法性审查|完善政策文件库建设", "|")

// benchText is a text of about 600 characters drawn from phrases, with
// figures, for the unit seed.
func benchText(rng *rand.Rand) string {
	var sb strings.Builder
	for sb.Len() < 600*3 { // bytes: three a character
		for k := range 4 {
			if k > 0 {
				sb.WriteString("，")
			}
			sb.WriteString(phrases[rng.Intn(len(phrases))])
		}
		fmt.Fprintf(&sb, "，全年共%d件。", rng.Intn(500))
	}
	return sb.String()
}

// BenchmarkRepeats60 compares the texts of 60 units, of three sections
// of about 600 characters each, every tenth unit's 五 copied from the
// unit before it with other figures: the whole Repeats call, the files
// read included. The target is < 2 s.
func BenchmarkRepeats60(b *testing.B) {
	dir := b.TempDir()
	in := filepath.Join(dir, "收到")
	rng := rand.New(rand.NewSource(1))
	var prev map[string]string
	for i := range 60 {
		texts := map[string]string{"overview": benchText(rng), "problems": benchText(rng), "other": benchText(rng)}
		if i%10 == 9 {
			texts["problems"] = regexp.MustCompile(`[0-9]+`).ReplaceAllString(prev["problems"], "7")
		}
		withTexts(b, in, fmt.Sprintf("unit%02d.nianbao", i), fmt.Sprintf("第%02d单位", i), texts)
		prev = texts
	}
	d := newTarget(b, dir)
	if _, err := consolidate.Run(context.Background(), d, []string{in}, consolidate.Options{IncludeErrors: true}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		got, err := consolidate.Repeats(context.Background(), d, nil)
		if err != nil || len(got) != 6 {
			b.Fatalf("%d repeats, want 6: %v", len(got), err)
		}
	}
}
