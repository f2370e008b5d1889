package cli

import (
	"bytes"
	"debug/buildinfo"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBinaryCommandLine runs the binary's command line: the version (from
// -ldflags under WATCHER_LONG_TESTS=1, see watcherBuild) and the build info, help on stdout with exit 0, bad usage
// on stderr with exit 2, a completion script and the man pages.
func TestBinaryCommandLine(t *testing.T) {
	t.Parallel() // processes of their own, each on its own folder
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := watcherBuild(t)
	watcher := func(args ...string) (int, string, string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "WATCHER_CONFIG=")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			t.Fatalf("%q: %v", args, err)
		}
		return cmd.ProcessState.ExitCode(), out.String(), errb.String()
	}

	bi, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	version := builtVersion(bi)
	code, stdout, stderr := watcher("version")
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "watcher "+version+"\nmodule:   github.com/careers-watcher/careers-watcher\n") {
		t.Fatalf("version: exit %d\n%s%s", code, stdout, stderr)
	}
	// the revision line says what the build info holds
	rev := "unknown (built without VCS information)"
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" {
			rev = s.Value
		}
	}
	if !strings.Contains(stdout, "\nrevision: "+rev) || !strings.Contains(stdout, "\ngo:       "+bi.GoVersion+" ") {
		t.Errorf("version does not show the build info (revision %s, %s):\n%s", rev, bi.GoVersion, stdout)
	}

	for _, args := range [][]string{{"-h"}, {"run", "-h"}, {"help", "report"}} {
		code, stdout, stderr := watcher(args...)
		if code != 0 || stderr != "" || !strings.Contains(stdout, "watcher") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
	code, stdout, stderr = watcher("run", "--foo")
	if code != 2 || stdout != "" || !strings.HasPrefix(stderr, "watcher run: unknown flag --foo\n") {
		t.Errorf("run --foo: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, _ = watcher("completion", "bash")
	if code != 0 || !strings.Contains(stdout, "__complete") {
		t.Errorf("completion bash: exit %d, %d bytes", code, len(stdout))
	}
	code, stdout, _ = watcher("__complete", "")
	if code != 0 || !strings.Contains(stdout, "\nreport\t") || !strings.Contains(stdout, "run\t") {
		t.Errorf("__complete: exit %d\n%s", code, stdout)
	}
	man := filepath.Join(t.TempDir(), "man")
	if code, _, stderr := watcher("man", man); code != 0 {
		t.Fatalf("man: exit %d, %s", code, stderr)
	}
	page, err := os.ReadFile(filepath.Join(man, "watcher-run.1"))
	if err != nil || !strings.Contains(string(page), `"careers-watcher `+version+`"`) {
		t.Errorf("man page: %v\n%s", err, page)
	}
}
