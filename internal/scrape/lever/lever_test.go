package lever

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

func client(attempts int) *scrape.Client { return scrapetest.Client(attempts, nil) }

// server is a Lever site "acme" that pages postings on skip and limit.
type server struct {
	*scrapetest.Server
	mu       sync.Mutex
	postings []map[string]any
	queries  []url.Values
	// fail, when set, answers a page: status 0 answers normally.
	fail func(skip int) (int, string)
}

func newServer(t *testing.T, postings []map[string]any) *server {
	s := &server{postings: postings}
	s.Server = scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.queries = append(s.queries, r.URL.Query())
		if r.URL.Path != "/v0/postings/acme" {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"ok":false,"error":"Document not found"}`)
			return
		}
		skip, _ := strconv.Atoi(r.URL.Query().Get("skip"))
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		if s.fail != nil {
			if status, body := s.fail(skip); status != 0 {
				scrapetest.Body(status, body)(w, r)
				return
			}
		}
		page := []map[string]any{}
		for i := skip; i < skip+limit && i < len(s.postings); i++ {
			page = append(page, s.postings[i])
		}
		json.NewEncoder(w).Encode(page)
	})
	return s
}

func postings(n int) []map[string]any {
	var out []map[string]any
	for i := 0; i < n; i++ {
		out = append(out, map[string]any{
			"id": fmt.Sprintf("id-%03d", i), "text": fmt.Sprintf("Data Engineer %d", i),
			"hostedUrl":   fmt.Sprintf("https://jobs.lever.co/acme/id-%03d", i),
			"categories":  map[string]any{"team": "Data", "location": "Berlin", "commitment": "Full-time"},
			"description": "<p>Build pipelines.</p>", "createdAt": 1760000000000 + int64(i),
		})
	}
	return out
}

func adapter(t *testing.T, base string, attempts int) *Lever {
	t.Helper()
	return scrapetest.NewSource(t, New, config.Source{Name: "acme", Type: "lever", URL: base, Settings: &scrape.Board{Board: "acme"}}, client(attempts))
}

func TestNewDefaultsAndEUHost(t *testing.T) {
	a, err := New(config.Source{Name: "x", Settings: &scrape.Board{Board: "acme"}}, client(1))
	if err != nil || a.listURL(0) != "https://api.lever.co/v0/postings/acme?limit=100&mode=json&skip=0" {
		t.Fatalf("url %q, err %v", a.listURL(0), err)
	}
	a = scrapetest.NewSource(t, New, config.Source{Name: "x", URL: "https://api.eu.lever.co/", Settings: &scrape.Board{Board: "acme"}}, client(1))
	if a.listURL(200) != "https://api.eu.lever.co/v0/postings/acme?limit=100&mode=json&skip=200" {
		t.Fatalf("url %q", a.listURL(200))
	}
	if _, err := New(config.Source{Name: "x"}, client(1)); err == nil || !strings.Contains(err.Error(), "board is required") {
		t.Fatalf("err = %v", err)
	}
}

// TestDecodeGolden: what the decode makes of the real page, whole.
func TestDecodeGolden(t *testing.T) {
	scrapetest.Decoded(t, "lever", "lever.json", decodePage)
}

func TestRealFixture(t *testing.T) {
	b := scrapetest.Fixture(t, "lever.json")
	var ps []map[string]any
	if err := json.Unmarshal(b, &ps); err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, ps)
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 2 || len(srv.queries) != 1 {
		t.Fatalf("got %d postings in %d requests", len(raws), len(srv.queries))
	}
	r := raws[0]
	if r.ID != "a24ec4e5-5caa-473d-abd4-b71f09a8167b" || r.Stamp != "" ||
		r.Title != "(1099 Contract) Nonprofit Salesforce Consultant: Enterprise Project Manager" ||
		r.URL != "https://jobs.lever.co/idealistconsulting/a24ec4e5-5caa-473d-abd4-b71f09a8167b" ||
		r.Team != "Services Team" || strings.Join(r.Locations, "|") != "Chicago, IL" || r.Workplace != "remote" ||
		r.EmploymentType != "Contract" || r.Posted != "2025-11-27" || r.RequisitionID != "" || r.Salary != nil || !r.Complete {
		t.Fatalf("raw: %+v", r)
	}
	if !strings.HasPrefix(r.DescriptionHTML, "<div>Are you tenacious, pragmatic, with a keen sense of humor?") ||
		!strings.Contains(r.DescriptionHTML, "Contractor hourly rates are set based on experience") || r.DescriptionText != "" {
		t.Fatalf("description: %.200s", r.DescriptionHTML)
	}
	if len(r.Sections) != 2 || r.Sections[0].Heading != "How You'll Contribute" || r.Sections[1].Heading != "Your Background Includes:" {
		t.Fatalf("sections: %+v", r.Sections)
	}
	bg := r.Sections[1].Items
	if bg[0] != "Baseline:" || bg[1] != "3-7 years experience in a similar role" ||
		bg[2] != "Minimum certification: Salesforce Admin Certification" {
		t.Fatalf("items: %q", bg)
	}
	r = raws[1]
	if r.ID != "5d54d69b-e940-452e-b892-1170aa60f095" || r.Posted != "2023-01-29" || len(r.Sections) != 3 ||
		r.Sections[2].Heading != "What You Can Expect" || len(r.Sections[2].Items) != 6 ||
		r.Sections[0].Items[4] != "Lead Solution Architecture and project solution vision in the Idealist Way" {
		t.Fatalf("raw: %+v", r)
	}
}

func TestFieldMapping(t *testing.T) {
	srv := newServer(t, []map[string]any{{
		"id": "p1", "text": " Staff ML Engineer ", "hostedUrl": "https://jobs.eu.lever.co/acme/p1",
		"categories": map[string]any{"department": "R&D", "location": "London", "commitment": "Permanent",
			"allLocations": []string{"London", "Remote - UK"}},
		"workplaceType":    "hybrid",
		"salaryRange":      map[string]any{"min": 90000, "max": 120000, "currency": "GBP", "interval": "per-year-salary"},
		"descriptionPlain": "Plain only.", "additionalPlain": "Closing.", "createdAt": 1700000000000,
		"lists": []map[string]any{{"text": "Requirements", "content": "<li>Go <br>and Python</li><li><ul><li>nested</li></ul></li>"},
			{"text": "Note", "content": "Free text, no items."}},
	}, {
		"id": "p2", "text": "Barista", "categories": map[string]any{"team": "Cafe"}, "workplaceType": "unspecified",
		"salaryRange": map[string]any{"min": 18, "max": 22, "currency": "USD", "interval": "per-hour-wage"},
	}})
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	r := raws[0]
	want := model.Raw{
		ID: "p1", Title: "Staff ML Engineer", URL: "https://jobs.eu.lever.co/acme/p1", Team: "R&D",
		Locations: []string{"London", "Remote - UK"}, Workplace: "hybrid", EmploymentType: "Permanent", Posted: "2023-11-14",
		DescriptionText: "Plain only.\n\nClosing.",
		Sections: []model.Section{{Heading: "Requirements", Items: []string{"Go and Python", "nested"}},
			{Heading: "Note", Items: []string{"Free text, no items."}}},
		Salary:   []model.Salary{{Min: 90000, Max: 120000, Currency: "GBP", Period: "year"}},
		Complete: true,
	}
	if fmt.Sprintf("%+v", r) != fmt.Sprintf("%+v", want) {
		t.Fatalf("raw:\n got %+v\nwant %+v", r, want)
	}
	r = raws[1]
	if r.Workplace != "" || r.Team != "Cafe" || r.Locations != nil || r.Complete || r.Posted != "" ||
		fmt.Sprint(r.Salary) != fmt.Sprint([]model.Salary{{Min: 18, Max: 22, Currency: "USD", Period: "hour"}}) {
		t.Fatalf("raw: %+v", r)
	}
}

func TestPeriod(t *testing.T) {
	for in, want := range map[string]string{"per-year-salary": "year", "per-month-salary": "month", "per-week-salary": "week",
		"per-day-wage": "day", "per-hour-wage": "hour", "one-time": "", "": ""} {
		if got := period(in); got != want {
			t.Errorf("period(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestListPages(t *testing.T) {
	for _, n := range []int{0, 99, 100, 250} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			srv := newServer(t, postings(n))
			raws, err := adapter(t, srv.URL, 1).List(context.Background())
			if err != nil || len(raws) != n {
				t.Fatalf("got %d postings, %v", len(raws), err)
			}
			if want := n/PageSize + 1; len(srv.queries) != want {
				t.Fatalf("%d requests, want %d", len(srv.queries), want)
			}
			for i, q := range srv.queries {
				if q.Get("skip") != strconv.Itoa(i*PageSize) || q.Get("limit") != "100" || q.Get("mode") != "json" {
					t.Errorf("request %d: %v", i, q)
				}
			}
			if n == 250 && (raws[249].ID != "id-249" || raws[100].Title != "Data Engineer 100" || raws[0].Posted != "2025-10-09") {
				t.Fatalf("raws: %+v %+v", raws[249], raws[100])
			}
		})
	}
}

func TestServerIgnoringSkipIsAnError(t *testing.T) {
	srv := newServer(t, postings(150))
	srv.fail = func(skip int) (int, string) {
		if skip == 0 {
			return 0, ""
		}
		b, _ := json.Marshal(postings(100))
		return 200, string(b)
	}
	_, err := adapter(t, srv.URL, 1).List(context.Background())
	if err == nil || !strings.Contains(err.Error(), `lever: board "acme": page 2 repeats earlier postings: paging does not advance`) {
		t.Fatalf("err = %v", err)
	}
}

func TestPostingShiftedOntoTheNextPageIsKeptOnce(t *testing.T) {
	srv := newServer(t, postings(150))
	srv.fail = func(skip int) (int, string) {
		if skip != 100 {
			return 0, ""
		}
		// one posting published at the front between the two pages
		b, _ := json.Marshal(postings(150)[99:])
		return 200, string(b)
	}
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil || len(raws) != 150 || raws[99].ID != "id-099" || raws[100].ID != "id-100" {
		t.Fatalf("got %d postings, %v", len(raws), err)
	}
}

func TestListFailures(t *testing.T) {
	scrapetest.CheckListFailures(t, `lever: board "acme": page 2: `, func(t *testing.T, status int, body string, tries int) scrapetest.Listing {
		srv := newServer(t, postings(150))
		srv.fail = func(skip int) (int, string) {
			if skip == 100 {
				return status, body
			}
			return 0, ""
		}
		raws, err := adapter(t, srv.URL, tries).List(context.Background())
		return scrapetest.Listing{Raws: raws, Err: err, Requests: srv.Requests()}
	}, []scrapetest.Failure{
		{Name: "server error after retries", Status: 500, Body: "oops", Tries: 3, Want: "status 500", Requests: 4},
		{Name: "html error page with 200", Status: 200, Body: "<html><body>Something went wrong</body></html>", Tries: 1, Want: "invalid JSON", Requests: 2},
		{Name: "object instead of array", Status: 200, Body: `{"ok": false, "error": "rate limited"}`, Tries: 1, Want: "invalid JSON", Requests: 2},
		{Name: "null", Status: 200, Body: `null`, Tries: 1, Want: "no postings array", Requests: 2},
		{Name: "posting without id", Status: 200, Body: `[{"text": "A"}]`, Tries: 1, Want: "a posting has no id", Requests: 2},
	})
}

func TestBoardNotFound(t *testing.T) {
	srv := newServer(t, nil)
	a := scrapetest.NewSource(t, New, config.Source{Name: "x", URL: srv.URL, Settings: &scrape.Board{Board: "nope"}}, client(3))
	_, err := a.List(context.Background())
	if err == nil || err.Error() != `lever: board "nope": not found (404)` {
		t.Fatalf("err = %v", err)
	}
}

func TestBodyOverMaxBodyIsAnError(t *testing.T) {
	srv := newServer(t, postings(100))
	c := scrape.NewClient(context.Background(), scrape.Options{MaxBody: 1000, Retry: retry.Policy{Attempts: 1}})
	a := scrapetest.NewSource(t, New, config.Source{Name: "acme", URL: srv.URL, Settings: &scrape.Board{Board: "acme"}}, c)
	_, err := a.List(context.Background())
	if err == nil || !strings.Contains(err.Error(), "http.max_body") {
		t.Fatalf("err = %v", err)
	}
}
