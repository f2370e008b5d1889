package neogov

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

func fixture(t *testing.T) []byte {
	t.Helper()
	return scrapetest.Fixture(t, "neogov.xml")
}

// serve answers the feed of agency "fulton" with status and body.
func serve(t *testing.T, status int, body []byte) *scrapetest.Server {
	t.Helper()
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/SearchEngine/JobsFeed" || r.URL.Query().Get("agency") != "fulton" {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.WriteHeader(status)
		w.Write(body)
	})
}

func adapter(t *testing.T, base string, attempts int) *Adapter {
	t.Helper()
	return scrapetest.NewBoard(t, New, "fulton", Config{URL: base, Agency: "fulton"}, attempts)
}

func TestDecodeGolden(t *testing.T) {
	p, err := decodeList(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	raws := p.Raws
	scrapetest.Golden(t, "neogov", raws)
	if len(raws) != 2 {
		t.Fatalf("%d postings", len(raws))
	}
	r := raws[0]
	want := []model.Salary{{Min: 135000, Max: 175000, Currency: "USD", Period: "year"}}
	if r.ID != "410001" || r.Posted != "2026-08-19" || r.Team != "Information Technology" ||
		fmt.Sprint(r.Salary) != fmt.Sprint(want) || strings.Join(r.Locations, "|") != "Atlanta, Georgia" ||
		!strings.Contains(r.DescriptionHTML, "<h3>Examples of Duties</h3>\n<p>Own architecture") ||
		!strings.Contains(r.DescriptionHTML, "A background check is required.") || !r.Complete {
		t.Fatalf("first: %+v", r)
	}
	r = raws[1]
	want = []model.Salary{{Min: 65, Max: 85, Currency: "USD", Period: "hour"}}
	// no advertiseFromDateUTC: the pubDate's day; no department: the category
	if r.Posted != "2026-08-18" || r.Team != "Project Management" || r.Workplace != "remote" ||
		fmt.Sprint(r.Salary) != fmt.Sprint(want) {
		t.Fatalf("second: %+v", r)
	}
}

func TestDecodeVariants(t *testing.T) {
	body := `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:joblisting="https://www.schooljobs.com"><channel><title>x</title>
<item><link>https://www.schooljobs.com/careers/tps/jobs/5409269</link><title>Specialist</title>
<description><![CDATA[<p>Salary Level</p>]]></description>
<joblisting:jobType>Full time</joblisting:jobType><joblisting:location>Foss High</joblisting:location>
<joblisting:state>WA</joblisting:state><joblisting:minimumSalary>2,000.50</joblisting:minimumSalary>
<joblisting:salaryInterval>Bi-Weekly</joblisting:salaryInterval><joblisting:salaryCurrency>usd</joblisting:salaryCurrency></item>
<item><guid>https://www.schooljobs.com/careers/tps/jobs/7</guid><title>Odd pay</title>
<joblisting:minimumSalary>10</joblisting:minimumSalary><joblisting:salaryInterval>Per Visit</joblisting:salaryInterval></item>
</channel></rss>`
	p, err := decodeList([]byte(body))
	raws := p.Raws
	if err != nil || len(raws) != 2 {
		t.Fatalf("%+v, %v", raws, err)
	}
	r := raws[0]
	want := []model.Salary{{Min: 52013, Max: 52013, Currency: "USD", Period: "year"}}
	if r.ID != "5409269" || r.EmploymentType != "Full time" || strings.Join(r.Locations, "|") != "Foss High, WA" ||
		fmt.Sprint(r.Salary) != fmt.Sprint(want) || r.DescriptionHTML != "<p>Salary Level</p>" {
		t.Fatalf("first: %+v", r)
	}
	if raws[1].ID != "7" || raws[1].URL != "https://www.schooljobs.com/careers/tps/jobs/7" || raws[1].Salary != nil {
		t.Fatalf("second: %+v", raws[1])
	}
}

func TestStampFollowsEveryField(t *testing.T) {
	pa, _ := decodeList(fixture(t))
	pb, _ := decodeList(bytes.Replace(fixture(t), []byte("A background check is required."), []byte("A background check and a drug test are required."), 1))
	a, b := pa.Raws, pb.Raws
	if a[0].Stamp == b[0].Stamp || a[1].Stamp != b[1].Stamp {
		t.Fatalf("stamps %s %s / %s %s", a[0].Stamp, b[0].Stamp, a[1].Stamp, b[1].Stamp)
	}
}

func TestListAndNotModified(t *testing.T) {
	srv := serve(t, 200, fixture(t))
	a := adapter(t, srv.URL, 1)
	raws, err := a.List(context.Background())
	if err != nil || len(raws) != 2 || srv.Requests() != 1 {
		t.Fatalf("%d postings in %d requests, %v", len(raws), srv.Requests(), err)
	}
	want, _ := decodeList(fixture(t))
	if fmt.Sprintf("%+v", raws) != fmt.Sprintf("%+v", want.Raws) {
		t.Fatalf("list differs from decodeList")
	}
	d, err := a.Detail(context.Background(), raws[0])
	if err != nil || d.DescriptionHTML != raws[0].DescriptionHTML || srv.Requests() != 1 {
		t.Fatalf("detail: %v, %d requests", err, srv.Requests())
	}
	raws, err = a.List(context.Background())
	if !errors.Is(err, scrape.ErrNotModified) || raws != nil {
		t.Fatalf("second list: %v, %v", raws, err)
	}
}

func TestEmptyFeed(t *testing.T) {
	srv := serve(t, 200, []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Agency</title></channel></rss>`))
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil || len(raws) != 0 {
		t.Fatalf("%v, %v", raws, err)
	}
}

func TestListFailures(t *testing.T) {
	serveText := func(t *testing.T, status int, body string) *scrapetest.Server { return serve(t, status, []byte(body)) }
	scrapetest.CheckListFailures(t, `neogov: board "fulton": `, scrapetest.Served(serveText, adapter), []scrapetest.Failure{
		{Name: "server error", Status: 500, Body: "oops", Tries: 2, Want: "status 500", Requests: 2},
		{Name: "html error page with 200", Status: 200, Body: "<html><body>Maintenance</body></html>", Tries: 2, Want: "not an RSS feed", Requests: 1},
		{Name: "truncated feed", Status: 200, Body: string(fixture(t)[:1500]), Tries: 2, Want: "not an RSS feed", Requests: 1},
		{Name: "rss without channel", Status: 200, Body: `<rss version="2.0"></rss>`, Tries: 2, Want: "without a channel", Requests: 1},
		{Name: "item without id", Status: 200, Body: `<rss><channel><item><title>A</title></item></channel></rss>`, Tries: 2, Want: `item 1: "A" has no jobId`, Requests: 1},
	})
}

func TestNotFound(t *testing.T) {
	srv := serve(t, 200, nil)
	a := scrapetest.NewBoard(t, New, "x", Config{URL: srv.URL, Agency: "gone"}, 1)
	if _, err := a.List(context.Background()); err == nil || err.Error() != `neogov: board "gone": not found (404)` {
		t.Fatalf("err = %v", err)
	}
}

func TestConfig(t *testing.T) {
	if _, err := New("x", Config{}, scrapetest.Client(1, scrape.Validators{})); err == nil || err.Error() != `neogov: source "x": board (the agency slug) is required` {
		t.Fatalf("err = %v", err)
	}
	a := scrapetest.NewBoard(t, New, "x", Config{Agency: "fulton"}, 1)
	if a.FeedURL() != "https://www.governmentjobs.com/SearchEngine/JobsFeed?agency=fulton" {
		t.Fatal(a.FeedURL())
	}
	a = scrapetest.NewBoard(t, New, "x", Config{Agency: "tacoma public", URL: "https://www.schooljobs.com/"}, 1)
	if a.FeedURL() != "https://www.schooljobs.com/SearchEngine/JobsFeed?agency=tacoma+public" {
		t.Fatal(a.FeedURL())
	}
}
