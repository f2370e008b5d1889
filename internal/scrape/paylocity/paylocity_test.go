package paylocity

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
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

const guid = "211e692d-c45a-4e3a-ae01-3e497af97929"

func TestDecodeListGolden(t *testing.T) {
	p, err := decodeList(read(t, "paylocity.html"), DefaultBase)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Raws) != 2 || p.Company != "North Carolina Advanced Energy Corporation" {
		t.Fatalf("%d jobs of %q", len(p.Raws), p.Company)
	}
	r := p.Raws[0]
	if r.ID != "4141169" || r.Title != "Engineer/Associate Engineer, Power Systems" || r.URL != DefaultBase+"/Recruiting/Jobs/Details/4141169" ||
		strings.Join(r.Locations, "|") != "Raleigh, NC, USA" || r.Workplace != "hybrid" || r.Posted != "2026-08-08" || r.Complete || r.Stamp == "" {
		t.Fatalf("raw: %+v", r)
	}
	golden(t, "paylocity.golden.json", p.Raws)
}

func TestDecodeDetailGolden(t *testing.T) {
	p, _ := decodeList(read(t, "paylocity.html"), DefaultBase)
	d, err := decodeDetail(read(t, "details.html"), p.Raws[0])
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Salary{{Min: 75000, Max: 95000, Currency: "USD", Period: "year"}}
	if !d.Complete || !strings.Contains(d.DescriptionHTML, "<li>BS in Electrical Engineering</li>") || d.EmploymentType != "FULL_TIME" ||
		fmt.Sprint(d.Salary) != fmt.Sprint(want) || d.Workplace != "hybrid" || d.ID != "4141169" || d.Stamp != p.Raws[0].Stamp {
		t.Fatalf("detail: %+v", d)
	}
	golden(t, "paylocity_detail.golden.json", d)
}

func TestRemoteAndPlainLocations(t *testing.T) {
	page := `<script>window.pageData = {"Jobs":[{"JobId":1,"JobTitle":"A","LocationName":"Remote - US","IsRemote":true},
		{"JobId":2,"JobTitle":"B","LocationName":"Main Office","JobLocation":{"Name":"Main Office","City":"Austin","State":"TX"}}]};</script>`
	p, err := decodeList([]byte(page), DefaultBase)
	if err != nil {
		t.Fatal(err)
	}
	if p.Raws[0].Workplace != "remote" || strings.Join(p.Raws[0].Locations, "|") != "Remote - US" ||
		p.Raws[1].Workplace != "" || strings.Join(p.Raws[1].Locations, "|") != "Austin, TX" {
		t.Fatalf("%+v", p.Raws)
	}
}

func client(attempts int) *scrape.Client {
	return scrape.NewPool(context.Background(), scrape.Options{
		UserAgent: "careers-watcher-test/1.0", Timeout: 5 * time.Second, MaxBody: 1 << 20, Robots: true,
		Retry: retry.Policy{Attempts: attempts, Base: time.Millisecond, Max: 5 * time.Millisecond},
	}).Client(scrape.Validators{})
}

func serve(t *testing.T, pages map[string]string, codes map[string]int) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if c := codes[r.URL.Path]; c != 0 {
			w.WriteHeader(c)
			return
		}
		b, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, b)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func adapter(t *testing.T, url string, attempts int) *Adapter {
	t.Helper()
	a, err := New("ncaec", Config{Board: guid, URL: url}, client(attempts))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestListAndDetail(t *testing.T) {
	srv := serve(t, map[string]string{
		"/recruiting/jobs/All/" + guid:     string(read(t, "paylocity.html")),
		"/Recruiting/Jobs/Details/4141169": string(read(t, "details.html")),
	}, map[string]int{"/Recruiting/Jobs/Details/4401262": 502})
	a := adapter(t, srv.URL, 2)
	raws, err := a.List(context.Background())
	if err != nil || len(raws) != 2 || raws[0].URL != srv.URL+"/Recruiting/Jobs/Details/4141169" {
		t.Fatalf("%+v, %v", raws, err)
	}
	d, err := a.Detail(context.Background(), raws[0])
	if err != nil || !d.Complete || len(d.Salary) != 1 {
		t.Fatalf("%+v, %v", d, err)
	}
	_, err = a.Detail(context.Background(), raws[1])
	if err == nil || !strings.HasPrefix(err.Error(), `paylocity: board "`+guid+`": job 4401262: `) || !strings.Contains(err.Error(), "status 502") {
		t.Fatalf("err = %v", err)
	}
}

func TestDetailPageWithoutPosting(t *testing.T) {
	// what Paylocity serves for a closed job: a page, status 200, no posting
	srv := serve(t, map[string]string{"/Recruiting/Jobs/Details/9": "<html><body><h1>Job Not Found</h1></body></html>"}, nil)
	_, err := adapter(t, srv.URL, 1).Detail(context.Background(), model.Raw{ID: "9", URL: srv.URL + "/Recruiting/Jobs/Details/9"})
	if err == nil || !strings.Contains(err.Error(), "no schema.org JobPosting with a description on the page") {
		t.Fatalf("err = %v", err)
	}
}

func TestListFailures(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"a page without pageData", "<html><body><h1>Job Not Found</h1></body></html>", "no window.pageData on the page"},
		{"pageData without jobs", `<script>window.pageData = {"ModuleTitle":"X"};</script>`, "no Jobs in window.pageData"},
		{"cut pageData", `<script>window.pageData = {"Jobs":[{"JobId":1`, "window.pageData: unexpected EOF"},
		{"job without id", `<script>window.pageData = {"Jobs":[{"JobTitle":"A"}]};</script>`, `job 1 ("A") has no JobId`},
		{"job listed twice", `<script>window.pageData = {"Jobs":[{"JobId":1},{"JobId":1}]};</script>`, "job 1 listed twice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := serve(t, map[string]string{"/recruiting/jobs/All/" + guid: c.body}, nil)
			raws, err := adapter(t, srv.URL, 1).List(context.Background())
			if err == nil || raws != nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), `paylocity: board "`+guid+`": `) {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
		})
	}
}

func TestEmptyBoardAndNotModified(t *testing.T) {
	body := `<script>window.pageData = {"Jobs":[]};</script>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	a := adapter(t, srv.URL, 1)
	if raws, err := a.List(context.Background()); err != nil || raws == nil || len(raws) != 0 {
		t.Fatalf("first: %v, %v", raws, err)
	}
	if _, err := a.List(context.Background()); !errors.Is(err, scrape.ErrNotModified) {
		t.Fatalf("second: %v", err)
	}
}

func TestConfig(t *testing.T) {
	if _, err := New("src", Config{}, client(1)); err == nil || !strings.HasPrefix(err.Error(), `paylocity: source "src": board is required`) {
		t.Fatalf("err = %v", err)
	}
	a, err := New("src", Config{Board: guid}, client(1))
	if err != nil || a.listURL() != DefaultBase+"/recruiting/jobs/All/"+guid {
		t.Fatalf("%v", err)
	}
}

func TestStampsFollowTheEntries(t *testing.T) {
	one := read(t, "paylocity.html")
	two := bytes.Replace(one, []byte(`"PublishedDate":"2026-08-07T10:57:23-05:00"`), []byte(`"PublishedDate":"2026-08-09T10:57:23-05:00"`), 1)
	a, _ := decodeList(one, DefaultBase)
	b, _ := decodeList(two, DefaultBase)
	if a.Raws[0].Stamp != b.Raws[0].Stamp || a.Raws[1].Stamp == b.Raws[1].Stamp || b.Raws[1].Posted != "2026-08-09" {
		t.Fatalf("stamps %s %s / %s %s", a.Raws[0].Stamp, a.Raws[1].Stamp, b.Raws[0].Stamp, b.Raws[1].Stamp)
	}
}
