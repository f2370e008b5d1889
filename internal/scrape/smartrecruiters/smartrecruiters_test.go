package smartrecruiters

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/smartrecruiters/fake"
)

func jobs(n int) []fake.Job {
	var out []fake.Job
	for i := 0; i < n; i++ {
		out = append(out, fake.Job{
			ID: fmt.Sprint(744000000000000 + i), Name: fmt.Sprintf("Data Engineer %d", i), RefNumber: fmt.Sprintf("REF%d", i),
			ReleasedDate: "2026-08-10T23:30:00.000Z", City: "Berlin", Region: "BE", Country: "de",
			FullLocation: "Berlin, BE, Germany", Department: "Engineering", Type: "Full-time",
			Company:        "<p>Acme builds things.</p>",
			JobDescription: fmt.Sprintf("<p>Job %d: build pipelines.</p>", i),
			Qualifications: "<ul><li>5+ years of Python</li><li>SQL &amp; Spark</li></ul>",
			Additional:     "<p>Visa sponsorship available.</p>",
		})
	}
	return out
}

func client(attempts int) *scrape.Client { return scrapetest.Client(attempts, nil) }

func adapter(t *testing.T, base, board string, attempts int) *SmartRecruiters {
	t.Helper()
	return scrapetest.NewSource(t, New, config.Source{Name: "acme", Type: "smartrecruiters", URL: base, Settings: &scrape.Board{Board: board}}, client(attempts))
}

// TestDecodeGolden: what the decode makes of the real fixture, whole.
func TestDecodeGolden(t *testing.T) {
	pg, err := adapter(t, "https://api.smartrecruiters.com", "knight", 1).decodePage(scrapetest.Fixture(t, "smartrecruiters.json"))
	if err != nil {
		t.Fatal(err)
	}
	scrapetest.Golden(t, "smartrecruiters", pg.Postings)
	if pg.Total != 1 {
		t.Errorf("totalFound %d, want 1", pg.Total)
	}
}

func TestNew(t *testing.T) {
	if _, err := New(config.Source{Name: "a"}, client(1)); err == nil || !strings.HasPrefix(err.Error(), "smartrecruiters: ") {
		t.Fatalf("err = %v", err)
	}
	a, err := New(config.Source{Name: "a", Settings: &scrape.Board{Board: "acme"}}, client(1))
	if err != nil || a.base != DefaultBase {
		t.Fatalf("base %q, %v", a.base, err)
	}
}

func TestListPages(t *testing.T) {
	srv := fake.New(t, "acme", jobs(250))
	raws, err := adapter(t, srv.URL+"/", "acme", 1).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 250 {
		t.Fatalf("got %d postings, want 250", len(raws))
	}
	if got := fmt.Sprint(srv.Queries()); got != "[limit=100&offset=0 limit=100&offset=100 limit=100&offset=200]" {
		t.Fatalf("queries %s", got)
	}
	r := raws[101]
	if r.ID != "744000000000101" || r.Title != "Data Engineer 101" || r.RequisitionID != "REF101" || r.Team != "Engineering" ||
		r.EmploymentType != "Full-time" || r.Posted != "2026-08-10" || r.Workplace != "onsite" || r.Complete ||
		r.URL != "https://jobs.smartrecruiters.com/acme/744000000000101" ||
		len(r.Locations) != 1 || r.Locations[0] != "Berlin, BE, Germany" || !strings.HasPrefix(r.Stamp, "2026-08-10T23:30:00.000Z/") {
		t.Fatalf("raw: %+v", r)
	}
}

func TestStamp(t *testing.T) {
	js := jobs(3)
	srv := fake.New(t, "acme", js)
	a := adapter(t, srv.URL, "acme", 1)
	before, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	js[1].Name = "Senior Data Engineer 1"
	js[2].ReleasedDate = "2026-09-01T08:00:00.000Z"
	srv.SetJobs(js)
	after, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if before[0].Stamp != after[0].Stamp || before[1].Stamp == after[1].Stamp || before[2].Stamp == after[2].Stamp {
		t.Fatalf("stamps before %q, after %q", []string{before[0].Stamp, before[1].Stamp, before[2].Stamp},
			[]string{after[0].Stamp, after[1].Stamp, after[2].Stamp})
	}
}

func TestListFailures(t *testing.T) {
	scrapetest.CheckListFailures(t, `smartrecruiters: board "acme": `, func(t *testing.T, status int, body string, tries int) scrapetest.Listing {
		srv := fake.New(t, "acme", jobs(150))
		if body == "" && status == 200 {
			body = fmt.Sprintf(`{"totalFound": 150, "content": [{"id": "%s", "name": "x"}]}`, jobs(1)[0].ID)
		}
		srv.FailList(func(offset int) (int, string) {
			if offset == 100 {
				return status, body
			}
			return 0, ""
		})
		raws, err := adapter(t, srv.URL, "acme", tries).List(context.Background())
		return scrapetest.Listing{Raws: raws, Err: err, Mention: "page 2"}
	}, []scrapetest.Failure{
		{Name: "server error on page 2", Status: 500, Body: "oops", Tries: 2, Want: "status 500"},
		{Name: "rate limited 429", Status: 429, Body: "", Tries: 2, Want: "status 429"},
		{Name: "html error page with 200", Status: 200, Body: "<html><body>Something went wrong</body></html>", Tries: 2, Want: "invalid JSON"},
		{Name: "json without content", Status: 200, Body: `{"message":"try later"}`, Tries: 2, Want: "no content"},
		{Name: "empty page before totalFound", Status: 200, Body: `{"totalFound": 150, "content": []}`, Tries: 2, Want: "is empty after 100 of 150 postings"},
		{Name: "first page again", Status: 200, Body: "", Tries: 2, Want: "repeats earlier postings"},
	})
}

func TestListNotFound(t *testing.T) {
	srv := fake.New(t, "acme", jobs(1))
	_, err := adapter(t, srv.URL, "gone", 1).List(context.Background())
	if err == nil || err.Error() != `smartrecruiters: board "gone": not found (404)` {
		t.Fatalf("err = %v", err)
	}
}

func TestListServerErrorAfterRetries(t *testing.T) {
	srv := fake.New(t, "acme", jobs(1))
	srv.FailList(func(int) (int, string) { return 502, "bad gateway" })
	_, err := adapter(t, srv.URL, "acme", 3).List(context.Background())
	if err == nil || !strings.Contains(err.Error(), "status 502") {
		t.Fatalf("err = %v", err)
	}
	if l, _ := srv.Count(); l != 3 {
		t.Fatalf("%d list requests, want 3 attempts", l)
	}
}

func TestListEmptyCompany(t *testing.T) {
	srv := fake.New(t, "acme", nil)
	raws, err := adapter(t, srv.URL, "acme", 1).List(context.Background())
	if err != nil || len(raws) != 0 {
		t.Fatalf("got %d, %v", len(raws), err)
	}
}

func TestDetail(t *testing.T) {
	srv := fake.New(t, "acme", jobs(2))
	a := adapter(t, srv.URL, "acme", 1)
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	d, err := a.Detail(context.Background(), raws[1])
	if err != nil {
		t.Fatal(err)
	}
	wantHTML := "<h2>Company Description</h2>\n<p>Acme builds things.</p>\n" +
		"<h2>Job Description</h2>\n<p>Job 1: build pipelines.</p>\n" +
		"<h2>Qualifications</h2>\n<ul><li>5+ years of Python</li><li>SQL &amp; Spark</li></ul>\n" +
		"<h2>Additional Information</h2>\n<p>Visa sponsorship available.</p>"
	if d.DescriptionHTML != wantHTML {
		t.Errorf("description:\n%s\nwant:\n%s", d.DescriptionHTML, wantHTML)
	}
	if len(d.Sections) != 1 || d.Sections[0].Heading != "Qualifications" ||
		fmt.Sprintf("%q", d.Sections[0].Items) != `["5+ years of Python" "SQL & Spark"]` {
		t.Errorf("sections %+v", d.Sections)
	}
	if d.ID != raws[1].ID || d.Stamp != raws[1].Stamp || !d.Complete || d.Title != "Data Engineer 1" ||
		d.URL != "https://jobs.smartrecruiters.com/acme/744000000000001-data-engineer-1" || d.RequisitionID != "REF1" ||
		d.Posted != "2026-08-10" || d.Team != "Engineering" {
		t.Errorf("detail: %+v", d)
	}
	if _, det := srv.Count(); det != 1 {
		t.Errorf("%d detail requests", det)
	}
}

func TestDetailFailures(t *testing.T) {
	cases := []struct {
		status int
		body   string
		want   string
	}{
		{404, `{"message":"Posting not found"}`, "status 404"},
		{200, "<html>maintenance</html>", "invalid JSON"},
		{200, `{"id": "744000000000000", "name": "x"}`, "no jobAd"},
		{200, `{"id": "1", "name": "x", "jobAd": {"sections": {}}}`, "detail answered for posting 1"},
	}
	for _, c := range cases {
		srv := fake.New(t, "acme", jobs(1))
		srv.FailDetail(func(string) (int, string) { return c.status, c.body })
		a := adapter(t, srv.URL, "acme", 1)
		raws, _ := a.List(context.Background())
		if _, err := a.Detail(context.Background(), raws[0]); err == nil || !strings.Contains(err.Error(), c.want) ||
			!strings.Contains(err.Error(), "posting 744000000000000") {
			t.Errorf("%d %q: err = %v", c.status, c.body, err)
		}
	}
}

func TestHTMLItems(t *testing.T) {
	for in, want := range map[string]string{
		"<ul><li>Python</li><li> SQL <b>and</b>\n Spark </li></ul>": `["Python" "SQL and Spark"]`,
		"<p>A degree.</p><p>3 years of Go.</p>":                     `["A degree." "3 years of Go."]`,
		"• Python<br>• SQL<br/>":                                    `["• Python" "• SQL"]`,
		"<p><strong>Required</strong></p><ul><li>Kafka</li></ul>":   `["Kafka"]`,
		"plain text only": `["plain text only"]`,
		"":                `[]`,
	} {
		if got := fmt.Sprintf("%q", htmlItems(in)); got != want {
			t.Errorf("htmlItems(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestRealFixture(t *testing.T) {
	b := scrapetest.Fixture(t, "smartrecruiters.json")
	srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/companies/knight/postings" {
			http.NotFound(w, r)
			return
		}
		if r.URL.Query().Get("offset") != "0" {
			fmt.Fprint(w, `{"totalFound": 1, "content": []}`)
			return
		}
		w.Write(b)
	})
	raws, err := adapter(t, srv.URL, "knight", 1).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 1 {
		t.Fatalf("got %d postings", len(raws))
	}
	r := raws[0]
	if r.ID != "743999671674844" || r.Title != "CNA  / LPN - Consistent Hours. Start Next Week." || r.RequisitionID != "REF30D" ||
		r.URL != "https://jobs.smartrecruiters.com/knight/743999671674844" || r.Team != "" || r.EmploymentType != "Part-time" ||
		r.Posted != "2018-06-08" || r.Workplace != "onsite" || len(r.Locations) != 1 || r.Locations[0] != "St. Louis, MO, United States" ||
		!strings.HasPrefix(r.Stamp, "2018-06-08T02:11:28.000Z/") || r.Complete {
		t.Fatalf("raw: %+v", r)
	}
}
