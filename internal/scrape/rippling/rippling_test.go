package rippling

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

const uuid = "2f0674e6-f01f-4ecd-b459-e947241c211f"

func TestDecodeListGolden(t *testing.T) {
	p, err := decodeList(scrapetest.Fixture(t, "rippling.json"), "acme")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Raws) != 1 {
		t.Fatalf("%d postings: the two rows of one uuid must merge", len(p.Raws))
	}
	r := p.Raws[0]
	if r.ID != uuid || r.Team != "Sales" || strings.Join(r.Locations, "|") != "Remote (New Jersey, US)|New York, NY" ||
		r.URL != "https://ats.acme.com/acme/jobs/"+uuid || r.Complete || r.Stamp == "" {
		t.Fatalf("raw: %+v", r)
	}
	scrapetest.Golden(t, "rippling", p.Raws)
}

func TestDecodeDetailGolden(t *testing.T) {
	p, _ := decodeList(scrapetest.Fixture(t, "rippling.json"), "acme")
	d, err := decodeDetail(scrapetest.Fixture(t, "rippling_detail.json"), p.Raws[0])
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Salary{{Min: 90000, Max: 110000, Currency: "USD", Period: "year"}}
	if !d.Complete || d.Posted != "2026-09-17" || d.EmploymentType != "Salaried, full-time" || fmt.Sprint(d.Salary) != fmt.Sprint(want) ||
		!strings.HasPrefix(d.DescriptionHTML, "<p>About the role</p>") || !strings.Contains(d.DescriptionHTML, "accounting firms") ||
		d.Stamp != p.Raws[0].Stamp {
		t.Fatalf("detail: %+v", d)
	}
	scrapetest.Golden(t, "rippling_detail", d)
}

func TestStampFollowsTheRows(t *testing.T) {
	one := `[{"uuid":"a","name":"X","workLocation":{"label":"Berlin"}}]`
	two := `[{"uuid":"a","name":"X","workLocation":{"label":"Berlin"}},{"uuid":"a","name":"X","workLocation":{"label":"Paris"}}]`
	p1, _ := decodeList([]byte(one), "acme")
	p2, _ := decodeList([]byte(two), "acme")
	p3, _ := decodeList([]byte(one), "acme")
	if p1.Raws[0].Stamp == p2.Raws[0].Stamp || p1.Raws[0].Stamp != p3.Raws[0].Stamp || p1.Raws[0].URL != "https://ats.rippling.com/acme/jobs/a" {
		t.Fatalf("%+v %+v", p1.Raws, p2.Raws)
	}
}

func TestPeriods(t *testing.T) {
	for in, want := range map[string]string{"YEARLY_ANNUALLY": "year", "Annual": "year", "HOURLY": "hour", "MONTHLY": "month",
		"WEEKLY": "week", "DAILY": "day", "unknown": ""} {
		if got := period(in); got != want {
			t.Errorf("period(%q) = %q, want %q", in, got, want)
		}
	}
}

type api struct {
	list    string
	details map[string]string
	status  map[string]int
	detailN atomic.Int32
}

func (s *api) serve(t *testing.T) *scrapetest.Server {
	t.Helper()
	const prefix = "/platform/api/ats/v1/board/acme/jobs"
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == prefix:
			fmt.Fprint(w, s.list)
		case strings.HasPrefix(r.URL.Path, prefix+"/"):
			s.detailN.Add(1)
			id := strings.TrimPrefix(r.URL.Path, prefix+"/")
			if st := s.status[id]; st != 0 {
				w.WriteHeader(st)
				return
			}
			fmt.Fprint(w, s.details[id])
		default:
			w.WriteHeader(404)
			fmt.Fprint(w, `{"error_code":"RESOURCE_NOT_FOUND","message":"Job Board not found"}`)
		}
	})
}

func adapter(t *testing.T, url string, attempts int) *Adapter {
	t.Helper()
	return scrapetest.NewBoard(t, New, "acme", Config{Board: "acme", URL: url}, attempts)
}

func TestListAndDetail(t *testing.T) {
	s := &api{list: string(scrapetest.Fixture(t, "rippling.json")), details: map[string]string{uuid: string(scrapetest.Fixture(t, "rippling_detail.json"))}}
	a := adapter(t, s.serve(t).URL, 1)
	raws, err := a.List(context.Background())
	if err != nil || len(raws) != 1 {
		t.Fatalf("%+v, %v", raws, err)
	}
	d, err := a.Detail(context.Background(), raws[0])
	if err != nil || !d.Complete || len(d.Salary) != 1 || s.detailN.Load() != 1 {
		t.Fatalf("%+v, %v", d, err)
	}
}

func TestListFailures(t *testing.T) {
	scrapetest.CheckListFailures(t, `rippling: board "acme": `, func(t *testing.T, _ int, body string, tries int) scrapetest.Listing {
		srv := (&api{list: body}).serve(t)
		raws, err := adapter(t, srv.URL, tries).List(context.Background())
		return scrapetest.Listing{Raws: raws, Err: err, Requests: srv.Requests()}
	}, []scrapetest.Failure{
		{Name: "error object instead of the list", Status: 200, Body: `{"error_code":"RESOURCE_NOT_FOUND","message":"Job Board not found"}`, Tries: 1, Want: "not a list of jobs: error_code RESOURCE_NOT_FOUND", Requests: 1},
		{Name: "html page instead of json", Status: 200, Body: "<html><body>Rippling</body></html>", Tries: 1, Want: "invalid JSON", Requests: 1},
		{Name: "null", Status: 200, Body: "null", Tries: 1, Want: "not a list of jobs: null", Requests: 1},
		{Name: "row without uuid", Status: 200, Body: `[{"name":"A"}]`, Tries: 1, Want: `row 1 ("A") has no uuid`, Requests: 1},
	})
	a := scrapetest.NewBoard(t, New, "x", Config{Board: "other", URL: (&api{}).serve(t).URL}, 1)
	if _, err := a.List(context.Background()); err == nil || err.Error() != `rippling: board "other": not found (404)` {
		t.Fatalf("err = %v", err)
	}
}

func TestEmptyBoard(t *testing.T) {
	s := &api{list: "[]"}
	raws, err := adapter(t, s.serve(t).URL, 1).List(context.Background())
	if err != nil || len(raws) != 0 {
		t.Fatalf("%v, %v", raws, err)
	}
}

func TestDetailFailures(t *testing.T) {
	s := &api{list: string(scrapetest.Fixture(t, "rippling.json")), status: map[string]int{"gone": 404},
		details: map[string]string{uuid: `{"uuid":"` + uuid + `","description":{"company":"","role":""}}`, "other": `{"uuid":"` + uuid + `"}`}}
	a := adapter(t, s.serve(t).URL, 1)
	for _, c := range []struct{ id, want string }{
		{uuid, "no description in the response"},
		{"other", "the answer is for job " + uuid},
		{"gone", "status 404"},
	} {
		_, err := a.Detail(context.Background(), model.Raw{ID: c.id})
		if err == nil || !strings.HasPrefix(err.Error(), `rippling: board "acme": job `+c.id+": ") || !strings.Contains(err.Error(), c.want) {
			t.Fatalf("%s: err = %v", c.id, err)
		}
	}
}

func TestConfig(t *testing.T) {
	if _, err := New("src", Config{}, scrapetest.Client(1, scrape.Validators{})); err == nil || !strings.HasPrefix(err.Error(), `rippling: source "src": board is required`) {
		t.Fatalf("err = %v", err)
	}
	a, err := New("src", Config{Board: "acme"}, scrapetest.Client(1, scrape.Validators{}))
	if err != nil || a.listURL() != "https://api.rippling.com/platform/api/ats/v1/board/acme/jobs" {
		t.Fatalf("%v", err)
	}
}
