package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// treeHashes is every file under dir (the git directory included) with the
// SHA-256 of its bytes.
func treeHashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			out[rel+"/"] = "dir"
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		out[rel] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// jsonLines decodes stdout of `run --json`: every line must be one event.
func jsonLines(t *testing.T, stdout string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("stdout line is not JSON: %v\n%q", err, l)
		}
		out = append(out, m)
	}
	return out
}

// checkEventLine checks the envelope of one `run --json` line and returns
// its id, type and posting id.
func checkEventLine(t *testing.T, m map[string]any) (id, typ, posting string) {
	t.Helper()
	id, _ = m["id"].(string)
	typ, _ = m["type"].(string)
	ts, _ := m["timestamp"].(string)
	if !strings.HasPrefix(id, "evt_") || typ == "" {
		t.Fatalf("event line without id or type: %v", m)
	}
	if _, err := time.Parse(time.RFC3339, ts); err != nil {
		t.Fatalf("event %s: timestamp %q: %v", id, ts, err)
	}
	data, ok := m["data"].(map[string]any)
	if !ok || data["source"] != "netflix-data-insights" {
		t.Fatalf("event %s: data %v", id, m["data"])
	}
	p, ok := data["posting"].(map[string]any)
	if !ok {
		t.Fatalf("event %s (%s) has no posting", id, typ)
	}
	posting, _ = p["id"].(string)
	if p["source"] != "netflix-data-insights" || p["title"] == "" {
		t.Fatalf("event %s: posting %v", id, p)
	}
	if typ == "posting.changed" {
		if _, ok := data["previous"].(map[string]any); !ok {
			t.Fatalf("changed event %s without previous", id)
		}
		chs, _ := data["changes"].([]any)
		if len(chs) == 0 {
			t.Fatalf("changed event %s without changes", id)
		}
		for _, c := range chs {
			if f, _ := c.(map[string]any)["field"].(string); f == "" {
				t.Fatalf("changed event %s: change without field: %v", id, c)
			}
		}
	}
	return id, typ, posting
}

func TestRunDryRunAndJSON(t *testing.T) {
	t.Parallel()
	jobs := []fake.Job{netflixJob(1), netflixJob(2), netflixJob(3)}
	e := newEnv(t, jobs)
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	if evs := e.hook.take(t); len(evs) != 3 {
		t.Fatalf("first run sent %d events", len(evs))
	}
	snaps := filepath.Join(e.dir, "snaps")
	head, _ := e.head(t)

	// The board changes: one new posting, one with a new pay range.
	changed := append([]fake.Job(nil), jobs...)
	changed[1].TUpdate++
	changed[1].Description = strings.Replace(changed[1].Description, "$170,000 - $720,000", "$200,000 - $750,000", 1)
	changed = append(changed, netflixJob(100))
	e.nf.SetJobs(changed)

	before := treeHashes(t, snaps)
	code, stdout, stderr := e.run(t, "run", "--dry-run")
	if code != 0 {
		t.Fatalf("dry run: exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"netflix-data-insights: would be 1 added, 1 changed", "+ 790311790100 Data Engineer 100 (L5)",
		"~ 790311790002 Data Engineer 2 (L5)", "salary", "nothing was written"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("dry run stdout lacks %q:\n%s", want, stdout)
		}
	}
	if after := treeHashes(t, snaps); !equalMaps(before, after) {
		t.Fatalf("dry run changed the snapshot folder:\nbefore %v\nafter  %v", before, after)
	}
	if h, _ := e.head(t); h != head {
		t.Fatal("dry run moved HEAD")
	}
	if evs := e.hook.take(t); len(evs) != 0 {
		t.Fatalf("dry run sent %d events", len(evs))
	}

	// --dry-run --json: the events the run would send, nothing written.
	code, stdout, stderr = e.run(t, "run", "--dry-run", "--json")
	if code != 0 {
		t.Fatalf("dry run --json: exit %d\n%s", code, stderr)
	}
	would := map[string]string{} // id -> type
	for _, m := range jsonLines(t, stdout) {
		id, typ, _ := checkEventLine(t, m)
		would[id] = typ
	}
	if len(would) != 2 {
		t.Fatalf("dry run --json: %d events, want 2:\n%s", len(would), stdout)
	}
	if after := treeHashes(t, snaps); !equalMaps(before, after) {
		t.Fatal("dry run --json changed the snapshot folder")
	}
	if evs := e.hook.take(t); len(evs) != 0 {
		t.Fatalf("dry run --json sent %d events", len(evs))
	}

	// The real run reports the change; --json: the events on stdout (the
	// stdout notifier's lines and the logs on stderr), with the ids the
	// webhook got and the dry run showed.
	code, stdout, stderr = e.run(t, "run", "--json")
	if code != 0 {
		t.Fatalf("run --json: exit %d\n%s", code, stderr)
	}
	lines := jsonLines(t, stdout)
	got := map[string]string{}
	var postings []string
	for _, m := range lines {
		id, typ, posting := checkEventLine(t, m)
		got[id] = typ
		postings = append(postings, typ+" "+posting)
	}
	sort.Strings(postings)
	if strings.Join(postings, ",") != "posting.added 790311790100,posting.changed 790311790002" {
		t.Fatalf("run --json events: %v", postings)
	}
	if !equalMaps(got, would) {
		t.Fatalf("the run's events %v differ from the dry run's %v", got, would)
	}
	hooked := map[string]string{}
	for _, ev := range e.hook.take(t) {
		hooked[ev.ID] = ev.Type
	}
	if !equalMaps(got, hooked) {
		t.Fatalf("stdout events %v, webhook got %v", got, hooked)
	}
	if !strings.Contains(stderr, "790311790100") {
		t.Errorf("the stdout notifier's lines should be on stderr with --json:\n%s", stderr)
	}
	if h, _ := e.head(t); h == head {
		t.Fatal("the real run after the dry run made no commit")
	}
}
