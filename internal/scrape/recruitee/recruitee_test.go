package recruitee

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// server answers /api/offers/ with what answer returns and counts those
// requests; robots.txt is not found.
func server(t *testing.T, answer http.HandlerFunc) *scrapetest.Server {
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/offers/" {
			http.NotFound(w, r)
			return
		}
		answer(w, r)
	})
}

func adapter(t *testing.T, base string, c *scrape.Client) *Recruitee {
	t.Helper()
	return scrapetest.NewSource(t, New, config.Source{Name: "acme-jobs", Type: "recruitee", URL: base, Settings: &scrape.Board{Board: "acme"}}, c)
}

func fixture(t *testing.T) []byte { return scrapetest.Fixture(t, "recruitee.json") }

// TestDecodeGolden: what the decode makes of the real fixture, whole.
func TestDecodeGolden(t *testing.T) {
	scrapetest.Decoded(t, "recruitee", "recruitee.json", adapter(t, "https://jobs.acme.com", scrapetest.Client(1, nil)).decodeList)
}

func TestNew(t *testing.T) {
	c := scrapetest.Client(1, nil)
	a, err := New(config.Source{Name: "x", Settings: &scrape.Board{Board: "Acme"}}, c)
	if err != nil || a.listURL() != "https://acme.recruitee.com/api/offers/" {
		t.Fatalf("default host: %v %v", a, err)
	}
	a, err = New(config.Source{Name: "x", URL: "https://careers.example.com/", Settings: &scrape.Board{Board: "acme"}}, c)
	if err != nil || a.listURL() != "https://careers.example.com/api/offers/" {
		t.Fatalf("url override: %v %v", a, err)
	}
	if _, err := New(config.Source{Name: "x"}, c); err == nil || !strings.Contains(err.Error(), "board is required") {
		t.Fatalf("no board: %v", err)
	}
	if _, err := New(config.Source{Name: "x", Settings: &scrape.Board{Board: "evil.com:80@x"}}, c); err == nil {
		t.Fatal("a board that is no slug was accepted as a host name")
	}
}

func TestRealFixture(t *testing.T) {
	body := fixture(t)
	var accept string
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		accept = r.Header.Get("Accept")
		w.Write(body)
	})
	raws, err := adapter(t, srv.URL, scrapetest.Client(1, nil)).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if srv.Requests() != 1 || accept != "application/json" {
		t.Fatalf("%d requests, accept %q", srv.Requests(), accept)
	}
	if len(raws) != 2 {
		t.Fatalf("got %d postings, want 2", len(raws))
	}
	want := []model.Raw{{
		ID:             "2700825",
		Stamp:          "2026-08-05 11:45:30 UTC",
		Title:          "(Senior) Financial Accountant (f/m/d) - Berlin/Brandenburg Region, Germany",
		URL:            "https://jobs.acme.com/o/senior-financial-accountant-fmd-berlinbrandenburg-region-germany",
		Team:           "Finance",
		Locations:      []string{"Berlin, Berlin, Germany"},
		Workplace:      "hybrid",
		EmploymentType: "fulltime_permanent",
		Posted:         "2026-08-05",
		Salary:         []model.Salary{{Min: 60000, Max: 75000, Currency: "EUR", Period: "year"}},
		Complete:       true,
	}, {
		ID:             "2697184",
		Stamp:          "2026-08-05 08:11:37 UTC",
		Title:          "Partner Development Representative (f/m/d) - Berlin, Germany",
		URL:            "https://jobs.acme.com/o/partner-development-representative-fmd-berlin-germany",
		Team:           "Sales",
		Locations:      []string{"Berlin, Berlin, Germany"},
		Workplace:      "hybrid",
		EmploymentType: "fulltime_permanent",
		Posted:         "2026-07-31",
		Salary:         []model.Salary{{Min: 75000, Max: 90000, Currency: "EUR", Period: "year"}},
		Complete:       true,
	}}
	for i, r := range raws {
		d := r.DescriptionHTML
		if !strings.HasPrefix(d, "<p><strong>How you will make an impact</strong></p>") {
			t.Errorf("posting %d: description starts %.60q", i, d)
		}
		// the requirements follow the description under their own heading
		req := strings.Index(d, "<h2>Requirements</h2>")
		if req < 0 || !strings.Contains(d[req:], "<p><strong>What we expect from you") || strings.Contains(d[:req], "What we expect from you") {
			t.Errorf("posting %d: requirements not under a Requirements heading", i)
		}
		r.DescriptionHTML = ""
		if !reflect.DeepEqual(r, want[i]) {
			t.Errorf("posting %d:\n got %+v\nwant %+v", i, r, want[i])
		}
	}
	// Detail has nothing to add.
	d, err := adapter(t, srv.URL, scrapetest.Client(1, nil)).Detail(context.Background(), raws[0])
	if err != nil || !reflect.DeepEqual(d, raws[0]) || srv.Requests() != 1 {
		t.Fatalf("detail: %v, %d requests", err, srv.Requests())
	}
}

func TestFieldVariants(t *testing.T) {
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"offers": [
			{"id": 1, "slug": "data-engineer", "title": " Data Engineer ", "department": {"name": "Data"},
			 "remote": true, "hybrid": true, "locations": [
				{"name": "HQ", "city": "Amsterdam", "state": "North Holland", "country": "Netherlands"},
				{"name": "Remote NL", "country_code": "NL"},
				{"name": "Anywhere"},
				{"city": "Amsterdam", "state": "North Holland", "country": "Netherlands"}],
			 "employment_type_code": "parttime_fixed_term", "created_at": "2026-01-02 03:04:05 UTC",
			 "description": "<p>Build pipelines.</p>", "requirements": "",
			 "salary": {"min": 50000, "max": null, "currency": "EUR", "period": "month"}},
			{"id": 2, "title": "Office Manager", "department": null, "on_site": true,
			 "city": "Utrecht", "state_name": "", "country": "", "country_code": "NL",
			 "salary": {"min": "", "max": "n/a", "currency": null, "period": null}},
			{"id": 3, "title": "Tester", "location": "Somewhere", "salary": null}
		]}`))
	})
	raws, err := adapter(t, srv.URL, scrapetest.Client(1, nil)).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := raws[0], raws[1], raws[2]
	if a.ID != "1" || a.Title != "Data Engineer" || a.Team != "Data" || a.Workplace != "remote" || a.Stamp != "" ||
		a.URL != srv.URL+"/o/data-engineer" || a.Posted != "2026-01-02" || a.EmploymentType != "parttime_fixed_term" ||
		a.DescriptionHTML != "<p>Build pipelines.</p>" ||
		!reflect.DeepEqual(a.Locations, []string{"Amsterdam, North Holland, Netherlands", "NL", "Anywhere"}) ||
		!reflect.DeepEqual(a.Salary, []model.Salary{{Min: 50000, Currency: "EUR", Period: "month"}}) {
		t.Errorf("first: %+v", a)
	}
	if b.Team != "" || b.Workplace != "onsite" || b.URL != "" || !reflect.DeepEqual(b.Locations, []string{"Utrecht, NL"}) || b.Salary != nil {
		t.Errorf("second: %+v", b)
	}
	if c.Workplace != "" || !reflect.DeepEqual(c.Locations, []string{"Somewhere"}) || c.Salary != nil || !c.Complete {
		t.Errorf("third: %+v", c)
	}
}

func TestListFailures(t *testing.T) {
	scrapetest.CheckListFailures(t, `recruitee: board "acme": `, func(t *testing.T, status int, body string, tries int) scrapetest.Listing {
		srv := server(t, scrapetest.Body(status, body))
		raws, err := adapter(t, srv.URL, scrapetest.Client(tries, nil)).List(context.Background())
		return scrapetest.Listing{Raws: raws, Err: err, Requests: srv.Requests(), Mention: srv.URL + "/api/offers/"}
	}, []scrapetest.Failure{
		{Name: "server error after retries", Status: 500, Body: "oops", Tries: 2, Want: "status 500", Requests: 2},
		{Name: "rate limited", Status: 429, Body: "", Tries: 2, Want: "status 429", Requests: 2},
		{Name: "forbidden", Status: 403, Body: "", Tries: 2, Want: "status 403", Requests: 1},
		{Name: "html error page with 200", Status: 200, Body: "<html><body>Something went wrong</body></html>", Tries: 2, Want: "invalid JSON", Requests: 1},
		{Name: "body cut short", Status: 200, Body: `{"offers": [{"id": 1, "title": "A"}, {"id": 2, "ti`, Tries: 2, Want: "invalid JSON", Requests: 1},
		{Name: "json without offers", Status: 200, Body: `{"error": "try later"}`, Tries: 2, Want: "no offers in the response", Requests: 1},
		{Name: "offers not a list", Status: 200, Body: `{"offers": {"id": 1}}`, Tries: 2, Want: "invalid JSON", Requests: 1},
		{Name: "offer without id", Status: 200, Body: `{"offers": [{"id": 1, "title": "A"}, {"title": "B"}]}`, Tries: 2, Want: "offer 2: no id", Requests: 1},
	})
}

func TestBoardNotFound(t *testing.T) {
	srv := server(t, func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	_, err := adapter(t, srv.URL, scrapetest.Client(3, nil)).List(context.Background())
	if err == nil || err.Error() != `recruitee: board "acme": not found (404)` {
		t.Fatalf("err = %v", err)
	}
	if srv.Requests() != 1 {
		t.Fatalf("a 404 was retried: %d requests", srv.Requests())
	}
}

func TestEmptyBoard(t *testing.T) {
	srv := server(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`{"offers": []}`)) })
	raws, err := adapter(t, srv.URL, scrapetest.Client(1, nil)).List(context.Background())
	if err != nil || len(raws) != 0 {
		t.Fatalf("got %v, %v", raws, err)
	}
}

func TestNotModified(t *testing.T) {
	body := fixture(t)
	var ifNoneMatch []string
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		ifNoneMatch = append(ifNoneMatch, r.Header.Get("If-None-Match"))
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Write(body)
	})
	pool := scrape.NewPool(context.Background(), scrapetest.Options(1))
	validators := scrape.Validators{}
	raws, err := adapter(t, srv.URL, pool.Client(validators)).List(context.Background())
	if err != nil || len(raws) != 2 {
		t.Fatalf("first: %d postings, %v", len(raws), err)
	}
	_, err = adapter(t, srv.URL, pool.Client(validators)).List(context.Background())
	if !errors.Is(err, scrape.ErrNotModified) {
		t.Fatalf("second: err = %v, want ErrNotModified", err)
	}
	if !reflect.DeepEqual(ifNoneMatch, []string{"", `"v1"`}) {
		t.Fatalf("If-None-Match sent: %q", ifNoneMatch)
	}
}
