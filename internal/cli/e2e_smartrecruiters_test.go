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
)

// smartRecruitersServer serves the real SmartRecruiters list fixture (company
// knight) and a detail with a job ad for its posting.
func smartRecruitersServer(t *testing.T) (srv *httptest.Server, counts func() (list, detail int)) {
	t.Helper()
	list, err := os.ReadFile("../scrape/smartrecruiters/testdata/smartrecruiters.json")
	if err != nil {
		t.Fatal(err)
	}
	const detail = `{
 "id": "743999671674844",
 "name": "CNA  / LPN - Consistent Hours. Start Next Week.",
 "refNumber": "REF30D",
 "releasedDate": "2018-06-08T02:11:28.000Z",
 "location": {"city": "St. Louis", "region": "MO", "country": "us", "remote": false, "hybrid": false,
  "fullLocation": "St. Louis, MO, United States"},
 "department": {},
 "typeOfEmployment": {"id": "part-time", "label": "Part-time"},
 "postingUrl": "https://jobs.smartrecruiters.com/Knight/743999671674844-cna-lpn-consistent-hours-start-next-week-",
 "applyUrl": "https://jobs.smartrecruiters.com/Knight/743999671674844-cna-lpn-consistent-hours-start-next-week-?oga=true",
 "jobAd": {"sections": {
  "companyDescription": {"title": "Company Description", "text": "<p>Knight Gayles staffs care homes.</p>"},
  "jobDescription": {"title": "Job Description", "text": "<p>Care for residents on consistent shifts.</p>"},
  "qualifications": {"title": "Qualifications", "text": "<ul><li>Current CNA or LPN license</li><li>1+ years of experience in long-term care</li></ul>"},
  "additionalInformation": {"title": "Additional Information", "text": "<p>Pay: $18 - $24 per hour.</p>"}
 }}
}`
	var mu sync.Mutex
	var nList, nDetail int
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow:\n")
		case "/v1/companies/knight/postings":
			nList++
			if r.URL.Query().Get("offset") != "0" || r.URL.Query().Get("limit") != "100" {
				http.Error(w, "unexpected page", http.StatusBadRequest)
				return
			}
			w.Write(list)
		case "/v1/companies/knight/postings/743999671674844":
			nDetail++
			fmt.Fprint(w, detail)
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

func TestRunSmartRecruitersEndToEnd(t *testing.T) {
	t.Parallel()
	srv, counts := smartRecruitersServer(t)
	code, stdout, stderr, dir := runYAML(t, fmt.Sprintf(`snapshots: snaps
git: {commit: true}
http: {per_host_delay: 1ms, retries: 1}
sources:
  - name: knight
    type: smartrecruiters
    company: Knight Gayles
    board: knight
    url: %s
notifiers:
  - name: console
    type: stdout
`, srv.URL), "run")
	if code != 0 {
		t.Fatalf("first run: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	ps := readPostings(t, filepath.Join(dir, "snaps"), "knight")
	if len(ps) != 1 {
		t.Fatalf("%d snapshot files, want 1", len(ps))
	}
	p := ps[0]
	if p.ID != "743999671674844" || p.Source != "knight" || p.Company != "Knight Gayles" ||
		p.Title != "CNA / LPN - Consistent Hours. Start Next Week." ||
		p.URL != "https://jobs.smartrecruiters.com/Knight/743999671674844-cna-lpn-consistent-hours-start-next-week-" ||
		p.RequisitionID != "REF30D" || p.Posted != "2018-06-08" || p.EmploymentType != "part_time" || p.Workplace != "onsite" {
		t.Fatalf("snapshot: %+v", p)
	}
	if len(p.Locations) != 1 || p.Locations[0].City != "St. Louis" || p.Locations[0].Country != "US" {
		t.Fatalf("locations: %+v", p.Locations)
	}
	if len(p.Salary) != 1 || p.Salary[0].Min != 18 || p.Salary[0].Period != "hour" {
		t.Errorf("salary: %+v", p.Salary)
	}
	for _, want := range []string{"Knight Gayles staffs care homes.", "Current CNA or LPN license", "Pay: $18 - $24 per hour."} {
		if !strings.Contains(p.Description, want) {
			t.Errorf("description lacks %q:\n%s", want, p.Description)
		}
	}
	if p.MinYearsExperience == nil || *p.MinYearsExperience != 1 {
		t.Errorf("min years %v, want 1 from the qualifications", p.MinYearsExperience)
	}
	if _, err := os.Stat(filepath.Join(dir, "snaps", "knight", "743999671674844.json")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, "added") {
		t.Errorf("first run reports no added posting:\n%s", stdout)
	}
	head := headOf(t, filepath.Join(dir, "snaps"))
	list, det := counts()
	if list != 1 || det != 1 {
		t.Fatalf("first run: %d list and %d detail requests, want 1 and 1", list, det)
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
		t.Fatalf("second run reported:\n%s", stdout)
	}
	if l, d := counts(); l != 2 || d != 1 {
		t.Fatalf("second run: %d list and %d detail requests, want 1 and 0", l-list, d-det)
	}
}
