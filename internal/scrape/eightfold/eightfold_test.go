package eightfold

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

func jobs(n int, team string) []fake.Job {
	var out []fake.Job
	for i := 0; i < n; i++ {
		out = append(out, fake.Job{
			ID: int64(790000000000 + i), Name: fmt.Sprintf("Data Engineer %d (L5)", i), Team: team,
			Locations: []string{"Los Gatos,California,United States of America"},
			TCreate:   1760000000 + int64(i), TUpdate: 1760100000 + int64(i),
			DisplayJobID: fmt.Sprintf("JR%05d", i), WorkLocationOption: "onsite",
			Description: fmt.Sprintf("<p>Job %d</p>", i),
		})
	}
	return out
}

func client(t *testing.T, attempts int) *scrape.Client { return scrapetest.Client(attempts, nil) }

func adapter(t *testing.T, srv *fake.Server, teams []string, attempts int) *Eightfold {
	t.Helper()
	return scrapetest.NewSource(t, New, config.Source{Name: "nf", Type: "eightfold", URL: srv.URL, Settings: &Config{Domain: srv.Domain, Teams: teams}}, client(t, attempts))
}

// TestDecodeGolden: what the decode makes of the real fixture, whole.
func TestDecodeGolden(t *testing.T) {
	pg, err := (&Eightfold{base: "https://albemarle.eightfold.ai"}).decodeApplyPage(scrapetest.Fixture(t, "eightfold.json"))
	if err != nil {
		t.Fatal(err)
	}
	scrapetest.Golden(t, "eightfold", pg.Postings)
	if pg.Total != -1 {
		t.Errorf("count %d: the real answer has none", pg.Total)
	}
}

func TestListPagesTeamsAndCount(t *testing.T) {
	all := append(jobs(23, "Data & Insights"), jobs(5, "Studio")...)
	for i := range all[23:] {
		all[23+i].ID += 1000
	}
	srv := fake.New(t, "netflix.com", all)
	a := adapter(t, srv, []string{"Data & Insights", "Product"}, 1)
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 23 {
		t.Fatalf("got %d postings, want 23", len(raws))
	}
	reqs := srv.Requests()
	if len(reqs) != 3 {
		t.Fatalf("got %d list requests, want 3 pages of at most 10", len(reqs))
	}
	for i, r := range reqs {
		if got := r.Query["Teams"]; len(got) != 2 || got[0] != "Data & Insights" || got[1] != "Product" {
			t.Errorf("request %d: Teams = %q, want both teams as repeated keys", i, got)
		}
		if r.Query["start"][0] != fmt.Sprint(i*10) || r.Query["num"][0] != "10" || r.Query["domain"][0] != "netflix.com" {
			t.Errorf("request %d: query %v", i, r.Query)
		}
		if r.UserAgent != "careers-watcher-test/1.0" {
			t.Errorf("user agent %q", r.UserAgent)
		}
	}
	r := raws[0]
	if r.ID != "790000000000" || r.Title != "Data Engineer 0 (L5)" || !strings.HasPrefix(r.Stamp, "1760100000:") || r.Team != "Data & Insights" ||
		r.RequisitionID != "JR00000" || r.Posted != "2025-10-09" || r.Complete || r.URL != "https://explore.jobs.netflix.net/careers/job/790000000000" {
		t.Fatalf("raw: %+v", r)
	}
}

func TestDetail(t *testing.T) {
	srv := fake.New(t, "netflix.com", jobs(2, "Data & Insights"))
	a := adapter(t, srv, nil, 1)
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	d, err := a.Detail(context.Background(), raws[1])
	if err != nil {
		t.Fatal(err)
	}
	if d.DescriptionHTML != "<p>Job 1</p>" || !d.Complete || d.ID != raws[1].ID || d.Stamp != raws[1].Stamp {
		t.Fatalf("detail: %+v", d)
	}
	if reqs := srv.Requests(); reqs[len(reqs)-1].Path != "/api/apply/v2/jobs/790000000001" {
		t.Fatalf("detail path %s", reqs[len(reqs)-1].Path)
	}
}

func TestListFailures(t *testing.T) {
	scrapetest.CheckListFailures(t, `eightfold: source "nf": `, func(t *testing.T, status int, body string, tries int) scrapetest.Listing {
		srv := fake.New(t, "netflix.com", jobs(15, "D"))
		srv.FailList(func(start int) (int, string) {
			if start == 10 {
				return status, body
			}
			return 0, ""
		})
		raws, err := adapter(t, srv, nil, tries).List(context.Background())
		return scrapetest.Listing{Raws: raws, Err: err, Mention: "page 2"}
	}, []scrapetest.Failure{
		{Name: "server error on page 2", Status: 500, Body: "oops", Tries: 2, Want: "status 500"},
		{Name: "rate limited 403", Status: 403, Body: "", Tries: 2, Want: "status 403"},
		{Name: "rate limited 429", Status: 429, Body: "", Tries: 2, Want: "status 429"},
		{Name: "html error page with 200", Status: 200, Body: "<html><body>Something went wrong</body></html>", Tries: 2, Want: "invalid JSON"},
		{Name: "json without positions", Status: 200, Body: `{"error":"try later"}`, Tries: 2, Want: "no positions"},
	})
}

func TestListCutShortIsAnError(t *testing.T) {
	srv := fake.New(t, "netflix.com", jobs(25, "D"))
	srv.FailList(func(start int) (int, string) {
		if start == 10 {
			return 200, `{"count": 25, "positions": []}`
		}
		return 0, ""
	})
	_, err := adapter(t, srv, nil, 1).List(context.Background())
	if err == nil || !strings.Contains(err.Error(), "after 10 of 25 postings") {
		t.Fatalf("err = %v, want an incomplete listing", err)
	}
}

func TestListRetriesTransientErrors(t *testing.T) {
	srv := fake.New(t, "netflix.com", jobs(15, "D"))
	n := 0
	srv.FailList(func(start int) (int, string) {
		if start == 10 && n < 2 {
			n++
			return 503, "busy"
		}
		return 0, ""
	})
	raws, err := adapter(t, srv, nil, 3).List(context.Background())
	if err != nil || len(raws) != 15 {
		t.Fatalf("got %d, %v", len(raws), err)
	}
}

func TestListDetectsAServerThatIgnoresStart(t *testing.T) {
	srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"count": 100, "positions": [{"id": 1, "name": "A"}, {"id": 2, "name": "B"}]}`)
	})
	a := scrapetest.NewSource(t, New, config.Source{Name: "x", URL: srv.URL, Settings: &Config{Domain: "d"}}, client(t, 1))
	if _, err := a.List(context.Background()); err == nil || !strings.Contains(err.Error(), "does not advance") {
		t.Fatalf("err = %v", err)
	}
}

func TestRealFixture(t *testing.T) {
	_, raws, err := fixtureBoard(t).Listing(t, scrapetest.Fixture(t, "eightfold.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 2 {
		t.Fatalf("got %d postings", len(raws))
	}
	r := raws[0]
	if r.ID != "1099555326551" || r.Title != "Supply Planner, Bromine S&OP" || len(r.Locations) != 2 ||
		r.Team != "Supply Chain" || r.URL != "https://albemarle.eightfold.ai/careers/job/1099555326551" || !strings.HasPrefix(r.Stamp, "1785801600:") {
		t.Fatalf("raw: %+v", r)
	}
}

// listPaged lists all through a server whose pages hold size positions
// from start, the first page with its first position twice when dup.
func listPaged(t *testing.T, all []fake.Job, size int, dup bool) ([]model.Raw, error) {
	t.Helper()
	srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		start := 0
		fmt.Sscan(r.URL.Query().Get("start"), &start)
		var page []string
		for i := start; i < len(all) && i < start+size; i++ {
			page = append(page, fmt.Sprintf(`{"id": %d, "name": %q}`, all[i].ID, all[i].Name))
		}
		if dup && start == 0 {
			page = append(page, page[0])
		}
		fmt.Fprintf(w, `{"count": %d, "positions": [%s]}`, len(all), strings.Join(page, ","))
	})
	return scrapetest.NewSource(t, New, config.Source{Name: "x", URL: srv.URL, Settings: &Config{Domain: "d"}}, client(t, 1)).List(context.Background())
}

// A server whose pages hold fewer postings than asked: start follows what
// came, so nothing is skipped.
func TestListAdvancesByWhatThePageHeld(t *testing.T) {
	if raws, err := listPaged(t, jobs(13, "D"), 4, false); err != nil || len(raws) != 13 {
		t.Fatalf("got %d postings, %v; want all 13 from pages of 4", len(raws), err)
	}
}

// A page that carries one posting twice (11 entries, 10 postings) must not
// make paging skip the next one, nor pass a listing short of count.
func TestListDuplicateInsideAPage(t *testing.T) {
	if raws, err := listPaged(t, jobs(23, "D"), 10, true); err != nil || len(raws) != 23 {
		t.Fatalf("got %d postings, %v; want all 23", len(raws), err)
	}
}

func TestDetailWithoutAPostingIsAnError(t *testing.T) {
	for _, body := range []string{`{}`, `{"error": "try later"}`} {
		srv := scrapetest.Serve(t, scrapetest.Body(200, body))
		a := scrapetest.NewSource(t, New, config.Source{Name: "x", URL: srv.URL, Settings: &Config{Domain: "d"}}, client(t, 1))
		_, err := a.Detail(context.Background(), model.Raw{ID: "5", Title: "T"})
		if err == nil || !strings.Contains(err.Error(), "holds no posting") {
			t.Fatalf("detail %s: err = %v", body, err)
		}
	}
}
