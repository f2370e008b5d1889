package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// bigBoard is a Greenhouse board (complete listing, no detail requests)
// of n postings, version v of each.
type bigBoard struct {
	mu   sync.Mutex
	n, v int
}

func (b *bigBoard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	n, v := b.n, b.v
	b.mu.Unlock()
	type named struct {
		Name string `json:"name"`
	}
	type job struct {
		ID        int64  `json:"id"`
		Title     string `json:"title"`
		URL       string `json:"absolute_url"`
		UpdatedAt string `json:"updated_at"`
		Location  named  `json:"location"`
		Content   string `json:"content"`
	}
	jobs := make([]job, n)
	for i := range jobs {
		jobs[i] = job{ID: int64(100000 + i), Title: fmt.Sprintf("Engineer %d v%d", 100000+i, v),
			URL:       fmt.Sprintf("https://job-boards.greenhouse.io/big/jobs/%d", 100000+i),
			UpdatedAt: fmt.Sprintf("2026-07-%02dT08:50:01-04:00", 1+v),
			Location:  named{"London, UK"},
			Content:   html.EscapeString(fmt.Sprintf("<p><strong>Requirements</strong></p><ul><li>Python and SQL, version %d</li></ul><p>%s</p>", v, strings.Repeat("We build data pipelines. ", 20)))}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"jobs": jobs, "meta": map[string]int{"total": n}})
}

var bigLine = regexp.MustCompile(`^([+~-]) (?:added|changed|removed)\s+big\s+(Engineer \d+ v\d+)`)

// TestSignalStopsTheWritePhase sends SIGTERM to `watcher run` as soon as
// it reports that it is writing 150 postings (2,000 under
// WATCHER_LONG_TESTS=1; a loaded machine's run had written 18 of 300 when
// SIGTERM stopped it): it stops at the
// next posting boundary, logs the run as interrupted (INFO, no failed
// source) and exits 130 promptly; a second run finishes the work: git fsck
// clean, every posting notified exactly once. Then two SIGINTs in a row
// during the next big write end the process at once (130), and again the
// next run completes it.
func TestSignalStopsTheWritePhase(t *testing.T) {
	t.Parallel() // processes of their own, each on its own folder
	if testing.Short() {
		t.Skip("builds the binary and writes thousands of postings")
	}
	n := size(150, 2000) // postings: 2,000 under WATCHER_LONG_TESTS=1
	gitBin, gitErr := exec.LookPath("git")
	bin := watcherBuild(t)
	b := &bigBoard{n: n}
	srv := httptest.NewServer(b)
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfg, []byte(fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, timeout: 30s, retries: 1, max_body: 64MB}
sources:
  - {name: big, type: greenhouse, board: big, url: %q}
notifiers:
  - {name: console, type: stdout}
`, srv.URL)), 0o644)
	snaps := filepath.Join(dir, "snaps")
	got := map[string]int{}
	count := func(stdout string) {
		for _, l := range strings.Split(stdout, "\n") {
			if m := bigLine.FindStringSubmatch(l); m != nil {
				got[m[1]+" "+m[2]]++
			} else if l != "" {
				t.Fatalf("unexpected stdout line %q", l)
			}
		}
	}
	// interrupted starts a run and sends sig (times times) when it logs
	// that it is writing; it returns the exit code, the time from the
	// first signal to the exit, and the log.
	interrupted := func(sig syscall.Signal, times int, at string) (int, time.Duration, string) {
		cmd := exec.Command(bin, "run", "-c", cfg)
		var stdout bytes.Buffer
		cmd.Stdout = &stdout
		pipe, _ := cmd.StderrPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var log strings.Builder
		var sent time.Time
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			log.WriteString(sc.Text() + "\n")
			if sent.IsZero() && strings.Contains(sc.Text(), at) {
				sent = time.Now()
				for range times {
					cmd.Process.Signal(sig)
				}
			}
		}
		io.Copy(io.Discard, pipe)
		cmd.Wait()
		if sent.IsZero() {
			t.Fatalf("the run never said it was writing:\n%s", log.String())
		}
		count(stdout.String())
		return cmd.ProcessState.ExitCode(), time.Since(sent), log.String()
	}
	complete := func(what string) string {
		cmd := exec.Command(bin, "run", "-c", cfg)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s: %v\n%s", what, err, stderr.String())
		}
		count(stdout.String())
		if gitErr == nil {
			if out, err := exec.Command(gitBin, "-C", snaps, "fsck", "--strict").CombinedOutput(); err != nil {
				t.Fatalf("%s: git fsck: %v\n%s", what, err, out)
			}
			out, err := exec.Command(gitBin, "-C", snaps, "status", "--porcelain", "--untracked-files=all").CombinedOutput()
			if err != nil || len(bytes.TrimSpace(out)) != 0 {
				t.Fatalf("%s: snapshot differs from HEAD: %v\n%s", what, err, out)
			}
		}
		return stderr.String()
	}
	files := func() int {
		m, _ := filepath.Glob(filepath.Join(snaps, "big", "*.json"))
		return len(m)
	}

	// 1. SIGTERM during the first run's write phase (n postings added). On
	// a busy machine the run may write all n files before this test reads
	// the log line and signals: then the signal did not land in the write
	// phase, which is what this step is about, so it starts over on a
	// fresh folder (at most 3 tries; each try's stdout is forgotten).
	var code, written int
	var latency time.Duration
	var log string
	for try := 1; ; try++ {
		code, latency, log = interrupted(syscall.SIGTERM, 1, `msg="writing snapshots"`)
		written = files()
		if written < n || try == 3 {
			break
		}
		t.Logf("try %d: the signal came after all %d files were written (exit %d); again on a fresh folder", try, n, code)
		if err := os.RemoveAll(snaps); err != nil {
			t.Fatal(err)
		}
		clear(got)
	}
	t.Logf("SIGTERM in the write phase: exit %d after %v, %d of %d snapshot files written", code, latency.Round(time.Millisecond), written, n)
	if code != 130 {
		t.Fatalf("exit %d after SIGTERM, want 130\n%s", code, log)
	}
	if !strings.Contains(log, "level=INFO msg=\"run interrupted while writing") || strings.Contains(log, "level=ERROR") {
		t.Fatalf("the interrupted run is not logged as such (INFO, no error):\n%s", log)
	}
	if written >= n {
		t.Fatalf("the run wrote all %d postings after the signal", n)
	}
	if latency > 5*time.Second {
		t.Errorf("stopped %v after the signal", latency)
	}
	complete("run after SIGTERM")
	if files() != n {
		t.Fatalf("%d snapshot files after the completing run, want %d", files(), n)
	}

	// 2. every posting changed; two SIGINTs in a row as the write phase
	// begins (with the outbox): out at once
	b.mu.Lock()
	b.v = 1
	b.mu.Unlock()
	code, latency, log = interrupted(syscall.SIGINT, 2, "msg=writing")
	t.Logf("two SIGINTs in the write phase: exit %d after %v", code, latency.Round(time.Millisecond))
	if code != 130 {
		t.Fatalf("exit %d after two SIGINTs, want 130\n%s", code, log)
	}
	if latency > 5*time.Second {
		t.Errorf("stopped %v after the second signal", latency)
	}
	complete("run after two SIGINTs")
	complete("quiet run")

	for i := range n {
		for _, k := range []string{fmt.Sprintf("+ Engineer %d v0", 100000+i), fmt.Sprintf("~ Engineer %d v1", 100000+i)} {
			if got[k] != 1 {
				t.Fatalf("%s delivered %d times, want once", k, got[k])
			}
		}
	}
	if len(got) != 2*n {
		t.Fatalf("%d distinct events delivered, want %d", len(got), 2*n)
	}
}
