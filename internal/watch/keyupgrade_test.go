package watch

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A folder written before posting keys were trimmed and masked (before
// d86d7b3: a posting was kept under model.PostingKey of the platform's id
// as the listing gave it, its file named after that, its snapshot's id
// trimmed and masked) is upgraded once: the files move to their keys'
// names in one commit of their own, and the run reports no change, no
// event; a second run has nothing to upgrade or commit.
func TestOldKeyFolderUpgradesWithoutChanges(t *testing.T) {
	const key = "sk_live_Upgr4d3Q"
	cfg := keyedLever(t, map[string]string{"KEY": key}, "", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `[{"id":"job-%s-1","text":"Data Engineer","hostedUrl":"https://jobs.lever.co/acme/1"},
			{"id":" 42 ","text":"Analyst","hostedUrl":"https://jobs.lever.co/acme/42"},
			{"id":"7","text":"Scientist","hostedUrl":"https://jobs.lever.co/acme/7"}]`, r.URL.Query().Get("api_key"))
	})
	run := func() Result { t.Helper(); return runQuiet(t, cfg) }
	git := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("git", append([]string{"-C", cfg.Snapshots}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	run()

	// The folder as the build before d86d7b3 left it: each posting's
	// file and index entry under model.PostingKey of the listing's id.
	rawOf := map[string]string{"job-[redacted:KEY]-1": "job-" + key + "-1", "42": " 42 ", "7": "7"}
	oldKey := func(raw string) string { return model.PostingKey(raw) } // d86d7b3^: key := model.PostingKey(raw.ID)
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
	renamed := 0
	for id, raw := range rawOf {
		e, ok := entries[id]
		if !ok {
			t.Fatalf("index has no %q: %v", id, entries)
		}
		old[oldKey(raw)] = e
		from, to := s.PostingPath("lv", id), s.PostingPath("lv", oldKey(raw))
		if from != to {
			renamed++
			git("mv", filepath.Base(filepath.Dir(from))+"/"+filepath.Base(from), filepath.Base(filepath.Dir(to))+"/"+filepath.Base(to))
		}
	}
	if renamed != 2 {
		t.Fatalf("%d files named differently by the old rule, want 2", renamed)
	}
	idx["postings"] = old
	b, err = json.MarshalIndent(idx, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(idxPath, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	git("add", "-A")
	git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "an old build's folder")

	res := run()
	for _, sr := range res.Sources {
		if sr.Added+sr.Removed+sr.Changed+sr.Missing != 0 {
			t.Errorf("the run after the upgrade reports changes: %+v", sr)
		}
	}
	if len(res.Events) != 0 {
		t.Errorf("events after the upgrade: %+v", res.Events)
	}
	if subj := git("log", "-1", "--format=%s"); strings.TrimSpace(subj) != snapshot.UpgradeCommitSubject {
		t.Errorf("last commit %q, want the upgrade's", subj)
	}
	if st := git("status", "--porcelain"); st != "" {
		t.Errorf("uncommitted after the upgrade:\n%s", st)
	}
	if moves := git("show", "--name-status", "-M", "--format=", "HEAD"); strings.Count(moves, "R100") != 2 {
		t.Errorf("the upgrade commit is not two renames:\n%s", moves)
	}
	posts, err := s.Postings("lv")
	if err != nil {
		t.Fatal(err)
	}
	if len(posts) != 3 {
		t.Errorf("postings after the upgrade: %d, want 3", len(posts))
	}
	head := git("rev-parse", "HEAD")
	res = run()
	if len(res.Events) != 0 || git("rev-parse", "HEAD") != head {
		t.Errorf("a second run after the upgrade made events %v or a commit", res.Events)
	}
}
