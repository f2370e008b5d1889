package gitrepo

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

// heapPeak samples the heap's live and not yet collected objects every
// millisecond until stop is called, which returns the largest sample.
func heapPeak() (stop func() uint64) {
	done := make(chan struct{})
	out := make(chan uint64)
	go func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		tk := time.NewTicker(time.Millisecond)
		defer tk.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-done:
				out <- peak
				return
			case <-tk.C:
			}
		}
	}()
	return func() uint64 { close(done); return <-out }
}

// BenchmarkChangedSince50k is a recovery's ChangedSince over a snapshot
// folder of 200 and 1,000 sources x 50 postings (10,000 and 50,000 files of about 600 bytes,
// committed in packs as a first cycle does), with 10 files changed: the
// heap's peak while it runs (peak-MB, sampled every millisecond, after a
// GC) and per file of the folder (peak-B/file); maps-before is the
// implementation before it streamed (refChangedSince); commit-all is the
// recovery's commit that follows (every file of the folder named).
func BenchmarkChangedSince50k(b *testing.B) {
	for _, sources := range []int{200, 1000} {
		b.Run(fmt.Sprintf("files=%d", sources*50), func(b *testing.B) { benchChangedSince(b, sources, 50) })
	}
}

func benchChangedSince(b *testing.B, sources, postings int) {
	dir := b.TempDir()
	r, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	body := make([]byte, 600)
	for i := range body {
		body[i] = 'a' + byte(i%26)
	}
	var batch []string
	for s := range sources {
		for p := range postings {
			rel := fmt.Sprintf("snapshots/source-%04d/%012d.json", s, 790311790854+p)
			abs := filepath.Join(dir, rel)
			if p == 0 {
				os.MkdirAll(filepath.Dir(abs), 0o755)
			}
			if err := os.WriteFile(abs, append(fmt.Appendf(nil, "{\"source\": %d, \"posting\": %d}\n", s, p), body...), 0o644); err != nil {
				b.Fatal(err)
			}
			batch = append(batch, rel)
		}
		if len(batch) >= 5000 { // a commit every 100 sources
			if _, _, err := r.Commit(batch, "part", testAuthor, testWhen); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	for i := range 10 {
		writeFile(b, filepath.Join(dir, fmt.Sprintf("snapshots/source-%04d/%012d.json", i*97, 790311790854+i)), "changed\n")
	}
	r, err = Open(dir) // a new process: nothing of the commits in memory
	if err != nil {
		b.Fatal(err)
	}
	for _, impl := range []struct {
		name string
		fn   func(string) ([]string, error)
	}{{"streaming", r.ChangedSince}, {"maps-before", r.refChangedSince}} {
		b.Run(impl.name, func(b *testing.B) {
			b.ReportAllocs()
			var peak uint64
			for b.Loop() {
				b.StopTimer()
				runtime.GC()
				stop := heapPeak()
				b.StartTimer()
				got, err := impl.fn("snapshots")
				b.StopTimer()
				peak = max(peak, stop())
				b.StartTimer()
				if err != nil || len(got) != 10 {
					b.Fatalf("ChangedSince: %d paths, %v", len(got), err)
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
			b.ReportMetric(float64(peak)/float64(sources*postings), "peak-B/file")
		})
	}
	// what a recovery commits next: every file of the folder (the runner
	// adds them all), nearly all clean
	all := make([]string, 0, sources*postings)
	for s := range sources {
		for p := range postings {
			all = append(all, filepath.Join(dir, fmt.Sprintf("snapshots/source-%04d/%012d.json", s, 790311790854+p)))
		}
	}
	b.Run("commit-all", func(b *testing.B) {
		b.ReportAllocs()
		var peak uint64
		for b.Loop() {
			b.StopTimer()
			runtime.GC()
			stop := heapPeak()
			b.StartTimer()
			_, _, err := r.Commit(all, "recover", testAuthor, testWhen)
			b.StopTimer()
			peak = max(peak, stop())
			b.StartTimer()
			if err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		b.ReportMetric(float64(peak)/float64(sources*postings), "peak-B/file")
	})
}
