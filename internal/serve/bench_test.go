package serve

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/cputime"
	"github.com/careers-watcher/careers-watcher/internal/model"
)

func benchPostings(n int) []model.Posting {
	ps := make([]model.Posting, n)
	for i := range ps {
		ps[i] = model.Posting{ID: fmt.Sprintf("job-%06d", i), Company: "Acme", Title: fmt.Sprintf("Software Engineer %d (L%d)", i, 3+i%5),
			URL: fmt.Sprintf("https://jobs.example/%d", i), Role: "Software Engineer", Levels: []string{fmt.Sprintf("L%d", 3+i%5)},
			Team: "Platform", Locations: []model.Location{{City: "Los Gatos", Region: "California", Country: "US"}},
			Salary: []model.Salary{{Min: 100000 + float64(i%100)*1000, Max: 300000 + float64(i%100)*1000, Currency: "USD", Period: "year"}},
			Posted: "2026-10-01", Skills: model.Skills{Required: []string{"Go", "SQL"}, Preferred: []string{"Kubernetes"}},
			Description: "We build the systems that run the service. You will design, build and operate distributed systems in Go and SQL."}
	}
	return ps
}

func benchGet(b *testing.B, h http.Handler, path string) {
	b.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		b.Fatalf("%s: %d", path, rec.Code)
	}
}

// BenchmarkSourcePage10k: the source page of a source with 10,000 open
// postings, filtered and sorted by pay (the postings are cached while the
// folder is unchanged).
func BenchmarkSourcePage10k(b *testing.B) {
	s := New(writeFolder(b, benchPostings(10000)), "", nil)
	h := s.Handler()
	benchGet(b, h, "/sources/acme") // fills the cache
	b.ResetTimer()
	defer reportCPU(b, cpuNow())
	for b.Loop() {
		benchGet(b, h, "/sources/acme?level=L5%2B&sort=-pay&page=3")
	}
}

// BenchmarkAPIPostings10k: the API listing of the same source.
func BenchmarkAPIPostings10k(b *testing.B) {
	s := New(writeFolder(b, benchPostings(10000)), "", nil)
	h := s.Handler()
	benchGet(b, h, "/api/v1/sources/acme/postings")
	b.ResetTimer()
	defer reportCPU(b, cpuNow())
	for b.Loop() {
		benchGet(b, h, "/api/v1/sources/acme/postings?skill=Go&sort=title&per_page=100&page=2")
	}
}

// reportCPU reports the CPU time per iteration since start (cpu-ms/op):
// on a machine shared with other jobs, ns/op (wall time) counts the time
// the benchmark waited for a core; cpu-ms/op does not.
func reportCPU(b *testing.B, start time.Duration) {
	if start == 0 || b.N == 0 {
		return
	}
	b.ReportMetric(float64(cpuNow()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkSourcePage10kCold: the first request after the folder changed
// (every snapshot file read and decoded).
func BenchmarkSourcePage10kCold(b *testing.B) {
	s := New(writeFolder(b, benchPostings(10000)), "", nil)
	h := s.Handler()
	for b.Loop() {
		s.mu.Lock()
		s.cache = map[string]cached{}
		s.mu.Unlock()
		benchGet(b, h, "/sources/acme")
	}
}

// BenchmarkMemory100k: a folder of 100,000 postings served (the source page,
// the API listing, the dashboard, each answered once per iteration after
// the first request filled the cache); it reports the live heap after a
// GC, the server's cache of the 100,000 postings included (heap-MiB), the
// heap pages held from the system (held-MiB) and everything the Go runtime
// ever reserved, the folder's writing included (sys-MiB). It fails over
// 100 MiB of live heap. Writing the folder takes about a minute:
//
//	go test ./internal/serve -run '^$' -bench Memory100k -benchtime 5x
func BenchmarkMemory100k(b *testing.B) {
	f := writeFolder(b, benchPostings(100000))
	debug.FreeOSMemory() // the postings written are garbage: give their pages back
	// as watcher serve runs it: with the soft memory limit it sets
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(MemoryLimit))
	s := New(f, "", nil)
	h := s.Handler()
	benchGet(b, h, "/api/v1/sources/acme/postings")
	b.ResetTimer()
	for b.Loop() {
		benchGet(b, h, "/sources/acme?sort=-pay&page=40")
		benchGet(b, h, "/api/v1/sources/acme/postings?per_page=500&page=3")
		benchGet(b, h, "/")
	}
	b.StopTimer()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	heap := float64(m.HeapAlloc) / (1 << 20)
	b.ReportMetric(heap, "heap-MiB")
	// the heap pages the runtime holds from the system after serving: the
	// live heap and what the last GC cycles grew it to, not yet returned
	b.ReportMetric(float64(m.HeapSys-m.HeapReleased)/(1<<20), "held-MiB")
	b.ReportMetric(float64(m.Sys)/(1<<20), "sys-MiB")
	if heap > 100 {
		b.Errorf("the server holds %.1f MiB of live heap with 100,000 postings, want under 100", heap)
	}
	runtime.KeepAlive(s)
}

// cpuNow is the process's CPU time (user and system), 0 where it cannot be
// read: a benchmark's figure that a machine shared with other jobs moves
// less than its wall time.
func cpuNow() time.Duration { d, _ := cputime.Used(); return d }
