package greenhouse

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

func client(attempts int) *scrape.Client { return scrapetest.Client(attempts, scrape.Validators{}) }

func adapter(t *testing.T, base string, attempts int) *Greenhouse {
	t.Helper()
	return scrapetest.NewSource(t, New, config.Source{Name: "amplitude", Type: "greenhouse", URL: base, Settings: &scrape.Board{Board: "amplitude"}}, client(attempts))
}

// serve answers the board's list URL with body (and 404 elsewhere).
func serve(t *testing.T, status int, body string) *scrapetest.Server {
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/boards/amplitude/jobs" || r.URL.Query().Get("content") != "true" {
			http.NotFound(w, r)
			return
		}
		scrapetest.Body(status, body)(w, r)
	})
}

func fixture(t *testing.T) string { return string(scrapetest.Fixture(t, "greenhouse.json")) }

// TestDecodeGolden: what the decode makes of the real board, whole.
func TestDecodeGolden(t *testing.T) {
	scrapetest.Decoded(t, "greenhouse", "greenhouse.json", decodeList)
}

func TestNewDefaultsAndRequiresBoard(t *testing.T) {
	a, err := New(config.Source{Name: "x", Settings: &scrape.Board{Board: "acme"}}, client(1))
	if err != nil || a.listURL() != "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true" {
		t.Fatalf("url %q, err %v", a.listURL(), err)
	}
	a = scrapetest.NewSource(t, New, config.Source{Name: "x", URL: "https://mirror.example/gh/", Settings: &scrape.Board{Board: "acme"}}, client(1))
	if a.listURL() != "https://mirror.example/gh/v1/boards/acme/jobs?content=true" {
		t.Fatalf("url %q", a.listURL())
	}
	if _, err := New(config.Source{Name: "x"}, client(1)); err == nil || !strings.Contains(err.Error(), "board is required") {
		t.Fatalf("err = %v", err)
	}
}

func TestRealFixture(t *testing.T) {
	srv := serve(t, 200, fixture(t))
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 2 || srv.Requests() != 1 {
		t.Fatalf("got %d postings in %d requests", len(raws), srv.Requests())
	}
	r := raws[0]
	want := model.Raw{
		ID: "8636903002", Stamp: "2026-07-29T08:50:01-04:00", Title: "Customer Data Scientist - Experimentation",
		URL: "https://job-boards.greenhouse.io/amplitude/jobs/8636903002", RequisitionID: "R-12263",
		Team: "Solutions Consulting", Locations: []string{"London, UK"}, EmploymentType: "Regular",
		Posted: "2026-07-16", Complete: true,
	}
	got := r
	got.DescriptionHTML = ""
	if stamp, _, ok := strings.Cut(got.Stamp, "-04:00:"); ok && len(got.Stamp) == len(want.Stamp)+17 {
		got.Stamp = stamp + "-04:00" // the listed fields' digest follows updated_at
	}
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		t.Fatalf("raw:\n got %+v\nwant %+v", got, want)
	}
	// unescaped once: real tags, and the entities of the text kept as entities
	if !strings.HasPrefix(r.DescriptionHTML, `<div class="content-intro"><p>Amplitude is the leading AI analytics platform`) ||
		!strings.Contains(r.DescriptionHTML, "Diversity Equity &amp; Inclusion") ||
		!strings.Contains(r.DescriptionHTML, "<li>5+ years of experience in Data Science") ||
		strings.Contains(r.DescriptionHTML, "&lt;") {
		t.Fatalf("description: %.300s", r.DescriptionHTML)
	}
	r = raws[1]
	if r.ID != "8651132002" || r.Title != "Emerging Account Executive (India)" || r.Team != "Account Executives" ||
		strings.Join(r.Locations, "|") != "Bangalore, India|Remote-India (PEO)" || r.Posted != "2026-07-27" ||
		!strings.HasPrefix(r.Stamp, "2026-07-27T05:04:22-04:00:") || r.RequisitionID != "R-12278" || r.Workplace != "" {
		t.Fatalf("raw: %+v", r)
	}
}

func TestHybridLocationUsesOffices(t *testing.T) {
	body := `{"jobs": [{"id": 1, "title": "Data Engineer", "location": {"name": "Hybrid"}, "content": "&lt;p&gt;x&lt;/p&gt;",
		"offices": [{"name": "NYC", "location": "New York, NY, United States"}, {"name": "Berlin", "location": null}],
		"departments": [], "internal_job_id": 77, "requisition_id": null}], "meta": {"total": 1}}`
	srv := serve(t, 200, body)
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	r := raws[0]
	if strings.Join(r.Locations, "|") != "New York, NY, United States|Berlin" || r.Workplace != "hybrid" ||
		r.Team != "" || r.RequisitionID != "77" || r.DescriptionHTML != "<p>x</p>" || r.Posted != "" || !strings.HasPrefix(r.Stamp, ":") {
		t.Fatalf("raw: %+v", r)
	}
}

func TestHybridInTheLabel(t *testing.T) {
	srv := serve(t, 200, `{"jobs": [{"id": 3, "title": "A", "location": {"name": "Hybrid - New York, NY"}, "offices": [{"name": "NYC"}]}]}`)
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil || strings.Join(raws[0].Locations, "|") != "Hybrid - New York, NY" || raws[0].Workplace != "hybrid" {
		t.Fatalf("%+v, %v", raws, err)
	}
}

func TestPayInputRanges(t *testing.T) {
	body := `{"jobs": [{"id": 2, "title": "ML Engineer", "location": {"name": "San Francisco, CA"}, "content": "",
		"metadata": [{"name": "Employment Type", "value": "Full-time", "value_type": "single_select"},
		             {"name": "Remote?", "value": ["No"], "value_type": "multi_select"}],
		"pay_input_ranges": [
			{"min_cents": 18000000, "max_cents": 24000000, "currency_type": "USD", "title": "Zone 1"},
			{"min_cents": 16000000, "max_cents": 21000000, "currency_type": "USD", "title": "Zone 2"}]}]}`
	srv := serve(t, 200, body)
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	r := raws[0]
	want := []model.Salary{{Min: 180000, Max: 240000, Currency: "USD"}, {Min: 160000, Max: 210000, Currency: "USD"}}
	if fmt.Sprint(r.Salary) != fmt.Sprint(want) || r.EmploymentType != "Full-time" || r.Complete {
		t.Fatalf("raw: %+v", r)
	}
}

func TestEmptyBoard(t *testing.T) {
	srv := serve(t, 200, `{"jobs": [], "meta": {"total": 0}}`)
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil || len(raws) != 0 {
		t.Fatalf("got %d, %v", len(raws), err)
	}
}

func TestListFailures(t *testing.T) {
	scrapetest.CheckListFailures(t, `greenhouse: board "amplitude": `, scrapetest.Served(serve, adapter), []scrapetest.Failure{
		{Name: "server error after retries", Status: 500, Body: "oops", Tries: 3, Want: "status 500", Requests: 3},
		{Name: "html error page with 200", Status: 200, Body: "<html><body>Something went wrong</body></html>", Tries: 1, Want: "invalid JSON", Requests: 1},
		{Name: "truncated body", Status: 200, Body: `{"jobs": [{"id": 1, "title": "A"`, Tries: 1, Want: "invalid JSON", Requests: 1},
		{Name: "json without jobs", Status: 200, Body: `{"error": "try later"}`, Tries: 1, Want: "no jobs in the response", Requests: 1},
		{Name: "job without id", Status: 200, Body: `{"jobs": [{"title": "A"}]}`, Tries: 1, Want: "job 1: a job has no id", Requests: 1},
	})
}

func TestBoardNotFound(t *testing.T) {
	srv := serve(t, 200, "{}")
	a := scrapetest.NewSource(t, New, config.Source{Name: "x", URL: srv.URL, Settings: &scrape.Board{Board: "acme"}}, client(3))
	_, err := a.List(context.Background())
	if err == nil || err.Error() != `greenhouse: board "acme": not found (404)` {
		t.Fatalf("err = %v", err)
	}
}

func TestNotModified(t *testing.T) {
	body := fixture(t)
	var conditional atomic.Int32
	srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			conditional.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, body)
	})
	a := adapter(t, srv.URL, 1)
	if raws, err := a.List(context.Background()); err != nil || len(raws) != 2 {
		t.Fatalf("first: %d, %v", len(raws), err)
	}
	raws, err := a.List(context.Background())
	if !errors.Is(err, scrape.ErrNotModified) || raws != nil || conditional.Load() != 1 {
		t.Fatalf("second: %v, %v (conditional requests %d)", raws, err, conditional.Load())
	}
}

func TestDetailReturnsTheListing(t *testing.T) {
	a := adapter(t, "http://127.0.0.1:1", 1)
	r := model.Raw{ID: "1", DescriptionHTML: "<p>x</p>", Complete: true}
	d, err := a.Detail(context.Background(), r)
	if err != nil || d.ID != "1" || d.DescriptionHTML != "<p>x</p>" {
		t.Fatalf("%+v, %v", d, err)
	}
}

// A posting edited in place (its title fixed) without a new updated_at
// still gets a new stamp: the stamp digests every listed field.
func TestStampMovesWithListedFields(t *testing.T) {
	a := model.Raw{ID: "1", Title: "Job 1", DescriptionHTML: "<p>x</p>"}
	b := a
	b.Title = "Job 1 v2"
	sa, sb := scrape.ListedStamp("2026-01-01T00:00:00Z", a), scrape.ListedStamp("2026-01-01T00:00:00Z", b)
	if sa == sb || !strings.HasPrefix(sa, "2026-01-01T00:00:00Z:") {
		t.Errorf("stamps %q and %q", sa, sb)
	}
	if sa != scrape.ListedStamp("2026-01-01T00:00:00Z", a) {
		t.Error("the stamp of the same posting moved")
	}
}
