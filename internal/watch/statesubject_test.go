package watch

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// A run whose only change is a source's adapter state (here a jsonld
// source's id memory, written again after a folder of an earlier version
// had none; the same for an Eightfold interface switch that rewrites no
// snapshot) names the source in its commit subject, not "notification
// outbox".
func TestStateOnlyCommitNamesTheSource(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><script type="application/ld+json">[{"@type":"JobPosting","identifier":"J-1","title":"Analyst","url":"/jobs/1","description":"<p>SQL</p>"}]</script></head></html>`)
	}))
	t.Cleanup(srv.Close)
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n  - {name: ld, type: jsonld, url: %q}\n", srv.URL+"/careers")
	cfg, err := config.Parse([]byte(yml), filepath.Join(t.TempDir(), "config.yaml"), nil, Plugins())
	if err != nil {
		t.Fatal(err)
	}
	r := freshRunner(t, cfg)
	run(t, r, cfg)
	git := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("git", append([]string{"-C", cfg.Snapshots}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	state := r.store.StatePath("ld")
	if err := os.Remove(state); err != nil {
		t.Fatal(err)
	}
	git("-c", "user.name=t", "-c", "user.email=t@localhost", "commit", "-qam", "a folder of an earlier version: no state")
	res := run(t, freshRunner(t, cfg), cfg)
	if res.Commit == "" {
		t.Fatal("no commit for the state")
	}
	subject := git("log", "-1", "--format=%s")
	if subject != "ld: source state saved, no snapshot changed" {
		t.Fatalf("subject %q", subject)
	}
}
