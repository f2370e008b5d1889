package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Review s17 F24: a run that loses notifications to outbox.max_pending
// exits 1 and says so; the stdout notifier, which takes its events, gets
// every one of them even when the run adds more than max_pending.
func TestRunExitsOneWhenMaxPendingDropsEventsS17(t *testing.T) {
	t.Parallel()
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer down.Close()
	var jobs []fake.Job
	for i := 1; i <= 6; i++ {
		jobs = append(jobs, netflixJob(i))
	}
	nf := fake.New(t, "netflix.com", jobs)
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
outbox: {max_pending: 2}
sources:
  - {name: nf, type: eightfold, company: Netflix, url: %q, domain: netflix.com}
notifiers:
  - {name: console, type: stdout}
  - {name: hook, type: webhook, url: %q}
`, nf.URL, down.URL+"/hook")
	code, stdout, stderr, _ := runYAML(t, yml, "run")
	if n := strings.Count(stdout, "\n"); n < 6 {
		t.Errorf("stdout has %d lines, want the 6 added postings:\n%s", n, stdout)
	}
	if code != 1 || !strings.Contains(stderr, "watcher run: 4 events dropped undelivered: a failing notifier was owed more than outbox.max_pending (2)") {
		t.Fatalf("run: exit %d, want 1 with the count of dropped events\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "notifier=hook dropped=4") {
		t.Errorf("no ERROR line naming the notifier and count:\n%s", stderr)
	}
}
