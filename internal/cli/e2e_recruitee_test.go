package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// boardAPI serves fixed bodies by path for the end-to-end tests of the
// single-request board platforms (recruitee, workable, personio). With an
// ETag set it answers a request that sends it back with 304.
type boardAPI struct {
	*httptest.Server
	mu     sync.Mutex
	bodies map[string]string // path -> body
	etag   string
	hits   map[string]int // path -> requests
	ok304  int            // 304 answers
}

func newBoardAPI(t *testing.T, bodies map[string]string) *boardAPI {
	b := &boardAPI{bodies: bodies, hits: map[string]int{}}
	b.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b.mu.Lock()
		defer b.mu.Unlock()
		body, ok := b.bodies[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		b.hits[r.URL.Path]++
		if b.etag != "" {
			if r.Header.Get("If-None-Match") == b.etag {
				b.ok304++
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", b.etag)
		}
		w.Write([]byte(body))
	}))
	t.Cleanup(b.Close)
	return b
}

func (b *boardAPI) setETag(e string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.etag = e
}

func (b *boardAPI) count(path string) (hits, notModified int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.hits[path], b.ok304
}

// boardFixture reads a real fixture from its adapter's testdata (recruitee.json
// from internal/scrape/recruitee/testdata).
func boardFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "scrape", strings.TrimSuffix(name, filepath.Ext(name)), "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// boardSnapFiles reads every snapshot file of a source.
func boardSnapFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

// runBoardEndToEnd runs `watcher run` four times on a source of type typ
// served by api (listPath is its listing): the first run adds every posting
// in one commit and check sees the snapshots; the second, on the same
// answer, reports nothing and makes no commit; the third and fourth do the
// same with an ETag, the fourth getting a 304.
func runBoardEndToEnd(t *testing.T, typ string, api *boardAPI, listPath string, check func(t *testing.T, ps []model.Posting)) {
	t.Helper()
	yml := fmt.Sprintf(`snapshots: snaps
git:
  commit: true
  author: "Test Watcher <test@example.com>"
http:
  user_agent: "careers-watcher-test/1.0"
  per_host_delay: 1ms
  timeout: 5s
  retries: 1
sources:
  - name: acme-jobs
    type: %s
    company: Acme
    board: acme
    url: %s
notifiers:
  - name: console
    type: stdout
`, typ, api.URL)
	code, stdout, stderr, dir := runYAML(t, yml, "run")
	if code != 0 {
		t.Fatalf("first run: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "added") {
		t.Fatalf("first run reported no added posting:\n%s", stdout)
	}
	snaps := filepath.Join(dir, "snaps")
	check(t, readPostings(t, snaps, "acme-jobs"))
	files := boardSnapFiles(t, filepath.Join(snaps, "acme-jobs"))
	head := headOf(t, snaps)
	cfg := filepath.Join(dir, "config.yaml")

	again := func(name string) {
		t.Helper()
		code, stdout, stderr := runIn(t, cfg, "run")
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s", name, code, stderr)
		}
		if strings.TrimSpace(stdout) != "" {
			t.Fatalf("%s reported something:\n%s", name, stdout)
		}
		if h := headOf(t, snaps); h != head {
			t.Fatalf("%s made a commit", name)
		}
		if got := boardSnapFiles(t, filepath.Join(snaps, "acme-jobs")); !equalMaps(got, files) {
			t.Fatalf("%s changed the snapshot files", name)
		}
	}
	again("second run")
	if hits, _ := api.count(listPath); hits != 2 {
		t.Fatalf("%d list requests after two runs, want 2", hits)
	}
	api.setETag(`"v1"`)
	again("third run")
	again("fourth run")
	if hits, nm := api.count(listPath); hits != 4 || nm != 1 {
		t.Fatalf("%d list requests and %d answered 304 after four runs, want 4 and 1", hits, nm)
	}
}

func TestRunRecruiteeEndToEnd(t *testing.T) {
	t.Parallel()
	api := newBoardAPI(t, map[string]string{"/api/offers/": boardFixture(t, "recruitee.json")})
	runBoardEndToEnd(t, "recruitee", api, "/api/offers/", func(t *testing.T, ps []model.Posting) {
		if len(ps) != 2 {
			t.Fatalf("%d snapshot files, want 2", len(ps))
		}
		p := ps[1] // sorted by id: 2697184, 2700825
		if p.ID != "2700825" || p.Source != "acme-jobs" || p.Company != "Acme" ||
			p.Title != "(Senior) Financial Accountant (f/m/d) - Berlin/Brandenburg Region, Germany" ||
			p.URL != "https://jobs.acme.com/o/senior-financial-accountant-fmd-berlinbrandenburg-region-germany" ||
			p.Team != "Finance" || p.Workplace != "hybrid" || p.EmploymentType != "full_time" || p.Posted != "2026-08-05" {
			t.Errorf("posting: %+v", p)
		}
		if len(p.Locations) != 1 || p.Locations[0].City != "Berlin" || p.Locations[0].Country != "DE" {
			t.Errorf("locations: %+v", p.Locations)
		}
		if len(p.Salary) != 1 || p.Salary[0] != (model.Salary{Min: 60000, Max: 75000, Currency: "EUR", Period: "year"}) {
			t.Errorf("salary: %+v", p.Salary)
		}
		if p.MinYearsExperience == nil || *p.MinYearsExperience != 5 {
			t.Errorf("min years %v, want 5 from the requirements", p.MinYearsExperience)
		}
		if !strings.Contains(p.Description, "What we expect from you") {
			t.Errorf("description lacks the requirements: %.200s", p.Description)
		}
		if q := ps[0]; q.ID != "2697184" || q.Title != "Partner Development Representative (f/m/d) - Berlin, Germany" || q.Team != "Sales" {
			t.Errorf("second posting: %+v", q)
		}
	})
}
