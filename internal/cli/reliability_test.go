package cli

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// A corrupt snapshot file does not swallow a real change: the index's hash
// says the posting changed, the committed copy says from what; the event
// goes out and the file is rewritten.
func TestCorruptSnapshotStillNotifies(t *testing.T) {
	t.Parallel()
	e := newEnv(t, []fake.Job{netflixJob(1), netflixJob(2)})
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("first run: %d %s", code, stderr)
	}
	e.hook.take(t)
	file := filepath.Join(e.snapDir(), "790311790001.json")
	if err := os.WriteFile(file, []byte("{\"id\": \"790311790001\", \"tit"), 0o644); err != nil {
		t.Fatal(err)
	}
	j := netflixJob(1)
	j.TUpdate += 100
	j.Name = "Staff Data Engineer 1 (L6)"
	e.nf.SetJobs([]fake.Job{j, netflixJob(2)})
	code, stdout, stderr := e.run(t, "run")
	if code != 0 {
		t.Fatalf("run: exit %d\n%s", code, stderr)
	}
	evs := e.hook.take(t)
	if len(evs) != 1 || evs[0].Type != "posting.changed" {
		t.Fatalf("events %v, want one posting.changed\n%s", countTypes(evs), stderr)
	}
	data, _ := evs[0].Body["data"].(map[string]any)
	prev, _ := data["previous"].(map[string]any)
	if prev == nil || prev["title"] != "Data Engineer 1 (L5)" {
		t.Fatalf("the change does not carry the committed previous version: %v", data["previous"])
	}
	if !strings.Contains(stdout, "Staff Data Engineer 1") {
		t.Fatalf("stdout:\n%s", stdout)
	}
	b, _ := os.ReadFile(file)
	if !strings.Contains(string(b), "Staff Data Engineer 1 (L6)") {
		t.Fatalf("the corrupt file was not rewritten:\n%s", b)
	}
}

// ghBoard is a Greenhouse board answering whatever jobs it is given.
type ghBoard struct {
	mu   sync.Mutex
	jobs []map[string]any
}

func (g *ghBoard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	defer g.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"jobs": g.jobs, "meta": map[string]int{"total": len(g.jobs)}})
}

func ghJob(id int, title string) map[string]any {
	return map[string]any{"id": id, "title": title, "absolute_url": fmt.Sprintf("https://job-boards.greenhouse.io/acme/jobs/%d", id),
		"updated_at": "2026-07-29T08:50:01-04:00", "location": map[string]string{"name": "London, UK"},
		"content": "&lt;p&gt;SQL and Python&lt;/p&gt;"}
}

func ghEnv(t *testing.T, g *ghBoard) (cfg, dir string) {
	t.Helper()
	srv := httptest.NewServer(g)
	t.Cleanup(srv.Close)
	dir = t.TempDir()
	cfg = filepath.Join(dir, "config.yaml")
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
sources:
  - {name: acme, type: greenhouse, board: acme, url: %q}
notifiers:
  - {name: console, type: stdout}
`, srv.URL)
	if err := os.WriteFile(cfg, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfg, dir
}

// One id twice in a listing, with different content: the copy kept does
// not depend on the order (the one with the greatest content hash), so a
// listing that only reorders them changes nothing.
func TestDuplicateIDsAreResolvedByContent(t *testing.T) {
	t.Parallel()
	g := &ghBoard{jobs: []map[string]any{ghJob(1, "Analyst A"), ghJob(2, "Engineer"), ghJob(1, "Analyst B")}}
	cfg, dir := ghEnv(t, g)
	code, stdout, stderr := runIn(t, cfg, "run")
	if code != 0 || strings.Count(stdout, "+ added") != 2 {
		t.Fatalf("first run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "listing repeats posting ids") {
		t.Fatalf("the duplicate is not logged:\n%s", stderr)
	}
	first, _ := os.ReadFile(filepath.Join(dir, "snaps", "acme", "1.json"))
	g.mu.Lock()
	g.jobs = []map[string]any{ghJob(1, "Analyst B"), ghJob(2, "Engineer"), ghJob(1, "Analyst A")}
	g.mu.Unlock()
	// the board's answer changed (no 304): a full fetch
	code, stdout, stderr = runIn(t, cfg, "run")
	if code != 0 || stdout != "" {
		t.Fatalf("reordered duplicates: exit %d, stdout %q\n%s", code, stdout, stderr)
	}
	second, _ := os.ReadFile(filepath.Join(dir, "snaps", "acme", "1.json"))
	if string(first) != string(second) {
		t.Fatal("the kept copy depends on the order of the listing")
	}
}

// A source folder that is a symbolic link is refused before anything is
// written through it.
func TestSymlinkedSourceFolderIsRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t, []fake.Job{netflixJob(1)})
	outside := t.TempDir()
	os.MkdirAll(filepath.Join(e.dir, "snaps"), 0o755)
	if err := os.Symlink(outside, e.snapDir()); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := e.run(t, "run")
	if code != 1 || !strings.Contains(stderr, "symbolic link") {
		t.Fatalf("exit %d, want 1 naming the link\n%s", code, stderr)
	}
	if ents, _ := os.ReadDir(outside); len(ents) != 0 {
		t.Fatalf("%d files written through the link", len(ents))
	}
	if _, err := os.Stat(filepath.Join(e.dir, "snaps", ".watcher", "index", "netflix-data-insights.json")); err == nil {
		t.Fatal("state written for a refused source")
	}
	if evs := e.hook.take(t); len(evs) != 0 {
		t.Fatalf("events for a refused source: %v", countTypes(evs))
	}
}

// Commit messages carry posting titles without control characters or
// bidirectional overrides, as stdout does.
func TestCommitMessageIsClean(t *testing.T) {
	t.Parallel()
	j := netflixJob(1)
	j.Name = "Data \u202eEngineer\u2066 \x1b[31mred\x1b[0m\u200f (L5)"
	e := newEnv(t, []fake.Job{j})
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("run: %d %s", code, stderr)
	}
	_, msg := e.head(t)
	if strings.ContainsAny(msg, "\u202e\u2066\u200f\x1b") {
		t.Fatalf("commit message keeps control or bidi characters: %q", msg)
	}
	if !strings.Contains(msg, "Engineer") || !strings.Contains(msg, "red") {
		t.Fatalf("commit message lost the title: %q", msg)
	}
}
