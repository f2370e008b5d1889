package serve

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"testing"

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
	for b.Loop() {
		benchGet(b, h, "/api/v1/sources/acme/postings?skill=Go&sort=title&per_page=100&page=2")
	}
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

// TestMemory100k reports the heap held by the server's cache of a source of
// 100,000 postings (WATCHER_BENCH_MEMORY=1 go test -run TestMemory100k -v).
func TestMemory100k(t *testing.T) {
	if os.Getenv("WATCHER_BENCH_MEMORY") == "" {
		t.Skip("writes 100,000 files (about a minute): set WATCHER_BENCH_MEMORY=1")
	}
	f := writeFolder(t, benchPostings(100000))
	s := New(f, "", nil)
	h := s.Handler()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	req := httptest.NewRequest(http.MethodGet, "/api/v1/sources/acme/postings?per_page=500", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatal(rec.Code)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	t.Logf("heap held for 100,000 postings: %.1f MiB (total heap %.1f MiB)", heap, float64(after.HeapAlloc)/(1<<20))
	if heap > 100 {
		t.Errorf("the server holds %.1f MiB for 100,000 postings, want under 100", heap)
	}
	runtime.KeepAlive(s)
}
