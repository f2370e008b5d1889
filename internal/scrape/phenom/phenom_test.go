package phenom

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

func fixture(t *testing.T) []byte {
	t.Helper()
	return scrapetest.Fixture(t, "phenom.html")
}

func TestDecodeListGolden(t *testing.T) {
	p, err := decodeList(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	scrapetest.Golden(t, "phenom", p.Raws)
	if p.Total != 52 || p.Hits != 10 || len(p.Raws) != 2 {
		t.Fatalf("total %d hits %d, %d postings", p.Total, p.Hits, len(p.Raws))
	}
	r := p.Raws[0]
	// no department: the category is the team; the teaser is not the description
	if r.ID != "P-104461" || r.RequisitionID != "P-104461" || r.EmploymentType != "Full-Time" || r.Team != "OGD" ||
		r.Posted != "2026-04-09" || strings.Join(r.Locations, "|") != "Rotterdam, South Holland, Netherlands" ||
		r.Complete || r.DescriptionHTML != "" || r.Stamp == "" {
		t.Fatalf("raw: %+v", r)
	}
}

// jobs are the fixture's jobs as JSON objects.
func jobs(t *testing.T) []map[string]any {
	t.Helper()
	s := string(fixture(t))
	i := strings.Index(s, "phApp.ddo = ") + len("phApp.ddo = ")
	var v struct {
		Search struct {
			Data struct {
				Jobs []map[string]any `json:"jobs"`
			} `json:"data"`
		} `json:"eagerLoadRefineSearch"`
	}
	if err := json.NewDecoder(strings.NewReader(s[i:])).Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v.Search.Data.Jobs
}

// board is n jobs made from the fixture's (ids P-1 ...), served hits a page.
func board(t *testing.T, n int) []map[string]any {
	base := jobs(t)
	out := make([]map[string]any, n)
	for i := range out {
		j := map[string]any{}
		for k, v := range base[i%len(base)] {
			j[k] = v
		}
		j["jobId"] = "P-" + strconv.Itoa(i+1)
		j["reqId"] = "P-" + strconv.Itoa(i+1)
		out[i] = j
	}
	return out
}

func page(hits, total int, list []map[string]any) string {
	b, _ := json.Marshal(map[string]any{"eagerLoadRefineSearch": map[string]any{"status": 200, "hits": hits, "totalHits": total,
		"data": map[string]any{"jobs": list}}})
	return "<!doctype html><html><body><script>\nvar phApp = {};\nphApp.ddo = " + string(b) + "; phApp.experimentData = {};\n</script></body></html>"
}

func jobPage(j map[string]any) string {
	b, _ := json.Marshal(map[string]any{"jobDetail": map[string]any{"status": 200, "data": map[string]any{"job": j}}})
	return "<html><body><script>phApp.ddo = " + string(b) + ";</script></body></html>"
}

// site serves search pages (list(from)) and job pages (detail(id)).
type site struct {
	list   func(from int) (int, string)
	detail func(id string) (int, string)
	pages  atomic.Int32
	jobs   atomic.Int32
}

func (s *site) serve(t *testing.T) *scrapetest.Server {
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/global/en/search-results":
			s.pages.Add(1)
			if r.URL.Query().Get("s") != "1" || r.URL.Query().Get("category") != "Sales" {
				http.Error(w, "unexpected query", 400)
				return
			}
			from, err := strconv.Atoi(r.URL.Query().Get("from"))
			if err != nil {
				http.Error(w, "no from", 400)
				return
			}
			scrapetest.Body(s.list(from))(w, r)
		case strings.HasPrefix(r.URL.Path, "/global/en/job/") && s.detail != nil:
			s.jobs.Add(1)
			scrapetest.Body(s.detail(strings.TrimPrefix(r.URL.Path, "/global/en/job/")))(w, r)
		default:
			http.NotFound(w, r)
		}
	})
}

func adapter(t *testing.T, base string, attempts int) *Adapter {
	t.Helper()
	return scrapetest.NewBoard(t, New, "phenom", Config{URL: base + "/global/en/search-results?category=Sales"}, attempts)
}

func TestListPagesToTotalHitsAndDetails(t *testing.T) {
	all := board(t, 25)
	s := &site{list: func(from int) (int, string) {
		return 200, page(10, len(all), all[from:min(from+10, len(all))])
	}}
	s.detail = func(id string) (int, string) {
		j := map[string]any{"jobId": id, "title": "ignored", "description": "<p>Full text of " + id + ".</p>"}
		return 200, jobPage(j)
	}
	srv := s.serve(t)
	a := adapter(t, srv.URL, 1)
	raws, err := a.List(context.Background())
	if err != nil || len(raws) != 25 || s.pages.Load() != 3 {
		t.Fatalf("%d postings in %d pages, %v", len(raws), s.pages.Load(), err)
	}
	r := raws[24]
	if r.ID != "P-25" || r.URL != srv.URL+"/global/en/job/P-25" || r.Complete {
		t.Fatalf("raw: %+v", r)
	}
	d, err := a.Detail(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	if d.DescriptionHTML != "<p>Full text of P-25.</p>" || !d.Complete || d.Title != r.Title || d.Stamp != r.Stamp || s.jobs.Load() != 1 {
		t.Fatalf("detail: %+v", d)
	}
}

func TestRealFixtureIsAShortListing(t *testing.T) {
	// The fixture says totalHits 52 and holds 2 jobs: served for every
	// offset, the second page repeats the first; served once, the second
	// page is empty. Both are errors, never a board of 2.
	s := &site{list: func(int) (int, string) { return 200, string(fixture(t)) }}
	_, err := adapter(t, s.serve(t).URL, 1).List(context.Background())
	if err == nil || !strings.Contains(err.Error(), "list page 2 repeats earlier postings after 2 of 52") {
		t.Fatalf("err = %v", err)
	}
	s = &site{list: func(from int) (int, string) {
		if from == 0 {
			return 200, string(fixture(t))
		}
		return 200, page(10, 52, []map[string]any{})
	}}
	_, err = adapter(t, s.serve(t).URL, 1).List(context.Background())
	if err == nil || !strings.Contains(err.Error(), "list page 2 is empty after 2 of 52 postings: listing incomplete") {
		t.Fatalf("err = %v", err)
	}
}

func TestListFailures(t *testing.T) {
	all := board(t, 15)
	cases := []struct {
		name string
		list func(from int) (int, string)
		want string
	}{
		{"error page", func(int) (int, string) { return 200, "<html><body>Access denied</body></html>" }, "no phApp.ddo in the page"},
		{"server error", func(int) (int, string) { return 502, "bad gateway" }, "list page 1: "},
		{"ddo without search", func(int) (int, string) {
			return 200, `<script>phApp.ddo = {"siteConfig": {}};</script>`
		}, "no eagerLoadRefineSearch in phApp.ddo"},
		{"search failed", func(int) (int, string) {
			return 200, `<script>phApp.ddo = {"eagerLoadRefineSearch": {"status": 500, "totalHits": 0, "data": {"jobs": []}}};</script>`
		}, "eagerLoadRefineSearch status 500"},
		{"broken json", func(int) (int, string) {
			return 200, `<script>phApp.ddo = {"eagerLoadRefineSearch": {"status": 2</script>`
		}, "phApp.ddo is not JSON"},
		{"total changes", func(from int) (int, string) {
			if from == 0 {
				return 200, page(10, 15, all[:10])
			}
			return 200, page(10, 14, all[10:14])
		}, "totalHits changed from 15 to 14 while paging"},
		{"job without id", func(int) (int, string) {
			return 200, page(10, 1, []map[string]any{{"title": "A"}})
		}, `job 1: "A" has no jobId`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &site{list: c.list}
			_, err := adapter(t, s.serve(t).URL, 2).List(context.Background())
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), `phenom: board "127.0.0.1:`) {
				t.Fatalf("error %v, want one naming the board and %q", err, c.want)
			}
		})
	}
}

func TestEmptyBoard(t *testing.T) {
	s := &site{list: func(int) (int, string) { return 200, page(10, 0, []map[string]any{}) }}
	raws, err := adapter(t, s.serve(t).URL, 1).List(context.Background())
	if err != nil || len(raws) != 0 || s.pages.Load() != 1 {
		t.Fatalf("%v, %v", raws, err)
	}
}

func TestDetailFailures(t *testing.T) {
	s := &site{list: func(int) (int, string) { return 200, page(10, 0, nil) }, detail: func(id string) (int, string) {
		switch id {
		case "gone":
			return 404, "not found"
		case "other":
			return 200, jobPage(map[string]any{"jobId": "P-9", "description": "<p>x</p>"})
		case "empty":
			return 200, jobPage(map[string]any{"jobId": "empty", "description": ""})
		}
		return 200, "<html><body>Job not available</body></html>"
	}}
	srv := s.serve(t)
	a := adapter(t, srv.URL, 1)
	for id, want := range map[string]string{
		"gone":    "status 404",
		"other":   "the page is of job P-9",
		"empty":   "the job page has no description",
		"missing": "no phApp.ddo in the page",
	} {
		_, err := a.Detail(context.Background(), model.Raw{ID: id, URL: srv.URL + "/global/en/job/" + id})
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "posting "+id+": ") {
			t.Fatalf("%s: %v, want %q", id, err, want)
		}
	}
}

func TestConfig(t *testing.T) {
	if _, err := New("x", Config{}, scrapetest.Client(1, scrape.Validators{})); err == nil || err.Error() != `phenom: source "x": url (the search-results page) is required` {
		t.Fatalf("err = %v", err)
	}
	if _, err := New("x", Config{URL: "careers.example/search-results"}, scrapetest.Client(1, scrape.Validators{})); err == nil || !strings.Contains(err.Error(), "is not an http(s) URL") {
		t.Fatalf("err = %v", err)
	}
	a := scrapetest.NewBoard(t, New, "x", Config{URL: "https://careers.phenom.com/global/en/search-results"}, 1)
	if a.pageURL(20) != "https://careers.phenom.com/global/en/search-results?from=20&s=1" ||
		a.JobURL("P-104461") != "https://careers.phenom.com/global/en/job/P-104461" {
		t.Fatalf("%s %s", a.pageURL(20), a.JobURL("P-104461"))
	}
}
