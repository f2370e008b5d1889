package watch

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A dry run on a folder that still needs the key upgrade (files and index
// entries under the keys of the rule before d86d7b3) reports what a run
// would: nothing, as the run after the upgrade reports nothing; not the
// old keys missing and the new ones added.
func TestDryRunBeforeKeyUpgradeReportsNoChange(t *testing.T) {
	const key = "sk_live_DryK3ys"
	cfg := keyedLever(t, map[string]string{"KEY": key}, "", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `[{"id":"job-%s-1","text":"Data Engineer","hostedUrl":"https://jobs.lever.co/acme/1"},
			{"id":" 42 ","text":"Analyst","hostedUrl":"https://jobs.lever.co/acme/42"},
			{"id":"7","text":"Scientist","hostedUrl":"https://jobs.lever.co/acme/7"}]`, r.URL.Query().Get("api_key"))
	})
	git := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("git", append([]string{"-C", cfg.Snapshots}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	runQuiet(t, cfg)

	// the folder as the build before d86d7b3 left it (as in
	// TestOldKeyFolderUpgradesWithoutChanges)
	rawOf := map[string]string{"job-[redacted:KEY]-1": "job-" + key + "-1", "42": " 42 ", "7": "7"}
	s, err := snapshot.Open(cfg.Snapshots)
	if err != nil {
		t.Fatal(err)
	}
	idxPath := filepath.Join(cfg.Snapshots, filepath.FromSlash(snapshot.IndexRel("lv")))
	var idx map[string]any
	b, err := os.ReadFile(idxPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &idx); err != nil {
		t.Fatal(err)
	}
	entries := idx["postings"].(map[string]any)
	old := map[string]any{}
	for id, raw := range rawOf {
		old[model.PostingKey(raw)] = entries[id]
		from, to := s.PostingPath("lv", id), s.PostingPath("lv", model.PostingKey(raw))
		if from != to {
			git("mv", filepath.Base(filepath.Dir(from))+"/"+filepath.Base(from), filepath.Base(filepath.Dir(to))+"/"+filepath.Base(to))
		}
	}
	idx["postings"] = old
	if b, err = json.MarshalIndent(idx, "", " "); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(idxPath, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	git("add", "-A")
	git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "an old build's folder")
	if !s.NeedsKeyUpgrade("lv", nil) {
		t.Fatal("the folder needs no upgrade: the test shows nothing")
	}
	head := git("rev-parse", "HEAD")

	r, err := New(cfg, Options{DryRun: true, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(context.Background(), cfg.Sources)
	if err != nil || res.Failed() {
		t.Fatalf("dry run: %v %+v", err, res.Sources)
	}
	for _, sr := range res.Sources {
		if sr.Added+sr.Removed+sr.Changed+sr.Missing != 0 {
			t.Errorf("the dry run reports changes a run would not make: %+v\n%s", sr, DryRunText(res))
		}
	}
	if len(res.Events) != 0 {
		t.Errorf("dry run events: %+v", res.Events)
	}
	if git("rev-parse", "HEAD") != head || git("status", "--porcelain") != "" {
		t.Errorf("the dry run wrote or committed")
	}
	// and the run itself, after it, agrees
	res = runQuiet(t, cfg)
	for _, sr := range res.Sources {
		if sr.Added+sr.Removed+sr.Changed+sr.Missing != 0 {
			t.Errorf("the run after the dry run reports changes: %+v", sr)
		}
	}
}
