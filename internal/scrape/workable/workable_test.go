package workable

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

const listPath = "/api/v1/widget/accounts/acme"

// fakeAPI serves the widget listing and the job API of account "acme".
type fakeAPI struct {
	*scrapetest.Server
	mu       sync.Mutex
	list     func(w http.ResponseWriter, r *http.Request)
	jobs     map[string]string // shortcode -> job API body
	requests []string          // path?query of every request but robots.txt
}

func newAPI(t *testing.T, list func(w http.ResponseWriter, r *http.Request)) *fakeAPI {
	f := &fakeAPI{list: list, jobs: map[string]string{}}
	f.Server = scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.requests = append(f.requests, r.URL.RequestURI())
		body, ok := f.jobs[strings.TrimPrefix(r.URL.Path, "/api/v2/accounts/acme/jobs/")]
		f.mu.Unlock()
		switch {
		case r.URL.Path == listPath:
			f.list(w, r)
		case strings.HasPrefix(r.URL.Path, "/api/v2/accounts/acme/jobs/") && ok:
			w.Write([]byte(body))
		default:
			http.NotFound(w, r)
		}
	})
	return f
}

func (f *fakeAPI) seen() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.requests...)
}

func serve(body string) func(w http.ResponseWriter, r *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(body)) }
}

func adapter(t *testing.T, base string, c *scrape.Client) *Workable {
	t.Helper()
	return scrapetest.NewSource(t, New, config.Source{Name: "zaelab", Type: "workable", URL: base, Settings: &scrape.Board{Board: "acme"}}, c)
}

func client(attempts int) *scrape.Client { return scrapetest.Client(attempts, nil) }

// TestDecodeGolden: what the decode makes of the real fixture, whole.
func TestDecodeGolden(t *testing.T) {
	scrapetest.Decoded(t, "workable", "workable.json", adapter(t, "https://apply.workable.com", client(1)).decodeList)
}

func TestNew(t *testing.T) {
	a, err := New(config.Source{Name: "x", Settings: &scrape.Board{Board: "zaelab"}}, client(1))
	if err != nil || a.listURL() != "https://apply.workable.com/api/v1/widget/accounts/zaelab?details=true" ||
		mustURL(a.detailURL("DD136DD7E7")) != "https://apply.workable.com/api/v2/accounts/zaelab/jobs/DD136DD7E7" {
		t.Fatalf("default host: %v %v", a, err)
	}
	a, err = New(config.Source{Name: "x", URL: "http://mirror.test/", Settings: &scrape.Board{Board: "zaelab"}}, client(1))
	if err != nil || a.listURL() != "http://mirror.test/api/v1/widget/accounts/zaelab?details=true" {
		t.Fatalf("url override: %v %v", a, err)
	}
	if _, err := New(config.Source{Name: "x"}, client(1)); err == nil || !strings.Contains(err.Error(), "board is required") {
		t.Fatalf("no board: %v", err)
	}
}

// The real widget answer lists one job twice, once per country, and (as
// trimmed) without descriptions: one posting with both locations, completed
// by the job API.
func TestRealFixture(t *testing.T) {
	api := newAPI(t, serve(string(scrapetest.Fixture(t, "workable.json"))))
	api.jobs["DD136DD7E7"] = `{"shortcode": "DD136DD7E7", "title": "Business Analyst - Spanish Speaking",
		"description": "<p>Join Zaelab.</p>", "requirements": "<ul><li>SAP Commerce</li></ul>", "benefits": "<p>Remote work.</p>"}`
	a := adapter(t, api.URL, client(1))
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := model.Raw{
		ID:        "DD136DD7E7",
		Title:     "Business Analyst - Spanish Speaking",
		URL:       "https://apply.workable.com/j/DD136DD7E7",
		Team:      "Business Consulting",
		Locations: []string{"Spain", "Portugal"},
		Workplace: "remote",
		Posted:    "2026-08-05",
	}
	if len(raws) != 1 || !reflect.DeepEqual(raws[0], want) {
		t.Fatalf("got %+v\nwant [%+v]", raws, want)
	}
	d, err := a.Detail(context.Background(), raws[0])
	if err != nil {
		t.Fatal(err)
	}
	want.DescriptionHTML = "<p>Join Zaelab.</p>\n<h2>Requirements</h2>\n<ul><li>SAP Commerce</li></ul>\n<h2>Benefits</h2>\n<p>Remote work.</p>"
	want.Complete = true
	if !reflect.DeepEqual(d, want) {
		t.Fatalf("detail:\n got %+v\nwant %+v", d, want)
	}
	if got := api.seen(); !reflect.DeepEqual(got, []string{listPath + "?details=true", "/api/v2/accounts/acme/jobs/DD136DD7E7"}) {
		t.Fatalf("requests %q", got)
	}
}

func TestListWithDetails(t *testing.T) {
	api := newAPI(t, serve(`{"name": "Acme", "jobs": [
		{"title": " Data Engineer ", "shortcode": "AB12", "code": "REQ-7", "employment_type": "Full-time",
		 "telecommuting": false, "department": "Data", "url": "", "shortlink": "https://apply.workable.com/j/AB12",
		 "published_on": "", "created_at": "2026-03-15", "city": "Athens", "state": "Attica", "country": "Greece",
		 "locations": [], "description": "<p>Spark and SQL.</p>", "requirements": "<ul><li>Python</li></ul>"},
		{"title": "Designer", "shortcode": "CD34", "published_on": "2026-04-01T10:00:00Z",
		 "locations": [{"city": "London", "region": "England", "country": "United Kingdom", "countryCode": "GB"},
		               {"city": "Secret", "country": "Nowhere", "hidden": true},
		               {"countryCode": "IE", "city": ""}],
		 "description": "<p>Figma.</p>"}
	]}`))
	raws, err := adapter(t, api.URL, client(1)).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Raw{{
		ID: "AB12", Title: "Data Engineer", URL: "https://apply.workable.com/j/AB12", RequisitionID: "REQ-7",
		Team: "Data", Locations: []string{"Athens, Attica, Greece"}, EmploymentType: "Full-time", Posted: "2026-03-15",
		DescriptionHTML: "<p>Spark and SQL.</p>\n<h2>Requirements</h2>\n<ul><li>Python</li></ul>", Complete: true,
	}, {
		ID: "CD34", Title: "Designer", URL: api.URL + "/acme/j/CD34/", Locations: []string{"London, England, United Kingdom", "IE"},
		Posted: "2026-04-01", DescriptionHTML: "<p>Figma.</p>", Complete: true,
	}}
	if !reflect.DeepEqual(raws, want) {
		t.Fatalf("got  %+v\nwant %+v", raws, want)
	}
	if got := api.seen(); len(got) != 1 {
		t.Fatalf("requests %q, want the listing only", got)
	}
}

func TestListFailures(t *testing.T) {
	scrapetest.CheckListFailures(t, `workable: board "acme": `, func(t *testing.T, status int, body string, tries int) scrapetest.Listing {
		srv := newAPI(t, scrapetest.Body(status, body))
		raws, err := adapter(t, srv.URL, client(tries)).List(context.Background())
		return scrapetest.Listing{Raws: raws, Err: err, Requests: srv.Requests(), Mention: srv.URL + listPath}
	}, []scrapetest.Failure{
		{Name: "server error after retries", Status: 500, Body: "oops", Tries: 2, Want: "status 500", Requests: 2},
		{Name: "rate limited", Status: 429, Body: "", Tries: 2, Want: "status 429", Requests: 2},
		{Name: "html error page with 200", Status: 200, Body: "<!DOCTYPE html><html><body>Access denied</body></html>", Tries: 2, Want: "invalid JSON", Requests: 1},
		{Name: "body cut short", Status: 200, Body: `{"jobs": [{"shortcode": "A1", "title": "A"}, {"shortco`, Tries: 2, Want: "invalid JSON", Requests: 1},
		{Name: "json without jobs", Status: 200, Body: `{"name": "Acme"}`, Tries: 2, Want: "no jobs in the response", Requests: 1},
		{Name: "job without shortcode", Status: 200, Body: `{"jobs": [{"shortcode": "A1"}, {"title": "B"}]}`, Tries: 2, Want: "job 2: no shortcode", Requests: 1},
	})
}

func TestBoardNotFound(t *testing.T) {
	api := newAPI(t, func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	_, err := adapter(t, api.URL, client(3)).List(context.Background())
	if err == nil || err.Error() != `workable: board "acme": not found (404)` {
		t.Fatalf("err = %v", err)
	}
	if n := len(api.seen()); n != 1 {
		t.Fatalf("a 404 was retried: %d requests", n)
	}
}

func TestDetailFailures(t *testing.T) {
	api := newAPI(t, serve(`{"jobs": []}`))
	api.jobs["OTHER"] = `{"shortcode": "ZZ99", "title": "Another job"}`
	api.jobs["EMPTY"] = `{}`
	api.jobs["HTML"] = `<html>busy</html>`
	a := adapter(t, api.URL, client(1))
	for id, want := range map[string]string{
		"GONE":  `workable: board "acme": job GONE: not found (404)`,
		"OTHER": "answered for job ZZ99",
		"EMPTY": "no job in the response",
		"HTML":  "invalid JSON",
	} {
		r := model.Raw{ID: id, Title: "T"}
		d, err := a.Detail(context.Background(), r)
		if err == nil || !strings.Contains(err.Error(), want) || !reflect.DeepEqual(d, r) {
			t.Errorf("%s: %v, %+v; want an error with %q", id, err, d, want)
		}
	}
}

func TestNotModified(t *testing.T) {
	var ims []string
	api := newAPI(t, func(w http.ResponseWriter, r *http.Request) {
		ims = append(ims, r.Header.Get("If-Modified-Since"))
		if r.Header.Get("If-Modified-Since") != "" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", "Wed, 05 Aug 2026 10:00:00 GMT")
		w.Write([]byte(`{"jobs": [{"shortcode": "A1", "title": "A", "description": "<p>x</p>"}]}`))
	})
	pool := scrape.NewPool(context.Background(), scrapetest.Options(1))
	v := scrape.Validators{}
	if raws, err := adapter(t, api.URL, pool.Client(v)).List(context.Background()); err != nil || len(raws) != 1 {
		t.Fatalf("first: %v %v", raws, err)
	}
	if _, err := adapter(t, api.URL, pool.Client(v)).List(context.Background()); !errors.Is(err, scrape.ErrNotModified) {
		t.Fatalf("second: err = %v, want ErrNotModified", err)
	}
	if !reflect.DeepEqual(ims, []string{"", "Wed, 05 Aug 2026 10:00:00 GMT"}) {
		t.Fatalf("If-Modified-Since sent: %q", ims)
	}
}

func mustURL(u string, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	return u
}
