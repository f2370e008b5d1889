package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// gatedBoard is a stand-in Greenhouse board whose first listing request
// waits until release is closed (arrived is closed when it came).
type gatedBoard struct {
	*httptest.Server
	arrived, release chan struct{}
	once             sync.Once
	mu               sync.Mutex
	jobs             []fleetJob
}

func newGatedBoard(t *testing.T, jobs ...fleetJob) *gatedBoard {
	t.Helper()
	b := &gatedBoard{arrived: make(chan struct{}), release: make(chan struct{}), jobs: jobs}
	b.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/boards/acme/jobs" {
			http.NotFound(w, r)
			return
		}
		first := false
		b.once.Do(func() { first = true })
		if first {
			close(b.arrived)
			<-b.release
		}
		b.mu.Lock()
		body, _ := json.Marshal(map[string]any{"jobs": b.jobs})
		b.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	t.Cleanup(b.Close)
	t.Cleanup(func() {
		select {
		case <-b.release:
		default:
			close(b.release)
		}
	})
	return b
}

// Two `watcher run`s of one source on one database, the first reading the
// source before the second writes it and writing after: the first writes
// nothing of it, says so on its own line, and exits 0 (another run's write
// is no failure); the database holds the second run's version once. (Two
// boards with the same postings: the runs reach the source by two hosts,
// so that neither waits for the other's turn on the host.)
func TestRunSupersededByAnotherRunSaysSo(t *testing.T) {
	t.Parallel()
	pgSuite(t)
	dsn := fleetDB(t)
	changed := fleetPosting(1, "Senior Data Engineer")
	changed.Updated = "2026-11-25T10:00:00Z"
	plain := newFleetBoard(t, "acme")
	plain.set(fleetPosting(1, "Data Engineer"))
	gated := newGatedBoard(t, changed)
	cfgB := fleetConfig(t, dsn, "http://127.0.0.1:1/unused", map[string]string{"acme": plain.URL})
	cfgA := fleetConfig(t, dsn, "http://127.0.0.1:1/unused", map[string]string{"acme": gated.URL})

	if code, stdout, stderr := runIn(t, cfgB, "run"); code != 0 || !strings.Contains(stdout, "acme: 1 added") {
		t.Fatalf("first run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		code, stdout, stderr := runIn(t, cfgA, "run")
		done <- result{code, stdout, stderr}
	}()
	<-gated.arrived // run A has read the source's state and waits for its listing

	plain.set(changed)
	code, stdout, stderr := runIn(t, cfgB, "run")
	if code != 0 || !strings.Contains(stdout, "acme: 0 added, 0 removed, 1 changed") || !strings.Contains(stdout, "database: 1 versions") {
		t.Fatalf("run B: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if strings.Contains(stdout, "not written") {
		t.Fatalf("run B, which read and wrote first, says it was superseded:\n%s", stdout)
	}
	close(gated.release)
	a := <-done
	want := "database: not written, another run wrote them after this run read them (the next run compares again): acme\n"
	if a.code != 0 || !strings.Contains(a.stdout, want) || !strings.Contains(a.stdout, "database: 0 versions, 0 events recorded") {
		t.Fatalf("run A: exit %d, want 0 and %q\nstdout:\n%s\nstderr:\n%s", a.code, want, a.stdout, a.stderr)
	}
	if strings.Contains(a.stdout, "acme: ") {
		t.Fatalf("run A shows the superseded source's summary as if written:\n%s", a.stdout)
	}
	if got := rowCounts(t, dsn); got["versions"] != 2 || got["events"] != 2 {
		t.Fatalf("rows after both runs: %v, want 2 versions and 2 events (added, then B's change once)", got)
	}
}
