package watch

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// loggedRunner is newRunner with its log kept in logs.
func loggedRunner(t *testing.T, nf *fake.Server, h *hook, logs *notifytest.Buffer) (*Runner, *config.Config) {
	t.Helper()
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
guard: {shrink_pause: 1ms}
sources:
  - {name: nf, type: eightfold, url: %q, domain: netflix.com}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, nf.URL, h.URL)
	cfg := parseConfig(t, t.TempDir(), yml, nil)
	return quietRunner(t, cfg, Options{Logger: slog.New(slog.NewTextHandler(logs, nil))}), cfg
}

// warned reports whether logs hold a WARN line with every one of words.
func warned(logs string, words ...string) bool {
	for _, l := range strings.Split(logs, "\n") {
		if !strings.Contains(l, "level=WARN") {
			continue
		}
		all := true
		for _, w := range words {
			all = all && strings.Contains(l, w)
		}
		if all {
			return true
		}
	}
	return false
}

// A corrupt index (a torn write, a bad merge) is rebuilt from the snapshot
// files: the run warns, naming the file and the source; the rebuilt index
// is committed in the run's commit, which says so; no posting is reported
// added or removed because of the rebuild; the folder is clean after it.
func TestCorruptIndexIsRebuiltAndCommitted(t *testing.T) {
	t.Parallel()
	for _, also := range []bool{false, true} {
		t.Run(fmt.Sprintf("with a change %v", also), func(t *testing.T) {
			var logs notifytest.Buffer
			nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)}), newHook(t)
			r, cfg := loggedRunner(t, nf, h, &logs)
			run(t, r, cfg)
			h.take()
			path := filepath.Join(cfg.Snapshots, filepath.FromSlash(snapshot.IndexRel("nf")))
			if err := os.WriteFile(path, []byte("{\n \"generation\": 1,\n \"postings\": {\n  \"101\": {"), 0o644); err != nil {
				t.Fatal(err)
			}
			if also {
				nf.SetJobs([]fake.Job{job(1), job(2), job(3), job(4)})
			}
			res := run(t, r, cfg)
			s := res.Sources[0]
			wantAdded := 0
			if also {
				wantAdded = 1
			}
			if s.Added != wantAdded || s.Removed+s.Changed+s.Missing != 0 || len(res.Events) != wantAdded {
				t.Fatalf("run over a corrupt index: %+v, %d events; want %d added and nothing else", s, len(res.Events), wantAdded)
			}
			if !warned(logs.String(), "source=nf", path, "index") {
				t.Fatalf("no warning naming the index file and the source:\n%s", logs.String())
			}
			if res.Commit == "" {
				t.Fatal("the rebuilt index was not committed")
			}
			msg := gitOut(t, cfg.Snapshots, "log", "-1", "--format=%B")
			if !strings.Contains(msg, "\nnf: index rebuilt from snapshots\n") {
				t.Fatalf("the commit does not say the index was rebuilt:\n%s", msg)
			}
			if also && !strings.Contains(msg, "+ 104 Data Scientist 4 (L4)") {
				t.Fatalf("the commit lost the run's change:\n%s", msg)
			}
			checkSettled(t, cfg)
			if got := h.take(); len(got) != wantAdded {
				t.Fatalf("the webhook got %d events, want %d", len(got), wantAdded)
			}
			if got := run(t, r, cfg); got.Commit != "" || len(got.Events) != 0 {
				t.Fatalf("the run after the repair: commit %q, %d events", got.Commit, len(got.Events))
			}
		})
	}
}
