package scrape_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/bamboohr"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold"
	"github.com/careers-watcher/careers-watcher/internal/scrape/jobvite"
	"github.com/careers-watcher/careers-watcher/internal/scrape/phenom"
	"github.com/careers-watcher/careers-watcher/internal/scrape/rippling"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/smartrecruiters"
	"github.com/careers-watcher/careers-watcher/internal/scrape/workable"
)

// TestIDSegment: every spelling of a dot segment is refused, naming the
// id; other ids are escaped as Segment does.
func TestIDSegment(t *testing.T) {
	for _, id := range []string{".", "..", "%2e", "%2E", "%2e%2E", ".%2E", "%2e."} {
		s, err := scrape.IDSegment(id)
		if err == nil || !strings.Contains(err.Error(), `"`+id+`"`) {
			t.Errorf("IDSegment(%q) = %q, %v; want an error naming the id", id, s, err)
		}
	}
	for _, id := range []string{"42", "...", "a.b", "a/b", "a+b"} {
		if s, err := scrape.IDSegment(id); err != nil || s != scrape.Segment(id) {
			t.Errorf("IDSegment(%q) = %q, %v; want %q", id, s, err, scrape.Segment(id))
		}
	}
}

// TestDotIDDetails: a posting id from the platform's answer that is a dot
// segment fails that posting's detail with an error naming the platform
// and the id, and no request leaves (the parser that sends requests would
// collapse it into a parent path); a normal id's detail request reaches
// the posting's own path. One case per adapter whose detail URL is built
// from the id with scrape.IDSegment (phenom: its page URL, JobURL).
func TestDotIDDetails(t *testing.T) {
	type newAdapter func(t *testing.T, base string, c *scrape.Client) scrape.Adapter
	must := func(t *testing.T, a scrape.Adapter, err error) scrape.Adapter {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	cases := []struct {
		platform string
		new      newAdapter
		path     string // the detail path of id 42
	}{
		{"workable", func(t *testing.T, base string, c *scrape.Client) scrape.Adapter {
			a, err := workable.New(config.Source{Name: "s", Type: "workable", URL: base, Settings: &scrape.Board{Board: "acme"}}, c)
			return must(t, a, err)
		}, "/api/v2/accounts/acme/jobs/42"},
		{"jobvite", func(t *testing.T, base string, c *scrape.Client) scrape.Adapter {
			a, err := jobvite.New("s", jobvite.Config{Board: "acme", URL: base}, c)
			return must(t, a, err)
		}, "/acme/job/42"},
		{"bamboohr", func(t *testing.T, base string, c *scrape.Client) scrape.Adapter {
			a, err := bamboohr.New("s", bamboohr.Config{Board: "acme", URL: base}, c)
			return must(t, a, err)
		}, "/careers/42/detail"},
		{"rippling", func(t *testing.T, base string, c *scrape.Client) scrape.Adapter {
			a, err := rippling.New("s", rippling.Config{Board: "acme", URL: base}, c)
			return must(t, a, err)
		}, "/platform/api/ats/v1/board/acme/jobs/42"},
		{"smartrecruiters", func(t *testing.T, base string, c *scrape.Client) scrape.Adapter {
			a, err := smartrecruiters.New(config.Source{Name: "s", Type: "smartrecruiters", URL: base, Settings: &scrape.Board{Board: "acme"}}, c)
			return must(t, a, err)
		}, "/v1/companies/acme/postings/42"},
		{"eightfold", func(t *testing.T, base string, c *scrape.Client) scrape.Adapter {
			a, err := eightfold.New(config.Source{Name: "s", Type: "eightfold", URL: base, Settings: &eightfold.Config{Domain: "acme.example", Interface: eightfold.Apply}}, c)
			return must(t, a, err)
		}, "/api/apply/v2/jobs/42"},
		{"phenom", func(t *testing.T, base string, c *scrape.Client) scrape.Adapter {
			a, err := phenom.New("s", phenom.Config{URL: base + "/global/en/search-results"}, c)
			return must(t, a, err)
		}, "/global/en/job/42"},
	}
	for _, tc := range cases {
		t.Run(tc.platform, func(t *testing.T) {
			var mu sync.Mutex
			var paths []string
			srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				paths = append(paths, r.URL.Path)
				mu.Unlock()
				http.NotFound(w, r)
			})
			seen := func() []string {
				mu.Lock()
				defer mu.Unlock()
				return append([]string(nil), paths...)
			}
			a := tc.new(t, srv.URL, scrapetest.Client(1, nil))
			for _, id := range []string{"..", "%2e%2E", "."} {
				_, err := a.Detail(context.Background(), model.Raw{ID: id, Title: "x"})
				if err == nil || !strings.Contains(err.Error(), tc.platform+":") || !strings.Contains(err.Error(), `"`+id+`"`) {
					t.Errorf("detail of id %q: error %v, want one naming %s and the id", id, err, tc.platform)
				}
			}
			if p := seen(); len(p) != 0 {
				t.Fatalf("dot ids sent requests to %q", p)
			}
			// a normal id still goes out, to its own path (the fake has
			// no posting: the 404 is the answer, not the point)
			a.Detail(context.Background(), model.Raw{ID: "42", Title: "x"})
			if p := seen(); len(p) == 0 || p[0] != tc.path {
				t.Errorf("detail of id 42 requested %q, want %s", p, tc.path)
			}
		})
	}
}
