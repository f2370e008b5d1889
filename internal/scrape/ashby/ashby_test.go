package ashby

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

func client(attempts int) *scrape.Client { return scrapetest.Client(attempts, scrape.Validators{}) }

func adapter(t *testing.T, base string, attempts int) *Ashby {
	t.Helper()
	return scrapetest.NewSource(t, New, config.Source{Name: "highlight", Type: "ashby", URL: base, Settings: &scrape.Board{Board: "HighlightTA"}}, client(attempts))
}

// serve answers the board's URL with body, other boards with Ashby's 404.
func serve(t *testing.T, status int, body string) *scrapetest.Server {
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/posting-api/job-board/HighlightTA" || r.URL.Query().Get("includeCompensation") != "true" {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"success":false}`)
			return
		}
		scrapetest.Body(status, body)(w, r)
	})
}

func fixture(t *testing.T) string { return string(scrapetest.Fixture(t, "ashby.json")) }

// TestDecodeGolden: what the decode makes of the real board, whole.
func TestDecodeGolden(t *testing.T) {
	scrapetest.Decoded(t, "ashby", "ashby.json", decodeList)
}

func TestNewDefaults(t *testing.T) {
	a, err := New(config.Source{Name: "x", Settings: &scrape.Board{Board: "acme"}}, client(1))
	if err != nil || a.listURL() != "https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true" {
		t.Fatalf("url %q, err %v", a.listURL(), err)
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
	if r.ID != "90fb3621-899e-4b59-925d-25080ec91e18" || r.Stamp != "" || r.Title != "Senior Technical Recruiter" ||
		r.URL != "https://jobs.ashbyhq.com/HighlightTA/90fb3621-899e-4b59-925d-25080ec91e18" || r.Team != "HighlightTA" ||
		strings.Join(r.Locations, "|") != "Canada" || r.Workplace != "Remote" || r.EmploymentType != "FullTime" ||
		r.Posted != "2026-04-20" || r.Salary != nil || !r.Complete ||
		!strings.HasPrefix(r.DescriptionHTML, "<h2><strong>About HighlightTA</strong></h2>") {
		t.Fatalf("raw: %+v", r)
	}
	r = raws[1]
	if r.ID != "fc2f1f85-46a0-4a31-b165-683e39c07c04" || r.Title != "Senior Site Reliability Engineer" ||
		r.Team != "HighlightTA Confidential" || strings.Join(r.Locations, "|") != "Toronto, Ontario, Canada" ||
		r.Workplace != "Hybrid" || r.Posted != "2026-07-08" ||
		fmt.Sprint(r.Salary) != fmt.Sprint([]model.Salary{{Min: 102800, Max: 137000, Currency: "CAD", Period: "year"}}) {
		t.Fatalf("raw: %+v", r)
	}
}

func TestFieldMapping(t *testing.T) {
	body := `{"apiVersion": "1", "jobs": [
	{"id": "j1", "title": "Product Manager", "department": "Product", "team": "", "employmentType": "PartTime",
	 "location": "Houston, TX", "address": {"postalAddress": {"addressLocality": "Houston", "addressRegion": "Texas", "addressCountry": "USA"}},
	 "secondaryLocations": [{"location": "San Francisco", "address": {"addressLocality": "San Francisco", "addressCountry": "USA"}},
	   {"location": "Remote (Canada)", "address": {"addressCountry": "Canada"}}, {"location": "Berlin, Germany", "address": {"addressCountry": "Germany"}}, {"location": " "}],
	 "isListed": true, "isRemote": true, "publishedAt": "2021-04-30T16:21:55.393+00:00",
	 "jobUrl": "https://jobs.ashbyhq.com/example_job", "descriptionHtml": "", "descriptionPlain": "Join our team",
	 "compensation": {"compensationTiers": [
	   {"title": "Zone A", "components": [
	     {"compensationType": "EquityPercentage", "interval": "NONE", "currencyCode": null, "minValue": 0.5, "maxValue": 1.75},
	     {"compensationType": "Salary", "interval": "1 YEAR", "currencyCode": "USD", "minValue": 81000, "maxValue": 87000},
	     {"compensationType": "Bonus", "interval": "1 YEAR", "currencyCode": "USD", "minValue": 5000, "maxValue": null}]},
	   {"title": "Zone B", "components": [
	     {"compensationType": "Salary", "interval": "1 HOUR", "currencyCode": "USD", "minValue": 40, "maxValue": null},
	     {"compensationType": "Salary", "interval": "2 WEEK", "currencyCode": "USD", "minValue": 4000, "maxValue": 5000}]}],
	  "summaryComponents": [{"compensationType": "Salary", "interval": "1 YEAR", "currencyCode": "USD", "minValue": 1, "maxValue": 2}]}},
	{"id": "j2", "title": "Hidden", "isListed": false, "descriptionHtml": "<p>x</p>"},
	{"id": "j3", "title": "Summary only", "workplaceType": "OnSite", "isRemote": false, "descriptionHtml": "<p>y</p>",
	 "compensation": {"compensationTiers": [], "summaryComponents": [
	   {"compensationType": "Salary", "interval": "1 MONTH", "currencyCode": "EUR", "minValue": 5000, "maxValue": 6000}]}}]}`
	srv := serve(t, 200, body)
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 2 {
		t.Fatalf("got %d postings, want the unlisted one left out", len(raws))
	}
	want := model.Raw{
		ID: "j1", Title: "Product Manager", URL: "https://jobs.ashbyhq.com/example_job", Team: "Product",
		Locations: []string{"Houston, TX, USA", "San Francisco, USA", "Remote (Canada)", "Berlin, Germany"}, Workplace: "remote", EmploymentType: "PartTime",
		Posted: "2021-04-30", DescriptionText: "Join our team",
		Salary:   []model.Salary{{Min: 81000, Max: 87000, Currency: "USD", Period: "year"}, {Min: 40, Currency: "USD", Period: "hour"}},
		Complete: true,
	}
	if fmt.Sprintf("%+v", raws[0]) != fmt.Sprintf("%+v", want) {
		t.Fatalf("raw:\n got %+v\nwant %+v", raws[0], want)
	}
	r := raws[1]
	if r.ID != "j3" || r.Workplace != "OnSite" || r.Locations != nil || r.Posted != "" ||
		fmt.Sprint(r.Salary) != fmt.Sprint([]model.Salary{{Min: 5000, Max: 6000, Currency: "EUR", Period: "month"}}) {
		t.Fatalf("raw: %+v", r)
	}
}

func TestListFailures(t *testing.T) {
	scrapetest.CheckListFailures(t, `ashby: board "HighlightTA": `, scrapetest.Served(serve, adapter), []scrapetest.Failure{
		{Name: "server error after retries", Status: 502, Body: "bad gateway", Tries: 3, Want: "status 502", Requests: 3},
		{Name: "html error page with 200", Status: 200, Body: "<!doctype html><html><body>Oops</body></html>", Tries: 1, Want: "invalid JSON", Requests: 1},
		{Name: "truncated body", Status: 200, Body: `{"apiVersion": "1", "jobs": [{"id": "a"`, Tries: 1, Want: "invalid JSON", Requests: 1},
		{Name: "json without jobs", Status: 200, Body: `{"apiVersion": "1"}`, Tries: 1, Want: "no jobs in the response", Requests: 1},
		{Name: "job without id", Status: 200, Body: `{"jobs": [{"title": "A"}]}`, Tries: 1, Want: "job 1 has no id", Requests: 1},
	})
}

func TestBoardNotFound(t *testing.T) {
	srv := serve(t, 200, "{}")
	a := scrapetest.NewSource(t, New, config.Source{Name: "x", URL: srv.URL, Settings: &scrape.Board{Board: "x"}}, client(3))
	_, err := a.List(context.Background())
	if err == nil || err.Error() != `ashby: board "x": not found (404)` {
		t.Fatalf("err = %v", err)
	}
}

func TestNotModified(t *testing.T) {
	body := fixture(t)
	const lastMod = "Wed, 08 Jul 2026 19:48:19 GMT"
	srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", lastMod)
		fmt.Fprint(w, body)
	})
	a := adapter(t, srv.URL, 1)
	if raws, err := a.List(context.Background()); err != nil || len(raws) != 2 {
		t.Fatalf("first: %d, %v", len(raws), err)
	}
	if raws, err := a.List(context.Background()); !errors.Is(err, scrape.ErrNotModified) || raws != nil {
		t.Fatalf("second: %v, %v", raws, err)
	}
}

func TestPeriod(t *testing.T) {
	for in, want := range map[string]string{"1 YEAR": "year", "1 MONTH": "month", "1 WEEK": "week", "1 DAY": "day",
		"1 HOUR": "hour", "2 WEEK": "", "NONE": "", "": ""} {
		if got, _ := period(in); got != want {
			t.Errorf("period(%q) = %q, want %q", in, got, want)
		}
	}
}
