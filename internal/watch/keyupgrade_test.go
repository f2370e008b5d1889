package watch

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A folder written before posting keys were trimmed and masked (before
// d86d7b3: a posting was kept under model.PostingKey of the platform's id
// as the listing gave it, its file named after that, its snapshot's id
// trimmed and masked) is upgraded once: the files move to their keys'
// names in one commit of their own, and the run reports no change, no
// event; a second run has nothing to upgrade or commit.
func TestOldKeyFolderUpgradesWithoutChanges(t *testing.T) {
	t.Parallel()
	// After a first run, the folder as the build before d86d7b3 left it:
	// each posting's file and index entry under model.PostingKey of the
	// listing's id.
	cfg, renamed := oldKeysSource(t, "sk_live_Upgr4d3Q")
	if renamed != 2 {
		t.Fatalf("%d files named differently by the old rule, want 2", renamed)
	}
	run := func() Result { t.Helper(); return runQuiet(t, cfg) }
	git := snapGit(t, cfg.Snapshots)

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
	s := snapStore(t, cfg)
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
