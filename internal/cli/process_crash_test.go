package cli

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// crashRuns: 50 kills under WATCHER_LONG_TESTS=1 (the only run of
// TestCrashSuite; -crash-runs sets another number).
var crashRuns = flag.Int("crash-runs", 50, "runs killed with SIGKILL in TestCrashSuite")

// events is a webhook receiver that records (type, posting id) pairs.
type events struct {
	mu   sync.Mutex
	seen map[string]int
}

func (e *events) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	s := string(b)
	typ := between(s, `"type":"`, `"`)
	id := between(s, `"posting":{"id":"`, `"`)
	e.mu.Lock()
	e.seen[typ+" "+id]++
	e.mu.Unlock()
}

func between(s, a, b string) string {
	i := strings.Index(s, a)
	if i < 0 {
		return ""
	}
	s = s[i+len(a):]
	if j := strings.Index(s, b); j >= 0 {
		return s[:j]
	}
	return s
}

// TestCrashSuite kills `watcher run` with SIGKILL at random points of many
// runs, each after a known set of true changes, then lets a run complete and
// checks: git fsck is clean, the work tree equals HEAD under the snapshot
// directory, the snapshot holds exactly the open postings, and in the end
// every true change was notified at least once.
//
// It runs only under WATCHER_LONG_TESTS=1 (.ci/run's long step): each kill
// costs two runs, git fsck and git status (about half of the process-level
// tests' default run at 8 kills). The default run keeps an abrupt end of a real
// process in its write phase and the next run's repair
// (TestSignalStopsTheWritePhase: two SIGINTs end it at once), and
// internal/watch checks runs interrupted at every step in process
// (TestFaultInjection, the run-in-progress marker tests).
func TestCrashSuite(t *testing.T) {
	// not parallel: its kills aim at a write phase timed by one calibration run
	if testing.Short() {
		t.Skip("builds the binary and runs it many times")
	}
	if !longTests {
		t.Skip("50 SIGKILLed runs: WATCHER_LONG_TESTS=1 (.ci/run's long step)")
	}
	gitBin, gitErr := exec.LookPath("git")
	bin := watcherBuild(t)
	rng := rand.New(rand.NewPCG(7, 11))

	jobs := map[int64]fake.Job{}
	next := int64(1000)
	mk := func(id int64, version int) fake.Job {
		return fake.Job{ID: id, Name: fmt.Sprintf("Data Engineer %d v%d (L5)", id, version), Team: "Data & Insights",
			Locations: []string{"Los Gatos,California,United States of America"}, TCreate: 1760000000, TUpdate: 1760000000 + int64(version),
			Description: fmt.Sprintf("<p><strong>Qualifications</strong></p><ul><li>Python and SQL, version %d</li></ul><p>%s</p>", version, strings.Repeat("Netflix. ", 200))}
	}
	for range 60 {
		jobs[next] = mk(next, 0)
		next++
	}
	list := func() []fake.Job {
		var out []fake.Job
		for id := int64(1000); id < next; id++ {
			if j, ok := jobs[id]; ok {
				out = append(out, j)
			}
		}
		return out
	}
	nf := fake.New(t, "netflix.com", list())
	rec := &events{seen: map[string]int{}}
	hook := httptest.NewServer(rec)
	defer hook.Close()

	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfg, []byte(fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, timeout: 5s, retries: 2}
sources:
  - {name: nf, type: eightfold, url: %q, domain: netflix.com}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, nf.URL, hook.URL)), 0o644)
	snaps := filepath.Join(dir, "snaps")

	runToEnd := func(what string) time.Duration {
		start := time.Now()
		cmd := exec.Command(bin, "run", "-c", cfg)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s: %v\n%s", what, err, stderr.String())
		}
		return time.Since(start)
	}
	want := map[string]bool{}
	for id := range jobs {
		want[fmt.Sprintf("posting.added %d", id)] = true
	}
	runToEnd("first run")
	change := func() {
		// a known set of true changes to postings that were open before:
		// one removed, eight changed; and one new posting
		var open []int64
		for id := int64(1000); id < next; id++ {
			if _, ok := jobs[id]; ok {
				open = append(open, id)
			}
		}
		rng.Shuffle(len(open), func(a, b int) { open[a], open[b] = open[b], open[a] })
		delete(jobs, open[0])
		want[fmt.Sprintf("posting.removed %d", open[0])] = true
		for _, id := range open[1:9] {
			v := int(jobs[id].TUpdate-1760000000) + 1
			jobs[id] = mk(id, v)
			want[fmt.Sprintf("posting.changed %d", id)] = true
		}
		jobs[next] = mk(next, 0)
		want[fmt.Sprintf("posting.added %d", next)] = true
		next++
		nf.SetJobs(list())
	}
	// killed starts a run and kills it with SIGKILL delay after its start,
	// or, with atWriting, delay after it logs that its write phase began.
	// It returns how far the run's log got: "fetch" (no write yet),
	// "write" (writing, not committed) or "deliver" (committed), and, when
	// it committed, how long its write phase took.
	killed := func(delay time.Duration, atWriting bool) (string, time.Duration) {
		cmd := exec.Command(bin, "run", "-c", cfg)
		pipe, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		kill := func() { cmd.Process.Kill() }
		var timer *time.Timer
		if !atWriting {
			timer = time.AfterFunc(delay, kill)
		}
		stage := "fetch"
		var writing time.Time
		var took time.Duration
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			switch {
			case strings.Contains(sc.Text(), "msg=writing "):
				stage = "write"
				if writing.IsZero() {
					writing = time.Now()
				}
				if timer == nil {
					timer = time.AfterFunc(delay, kill)
				}
			case strings.Contains(sc.Text(), "msg=committed"):
				stage = "deliver"
				if !writing.IsZero() {
					took = time.Since(writing)
				}
			}
		}
		cmd.Wait()
		if timer != nil {
			timer.Stop()
		}
		return stage, took
	}
	// how long a run with such a change takes, and its write phase (from
	// the log line "writing" to "committed"): the ranges the kills fall in
	change()
	var full, writePhase time.Duration
	{
		start := time.Now()
		cmd := exec.Command(bin, "run", "-c", cfg)
		pipe, _ := cmd.StderrPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var log strings.Builder
		var writing time.Time
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			log.WriteString(sc.Text() + "\n")
			switch {
			case strings.Contains(sc.Text(), "msg=writing "):
				writing = time.Now()
			case strings.Contains(sc.Text(), "msg=committed") && !writing.IsZero():
				writePhase = time.Since(writing)
			}
		}
		if err := cmd.Wait(); err != nil || writePhase == 0 {
			t.Fatalf("calibration run: %v (write phase %v)\n%s", err, writePhase, log.String())
		}
		full = time.Since(start)
	}

	// Kills alternate between a random point of the whole run and a random
	// point of its write phase, so that even the quick version kills
	// several runs while they write.
	interrupted := 0
	stages := map[string]int{}
	for i := 0; i < *crashRuns; i++ {
		change()

		var stage string
		var took time.Duration
		if i%2 == 0 {
			stage, took = killed(time.Duration(rng.Int64N(int64(writePhase))), true)
		} else {
			stage, took = killed(time.Duration(rng.Int64N(int64(full))), false)
		}
		stages[stage]++
		// the calibration run may have been slow (a loaded machine, cold
		// caches): a write phase seen shorter moves the kills' range
		// halfway to it, so that they keep landing in the write path, its
		// end included
		if took > 0 && took < writePhase {
			writePhase = max((writePhase+took)/2, time.Millisecond)
		}
		if _, err := os.Stat(filepath.Join(snaps, ".watcher", "run-in-progress")); err == nil {
			interrupted++
		}

		runToEnd(fmt.Sprintf("run %d after the kill", i))
		if gitErr == nil {
			out, err := exec.Command(gitBin, "-C", snaps, "fsck", "--strict").CombinedOutput()
			if err != nil {
				t.Fatalf("run %d: git fsck: %v\n%s", i, err, out)
			}
			out, err = exec.Command(gitBin, "-C", snaps, "status", "--porcelain", "--untracked-files=all").CombinedOutput()
			if err != nil || len(bytes.TrimSpace(out)) != 0 {
				t.Fatalf("run %d: snapshot differs from HEAD after a completed run: %v\n%s", i, err, out)
			}
		}
		for id := range jobs {
			if _, err := os.Stat(filepath.Join(snaps, "nf", fmt.Sprintf("%d.json", id))); err != nil {
				t.Fatalf("run %d: open posting %d has no snapshot: %v", i, id, err)
			}
		}
	}
	// two last complete runs: removals pending (missing from one run) are
	// reported, anything still owed is delivered
	runToEnd("final run")
	runToEnd("final run")
	files, _ := filepath.Glob(filepath.Join(snaps, "nf", "*.json"))
	if len(files) != len(jobs) {
		t.Fatalf("%d snapshot files, %d open postings", len(files), len(jobs))
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var lost []string
	for k := range want {
		if rec.seen[k] == 0 {
			lost = append(lost, k)
		}
	}
	if len(lost) > 0 {
		t.Fatalf("%d true changes never notified, e.g. %v", len(lost), lost[:min(5, len(lost))])
	}
	for k, n := range rec.seen {
		if !want[k] {
			t.Errorf("false event: %s (%d times)", k, n)
		}
	}
	t.Logf("%d runs killed (run %v, write phase %v): %d before writing, %d while writing, %d after the commit; %d left a run marker; %d true changes, all notified",
		*crashRuns, full.Round(time.Millisecond), writePhase.Round(time.Millisecond), stages["fetch"], stages["write"], stages["deliver"], interrupted, len(want))
	if stages["write"] < max(2, *crashRuns/5) {
		t.Fatalf("only %d kills landed while a run was writing: too few to test the write path", stages["write"])
	}
	if interrupted < stages["write"] {
		t.Fatalf("%d runs killed while writing, but only %d left the run marker that makes the next run finish them", stages["write"], interrupted)
	}
}
