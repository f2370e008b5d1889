package cli

import (
	"bufio"
	"debug/buildinfo"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// size is quick in the default run and long under WATCHER_LONG_TESTS=1.
func size(quick, long int) int {
	if longTests {
		return long
	}
	return quick
}

// testVersion is stamped into the binary that `go build` makes under
// WATCHER_LONG_TESTS=1 (checked by TestBinaryCommandLine).
const testVersion = "v1.2.3-test"

var (
	binOnce sync.Once
	binDir  string
	binPath string
	binErr  error
)

// watcherBuild returns the watcher binary the process-level tests run
// (these tests lived in cmd/watcher; they are here so that the default run
// links no test binary for cmd/watcher, whose main is one line calling
// Main). In the default run it is this test binary itself, which runs
// Main when asWatcher is set (init in migrate_test.go; TestMain sets it for
// every process the tests start): the same code as cmd/watcher, without a
// second link of the whole program. Under WATCHER_LONG_TESTS=1 it is the
// real binary, compiled once per package run from cmd/watcher with
// `go build -ldflags -X ...Version=testVersion` and shared by every test
// (removed by TestMain).
func watcherBuild(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		if !longTests {
			binPath, binErr = os.Executable()
			return
		}
		binDir, binErr = os.MkdirTemp("", "watcher-test-bin-")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "watcher")
		cmd := exec.Command("go", "build", "-o", binPath,
			"-ldflags", "-X github.com/careers-watcher/careers-watcher/internal/cli.Version="+testVersion,
			"github.com/careers-watcher/careers-watcher/cmd/watcher")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// builtVersion is the version `watcher version` shows for watcherBuild's binary,
// whose build info is bi: testVersion when `go build` stamped it, else the
// module version the toolchain stamped, else "dev".
func builtVersion(bi *buildinfo.BuildInfo) string {
	switch {
	case longTests:
		return testVersion
	case bi.Main.Version != "" && bi.Main.Version != "(devel)":
		return bi.Main.Version
	}
	return "dev"
}

// removeBuilt removes the binary watcherBuild made, if any (TestMain).
func removeBuilt() {
	if binDir != "" {
		os.RemoveAll(binDir)
	}
}

func procConfig(t *testing.T, dir, url string) string {
	t.Helper()
	cfg := filepath.Join(dir, "config.yaml")
	body := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, timeout: 5s, retries: 1}
schedule: "@every 1h"
sources:
  - name: nf
    type: eightfold
    url: %s
    domain: netflix.com
notifiers:
  - name: console
    type: stdout
`, url)
	if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestBinary runs the real binary: exit codes of run and validate, and a
// daemon that stops cleanly on SIGTERM.
func TestBinary(t *testing.T) {
	t.Parallel() // processes of their own, each on its own folder
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := watcherBuild(t)
	nf := fake.New(t, "netflix.com", []fake.Job{{ID: 1, Name: "Data Scientist (L5)", TUpdate: 1, Description: "<p>SQL</p>"}})
	dir := t.TempDir()
	cfg := procConfig(t, dir, nf.URL)

	out, err := exec.Command(bin, "run", "-c", cfg).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Data Scientist (L5)") {
		t.Fatalf("run: %v\n%s", err, out)
	}

	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("sources:\n  - name: Bad Name\n    type: eightfold\n    url: ftp://x\n    domain: d\nsnapshotz: x\n"), 0o644)
	cmd := exec.Command(bin, "validate", "-c", bad)
	out, _ = cmd.CombinedOutput()
	if cmd.ProcessState.ExitCode() != 2 {
		t.Fatalf("validate of a bad config: exit %d, want 2\n%s", cmd.ProcessState.ExitCode(), out)
	}
	for _, want := range []string{"bad.yaml:2: sources[0].name", "bad.yaml:4: sources[0].url", "bad.yaml:6: snapshotz"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("validate output lacks %q:\n%s", want, out)
		}
	}

	nf.FailList(func(int) (int, string) { return 503, "down" })
	cmd = exec.Command(bin, "run", "-c", cfg)
	out, _ = cmd.CombinedOutput()
	if cmd.ProcessState.ExitCode() != 1 {
		t.Fatalf("run against a failing server: exit %d, want 1\n%s", cmd.ProcessState.ExitCode(), out)
	}
	nf.FailList(nil)

	// daemon: runs once at start, then stops on SIGTERM with exit 0
	nf.SetJobs([]fake.Job{{ID: 2, Name: "Research Scientist 5/6", TUpdate: 1, Description: "<p>PyTorch</p>"}})
	d := exec.Command(bin, "daemon", "-c", cfg, "--log-format", "json")
	stderr, _ := d.StderrPipe()
	d.Stdout = io.Discard
	if err := d.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan string, 1)
	go func() {
		// wait for the first run to finish, then ask the daemon to stop
		sc := bufio.NewScanner(stderr)
		var log strings.Builder
		signalled := false
		for sc.Scan() {
			log.WriteString(sc.Text() + "\n")
			if !signalled && strings.Contains(sc.Text(), `"msg":"source done"`) {
				d.Process.Signal(syscall.SIGTERM)
				signalled = true
			}
		}
		done <- log.String()
	}()
	var log string
	select {
	case log = <-done:
	case <-time.After(60 * time.Second):
		d.Process.Kill()
		t.Fatal("daemon did not finish its first run and stop within 60s")
	}
	if err := d.Wait(); err != nil {
		t.Fatalf("daemon exit: %v\n%s", err, log)
	}
	if !strings.Contains(log, `"msg":"stopped"`) {
		t.Fatalf("daemon log lacks the stop:\n%s", log)
	}
	if _, err := os.Stat(filepath.Join(dir, "snaps", "nf", "2.json")); err != nil {
		t.Fatalf("daemon's run wrote no snapshot: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "snaps", "nf", "1.json")); err != nil {
		t.Fatal("a posting missing from one run was removed at once (removal debounce)")
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "snaps", "*", ".tmp-*"))
	if _, err := os.Stat(filepath.Join(dir, "snaps", ".watcher", "run-in-progress")); err == nil || len(leftovers) > 0 {
		t.Fatalf("daemon left a run half-done: marker or temp files %v", leftovers)
	}
}
