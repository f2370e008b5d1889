package paylocity

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

const guid = "211e692d-c45a-4e3a-ae01-3e497af97929"

func TestDecodeListGolden(t *testing.T) {
	p, err := decodeList(scrapetest.Fixture(t, "paylocity.html"), DefaultBase)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Raws) != 2 || p.Company != "North Carolina Advanced Energy Corporation" {
		t.Fatalf("%d jobs of %q", len(p.Raws), p.Company)
	}
	r := p.Raws[0]
	if r.ID != "4141169" || r.Title != "Engineer/Associate Engineer, Power Systems" || r.URL != DefaultBase+"/Recruiting/Jobs/Details/4141169" ||
		strings.Join(r.Locations, "|") != "Raleigh, NC, USA" || r.Workplace != "hybrid" || r.Posted != "2026-08-08" || r.Complete || r.Stamp == "" {
		t.Fatalf("raw: %+v", r)
	}
	scrapetest.Golden(t, "paylocity", p.Raws)
}

func TestDecodeDetailGolden(t *testing.T) {
	p, _ := decodeList(scrapetest.Fixture(t, "paylocity.html"), DefaultBase)
	d, err := decodeDetail(scrapetest.Fixture(t, "details.html"), p.Raws[0])
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Salary{{Min: 75000, Max: 95000, Currency: "USD", Period: "year"}}
	if !d.Complete || !strings.Contains(d.DescriptionHTML, "<li>BS in Electrical Engineering</li>") || d.EmploymentType != "FULL_TIME" ||
		fmt.Sprint(d.Salary) != fmt.Sprint(want) || d.Workplace != "hybrid" || d.ID != "4141169" || d.Stamp != p.Raws[0].Stamp {
		t.Fatalf("detail: %+v", d)
	}
	scrapetest.Golden(t, "paylocity_detail", d)
}

func TestRemoteAndPlainLocations(t *testing.T) {
	page := `<script>window.pageData = {"Jobs":[{"JobId":1,"JobTitle":"A","LocationName":"Remote - US","IsRemote":true},
		{"JobId":2,"JobTitle":"B","LocationName":"Main Office","JobLocation":{"Name":"Main Office","City":"Austin","State":"TX"}}]};</script>`
	p, err := decodeList([]byte(page), DefaultBase)
	if err != nil {
		t.Fatal(err)
	}
	if p.Raws[0].Workplace != "remote" || strings.Join(p.Raws[0].Locations, "|") != "Remote - US" ||
		p.Raws[1].Workplace != "" || strings.Join(p.Raws[1].Locations, "|") != "Austin, TX" {
		t.Fatalf("%+v", p.Raws)
	}
}

func serve(t *testing.T, pages map[string]string, codes map[string]int) *scrapetest.Server {
	t.Helper()
	srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if c := codes[r.URL.Path]; c != 0 {
			w.WriteHeader(c)
			return
		}
		b, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, b)
	})
	return srv
}

func adapter(t *testing.T, url string, attempts int) *Adapter {
	t.Helper()
	return scrapetest.NewBoard(t, New, "ncaec", Config{Board: guid, URL: url}, attempts)
}

func TestListAndDetail(t *testing.T) {
	srv := serve(t, map[string]string{
		"/recruiting/jobs/All/" + guid:     string(scrapetest.Fixture(t, "paylocity.html")),
		"/Recruiting/Jobs/Details/4141169": string(scrapetest.Fixture(t, "details.html")),
	}, map[string]int{"/Recruiting/Jobs/Details/4401262": 502})
	a := adapter(t, srv.URL, 2)
	raws, err := a.List(context.Background())
	if err != nil || len(raws) != 2 || raws[0].URL != srv.URL+"/Recruiting/Jobs/Details/4141169" {
		t.Fatalf("%+v, %v", raws, err)
	}
	d, err := a.Detail(context.Background(), raws[0])
	if err != nil || !d.Complete || len(d.Salary) != 1 {
		t.Fatalf("%+v, %v", d, err)
	}
	_, err = a.Detail(context.Background(), raws[1])
	if err == nil || !strings.HasPrefix(err.Error(), `paylocity: board "`+guid+`": job 4401262: `) || !strings.Contains(err.Error(), "status 502") {
		t.Fatalf("err = %v", err)
	}
}

func TestDetailPageWithoutPosting(t *testing.T) {
	// what Paylocity serves for a closed job: a page, status 200, no posting
	srv := serve(t, map[string]string{"/Recruiting/Jobs/Details/9": "<html><body><h1>Job Not Found</h1></body></html>"}, nil)
	_, err := adapter(t, srv.URL, 1).Detail(context.Background(), model.Raw{ID: "9", URL: srv.URL + "/Recruiting/Jobs/Details/9"})
	if err == nil || !strings.Contains(err.Error(), "no schema.org JobPosting with a description on the page") {
		t.Fatalf("err = %v", err)
	}
}

func TestListFailures(t *testing.T) {
	scrapetest.CheckListFailures(t, `paylocity: board "`+guid+`": `, func(t *testing.T, _ int, body string, tries int) scrapetest.Listing {
		srv := serve(t, map[string]string{"/recruiting/jobs/All/" + guid: body}, nil)
		raws, err := adapter(t, srv.URL, tries).List(context.Background())
		return scrapetest.Listing{Raws: raws, Err: err, Requests: srv.Requests()}
	}, []scrapetest.Failure{
		{Name: "a page without pageData", Status: 200, Body: "<html><body><h1>Job Not Found</h1></body></html>", Tries: 1, Want: "no window.pageData on the page", Requests: 1},
		{Name: "pageData without jobs", Status: 200, Body: `<script>window.pageData = {"ModuleTitle":"X"};</script>`, Tries: 1, Want: "no Jobs in window.pageData", Requests: 1},
		{Name: "cut pageData", Status: 200, Body: `<script>window.pageData = {"Jobs":[{"JobId":1`, Tries: 1, Want: "window.pageData: unexpected EOF", Requests: 1},
		{Name: "job without id", Status: 200, Body: `<script>window.pageData = {"Jobs":[{"JobTitle":"A"}]};</script>`, Tries: 1, Want: `job 1 ("A") has no JobId`, Requests: 1},
		{Name: "job listed twice", Status: 200, Body: `<script>window.pageData = {"Jobs":[{"JobId":1},{"JobId":1}]};</script>`, Tries: 1, Want: "job 1 listed twice", Requests: 1},
	})
}

func TestEmptyBoardAndNotModified(t *testing.T) {
	body := `<script>window.pageData = {"Jobs":[]};</script>`
	srv := scrapetest.NewSite(t, map[string]string{"/recruiting/jobs/All/" + guid: "=" + body}, false)
	srv.ETag = `"v1"`
	a := adapter(t, srv.URL, 1)
	if raws, err := a.List(context.Background()); err != nil || raws == nil || len(raws) != 0 {
		t.Fatalf("first: %v, %v", raws, err)
	}
	if _, err := a.List(context.Background()); !errors.Is(err, scrape.ErrNotModified) {
		t.Fatalf("second: %v", err)
	}
}

func TestConfig(t *testing.T) {
	if _, err := New("src", Config{}, scrapetest.Client(1, scrape.Validators{})); err == nil || !strings.HasPrefix(err.Error(), `paylocity: source "src": board is required`) {
		t.Fatalf("err = %v", err)
	}
	a, err := New("src", Config{Board: guid}, scrapetest.Client(1, scrape.Validators{}))
	if err != nil || a.listURL() != DefaultBase+"/recruiting/jobs/All/"+guid {
		t.Fatalf("%v", err)
	}
}

func TestStampsFollowTheEntries(t *testing.T) {
	one := scrapetest.Fixture(t, "paylocity.html")
	two := bytes.Replace(one, []byte(`"PublishedDate":"2026-08-07T10:57:23-05:00"`), []byte(`"PublishedDate":"2026-08-09T10:57:23-05:00"`), 1)
	a, _ := decodeList(one, DefaultBase)
	b, _ := decodeList(two, DefaultBase)
	if a.Raws[0].Stamp != b.Raws[0].Stamp || a.Raws[1].Stamp == b.Raws[1].Stamp || b.Raws[1].Posted != "2026-08-09" {
		t.Fatalf("stamps %s %s / %s %s", a.Raws[0].Stamp, a.Raws[1].Stamp, b.Raws[0].Stamp, b.Raws[1].Stamp)
	}
}
