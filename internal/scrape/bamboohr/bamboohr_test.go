package bamboohr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

const base = "https://acme.bamboohr.com"

func TestDecodeListGolden(t *testing.T) {
	p, err := decodeList(scrapetest.Fixture(t, "bamboohr.json"), base)
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 3 || len(p.Raws) != 2 {
		t.Fatalf("total %d, %d openings", p.Total, len(p.Raws))
	}
	r := p.Raws[0]
	if r.ID != "86" || r.Title != "Nurse Paralegal" || r.URL != base+"/careers/86" || r.Team != "Legal" ||
		r.EmploymentType != "Full Time" || strings.Join(r.Locations, "|") != "Fort Lauderdale, Florida" ||
		r.Workplace != "onsite" || r.Complete || r.Stamp == "" {
		t.Fatalf("raw: %+v", r)
	}
	if p.Raws[1].Team != "Marketing" || p.Raws[1].EmploymentType != "Internship" || p.Raws[1].Stamp == r.Stamp {
		t.Fatalf("raw: %+v", p.Raws[1])
	}
	scrapetest.Golden(t, "bamboohr", p.Raws)
}

func TestDecodeDetailGolden(t *testing.T) {
	p, err := decodeList(scrapetest.Fixture(t, "bamboohr.json"), base)
	if err != nil {
		t.Fatal(err)
	}
	d, err := decodeDetail(scrapetest.Fixture(t, "bamboohr_detail.json"), p.Raws[0])
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Salary{{Min: 25, Max: 30, Currency: "USD", Period: "hour"}}
	if !d.Complete || d.Posted != "2026-07-06" || d.Workplace != "hybrid" || fmt.Sprint(d.Salary) != fmt.Sprint(want) ||
		!strings.Contains(d.DescriptionHTML, "<li>Two years of paralegal experience</li>") || d.Stamp != p.Raws[0].Stamp {
		t.Fatalf("detail: %+v", d)
	}
	scrapetest.Golden(t, "bamboohr_detail", d)
}

func TestRemoteOpeningNamesItsArea(t *testing.T) {
	body := `{"meta":{"totalCount":1},"result":[{"id":"117","jobOpeningName":"Test Engineer","departmentLabel":null,
		"employmentStatusLabel":"Full-Time","location":{"city":null,"state":null},
		"atsLocation":{"country":"United States","state":"North Carolina","province":null,"city":"US East"},
		"isRemote":null,"locationType":"1"}]}`
	p, err := decodeList([]byte(body), base)
	if err != nil {
		t.Fatal(err)
	}
	r := p.Raws[0]
	if strings.Join(r.Locations, "|") != "US East, North Carolina, United States" || r.Workplace != "remote" || r.Team != "" {
		t.Fatalf("raw: %+v", r)
	}
}

// site serves a careers host: the list, and details from details (id ->
// status and body).
type site struct {
	list    string
	details map[string]string
	failing map[string]int // id -> status
	detailN atomic.Int32
}

func (s *site) serve(t *testing.T) *scrapetest.Server {
	t.Helper()
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/careers/list" {
			fmt.Fprint(w, s.list)
			return
		}
		id, ok := strings.CutPrefix(r.URL.Path, "/careers/")
		if id, ok = strings.CutSuffix(id, "/detail"); ok {
			s.detailN.Add(1)
			if st := s.failing[id]; st != 0 {
				w.WriteHeader(st)
				return
			}
			if b, ok := s.details[id]; ok {
				fmt.Fprint(w, b)
				return
			}
		}
		http.NotFound(w, r)
	})
}

func adapter(t *testing.T, url string, attempts int) *Adapter {
	t.Helper()
	return scrapetest.NewBoard(t, New, "acme", Config{Board: "acme", URL: url}, attempts)
}

// whole is the fixture with its totalCount matching the two openings it
// holds.
func whole(t *testing.T) string {
	return strings.Replace(string(scrapetest.Fixture(t, "bamboohr.json")), `"totalCount": 3`, `"totalCount": 2`, 1)
}

func TestListAndDetail(t *testing.T) {
	s := &site{list: whole(t), details: map[string]string{"86": string(scrapetest.Fixture(t, "bamboohr_detail.json"))}}
	srv := s.serve(t)
	a := adapter(t, srv.URL+"/", 1)
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 2 || raws[0].URL != srv.URL+"/careers/86" || raws[0].Complete {
		t.Fatalf("list: %+v", raws)
	}
	d, err := a.Detail(context.Background(), raws[0])
	if err != nil {
		t.Fatal(err)
	}
	if !d.Complete || d.Posted != "2026-07-06" || len(d.Salary) != 1 || d.ID != "86" {
		t.Fatalf("detail: %+v", d)
	}
}

func TestShortListingIsAnError(t *testing.T) {
	// the captured answer as it is: totalCount 3, two openings
	s := &site{list: string(scrapetest.Fixture(t, "bamboohr.json"))}
	srv := s.serve(t)
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err == nil || raws != nil || !strings.Contains(err.Error(), "2 openings where meta.totalCount says 3: listing incomplete") ||
		!strings.HasPrefix(err.Error(), `bamboohr: board "acme": `) {
		t.Fatalf("%v, %v", raws, err)
	}
}

func TestListFailures(t *testing.T) {
	scrapetest.CheckListFailures(t, `bamboohr: board "acme": `, func(t *testing.T, _ int, body string, tries int) scrapetest.Listing {
		srv := (&site{list: body}).serve(t)
		raws, err := adapter(t, srv.URL, tries).List(context.Background())
		return scrapetest.Listing{Raws: raws, Err: err, Requests: srv.Requests(), Mention: srv.URL + "/careers/list"}
	}, []scrapetest.Failure{
		{Name: "html page instead of json", Status: 200, Body: "<!doctype html><html><body>BambooHR</body></html>", Tries: 1, Want: "invalid JSON", Requests: 1},
		{Name: "json without result", Status: 200, Body: `{"meta":{"totalCount":0}}`, Tries: 1, Want: "no result in the response", Requests: 1},
		{Name: "opening without id", Status: 200, Body: `{"result":[{"jobOpeningName":"A"}]}`, Tries: 1, Want: `opening 1 ("A") has no id`, Requests: 1},
		{Name: "opening listed twice", Status: 200, Body: `{"result":[{"id":"1"},{"id":"1"}]}`, Tries: 1, Want: "opening 1 listed twice", Requests: 1},
	})
}

func TestEmptyBoard(t *testing.T) {
	s := &site{list: `{"meta":{"totalCount":0},"result":[]}`}
	raws, err := adapter(t, s.serve(t).URL, 1).List(context.Background())
	if err != nil || len(raws) != 0 {
		t.Fatalf("%v, %v", raws, err)
	}
}

func TestDetailFailures(t *testing.T) {
	s := &site{list: whole(t), failing: map[string]int{"86": 500},
		details: map[string]string{"87": `{"result":{"jobOpening":{"description":""}}}`}}
	srv := s.serve(t)
	a := adapter(t, srv.URL, 2)
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	_, err = a.Detail(context.Background(), raws[0])
	if err == nil || !strings.Contains(err.Error(), `bamboohr: board "acme": opening 86: `) || !strings.Contains(err.Error(), "status 500") ||
		s.detailN.Load() != 2 {
		t.Fatalf("err = %v after %d detail requests", err, s.detailN.Load())
	}
	_, err = a.Detail(context.Background(), raws[1])
	if err == nil || !strings.Contains(err.Error(), "opening 87") || !strings.Contains(err.Error(), "no description") {
		t.Fatalf("err = %v", err)
	}
}

func TestNotModified(t *testing.T) {
	body := whole(t)
	srv := scrapetest.NewSite(t, map[string]string{"/careers/list": "=" + body}, false)
	srv.ETag = `"v1"`
	a := adapter(t, srv.URL, 1)
	if raws, err := a.List(context.Background()); err != nil || len(raws) != 2 {
		t.Fatalf("first: %d, %v", len(raws), err)
	}
	if raws, err := a.List(context.Background()); !errors.Is(err, scrape.ErrNotModified) || raws != nil {
		t.Fatalf("second: %v, %v", raws, err)
	}
}

func TestConfig(t *testing.T) {
	if err := (Config{}).Validate(); err == nil || !strings.Contains(err.Error(), "board is required") {
		t.Fatalf("err = %v", err)
	}
	if err := (Config{Board: "x", URL: "ftp://x"}).Validate(); err == nil || !strings.Contains(err.Error(), "url") {
		t.Fatalf("err = %v", err)
	}
	if _, err := New("src", Config{}, scrapetest.Client(1, scrape.Validators{})); err == nil || !strings.HasPrefix(err.Error(), `bamboohr: source "src": board is required`) {
		t.Fatalf("err = %v", err)
	}
	a, err := New("src", Config{Board: "Acme"}, scrapetest.Client(1, scrape.Validators{}))
	if err != nil || a.listURL() != "https://acme.bamboohr.com/careers/list" {
		t.Fatalf("%v, %v", a, err)
	}
}

func TestStampsFollowTheEntries(t *testing.T) {
	one := scrapetest.Fixture(t, "bamboohr.json")
	two := bytes.Replace(one, []byte(`"Marketing & Social Media Intern"`), []byte(`"Marketing Intern"`), 1)
	a, _ := decodeList(one, base)
	b, _ := decodeList(two, base)
	if a.Raws[0].Stamp != b.Raws[0].Stamp || a.Raws[1].Stamp == b.Raws[1].Stamp {
		t.Fatalf("stamps %s %s / %s %s", a.Raws[0].Stamp, a.Raws[1].Stamp, b.Raws[0].Stamp, b.Raws[1].Stamp)
	}
}
