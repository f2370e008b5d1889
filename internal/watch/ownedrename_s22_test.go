package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// The usual reason a run is stopped is the daemon's restart after a config
// edit. When that edit renames (or drops) a source, the recovery's
// keep-only-the-watcher's-files filter (snapshot.Store.Owned with the new
// config's sources) leaves out the files the stopped run wrote in the old
// source's folder: they stay modified in the work tree for good (git
// status never clean again: a CI job's `git pull --rebase` refuses), while
// the old source's index, which the filter keeps, is committed.
func TestRecoveryAfterSourceRenamed(t *testing.T) {
	t.Parallel()
	nf, rc := fake.New(t, "netflix.com", []fake.Job{job(0), job(1)}), newStateReceiver(t)
	dir := t.TempDir()
	parse := func(name string) *config.Config {
		cfg, err := config.Parse([]byte(fmt.Sprintf(`snapshots: snaps
git: {commit: true}
http: {per_host_delay: 1ms, retries: 1}
sources:
  - {name: %s, type: eightfold, url: %q, domain: netflix.com}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, name, nf.URL, rc.URL)), filepath.Join(dir, "config.yaml"), nil, Plugins())
		if err != nil {
			t.Fatal(err)
		}
		return cfg
	}
	cfg := parse("nf")
	r := freshRunner(t, cfg)
	run(t, r, cfg)
	nf.SetJobs([]fake.Job{retitled(0), retitled(1)})
	stoppedRun(t, r, cfg, stopAtWrite(1))
	cfg2 := parse("netflix")
	run(t, freshRunner(t, cfg2), cfg2)
	if out := gitOut(t, cfg.Snapshots, "status", "--porcelain", "--untracked-files=all"); strings.TrimSpace(out) != "" {
		t.Errorf("after the recovery, the snapshot folder differs from HEAD:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(cfg.Snapshots, "nf", "100.json")); err != nil {
		t.Fatal(err)
	}
}
