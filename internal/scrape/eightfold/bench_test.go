package eightfold

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// benchPages are the two list pages of a board of 20 postings made from the
// real fixture (ids and titles varied), as the bench stand-in serves them.
func benchPages(b *testing.B) [][]byte {
	var fx struct {
		Positions []map[string]any `json:"positions"`
	}
	if err := json.Unmarshal(scrapetest.Fixture(b, "eightfold.json"), &fx); err != nil {
		b.Fatal(err)
	}
	var pages [][]byte
	for p := range 2 {
		var pos []map[string]any
		for i := range 10 {
			n := p*10 + i
			m := map[string]any{}
			for k, v := range fx.Positions[n%len(fx.Positions)] {
				m[k] = v
			}
			id := 1100000000000 + n
			m["id"] = id
			m["name"] = fmt.Sprintf("%v %d", m["name"], n)
			m["canonicalPositionUrl"] = "https://board.example/careers/job/" + strconv.Itoa(id)
			pos = append(pos, m)
		}
		body, err := json.Marshal(map[string]any{"count": 20, "positions": pos})
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, body)
	}
	return pages
}

// BenchmarkListApply is what a quiet cycle asks of the fetch path per
// source of 20 postings: a client for the source, the adapter, and its
// listing (two list pages over HTTP, robots.txt read once per pool), as
// the runner does it. The server answers from memory.
func BenchmarkListApply(b *testing.B) {
	pages := benchPages(b)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.Write([]byte("User-agent: *\nAllow: /\n"))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Query().Get("start") == "0" {
			w.Write(pages[0])
		} else {
			w.Write(pages[1])
		}
	}))
	defer srv.Close()
	opts := scrapetest.Options(1)
	opts.PerHostDelay = 0
	pool := scrape.NewPool(context.Background(), opts)
	src := config.Source{Name: "b", Type: "eightfold", URL: srv.URL, Settings: &Config{Domain: "board.example", Interface: Apply}}
	b.ReportAllocs()
	for b.Loop() {
		c := pool.Client(scrape.Validators{}).Source(srv.URL, false)
		a, err := New(src, c)
		if err != nil {
			b.Fatal(err)
		}
		raws, err := a.List(context.Background())
		if err != nil || len(raws) != 20 {
			b.Fatalf("%d postings, %v", len(raws), err)
		}
	}
}

// BenchmarkDecodeApplyPage is the decode of one list page of 10 postings.
func BenchmarkDecodeApplyPage(b *testing.B) {
	page := benchPages(b)[0]
	e := &Eightfold{base: "https://board.example"}
	b.ReportAllocs()
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := e.decodeApplyPage(page); err != nil {
			b.Fatal(err)
		}
	}
}

// applyURL writes the query url.Values.Encode writes.
func TestApplyURLIsEncode(t *testing.T) {
	for _, teams := range [][]string{nil, {"Data & Insights"}, {"Product", "Data & Insights", "a=b", "é"}} {
		for _, domain := range []string{"netflix.com", "a b&c=d"} {
			e := &Eightfold{base: "https://h.example", domain: domain, teams: teams}
			q := url.Values{}
			q.Set("domain", domain)
			q.Set("start", "30")
			q.Set("num", strconv.Itoa(PageSize))
			for _, t := range teams {
				q.Add("Teams", t)
			}
			if got, want := e.applyURL(30), "https://h.example/api/apply/v2/jobs?"+q.Encode(); got != want {
				t.Errorf("applyURL = %q, want %q", got, want)
			}
		}
	}
}
