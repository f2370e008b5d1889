package serve

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A run folds its outbox files into its commit after delivery (Amend): the
// commit's hash and time change, the events' ids must not (a feed reader
// or API client that polled in between would see every change twice).
func TestEventIDsSurviveTheOutboxAmend(t *testing.T) {
	f := writeFolder(t, []model.Posting{{ID: "1", Title: "Data Engineer", URL: "https://acme.example/1"}})
	repo, err := gitrepo.Open(f.Dir)
	if err != nil {
		t.Fatal(err)
	}
	who := gitrepo.Author{Name: "w", Email: "w@localhost"}
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	posting := filepath.Join(f.Dir, "acme", "1.json")
	hash, ok, err := repo.Commit([]string{posting}, "acme: 1 added", who, at)
	if err != nil || !ok {
		t.Fatalf("commit: %v %v", ok, err)
	}
	ids := func() []string {
		t.Helper()
		evs, err := f.Events(EventQuery{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range evs {
			out = append(out, e.Type+" "+e.ID)
		}
		return out
	}
	before := ids()
	if len(before) != 1 {
		t.Fatalf("events %v", before)
	}
	outbox := filepath.Join(f.Dir, ".watcher", "outbox", "hooks.json")
	if err := os.MkdirAll(filepath.Dir(outbox), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(outbox, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	amended, done, err := repo.Amend(hash, []string{outbox}, at.Add(20*time.Second))
	if err != nil || !done || amended == hash {
		t.Fatalf("amend: %q %v %v", amended, done, err)
	}
	if after := ids(); len(after) != 1 || after[0] != before[0] {
		t.Fatalf("ids before the amend %v, after %v", before, after)
	}
}
