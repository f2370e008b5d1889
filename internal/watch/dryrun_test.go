package watch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// A dry run over a snapshot folder that does not exist yet reports every
// posting as added and makes nothing: no folder, no repository, no
// delivery.
func TestDryRunOnAFreshFolderMakesNothing(t *testing.T) {
	t.Parallel()
	nf := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)})
	h := newHook(t)
	dir := t.TempDir()
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
sources:
  - {name: nf, type: eightfold, url: %q, domain: netflix.com}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, nf.URL, h.URL)
	cfg := parseConfig(t, dir, yml, nil)
	r := quietRunner(t, cfg, Options{DryRun: true})
	res, err := r.Run(context.Background(), cfg.Sources)
	if err != nil || res.Failed() {
		t.Fatalf("dry run: %v %+v", err, res)
	}
	if len(res.Events) != 2 || res.Sources[0].Added != 2 || res.Commit != "" {
		t.Fatalf("dry run: %d events, %d added, commit %q", len(res.Events), res.Sources[0].Added, res.Commit)
	}
	if _, err := os.Stat(filepath.Join(dir, "snaps")); !os.IsNotExist(err) {
		t.Fatalf("the dry run made the snapshot folder: %v", err)
	}
	if got := h.take(); len(got) != 0 {
		t.Fatalf("the dry run delivered %v", got)
	}
	text := DryRunText(res)
	if !strings.Contains(text, "nf: would be 2 added") || !strings.Contains(text, "+ 101 Data Scientist 1 (L4)") {
		t.Fatalf("DryRunText:\n%s", text)
	}
	if err := r.Ready(); err == nil {
		t.Fatal("Ready counts a dry run as a run that ended")
	}
}
