package parallel

import (
	"context"
	"sync/atomic"
	"testing"
)

func TestEach(t *testing.T) {
	out := make([]int, 1000)
	var calls []int
	err := Each(context.Background(), len(out), func(i int) { out[i] = i * i }, func(done, total int) {
		calls = append(calls, done) // on the calling goroutine: no lock needed
		if total != 1000 {
			t.Errorf("total %d", total)
		}
	})
	if err != nil || len(calls) != 1000 || calls[999] != 1000 {
		t.Fatalf("err %v, %d progress calls", err, len(calls))
	}
	for i, v := range out {
		if v != i*i {
			t.Fatalf("out[%d] = %d", i, v)
		}
	}
	if err := Each(context.Background(), 0, func(int) { t.Error("work without items") }, nil); err != nil {
		t.Error(err)
	}
}

// TestEachCancel: cancelled, Each stops handing out work and says so.
func TestEachCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var n atomic.Int32
	err := Each(ctx, 100_000, func(i int) {
		if n.Add(1) == 10 {
			cancel()
		}
	}, nil)
	if err != context.Canceled || n.Load() >= 100_000 {
		t.Errorf("err %v after %d of 100000", err, n.Load())
	}
}
