package jsonld

import (
	"bytes"
	"context"
	"errors"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

func extractFile(t *testing.T, name, page string) []model.Raw {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(scrapetest.Fixture(t, name)))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(page)
	raws, err := Extract(doc, u)
	if err != nil {
		t.Fatal(err)
	}
	return raws
}

// TestDecodeGolden: what the decodes make of each page, whole.
func TestDecodeGolden(t *testing.T) {
	for _, c := range []struct{ file, page string }{
		{"job101.html", "https://acme.example/careers/job/101"},
		{"job102.html", "https://acme.example/careers/job/102?utm_source=listing"},
		{"job103.html", "https://acme.example/careers/job/103"},
		{"own.html", "https://beta.example/jobs"},
	} {
		t.Run(c.file, func(t *testing.T) {
			raws, err := decodePage(scrapetest.Fixture(t, c.file), "text/html; charset=utf-8", c.page)
			if err != nil {
				t.Fatal(err)
			}
			scrapetest.Golden(t, strings.TrimSuffix(c.file, ".html"), raws)
		})
	}
	links, err := decodeLinks(scrapetest.Fixture(t, "listing.html"), "text/html", "https://acme.example/careers", regexp.MustCompile(`/careers/job/\d+`))
	if err != nil {
		t.Fatal(err)
	}
	scrapetest.Golden(t, "listing", links)
}

func TestExtractFields(t *testing.T) {
	tests := []struct {
		file, page string
		want       []model.Raw
	}{
		{"job101.html", "https://acme.example/careers/job/101", []model.Raw{{
			ID: "JR-101", RequisitionID: "JR-101", Title: "Senior Data Engineer (L5)", URL: "https://acme.example/careers/job/101",
			Locations: []string{"Los Gatos, CA, US", "Amsterdam, Netherlands"}, EmploymentType: "FULL_TIME, CONTRACTOR", Posted: "2026-03-02",
			DescriptionHTML: "<p>Acme is hiring.</p><p><strong>Basic Qualifications</strong></p><ul><li>5+ years with Python and SQL</li></ul>",
			Complete:        true,
		}}},
		{"job102.html", "https://acme.example/careers/job/102?utm_source=listing", []model.Raw{{
			ID: "acme.example/careers/job/102", Title: "Machine Learning Engineer", URL: "https://acme.example/careers/job/102?utm_source=listing",
			Locations: []string{"Remote (United States)", "Remote (Canada)"}, Workplace: "remote", EmploymentType: "FULL_TIME", Posted: "2026-03-05",
			DescriptionHTML: "<p>Build recommendation models with PyTorch.</p>",
			Salary:          []model.Salary{{Min: 150000, Max: 210000, Currency: "USD", Period: "year"}},
			Complete:        true,
		}}},
		{"job103.html", "https://acme.example/careers/job/103", []model.Raw{{
			ID: "103", RequisitionID: "103", Title: "Data Analyst & Reporting (Part-time)", URL: "https://acme.example/careers/job/103",
			Locations: []string{"Berlin, Germany"}, EmploymentType: "PART_TIME", Posted: "2026-03-09",
			DescriptionHTML: "<p>Analyse sales data.\n\tWork with Tableau.</p>",
			Salary:          []model.Salary{{Min: 45.5, Max: 45.5, Currency: "EUR", Period: "hour"}},
			Complete:        true,
		}}},
		{"own.html", "https://beta.example/jobs", []model.Raw{{
			ID: "B-1", RequisitionID: "B-1", Title: "Backend Engineer", URL: "https://beta.example/jobs/b-1",
			Locations: []string{"London, GB"}, Posted: "2026-01-10", DescriptionHTML: "<p>Go and Kafka.</p>", Complete: true,
		}, {
			ID: "B-2", RequisitionID: "B-2", Title: "Product Designer", URL: "https://beta.example/jobs/b-2",
			Locations: []string{"Remote"}, Workplace: "remote", Posted: "2026-01-11", DescriptionHTML: "<p>Figma.</p>", Complete: true,
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := extractFile(t, tt.file, tt.page)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d postings: %+v", len(got), got)
			}
			for i := range got {
				if !reflect.DeepEqual(got[i], tt.want[i]) {
					t.Errorf("posting %d:\ngot  %#v\nwant %#v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestDecodeLenient(t *testing.T) {
	tests := []struct{ name, in, title string }{
		{"plain", `{"@type":"JobPosting","title":"A"}`, "A"},
		{"html comment", "<!--\n{\"@type\":\"JobPosting\",\"title\":\"A\"}\n-->", "A"},
		{"cdata in comments", "/*<![CDATA[*/{\"@type\":\"JobPosting\",\"title\":\"A\"}/*]]>*/", "A"},
		{"raw newline in a string", "{\"@type\":\"JobPosting\",\"title\":\"A\nB\"}", "A B"},
		{"entity-escaped block", `{&quot;@type&quot;:&quot;JobPosting&quot;,&quot;title&quot;:&quot;R&amp;D&quot;}`, "R&D"},
		{"several objects", `{"@type":"Organization"} {"@type":"JobPosting","title":"A"}`, "A"},
		{"trailing semicolon", `{"@type":"JobPosting","title":"A"};`, "A"},
		{"schema URL type", `{"@type":"http://schema.org/JobPosting","name":"A"}`, "A"},
		{"nested mainEntity", `{"@type":"WebPage","mainEntity":{"@type":"JobPosting","title":"A"}}`, "A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vs, err := decodeLenient(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			var ps []map[string]any
			for _, v := range vs {
				ps = append(ps, findPostings(v, 0)...)
			}
			if len(ps) != 1 {
				t.Fatalf("got %d postings", len(ps))
			}
			if got := posting(ps[0], nil).Title; got != tt.title {
				t.Errorf("title %q, want %q", got, tt.title)
			}
		})
	}
	if _, err := decodeLenient(`{"@type":"JobPosting",}`); err == nil {
		t.Error("trailing comma accepted")
	}
}

func TestSalaryShapes(t *testing.T) {
	tests := []struct {
		in   string
		want []model.Salary
	}{
		{`{"currency":"USD","value":100000}`, []model.Salary{{Min: 100000, Max: 100000, Currency: "USD"}}},
		{`{"currency":"USD","value":{"value":"55","unitText":"HOUR"}}`, []model.Salary{{Min: 55, Max: 55, Currency: "USD", Period: "hour"}}},
		{`{"currency":"GBP","minValue":40000,"maxValue":50000,"unitText":"YEAR"}`, []model.Salary{{Min: 40000, Max: 50000, Currency: "GBP", Period: "year"}}},
		{`[{"currency":"USD","value":{"minValue":10,"maxValue":12,"unitText":"WEEK"}},{"currency":"CAD","value":{"value":3000,"unitText":"MONTH"}}]`,
			[]model.Salary{{Min: 10, Max: 12, Currency: "USD", Period: "week"}, {Min: 3000, Max: 3000, Currency: "CAD", Period: "month"}}},
		{`{"currency":"USD","value":{"value":"competitive","unitText":"YEAR"}}`, nil},
		{`{"currency":"USD","value":{"minValue":"$95,000.00","unitText":"DAY"}}`, []model.Salary{{Min: 95000, Currency: "USD", Period: "day"}}},
	}
	for _, tt := range tests {
		vs, err := decodeAll(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := salaries(vs[0], ""); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestStableURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://Acme.example/careers/job/1/":                      "acme.example/careers/job/1",
		"http://acme.example/careers/job/1?utm_source=x&gclid=y#a": "acme.example/careers/job/1",
		"https://acme.example/job?id=2&lang=en":                    "acme.example/job?id=2&lang=en",
		"https://acme.example/job?lang=en&id=2":                    "acme.example/job?id=2&lang=en",
	} {
		if got := StableURL(in); got != want {
			t.Errorf("StableURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// newSite is a fake site serving pages by path.
func newSite(t *testing.T, pages map[string]string) *scrapetest.Site {
	return scrapetest.NewSite(t, pages, false)
}

func client(attempts int, v scrape.Validators) *scrape.Client { return scrapetest.Client(attempts, v) }

func acmeSite(t *testing.T) *scrapetest.Site {
	return newSite(t, map[string]string{
		"/careers": "listing.html", "/careers/job/101": "job101.html", "/careers/job/102": "job102.html", "/careers/job/103": "job103.html",
	})
}

func adapter(t *testing.T, src config.Source, c *scrape.Client) *JSONLD {
	t.Helper()
	if src.Name == "" {
		src.Name = "acme"
	}
	src.Type = "jsonld"
	a, err := New(src, c)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestListFollowsLinks(t *testing.T) {
	s := acmeSite(t)
	a := adapter(t, config.Source{URL: s.URL + "/careers", Settings: &Config{Links: `/careers/job/\d+`}}, client(1, nil))
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var ids, urls []string
	for _, r := range raws {
		ids = append(ids, r.ID)
		urls = append(urls, r.URL)
		if !r.Complete {
			t.Errorf("%s: not complete", r.ID)
		}
	}
	host := strings.TrimPrefix(s.URL, "http://")
	// 101 names its canonical url on acme.example; 102 has none (the page
	// URL, tracking parameters dropped from the id); 103 has no url either.
	if want := []string{"JR-101", host + "/careers/job/102", "103"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("ids %q, want %q", ids, want)
	}
	if want := []string{"https://acme.example/careers/job/101", s.URL + "/careers/job/102?utm_source=listing", s.URL + "/careers/job/103"}; !reflect.DeepEqual(urls, want) {
		t.Errorf("urls %q, want %q", urls, want)
	}
	// one request per page: the repeated link to 101, /about and the feed
	// link (not \d+) are not followed
	if got, want := s.Seen(), []string{"/careers", "/careers/job/101", "/careers/job/102?utm_source=listing", "/careers/job/103"}; !reflect.DeepEqual(got, want) {
		t.Errorf("requests %q", got)
	}
}

func TestListOwnItemsConditional(t *testing.T) {
	s := scrapetest.NewSite(t, map[string]string{"/jobs": "own.html"}, false)
	s.ETag = `"v1"`
	v := scrape.Validators{}
	a := adapter(t, config.Source{URL: s.URL + "/jobs"}, client(1, v))
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 2 || raws[0].ID != "B-1" || raws[0].URL != s.URL+"/jobs/b-1" || raws[1].ID != "B-2" {
		t.Fatalf("raws: %+v", raws)
	}
	if _, err := a.List(context.Background()); !errors.Is(err, scrape.ErrNotModified) {
		t.Fatalf("second list: %v, want ErrNotModified", err)
	}
	d, err := a.Detail(context.Background(), raws[0])
	if err != nil || !reflect.DeepEqual(d, raws[0]) {
		t.Errorf("detail: %+v %v", d, err)
	}
}

func TestListErrors(t *testing.T) {
	noPosting := "=<html><body><h1>Something went wrong</h1></body></html>"
	broken := `=<html><head><script type="application/ld+json">{"@type":"JobPosting","title":"A",}</script></head></html>`
	tests := []struct {
		name  string
		setup func(*scrapetest.Site)
		src   config.Source
		want  string
	}{
		{"listing 404", func(s *scrapetest.Site) { delete(s.Pages, "/careers") }, config.Source{Settings: &Config{Links: `/job/\d`}},
			`jsonld: source "acme": page "URL/careers": not found (404)`},
		{"listing 500 after retries", func(s *scrapetest.Site) { s.Fail["/careers"] = 500 }, config.Source{Settings: &Config{Links: `/job/\d`}},
			`jsonld: source "acme": page "URL/careers": URL/careers: status 500`},
		{"a posting page fails in the middle", func(s *scrapetest.Site) { s.Fail["/careers/job/102"] = 503 }, config.Source{Settings: &Config{Links: `/job/\d`}},
			`jsonld: source "acme": posting 2 of 3: page "URL/careers/job/102?utm_source=listing": URL/careers/job/102?utm_source=listing: status 503`},
		{"a posting page without JobPosting (error page with 200)", func(s *scrapetest.Site) { s.Pages["/careers/job/102"] = noPosting }, config.Source{Settings: &Config{Links: `/job/\d`}},
			`jsonld: source "acme": posting page "URL/careers/job/102?utm_source=listing": no schema.org JobPosting on the page`},
		{"broken JobPosting block", func(s *scrapetest.Site) { s.Pages["/careers/job/101"] = broken }, config.Source{Settings: &Config{Links: `/job/\d`}},
			`jsonld: source "acme": posting page "URL/careers/job/101": ld+json block 1: invalid JSON: invalid character '}'`},
		{"no link matches", nil, config.Source{Settings: &Config{Links: `/positions/\d+`}},
			`jsonld: source "acme": page "URL/careers": no link matches "/positions/\\d+"`},
		{"more links than max_pages", nil, config.Source{Settings: &Config{Links: `/job/\d`, MaxPages: 2}},
			`jsonld: source "acme": page "URL/careers": 3 posting links, more than max_pages (2): raise max_pages or narrow links`},
		{"own items: none on the page", func(s *scrapetest.Site) { s.Pages["/careers"] = noPosting }, config.Source{},
			`jsonld: source "acme": page "URL/careers": no schema.org JobPosting on the page`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := acmeSite(t)
			if tt.setup != nil {
				tt.setup(s)
			}
			tt.src.URL = s.URL + "/careers"
			a := adapter(t, tt.src, client(2, nil))
			raws, err := a.List(context.Background())
			if err == nil {
				t.Fatalf("no error; %d postings", len(raws))
			}
			want := strings.ReplaceAll(tt.want, "URL", s.URL)
			if !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error:\n%s\nwant prefix:\n%s", err, want)
			}
		})
	}
}

// Different postings sharing one identifier (a site printing its company id
// there) get ids from their URLs instead of collapsing into one.
func TestSharedIdentifierFallsBackToURL(t *testing.T) {
	page := func(title string) string {
		return `=<html><head><script type="application/ld+json">{"@type":"JobPosting","title":"` + title +
			`","identifier":{"@type":"PropertyValue","name":"Acme","value":"acme"}}</script></head></html>`
	}
	s := newSite(t, map[string]string{
		"/careers": `=<a href="/job/1">1</a><a href="/job/2">2</a>`, "/job/1": page("One"), "/job/2": page("Two"),
	})
	a := adapter(t, config.Source{URL: s.URL + "/careers", Settings: &Config{Links: `/job/\d`}}, client(1, nil))
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	host := strings.TrimPrefix(s.URL, "http://")
	if len(raws) != 2 || raws[0].ID != host+"/job/1" || raws[1].ID != host+"/job/2" || raws[0].RequisitionID != "acme" {
		t.Fatalf("raws: %+v", raws)
	}
}

// A page that also marks up a related posting: the posting's own page wins.
func TestRelatedPostingsDeduplicated(t *testing.T) {
	posting := func(id, desc string) string {
		return `{"@type":"JobPosting","title":"Job ` + id + `","identifier":"` + id + `","url":"/job/` + id + `","description":"` + desc + `"}`
	}
	s := newSite(t, map[string]string{
		"/careers": `=<a href="/job/1">1</a><a href="/job/2">2</a>`,
		"/job/1":   `=<script type="application/ld+json">[` + posting("1", "full one") + `,` + posting("2", "teaser") + `]</script>`,
		"/job/2":   `=<script type="application/ld+json">` + posting("2", "full two") + `</script>`,
	})
	a := adapter(t, config.Source{URL: s.URL + "/careers", Settings: &Config{Links: `/job/\d`}}, client(1, nil))
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 2 || raws[0].DescriptionHTML != "full one" || raws[1].DescriptionHTML != "full two" {
		t.Fatalf("raws: %+v", raws)
	}
}

func TestNew(t *testing.T) {
	if _, err := New(config.Source{Name: "x", URL: "ftp://x"}, nil); err == nil {
		t.Error("ftp URL accepted")
	}
	if _, err := New(config.Source{Name: "x", URL: "https://x.example", Settings: &Config{Links: "("}}, nil); err == nil {
		t.Error("bad regexp accepted")
	}
	a, err := New(config.Source{Name: "x", URL: "https://x.example"}, nil)
	if err != nil || a.maxPages != DefaultMaxPages {
		t.Errorf("%+v %v", a, err)
	}
}
