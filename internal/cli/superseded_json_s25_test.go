package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// review25Gate is a Greenhouse board whose first listing request waits for
// release (arrived is closed when it came).
type review25Gate struct {
	*httptest.Server
	arrived, release chan struct{}
	once, closed     sync.Once
	jobs             []fleetJob
}

func (g *review25Gate) open() { g.closed.Do(func() { close(g.release) }) }

func newReview25Gate(t *testing.T, jobs ...fleetJob) *review25Gate {
	t.Helper()
	g := &review25Gate{arrived: make(chan struct{}), release: make(chan struct{}), jobs: jobs}
	g.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/boards/acme/jobs" {
			http.NotFound(w, r)
			return
		}
		first := false
		g.once.Do(func() { first = true })
		if first {
			close(g.arrived)
			<-g.release
		}
		body, _ := json.Marshal(map[string]any{"jobs": g.jobs})
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	t.Cleanup(g.Close)
	t.Cleanup(g.open)
	return g
}

// Review s25 P2: `watcher run --json` on PostgreSQL prints the events of a
// source whose write was superseded (ErrStale): nothing of them was
// recorded (a refused source's events are left out of --json, a
// superseded one's are not), and --json has no line saying so. A consumer
// of the JSON lines (cron `watcher run --json | ...`) acts on a change the
// database never held; the next run reports it again, as its own.
func TestReview25_SupersededRunPrintsNoUnrecordedEvents(t *testing.T) {
	t.Parallel()
	pgSuite(t)
	dsn := fleetDB(t)
	changed := fleetPosting(1, "Principal Data Engineer")
	changed.Updated = "2026-11-25T10:00:00Z"
	plain := newFleetBoard(t, "acme")
	plain.set(fleetPosting(1, "Data Engineer"))
	gated := newReview25Gate(t, changed)
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
		code, stdout, stderr := runIn(t, cfgA, "run", "--json")
		done <- result{code, stdout, stderr}
	}()
	<-gated.arrived // run A has read the source's state
	if code, stdout, stderr := runIn(t, cfgB, "run"); code != 0 || !strings.Contains(stdout, "database: 0 versions") {
		t.Fatalf("run B (nothing changed on its board, still a write of the source): exit %d\n%s\n%s", code, stdout, stderr)
	}
	gated.open()
	a := <-done
	if a.code != 0 {
		t.Fatalf("run A: exit %d\n%s\n%s", a.code, a.stdout, a.stderr)
	}
	if !strings.Contains(a.stderr, "left to a run that wrote it since") {
		t.Fatalf("run A was not superseded (the repro's premise):\n%s", a.stderr)
	}
	if strings.Contains(a.stdout, "posting.changed") {
		t.Errorf("run A --json printed an event its write never recorded (superseded):\n%s", a.stdout)
	}
	if got := rowCounts(t, dsn); got["events"] != 1 {
		t.Fatalf("rows: %v, want the first run's event only", got)
	}
}
