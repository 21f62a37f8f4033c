package consolidate_test

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"nianbao/forms/consolidate"
	"nianbao/forms/report"
)

// benchUnits writes n unit reports of the 2021 format with full tables
// and about 3,000 characters of text each.
func benchUnits(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	text := strings.Repeat("本单位认真落实政府信息公开条例，主动公开各类信息，依法办理依申请公开，", 90)[:3000]
	for i := range n {
		path := unit(b, dir, fmt.Sprintf("%03d/unit%04d.nianbao", i/100, i), fmt.Sprintf("第%d单位", i), "department", day,
			fmt.Sprintf("t2.rules.issued=%d", i%7))
		r, err := report.Load(path, reg)
		if err != nil {
			b.Fatal(err)
		}
		for id := range r.Texts {
			r.Texts[id] = text[:len(text)/len(r.Texts)*3]
		}
		if err := r.Save(path); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkConsolidate1000 consolidates 1,000 unit files, and, as the
// yardstick, only reads and decodes them with the same parallelism
// (sub-benchmark decode): the target is at most 1.5× of it and < 2 s.
func BenchmarkConsolidate1000(b *testing.B) {
	dir := benchUnits(b, 1000)
	files, err := consolidate.Files([]string{dir}, "")
	if err != nil || len(files) != 1000 {
		b.Fatal(len(files), err)
	}
	b.Run("decode", func(b *testing.B) {
		for b.Loop() {
			jobs := make(chan string)
			var wg sync.WaitGroup
			for range runtime.GOMAXPROCS(0) {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for p := range jobs {
						if _, err := report.Load(p, reg); err != nil {
							b.Error(err)
						}
					}
				}()
			}
			for _, p := range files {
				jobs <- p
			}
			close(jobs)
			wg.Wait()
		}
	})
	b.Run("consolidate", func(b *testing.B) {
		for b.Loop() {
			d := newTarget(b, dir)
			s, err := consolidate.Run(context.Background(), d, []string{dir}, consolidate.Options{})
			if err != nil || s.Included != 1000 {
				b.Fatal(s, err)
			}
		}
	})
}
