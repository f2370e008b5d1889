package watch

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// upgradeRunner is a runner on the snapshot folder of dir for one source,
// with extra taxonomy entries (YAML, "" for none): another normalizer
// version over the same stored postings.
func upgradeRunner(t *testing.T, dir, source, hookURL, taxonomy string) (*Runner, *config.Config) {
	t.Helper()
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nguard: {shrink_pause: 1ms}\n%ssources:\n  - %s\nnotifiers:\n  - {name: hooks, type: webhook, url: %q}\n",
		taxonomy, source, hookURL)
	cfg := parseConfig(t, dir, yml, nil)
	r := quietRunner(t, cfg, Options{})
	return r, cfg
}

const frobnicator = "taxonomy:\n  skills:\n    - {name: Frobnicator, category: tool, aliases: [frobnicator]}\n"

// checkQuietUpgrade runs a source once under the embedded taxonomy, then
// under a taxonomy that knows one more skill of the same, unchanged
// listing: the second run re-normalizes every stored posting in one commit
// and sends no event; a third run does nothing.
// files are every posting's snapshot; renormalized those whose model the
// new skill changes.
func checkQuietUpgrade(t *testing.T, source string, files, renormalized []string) {
	t.Helper()
	dir, h := t.TempDir(), newHook(t)
	r1, cfg := upgradeRunner(t, dir, source, h.URL, "")
	res := run(t, r1, cfg)
	if got := h.take(); len(got) != len(files) || res.Commit == "" {
		t.Fatalf("first run: %d events, commit %q", len(got), res.Commit)
	}
	for _, f := range files {
		b, _ := os.ReadFile(filepath.Join(cfg.Snapshots, f))
		if strings.Contains(string(b), `"Frobnicator"`) {
			t.Fatalf("%s knows Frobnicator before the taxonomy does", f)
		}
	}

	r2, cfg2 := upgradeRunner(t, dir, source, h.URL, frobnicator)
	if r2.norm.Version() == r1.norm.Version() {
		t.Fatal("the extended taxonomy did not change the normalizer version")
	}
	res = run(t, r2, cfg2)
	if got := h.take(); len(got) != 0 {
		t.Errorf("the re-normalizing run sent %d events (model-only differences)", len(got))
	}
	s := res.Sources[0]
	if res.Commit == "" || s.Rewrites != len(renormalized) || s.Changed != 0 || s.Added != 0 || s.Removed != 0 {
		t.Errorf("re-normalizing run: commit %q, %d rewrites, %d changed, %d added, %d removed; want one commit of %d rewrites",
			res.Commit, s.Rewrites, s.Changed, s.Added, s.Removed, len(renormalized))
	}
	for _, f := range renormalized {
		head, ok, err := r2.repo.HeadFile(f)
		if err != nil || !ok || !strings.Contains(string(head), `"Frobnicator"`) {
			t.Errorf("%s: the committed snapshot is not re-normalized (%v):\n%s", f, err, head)
		}
	}
	res = run(t, r2, cfg2)
	if got := h.take(); len(got) != 0 || res.Commit != "" || res.Sources[0].Rewrites != 0 {
		t.Errorf("the run after: %d events, commit %q, %d rewrites", len(got), res.Commit, res.Sources[0].Rewrites)
	}
}

// A platform with update stamps (Eightfold's t_update).
func TestUpgradeStaysQuiet(t *testing.T) {
	t.Parallel()
	j1, j2 := job(1), job(2)
	j1.Description = "<p><strong>Requirements</strong></p><ul><li>SQL and Frobnicator</li></ul>"
	nf := fake.New(t, "netflix.com", []fake.Job{j1, j2})
	checkQuietUpgrade(t, fmt.Sprintf("{name: nf, type: eightfold, url: %q, domain: netflix.com}", nf.URL),
		[]string{"nf/101.json", "nf/102.json"}, []string{"nf/101.json"})
}

// A platform without update stamps (Lever): whether the source changed can
// only be told from the posting itself (sameSource: what the platform gave
// as it was), so a new normalizer version rewrites it without an event.
func TestUpgradeStaysQuietWithoutStamps(t *testing.T) {
	t.Parallel()
	body := `[{"id": "a1", "text": "Data Engineer", "hostedUrl": "https://jobs.lever.co/acme/a1", "categories": {"location": "Berlin, Germany"},
		"descriptionPlain": "Requirements: SQL and Frobnicator.", "createdAt": 1760000000000}]`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	checkQuietUpgrade(t, fmt.Sprintf("{name: lv, type: lever, board: acme, url: %q}", srv.URL), []string{"lv/a1.json"}, []string{"lv/a1.json"})
}
