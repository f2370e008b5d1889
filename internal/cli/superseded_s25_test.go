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

// runResult is what one `watcher run` gave.
type runResult struct {
	code           int
	stdout, stderr string
}

// overlappingRuns makes two `watcher run`s of source acme on a fresh
// database overlap: after a first run records "Data Engineer", run A
// (argsA) reads the source's state and waits for its listing (a gated
// board: "Senior Data Engineer"), run B writes the source meanwhile
// (through another board, so that neither waits for the other's turn on
// the host; it shows the change when changeB), then A finishes. It returns
// the database and both runs' results.
func overlappingRuns(t *testing.T, changeB bool, argsA ...string) (dsn string, b, a runResult) {
	t.Helper()
	dsn = fleetDB(t)
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
	done := make(chan runResult, 1)
	go func() {
		code, stdout, stderr := runIn(t, cfgA, argsA...)
		done <- runResult{code, stdout, stderr}
	}()
	<-gated.arrived // run A has read the source's state and waits for its listing
	if changeB {
		plain.set(changed)
	}
	b.code, b.stdout, b.stderr = runIn(t, cfgB, "run")
	close(gated.release)
	return dsn, b, <-done
}

// Two `watcher run`s of one source on one database, the first reading the
// source before the second writes it and writing after: the first writes
// nothing of it, says so on its own line, and exits 0 (another run's write
// is no failure); the database holds the second run's version once.
func TestRunSupersededByAnotherRunSaysSo(t *testing.T) {
	t.Parallel()
	pgSuite(t)
	dsn, b, a := overlappingRuns(t, true, "run")
	if b.code != 0 || !strings.Contains(b.stdout, "acme: 0 added, 0 removed, 1 changed") || !strings.Contains(b.stdout, "database: 1 versions") {
		t.Fatalf("run B: exit %d\n%s\n%s", b.code, b.stdout, b.stderr)
	}
	if strings.Contains(b.stdout, "not written") {
		t.Fatalf("run B, which read and wrote first, says it was superseded:\n%s", b.stdout)
	}
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

// Review s25 P2: `watcher run --json` on PostgreSQL printed the events of a
// source whose write was superseded (ErrStale): nothing of them was
// recorded, and --json had no line saying so. A consumer of the JSON lines
// acted on a change the database never held. Run B here sees no change
// (still a write of the source).
func TestReview25_SupersededRunPrintsNoUnrecordedEvents(t *testing.T) {
	t.Parallel()
	pgSuite(t)
	dsn, b, a := overlappingRuns(t, false, "run", "--json")
	if b.code != 0 || !strings.Contains(b.stdout, "database: 0 versions") {
		t.Fatalf("run B (nothing changed on its board, still a write of the source): exit %d\n%s\n%s", b.code, b.stdout, b.stderr)
	}
	if a.code != 0 {
		t.Fatalf("run A: exit %d\n%s\n%s", a.code, a.stdout, a.stderr)
	}
	if !strings.Contains(a.stderr, "left to a run that wrote it since") || !strings.Contains(a.stderr, "watcher run: not written, another run wrote them") {
		t.Fatalf("run A was not superseded, or did not say so on stderr:\n%s", a.stderr)
	}
	if strings.Contains(a.stdout, "posting.changed") {
		t.Errorf("run A --json printed an event its write never recorded (superseded):\n%s", a.stdout)
	}
	if got := rowCounts(t, dsn); got["events"] != 1 {
		t.Fatalf("rows: %v, want the first run's event only", got)
	}
}
