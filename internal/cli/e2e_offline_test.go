package cli

import (
	"fmt"
	"net"
	"strings"
	"testing"
)

// An offline run: a host whose name does not resolve and a closed port.
// Each source's failure is said once, by the run's summary line, naming
// the host and what failed; no per-attempt warnings, and robots.txt
// (fetched first) is not blamed.
func TestOfflineRunSaysWhatFailed(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 3, timeout: 5s}
sources:
  - {name: gone, type: greenhouse, board: acme, url: "https://boards.careers-watcher.invalid"}
  - {name: closed, type: lever, board: acme, url: "http://%s", allow_private: true}
notifiers:
  - {name: console, type: stdout}
`, closed)
	code, stdout, stderr, _ := runYAML(t, yml, "run")
	if code != ExitFailed || stdout != "" {
		t.Fatalf("exit %d, stdout %q; want 1 and nothing on stdout\n%s", code, stdout, stderr)
	}
	if strings.Contains(stderr, "robots") || strings.Contains(stderr, "request failed") {
		t.Fatalf("stderr blames robots.txt or repeats attempts:\n%s", stderr)
	}
	for _, c := range []struct{ host, what string }{
		{"boards.careers-watcher.invalid", "cannot resolve host boards.careers-watcher.invalid: "},
		{closed, "cannot connect to " + closed + ": connection refused"},
	} {
		var lines []string
		for l := range strings.SplitSeq(stderr, "\n") {
			if strings.Contains(l, c.host) {
				lines = append(lines, l)
			}
		}
		// once: the summary line (the runner's "source failed" record
		// is left out of run's text log)
		if len(lines) != 1 || !strings.HasPrefix(lines[0], "watcher run: source ") {
			t.Errorf("%s: %d lines name it, want the summary line alone:\n%s", c.host, len(lines), strings.Join(lines, "\n"))
		}
		if !strings.Contains(stderr, c.what) {
			t.Errorf("stderr does not say %q:\n%s", c.what, stderr)
		}
	}
}
