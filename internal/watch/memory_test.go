package watch

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// TestHugeDescriptionMemory runs a source whose one posting has a
// description of 2 MB (8 MB under WATCHER_LONG_TESTS=1;
// HUGE_DESCRIPTION_MB sets another size) and
// measures the heap's peak growth in each phase: fetch with
// normalization, then the write phase (diff, snapshot, outbox, delivery,
// commit). The write phase must stay within a few times the
// description's size; the fetch phase is measured and logged (the
// extractors read at most 256 KB of it). Sampling the heap is a
// measurement, not a timing assertion.
func TestHugeDescriptionMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates hundreds of MB")
	}
	// the collector runs at 25% growth during the phases, so that the
	// peak says what a phase holds rather than when the pacer started a
	// cycle (at the default 100% the write phase read 6-11x from run to
	// run on a loaded machine)
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	size := size(2, 8) << 20
	if s := os.Getenv("HUGE_DESCRIPTION_MB"); s != "" {
		n, _ := strconv.Atoi(s)
		size = n << 20
	}
	para := "<p>We build data pipelines in Python and SQL for the studio; experience with Spark is a plus.</p>\n"
	j := job(1)
	j.Description = strings.Repeat(para, size/len(para))
	nf, h := fake.New(t, "netflix.com", []fake.Job{j}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	r.cfg.HTTP.MaxBody = int64(4*size + 1<<20)

	var peak atomic.Uint64
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			default:
			}
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			time.Sleep(time.Millisecond)
		}
	}()
	phase := func(name string, f func()) float64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		base := m.HeapAlloc
		peak.Store(base)
		f()
		runtime.ReadMemStats(&m)
		if m.HeapAlloc > peak.Load() {
			peak.Store(m.HeapAlloc)
		}
		growth := float64(peak.Load() - base)
		t.Logf("%s: peak heap growth %.1f MB, %.1fx the description (%.1f MB)", name, growth/(1<<20), growth/float64(len(j.Description)), float64(len(j.Description))/(1<<20))
		return growth / float64(len(j.Description))
	}
	pool := scrape.NewPool(context.Background(), scrape.Options{Timeout: time.Minute, MaxBody: r.cfg.HTTP.MaxBody, Retry: r.opts.Retry, Hosts: r.hosts})
	var f fetched
	phase("fetch and normalize", func() { f = r.fetch(context.Background(), pool, cfg.Sources[0], nil) })
	if f.err != nil {
		t.Fatal(f.err)
	}
	var res Result
	var err error
	write := phase("write, notify, commit", func() { res, err = r.apply(context.Background(), []fetched{f}) })
	if err != nil || len(res.Sources) != 1 || res.Sources[0].Added != 1 || res.Commit == "" {
		t.Fatalf("run: %v %+v", err, res)
	}
	if write > 10 {
		t.Errorf("the write phase's heap grew %.1f times the description's size", write)
	}
}
