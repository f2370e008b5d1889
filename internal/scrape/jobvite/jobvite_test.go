package jobvite

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

var searchPage, _ = url.Parse("https://jobs.jobvite.com/feedingamerica/search?p=0")

func TestDecodeListGolden(t *testing.T) {
	p, err := decodeList(scrapetest.Fixture(t, "jobvite.html"), searchPage, jobPath("feedingamerica"))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Raws) != 2 || p.Next || p.Total != -1 || p.NoResults {
		t.Fatalf("%+v", p)
	}
	r := p.Raws[0]
	if r.ID != "octxAfww" || r.Title != "Manager, Development (Chicago/Hybrid)" || r.URL != "https://jobs.jobvite.com/feedingamerica/job/octxAfww" ||
		strings.Join(r.Locations, "|") != "Chicago, Illinois" || r.Complete || r.Stamp == "" || r.Stamp == p.Raws[1].Stamp {
		t.Fatalf("raw: %+v", r)
	}
	scrapetest.Golden(t, "jobvite", p.Raws)
}

func TestDecodeDetailGolden(t *testing.T) {
	p, _ := decodeList(scrapetest.Fixture(t, "jobvite.html"), searchPage, jobPath("feedingamerica"))
	d, err := decodeDetail(scrapetest.Fixture(t, "job_page.html"), p.Raws[0].URL, p.Raws[0])
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Salary{{Min: 80000, Max: 95000, Currency: "USD", Period: "year"}}
	if !d.Complete || !strings.HasPrefix(d.DescriptionHTML, "<p>Lead donor development for the Midwest.</p>") ||
		!strings.Contains(d.DescriptionHTML, "<h3>Qualifications</h3>") || d.Posted != "2026-07-14" || d.EmploymentType != "Full-Time" ||
		fmt.Sprint(d.Salary) != fmt.Sprint(want) || len(d.Locations) != 1 || d.Stamp != p.Raws[0].Stamp {
		t.Fatalf("detail: %+v", d)
	}
	scrapetest.Golden(t, "jobvite_detail", d)
}

func TestRowsOfLivePages(t *testing.T) {
	// live rows: the title cell has its class, links may be absolute with a
	// query, a multi-site job says "2 Locations", other links are not jobs
	page := `<table class="jv-job-list"><tr><td class="jv-job-list-name"><a href="https://jobs.jobvite.com/FeedingAmerica/job/abc123XY?nl=1">QA Analyst</a></td>
		<td class="jv-job-list-location">2 Locations</td></tr><tr><td><a href="/feedingamerica/jobs?foo">Search again</a></td></tr>
		<tr><td><a href="https://evil.example/feedingamerica/job/zzz">Elsewhere</a></td></tr></table>
		<div class="jv-pagination-text">1-1 of 1</div>`
	p, err := decodeList([]byte(page), searchPage, jobPath("feedingamerica"))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Raws) != 1 || p.Raws[0].ID != "abc123XY" || p.Raws[0].URL != "https://jobs.jobvite.com/FeedingAmerica/job/abc123XY" ||
		p.Raws[0].Locations != nil || p.Total != 1 {
		t.Fatalf("%+v", p)
	}
}

// site serves pages by request URI.
type site struct {
	pages map[string]string
	codes map[string]int
}

func (s *site) serve(t *testing.T) *scrapetest.Server {
	t.Helper()
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if c := s.codes[r.URL.RequestURI()]; c != 0 {
			w.WriteHeader(c)
			return
		}
		b, ok := s.pages[r.URL.RequestURI()]
		if !ok {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, b)
	})
}

func adapter(t *testing.T, url string, attempts int) *Adapter {
	t.Helper()
	return scrapetest.NewBoard(t, New, "feeding-america", Config{Board: "feedingamerica", URL: url}, attempts)
}

func TestListAndDetailOnTheFixture(t *testing.T) {
	s := &site{pages: map[string]string{
		"/feedingamerica/search?p=0":   string(scrapetest.Fixture(t, "jobvite.html")),
		"/feedingamerica/job/octxAfww": string(scrapetest.Fixture(t, "job_page.html")),
	}, codes: map[string]int{"/feedingamerica/job/ohAzAfwK": 500}}
	srv := s.serve(t)
	a := adapter(t, srv.URL, 2)
	raws, err := a.List(context.Background())
	if err != nil || len(raws) != 2 || raws[1].URL != srv.URL+"/feedingamerica/job/ohAzAfwK" {
		t.Fatalf("%+v, %v", raws, err)
	}
	d, err := a.Detail(context.Background(), raws[0])
	if err != nil || !d.Complete || d.Posted != "2026-07-14" {
		t.Fatalf("%+v, %v", d, err)
	}
	_, err = a.Detail(context.Background(), raws[1])
	if err == nil || !strings.HasPrefix(err.Error(), `jobvite: board "feedingamerica": job ohAzAfwK: `) || !strings.Contains(err.Error(), "status 500") {
		t.Fatalf("err = %v", err)
	}
}

// rows makes a search page of jobs ids, with a pagination text and a next
// link when asked.
func rows(total int, next bool, ids ...string) string {
	var b strings.Builder
	b.WriteString(`<html><body><table class="jv-job-list">`)
	for _, id := range ids {
		fmt.Fprintf(&b, `<tr><td class="jv-job-list-name"><a href="/feedingamerica/job/%s">Job %s</a></td><td class="jv-job-list-location">Remote</td></tr>`, id, id)
	}
	b.WriteString(`</table>`)
	if total > 0 {
		fmt.Fprintf(&b, `<div class="jv-pagination-text">1-%d of %d</div>`, len(ids), total)
	}
	if next {
		b.WriteString(`<a class="jv-pagination-next" href="?p=next">Next</a>`)
	}
	b.WriteString(`</body></html>`)
	return b.String()
}

func TestPaging(t *testing.T) {
	s := &site{pages: map[string]string{
		"/feedingamerica/search?p=0": rows(3, true, "a1", "a2"),
		"/feedingamerica/search?p=1": rows(3, false, "a3"),
	}}
	raws, err := adapter(t, s.serve(t).URL, 1).List(context.Background())
	if err != nil || len(raws) != 3 || raws[2].ID != "a3" {
		t.Fatalf("%+v, %v", raws, err)
	}
}

func TestEmptyBoard(t *testing.T) {
	s := &site{pages: map[string]string{"/feedingamerica/search?p=0": `<div class="jv-page-body"><p>No results found</p></div>`}}
	raws, err := adapter(t, s.serve(t).URL, 1).List(context.Background())
	if err != nil || raws == nil || len(raws) != 0 {
		t.Fatalf("%v, %v", raws, err)
	}
}

func TestListFailures(t *testing.T) {
	cases := []struct {
		name  string
		pages map[string]string
		codes map[string]int
		want  string
	}{
		{"fewer jobs than the pages say", map[string]string{"/feedingamerica/search?p=0": rows(5, true, "a1", "a2"),
			"/feedingamerica/search?p=1": rows(5, false, "a3")}, nil, "3 jobs where the pages say 5: listing incomplete"},
		{"page 2 answers page 1 again", map[string]string{"/feedingamerica/search?p=0": rows(4, true, "a1", "a2"),
			"/feedingamerica/search?p=1": rows(4, true, "a1", "a2")}, nil, "list page 2 repeats earlier jobs after 2 of 4 jobs: paging does not advance"},
		{"an empty page after a next link", map[string]string{"/feedingamerica/search?p=0": rows(4, true, "a1", "a2"),
			"/feedingamerica/search?p=1": rows(0, false)}, nil, "list page 2 is empty after 2 of 4 jobs: listing incomplete"},
		{"a later page fails", map[string]string{"/feedingamerica/search?p=0": rows(4, true, "a1", "a2")},
			map[string]int{"/feedingamerica/search?p=1": 503}, "list page 2: "},
		{"not a search page", map[string]string{"/feedingamerica/search?p=0": "<html><body><h1>Search jobs</h1></body></html>"}, nil,
			`no job rows and no "No results found"`},
		{"no such board", nil, nil, "not found (404)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &site{pages: c.pages, codes: c.codes}
			raws, err := adapter(t, s.serve(t).URL, 1).List(context.Background())
			if err == nil || raws != nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), `jobvite: board "feedingamerica": `) {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
		})
	}
}

func TestDetailOfARemovedJob(t *testing.T) {
	// a removed job redirects to the job list: a page without a description
	s := &site{pages: map[string]string{"/feedingamerica/job/gone1": "<html><body><table class=\"jv-job-list\"></table></body></html>"}}
	_, err := adapter(t, s.serve(t).URL, 1).Detail(context.Background(), model.Raw{ID: "gone1"})
	if err == nil || !strings.Contains(err.Error(), "no .jv-job-detail-description and no JobPosting description") {
		t.Fatalf("err = %v", err)
	}
}

func TestConfig(t *testing.T) {
	if _, err := New("src", Config{}, scrapetest.Client(1, scrape.Validators{})); err == nil || !strings.HasPrefix(err.Error(), `jobvite: source "src": board is required`) {
		t.Fatalf("err = %v", err)
	}
	if err := (Config{Board: "a/b"}).Validate(); err == nil || !strings.Contains(err.Error(), "one path segment") {
		t.Fatalf("err = %v", err)
	}
	a, err := New("src", Config{Board: "acme"}, scrapetest.Client(1, scrape.Validators{}))
	if err != nil || a.pageURL(2) != "https://jobs.jobvite.com/acme/search?p=2" {
		t.Fatalf("%v", err)
	}
}

func TestNoResultsOutsideThePageBodyIsNotAnEmptyBoard(t *testing.T) {
	s := &site{pages: map[string]string{"/feedingamerica/search?p=0": `<html><body><p>No results found</p></body></html>`}}
	if _, err := adapter(t, s.serve(t).URL, 1).List(context.Background()); err == nil || !strings.Contains(err.Error(), "no job rows") {
		t.Fatalf("err = %v", err)
	}
}

func TestStampsFollowTheRows(t *testing.T) {
	re := jobPath("feedingamerica")
	a, _ := decodeList([]byte(rows(0, false, "a1", "a2")), searchPage, re)
	b, _ := decodeList([]byte(strings.Replace(rows(0, false, "a1", "a2"), "Job a2", "Job a2 (renamed)", 1)), searchPage, re)
	if a.Raws[0].Stamp != b.Raws[0].Stamp || a.Raws[1].Stamp == b.Raws[1].Stamp {
		t.Fatalf("stamps %s %s / %s %s", a.Raws[0].Stamp, a.Raws[1].Stamp, b.Raws[0].Stamp, b.Raws[1].Stamp)
	}
}
