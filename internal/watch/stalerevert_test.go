package watch

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// stopAfterRemoves is the snapshot store of a run that a signal stops
// after its n-th posting file is removed.
type stopAfterRemoves struct {
	snapshot.Backend
	n      int
	cancel func()
}

func (s *stopAfterRemoves) RemovePosting(source, id string) (string, error) {
	p, err := s.Backend.RemovePosting(source, id)
	if s.n--; s.n == 0 {
		s.cancel()
	}
	return p, err
}

// stoppedRun runs r with its store wrapped by wrap (which cancels the
// run's context at its chosen write) and checks that the run stopped in
// its write phase and left its marker.
func stoppedRun(t *testing.T, r *Runner, cfg *config.Config, wrap func(b snapshot.Backend, cancel func()) snapshot.Backend) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	store := r.back
	r.back = wrap(store, cancel)
	res, err := r.Run(ctx, cfg.Sources)
	r.back = store
	if err != nil || !res.Interrupted {
		t.Fatalf("stopped run: interrupted %v, error %v", res.Interrupted, err)
	}
	if ok, _ := r.store.Interrupted(); !ok {
		t.Fatal("no run marker after a run stopped while writing")
	}
}

// stopAtWrite wraps a store so that the run stops after its n-th
// posting file written.
func stopAtWrite(n int) func(snapshot.Backend, func()) snapshot.Backend {
	return func(b snapshot.Backend, cancel func()) snapshot.Backend {
		return &stopAfterWrites{Backend: b, n: n, cancel: cancel}
	}
}

// freshRunner is another process on the same folder and config.
func freshRunner(t *testing.T, cfg *config.Config) *Runner {
	t.Helper()
	r, err := New(cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func readPosting(t *testing.T, cfg *config.Config, id string) model.Posting {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(cfg.Snapshots, "nf", id+".json"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := model.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// checkSettled checks that the folder is as a completed run leaves it:
// the work tree is HEAD, no run marker, and every index entry names its
// file's content and carries no flag.
func checkSettled(t *testing.T, cfg *config.Config) {
	t.Helper()
	checkSettledSource(t, cfg, "nf")
}

func checkSettledSource(t *testing.T, cfg *config.Config, src string) {
	t.Helper()
	if out := gitOut(t, cfg.Snapshots, "status", "--porcelain", "--untracked-files=all"); strings.TrimSpace(out) != "" {
		t.Fatalf("the snapshot folder differs from HEAD:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(cfg.Snapshots, snapshot.StateDir, "run-in-progress")); err == nil {
		t.Fatal("the run marker is still there")
	}
	b, err := os.ReadFile(filepath.Join(cfg.Snapshots, filepath.FromSlash(snapshot.IndexRel(src))))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "file_moved") {
		t.Fatalf("the index still flags a posting:\n%s", b)
	}
	var idx snapshot.Index
	if err := json.Unmarshal(b, &idx); err != nil {
		t.Fatal(err)
	}
	for id, e := range idx.Postings {
		data, err := os.ReadFile(filepath.Join(cfg.Snapshots, src, id+".json"))
		if err != nil {
			t.Fatalf("posting %s: %v", id, err)
		}
		if model.Hash(data) != e.Hash {
			t.Fatalf("posting %s: its file is not the version the index names", id)
		}
	}
}

// A run stopped after it put a change's event (A -> B) in the outbox and
// rewrote the posting's file, before it saved the index; then the
// platform went back to A, with A's update stamp. The next run must not
// keep the posting by its stamp (its file holds B, which the recovery
// committed): it rewrites the file to A and reports B -> A, with an
// event of its own; the notifiers get A -> B once and B -> A once, and
// everything is settled after it.
func TestRevertAfterAStoppedChangeIsReported(t *testing.T) {
	t.Parallel() // its own board, hook and folder: runs beside the waiting tests
	for _, tc := range []struct {
		name string
		back fake.Job // what the platform shows after the stopped run
		// fresh: the next run is another process (the marker is what
		// tells), not the one whose run stopped
		fresh bool
	}{
		{"same stamp", job(1), false},
		{"same stamp, another process", job(1), true},
		// a new update stamp, the same content: kept by its hash before
		{"new stamp", func() fake.Job { j := job(1); j.TUpdate += 5; return j }(), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)}), newHook(t)
			r, cfg := newRunner(t, nf, h)
			run(t, r, cfg)
			if got := h.take(); len(got) != 3 {
				t.Fatalf("first run: %d events", len(got))
			}
			before := readPosting(t, cfg, "101")

			// two changes: the run stops at the posting boundary after
			// the first file (101), before 102's and before the index
			nf.SetJobs([]fake.Job{retitled(1), job(2), retitled(3)})
			stoppedRun(t, r, cfg, stopAtWrite(1))
			if p := readPosting(t, cfg, "101"); !strings.HasPrefix(p.Title, "Staff ") {
				t.Fatalf("the stopped run did not rewrite the file: %q", p.Title)
			}
			if got := h.take(); len(got) != 0 {
				t.Fatalf("a stopped run delivered %d events", len(got))
			}

			nf.SetJobs([]fake.Job{tc.back, job(2), retitled(3)})
			next := r
			if tc.fresh {
				next = freshRunner(t, cfg)
			}
			res := run(t, next, cfg)
			s := res.Sources[0]
			if s.Changed != 2 || s.Added+s.Removed+s.Rewrites != 0 {
				t.Fatalf("run after the revert: %d changed, %d added, %d removed, %d re-normalized; want 2 changed (the revert, the stopped run's other change)", s.Changed, s.Added, s.Removed, s.Rewrites)
			}
			if p := readPosting(t, cfg, "101"); p.Title != before.Title {
				t.Fatalf("the snapshot holds %q after the platform went back to %q", p.Title, before.Title)
			}
			msg := gitOut(t, cfg.Snapshots, "log", "-1", "--format=%B")
			if subj, _, _ := strings.Cut(msg, "\n"); subj != "nf: 2 changed" {
				t.Fatalf("subject %q, want %q:\n%s", subj, "nf: 2 changed", msg)
			}
			if want := "title Staff Data Scientist 1 (L4) -> Data Scientist 1 (L4)"; !strings.Contains(msg, want) {
				t.Fatalf("no line %q in:\n%s", want, msg)
			}
			var changed []notifyEvent
			for _, e := range res.Events {
				ev := notifyEvent{id: e.ID, typ: e.Type}
				if e.Data.Previous != nil && e.Data.Posting != nil {
					ev.from, ev.to = e.Data.Previous.Title, e.Data.Posting.Title
				}
				changed = append(changed, ev)
			}
			// 103's event is made again with the stopped run's id (the
			// outbox has it once)
			if len(changed) != 2 || changed[0].typ != "posting.changed" || changed[0].from != "Staff Data Scientist 1 (L4)" || changed[0].to != before.Title {
				t.Fatalf("events of the run after the revert: %+v, want a posting.changed from the stopped run's title back to %q, then 103's", changed, before.Title)
			}
			ids := h.take()
			sorted := slices.Clone(ids)
			slices.Sort(sorted)
			if len(ids) != 3 || len(slices.Compact(sorted)) != 3 || !slices.Contains(ids, changed[0].id) || !slices.Contains(ids, changed[1].id) {
				t.Fatalf("the webhook got %v, want the stopped run's two changes and the revert (%s), each once", ids, changed[0].id)
			}
			checkSettled(t, cfg)
			if got := run(t, next, cfg); got.Commit != "" || len(h.take()) != 0 || got.Sources[0].Changed != 0 {
				t.Fatal("the run after committed, changed or sent again")
			}
		})
	}
}

type notifyEvent struct{ id, typ, from, to string }

// The platform moved on to a third version C after the stopped run wrote
// B: the change is reported from B, the version the notifiers were told
// of (the history has it too), not from A.
func TestChangeAfterAStoppedChangeIsReportedFromTheStoppedVersion(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	h.take()
	nf.SetJobs([]fake.Job{retitled(1), retitled(2)})
	stoppedRun(t, r, cfg, stopAtWrite(1))
	third := retitled(1)
	third.TUpdate++
	third.Name = "Principal Data Scientist 1 (L4)"
	nf.SetJobs([]fake.Job{third, retitled(2)})
	res := run(t, r, cfg)
	if s := res.Sources[0]; s.Changed != 2 || len(res.Events) != 2 {
		t.Fatalf("%d changed, %d events; want 2 and 2", s.Changed, len(res.Events))
	}
	if e := res.Events[0]; e.Data.Previous == nil || e.Data.Previous.Title != "Staff Data Scientist 1 (L4)" {
		t.Fatalf("the change is reported from %+v, want the stopped run's version", e.Data.Previous)
	}
	if msg := gitOut(t, cfg.Snapshots, "log", "-1", "--format=%B"); !strings.Contains(msg, "title Staff Data Scientist 1 (L4) -> Principal Data Scientist 1 (L4)") {
		t.Fatalf("commit message:\n%s", msg)
	}
	if got := h.take(); len(got) != 3 {
		t.Fatalf("the webhook got %d events, want 3 (101 A -> B and B -> C, 102's change)", len(got))
	}
	checkSettled(t, cfg)
}

// payBoard is a greenhouse board of postings 1 and 2, each with two pay
// ranges, listed in one order or (swapped, with a new update stamp) the
// other: a rewrite of the snapshots with no reportable change (pay ranges
// compare as a set).
type payBoard struct {
	mu      sync.Mutex
	swapped [3]bool
}

func (b *payBoard) set(one, two bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.swapped[1], b.swapped[2] = one, two
}

func (b *payBoard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	defer b.mu.Unlock()
	var jobs []string
	for i := 1; i <= 2; i++ {
		pay := []string{`{"min_cents":10000000,"max_cents":15000000,"currency_type":"USD"}`, `{"min_cents":9000000,"max_cents":12000000,"currency_type":"USD"}`}
		stamp := "2025-01-01T00:00:00Z"
		if b.swapped[i] {
			pay[0], pay[1] = pay[1], pay[0]
			stamp = "2025-01-02T00:00:00Z"
		}
		jobs = append(jobs, fmt.Sprintf(`{"id":%d,"title":"Data Engineer %d","absolute_url":"https://boards.greenhouse.io/acme/jobs/%d","updated_at":%q,"location":{"name":"Los Gatos, California, United States"},"content":"&lt;p&gt;SQL and Python&lt;/p&gt;","pay_input_ranges":[%s]}`, i, i, i, stamp, strings.Join(pay, ",")))
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"jobs":[%s],"meta":{"total":2}}`, strings.Join(jobs, ","))
}

// payRunner is a runner of one greenhouse source "gh" on board, with the
// webhook h.
func payRunner(t *testing.T, board *payBoard, h *hook) (*Runner, *config.Config) {
	t.Helper()
	srv := httptest.NewServer(board)
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
sources:
  - {name: gh, type: greenhouse, board: acme, url: %q}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, srv.URL, h.URL)
	cfg, err := config.Parse([]byte(yml), filepath.Join(dir, "config.yaml"), nil, Plugins())
	if err != nil {
		t.Fatal(err)
	}
	return freshRunner(t, cfg), cfg
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A quiet rewrite (pay ranges listed the other way round: no reportable
// change) stopped after the file was rewritten is, in the next run, the
// quiet rewrite it was: no change line, no event; not "changed (previous
// snapshot not found)". And when the platform went back meanwhile, the
// file goes back too, as quietly.
func TestStoppedQuietRewriteStaysQuiet(t *testing.T) {
	t.Parallel()
	for _, back := range []bool{false, true} {
		t.Run(fmt.Sprintf("platform back %v", back), func(t *testing.T) {
			board, h := &payBoard{}, newHook(t)
			r, cfg := payRunner(t, board, h)
			run(t, r, cfg)
			h.take()
			file := filepath.Join(cfg.Snapshots, "gh", "1.json")
			before := readFile(t, file)

			// two quiet rewrites: the run stops after the first file
			board.set(true, true)
			if p := r.compare(r.fetchAll(context.Background(), cfg.Sources)[0]); p.rewrites != 2 || p.changed+len(p.events) != 0 {
				t.Fatalf("the swap is not two quiet rewrites: %d re-normalized, %d changed, %d events", p.rewrites, p.changed, len(p.events))
			}
			stoppedRun(t, r, cfg, stopAtWrite(1))
			if readFile(t, file) == before {
				t.Fatal("the stopped run did not rewrite the file: the test tests nothing")
			}

			if back {
				board.set(false, true)
			}
			res := run(t, r, cfg)
			s := res.Sources[0]
			if s.Changed+s.Added+s.Removed != 0 || s.Rewrites != 2 || len(res.Events) != 0 {
				t.Fatalf("run after a stopped quiet rewrite: %d changed, %d re-normalized, %d events; want 2 re-normalized and nothing else; lines %q", s.Changed, s.Rewrites, len(res.Events), s.Lines())
			}
			if lines := s.Lines(); len(lines) != 0 {
				t.Fatalf("lines %q, want none", lines)
			}
			if msg := gitOut(t, cfg.Snapshots, "log", "-1", "--format=%B"); strings.Contains(msg, "not found") || strings.Contains(msg, "changed") {
				t.Fatalf("commit message:\n%s", msg)
			}
			if got := readFile(t, file) == before; got != back {
				t.Fatalf("the file is the version before the stopped run: %v, want %v", got, back)
			}
			if got := h.take(); len(got) != 0 {
				t.Fatalf("the webhook got %d events for a quiet rewrite", len(got))
			}
			checkSettledSource(t, cfg, "gh")
		})
	}
}

// A run stopped after it removed a posting's file (its posting.removed
// event in the outbox), before it saved the index; the posting is listed
// again at the next run. It was reported removed, and the history has
// the removal: it is added again (file, line and event), as after a
// completed removal, not restored without a word.
func TestPostingBackAfterAStoppedRemovalIsAdded(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3), job(4), job(5), job(6)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	h.take()
	// two removals: the run stops after the first file removed (101)
	nf.SetJobs([]fake.Job{job(2), job(4), job(5), job(6)})
	// missing from runs in a row until the one that removes it
	for n := 0; n < 10; n++ {
		if _, err := os.Stat(filepath.Join(cfg.Snapshots, "nf", "101.json")); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		store := r.back
		stop := &stopAfterRemoves{Backend: store, n: 1, cancel: cancel}
		r.back = stop
		res, err := r.Run(ctx, cfg.Sources)
		r.back = store
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if stop.n == 0 {
			if !res.Interrupted {
				t.Fatal("the removing run was not stopped")
			}
			break
		}
		if res.Interrupted || res.Sources[0].Missing != 2 {
			t.Fatalf("run %d: %+v", n, res.Sources[0])
		}
	}
	if _, err := os.Stat(filepath.Join(cfg.Snapshots, "nf", "101.json")); err == nil {
		t.Fatal("no run removed the file")
	}
	if got := h.take(); len(got) != 0 {
		t.Fatalf("the stopped run delivered %d events", len(got))
	}

	nf.SetJobs([]fake.Job{job(1), job(2), job(4), job(5), job(6)})
	res := run(t, r, cfg)
	s := res.Sources[0]
	if s.Added != 1 || s.Removed != 1 || s.Changed != 0 || s.Lines()[0] != "+ 101 Data Scientist 1 (L4)" || res.Sources[0].returned != 0 || len(res.Events) != 2 || res.Events[0].Type != "posting.added" || res.Events[0].Data.Posting.ID != "101" {
		t.Fatalf("%+v, events %v; want 101 added again (and 103's removal redone)", s, res.Events)
	}
	if _, err := os.Stat(filepath.Join(cfg.Snapshots, "nf", "101.json")); err != nil {
		t.Fatal(err)
	}
	if got := h.take(); len(got) != 3 {
		t.Fatalf("the webhook got %d events, want 3 (101 removed and added, 103 removed)", len(got))
	}
	checkSettled(t, cfg)
}

// Without git (git.commit false), the recovery tells the rewritten files
// by their time: the revert is reported and the file rewritten as well.
func TestRevertAfterAStoppedChangeWithoutGit(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	dir := t.TempDir()
	yml := fmt.Sprintf(`snapshots: snaps
git: {commit: false}
http: {per_host_delay: 1ms, retries: 1}
sources:
  - {name: nf, type: eightfold, url: %q, domain: netflix.com}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, nf.URL, h.URL)
	cfg, err := config.Parse([]byte(yml), filepath.Join(dir, "config.yaml"), nil, Plugins())
	if err != nil {
		t.Fatal(err)
	}
	r := freshRunner(t, cfg)
	run(t, r, cfg)
	h.take()
	nf.SetJobs([]fake.Job{retitled(1), retitled(2)})
	stoppedRun(t, r, cfg, stopAtWrite(1))
	nf.SetJobs([]fake.Job{job(1), retitled(2)})
	res := run(t, r, cfg)
	// 102's change, which the stopped run recorded and the recovery wrote
	// (finishRecorded), is counted, its event not made again: without a
	// history its version before is not known (the outbox delivers the
	// stopped run's event)
	if s := res.Sources[0]; s.Changed != 2 || len(res.Events) != 1 {
		t.Fatalf("%d changed, %d events; want 2 and 1 (101's revert)", s.Changed, len(res.Events))
	}
	if p := readPosting(t, cfg, "101"); p.Title != "Data Scientist 1 (L4)" {
		t.Fatalf("the snapshot holds %q", p.Title)
	}
	if got := h.take(); len(got) != 3 {
		t.Fatalf("the webhook got %d events, want 3", len(got))
	}
	if got := run(t, r, cfg); len(got.Events) != 0 || got.Sources[0].Changed != 0 {
		t.Fatal("the run after changed again")
	}
}

// A dry run between the stopped run and the next says what the next run
// will: the revert is a change.
func TestDryRunAfterAStoppedChangeSeesTheRevert(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	nf.SetJobs([]fake.Job{retitled(1), retitled(2)})
	stoppedRun(t, r, cfg, stopAtWrite(1))
	nf.SetJobs([]fake.Job{job(1), retitled(2)})
	dry, err := New(cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	dres, err := dry.Run(context.Background(), cfg.Sources)
	if err != nil || dres.Failed() {
		t.Fatalf("dry run: %v %+v", err, dres.Sources)
	}
	if got := DryRunText(dres); !strings.HasPrefix(got, "nf: would be 2 changed\n") {
		t.Fatalf("dry run after the stopped run:\n%s", got)
	}
	if res := run(t, r, cfg); res.Sources[0].Changed != 2 {
		t.Fatalf("the run after the dry run: %+v", res.Sources[0])
	}
}
