package cli

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
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
