package recruitee

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

func options(attempts int) scrape.Options {
	return scrape.Options{
		UserAgent: "careers-watcher-test/1.0", Timeout: 5 * time.Second, MaxBody: 1 << 20, Robots: true,
		Retry: retry.Policy{Attempts: attempts, Base: time.Millisecond, Max: 5 * time.Millisecond},
	}
}

// server answers /api/offers/ with what answer returns and counts those
// requests; robots.txt is not found.
func server(t *testing.T, answer func(w http.ResponseWriter, r *http.Request)) (*httptest.Server, *atomic.Int32) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/offers/" {
			http.NotFound(w, r)
			return
		}
		n.Add(1)
		answer(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func adapter(t *testing.T, base string, c *scrape.Client) *Recruitee {
	t.Helper()
	a, err := New(config.Source{Name: "acme-jobs", Type: "recruitee", URL: base, Settings: &scrape.Board{Board: "acme"}}, c)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func fixture(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/recruitee.json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestNew(t *testing.T) {
	c := scrape.NewClient(context.Background(), options(1))
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
	srv, n := server(t, func(w http.ResponseWriter, r *http.Request) {
		accept = r.Header.Get("Accept")
		w.Write(body)
	})
	raws, err := adapter(t, srv.URL, scrape.NewClient(context.Background(), options(1))).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n.Load() != 1 || accept != "application/json" {
		t.Fatalf("%d requests, accept %q", n.Load(), accept)
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
	d, err := adapter(t, srv.URL, scrape.NewClient(context.Background(), options(1))).Detail(context.Background(), raws[0])
	if err != nil || !reflect.DeepEqual(d, raws[0]) || n.Load() != 1 {
		t.Fatalf("detail: %v, %d requests", err, n.Load())
	}
}

func TestFieldVariants(t *testing.T) {
	srv, _ := server(t, func(w http.ResponseWriter, r *http.Request) {
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
	raws, err := adapter(t, srv.URL, scrape.NewClient(context.Background(), options(1))).List(context.Background())
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
	cases := []struct {
		name     string
		status   int
		body     string
		attempts int32
		want     string
	}{
		{"server error after retries", 500, "oops", 2, "status 500"},
		{"rate limited", 429, "", 2, "status 429"},
		{"forbidden", 403, "", 1, "status 403"},
		{"html error page with 200", 200, "<html><body>Something went wrong</body></html>", 1, "invalid JSON"},
		{"body cut short", 200, `{"offers": [{"id": 1, "title": "A"}, {"id": 2, "ti`, 1, "invalid JSON"},
		{"json without offers", 200, `{"error": "try later"}`, 1, "no offers in the response"},
		{"offers not a list", 200, `{"offers": {"id": 1}}`, 1, "invalid JSON"},
		{"offer without id", 200, `{"offers": [{"id": 1, "title": "A"}, {"title": "B"}]}`, 1, "offer 2: no id"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv, n := server(t, func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(c.status)
				w.Write([]byte(c.body))
			})
			raws, err := adapter(t, srv.URL, scrape.NewClient(context.Background(), options(2))).List(context.Background())
			if err == nil || raws != nil {
				t.Fatalf("got %d postings and no error", len(raws))
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, `recruitee: board "acme": `) || !strings.Contains(msg, c.want) || !strings.Contains(msg, srv.URL+"/api/offers/") {
				t.Fatalf("error %q, want the platform, the board, the URL and %q", msg, c.want)
			}
			if n.Load() != c.attempts {
				t.Fatalf("%d requests, want %d", n.Load(), c.attempts)
			}
		})
	}
}

func TestBoardNotFound(t *testing.T) {
	srv, n := server(t, func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	_, err := adapter(t, srv.URL, scrape.NewClient(context.Background(), options(3))).List(context.Background())
	if err == nil || err.Error() != `recruitee: board "acme": not found (404)` {
		t.Fatalf("err = %v", err)
	}
	if n.Load() != 1 {
		t.Fatalf("a 404 was retried: %d requests", n.Load())
	}
}

func TestEmptyBoard(t *testing.T) {
	srv, _ := server(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`{"offers": []}`)) })
	raws, err := adapter(t, srv.URL, scrape.NewClient(context.Background(), options(1))).List(context.Background())
	if err != nil || len(raws) != 0 {
		t.Fatalf("got %v, %v", raws, err)
	}
}

func TestNotModified(t *testing.T) {
	body := fixture(t)
	var ifNoneMatch []string
	srv, _ := server(t, func(w http.ResponseWriter, r *http.Request) {
		ifNoneMatch = append(ifNoneMatch, r.Header.Get("If-None-Match"))
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Write(body)
	})
	pool := scrape.NewPool(context.Background(), options(1))
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
