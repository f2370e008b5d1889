package watch

import (
	"os"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Review s17 F6: a snapshot file that decodes but holds another posting
// (its id or source another: a copy over the wrong file, a bad merge) is
// no hand edit of this posting to keep: the next run rewrites it from the
// fetched posting, with a warning naming it and no event, as a torn file.
func TestSnapshotFileOfAnotherPostingIsRewritten(t *testing.T) {
	for name, content := range map[string]string{
		"another id":     `{"id": "9999", "source": "nf", "title": "Injected"}`,
		"another source": `{"id": "102", "source": "gh", "title": "Injected"}`,
	} {
		t.Run(name, func(t *testing.T) {
			var logs notifytest.Buffer
			nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)}), newHook(t)
			r, cfg := loggedRunner(t, nf, h, &logs)
			run(t, r, cfg)
			h.take()
			path := snapStore(t, cfg).PostingPath("nf", "102")
			good := readFile(t, path)
			if err := os.WriteFile(path, []byte(content+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			res := run(t, r, cfg)
			if st := res.Sources[0]; st.Added+st.Removed+st.Changed != 0 || len(res.Events) != 0 {
				t.Fatalf("%+v, %d events; want nothing reported", st, len(res.Events))
			}
			if got := readFile(t, path); got != good {
				t.Fatalf("the file was not rewritten:\n%s", got)
			}
			if !warned(logs.String(), "source=nf", path, "unreadable") {
				t.Fatalf("no warning naming the file:\n%s", logs.String())
			}
			checkSettled(t, cfg)
		})
	}
}
