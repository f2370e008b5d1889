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
)

// workdayServer serves the real Workday list fixture (Salesforce's site) on
// the CXS listing endpoint and a jobPostingInfo for each of its postings.
func workdayServer(t *testing.T) (srv *httptest.Server, counts func() (list, detail int)) {
	t.Helper()
	list, err := os.ReadFile("../scrape/workday/testdata/workday.json")
	if err != nil {
		t.Fatal(err)
	}
	const prefix = "/wday/cxs/salesforce/External_Career_Site"
	details := map[string]map[string]any{
		"/job/Virginia---Washington-DC-Metro---Remote/Solution-Architect---Senior-Solution-Architect---PubSec---SLED-NGO_JR354232": {
			"title":               "Solution Architect / Senior Solution Architect - PubSec - SLED/NGO",
			"jobDescription":      "<p>Design solutions for state and local government.</p><p><b>Required</b></p><ul><li>5+ years with Java and SQL.</li></ul>",
			"location":            "Virginia - Washington DC Metro - Remote",
			"additionalLocations": []string{"Texas - Austin", "California - San Francisco"},
			"startDate":           "2026-08-12", "timeType": "Full time", "jobReqId": "JR354232", "postedOn": "Posted Yesterday",
		},
		"/job/Illinois---Chicago/Customer-Success-Manager---Global-Public-Sector--State---Local-Gov-_JR332446": {
			"title":          "Customer Success Manager - Global Public Sector (State, Local Government and Education)",
			"jobDescription": "<p>Own customer outcomes.</p>",
			"location":       "Illinois - Chicago",
			"startDate":      "2026-08-10", "timeType": "Full time", "jobReqId": "JR332446", "postedOn": "Posted 3 Days Ago",
		},
	}
	var mu sync.Mutex
	var nList, nDetail int
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case r.URL.Path == "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /wday/authgwy/\n")
		case r.URL.Path == prefix+"/jobs" && r.Method == http.MethodPost:
			nList++
			w.Write(list)
		case strings.HasPrefix(r.URL.Path, prefix+"/job/") && details[strings.TrimPrefix(r.URL.Path, prefix)] != nil:
			nDetail++
			path := strings.TrimPrefix(r.URL.Path, prefix)
			info := details[path]
			info["externalUrl"] = "https://salesforce.wd12.myworkdayjobs.com/External_Career_Site" + path
			json.NewEncoder(w).Encode(map[string]any{"jobPostingInfo": info, "userAuthenticated": false})
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, func() (int, int) {
		mu.Lock()
		defer mu.Unlock()
		return nList, nDetail
	}
}

func TestRunWorkdayEndToEnd(t *testing.T) {
	t.Parallel()
	srv, counts := workdayServer(t)
	code, stdout, stderr, dir := runYAML(t, fmt.Sprintf(`snapshots: snaps
git: {commit: true}
http: {per_host_delay: 1ms, retries: 1}
sources:
  - name: salesforce
    type: workday
    company: Salesforce
    url: %s
    tenant: salesforce
    site: External_Career_Site
notifiers:
  - name: console
    type: stdout
`, srv.URL), "run")
	if code != 0 {
		t.Fatalf("first run: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	ps := readPostings(t, filepath.Join(dir, "snaps"), "salesforce")
	if len(ps) != 2 {
		t.Fatalf("%d snapshot files, want 2", len(ps))
	}
	p := ps[1] // JR354232
	if p.ID != "JR354232" || p.Source != "salesforce" || p.Company != "Salesforce" ||
		p.Title != "Solution Architect / Senior Solution Architect - PubSec - SLED/NGO" ||
		p.URL != "https://salesforce.wd12.myworkdayjobs.com/External_Career_Site/job/Virginia---Washington-DC-Metro---Remote/Solution-Architect---Senior-Solution-Architect---PubSec---SLED-NGO_JR354232" ||
		p.RequisitionID != "JR354232" || p.Posted != "2026-08-12" || p.EmploymentType != "full_time" || len(p.Locations) != 3 {
		t.Fatalf("snapshot: %+v", p)
	}
	if _, err := os.Stat(filepath.Join(dir, "snaps", "salesforce", "JR354232__913a890665ea7939.json")); err != nil {
		t.Fatal(err)
	}
	q := ps[0]
	if q.ID != "JR332446" || !strings.HasPrefix(q.Title, "Customer Success Manager") || len(q.Locations) != 1 || q.Posted != "2026-08-10" {
		t.Fatalf("snapshot: %+v", q)
	}
	if !strings.Contains(stdout, "JR354232") {
		t.Errorf("first run reports no added posting:\n%s", stdout)
	}
	head := headOf(t, filepath.Join(dir, "snaps"))
	list, detail := counts()
	if list != 1 || detail != 2 {
		t.Fatalf("first run: %d list and %d detail requests, want 1 and 2", list, detail)
	}

	// The same answer again: no detail request, no commit, nothing reported.
	code, stdout, stderr = runIn(t, filepath.Join(dir, "config.yaml"), "run")
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	if h := headOf(t, filepath.Join(dir, "snaps")); h != head {
		t.Fatal("second run made a commit")
	}
	if strings.TrimSpace(stdout) != "" {
		t.Fatalf("second run reported postings:\n%s", stdout)
	}
	if l, d := counts(); l != 2 || d != 2 {
		t.Fatalf("second run: %d list and %d detail requests, want 1 and 0", l-list, d-detail)
	}
}
