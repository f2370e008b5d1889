package watch

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// stateReceiver keeps, per posting, what the notifiers were last told:
// "" (removed or never told) or the title; and every distinct event id
// with the transition it announced.
type stateReceiver struct {
	*httptest.Server
	mu        sync.Mutex
	last      map[string]string
	ids       map[string]string
	order     []string
	delivered int
	down      bool
}

func newStateReceiver(t *testing.T) *stateReceiver {
	rc := &stateReceiver{last: map[string]string{}, ids: map[string]string{}}
	rc.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var e struct {
			Type string
			Data struct{ Posting struct{ ID, Title string } }
		}
		json.Unmarshal(b, &e)
		id := r.Header.Get("webhook-id")
		rc.mu.Lock()
		defer rc.mu.Unlock()
		if rc.down {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		rc.delivered++
		if _, seen := rc.ids[id]; seen {
			return // a receiver drops a repeated id
		}
		desc := e.Type + " " + e.Data.Posting.ID + " " + e.Data.Posting.Title
		rc.ids[id] = desc
		rc.order = append(rc.order, desc)
		if e.Type == "posting.removed" {
			rc.last[e.Data.Posting.ID] = ""
		} else {
			rc.last[e.Data.Posting.ID] = e.Data.Posting.Title
		}
	}))
	t.Cleanup(rc.Close)
	return rc
}

// Random sequences of platform states (postings absent, A or B), runs
// stopped at random writes in between, with and without git, removal
// debounce 1 and 2: the receiver must end at the platform's state, and
// (remove_after 1) get exactly one event per observed transition.
func TestMixedStoppedRuns(t *testing.T) {
	t.Parallel()
	const steps, posts = 10, 4
	for seed := range size(4, 50) {
		for _, gitOn := range []bool{true, false} {
			for _, removeAfter := range []int{1, 2} {
				name := fmt.Sprintf("seed %d git %v remove_after %d", seed, gitOn, removeAfter)
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					rng := rand.New(rand.NewPCG(uint64(seed), 22))
					// state 0 absent, 1 A, 2 B
					jobs := func(st []int, tick int) []fake.Job {
						var out []fake.Job
						for i, s := range st {
							switch s {
							case 1:
								out = append(out, job(i))
							case 2:
								out = append(out, retitled(i))
							}
						}
						if tick%2 == 0 {
							out = append(out, job(posts))
						} else {
							out = append(out, retitled(posts))
						}
						return out
					}
					st := []int{1, 1, 1, 1}
					nf, rc := fake.New(t, "netflix.com", jobs(st, 0)), newStateReceiver(t)
					dir := t.TempDir()
					cfg, err := config.Parse([]byte(fmt.Sprintf(`snapshots: snaps
git: {commit: %v}
http: {per_host_delay: 1ms, retries: 1}
guard: {shrink_pause: 1ms, remove_after: %d, max_shrink: 100%%}
sources:
  - {name: nf, type: eightfold, url: %q, domain: netflix.com}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, gitOn, removeAfter, nf.URL, rc.URL)), filepath.Join(dir, "config.yaml"), nil, Plugins())
					if err != nil {
						t.Fatal(err)
					}
					r := freshRunner(t, cfg)
					run(t, r, cfg)
					title := func(i, s int) string {
						switch s {
						case 1:
							return job(i).Name
						case 2:
							return retitled(i).Name
						}
						return ""
					}
					told := map[string]string{}
					for i, s := range st {
						told[strconv.Itoa(100+i)] = title(i, s)
					}
					told[strconv.Itoa(100+posts)] = job(posts).Name
					rc.mu.Lock()
					rc.ids, rc.order = map[string]string{}, nil
					for k, v := range told {
						rc.last[k] = v
					}
					rc.mu.Unlock()
					var log []string
					observed := []([]int){append([]int(nil), st...)}
					for step := 1; step <= steps; step++ {
						for i := range st {
							if rng.IntN(3) == 0 {
								st[i] = rng.IntN(3)
							}
						}
						nf.SetJobs(jobs(st, step))
						observed = append(observed, append([]int(nil), st...))
						rc.mu.Lock()
						rc.down = rng.IntN(3) == 0
						rc.mu.Unlock()
						if rng.IntN(3) > 0 {
							k := 1 + rng.IntN(3)
							ctx, cancel := context.WithCancel(context.Background())
							store := r.back
							if rng.IntN(2) == 0 {
								r.back = stopAtWrite(k)(store, cancel)
							} else {
								r.back = &stopAfterRemoves{Backend: store, n: k, cancel: cancel}
							}
							res, err := r.Run(ctx, cfg.Sources)
							r.back = store
							cancel()
							if err != nil {
								t.Fatalf("step %d: %v", step, err)
							}
							log = append(log, fmt.Sprintf("step %d %v stopped@%d interrupted=%v", step, st, k, res.Interrupted))
						} else {
							run(t, r, cfg)
							log = append(log, fmt.Sprintf("step %d %v complete", step, st))
						}
						if rng.IntN(3) == 0 {
							if _, err := r.Redeliver(context.Background()); err != nil {
								t.Logf("step %d: redeliver: %v", step, err)
							}
							log = append(log, "  (redeliver)")
						}
						if rng.IntN(4) == 0 {
							r = freshRunner(t, cfg) // another process
							log = append(log, "  (new process)")
						}
					}
					rc.mu.Lock()
					rc.down = false
					rc.mu.Unlock()
					r = freshRunner(t, cfg) // a fresh process: no circuit left open by the receiver's outage
					run(t, r, cfg)
					run(t, r, cfg)
					rc.mu.Lock()
					defer rc.mu.Unlock()
					for i, s := range st {
						id := strconv.Itoa(100 + i)
						if got, want := rc.last[id], title(i, s); got != want {
							t.Errorf("%s: the receiver was last told %q, the platform has %q", id, got, want)
						}
					}
					if removeAfter == 1 {
						want := 0
						for j := 1; j < len(observed); j++ {
							for i := range st {
								if observed[j][i] != observed[j-1][i] {
									want++
								}
							}
						}
						want += steps // the ticker
						if got := len(rc.ids); got != want {
							t.Errorf("%d distinct events, want %d (one per observed transition)", got, want)
						}
					}
					if t.Failed() {
						for _, l := range log {
							t.Log(l)
						}
						o := append([]string(nil), rc.order...)
						sort.Strings(o)
						for _, l := range rc.order {
							t.Log("event:", l)
						}
					}
				})
			}
		}
	}
}
