package icims

import (
	"context"
	"encoding/binary"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf16"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

func fixture(t *testing.T) string {
	t.Helper()
	return string(scrapetest.Fixture(t, "icims.html"))
}

func TestDecodeListGolden(t *testing.T) {
	base, _ := url.Parse("https://careers-wipfli.icims.com/jobs/search?ss=1&in_iframe=1&pr=0")
	p, err := decodeList([]byte(fixture(t)), base)
	if err != nil {
		t.Fatal(err)
	}
	scrapetest.Golden(t, "icims", p.Raws)
	if len(p.Raws) != 2 || p.Pages != 0 || p.Next || !p.Portal {
		t.Fatalf("%+v", p)
	}
	r := p.Raws[0]
	if r.ID != "8214" || r.Title != "Payroll Tax Specialist" || r.URL != "https://careers-wipfli.icims.com/jobs/8214/payroll-tax-specialist/job" ||
		r.RequisitionID != "2026-8214" || strings.Join(r.Locations, "|") != "US" || r.Complete || r.Stamp == "" || r.Stamp == p.Raws[1].Stamp {
		t.Fatalf("raw: %+v", r)
	}
}

func TestDecodeCardVariants(t *testing.T) {
	body := `<ul class="container-fluid iCIMS_JobsTable"><li class="iCIMS_JobCardItem"><div class="row">
<div class="col-xs-6 header left"><span class="sr-only field-label">Location</span><span> US-IL-Chicago | US-Remote </span></div>
<div class="col-xs-6 header right"><span class="sr-only field-label">Date Posted</span><span title="2026-05-08">May 8, 2026</span></div>
<div class="col-xs-12 title"><a href="/jobs/1234/data-engineer/job?in_iframe=1&amp;hashed=-33555" class="iCIMS_Anchor"><h3> Data   Engineer </h3></a></div>
<div class="col-xs-12 additionalFields"><dl class="iCIMS_JobHeaderGroup">
<div class="iCIMS_JobHeaderTag"><dt class="iCIMS_JobHeaderField">Category</dt><dd class="iCIMS_JobHeaderData"><span>Data</span></dd></div>
<div class="iCIMS_JobHeaderTag"><dt class="iCIMS_JobHeaderField">Position Type</dt><dd class="iCIMS_JobHeaderData"><span>Full-Time</span></dd></div>
</dl></div></div></li></ul>`
	base, _ := url.Parse("https://careers-acme.icims.com/jobs/search?pr=0")
	p, err := decodeList([]byte(body), base)
	if err != nil || len(p.Raws) != 1 {
		t.Fatalf("%+v, %v", p, err)
	}
	r := p.Raws[0]
	if r.ID != "1234" || r.Title != "Data Engineer" || r.URL != "https://careers-acme.icims.com/jobs/1234/data-engineer/job" ||
		strings.Join(r.Locations, "|") != "US-IL-Chicago|US-Remote" || r.Workplace != "remote" || r.Posted != "2026-05-08" ||
		r.Team != "Data" || r.EmploymentType != "Full-Time" {
		t.Fatalf("raw: %+v", r)
	}
}

// pageHTML is a search page (n of pages, 0-based) holding the fixture's two
// cards under the ids first and first+1.
func pageHTML(t *testing.T, n, pages, first int) string {
	s := fixture(t)
	s = strings.ReplaceAll(s, "8214", strconv.Itoa(first))
	s = strings.ReplaceAll(s, "8212", strconv.Itoa(first+1))
	head := ""
	if n+1 < pages {
		head = fmt.Sprintf(`<head><link rel="next" href="/jobs/search?pr=%d&amp;in_iframe=1"></head>`, n+1)
	}
	paging := fmt.Sprintf(`<h2 class="iCIMS_SubHeader iCIMS_SubHeader_Jobs">Search Results Page %d of %d</h2>`, n+1, pages)
	s = strings.Replace(s, "<html>", "<html>"+head, 1)
	return strings.Replace(s, "<body>", "<body>"+paging, 1)
}

const jobPage = `<html><head><script type="application/ld+json">{"@context": "http://schema.org", "@type": "JobPosting",
"title": "Payroll Tax Specialist", "description": "<h2>At a Glance</h2><p>Prepare payroll tax filings.</p>",
"datePosted": "2026-02-11T05:00:00.000Z", "validThrough": "2027-02-11T05:00:00.000Z", "employmentType": "FULL_TIME",
"url": "https://careers-wipfli.icims.com/jobs/8214/payroll-tax-specialist/job",
"hiringOrganization": {"name": "Wipfli"},
"jobLocation": [{"address": {"addressLocality": "Eau Claire", "addressRegion": "WI", "postalCode": "54701", "addressCountry": "US"}}],
"baseSalary": {"@type": "MonetaryAmount", "currency": "USD", "value": {"@type": "QuantitativeValue", "minValue": 60000, "maxValue": 80000, "unitText": "YEAR"}}}
</script></head><body>...</body></html>`

type portal struct {
	list  func(pr int) (int, string)
	job   func(id string) (int, string)
	pages atomic.Int32
	jobs  atomic.Int32
}

func (p *portal) serve(t *testing.T) *scrapetest.Server {
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("in_iframe") != "1" {
			http.Error(w, "the branding wrapper", 400)
			return
		}
		switch {
		case r.URL.Path == "/jobs/search":
			p.pages.Add(1)
			pr, err := strconv.Atoi(r.URL.Query().Get("pr"))
			if err != nil || r.URL.Query().Get("ss") != "1" {
				http.Error(w, "bad query", 400)
				return
			}
			status, body := p.list(pr)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			scrapetest.Body(status, body)(w, r)
		case strings.HasPrefix(r.URL.Path, "/jobs/") && p.job != nil:
			p.jobs.Add(1)
			scrapetest.Body(p.job(jobID.FindStringSubmatch(r.URL.Path)[1]))(w, r)
		default:
			http.NotFound(w, r)
		}
	})
}

func adapter(t *testing.T, u string, attempts int) *Adapter {
	t.Helper()
	return scrapetest.NewBoard(t, New, "wipfli", Config{URL: u}, attempts)
}

func TestListAndDetailOnTheFixture(t *testing.T) {
	var p portal
	srv := p.serve(t)
	// the fixture's links are absolute on careers-wipfli: made local
	p.list = func(pr int) (int, string) {
		if pr != 0 {
			return 200, "unexpected"
		}
		return 200, strings.ReplaceAll(fixture(t), "https://careers-wipfli.icims.com", srv.URL)
	}
	p.job = func(id string) (int, string) {
		if id != "8214" {
			return 410, "gone"
		}
		return 200, strings.ReplaceAll(jobPage, "https://careers-wipfli.icims.com", srv.URL)
	}
	a := adapter(t, srv.URL, 1)
	raws, err := a.List(context.Background())
	if err != nil || len(raws) != 2 || p.pages.Load() != 1 {
		t.Fatalf("%d postings in %d pages, %v", len(raws), p.pages.Load(), err)
	}
	d, err := a.Detail(context.Background(), raws[0])
	if err != nil {
		t.Fatal(err)
	}
	want := model.Raw{ID: "8214", Stamp: raws[0].Stamp, Title: "Payroll Tax Specialist", URL: srv.URL + "/jobs/8214/payroll-tax-specialist/job",
		RequisitionID: "2026-8214", Locations: []string{"Eau Claire, WI, US"}, EmploymentType: "FULL_TIME", Posted: "2026-02-11",
		DescriptionHTML: "<h2>At a Glance</h2><p>Prepare payroll tax filings.</p>",
		Salary:          []model.Salary{{Min: 60000, Max: 80000, Currency: "USD", Period: "year"}}, Complete: true}
	if fmt.Sprintf("%+v", d) != fmt.Sprintf("%+v", want) {
		t.Fatalf("detail:\n got %+v\nwant %+v", d, want)
	}
	// a posting closed since the listing: 410, an error naming it
	if _, err := a.Detail(context.Background(), raws[1]); err == nil || !strings.Contains(err.Error(), `icims: board "127.0.0.1:`) ||
		!strings.Contains(err.Error(), "posting 8212: ") || !strings.Contains(err.Error(), "410") {
		t.Fatalf("err = %v", err)
	}
}

func TestPagingToTheLastPage(t *testing.T) {
	var p portal
	p.list = func(pr int) (int, string) { return 200, pageHTML(t, pr, 3, 100+10*pr) }
	raws, err := adapter(t, p.serve(t).URL+"/jobs/search?ss=1&searchCategory=12&pr=4", 1).List(context.Background())
	if err != nil || len(raws) != 6 || p.pages.Load() != 3 || raws[5].ID != "121" {
		t.Fatalf("%+v in %d pages, %v", raws, p.pages.Load(), err)
	}
	// without "Page X of Y": the next links lead
	var q portal
	q.list = func(pr int) (int, string) {
		s := pageHTML(t, pr, 2, 100+10*pr)
		return 200, s[:strings.Index(s, "<h2")] + s[strings.Index(s, "</h2>")+5:]
	}
	raws, err = adapter(t, q.serve(t).URL, 1).List(context.Background())
	if err != nil || len(raws) != 4 || q.pages.Load() != 2 {
		t.Fatalf("%d postings in %d pages, %v", len(raws), q.pages.Load(), err)
	}
}

func TestShortListingIsAnError(t *testing.T) {
	cases := []struct {
		name string
		list func(pr int) (int, string)
		want string
	}{
		{"empty page before the last", func(pr int) (int, string) {
			if pr == 1 {
				return 200, `<html><body><ul class="container-fluid iCIMS_JobsTable"></ul></body></html>`
			}
			return 200, pageHTML(t, pr, 3, 100+10*pr)
		}, "list page 2 has no job cards after 2 postings (of 3 pages): listing incomplete"},
		{"page repeats", func(pr int) (int, string) { return 200, pageHTML(t, pr, 3, 100) }, "list page 2 repeats earlier postings"},
		{"error page on page 2", func(pr int) (int, string) {
			if pr == 1 {
				return 503, "maintenance"
			}
			return 200, pageHTML(t, pr, 3, 100)
		}, "list page 2: "},
		{"not a listing", func(int) (int, string) { return 200, "<html><body>Please enable JavaScript</body></html>" }, "not an iCIMS search page"},
		{"first page empty but more follow", func(int) (int, string) {
			return 200, `<html><head><link rel="next" href="x"></head><body><div class="iCIMS_JobsTable"></div></body></html>`
		}, "list page 1 has no job cards but says more pages follow"},
		{"card without link", func(int) (int, string) {
			return 200, `<ul><li class="iCIMS_JobCardItem"><h3>A</h3></li></ul>`
		}, "card 1: no link to the posting"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var p portal
			p.list = c.list
			_, err := adapter(t, p.serve(t).URL, 2).List(context.Background())
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), `icims: board "127.0.0.1:`) {
				t.Fatalf("error %v, want one naming the board and %q", err, c.want)
			}
		})
	}
}

func TestEmptyBoardAndGonePortal(t *testing.T) {
	var p portal
	p.list = func(int) (int, string) {
		return 200, `<html><body><div class="iCIMS_MainWrapper iCIMS_ListingsPage"><p>No jobs found.</p></div></body></html>`
	}
	raws, err := adapter(t, p.serve(t).URL, 1).List(context.Background())
	if err != nil || len(raws) != 0 {
		t.Fatalf("%v, %v", raws, err)
	}
	var q portal
	q.list = func(int) (int, string) { return 410, "gone" }
	if _, err := adapter(t, q.serve(t).URL, 1).List(context.Background()); err == nil || !strings.HasSuffix(err.Error(), "not found (410)") {
		t.Fatalf("err = %v", err)
	}
}

func TestDetailWithoutJSONLD(t *testing.T) {
	var p portal
	p.list = func(int) (int, string) { return 200, "" }
	p.job = func(string) (int, string) {
		return 200, "<html><body><div class=\"iCIMS_JobContent\">text</div></body></html>"
	}
	srv := p.serve(t)
	_, err := adapter(t, srv.URL, 1).Detail(context.Background(), model.Raw{ID: "5", URL: srv.URL + "/jobs/5/x/job"})
	if err == nil || !strings.Contains(err.Error(), "posting 5: ") || !strings.Contains(err.Error(), "no JobPosting JSON-LD in the page") {
		t.Fatalf("err = %v", err)
	}
}

// A page whose Content-Type names no charset is converted when its
// encoding is certain: here a UTF-16 page with its byte order mark.
func TestDetailInUTF16(t *testing.T) {
	page := strings.Replace(jobPage, "Payroll Tax Specialist", "Payroll Tax Spécialiste", 1)
	body := []byte{0xff, 0xfe} // little-endian BOM
	for _, u := range utf16.Encode([]rune(page)) {
		body = binary.LittleEndian.AppendUint16(body, u)
	}
	srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(body)
	})
	d, err := adapter(t, srv.URL, 1).Detail(context.Background(), model.Raw{ID: "8214", URL: srv.URL + "/jobs/8214/x/job"})
	if err != nil || d.Title != "Payroll Tax Spécialiste" {
		t.Fatalf("title %q, %v", d.Title, err)
	}
}

func TestConfig(t *testing.T) {
	if _, err := New("x", Config{}, scrapetest.Client(1, scrape.Validators{})); err == nil || err.Error() != `icims: source "x": url (the iCIMS portal) is required` {
		t.Fatalf("err = %v", err)
	}
	a := adapter(t, "https://careers-wipfli.icims.com/jobs/intro?hashed=0", 1)
	if a.pageURL(2) != "https://careers-wipfli.icims.com/jobs/search?in_iframe=1&pr=2&ss=1" {
		t.Fatal(a.pageURL(2))
	}
}
