package watch

import (
	"os"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Review s17 F14: a run that failed in its write phase (its marker left)
// and a snapshot file deleted afterwards by hand, of a posting that run
// never removed (no posting.removed recorded): the recovery does not take
// the file's absence for the stopped run's removal, and the next run
// restores the file quietly instead of reporting the posting added again.
func TestFileGoneAfterAFailedRunIsNotAddedAgain(t *testing.T) {
	var logs notifytest.Buffer
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)}), newHook(t)
	r, cfg := loggedRunner(t, nf, h, &logs)
	run(t, r, cfg)
	h.take()
	s := snapStore(t, cfg)
	if err := s.BeginWrite(); err != nil { // a run that stopped in its write phase
		t.Fatal(err)
	}
	path := s.PostingPath("nf", "102")
	good := readFile(t, path)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	res := run(t, quietRunner(t, cfg, Options{}), cfg)
	if st := res.Sources[0]; st.Added+st.Removed+st.Changed != 0 || len(res.Events) != 0 {
		t.Fatalf("%+v, %d events; want nothing reported", st, len(res.Events))
	}
	if got := readFile(t, path); got != good {
		t.Fatalf("the file was not restored:\n%s", got)
	}
	checkSettled(t, cfg)
	if n := len(h.take()); n != 0 {
		t.Fatalf("%d events delivered", n)
	}
}
