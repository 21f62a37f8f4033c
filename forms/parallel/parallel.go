// Package parallel runs a batch's independent pieces of work on every
// processor: the files a consolidation receives, the reports a batch check
// imports.
package parallel

import (
	"context"
	"runtime"
	"sync"
)

// Each calls work(i) for every i in [0, n), on as many goroutines as there
// are processors, and progress(done, n) on the calling goroutine after
// each. Cancelling ctx stops handing out work; Each then returns ctx's
// error once the work started has ended. work must recover its own panics.
func Each(ctx context.Context, n int, work func(i int), progress func(done, total int)) error {
	jobs := make(chan int)
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), n)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				work(i)
				done <- struct{}{}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range n {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(done) }()
	finished := 0
	for range done {
		finished++
		if progress != nil {
			progress(finished, n)
		}
	}
	return ctx.Err()
}
