package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// TestShowOnShallowCloneInventsNoAdditions: on a shallow clone of the
// snapshot repository, the oldest commit the clone has is not read as a
// root commit: `show` reports no "added" for a posting open since before
// the cut, and still reports one made inside the history the clone has
// (review s21 F4).
func TestShowOnShallowCloneInventsNoAdditions(t *testing.T) {
	t.Parallel()
	gitBin, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git binary to clone with")
	}
	var jobs []fake.Job
	for i := 1; i <= 6; i++ {
		jobs = append(jobs, netflixJob(i))
	}
	e := newEnv(t, jobs[:3])
	for n := 3; n <= 6; n++ { // four commits, one more posting each
		e.nf.SetJobs(jobs[:n])
		if code, _, stderr := e.run(t, "run"); code != 0 {
			t.Fatalf("run: %d %s", code, stderr)
		}
	}
	cfg, _ := os.ReadFile(e.cfg)
	for _, c := range []struct {
		depth   string
		job     int
		added   bool
		comment string
	}{
		{"1", 1, false, "open since the first commit"},
		{"1", 6, false, "added in the clone's only commit, whose parent is cut"},
		{"2", 1, false, "open since the first commit"},
		{"2", 6, true, "added in the newest commit, whose parent the clone has"},
	} {
		clone := filepath.Join(e.dir, "clone"+c.depth)
		if _, err := os.Stat(clone); err != nil {
			if out, err := exec.Command(gitBin, "clone", "-q", "--depth", c.depth, "file://"+filepath.Join(e.dir, "snaps"), clone).CombinedOutput(); err != nil {
				t.Fatalf("git clone: %v\n%s", err, out)
			}
		}
		shallowCfg := filepath.Join(e.dir, "shallow"+c.depth+".yaml")
		os.WriteFile(shallowCfg, []byte(strings.Replace(string(cfg), "snapshots: snaps", "snapshots: clone"+c.depth, 1)), 0o644)
		code, stdout, stderr := runIn(t, shallowCfg, "show", "netflix-data-insights", strconv.FormatInt(jobs[c.job-1].ID, 10))
		if code != 0 {
			t.Fatalf("show on a depth %s clone: exit %d\n%s", c.depth, code, stderr)
		}
		if got := strings.Contains(stdout, " added "); got != c.added {
			t.Errorf("depth %s, posting %d (%s): an added line %v, want %v\n%s", c.depth, c.job, c.comment, got, c.added, stdout)
		}
		// where the walk reached the cut, show says the clone is shallow,
		// not "none in git" (review s22 F5)
		// (a history that starts with the posting's addition is whole: no
		// such note)
		if strings.Contains(stdout, "none in git") || c.added == strings.Contains(stdout, "shallow clone, whose history starts at") {
			t.Errorf("depth %s, posting %d: the history does not say the clone is shallow:\n%s", c.depth, c.job, stdout)
		}
	}
}
