package serve

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A source's first failed run, committed with an index that no commit
// held before, is a source.failed event only when its failure count
// reached fail_after, as the run notified it: below it, the feeds and the
// API show nothing.
func TestFirstFailedRunBelowFailAfterIsNoEvent(t *testing.T) {
	for _, tc := range []struct {
		failAfter int // 0: the config's default (3)
		incidents int // the index's counter after the run (seed 1000)
		want      int // source.failed events
	}{
		{0, 1000, 0},
		{3, 1000, 0},
		{1, 1001, 1}, // fail_after 1: the first failure notified
	} {
		f := writeFolder(t, nil)
		f.FailAfter = tc.failAfter
		repo, err := gitrepo.Open(f.Dir)
		if err != nil {
			t.Fatal(err)
		}
		idx := snapshot.Index{Generation: 1000, Incidents: tc.incidents, Failures: 1, Postings: map[string]snapshot.Entry{}}
		b, err := json.Marshal(idx)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(f.Dir, filepath.FromSlash(snapshot.IndexRel("acme")))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := repo.Commit([]string{p}, "acme: fetch failed (1 in a row)", gitrepo.Author{Name: "w", Email: "w@localhost"}, time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)); err != nil || !ok {
			t.Fatalf("commit: %v %v", ok, err)
		}
		evs, err := f.Events(EventQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != tc.want || (tc.want == 1 && evs[0].Type != "source.failed") {
			t.Errorf("fail_after %d, first failure (incidents %d): events %+v, want %d source.failed", tc.failAfter, tc.incidents, evs, tc.want)
		}
	}
}
