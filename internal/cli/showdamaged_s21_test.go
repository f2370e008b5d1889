package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// TestShowAndStatusNameADamagedHead: with the snapshot repository's HEAD
// emptied, `show` and `status` fail naming the damaged HEAD instead of
// reading the folder as one without history ("none in git").
func TestShowAndStatusNameADamagedHead(t *testing.T) {
	t.Parallel()
	e := newEnv(t, []fake.Job{netflixJob(1)})
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("run: %d %s", code, stderr)
	}
	head := filepath.Join(e.dir, "snaps", ".git", "HEAD")
	if err := os.WriteFile(head, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	id := netflixJob(1).ID
	for _, args := range [][]string{{"show", "netflix-data-insights", strconv.FormatInt(id, 10)}, {"status"}} {
		code, stdout, stderr := e.run(t, args...)
		if code == 0 || !strings.Contains(stderr, head) || !strings.Contains(stderr, "damaged") {
			t.Errorf("%v: exit %d, want a failure naming %s as damaged\nstdout: %s\nstderr: %s", args, code, head, stdout, stderr)
		}
		if strings.Contains(stdout, "none in git") {
			t.Errorf("%v: read the damaged repository as one without history:\n%s", args, stdout)
		}
	}
}
