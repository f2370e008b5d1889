package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// board is an Eightfold board whose postings change each time a listing
// starts (page 1): one posting closed, one changed, one opened. It keeps
// the true changes between the states it served.
type board struct {
	mu      sync.Mutex
	nf      *fake.Server
	jobs    map[int64]fake.Job
	version map[int64]int
	next    int64
	want    map[string]int // "+ Engineer 1003 v0", "~ ...", "- ..."
	lists   int
}

func newBoard(t *testing.T, n int) *board {
	b := &board{jobs: map[int64]fake.Job{}, version: map[int64]int{}, next: 1000, want: map[string]int{}}
	for range n {
		b.open()
	}
	b.nf = fake.New(t, "netflix.com", b.list())
	inner := b.nf.Config.Handler
	b.nf.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/apply/v2/jobs" && (r.URL.Query().Get("start") == "" || r.URL.Query().Get("start") == "0") {
			b.change()
		}
		inner.ServeHTTP(w, r)
	})
	return b
}

func (b *board) job(id int64) fake.Job {
	v := b.version[id]
	return fake.Job{ID: id, Name: fmt.Sprintf("Engineer %d v%d", id, v), Team: "Data & Insights",
		Locations: []string{"Los Gatos,California,United States of America"}, TCreate: 1760000000, TUpdate: 1760000000 + int64(v),
		Description: fmt.Sprintf("<p><strong>Qualifications</strong></p><ul><li>Python and SQL, version %d</li></ul>", v)}
}

func (b *board) open() {
	b.jobs[b.next] = b.job(b.next)
	b.want["+ "+b.jobs[b.next].Name]++
	b.next++
}

func (b *board) list() []fake.Job {
	var out []fake.Job
	for id := int64(1000); id < b.next; id++ {
		if j, ok := b.jobs[id]; ok {
			out = append(out, j)
		}
	}
	return out
}

// change makes the next state; the first listing serves the initial one.
func (b *board) change() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.lists++
	if b.lists == 1 {
		return
	}
	open := b.list()
	gone := open[0]
	delete(b.jobs, gone.ID)
	b.want["- "+gone.Name]++
	id := open[len(open)/2].ID
	b.version[id]++
	b.jobs[id] = b.job(id)
	b.want["~ "+b.jobs[id].Name]++
	b.open()
	b.nf.SetJobs(b.list())
}

var procEventLine = regexp.MustCompile(`^([+~-]) (?:added|changed|removed)\s+nf\s+(Engineer \d+ v\d+)`)

// delivered counts the posting lines of the stdout notifier by change.
func delivered(t *testing.T, stdout string, got map[string]int) {
	t.Helper()
	for _, l := range strings.Split(stdout, "\n") {
		if l == "" {
			continue
		}
		m := procEventLine.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("unexpected stdout line %q", l)
		}
		got[m[1]+" "+m[2]]++
	}
}

// TestOneWriterPerFolder starts 4 `watcher run` processes (20 under
// WATCHER_LONG_TESTS=1) at once on one snapshot folder against a board
// that changes at every listing: half wait for the folder (--wait), half
// do not (they run if they get it, or exit 3 naming the holder). Every true change is delivered exactly once, git
// fsck is clean and no run was taken for an interrupted one.
func TestOneWriterPerFolder(t *testing.T) {
	t.Parallel() // processes of their own, each on its own folder
	if testing.Short() {
		t.Skip("builds the binary and runs it several times at once")
	}
	procs := size(4, 20)
	gitBin, gitErr := exec.LookPath("git")
	bin := watcherBuild(t)
	b := newBoard(t, 30)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	os.WriteFile(cfg, []byte(fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, timeout: 10s, retries: 2}
guard: {remove_after: 1}
sources:
  - {name: nf, type: eightfold, url: %q, domain: netflix.com}
notifiers:
  - {name: console, type: stdout}
`, b.nf.URL)), 0o644)
	snaps := filepath.Join(dir, "snaps")

	got := map[string]int{}
	type outcome struct {
		code           int
		stdout, stderr string
	}
	outs := make([]outcome, procs)
	var wg sync.WaitGroup
	startGate := make(chan struct{})
	for i := range outs {
		wg.Go(func() {
			args := []string{"run", "-c", cfg}
			if i%2 == 0 {
				args = append(args, "--wait", "5m")
			}
			cmd := exec.Command(bin, args...)
			var so, se bytes.Buffer
			cmd.Stdout, cmd.Stderr = &so, &se
			<-startGate
			err := cmd.Run()
			code := cmd.ProcessState.ExitCode()
			if err != nil && code < 0 {
				code = -1
			}
			outs[i] = outcome{code, so.String(), se.String()}
		})
	}
	close(startGate)
	wg.Wait()
	ran, busy := 0, 0
	for i, o := range outs {
		switch o.code {
		case 0:
			ran++
		case 3:
			busy++
			if i%2 == 0 {
				t.Errorf("process %d waited and still was refused:\n%s", i, o.stderr)
			}
			if !regexp.MustCompile(`in use by process \d+ \(watcher run\), started \d{4}-`).MatchString(o.stderr) || o.stdout != "" {
				t.Errorf("process %d: refusal does not name the holder:\n%s", i, o.stderr)
			}
		default:
			t.Errorf("process %d: exit %d\n%s", i, o.code, o.stderr)
		}
		delivered(t, o.stdout, got)
	}
	t.Logf("%d runs, %d refused as busy, %d listings served", ran, busy, b.lists)
	if ran < procs/2 {
		t.Fatalf("only %d runs went through (the %d waiting ones must)", ran, procs/2)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.lists != ran {
		t.Errorf("%d listings served for %d runs: a refused process fetched, or a run listed twice", b.lists, ran)
	}
	for k, n := range b.want {
		if got[k] != n {
			t.Errorf("%s: delivered %d times, want %d", k, got[k], n)
		}
	}
	for k, n := range got {
		if b.want[k] == 0 {
			t.Errorf("false event %s (%d times)", k, n)
		}
	}
	if gitErr == nil {
		if out, err := exec.Command(gitBin, "-C", snaps, "fsck", "--strict").CombinedOutput(); err != nil {
			t.Fatalf("git fsck: %v\n%s", err, out)
		}
		out, err := exec.Command(gitBin, "-C", snaps, "log", "--format=%s").CombinedOutput()
		if err != nil || strings.Contains(string(out), "interrupted") {
			t.Fatalf("git log: %v\n%s", err, out)
		}
		out, err = exec.Command(gitBin, "-C", snaps, "status", "--porcelain", "--untracked-files=all").CombinedOutput()
		if err != nil || len(bytes.TrimSpace(out)) != 0 {
			t.Fatalf("snapshot differs from HEAD: %v\n%s", err, out)
		}
	}
}

// TestBusyFolderIsNotTouched holds a snapshot folder's lock (as a running
// watcher does) and checks that `watcher run` refuses it, naming the
// holder, without touching a file (marker, git index, anything); with
// --wait it runs once the lock is given up.
func TestBusyFolderIsNotTouched(t *testing.T) {
	t.Parallel() // processes of their own, each on its own folder
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := watcherBuild(t)
	b := newBoard(t, 5)
	dir := t.TempDir()
	cfg := procConfig(t, dir, b.nf.URL)
	snaps := filepath.Join(dir, "snaps")
	if out, err := exec.Command(bin, "run", "-c", cfg).CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, out)
	}
	lock, err := snapshot.AcquireLock(context.Background(), snaps, 0, "daemon", nil)
	if err != nil {
		t.Fatal(err)
	}
	// an interrupted run's marker, which a refused process must not take
	// for its own to recover
	marker := filepath.Join(snaps, ".watcher", "run-in-progress")
	os.WriteFile(marker, []byte("1\n"), 0o644)
	before := tree(t, snaps)
	lists := b.lists
	for _, args := range [][]string{{"run"}, {"run", "--wait", "300ms"}} {
		cmd := exec.Command(bin, append(args, "-c", cfg)...)
		out, _ := cmd.CombinedOutput()
		if code := cmd.ProcessState.ExitCode(); code != 3 {
			t.Fatalf("%v on a held folder: exit %d, want 3\n%s", args, code, out)
		}
		want := fmt.Sprintf("in use by process %d (watcher daemon), started ", os.Getpid())
		if !strings.Contains(string(out), want) {
			t.Fatalf("%v: message lacks %q:\n%s", args, want, out)
		}
		if len(args) > 1 {
			// it waited at least the 300 ms asked (longer on a busy machine)
			var d time.Duration
			err := fmt.Errorf("no duration")
			if m := waitedFor.FindStringSubmatch(string(out)); m != nil {
				d, err = time.ParseDuration(m[1])
			}
			if err != nil || d < 300*time.Millisecond {
				t.Fatalf("%v: message does not say it waited 300ms or more:\n%s", args, out)
			}
		}
	}
	if after := tree(t, snaps); after != before {
		t.Fatalf("a refused run touched the folder:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if b.lists != lists {
		t.Fatal("a refused run fetched the board")
	}
	os.Remove(marker)
	// --wait: runs as soon as the holder lets go
	cmd := exec.Command(bin, "run", "--wait", "1m", "-c", cfg)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	var log strings.Builder
	released := false
	for sc.Scan() {
		log.WriteString(sc.Text() + "\n")
		if !released && strings.Contains(sc.Text(), "waiting for the snapshot folder") {
			if !strings.Contains(sc.Text(), "holder_pid="+strconv.Itoa(os.Getpid())) {
				t.Errorf("the waiting log line does not name the holder: %s", sc.Text())
			}
			released = true
			lock.Release()
		}
	}
	if err := cmd.Wait(); err != nil || !released {
		t.Fatalf("run --wait: %v (said it waits: %v)\n%s", err, released, log.String())
	}
}

// waitedFor is how long a refused `run --wait` says it waited.
var waitedFor = regexp.MustCompile(`: waited ([0-9.]+[µmn]?s)`)

// tree lists every file under dir with its size, mode and modification
// time.
func tree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			b.WriteString(p + "/\n")
			return nil
		}
		b.WriteString(p + " " + strconv.FormatInt(fi.Size(), 10) + " " + fi.Mode().String() + " " + fi.ModTime().Format(time.RFC3339Nano) + "\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
