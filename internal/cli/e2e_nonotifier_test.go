package cli

import (
	"fmt"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// A config without notifiers is valid but warned about, and run says in
// one line what it recorded, since nothing else does.
func TestNoNotifiers(t *testing.T) {
	t.Parallel()
	nf := fake.New(t, "netflix.com", []fake.Job{netflixJob(1), netflixJob(2)})
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms}\nsources:\n  - {name: nf, type: eightfold, company: Netflix, url: %q, domain: netflix.com}\n", nf.URL)
	code, stdout, stderr, dir := runYAML(t, yml, "validate")
	cfg := dir + "/config.yaml"
	if code != 0 || stdout != cfg+": ok (1 source, 0 notifiers)\n" || !strings.Contains(stderr, cfg+": warning: no notifiers: ") {
		t.Fatalf("validate: exit %d\nstdout %q\nstderr %q", code, stdout, stderr)
	}
	code, stdout, stderr = runIn(t, cfg, "run")
	if code != 0 || stdout != "" {
		t.Fatalf("run: exit %d, stdout %q\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "watcher run: 1 source: 2 added, 0 removed, 0 changed; no notifiers: ") {
		t.Fatalf("run: no summary line:\n%s", stderr)
	}
	// a dry run wrote and committed nothing: its text says what would
	// change, and no summary says it was written (review s32 F5)
	nf.SetJobs([]fake.Job{netflixJob(1), netflixJob(2), netflixJob(3)})
	code, stdout, stderr = runIn(t, cfg, "run", "--dry-run")
	if code != 0 || strings.Contains(stderr, "written to the snapshots and committed") || !strings.Contains(stdout+stderr, "would be 1 added") {
		t.Fatalf("dry run: exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	// with a notifier: no such line
	code, _, stderr, _ = runYAML(t, yml+"notifiers:\n  - {name: console, type: stdout}\n", "run")
	if code != 0 || strings.Contains(stderr, "no notifiers") {
		t.Fatalf("run with a notifier: exit %d\n%s", code, stderr)
	}
}
