package teamtailor

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

var feed, _ = url.Parse("https://career.teamtailor.com/jobs.json")

func TestDecodeListGolden(t *testing.T) {
	p, err := decodeList(scrapetest.Fixture(t, "teamtailor.json"), feed)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Raws) != 2 || p.Next != "" {
		t.Fatalf("%d items, next %q", len(p.Raws), p.Next)
	}
	r := p.Raws[0]
	if r.ID != "20fafb7d-f013-4061-b6de-2894b3e0838b" || r.Title != "Account Executive - Italy (Madrid based)" ||
		r.URL != "https://career.teamtailor.com/jobs/7167985-account-executive-italy-madrid-based" || r.Posted != "2026-02-04" ||
		len(r.Locations) != 1 || !strings.Contains(r.Locations[0], "Madrid") || r.Complete || r.Stamp == "" || r.RequisitionID != "" {
		t.Fatalf("raw: %+v", r)
	}
	if len(p.Raws[1].Locations) != 2 || !strings.Contains(p.Raws[1].Locations[1], "København") {
		t.Fatalf("raw: %+v", p.Raws[1])
	}
	scrapetest.Golden(t, "teamtailor", p.Raws)
}

func TestLiveFeedShapeIsComplete(t *testing.T) {
	// a live feed carries the advert in content_html, and may page
	body := `{"version":"https://jsonfeed.org/version/1.1","next_url":"/jobs.json?page=2","items":[{"id":"a","title":"Data Engineer",
		"url":"/jobs/1-data-engineer","content_html":"<p>Build pipelines.</p>","date_published":"2026-03-01T10:00:00Z",
		"date_modified":"2026-03-02T10:00:00Z","_jobposting":{"@type":"JobPosting","jobLocationType":"TELECOMMUTE",
		"baseSalary":{"@type":"MonetaryAmount","currency":"EUR","value":{"@type":"QuantitativeValue","minValue":60000,"maxValue":70000,"unitText":"YEAR"}}}}]}`
	p, err := decodeList([]byte(body), feed)
	if err != nil {
		t.Fatal(err)
	}
	r := p.Raws[0]
	want := []model.Salary{{Min: 60000, Max: 70000, Currency: "EUR", Period: "year"}}
	if !r.Complete || r.DescriptionHTML != "<p>Build pipelines.</p>" || r.Stamp != "2026-03-02T10:00:00Z" || r.Workplace != "remote" ||
		r.URL != "https://career.teamtailor.com/jobs/1-data-engineer" || fmt.Sprint(r.Salary) != fmt.Sprint(want) ||
		p.Next != "https://career.teamtailor.com/jobs.json?page=2" {
		t.Fatalf("raw: %+v, next %q", r, p.Next)
	}
}

func TestDecodeDetailGolden(t *testing.T) {
	p, _ := decodeList(scrapetest.Fixture(t, "teamtailor.json"), feed)
	d, err := decodeDetail(scrapetest.Fixture(t, "job_page.html"), p.Raws[0])
	if err != nil {
		t.Fatal(err)
	}
	if !d.Complete || !strings.Contains(d.DescriptionHTML, "<li>Fluent Italian</li>") || d.EmploymentType != "FULL_TIME" || d.ID != p.Raws[0].ID ||
		d.Stamp != p.Raws[0].Stamp {
		t.Fatalf("detail: %+v", d)
	}
	scrapetest.Golden(t, "teamtailor_detail", d)
}

// site serves pages by path (query included when there is one).
type site struct {
	pages map[string]string
	codes map[string]int
}

func (s *site) serve(t *testing.T) *scrapetest.Server {
	t.Helper()
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		key := r.URL.RequestURI()
		if c := s.codes[key]; c != 0 {
			w.WriteHeader(c)
			return
		}
		b, ok := s.pages[key]
		if !ok {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, b)
	})
}

func adapter(t *testing.T, url string) *Adapter {
	t.Helper()
	return scrapetest.NewBoard(t, New, "teamtailor", Config{URL: url}, 1)
}

// localFeed is the fixture with its item URLs moved to srv.
func localFeed(t *testing.T, srv string) string {
	return strings.ReplaceAll(string(scrapetest.Fixture(t, "teamtailor.json")), "https://career.teamtailor.com", srv)
}

func TestListAndDetail(t *testing.T) {
	s := &site{pages: map[string]string{}}
	srv := s.serve(t)
	s.pages["/jobs.json"] = localFeed(t, srv.URL)
	s.pages["/jobs/7167985-account-executive-italy-madrid-based"] = string(scrapetest.Fixture(t, "job_page.html"))
	a := adapter(t, srv.URL+"/")
	raws, err := a.List(context.Background())
	if err != nil || len(raws) != 2 || raws[0].Complete {
		t.Fatalf("%+v, %v", raws, err)
	}
	d, err := a.Detail(context.Background(), raws[0])
	if err != nil || !d.Complete || d.EmploymentType != "FULL_TIME" {
		t.Fatalf("%+v, %v", d, err)
	}
	// the second job's page is missing: an error naming the job and its page
	_, err = a.Detail(context.Background(), raws[1])
	if err == nil || !strings.Contains(err.Error(), "job a52c9a45-1132-44c9-9696-76974817ae6e") || !strings.Contains(err.Error(), "status 404") {
		t.Fatalf("err = %v", err)
	}
}

func TestDetailWithoutJobPosting(t *testing.T) {
	s := &site{pages: map[string]string{"/jobs/1": "<html><body><p>Sign in</p></body></html>"}}
	srv := s.serve(t)
	_, err := adapter(t, srv.URL).Detail(context.Background(), model.Raw{ID: "x", URL: srv.URL + "/jobs/1"})
	if err == nil || !strings.Contains(err.Error(), "no schema.org JobPosting with a description on the page") {
		t.Fatalf("err = %v", err)
	}
}

func page(items, next string) string {
	return `{"version":"https://jsonfeed.org/version/1.1","items":[` + items + `]` + next + `}`
}

func TestPaging(t *testing.T) {
	s := &site{pages: map[string]string{
		"/jobs.json":        page(`{"id":"1","title":"A","content_html":"<p>a</p>"}`, `,"next_url":"/jobs.json?page=2"`),
		"/jobs.json?page=2": page(`{"id":"2","title":"B","content_html":"<p>b</p>"}`, ""),
	}}
	raws, err := adapter(t, s.serve(t).URL).List(context.Background())
	if err != nil || len(raws) != 2 || raws[1].ID != "2" || !raws[1].Complete {
		t.Fatalf("%+v, %v", raws, err)
	}
}

func TestListFailures(t *testing.T) {
	cases := []struct {
		name  string
		pages map[string]string
		codes map[string]int
		want  string
	}{
		{"html page instead of the feed", map[string]string{"/jobs.json": "<!DOCTYPE html><html></html>"}, nil, "feed page 1: "},
		{"json without items", map[string]string{"/jobs.json": `{"errors":[{"title":"not found"}]}`}, nil, "no items in the response"},
		{"a later page fails", map[string]string{"/jobs.json": page(`{"id":"1","content_html":"x"}`, `,"next_url":"/jobs.json?page=2"`)},
			map[string]int{"/jobs.json?page=2": 500}, "feed page 2: "},
		{"a next page repeating the last", map[string]string{
			"/jobs.json":        page(`{"id":"1","content_html":"x"}`, `,"next_url":"/jobs.json?page=2"`),
			"/jobs.json?page=2": page(`{"id":"1","content_html":"x"}`, `,"next_url":"/jobs.json?page=3"`)}, nil, "paging does not advance"},
		{"item without id", map[string]string{"/jobs.json": page(`{"title":"A"}`, "")}, nil, `item 1: "A" has no id`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &site{pages: c.pages, codes: c.codes}
			raws, err := adapter(t, s.serve(t).URL).List(context.Background())
			if err == nil || raws != nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "teamtailor: board ") {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
		})
	}
}

func TestEmptyFeed(t *testing.T) {
	s := &site{pages: map[string]string{"/jobs.json": page("", "")}}
	raws, err := adapter(t, s.serve(t).URL).List(context.Background())
	if err != nil || raws == nil || len(raws) != 0 {
		t.Fatalf("%v, %v", raws, err)
	}
}

func TestConfig(t *testing.T) {
	if _, err := New("src", Config{}, scrapetest.Client(1, scrape.Validators{})); err == nil || !strings.HasPrefix(err.Error(), `teamtailor: source "src": url (the career site) or board`) {
		t.Fatalf("err = %v", err)
	}
	a, err := New("src", Config{Board: "Acme"}, scrapetest.Client(1, scrape.Validators{}))
	if err != nil || a.feedURL() != "https://acme.teamtailor.com/jobs.json" {
		t.Fatalf("%v", err)
	}
}

func TestJobPostingTextEndingTheScriptBlock(t *testing.T) {
	// the JobPosting is handed to the jsonld mapping as a script block: text
	// that would end that block stays text
	body := `{"items":[{"id":"1","title":"A","_jobposting":{"@type":"JobPosting","title":"A",
		"description":"<p>Use </script><script>x()</script> carefully</p>","employmentType":"PART_TIME"}}]}`
	p, err := decodeList([]byte(body), feed)
	if err != nil {
		t.Fatal(err)
	}
	r := p.Raws[0]
	if r.DescriptionHTML != "<p>Use </script><script>x()</script> carefully</p>" || r.EmploymentType != "PART_TIME" || !r.Complete {
		t.Fatalf("raw: %+v", r)
	}
}
