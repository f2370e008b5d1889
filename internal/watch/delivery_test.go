package watch

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// pendingEvents is the number of events owed to the receiver in
// TestDeadReceiverCostsARunLittle: each is a file written with fsync, so the
// default keeps the test short (100); the README's figures use 1,000, as
// WATCHER_LONG_TESTS=1 does.
var pendingEvents = flag.Int("pending", size(100, 1000), "events pending in TestDeadReceiverCostsARunLittle")

// receiver is a webhook endpoint that answers as told and counts requests.
type receiver struct {
	*httptest.Server
	hits    atomic.Int64
	release chan struct{}
}

func newReceiver(t *testing.T, mode string) *receiver {
	rc := &receiver{release: make(chan struct{})}
	rc.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		rc.hits.Add(1)
		switch mode {
		case "hanging":
			select {
			case <-rc.release:
			case <-r.Context().Done():
			}
		case "retry-after":
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
		case "gone":
			w.WriteHeader(http.StatusGone)
		}
	}))
	t.Cleanup(func() { close(rc.release); rc.Close() })
	if mode == "dead" {
		rc.Close() // connection refused from now on
	}
	return rc
}

func deliveryRunner(t *testing.T, nf *fake.Server, hookURL string, logs io.Writer) (*Runner, *config.Config) {
	t.Helper()
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n  - {name: nf, type: eightfold, url: %q, domain: netflix.com}\n", nf.URL)
	if hookURL != "" {
		yml += fmt.Sprintf("notifiers:\n  - {name: hooks, type: webhook, url: %q}\noutbox: {budget: 500ms}\n", hookURL)
	}
	cfg := parseConfig(t, t.TempDir(), yml, nil)
	r := quietRunner(t, cfg, Options{Logger: slog.New(slog.NewTextHandler(logs, nil))})
	return r, cfg
}

// With many events pending (-pending, 1,000 for the README's figures) for a dead, hanging or rate-limiting receiver,
// a run makes at most a few attempts, logs at most a few lines about it, and
// records its change as if no notifier were configured. The run times are
// logged (go test -v -run TestDeadReceiver ./internal/watch/) for the README.
func TestDeadReceiverCostsARunLittle(t *testing.T) {
	t.Parallel() // waits on the receiver (times only logged): overlaps the other waiting tests
	for _, tc := range []struct {
		mode        string
		maxAttempts int64
	}{{"dead", 3}, {"hanging", 1}, {"retry-after", 1}} {
		t.Run(tc.mode, func(t *testing.T) {
			nf := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)})
			rc := newReceiver(t, tc.mode)
			var logs bytes.Buffer
			r, cfg := deliveryRunner(t, nf, rc.URL, &logs)
			// events already owed to the receiver
			events := make([]notify.Event, *pendingEvents)
			for i := range events {
				events[i] = notify.Event{ID: notify.EventID("test", fmt.Sprint(i)), Type: notify.PostingAdded, Timestamp: time.Unix(1760000000+int64(i), 0), Data: notify.Data{Source: "nf"}}
			}
			if _, err := r.outbox.Add(events, r.routes); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			res := run(t, r, cfg)
			took := time.Since(start)
			if res.Commit == "" || res.Sources[0].Added != 2 {
				t.Fatalf("the run's change was not recorded: %+v", res)
			}
			if n := rc.hits.Load(); n > tc.maxAttempts {
				t.Errorf("%d attempts on a %s receiver, want at most %d", n, tc.mode, tc.maxAttempts)
			}
			if res.Pending != *pendingEvents+2 {
				t.Errorf("pending %d, want all %d kept", res.Pending, *pendingEvents+2)
			}
			var about int
			for _, l := range strings.Split(logs.String(), "\n") {
				if strings.Contains(l, "notif") {
					about++
				}
			}
			if about > 5 {
				t.Errorf("%d log lines about delivery, want at most 5:\n%s", about, logs.String())
			}
			// the same run without a notifier, for the comparison
			nf2 := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)})
			r2, cfg2 := deliveryRunner(t, nf2, "", io.Discard)
			start = time.Now()
			run(t, r2, cfg2)
			base := time.Since(start)
			t.Logf("%s receiver, %d pending: run %v, without notifier %v, extra %v, %d attempts, %d log lines about delivery",
				tc.mode, *pendingEvents, took.Round(time.Millisecond), base.Round(time.Millisecond), (took - base).Round(time.Millisecond), rc.hits.Load(), about)
		})
	}
}

// Snapshots are committed before delivery starts: when the receiver gets
// the event, the posting is already in the branch's HEAD.
func TestSnapshotsAreCommittedBeforeDelivery(t *testing.T) {
	t.Parallel()
	nf := fake.New(t, "netflix.com", []fake.Job{job(1)})
	var mu sync.Mutex
	var snaps string
	var seen []bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		mu.Lock()
		defer mu.Unlock()
		repo, err := git.PlainOpen(snaps)
		if err != nil {
			seen = append(seen, false)
			return
		}
		ref, err := repo.Head()
		if err != nil {
			seen = append(seen, false)
			return
		}
		c, _ := repo.CommitObject(ref.Hash())
		_, ferr := c.File("nf/101.json")
		seen = append(seen, ferr == nil)
	}))
	t.Cleanup(srv.Close)
	r, cfg := deliveryRunner(t, nf, srv.URL, io.Discard)
	mu.Lock()
	snaps = cfg.Snapshots
	mu.Unlock()
	res := run(t, r, cfg)
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 1 || !seen[0] {
		t.Fatalf("at delivery the posting was committed: %v", seen)
	}
	if res.Pending != 0 || res.DeliveryCommit != "" {
		t.Errorf("pending %d, delivery commit %q: the emptied outbox belongs in the run's one commit", res.Pending, res.DeliveryCommit)
	}
	// one commit for the run, and it does not hold the delivered entry
	left, err := r.repo.ChangedSince("")
	left = slices.DeleteFunc(left, snapshot.Transient) // the folder lock is never committed
	if err != nil || len(left) != 0 {
		t.Errorf("uncommitted after the run: %v %v", left, err)
	}
	repo, _ := git.PlainOpen(cfg.Snapshots)
	ref, _ := repo.Head()
	c, _ := repo.CommitObject(ref.Hash())
	if c.NumParents() != 0 || !strings.HasPrefix(c.Message, "nf: 1 added") {
		t.Errorf("HEAD %q with %d parents, want the run's own first commit", c.Message, c.NumParents())
	}
}

// A signal during delivery is no failure: the changes are committed, the
// undelivered events stay in the outbox, and the run returns no error.
func TestSignalDuringDeliveryIsNoFailure(t *testing.T) {
	t.Parallel()
	nf := fake.New(t, "netflix.com", []fake.Job{job(1)})
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		cancel() // the signal arrives while the receiver holds the request
		<-r.Context().Done()
	}))
	t.Cleanup(srv.Close)
	r, cfg := deliveryRunner(t, nf, srv.URL, io.Discard)
	r.outbox.Budget = time.Minute
	res, err := r.Run(ctx, cfg.Sources)
	if err != nil {
		t.Fatalf("a signal during delivery failed the run: %v", err)
	}
	if res.Commit == "" || res.Pending != 1 || res.Failed() {
		t.Fatalf("commit %q, pending %d, failed %v: the change must be committed and its event kept", res.Commit, res.Pending, res.Failed())
	}
}
