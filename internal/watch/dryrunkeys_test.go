package watch

import (
	"context"
	"testing"
)

// A dry run on a folder that still needs the key upgrade (files and index
// entries under the keys of the rule before d86d7b3) reports what a run
// would: nothing, as the run after the upgrade reports nothing; not the
// old keys missing and the new ones added.
func TestDryRunBeforeKeyUpgradeReportsNoChange(t *testing.T) {
	t.Parallel()
	// after a first run, the folder as the build before d86d7b3 left it
	// (as in TestOldKeyFolderUpgradesWithoutChanges)
	cfg, _ := oldKeysSource(t, "sk_live_DryK3ys")
	git := snapGit(t, cfg.Snapshots)
	s := snapStore(t, cfg)
	if !s.NeedsKeyUpgrade("lv", nil) {
		t.Fatal("the folder needs no upgrade: the test shows nothing")
	}
	head := git("rev-parse", "HEAD")

	res, err := quietRunner(t, cfg, Options{DryRun: true}).Run(context.Background(), cfg.Sources)
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
