package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/pprof/profile"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// TestRunProfile: run --profile DIR writes a CPU profile and a heap
// profile that pprof reads (its own parser), with samples of their kinds.
func TestRunProfile(t *testing.T) {
	srv, _ := glaServer(t, "/v1/boards/acme/jobs", "../scrape/greenhouse/testdata/greenhouse.json", "")
	prof := filepath.Join(t.TempDir(), "prof", "run-1")
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms}\nsources:\n  - {name: acme, type: greenhouse, board: acme, url: %q}\n", srv.URL)
	code, _, stderr, _ := runYAML(t, yml, "run", "--profile", prof)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, tt := range []struct {
		file, sample string
	}{
		{cpuProfileName, "cpu"},
		{heapProfileName, "alloc_space"},
	} {
		f, err := os.Open(filepath.Join(prof, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		p, err := profile.Parse(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if err := p.CheckValid(); err != nil {
			t.Errorf("%s: %v", tt.file, err)
		}
		found := false
		for _, st := range p.SampleType {
			found = found || st.Type == tt.sample
		}
		if !found {
			t.Errorf("%s: sample types %v, want %s", tt.file, p.SampleType, tt.sample)
		}
		if tt.file == heapProfileName && len(p.Sample) == 0 {
			t.Errorf("%s: no samples", tt.file)
		}
	}
}

// A --profile folder that cannot be made is a usage error before the run.
func TestRunProfileBadDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr, dir := runYAML(t, "sources:\n  - {name: acme, type: greenhouse, board: acme, url: http://127.0.0.1:1}\n", "run", "--profile", filepath.Join(file, "prof"))
	if code != ExitUsage {
		t.Errorf("exit %d, want %d; stderr %q", code, ExitUsage, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "snapshots")); !os.IsNotExist(err) {
		t.Errorf("the run started: %v", err)
	}
}

// TestDaemonProfile: daemon --profile DIR writes both profiles when it
// stops on a signal.
func TestDaemonProfile(t *testing.T) {
	prof := filepath.Join(t.TempDir(), "prof")
	// registered first, so it runs after startCmd's cleanup stopped the daemon
	t.Cleanup(func() {
		for _, name := range []string{cpuProfileName, heapProfileName} {
			f, err := os.Open(filepath.Join(prof, name))
			if err != nil {
				t.Error(err)
				continue
			}
			if _, err := profile.Parse(f); err != nil {
				t.Errorf("%s: %v", name, err)
			}
			f.Close()
		}
	})
	e := newEnv(t, []fake.Job{netflixJob(1)})
	startCmd(t, e, "daemon", "--profile", prof)
}
