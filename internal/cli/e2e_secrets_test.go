package cli

import (
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestSourceURLSecretsAreRedacted: a source URL carrying a key from the
// environment (url: ...?api_key=${KEY}) that fails (404, 500, connection
// refused, robots.txt) never shows the key: not on stderr, stdout, in any
// file under the snapshot folder (outbox, state, snapshots), in the commit
// messages or the git history (git log -p), nor in the webhook body. Each
// source type is tried with each failure (in the default run: with one
// failure each, every failure with three types).
func TestSourceURLSecretsAreRedacted(t *testing.T) {
	t.Parallel()
	const key = "sk_live_7Hq2ZpX9wLmN4vB" // the value of CW_TEST_API_KEY
	const mask = "[redacted:CW_TEST_API_KEY]"
	setenv(t, "CW_TEST_API_KEY", key) // names no other test uses
	var mu sync.Mutex
	var bodies []string
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		mu.Unlock()
		w.WriteHeader(http.StatusInternalServerError) // the event stays in the outbox
	}))
	defer hook.Close()
	setenv(t, "CW_TEST_HOOK", hook.URL)
	board := func(mode string) string {
		if mode == "refused" {
			srv := httptest.NewServer(http.NotFoundHandler())
			srv.Close()
			return srv.URL
		}
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch {
			case r.URL.Path == "/robots.txt" && mode == "robots":
				w.Write([]byte("User-agent: *\nDisallow: /\n"))
			case r.URL.Path == "/robots.txt", mode == "404":
				http.NotFound(w, r)
			default:
				w.WriteHeader(http.StatusInternalServerError)
			}
		}))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	types := map[string]string{
		"eightfold":       "domain: netflix.com",
		"workday":         "tenant: acme, site: External",
		"jsonld":          "",
		"auto":            "",
		"html":            "selectors: {item: .job, title: h2}",
		"greenhouse":      "board: acme",
		"lever":           "board: acme",
		"ashby":           "board: acme",
		"smartrecruiters": "board: acme",
		"recruitee":       "board: acme",
		"workable":        "board: acme",
		"personio":        "board: acme",
	}
	modes := []string{"404", "500", "refused", "robots"}
	names := slices.Sorted(maps.Keys(types))
	for i, typ := range names {
		extra := types[typ]
		for j, mode := range modes {
			if !longTests && j != i%len(modes) {
				// the default run tries each type with one failure, each
				// failure with three types; WATCHER_LONG_TESTS=1 (CI's long
				// step) every pair
				continue
			}
			t.Run(typ+"/"+mode, func(t *testing.T) {
				mu.Lock()
				bodies = nil
				mu.Unlock()
				more := ""
				if extra != "" {
					more = ", " + extra
				}
				yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
guard: {fail_after: 1}
sources:
  - {name: acme, type: %s, url: "%s/jobs?api_key=${CW_TEST_API_KEY}"%s}
notifiers:
  - {name: console, type: stdout}
  - {name: hooks, type: webhook, url: "${CW_TEST_HOOK}"}
`, typ, board(mode), more)
				code, stdout, stderr, dir := runYAML(t, yml, "run", "--log-level", "debug")
				if code != ExitFailed {
					t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
				}
				// a failed connection is reported with its URL, key masked
				// (a 404 may be reported as "board not found")
				if mode == "refused" && !strings.Contains(stderr, mask) {
					t.Errorf("stderr does not show the failing URL with the key masked:\n%s", stderr)
				}
				outputs := map[string]string{"stdout": stdout, "stderr": stderr}
				snaps := filepath.Join(dir, "snaps")
				err := filepath.WalkDir(snaps, func(p string, d os.DirEntry, err error) error {
					if err != nil || d.IsDir() {
						return err
					}
					b, err := os.ReadFile(p)
					outputs[p] = string(b)
					return err
				})
				if err != nil {
					t.Fatal(err)
				}
				outbox := 0
				for p := range outputs {
					if strings.Contains(p, "outbox") {
						outbox++
					}
				}
				if outbox == 0 {
					t.Error("no outbox file: the source.failed event was not kept")
				}
				log, err := exec.Command("git", "-C", snaps, "log", "-p", "--all", "--format=%H%n%B").CombinedOutput()
				if err != nil {
					t.Fatalf("git log: %v\n%s", err, log)
				}
				if !strings.Contains(string(log), "acme") {
					t.Errorf("no commit about the source:\n%s", log)
				}
				outputs["git log -p"] = string(log)
				mu.Lock()
				if len(bodies) == 0 {
					t.Error("no webhook delivery")
				}
				for i, b := range bodies {
					outputs[fmt.Sprintf("webhook body %d", i)] = b
				}
				mu.Unlock()
				for where, s := range outputs {
					if strings.Contains(s, key) {
						t.Errorf("the key reached %s:\n%s", where, s)
					}
				}
			})
		}
	}
}

// TestSecretInAListingURLStaysOutOfState: a jsonld source whose page URL
// carries a key, read successfully twice (the second time a 304): the key
// is in no snapshot (the posting's URL is the page's), no state file (the
// validators are kept under the redacted URL, and still match: the second
// run is a 304), no commit, no output, no webhook body; not even where the
// board echoes it in the posting's title and text.
func TestSecretInAListingURLStaysOutOfState(t *testing.T) {
	t.Parallel()
	const key = "pk_9f8e7d6c5b4a3921"
	setenv(t, "CW_TEST_PAGE_KEY", key) // a name no other test uses
	var mu sync.Mutex
	var bodies []string
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		mu.Unlock()
	}))
	defer hook.Close()
	page := "/jobs?api_key=" + key
	s := newPageSite(t, map[string]string{
		// the board echoes the key it was sent in the title and the text
		page: jobPage(`{"@context":"https://schema.org","@type":"JobPosting","title":"Data Engineer ` + key + `","identifier":"JR7",
"datePosted":"2026-03-02","description":"<p>Build pipelines in Spark.</p><p>Ref ` + key + `.</p>",
"jobLocation":{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"Los Gatos","addressCountry":"US"}}}`),
	})
	s.etag[page] = `"v1"`
	yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
sources:
  - {name: acme, type: jsonld, url: "%s/jobs?api_key=${CW_TEST_PAGE_KEY}"}
notifiers:
  - {name: console, type: stdout}
  - {name: hooks, type: webhook, url: %q}
`, s.URL, hook.URL)
	code, stdout, stderr, dir := runYAML(t, yml, "run", "--log-level", "debug")
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	code, stdout2, stderr2 := runIn(t, filepath.Join(dir, "config.yaml"), "run", "--log-level", "debug")
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr2)
	}
	if s.n304 != 1 {
		t.Errorf("%d answers 304, want the second run's: the validators were lost", s.n304)
	}
	ps := readPostings(t, filepath.Join(dir, "snaps"), "acme")
	if len(ps) != 1 || !strings.Contains(ps[0].URL, "[redacted:CW_TEST_PAGE_KEY]") {
		t.Fatalf("postings %+v, want one whose URL has the key masked", ps)
	}
	outputs := map[string]string{"stdout": stdout + stdout2, "stderr": stderr + stderr2}
	snaps := filepath.Join(dir, "snaps")
	files := 0
	err := filepath.WalkDir(snaps, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		outputs[p] = string(b)
		files++
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	log, err := exec.Command("git", "-C", snaps, "log", "-p", "--all", "--format=%H%n%B").CombinedOutput()
	if err != nil {
		t.Fatalf("git log: %v\n%s", err, log)
	}
	outputs["git log -p"] = string(log)
	mu.Lock()
	if len(bodies) == 0 {
		t.Error("no webhook delivery")
	}
	for i, b := range bodies {
		outputs[fmt.Sprintf("webhook body %d", i)] = b
	}
	mu.Unlock()
	for where, s := range outputs {
		if strings.Contains(s, key) {
			t.Errorf("the key reached %s:\n%s", where, s)
		}
	}
}
