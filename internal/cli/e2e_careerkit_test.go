package cli

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// End-to-end runs of the source types read from the careerkit fixtures:
// each through `watcher run` against an httptest server answering the
// package's recorded fixture at the paths its adapter requests. The
// postings in the snapshots are checked against the package's golden
// reading of the same fixture (title, team, locations, pay), and a second
// run on the same answers reports nothing and makes no commit.

// fixtureSite serves bodies by path, or by path?query when such a key is
// given, or by a key ending in * whose start the path?query has; {{BASE}}
// in a body stands for the server. robots.txt and anything else is 404.
type fixtureSite struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newFixtureSite(t *testing.T, bodies map[string]string) *fixtureSite {
	s := &fixtureSite{hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := bodies[r.URL.Path+"?"+r.URL.RawQuery]
		if !ok {
			body, ok = bodies[r.URL.Path]
		}
		for k, b := range bodies {
			if p, star := strings.CutSuffix(k, "*"); !ok && star && strings.HasPrefix(r.URL.Path+"?"+r.URL.RawQuery, p) {
				body, ok = b, true
			}
		}
		if !ok {
			http.NotFound(w, r)
			return
		}
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		fmt.Fprint(w, strings.ReplaceAll(body, "{{BASE}}", s.URL))
	}))
	t.Cleanup(s.Close)
	return s
}

// kitFixture reads testdata/name of the scrape package pkg.
func kitFixture(t *testing.T, pkg, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "scrape", pkg, "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// kitGolden reads the package's golden reading of a list fixture, with
// the golden readings of detail fixtures (one posting each, or a list)
// in place of the listed postings of the same id.
func kitGolden(t *testing.T, pkg, name string, details ...string) []model.Raw {
	t.Helper()
	var raws []model.Raw
	if err := json.Unmarshal([]byte(kitFixture(t, pkg, name)), &raws); err != nil {
		t.Fatalf("%s/%s: %v", pkg, name, err)
	}
	for _, d := range details {
		var one []model.Raw
		b := []byte(kitFixture(t, pkg, d))
		if err := json.Unmarshal(b, &one); err != nil {
			var r model.Raw
			if err := json.Unmarshal(b, &r); err != nil {
				t.Fatalf("%s/%s: %v", pkg, d, err)
			}
			one = []model.Raw{r}
		}
		for _, r := range one {
			i := slices.IndexFunc(raws, func(x model.Raw) bool { return x.ID == r.ID })
			if i < 0 {
				t.Fatalf("%s/%s: posting %q is not in %s", pkg, d, r.ID, name)
			}
			raws[i] = r
		}
	}
	return raws
}

// runKitEndToEnd runs a source of type typ with the extra yaml keys
// (indented four spaces, {{BASE}} standing for the server) twice and
// checks the postings against want.
func runKitEndToEnd(t *testing.T, typ, keys, base string, want []model.Raw) {
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
%s
notifiers:
  - name: console
    type: stdout
`, typ, strings.ReplaceAll(keys, "{{BASE}}", base))
	code, stdout, stderr, dir := runYAML(t, yml, "run")
	if code != 0 {
		t.Fatalf("first run: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "added") {
		t.Fatalf("first run reported no added posting:\n%s", stdout)
	}
	snaps := filepath.Join(dir, "snaps")
	ps := readPostings(t, snaps, "acme-jobs")
	if len(ps) != len(want) {
		t.Fatalf("%d postings in the snapshots, want %d", len(ps), len(want))
	}
	byID := map[string]model.Posting{}
	for _, p := range ps {
		byID[p.ID] = p
	}
	for _, w := range want {
		p, ok := byID[w.ID]
		if !ok {
			t.Errorf("posting %q missing from the snapshots", w.ID)
			continue
		}
		if p.Source != "acme-jobs" || p.Company != "Acme" || p.Title != strings.TrimSpace(w.Title) || p.Title == "" {
			t.Errorf("posting %s: source %q company %q title %q, want title %q", w.ID, p.Source, p.Company, p.Title, w.Title)
		}
		if w.Team != "" && p.Team != w.Team {
			t.Errorf("posting %s: team %q, want %q", w.ID, p.Team, w.Team)
		}
		if len(w.Locations) > 0 && len(p.Locations) == 0 {
			t.Errorf("posting %s: no locations, want %q", w.ID, w.Locations)
		}
		for _, s := range w.Salary {
			if !slices.Contains(p.Salary, s) {
				t.Errorf("posting %s: pay %+v lacks %+v", w.ID, p.Salary, s)
			}
		}
		if w.Posted != "" && p.Posted != w.Posted {
			t.Errorf("posting %s: posted %q, want %q", w.ID, p.Posted, w.Posted)
		}
		if strings.TrimSpace(p.Description) == "" {
			t.Errorf("posting %s: no description", w.ID)
		}
	}
	head := headOf(t, snaps)
	files := boardSnapFiles(t, filepath.Join(snaps, "acme-jobs"))
	code, stdout, stderr = runIn(t, filepath.Join(dir, "config.yaml"), "run")
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	if strings.TrimSpace(stdout) != "" {
		t.Fatalf("second run reported something:\n%s", stdout)
	}
	if headOf(t, snaps) != head {
		t.Fatal("second run made a commit")
	}
	if !equalMaps(boardSnapFiles(t, filepath.Join(snaps, "acme-jobs")), files) {
		t.Fatal("second run changed the snapshot files")
	}
}

func TestRunNeogovEndToEnd(t *testing.T) {
	t.Parallel()
	site := newFixtureSite(t, map[string]string{"/SearchEngine/JobsFeed": kitFixture(t, "neogov", "neogov.xml")})
	runKitEndToEnd(t, "neogov", "    board: fulton\n    url: {{BASE}}", site.URL, kitGolden(t, "neogov", "neogov.golden.json"))
}

func TestRunPinpointEndToEnd(t *testing.T) {
	t.Parallel()
	site := newFixtureSite(t, map[string]string{"/postings.json": kitFixture(t, "pinpoint", "pinpoint.json")})
	runKitEndToEnd(t, "pinpoint", "    board: acme\n    url: {{BASE}}", site.URL, kitGolden(t, "pinpoint", "pinpoint.golden.json"))
}

func TestRunRipplingEndToEnd(t *testing.T) {
	t.Parallel()
	const jobs = "/platform/api/ats/v1/board/acme/jobs"
	want := kitGolden(t, "rippling", "rippling.golden.json", "rippling_detail.golden.json")
	site := newFixtureSite(t, map[string]string{
		jobs:                    kitFixture(t, "rippling", "rippling.json"),
		jobs + "/" + want[0].ID: kitFixture(t, "rippling", "rippling_detail.json"),
	})
	runKitEndToEnd(t, "rippling", "    board: acme\n    url: {{BASE}}", site.URL, want)
}

func TestRunBambooHREndToEnd(t *testing.T) {
	t.Parallel()
	// the captured list says totalCount 3 beside two openings (a short
	// listing, an error by design) and only opening 86's detail was
	// captured: the list is cut to opening 86 and its count made to match
	var list struct {
		Meta   map[string]any   `json:"meta"`
		Result []map[string]any `json:"result"`
	}
	if err := json.Unmarshal([]byte(kitFixture(t, "bamboohr", "bamboohr.json")), &list); err != nil {
		t.Fatal(err)
	}
	list.Result = slices.DeleteFunc(list.Result, func(o map[string]any) bool { return fmt.Sprint(o["id"]) != "86" })
	list.Meta["totalCount"] = len(list.Result)
	body, err := json.Marshal(list)
	if err != nil || len(list.Result) != 1 {
		t.Fatalf("%d openings of id 86, %v", len(list.Result), err)
	}
	site := newFixtureSite(t, map[string]string{
		"/careers/list":      string(body),
		"/careers/86/detail": kitFixture(t, "bamboohr", "bamboohr_detail.json"),
	})
	want := kitGolden(t, "bamboohr", "bamboohr.golden.json", "bamboohr_detail.golden.json")
	want = slices.DeleteFunc(want, func(r model.Raw) bool { return r.ID != "86" })
	runKitEndToEnd(t, "bamboohr", "    board: acme\n    url: {{BASE}}", site.URL, want)
}

// onlyIDs keeps the postings of want with the given ids: the list
// fixtures of the HTML platforms hold two postings but only one posting's
// page was captured, and a posting whose detail fails is not written
// (it is read again on the next run).
func onlyIDs(want []model.Raw, ids ...string) []model.Raw {
	return slices.DeleteFunc(want, func(r model.Raw) bool { return !slices.Contains(ids, r.ID) })
}

func TestRunJobviteEndToEnd(t *testing.T) {
	t.Parallel()
	site := newFixtureSite(t, map[string]string{
		"/feedingamerica/search?p=0":   kitFixture(t, "jobvite", "jobvite.html"),
		"/feedingamerica/job/octxAfww": kitFixture(t, "jobvite", "job_page.html"),
	})
	want := onlyIDs(kitGolden(t, "jobvite", "jobvite.golden.json", "jobvite_detail.golden.json"), "octxAfww")
	runKitEndToEnd(t, "jobvite", "    board: feedingamerica\n    url: {{BASE}}", site.URL, want)
}

func TestRunPaylocityEndToEnd(t *testing.T) {
	t.Parallel()
	const guid = "211e692d-c45a-4e3a-ae01-3e497af97929"
	site := newFixtureSite(t, map[string]string{
		"/recruiting/jobs/All/" + guid:     kitFixture(t, "paylocity", "paylocity.html"),
		"/Recruiting/Jobs/Details/4141169": kitFixture(t, "paylocity", "details.html"),
	})
	want := onlyIDs(kitGolden(t, "paylocity", "paylocity.golden.json", "paylocity_detail.golden.json"), "4141169")
	runKitEndToEnd(t, "paylocity", "    board: "+guid+"\n    url: {{BASE}}", site.URL, want)
}

func TestRunTeamtailorEndToEnd(t *testing.T) {
	t.Parallel()
	site := newFixtureSite(t, map[string]string{
		"/jobs.json": strings.ReplaceAll(kitFixture(t, "teamtailor", "teamtailor.json"), "https://career.teamtailor.com", "{{BASE}}"),
		"/jobs/7167985-account-executive-italy-madrid-based": kitFixture(t, "teamtailor", "job_page.html"),
	})
	want := onlyIDs(kitGolden(t, "teamtailor", "teamtailor.golden.json", "teamtailor_detail.golden.json"), "20fafb7d-f013-4061-b6de-2894b3e0838b")
	runKitEndToEnd(t, "teamtailor", "    url: {{BASE}}", site.URL, want)
}

// The icims and hrmdirect fixtures hold a listing only: the posting page
// served here is made up for the test (its description is the one
// asserted), in the shape the packages read (a JobPosting in JSON-LD; a
// div.jobDesc).

func TestRunIcimsEndToEnd(t *testing.T) {
	t.Parallel()
	const page = `<html><head><script type="application/ld+json">{"@context": "http://schema.org", "@type": "JobPosting",
"title": "Payroll Tax Specialist", "description": "<p>File payroll tax returns for clients.</p>", "datePosted": "2026-02-11T05:00:00.000Z"}
</script></head><body></body></html>`
	site := newFixtureSite(t, map[string]string{
		"/jobs/search":                          strings.ReplaceAll(kitFixture(t, "icims", "icims.html"), "https://careers-wipfli.icims.com", "{{BASE}}"),
		"/jobs/8214/payroll-tax-specialist/job": page,
	})
	want := onlyIDs(kitGolden(t, "icims", "icims.golden.json"), "8214")
	runKitEndToEnd(t, "icims", "    url: {{BASE}}", site.URL, want)
}

func TestRunHRMDirectEndToEnd(t *testing.T) {
	t.Parallel()
	const page = `<html><body><div class="jobTitle">Senior Accountant</div><div class="jobDesc"><p>Close the books every month.</p></div></body></html>`
	site := newFixtureSite(t, map[string]string{
		"/employment/job-openings.php":             kitFixture(t, "hrmdirect", "hrmdirect.html"),
		"/employment/job-opening.php?req=3779928*": page,
	})
	want := onlyIDs(kitGolden(t, "hrmdirect", "hrmdirect.golden.json"), "3779928")
	runKitEndToEnd(t, "hrmdirect", "    url: {{BASE}}", site.URL, want)
}

func TestRunPhenomEndToEnd(t *testing.T) {
	t.Parallel()
	// the captured page is Phenom's own board trimmed to two of its 52
	// jobs: its totalHits is made to match (a short listing is an error)
	list := strings.Replace(kitFixture(t, "phenom", "phenom.html"), `"totalHits":52`, `"totalHits":2`, 1)
	detail := func(id, desc string) string {
		b, err := json.Marshal(map[string]any{"jobDetail": map[string]any{"status": 200, "data": map[string]any{"job": map[string]any{"jobId": id, "description": desc}}}})
		if err != nil {
			t.Fatal(err)
		}
		return "<html><body><script>phApp.ddo = " + string(b) + ";</script></body></html>"
	}
	// no job page was captured: these are made up in the shape the package reads
	site := newFixtureSite(t, map[string]string{
		"/global/en/search-results": list,
		"/global/en/job/P-104461*":  detail("P-104461", "<p>Run projects for German-speaking clients.</p>"),
		"/global/en/job/P-104504*":  detail("P-104504", "<p>Second job's description.</p>"),
	})
	runKitEndToEnd(t, "phenom", "    url: {{BASE}}/global/en/search-results", site.URL, kitGolden(t, "phenom", "phenom.golden.json"))
}

func TestRunOracleEndToEnd(t *testing.T) {
	t.Parallel()
	list := kitFixture(t, "oracle", "oracle_orc.json")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// the finder's parameters are in the raw query (a ";" list)
		q := r.URL.RawQuery
		switch r.URL.Path {
		case "/hcmRestApi/resources/latest/recruitingCEJobRequisitions":
			if !strings.Contains(q, "siteNumber=CX,") {
				http.NotFound(w, r)
			} else if strings.Contains(q, "offset=0,") {
				fmt.Fprint(w, list)
			} else {
				// the list has no TotalJobsCount: it ends at an empty page
				fmt.Fprint(w, `{"items": [{"requisitionList": []}], "count": 1, "hasMore": false}`)
			}
		case "/hcmRestApi/resources/latest/recruitingCEJobRequisitionDetails":
			// no detail of a listed requisition was captured: made up
			for _, id := range []string{"25587", "26876"} {
				if strings.Contains(q, id) {
					fmt.Fprintf(w, `{"items": [{"Id": "%s", "ExternalDescriptionStr": "<p>Requisition %s's description.</p>"}], "count": 1}`, id, id)
					return
				}
			}
			http.NotFound(w, r)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	runKitEndToEnd(t, "oracle", "    url: {{BASE}}\n    site: CX", srv.URL, kitGolden(t, "oracle", "oracle_orc.golden.json"))
}
