package rippling

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// golden compares v, as indented JSON, with testdata/name byte for byte.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	path := "testdata/" + name
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Fatalf("%s differs:\n got %s\nwant %s", path, buf.Bytes(), want)
	}
}

const uuid = "2f0674e6-f01f-4ecd-b459-e947241c211f"

func TestDecodeListGolden(t *testing.T) {
	p, err := decodeList(read(t, "rippling.json"), "acme")
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
	golden(t, "rippling.golden.json", p.Raws)
}

func TestDecodeDetailGolden(t *testing.T) {
	p, _ := decodeList(read(t, "rippling.json"), "acme")
	d, err := decodeDetail(read(t, "rippling_detail.json"), p.Raws[0])
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Salary{{Min: 90000, Max: 110000, Currency: "USD", Period: "year"}}
	if !d.Complete || d.Posted != "2026-09-17" || d.EmploymentType != "Salaried, full-time" || fmt.Sprint(d.Salary) != fmt.Sprint(want) ||
		!strings.HasPrefix(d.DescriptionHTML, "<p>About the role</p>") || !strings.Contains(d.DescriptionHTML, "accounting firms") ||
		d.Stamp != p.Raws[0].Stamp {
		t.Fatalf("detail: %+v", d)
	}
	golden(t, "rippling_detail.golden.json", d)
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

func client(attempts int) *scrape.Client {
	return scrape.NewPool(context.Background(), scrape.Options{
		UserAgent: "careers-watcher-test/1.0", Timeout: 5 * time.Second, MaxBody: 1 << 20, Robots: true,
		Retry: retry.Policy{Attempts: attempts, Base: time.Millisecond, Max: 5 * time.Millisecond},
	}).Client(scrape.Validators{})
}

type api struct {
	list    string
	details map[string]string
	status  map[string]int
	detailN atomic.Int32
}

func (s *api) serve(t *testing.T) *httptest.Server {
	t.Helper()
	const prefix = "/platform/api/ats/v1/board/acme/jobs"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
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
	}))
	t.Cleanup(srv.Close)
	return srv
}

func adapter(t *testing.T, url string, attempts int) *Adapter {
	t.Helper()
	a, err := New("acme", Config{Board: "acme", URL: url}, client(attempts))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestListAndDetail(t *testing.T) {
	s := &api{list: string(read(t, "rippling.json")), details: map[string]string{uuid: string(read(t, "rippling_detail.json"))}}
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
	cases := []struct{ name, body, want string }{
		{"error object instead of the list", `{"error_code":"RESOURCE_NOT_FOUND","message":"Job Board not found"}`, "not a list of jobs: error_code RESOURCE_NOT_FOUND"},
		{"html page instead of json", "<html><body>Rippling</body></html>", "invalid JSON"},
		{"null", "null", "not a list of jobs: null"},
		{"row without uuid", `[{"name":"A"}]`, `row 1 ("A") has no uuid`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &api{list: c.body}
			raws, err := adapter(t, s.serve(t).URL, 1).List(context.Background())
			if err == nil || raws != nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), `rippling: board "acme": `) {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
		})
	}
	a, _ := New("x", Config{Board: "other", URL: (&api{}).serve(t).URL}, client(1))
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
	s := &api{list: string(read(t, "rippling.json")), status: map[string]int{"gone": 404},
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
	if _, err := New("src", Config{}, client(1)); err == nil || !strings.HasPrefix(err.Error(), `rippling: source "src": board is required`) {
		t.Fatalf("err = %v", err)
	}
	a, err := New("src", Config{Board: "acme"}, client(1))
	if err != nil || a.listURL() != "https://api.rippling.com/platform/api/ats/v1/board/acme/jobs" {
		t.Fatalf("%v", err)
	}
}
