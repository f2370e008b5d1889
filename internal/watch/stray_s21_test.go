package watch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Review s20 F11: a snapshot file that the index does not name and whose
// posting the board does not list (copied in, restored by hand from a
// backup; or another posting's copy under another name) was ignored by the
// run without a word, run after run, while the read commands listed it as
// open. Now every run warns of it, naming the file, and leaves it as it is
// (nothing reported, nothing committed: it is the user's file). A folder
// without such a file has no such warning (a posting missing inside its
// debounce window, its file kept, is not one; nor a removed one).
func TestSnapshotFileNotInTheIndexIsWarnedOf(t *testing.T) {
	t.Parallel()
	var logs notifytest.Buffer
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)}), newHook(t)
	r, cfg := loggedRunner(t, nf, h, &logs)
	run(t, r, cfg)
	nf.SetJobs([]fake.Job{job(1), job(2)}) // 103 missing (remove_after 2 by default), its file kept
	run(t, r, cfg)
	run(t, r, cfg) // 103 removed, its file too
	if strings.Contains(logs.String(), "not in the index") {
		t.Fatalf("a warning of a file not in the index, with none there:\n%s", logs.String())
	}
	dir := snapStore(t, cfg).SourceDir("nf")
	good := readFile(t, filepath.Join(dir, "102.json"))
	strays := map[string]string{
		"999.json":    strings.ReplaceAll(strings.ReplaceAll(good, `"102"`, `"999"`), "Data Scientist 2 (L4)", "Stray 999"),
		"zz-101.json": strings.Replace(readFile(t, filepath.Join(dir, "101.json")), "Data Scientist 1 (L4)", "Imposter", 1),
	}
	for name, data := range strays {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	head := gitOut(t, cfg.Snapshots, "rev-parse", "HEAD")
	for i := 0; i < 2; i++ {
		from := len(logs.String())
		res := run(t, r, cfg)
		out := logs.String()[from:]
		if s := res.Sources[0]; s.Added+s.Removed+s.Changed+s.Rewrites != 0 || len(res.Events) != 0 {
			t.Fatalf("%+v, %d events; want nothing reported", s, len(res.Events))
		}
		for name := range strays {
			if !warned(out, "source=nf", "not in the index", name) {
				t.Fatalf("run %d: no warning naming %s:\n%s", i+1, name, out)
			}
		}
		if got := gitOut(t, cfg.Snapshots, "rev-parse", "HEAD"); got != head {
			t.Fatalf("run %d committed", i+1)
		}
	}
	for name, data := range strays {
		if got := readFile(t, filepath.Join(dir, name)); got != data {
			t.Fatalf("%s was changed:\n%s", name, got)
		}
	}
}
