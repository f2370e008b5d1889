package cli

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Review s33 F5: after a signal the worker waits for its running jobs at
// most --stop-timeout, then cancels them and exits 0: a delivery whose
// receiver hangs is left available again, not held by a worker that
// compose's stop_grace_period then kills (31 minutes until River's
// rescue).
func TestWorkerStopTimeoutCancelsRunningJobs(t *testing.T) {
	dsn := fleetTest(t)
	board := newFleetBoard(t, "acme")
	board.set(fleetPosting(1, "Data Engineer"))
	entered := make(chan struct{}, 1)
	release := make(chan struct{})
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case entered <- struct{}{}:
		default:
		}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer hook.Close()
	defer close(release)
	cfgPath := fleetConfig(t, dsn, hook.URL, map[string]string{"acme": board.URL})
	if code, stdout, stderr := runIn(t, cfgPath, "run"); code != 0 {
		t.Fatalf("run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	finish := startWorkerStopping(t, cfgPath, io.Discard, time.Second)
	select {
	case <-entered:
	case <-time.After(30 * time.Second):
		t.Fatal("no delivery reached the receiver")
	}
	// finish sends SIGTERM and fails the test unless the worker exits 0
	// within a minute, though the delivery hangs until the test ends
	if code := finish(); code != ExitOK {
		t.Fatalf("worker exit %d after the stop timeout, want 0", code)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var state string
	if err := conn.QueryRow(ctx, `SELECT state FROM river_job WHERE kind = 'deliver'`).Scan(&state); err != nil {
		t.Fatal(err)
	}
	if state == "running" || state == "completed" || state == "cancelled" {
		t.Fatalf("the hung delivery is %s after the worker stopped; want it available to be tried again", state)
	}
}

// Review s33 F1: a worker whose config lacks an event's source leaves its
// delivery to a worker that has it (snoozed, with a warning), and never
// sends it through its own same-named notifier; the events of its own
// sources it delivers.
func TestWorkerLeavesOtherConfigsDeliveries(t *testing.T) {
	dsn := fleetTest(t)
	boardA, boardB := newFleetBoard(t, "acme"), newFleetBoard(t, "acme")
	boardA.set(fleetPosting(1, "Data Engineer"))
	boardB.set(fleetPosting(2, "Data Analyst"))
	var mu sync.Mutex
	var sources []string
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var ev struct {
			Data struct {
				Source string `json:"source"`
			} `json:"data"`
		}
		json.NewDecoder(r.Body).Decode(&ev)
		mu.Lock()
		sources = append(sources, ev.Data.Source)
		mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	defer hook.Close()
	both := fleetConfig(t, dsn, hook.URL, map[string]string{"acme": boardA.URL, "beta": boardB.URL})
	if code, stdout, stderr := runIn(t, both, "run"); code != 0 {
		t.Fatalf("run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	onlyA := fleetConfig(t, dsn, hook.URL, map[string]string{"acme": boardA.URL})
	var logs syncBuffer
	stop := startWorker(t, onlyA, &logs)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	// beta's delivery taken and left at least once
	waitFor(t, 30*time.Second, "beta's delivery snoozed by the worker", func() bool {
		var n int
		err := conn.QueryRow(ctx, `SELECT count(*) FROM river_job j JOIN events e ON e.id = j.args->>'event_id'
			WHERE j.kind = 'deliver' AND e.source = 'beta' AND COALESCE((j.metadata->>'snoozes')::int, 0) >= 1`).Scan(&n)
		return err == nil && n > 0
	})
	waitFor(t, 30*time.Second, "acme's delivery", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return slices.Contains(sources, "acme")
	})
	stop()
	mu.Lock()
	defer mu.Unlock()
	if slices.Contains(sources, "beta") {
		t.Fatalf("the worker without beta delivered beta's event: %v", sources)
	}
	var states []string
	rows, err := conn.Query(ctx, `SELECT j.state FROM river_job j JOIN events e ON e.id = j.args->>'event_id' WHERE j.kind = 'deliver' AND e.source = 'beta'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		states = append(states, s)
	}
	for _, s := range states {
		if s == "completed" || s == "cancelled" || s == "discarded" {
			t.Fatalf("beta's delivery is %s; want it left for a worker with beta", s)
		}
	}
	if !strings.Contains(logs.String(), `source \"beta\" is not in this worker's config: left to a worker`) {
		t.Errorf("no warning about beta:\n%s", logs.String())
	}
}
