package htmlsel

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// newSite is a fake site serving pages by request URI (path and query).
func newSite(t *testing.T, pages map[string]string) *scrapetest.Site {
	return scrapetest.NewSite(t, pages, true)
}

func client(attempts int, v scrape.Validators) *scrape.Client { return scrapetest.Client(attempts, v) }

func adapter(t *testing.T, url string, sel Selectors, maxPages int, c *scrape.Client) *HTML {
	t.Helper()
	return scrapetest.NewSource(t, New, config.Source{Name: "acme", Type: "html", URL: url, Settings: &Config{Selectors: sel, MaxPages: maxPages}}, c)
}

// Selectors for three real boards' listing pages.
var (
	icims = Selectors{Item: "li.iCIMS_JobCardItem", Title: ".title h3", Link: "a.iCIMS_Anchor",
		Location: ".header span:not(.sr-only)"}
	jobvite   = Selectors{Item: "tr", Title: "td a", Link: "td a", Location: "td.jv-job-list-location"}
	hrmdirect = Selectors{Item: "tr.ReqRowClick", Title: "td.posTitle", Link: "td.posTitle a", Team: "td.departments"}
)

// TestDecodeGolden: what the decode makes of each real board's listing
// page, whole.
func TestDecodeGolden(t *testing.T) {
	for _, c := range []struct {
		name, url string
		sel       Selectors
	}{
		{"icims", "https://careers-wipfli.icims.com/jobs/search", icims},
		{"jobvite", "https://jobs.jobvite.com/feedingamerica/search", jobvite},
		{"hrmdirect", "https://acme.hrmdirect.com/employment/job-openings.php", hrmdirect},
	} {
		t.Run(c.name, func(t *testing.T) {
			pg, err := adapter(t, c.url, c.sel, 0, nil).decodePage(scrapetest.Fixture(t, c.name+".html"), "text/html; charset=utf-8", c.url)
			if err != nil {
				t.Fatal(err)
			}
			if pg.next != "" {
				t.Errorf("next %q on a board without selectors.next", pg.next)
			}
			scrapetest.Golden(t, c.name, pg.postings)
		})
	}
}

func TestFixtures(t *testing.T) {
	s := newSite(t, map[string]string{
		"/jobs/search": "icims.html", "/feedingamerica/search": "jobvite.html", "/employment/job-openings.php": "hrmdirect.html",
	})
	tests := []struct {
		name, path string
		sel        Selectors
		want       []model.Raw
	}{
		{"icims", "/jobs/search", icims, []model.Raw{{
			ID: "/jobs/8214/payroll-tax-specialist/job?in_iframe=1", Title: "Payroll Tax Specialist",
			URL: "https://careers-wipfli.icims.com/jobs/8214/payroll-tax-specialist/job?in_iframe=1", Locations: []string{"US"}, Complete: true,
		}, {
			ID: "/jobs/8212/payroll-support-specialist/job?in_iframe=1", Title: "Payroll Support Specialist",
			URL: "https://careers-wipfli.icims.com/jobs/8212/payroll-support-specialist/job?in_iframe=1", Locations: []string{"US"}, Complete: true,
		}}},
		{"jobvite", "/feedingamerica/search", jobvite, []model.Raw{{
			ID: "/feedingamerica/job/octxAfww", Title: "Manager, Development (Chicago/Hybrid)",
			URL: s.URL + "/feedingamerica/job/octxAfww", Locations: []string{"Chicago, Illinois"}, Complete: true,
		}, {
			ID: "/feedingamerica/job/ohAzAfwK", Title: "Manager, Technology Vendor Management (Chicago/Hybrid)",
			URL: s.URL + "/feedingamerica/job/ohAzAfwK", Locations: []string{"Chicago, Illinois"}, Complete: true,
		}}},
		// the path alone (/employment/job-opening.php) is the same for every
		// posting: the query tells them apart; the URL keeps the link as written
		// (trailing &) but not its fragment.
		{"hrmdirect", "/employment/job-openings.php", hrmdirect, []model.Raw{{
			ID: "/employment/job-opening.php?req=3762934&req_loc=1393575", Title: "CRM Product Owner", Team: "Operations",
			URL: s.URL + "/employment/job-opening.php?req=3762934&req_loc=1393575&", Complete: true,
		}, {
			ID: "/employment/job-opening.php?req=3779928&req_loc=1419225", Title: "Senior Accountant", Team: "Finance",
			URL: s.URL + "/employment/job-opening.php?req=3779928&req_loc=1419225&", Complete: true,
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raws, err := adapter(t, s.URL+tt.path, tt.sel, 0, client(1, nil)).List(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(raws) != len(tt.want) {
				t.Fatalf("got %d postings: %+v", len(raws), raws)
			}
			for i := range raws {
				if !reflect.DeepEqual(raws[i], tt.want[i]) {
					t.Errorf("posting %d:\ngot  %#v\nwant %#v", i, raws[i], tt.want[i])
				}
			}
		})
	}
}

// three listing pages linked by "next", postings with detail pages.
func pagedSite(t *testing.T) *scrapetest.Site {
	row := func(id int, loc string) string {
		return fmt.Sprintf(`<div class="job"><a class="t" href="/job/%d?utm_source=list">Data Engineer %d</a><span class="loc">%s</span><span class="loc">Remote (US)</span><em>Data</em></div>`, id, id, loc)
	}
	pages := map[string]string{
		"/jobs":        "=<html><body>" + row(1, "Berlin") + row(2, "Paris") + `<a class="next" href="/jobs?page=2">Next</a></body></html>`,
		"/jobs?page=2": "=<html><body>" + row(3, "Oslo") + row(1, "Munich") + `<a class="next" href="?page=3">Next</a></body></html>`,
		"/jobs?page=3": "=<html><body>" + row(4, "Rome") + `<a class="next disabled" href="#">Next</a></body></html>`,
	}
	for i := 1; i <= 4; i++ {
		pages[fmt.Sprintf("/job/%d?utm_source=list", i)] = fmt.Sprintf(`=<html><body><h1>Data Engineer %d</h1><div class="desc"><p>Build pipelines with Spark.</p><ul><li>%d+ years of SQL</li></ul></div></body></html>`, i, i)
	}
	return scrapetest.NewSite(t, pages, true)
}

var paged = Selectors{Item: "div.job", Title: "a.t", Link: "a.t", Location: ".loc", Team: "em", Next: "a.next", Description: ".desc"}

func TestPagingAndDetail(t *testing.T) {
	s := pagedSite(t)
	h := adapter(t, s.URL+"/jobs", paged, 0, client(1, nil))
	raws, err := h.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range raws {
		ids = append(ids, r.ID)
		if r.Complete || r.Team != "Data" {
			t.Errorf("%s: %+v", r.ID, r)
		}
	}
	if want := []string{"/job/1", "/job/2", "/job/3", "/job/4"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("ids %q, want %q", ids, want)
	}
	// posting 1 is listed again on page 2 under another location: merged
	if want := []string{"Berlin", "Remote (US)", "Munich"}; !reflect.DeepEqual(raws[0].Locations, want) {
		t.Errorf("locations %q, want %q", raws[0].Locations, want)
	}
	if want := []string{"/jobs", "/jobs?page=2", "/jobs?page=3"}; !reflect.DeepEqual(s.Seen(), want) {
		t.Errorf("requests %q, want %q", s.Seen(), want)
	}
	d, err := h.Detail(context.Background(), raws[2])
	if err != nil {
		t.Fatal(err)
	}
	if !d.Complete || d.DescriptionHTML != "<p>Build pipelines with Spark.</p><ul><li>3+ years of SQL</li></ul>" || d.ID != "/job/3" ||
		d.URL != s.URL+"/job/3?utm_source=list" || d.Title != "Data Engineer 3" {
		t.Errorf("detail: %+v", d)
	}
}

func TestConditionalSinglePage(t *testing.T) {
	s := scrapetest.NewSite(t, map[string]string{"/search": "jobvite.html"}, true)
	s.ETag = `W/"abc"`
	h := adapter(t, s.URL+"/search", jobvite, 0, client(1, scrape.Validators{}))
	if raws, err := h.List(context.Background()); err != nil || len(raws) != 2 {
		t.Fatalf("first: %d %v", len(raws), err)
	}
	if _, err := h.List(context.Background()); !errors.Is(err, scrape.ErrNotModified) {
		t.Fatalf("second: %v, want ErrNotModified", err)
	}
	// with a next selector the listing is several requests: never conditional
	s2 := scrapetest.NewSite(t, map[string]string{"/search": "jobvite.html"}, true)
	s2.ETag = `W/"abc"`
	sel := jobvite
	sel.Next = "a.next"
	h2 := adapter(t, s2.URL+"/search", sel, 0, client(1, scrape.Validators{}))
	for i := 0; i < 2; i++ {
		if raws, err := h2.List(context.Background()); err != nil || len(raws) != 2 {
			t.Fatalf("run %d: %d %v", i, len(raws), err)
		}
	}
}

func TestListErrors(t *testing.T) {
	tests := []struct {
		name  string
		setup func(*scrapetest.Site)
		sel   Selectors
		max   int
		want  string
	}{
		{"404", func(s *scrapetest.Site) { delete(s.Pages, "/jobs") }, paged, 0,
			`html: source "acme": page 1 "URL/jobs": not found (404)`},
		{"500 after retries", func(s *scrapetest.Site) { s.Fail["/jobs"] = 500 }, paged, 0,
			`html: source "acme": page 1 "URL/jobs": URL/jobs: status 500`},
		{"error page with 200", func(s *scrapetest.Site) { s.Pages["/jobs"] = "=<html><body>Service unavailable</body></html>" }, paged, 0,
			`html: source "acme": page 1 "URL/jobs": no element matches selectors.item "div.job" (a changed layout or an error page)`},
		{"a page failing in the middle", func(s *scrapetest.Site) { s.Fail["/jobs?page=2"] = 502 }, paged, 0,
			`html: source "acme": page 2 "URL/jobs?page=2": URL/jobs?page=2: status 502`},
		{"an empty page in the middle", func(s *scrapetest.Site) { s.Pages["/jobs?page=2"] = "=<html><body>Try again</body></html>" }, paged, 0,
			`html: source "acme": page 2 "URL/jobs?page=2": no element matches selectors.item`},
		{"paging does not advance", func(s *scrapetest.Site) { s.Pages["/jobs?page=2"] = s.Pages["/jobs"] }, paged, 0,
			`html: source "acme": page 2 "URL/jobs?page=2" repeats earlier postings: paging does not advance`},
		{"more pages than max_pages", nil, paged, 2,
			`html: source "acme": more than max_pages (2) listing pages: raise max_pages`},
		{"no item with a title", nil, Selectors{Item: "div.job", Title: "h2"}, 0,
			`html: source "acme": page 1 "URL/jobs": no item has a title (selectors.title "h2")`},
		{"item with a link but no title", nil, Selectors{Item: "div.job", Title: "h2", Link: "a.t"}, 0,
			`html: source "acme": page 1 "URL/jobs": item 1: no title (selectors.title "h2")`},
		{"item without link", nil, Selectors{Item: "div.job", Title: "a.t", Link: "a.apply"}, 0,
			`html: source "acme": page 1 "URL/jobs": item 1: "Data Engineer 1": no link (selectors.link "a.apply" matches no element with an http(s) href)`},
		{"script-rendered page (paylocity)", func(s *scrapetest.Site) { s.Pages["/jobs"] = "paylocity.html" }, paged, 0,
			`html: source "acme": page 1 "URL/jobs": no element matches selectors.item "div.job"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := pagedSite(t)
			if tt.setup != nil {
				tt.setup(s)
			}
			raws, err := adapter(t, s.URL+"/jobs", tt.sel, tt.max, client(2, nil)).List(context.Background())
			if err == nil {
				t.Fatalf("no error; %d postings", len(raws))
			}
			if want := strings.ReplaceAll(tt.want, "URL", s.URL); !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error:\n%s\nwant prefix:\n%s", err, want)
			}
		})
	}
}

func TestDetailErrors(t *testing.T) {
	s := pagedSite(t)
	h := adapter(t, s.URL+"/jobs", paged, 0, client(1, nil))
	raws, err := h.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.Edit(func() {
		delete(s.Pages, "/job/1?utm_source=list")
		s.Pages["/job/2?utm_source=list"] = "=<html><body><p>Sorry, this job is closed.</p></body></html>"
	})
	_, err = h.Detail(context.Background(), raws[0])
	if want := `html: source "acme": posting page "` + s.URL + `/job/1?utm_source=list": not found (404)`; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	_, err = h.Detail(context.Background(), raws[1])
	if want := `html: source "acme": posting page "` + s.URL + `/job/2?utm_source=list": no element matches selectors.description ".desc"`; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// A table's header row matches the item selector too: skipped.
func TestHeaderRowSkipped(t *testing.T) {
	s := newSite(t, map[string]string{"/jobs": `=<table><tr><th>Title</th><th>Location</th></tr>` +
		`<tr><td><a href="/j/1">Nurse</a></td><td class="l">Austin</td></tr></table>`})
	raws, err := adapter(t, s.URL+"/jobs", Selectors{Item: "tr", Title: "td a", Link: "td a", Location: "td.l"}, 0, client(1, nil)).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 1 || raws[0].ID != "/j/1" || raws[0].Locations[0] != "Austin" {
		t.Fatalf("got %+v", raws)
	}
}

// Without a link the id is the title and the URL the listing page.
func TestNoLink(t *testing.T) {
	s := scrapetest.NewSite(t, map[string]string{"/jobs": `=<ul><li><b>Analyst</b> <i>Lisbon</i></li><li><b>Engineer</b></li></ul>`}, true)
	raws, err := adapter(t, s.URL+"/jobs", Selectors{Item: "li", Title: "b", Location: "i"}, 0, client(1, nil)).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Raw{
		{ID: "Analyst", Title: "Analyst", URL: s.URL + "/jobs", Locations: []string{"Lisbon"}, Complete: true},
		{ID: "Engineer", Title: "Engineer", URL: s.URL + "/jobs", Complete: true},
	}
	if !reflect.DeepEqual(raws, want) {
		t.Errorf("got %#v", raws)
	}
}

func TestNew(t *testing.T) {
	for _, tt := range []struct {
		src  config.Source
		want string
	}{
		{config.Source{Name: "x", URL: "https://x.example", Settings: &Config{Selectors: Selectors{Item: "li["}}}, "selectors.item and selectors.title are required"},
		{config.Source{Name: "x", URL: "https://x.example", Settings: &Config{Selectors: Selectors{Item: "li[", Title: "a"}}}, `html: source "x": selectors.item "li[": `},
		{config.Source{Name: "x", URL: "https://x.example", Settings: &Config{Selectors: Selectors{Item: "li", Title: "a", Description: ".d"}}}, "needs selectors.link"},
		{config.Source{Name: "x", URL: "x.example", Settings: &Config{Selectors: Selectors{Item: "li", Title: "a"}}}, "url must be an http or https URL"},
	} {
		_, err := New(tt.src, nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: got %v, want %q", tt.src, err, tt.want)
		}
	}
	h, err := New(config.Source{Name: "x", URL: "https://x.example", Settings: &Config{Selectors: Selectors{Item: "li", Title: "a"}}}, nil)
	if err != nil || h.maxPages != DefaultMaxPages {
		t.Errorf("%+v %v", h, err)
	}
}

func TestID(t *testing.T) {
	for in, want := range map[string]string{
		"https://a.example/jobs/1":                      "/jobs/1",
		"https://a.example/jobs/1?utm_source=x&gclid=y": "/jobs/1",
		"https://a.example/job.php?req=2&loc=1":         "/job.php?loc=1&req=2",
		"https://a.example":                             "/",
	} {
		if got := ID(in); got != want {
			t.Errorf("ID(%q) = %q, want %q", in, got, want)
		}
	}
}
