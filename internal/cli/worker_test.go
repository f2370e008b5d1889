package cli

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/fleet"
	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

// waitFor polls cond until it holds; the test fails after limit.
func waitFor(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("not within %s: %s", limit, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// startWorker runs the worker command's loop in the background; the
// returned function sends it a signal (as SIGINT would) and waits for its
// exit code.
func startWorker(t *testing.T, cfgPath string, logs io.Writer) func() int {
	t.Helper()
	return startWorkerStopping(t, cfgPath, logs, time.Minute)
}

// startWorkerStopping is startWorker with the worker's --stop-timeout.
func startWorkerStopping(t *testing.T, cfgPath string, logs io.Writer, stopTimeout time.Duration) func() int {
	t.Helper()
	cfg, err := config.Load(cfgPath, watch.Plugins())
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan os.Signal, 2)
	done := make(chan int, 1)
	var stderr bytes.Buffer
	logger := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	go func() {
		done <- worker(context.Background(), cfg, fleet.WorkerOptions{Logger: logger, Stdout: io.Discard, FetchPollInterval: 100 * time.Millisecond}, stopTimeout, stop, &stderr)
	}()
	var once sync.Once
	code := 0
	finish := func() int {
		once.Do(func() {
			stop <- syscall.SIGTERM
			select {
			case code = <-done:
			case <-time.After(time.Minute):
				t.Fatal("the worker did not stop within a minute of the signal")
			}
			if code != 0 {
				t.Errorf("worker exit %d: %s", code, stderr.String())
			}
		})
		return code
	}
	t.Cleanup(func() { finish() })
	return finish
}

// fleetTest starts a test of the PostgreSQL suite (the long set) in
// parallel, skipped with -short, and is the DSN of a fresh migrated
// database of its own.
func fleetTest(t *testing.T) string {
	t.Helper()
	pgSuite(t)
	t.Parallel()
	if testing.Short() {
		t.Skip("starts PostgreSQL")
	}
	return fleetDB(t)
}

// syncBuffer is a log a worker writes while the test reads it.
type syncBuffer = notifytest.Buffer

// TestWorkerDeliversEachChangeOnce: `watcher worker` polls a source on its
// schedule (and when it starts), records its changes and delivers each
// event to the webhook exactly once: two postings, then a change; a second
// worker started afterwards polls the unchanged board again and sends
// nothing more. A signal stops it cleanly.
func TestWorkerDeliversEachChangeOnce(t *testing.T) {
	dsn := fleetTest(t)
	board := newFleetBoard(t, "acme")
	hook := newReceiver(t)
	cfgPath := fleetConfig(t, dsn, hook.URL, map[string]string{"acme": board.URL})
	board.set(fleetPosting(1, "Data Engineer"), fleetPosting(2, "Analytics Engineer"))

	var got []received
	var mu sync.Mutex
	received := func() int {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, hook.take(t)...)
		return len(got)
	}
	logs := &syncBuffer{}
	stop := startWorker(t, cfgPath, logs)
	waitFor(t, 30*time.Second, "the two additions delivered", func() bool { return received() >= 2 })

	changed := fleetPosting(1, "Senior Data Engineer")
	changed.Updated = "2026-11-25T10:00:00Z"
	board.set(changed, fleetPosting(2, "Analytics Engineer"))
	waitFor(t, 30*time.Second, "the change delivered", func() bool { return received() >= 3 })
	if code := stop(); code != 0 {
		t.Fatalf("worker exit %d", code)
	}

	// a restarted worker polls at once (the board unchanged): nothing new
	hits := board.requests()
	stop = startWorker(t, cfgPath, logs)
	waitFor(t, 30*time.Second, "the restarted worker's poll", func() bool {
		return board.requests() > hits && strings.Count(logs.String(), "poll_source: done") >= 3
	})
	stop()
	received()

	ids := map[string]int{}
	types := map[string]int{}
	for _, e := range got {
		ids[e.ID]++
		types[e.Type]++
	}
	if len(got) != 3 || len(ids) != 3 || types["posting.added"] != 2 || types["posting.changed"] != 1 {
		t.Fatalf("webhook received %d events (%v, ids %v); want 2 added and 1 changed, each once", len(got), types, ids)
	}
	c := rowCounts(t, dsn)
	if c["events"] != 3 || c["deliveries"] != 3 || c["versions"] != 3 {
		t.Fatalf("rows: %v; want 3 events, 3 deliveries, 3 versions", c)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var open int
	conn.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE state NOT IN ('completed')`).Scan(&open)
	if open != 0 {
		t.Fatalf("%d jobs not completed after the workers stopped", open)
	}
}

// TestWorkerSnoozesOnRetryAfter: a receiver that answers 429 with
// Retry-After: 1 gets the event again no sooner than a second later, as a
// snooze of the deliver job (not a failed attempt), then it is delivered
// and recorded once.
func TestWorkerSnoozesOnRetryAfter(t *testing.T) {
	dsn := fleetTest(t)
	board := newFleetBoard(t, "acme")
	board.set(fleetPosting(1, "Data Engineer"))
	var mu sync.Mutex
	var times []time.Time
	var ids []string
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		times = append(times, time.Now())
		ids = append(ids, r.Header.Get("webhook-id"))
		if len(times) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer hook.Close()
	cfgPath := fleetConfig(t, dsn, hook.URL, map[string]string{"acme": board.URL})

	// the run records the event and its deliver job; the worker delivers
	if code, stdout, stderr := runIn(t, cfgPath, "run"); code != 0 {
		t.Fatalf("run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	stop := startWorker(t, cfgPath, io.Discard)
	calls := func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(times)
	}
	waitFor(t, 30*time.Second, "the second delivery attempt", func() bool { return calls() >= 2 })
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var state string
	var attempt, snoozes int
	waitFor(t, 30*time.Second, "the deliver job completed", func() bool {
		err := conn.QueryRow(ctx, `SELECT state, attempt, COALESCE((metadata->>'snoozes')::int, 0) FROM river_job WHERE kind = 'deliver'`).Scan(&state, &attempt, &snoozes)
		return err == nil && state == "completed"
	})
	stop()
	mu.Lock()
	defer mu.Unlock()
	if len(times) != 2 || ids[0] != ids[1] || ids[0] == "" {
		t.Fatalf("receiver saw %d requests (ids %v); want the same event twice", len(times), ids)
	}
	if gap := times[1].Sub(times[0]); gap < time.Second {
		t.Fatalf("second attempt %s after the 429 with Retry-After: 1", gap)
	}
	if snoozes != 1 {
		t.Fatalf("deliver job: state %s, attempt %d, snoozes %d; want one snooze", state, attempt, snoozes)
	}
	if c := rowCounts(t, dsn); c["deliveries"] != 1 {
		t.Fatalf("deliveries recorded: %d, want 1", c["deliveries"])
	}
}

// TestWorkersShareHostTurns: two workers polling six sources on one host
// with per_host_delay 40ms: the host never sees two requests at once, nor
// one that starts less than the delay after the previous one ended,
// whichever worker sends them (fleet-wide politeness through host_turns);
// a job that finds the host's turn taken snoozes instead of waiting;
// robots.txt is fetched once, its answer shared through the database.
func TestWorkersShareHostTurns(t *testing.T) {
	dsn := fleetTest(t)
	const delay = 40 * time.Millisecond
	var mu sync.Mutex
	inFlight, maxInFlight, requests, robots := 0, 0, 0, 0
	var lastEnd time.Time
	var short []time.Duration
	// The first board answer is held until a job of the other worker has
	// found the host's turn taken and snoozed: the overlap is made, not
	// left to the machine's load.
	var holdOnce, releaseOnce sync.Once
	held, hold := make(chan struct{}), make(chan struct{})
	release := func() { releaseOnce.Do(func() { close(hold) }) }
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requests++
		inFlight++
		maxInFlight = max(maxInFlight, inFlight)
		if !lastEnd.IsZero() {
			if gap := time.Since(lastEnd); gap < delay {
				short = append(short, gap)
			}
		}
		mu.Unlock()
		defer func() {
			mu.Lock()
			inFlight--
			lastEnd = time.Now()
			mu.Unlock()
		}()
		if r.URL.Path == "/robots.txt" {
			robots++
			http.NotFound(w, r) // no robots.txt: everything allowed
			return
		}
		if !strings.HasPrefix(r.URL.Path, "/v1/boards/") {
			http.NotFound(w, r)
			return
		}
		holdOnce.Do(func() { close(held); <-hold })
		time.Sleep(10 * time.Millisecond) // an answer takes a moment
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"jobs": [{"id": 1, "title": "Engineer", "absolute_url": "https://boards.example/1", "updated_at": "2026-11-20T10:00:00Z", "location": {"name": "Berlin"}, "content": "Go"}]}`)
	}))
	defer srv.Close()
	defer release()
	dbVar := testVar(t, "DATABASE_URL")
	setenv(t, dbVar, dsn)
	var srcs strings.Builder
	for i := range 6 {
		srcs.WriteString("  - {name: s" + string(rune('a'+i)) + ", type: greenhouse, board: b" + string(rune('a'+i)) + ", url: \"" + srv.URL + "\", schedule: \"@every 1h\"}\n")
	}
	cfgPath := t.TempDir() + "/config.yaml"
	yml := "store: postgres\ndatabase_url: ${" + dbVar + "}\nhttp: {per_host_delay: 40ms, retries: 1, timeout: 5s}\nsources:\n" + srcs.String()
	if err := os.WriteFile(cfgPath, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	snoozed := func() int {
		var n int
		if err := conn.QueryRow(ctx, `SELECT COALESCE(sum((metadata->>'snoozes')::int), 0) FROM river_job WHERE kind = 'poll_source'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	stopA := startWorker(t, cfgPath, io.Discard)
	select {
	case <-held:
	case <-time.After(60 * time.Second):
		t.Fatal("no board request from the first worker")
	}
	stopB := startWorker(t, cfgPath, io.Discard)
	waitFor(t, 60*time.Second, "a poll_source job snoozed on the busy host", func() bool { return snoozed() > 0 })
	release()
	waitFor(t, 60*time.Second, "the six sources polled", func() bool {
		var n int
		conn.QueryRow(ctx, `SELECT count(*) FROM source_health WHERE state = 'ok'`).Scan(&n)
		return n == 6
	})
	stopA()
	stopB()
	mu.Lock()
	defer mu.Unlock()
	if requests < 6 || maxInFlight != 1 || len(short) > 0 {
		t.Fatalf("%d requests, at most %d at once (want 1), %d gaps under %s: %v", requests, maxInFlight, len(short), delay, short)
	}
	// the jobs that found the host's turn taken snoozed (River's snooze
	// count in the job's metadata) rather than waiting in a worker
	if snoozed() == 0 {
		t.Fatal("no poll_source job snoozed on a busy host")
	}
	// robots.txt is fetched once for the fleet (robots_txt), not once per
	// poll
	if robots != 1 {
		t.Fatalf("robots.txt fetched %d times; want once, shared by the workers", robots)
	}
	t.Logf("%d requests, %d snoozes", requests, snoozed())
}
