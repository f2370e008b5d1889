package watch

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// writeLog records, in order, a run's writes to its store by source, the
// ends of sources (EndSource) and of the write phase.
type writeLog struct {
	snapshot.Backend
	mu  sync.Mutex
	log []string
}

func (w *writeLog) add(s string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.log = append(w.log, s)
}

func (w *writeLog) WritePosting(source, id string, data []byte) (string, error) {
	w.add("write:" + source)
	return w.Backend.WritePosting(source, id, data)
}

func (w *writeLog) RemovePosting(source, id string) (string, error) {
	w.add("write:" + source)
	return w.Backend.RemovePosting(source, id)
}

func (w *writeLog) SaveIndex(source string, idx snapshot.Index) (string, error) {
	w.add("write:" + source)
	return w.Backend.SaveIndex(source, idx)
}

func (w *writeLog) SaveValidators(source string, data []byte) (string, error) {
	w.add("write:" + source)
	return w.Backend.SaveValidators(source, data)
}

func (w *writeLog) SaveAdapterState(source string, data []byte) (string, bool, error) {
	w.add("write:" + source)
	return w.Backend.SaveAdapterState(source, data)
}

func (w *writeLog) EndSource(source string) { w.add("end:" + source) }

func (w *writeLog) EndWrite() error {
	w.add("endwrite")
	return w.Backend.EndWrite()
}

// A store that buffers a write phase (pgstore) is told when a source's
// run has made its last write (EndSource), after its index, validators and
// adapter state and before the write phase ends, once per source written:
// a second run of the source in the same write phase is then a batch of
// its own (review s25b P1).
func TestRunnerEndsEachSourceAfterItsLastWrite(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	store := r.back
	for round := 0; round < 2; round++ {
		w := &writeLog{Backend: store}
		r.back = w
		run(t, r, cfg)
		r.back = store
		got := strings.Join(w.log, " ")
		end := slices.Index(w.log, "end:nf")
		last := slices.Index(w.log, "endwrite")
		if end < 0 || last < end || slices.Contains(w.log[end+1:], "write:nf") || strings.Count(got, "end:nf") != 1 {
			t.Fatalf("round %d: calls %q, want every write of nf, then end:nf once, then endwrite", round, got)
		}
		if !slices.Contains(w.log[:end], "write:nf") {
			t.Fatalf("round %d: calls %q: the source was ended without its writes", round, got)
		}
		nf.SetJobs([]fake.Job{job(1), job(3)})
	}
}
