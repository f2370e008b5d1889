package pinpoint

import (
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

const base = "https://acme.pinpointhq.com"

func TestDecodeListGolden(t *testing.T) {
	p, err := decodeList(scrapetest.Fixture(t, "pinpoint.json"), base)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Raws) != 2 {
		t.Fatalf("%d postings", len(p.Raws))
	}
	r := p.Raws[0]
	wantPay := []model.Salary{{Min: 135000, Max: 198000, Currency: "USD", Period: "year"}}
	if r.ID != "post-001" || r.URL != base+"/en/postings/post-001" || r.RequisitionID != "REQ-001" || r.Team != "Technology" ||
		strings.Join(r.Locations, "|") != "United States" || r.Workplace != "remote" || fmt.Sprint(r.Salary) != fmt.Sprint(wantPay) ||
		!r.Complete || !strings.Contains(r.DescriptionHTML, "<h3>What you will do</h3>\n<ul><li>Own architecture decisions.</li></ul>") ||
		!strings.Contains(r.DescriptionHTML, "<h3>Benefits</h3>") {
		t.Fatalf("raw: %+v", r)
	}
	r = p.Raws[1]
	wantPay = []model.Salary{{Min: 70, Max: 90, Currency: "USD", Period: "hour"}}
	if r.URL != base+"/postings/post-002" || r.Team != "Consulting" || r.RequisitionID != "" || r.Workplace != "hybrid" ||
		fmt.Sprint(r.Salary) != fmt.Sprint(wantPay) || strings.Contains(r.DescriptionHTML, "<h3>") ||
		!strings.Contains(r.DescriptionHTML, "<p>Program leadership experience.</p>") {
		t.Fatalf("raw: %+v", r)
	}
	scrapetest.Golden(t, "pinpoint", p.Raws)
}

func TestHiddenPayIsLeftOut(t *testing.T) {
	body := `{"data":[{"id":7,"title":"A","description":"<p>x</p>","compensation_minimum":1,"compensation_maximum":2,
		"compensation_currency":"GBP","compensation_frequency":"year","compensation_visible":false}]}`
	p, err := decodeList([]byte(body), base)
	if err != nil || p.Raws[0].ID != "7" || p.Raws[0].Salary != nil {
		t.Fatalf("%+v, %v", p.Raws, err)
	}
}

func TestStampFollowsTheEntry(t *testing.T) {
	a, _ := decodeList([]byte(`{"data":[{"id":"1","title":"A","description":"<p>x</p>"}]}`), base)
	b, _ := decodeList([]byte(`{"data":[{"id":"1","title":"A","description":"<p>y</p>"}]}`), base)
	c, _ := decodeList([]byte(`{"data":[{"id":"1","title":"A","description":"<p>x</p>"}]}`), base)
	if a.Raws[0].Stamp == b.Raws[0].Stamp || a.Raws[0].Stamp != c.Raws[0].Stamp {
		t.Fatalf("stamps %s %s %s", a.Raws[0].Stamp, b.Raws[0].Stamp, c.Raws[0].Stamp)
	}
}

func serve(t *testing.T, status int, body string) *scrapetest.Server {
	t.Helper()
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/postings.json" {
			http.NotFound(w, r)
			return
		}
		scrapetest.Body(status, body)(w, r)
	})
}

func adapter(t *testing.T, url string, attempts int) *Adapter {
	t.Helper()
	return scrapetest.NewBoard(t, New, "acme", Config{Board: "acme", URL: url}, attempts)
}

func TestListOnTheFixture(t *testing.T) {
	srv := serve(t, 200, string(scrapetest.Fixture(t, "pinpoint.json")))
	a := adapter(t, srv.URL, 1)
	raws, err := a.List(context.Background())
	if err != nil || len(raws) != 2 || srv.Requests() != 1 || raws[1].URL != srv.URL+"/postings/post-002" {
		t.Fatalf("%+v, %v, %d requests", raws, err, srv.Requests())
	}
	d, err := a.Detail(context.Background(), raws[0])
	if err != nil || d.DescriptionHTML != raws[0].DescriptionHTML || srv.Requests() != 1 {
		t.Fatalf("detail made a request or changed the posting: %v", err)
	}
}

func TestListFailures(t *testing.T) {
	scrapetest.CheckListFailures(t, `pinpoint: board "acme": `, scrapetest.Served(serve, adapter), []scrapetest.Failure{
		{Name: "html page instead of json", Status: 200, Body: "<!DOCTYPE html><html><body>Not found</body></html>", Tries: 1, Want: "invalid JSON", Requests: 1},
		{Name: "json without data", Status: 200, Body: `{"error":"nope"}`, Tries: 1, Want: "no data in the response", Requests: 1},
		{Name: "posting without id", Status: 200, Body: `{"data":[{"title":"A"}]}`, Tries: 1, Want: `posting 1: "A" has no id`, Requests: 1},
		{Name: "posting twice", Status: 200, Body: `{"data":[{"id":"1"},{"id":"1"}]}`, Tries: 1, Want: "posting 1 listed twice", Requests: 1},
		{Name: "server error", Status: 503, Body: "busy", Tries: 2, Want: "status 503", Requests: 2},
		{Name: "no such board", Status: 404, Tries: 1, Want: "not found (404)", Requests: 1},
	})
}

func TestEmptyBoard(t *testing.T) {
	srv := serve(t, 200, `{"data":[]}`)
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil || len(raws) != 0 {
		t.Fatalf("%v, %v", raws, err)
	}
}

func TestNotModified(t *testing.T) {
	body := string(scrapetest.Fixture(t, "pinpoint.json"))
	srv := scrapetest.NewSite(t, map[string]string{"/postings.json": "=" + body}, false)
	srv.ETag = `"v1"`
	a := adapter(t, srv.URL, 1)
	if raws, err := a.List(context.Background()); err != nil || len(raws) != 2 {
		t.Fatalf("first: %v", err)
	}
	if _, err := a.List(context.Background()); !errors.Is(err, scrape.ErrNotModified) {
		t.Fatalf("second: %v", err)
	}
}

func TestConfig(t *testing.T) {
	if _, err := New("src", Config{}, scrapetest.Client(1, scrape.Validators{})); err == nil || !strings.HasPrefix(err.Error(), `pinpoint: source "src": board is required`) {
		t.Fatalf("err = %v", err)
	}
	if err := (Config{Board: "x", URL: "x"}).Validate(); err == nil || !strings.Contains(err.Error(), `url "x"`) {
		t.Fatalf("err = %v", err)
	}
	a, err := New("src", Config{Board: "Acme"}, scrapetest.Client(1, scrape.Validators{}))
	if err != nil || a.listURL() != "https://acme.pinpointhq.com/postings.json" {
		t.Fatalf("%v", err)
	}
}
