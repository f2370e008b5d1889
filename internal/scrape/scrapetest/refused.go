package scrapetest

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// Run is what a run makes of a listing: the postings that came out
// complete (as the listing gave them or after their detail) and the
// detail errors, by id.
type Run struct {
	Done   map[string]model.Raw
	Failed map[string]error
}

// RunDetails lists with a and asks the detail of every incomplete posting,
// as the watcher's run does; a listing error fails the test.
func RunDetails(t testing.TB, a scrape.Adapter) Run {
	t.Helper()
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatalf("listing: %v", err)
	}
	run := Run{Done: map[string]model.Raw{}, Failed: map[string]error{}}
	for _, r := range raws {
		if !r.Complete {
			d, err := a.Detail(context.Background(), r)
			if err != nil {
				run.Failed[r.ID] = err
				continue
			}
			r = d
		}
		run.Done[r.ID] = r
	}
	return run
}

// Check fails t unless exactly the ids of refused failed, each with an
// error holding every one of want, where {id} stands for the id and {q}
// for it quoted (%q), and the postings done are exactly done.
func (r Run) Check(t testing.TB, refused []string, done []string, want ...string) {
	t.Helper()
	for _, id := range refused {
		err := r.Failed[id]
		if err == nil {
			t.Errorf("posting %q: no error (done: %v)", id, r.Done[id].Complete)
			continue
		}
		for _, w := range want {
			w = strings.NewReplacer("{id}", id, "{q}", strconv.Quote(id)).Replace(w)
			if !strings.Contains(err.Error(), w) {
				t.Errorf("posting %q: error %q does not name %q", id, err, w)
			}
		}
	}
	if len(r.Failed) != len(refused) {
		t.Errorf("failed %v, want only %q", keys(r.Failed), refused)
	}
	if got := keys(r.Done); strings.Join(got, "\x00") != strings.Join(sorted(done), "\x00") {
		t.Errorf("postings done %q, want %q", got, sorted(done))
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}
