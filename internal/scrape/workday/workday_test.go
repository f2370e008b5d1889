package workday

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/workday/fake"
)

func jobs(n int) []fake.Job {
	var out []fake.Job
	for i := 0; i < n; i++ {
		req := fmt.Sprintf("JR%06d", i)
		out = append(out, fake.Job{
			Title:         fmt.Sprintf("Data Engineer %d", i),
			Path:          fmt.Sprintf("/job/California---San-Francisco/Data-Engineer-%d_%s", i, req),
			LocationsText: "California - San Francisco",
			PostedOn:      "Posted 5 Days Ago",
			Bullets:       []string{req},
			Description:   fmt.Sprintf("<p>Job %d: Python and SQL.</p>", i),
			Location:      "California - San Francisco",
			ReqID:         req,
			StartDate:     "2026-08-01",
			TimeType:      "Full time",
		})
	}
	return out
}

func client(attempts int) *scrape.Client { return scrapetest.Client(attempts, nil) }

func adapter(t *testing.T, url string, attempts int) *Workday {
	t.Helper()
	return scrapetest.NewSource(t, New, config.Source{Name: "acme", Type: "workday", URL: url + "/", Settings: &Config{Tenant: "acme", Site: "External"}}, client(attempts))
}

// TestDecodeGolden: what the decode makes of the real fixture, whole.
func TestDecodeGolden(t *testing.T) {
	pg, err := (&Workday{base: "https://salesforce.wd12.myworkdayjobs.com", tenant: "salesforce", site: "External_Career_Site"}).decodePage(scrapetest.Fixture(t, "workday.json"))
	if err != nil {
		t.Fatal(err)
	}
	scrapetest.Golden(t, "workday", pg.Postings)
	if pg.Total != 2 {
		t.Errorf("total %d, want 2", pg.Total)
	}
}

func TestNewRequiresURLTenantSite(t *testing.T) {
	for _, src := range []config.Source{{Name: "a", Settings: &Config{Tenant: "a", Site: "s"}}, {Name: "a", URL: "https://a.wd5.myworkdayjobs.com", Settings: &Config{Site: "s"}}, {Name: "a", URL: "https://a.wd5.myworkdayjobs.com", Settings: &Config{Tenant: "a"}}} {
		if _, err := New(src, client(1)); err == nil || !strings.HasPrefix(err.Error(), "workday: ") {
			t.Errorf("New(%+v) = %v, want an error", src, err)
		}
	}
}

func TestListPagesOf20(t *testing.T) {
	srv := fake.New(t, "acme", "External", jobs(45))
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 45 {
		t.Fatalf("got %d postings, want 45", len(raws))
	}
	if got := srv.Offsets(); fmt.Sprint(got) != "[0 20 40]" {
		t.Fatalf("offsets %v, want [0 20 40]", got)
	}
	for i, b := range srv.Bodies() {
		if b["limit"] != float64(20) || b["offset"] != float64(i*20) || b["searchText"] != "" || fmt.Sprint(b["appliedFacets"]) != "map[]" {
			t.Errorf("request %d body %v", i, b)
		}
	}
	r := raws[7]
	if r.ID != "JR000007" || r.Title != "Data Engineer 7" || r.Complete || r.Posted != "" || r.RequisitionID != "" ||
		r.URL != srv.URL+"/External/job/California---San-Francisco/Data-Engineer-7_JR000007" ||
		len(r.Locations) != 1 || r.Locations[0] != "California - San Francisco" || len(r.Stamp) != 16 {
		t.Fatalf("raw: %+v", r)
	}
}

func TestListKeepsTheFirstPagesTotal(t *testing.T) {
	srv := fake.New(t, "acme", "External", jobs(45))
	srv.TotalFirstPageOnly()
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil || len(raws) != 45 {
		t.Fatalf("got %d postings, %v; want 45", len(raws), err)
	}
	if got := srv.Offsets(); len(got) != 3 {
		t.Fatalf("offsets %v, want 3 pages", got)
	}
}

func TestListStopsAtTheCap(t *testing.T) {
	srv := fake.New(t, "acme", "External", jobs(2045))
	srv.Cap(Cap)
	srv.TotalFirstPageOnly()
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != Cap {
		t.Fatalf("got %d postings, want %d", len(raws), Cap)
	}
	if n := len(srv.Offsets()); n != Cap/PageSize {
		t.Fatalf("%d list requests, want %d", n, Cap/PageSize)
	}
}

func TestListLoopBackPastTheCapIsTheEnd(t *testing.T) {
	// One posting listed twice (the order moved while paging): 1999 distinct
	// postings by offset 2000, where the tenant loops back to its first page.
	js := jobs(2045)
	js[1000] = js[999]
	srv := fake.New(t, "acme", "External", js)
	srv.Cap(Cap)
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != Cap-1 {
		t.Fatalf("got %d postings, want %d", len(raws), Cap-1)
	}
	offs := srv.Offsets()
	if offs[len(offs)-1] != Cap {
		t.Fatalf("last offset %d, want %d", offs[len(offs)-1], Cap)
	}
}

func TestListLoopBackBeforeTotalIsAnError(t *testing.T) {
	srv := scrapetest.Serve(t, scrapetest.Body(200, `{"total": 100, "jobPostings": [{"title": "A", "externalPath": "/job/X/A_R1"}, {"title": "B", "externalPath": "/job/X/B_R2"}]}`))
	_, err := adapter(t, srv.URL, 1).List(context.Background())
	if err == nil || !strings.Contains(err.Error(), "page 2 repeats earlier postings after 2 of 100") {
		t.Fatalf("err = %v", err)
	}
}

func TestListFailures(t *testing.T) {
	scrapetest.CheckListFailures(t, `workday: board "acme/External": `, func(t *testing.T, status int, body string, tries int) scrapetest.Listing {
		srv := fake.New(t, "acme", "External", jobs(45))
		srv.FailList(func(offset int) (int, string) {
			if offset == 20 {
				return status, body
			}
			return 0, ""
		})
		raws, err := adapter(t, srv.URL, tries).List(context.Background())
		return scrapetest.Listing{Raws: raws, Err: err, Mention: "page 2"}
	}, []scrapetest.Failure{
		{Name: "server error on page 2", Status: 500, Body: "oops", Tries: 2, Want: "status 500"},
		{Name: "rate limited 429", Status: 429, Body: "", Tries: 2, Want: "status 429"},
		{Name: "html error page with 200", Status: 200, Body: "<html><body>Something went wrong</body></html>", Tries: 2, Want: "invalid JSON"},
		{Name: "json without jobPostings", Status: 200, Body: `{"errorCode":"HTTP_500"}`, Tries: 2, Want: "no jobPostings"},
		{Name: "empty page before total", Status: 200, Body: `{"total": 45, "jobPostings": []}`, Tries: 2, Want: "is empty after 20 of 45 postings"},
	})
}

func TestListRetriesTransientErrors(t *testing.T) {
	srv := fake.New(t, "acme", "External", jobs(45))
	n := 0
	srv.FailList(func(offset int) (int, string) {
		if offset == 20 && n < 2 {
			n++
			return 503, "busy"
		}
		return 0, ""
	})
	raws, err := adapter(t, srv.URL, 3).List(context.Background())
	if err != nil || len(raws) != 45 {
		t.Fatalf("got %d, %v", len(raws), err)
	}
}

func TestListNotFound(t *testing.T) {
	srv := fake.New(t, "acme", "External", jobs(3))
	a := scrapetest.NewSource(t, New, config.Source{Name: "x", URL: srv.URL, Settings: &Config{Tenant: "acme", Site: "Gone"}}, client(1))
	_, err := a.List(context.Background())
	if err == nil || err.Error() != `workday: board "acme/Gone": not found (404)` {
		t.Fatalf("err = %v", err)
	}
}

func TestListEmptySite(t *testing.T) {
	srv := fake.New(t, "acme", "External", nil)
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil || len(raws) != 0 {
		t.Fatalf("got %d, %v", len(raws), err)
	}
}

func TestStampIgnoresPostedOn(t *testing.T) {
	js := jobs(2)
	srv := fake.New(t, "acme", "External", js)
	a := adapter(t, srv.URL, 1)
	before, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	js[0].PostedOn = "Posted 6 Days Ago"
	js[1].Title = "Senior Data Engineer 1"
	srv.SetJobs(js)
	after, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if before[0].Stamp != after[0].Stamp {
		t.Error("a new postedOn changed the stamp")
	}
	if before[1].Stamp == after[1].Stamp {
		t.Error("a new title kept the stamp")
	}
	if before[0].Stamp == before[1].Stamp {
		t.Error("two postings share a stamp")
	}
}

func TestDetail(t *testing.T) {
	js := jobs(2)
	js[1].AdditionalLocations = []string{"New York - New York", "Remote - USA"}
	js[1].RemoteType = "Hybrid"
	js[1].LocationsText = "3 Locations"
	srv := fake.New(t, "acme", "External", js)
	a := adapter(t, srv.URL, 1)
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws[1].Locations) != 0 {
		t.Fatalf("list locations %q, want none from %q", raws[1].Locations, "3 Locations")
	}
	d, err := a.Detail(context.Background(), raws[1])
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"California - San Francisco", "New York - New York", "Remote - USA"}
	if d.ID != "JR000001" || d.Stamp != raws[1].Stamp || !d.Complete || d.DescriptionHTML != "<p>Job 1: Python and SQL.</p>" ||
		d.RequisitionID != "JR000001" || d.Posted != "2026-08-01" || d.EmploymentType != "Full time" || d.Workplace != "Hybrid" ||
		d.URL != srv.URL+"/External"+js[1].Path || fmt.Sprint(d.Locations) != fmt.Sprint(want) {
		t.Fatalf("detail: %+v", d)
	}
}

func TestDetailWithoutStartDateHasNoPostedDate(t *testing.T) {
	js := jobs(1)
	js[0].StartDate = ""
	js[0].PostedOn = "Posted Yesterday"
	srv := fake.New(t, "acme", "External", js)
	a := adapter(t, srv.URL, 1)
	raws, _ := a.List(context.Background())
	d, err := a.Detail(context.Background(), raws[0])
	if err != nil || d.Posted != "" {
		t.Fatalf("posted %q, %v; want none", d.Posted, err)
	}
}

func TestDetailFailures(t *testing.T) {
	cases := []struct {
		status int
		body   string
		want   string
	}{
		{404, "", "status 404"},
		{200, "<html>maintenance</html>", "invalid JSON"},
		{200, `{"userAuthenticated": false}`, "no jobPostingInfo"},
	}
	for _, c := range cases {
		srv := fake.New(t, "acme", "External", jobs(1))
		srv.FailDetail(func(string) (int, string) { return c.status, c.body })
		a := adapter(t, srv.URL, 1)
		raws, _ := a.List(context.Background())
		if _, err := a.Detail(context.Background(), raws[0]); err == nil || !strings.Contains(err.Error(), c.want) ||
			!strings.Contains(err.Error(), "posting JR000000") {
			t.Errorf("%d %q: err = %v", c.status, c.body, err)
		}
	}
}

func TestPostingID(t *testing.T) {
	for path, want := range map[string]string{
		"/job/Illinois---Chicago/Customer-Success-Manager---Global-Public-Sector--State---Local-Gov-_JR332446": "JR332446",
		"/job/HM-West---Main-Hospital-Building/Sr-Surgical-Technologist_JR-13515-2":                            "JR-13515-2",
		"/job/Copenhagen/R1": "R1",
		"/job/X/Trailing_":   "Trailing_",
		"":                   "",
	} {
		if got := postingID(path); got != want {
			t.Errorf("postingID(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestRealFixture(t *testing.T) {
	b := scrapetest.Fixture(t, "workday.json")
	var gotBody string
	srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/wday/cxs/salesforce/External_Career_Site/jobs" || r.Method != http.MethodPost {
			http.NotFound(w, r)
			return
		}
		body, _ := io.ReadAll(r.Body)
		gotBody = string(body)
		w.Write(b)
	})
	a := scrapetest.NewSource(t, New, config.Source{Name: "salesforce", URL: srv.URL, Settings: &Config{Tenant: "salesforce", Site: "External_Career_Site"}}, client(1))
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if gotBody != `{"appliedFacets":{},"limit":20,"offset":0,"searchText":""}` {
		t.Errorf("request body %s", gotBody)
	}
	if len(raws) != 2 {
		t.Fatalf("got %d postings", len(raws))
	}
	r := raws[0]
	if r.ID != "JR354232" || r.Title != "Solution Architect / Senior Solution Architect - PubSec - SLED/NGO" ||
		r.URL != srv.URL+"/External_Career_Site/job/Virginia---Washington-DC-Metro---Remote/Solution-Architect---Senior-Solution-Architect---PubSec---SLED-NGO_JR354232" ||
		len(r.Locations) != 0 || r.Posted != "" || r.Complete || r.Stamp == "" {
		t.Fatalf("raw: %+v", r)
	}
	if raws[1].ID != "JR332446" || raws[1].Title != "Customer Success Manager - Global Public Sector (State, Local Government and Education)" {
		t.Fatalf("raw: %+v", raws[1])
	}
}
