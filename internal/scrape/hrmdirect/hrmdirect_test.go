package hrmdirect

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

func fixture(t *testing.T) string {
	t.Helper()
	return string(scrapetest.Fixture(t, "hrmdirect.html"))
}

var fixtureBase, _ = url.Parse("https://acme.hrmdirect.com/employment/job-openings.php?search=true")

func TestDecodeListGolden(t *testing.T) {
	p, err := decodeList([]byte(fixture(t)), fixtureBase)
	if err != nil {
		t.Fatal(err)
	}
	scrapetest.Golden(t, "hrmdirect", p.Raws)
	if len(p.Raws) != 2 || p.Paged {
		t.Fatalf("%+v", p)
	}
	r := p.Raws[1]
	// the unclosed <a> ends with its cell; the custom requisition number is the employer's
	if r.ID != "3779928" || r.Title != "Senior Accountant" || r.Team != "Finance" || r.Posted != "2026-08-05" ||
		r.RequisitionID != "08052026" || r.URL != "https://acme.hrmdirect.com/employment/job-opening.php?req=3779928&req_loc=1419225" ||
		r.Complete || r.Stamp == "" || r.Stamp == p.Raws[0].Stamp {
		t.Fatalf("raw: %+v", r)
	}
}

func TestRowsOfOneRequisitionAreOnePosting(t *testing.T) {
	body := `<form action="job-openings.php" method="get"><input name="search" value="true"></form><table>
<tr data-req-id="42"><td class="posTitle reqitem"><a href="job-opening.php?req=42&amp;req_loc=1&amp;cust_sort1=123#job">Machine Learning Engineer </td>
<td class="cities reqitem">Cleveland</td><td class="state">OH</td><td class="countries">United States</td><td>09/01/2026</td></tr>
<tr data-req-id="42"><td class="posTitle"><a href="job-opening.php?req=42&amp;req_loc=2">Machine Learning Engineer</a></td>
<td class="cities">Toronto</td><td class="countries">Canada</td><td>08/30/2026</td></tr>
<tr data-req-id="43"><td class="posTitle"><a href="job-opening.php?req=43&amp;req_loc=3">Data Analyst</a></td><td class="cities">Remote</td></tr></table>`
	p, err := decodeList([]byte(body), fixtureBase)
	if err != nil || len(p.Raws) != 2 || !p.Board {
		t.Fatalf("%+v, %v", p, err)
	}
	r := p.Raws[0]
	if r.ID != "42" || strings.Join(r.Locations, "|") != "Cleveland, OH, United States|Toronto, Canada" || r.Posted != "2026-08-30" ||
		r.URL != "https://acme.hrmdirect.com/employment/job-opening.php?req=42&req_loc=1" {
		t.Fatalf("raw: %+v", r)
	}
	if p.Raws[1].Workplace != "remote" {
		t.Fatalf("raw: %+v", p.Raws[1])
	}
	// a second location changes the stamp
	q, _ := decodeList([]byte(strings.Replace(body, "Toronto", "Montreal", 1)), fixtureBase)
	if q.Raws[0].Stamp == r.Stamp || q.Raws[1].Stamp != p.Raws[1].Stamp {
		t.Fatal("stamps do not follow the rows")
	}
}

const jobPage = `<html><head><title>Senior Accountant</title></head><body><div class="jobTitle">Senior Accountant</div>
<div class="jobDesc"><p><strong>Summary</strong></p><p>Own the month-end close.</p><div><ul><li>CPA preferred</li></ul></div></div>
<!--HTML--><div class="applyBtn"><a href="Apply.aspx?req_id=3779928&amp;source=1">Apply</a></div></body></html>`

type board struct {
	list  func() (int, string)
	job   func(req string) (int, string)
	lists atomic.Int32
}

func (b *board) serve(t *testing.T) *scrapetest.Server {
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/employment/job-openings.php":
			b.lists.Add(1)
			if r.URL.Query().Get("search") != "true" || r.URL.Query().Get("dept") != "-1" {
				http.Error(w, "bad query", 400)
				return
			}
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			status, body := b.list()
			w.Header().Set("ETag", `"v1"`)
			scrapetest.Body(status, body)(w, r)
		case "/employment/job-opening.php":
			scrapetest.Body(b.job(r.URL.Query().Get("req")))(w, r)
		default:
			http.NotFound(w, r)
		}
	})
}

func adapter(t *testing.T, base string, attempts int) *Adapter {
	t.Helper()
	return scrapetest.NewBoard(t, New, "acme", Config{URL: base + "/employment/job-openings.php?search=true&dept=-1"}, attempts)
}

func TestListAndDetailOnTheFixture(t *testing.T) {
	b := &board{list: func() (int, string) { return 200, fixture(t) }, job: func(req string) (int, string) {
		if req == "3779928" {
			return 200, jobPage
		}
		return 500, "oops"
	}}
	srv := b.serve(t)
	a := adapter(t, srv.URL, 2)
	raws, err := a.List(context.Background())
	if err != nil || len(raws) != 2 || b.lists.Load() != 1 {
		t.Fatalf("%d postings in %d requests, %v", len(raws), b.lists.Load(), err)
	}
	d, err := a.Detail(context.Background(), raws[1])
	want := raws[1]
	want.DescriptionHTML = `<p><strong>Summary</strong></p><p>Own the month-end close.</p><div><ul><li>CPA preferred</li></ul></div>`
	want.Complete = true
	if err != nil || fmt.Sprintf("%+v", d) != fmt.Sprintf("%+v", want) {
		t.Fatalf("detail:\n got %+v, %v\nwant %+v", d, err, want)
	}
	if _, err := a.Detail(context.Background(), raws[0]); err == nil || !strings.Contains(err.Error(), "posting 3762934: ") ||
		!strings.Contains(err.Error(), "status 500") {
		t.Fatalf("err = %v", err)
	}
	raws, err = a.List(context.Background())
	if !errors.Is(err, scrape.ErrNotModified) || raws != nil {
		t.Fatalf("second list: %v, %v", raws, err)
	}
}

func TestListFailures(t *testing.T) {
	scrapetest.CheckListFailures(t, `hrmdirect: board "127.0.0.1:`, func(t *testing.T, status int, body string, tries int) scrapetest.Listing {
		srv := (&board{list: func() (int, string) { return status, body }}).serve(t)
		raws, err := adapter(t, srv.URL, tries).List(context.Background())
		return scrapetest.Listing{Raws: raws, Err: err, Requests: srv.Requests()}
	}, []scrapetest.Failure{
		{Name: "server error", Status: 503, Body: "busy", Tries: 2, Want: "status 503", Requests: 2},
		{Name: "error page with 200", Status: 200, Body: "<html><body>This site is under maintenance</body></html>", Tries: 2, Want: "not an HRMDirect listing", Requests: 1},
		{Name: "paged listing", Status: 200, Body: strings.Replace(fixture(t), "</table>", `</table><a href="job-openings.php?search=true&amp;page=2">Next</a>`, 1), Tries: 2, Want: "the listing links further pages: listing incomplete", Requests: 1},
		{Name: "row without link", Status: 200, Body: `<table><tr data-req-id="1"><td class="posTitle">A</td></tr></table>`, Tries: 2, Want: "row 1: no link to the posting", Requests: 1},
	})
}

func TestEmptyBoard(t *testing.T) {
	b := &board{list: func() (int, string) {
		return 200, `<html><body><form action="job-openings.php" method="get"><input type="hidden" name="search" value="true"></form><div class="reqResult"></div></body></html>`
	}}
	raws, err := adapter(t, b.serve(t).URL, 1).List(context.Background())
	if err != nil || raws == nil || len(raws) != 0 {
		t.Fatalf("%v, %v", raws, err)
	}
}

func TestDetailWithoutDescription(t *testing.T) {
	b := &board{list: func() (int, string) { return 200, "" }, job: func(string) (int, string) {
		return 200, `<html><body><p>This position has been filled.</p></body></html>`
	}}
	srv := b.serve(t)
	_, err := adapter(t, srv.URL, 1).Detail(context.Background(), model.Raw{ID: "7", URL: srv.URL + "/employment/job-opening.php?req=7"})
	if err == nil || !strings.Contains(err.Error(), "posting 7: ") || !strings.Contains(err.Error(), "no div.jobDesc in the page") {
		t.Fatalf("err = %v", err)
	}
}

func TestConfig(t *testing.T) {
	if _, err := New("x", Config{}, scrapetest.Client(1, scrape.Validators{})); err == nil || err.Error() != `hrmdirect: source "x": url (the HRMDirect board) is required` {
		t.Fatalf("err = %v", err)
	}
	a := scrapetest.NewBoard(t, New, "x", Config{URL: "https://acme.hrmdirect.com/"}, 1)
	if a.ListURL() != "https://acme.hrmdirect.com/employment/job-openings.php?search=true" {
		t.Fatal(a.ListURL())
	}
}
