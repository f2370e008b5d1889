package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/go-git/go-git/v5"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// glaWant is what one snapshot of a board end-to-end test must hold.
type glaWant struct {
	id, title, url, workplace string
	locations                 []model.Location // nil: one location, its parts not checked
	salary                    []model.Salary   // nil: not checked
}

// glaServer serves one fixture file at path, with an ETag when etag is set
// (answering 304 to If-None-Match); it counts the requests to path.
func glaServer(t *testing.T, path, fixture, etag string) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	body, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != path {
			http.NotFound(w, r)
			return
		}
		n.Add(1)
		if etag != "" {
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

// glaRunTwice runs `watcher run` on a one-source config twice with the same
// answer: the first run writes one snapshot per posting in one commit, the
// second changes nothing, commits nothing and reports nothing.
func glaRunTwice(t *testing.T, typ, board, company, base string, want []glaWant) {
	t.Helper()
	yml := fmt.Sprintf(`snapshots: snaps
git: {commit: true}
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
sources:
  - name: %[1]s-board
    type: %[1]s
    company: %[2]s
    board: %[3]s
    url: %[4]s
notifiers:
  - name: console
    type: stdout
`, typ, company, board, base)
	code, stdout, stderr, dir := runYAML(t, yml, "run")
	if code != 0 {
		t.Fatalf("first run: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	snaps := filepath.Join(dir, "snaps")
	source := typ + "-board"
	got := readPostings(t, snaps, source)
	if len(got) != len(want) {
		t.Fatalf("%d snapshot files, want %d", len(got), len(want))
	}
	for i, w := range want {
		p := got[i]
		if p.ID != w.id || p.Title != w.title || p.URL != w.url || p.Company != company || p.Source != source {
			t.Errorf("posting %d: id %q title %q url %q company %q source %q", i, p.ID, p.Title, p.URL, p.Company, p.Source)
		}
		if w.locations == nil && len(p.Locations) != 1 || w.locations != nil && fmt.Sprint(p.Locations) != fmt.Sprint(w.locations) {
			t.Errorf("posting %s: locations %+v, want %+v", p.ID, p.Locations, w.locations)
		}
		if p.Workplace != w.workplace {
			t.Errorf("posting %s: workplace %q, want %q", p.ID, p.Workplace, w.workplace)
		}
		if w.salary != nil && fmt.Sprint(p.Salary) != fmt.Sprint(w.salary) {
			t.Errorf("posting %s: salary %+v, want %+v", p.ID, p.Salary, w.salary)
		}
		if p.Description == "" || p.Posted == "" {
			t.Errorf("posting %s: no description or posted date", p.ID)
		}
		if !strings.Contains(stdout, w.id) {
			t.Errorf("first run does not report %s:\n%s", w.id, stdout)
		}
	}
	head := func() string {
		t.Helper()
		repo, err := git.PlainOpen(snaps)
		if err != nil {
			t.Fatal(err)
		}
		ref, err := repo.Head()
		if err != nil {
			t.Fatal(err)
		}
		return ref.Hash().String()
	}
	first := head()
	before := glaFiles(t, snaps, source)

	code, stdout, stderr = runIn(t, filepath.Join(dir, "config.yaml"), "run")
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	if strings.TrimSpace(stdout) != "" {
		t.Fatalf("second run reported:\n%s", stdout)
	}
	if head() != first {
		t.Fatal("second run made a commit")
	}
	if after := glaFiles(t, snaps, source); !equalMaps(before, after) {
		t.Fatal("second run changed the snapshots")
	}
	if st := gitStatus(t, snaps); st != "" {
		t.Fatalf("second run left the snapshot repository unclean:\n%s", st)
	}
}

// glaFiles reads every file of a source's snapshot folder.
func glaFiles(t *testing.T, snaps, source string) map[string]string {
	t.Helper()
	out := map[string]string{}
	ents, err := os.ReadDir(filepath.Join(snaps, source))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(snaps, source, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

func TestRunGreenhouseBoard(t *testing.T) {
	t.Parallel()
	srv, n := glaServer(t, "/v1/boards/amplitude/jobs", "../scrape/greenhouse/testdata/greenhouse.json", `"gh-1"`)
	glaRunTwice(t, "greenhouse", "amplitude", "Amplitude", srv.URL, []glaWant{
		{id: "8636903002", title: "Customer Data Scientist - Experimentation",
			url:       "https://job-boards.greenhouse.io/amplitude/jobs/8636903002",
			locations: []model.Location{{City: "London", Region: "England", Country: "GB"}}},
		// its office "Remote-India (PEO)" (no address) beside the label:
		// remote in India too (session 25)
		{id: "8651132002", title: "Emerging Account Executive (India)",
			url: "https://job-boards.greenhouse.io/amplitude/jobs/8651132002", workplace: "remote",
			locations: []model.Location{{Country: "IN", Remote: true}, {City: "Bangalore", Region: "Karnataka", Country: "IN"}}},
	})
	if n.Load() != 2 {
		t.Fatalf("%d list requests, want 2 (the second one conditional)", n.Load())
	}
}
