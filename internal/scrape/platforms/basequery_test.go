package platforms_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	eightfake "github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/scrape/platforms"
	srfake "github.com/careers-watcher/careers-watcher/internal/scrape/smartrecruiters/fake"
	wdfake "github.com/careers-watcher/careers-watcher/internal/scrape/workday/fake"
)

// recorder is a server that records the URL of every request and answers
// it with next (a platform's fake), or 404 without one.
type recorder struct {
	*httptest.Server
	mu   sync.Mutex
	urls []*url.URL
}

func newRecorder(t *testing.T, next string) *recorder {
	r := &recorder{}
	var h http.Handler = http.NotFoundHandler()
	if next != "" {
		target, _ := url.Parse(next)
		h = httputil.NewSingleHostReverseProxy(target)
	}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		u := *req.URL
		r.urls = append(r.urls, &u)
		r.mu.Unlock()
		h.ServeHTTP(w, req)
	}))
	t.Cleanup(r.Close)
	return r
}

// check says what is wrong with the requests made: each must carry the
// base url's query (api_key once, its value, x=1), the adapter's own
// parameters not repeated, nothing of the query in the path.
func (r *recorder) check(t *testing.T, key string) []string {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.urls) == 0 {
		t.Fatal("no request made")
	}
	var out []string
	for _, u := range r.urls {
		q := u.Query()
		if got := q["api_key"]; len(got) != 1 || got[0] != key || q.Get("x") != "1" || strings.Contains(u.Path, "api_key") {
			t.Errorf("request %s does not carry the base url's query once", u)
		}
		for k, vs := range q {
			if len(vs) > 1 {
				t.Errorf("request %s repeats %s", u, k)
			}
		}
		out = append(out, u.String())
	}
	return out
}

func source(t *testing.T, typ, rawURL, extra string) config.Source {
	t.Helper()
	if extra != "" {
		extra = ", " + extra
	}
	yml := fmt.Sprintf("sources:\n  - {name: acme, type: %s, url: %q%s}\n", typ, rawURL, extra)
	cfg, err := config.Parse([]byte(yml), filepath.Join(t.TempDir(), "config.yaml"), nil, config.Plugins{Sources: platforms.Kinds()})
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Sources[0]
}

func client() *scrape.Client {
	return scrape.NewClient(context.Background(), scrape.Options{AllowPrivate: true, Retry: retry.Policy{Attempts: 1}})
}

// A source url with a query (url: https://host/?api_key=${KEY}) carries
// its query onto the first API request of every board platform, after the
// adapter's own parameters, not into the path.
func TestBaseQueryOnEveryPlatformsListRequest(t *testing.T) {
	const key = "k3y_with%2Fslash"
	for typ, extra := range map[string]string{
		"greenhouse": "board: acme", "lever": "board: acme", "ashby": "board: acme", "smartrecruiters": "board: acme",
		"recruitee": "board: acme", "workable": "board: acme", "personio": "board: acme", "bamboohr": "board: acme",
		"jobvite": "board: acme", "paylocity": "board: acme", "pinpoint": "board: acme", "rippling": "board: acme",
		"neogov": "board: acme", "oracle": "site: CX_1", "workday": "tenant: acme, site: External", "eightfold": "domain: acme.com",
		"teamtailor": "board: acme",
	} {
		t.Run(typ, func(t *testing.T) {
			rec := newRecorder(t, "")
			src := source(t, typ, rec.URL+"/?api_key="+key+"&x=1", extra)
			ad, err := platforms.New(src, client())
			if err != nil {
				t.Fatal(err)
			}
			ad.List(context.Background()) // the 404 is no matter: the request is
			want, _ := url.QueryUnescape(key)
			rec.check(t, want)
		})
	}
}

// The list pages and the details of platforms with a detail request, read
// in full from their fakes: every request carries the base url's query.
func TestBaseQueryOnListPagesAndDetails(t *testing.T) {
	for _, c := range []struct {
		typ, extra string
		fake       func(t *testing.T) string
	}{
		{"workday", "tenant: acme, site: External", func(t *testing.T) string {
			return wdfake.New(t, "acme", "External", []wdfake.Job{{Title: "Data Engineer", Path: "/job/Berlin/Data-Engineer_R1", Description: "<p>SQL</p>"}}).URL
		}},
		{"smartrecruiters", "board: acme", func(t *testing.T) string {
			return srfake.New(t, "acme", []srfake.Job{{ID: "11", Name: "Data Engineer", Country: "de"}}).URL
		}},
		{"eightfold", "domain: acme.com", func(t *testing.T) string {
			return eightfake.New(t, "acme.com", []eightfake.Job{{ID: 7, Name: "Data Engineer", TCreate: 1760000000, TUpdate: 1760000000, Description: "<p>SQL</p>"}}).URL
		}},
	} {
		t.Run(c.typ, func(t *testing.T) {
			rec := newRecorder(t, c.fake(t))
			src := source(t, c.typ, rec.URL+"?api_key=secret-1&x=1", c.extra)
			ad, err := platforms.New(src, client())
			if err != nil {
				t.Fatal(err)
			}
			raws, err := ad.List(context.Background())
			if err != nil || len(raws) != 1 {
				t.Fatalf("List: %d postings, %v", len(raws), err)
			}
			if strings.Contains(raws[0].URL, "secret-1") {
				t.Errorf("a posting's page URL carries the API key: %s", raws[0].URL)
			}
			details := 0
			if !raws[0].Complete {
				if _, err := ad.Detail(context.Background(), raws[0]); err != nil {
					t.Fatalf("Detail: %v", err)
				}
				details++
			}
			urls := rec.check(t, "secret-1")
			if len(urls) < 1+details {
				t.Errorf("requests %v", urls)
			}
		})
	}
}

func TestAPIURL(t *testing.T) {
	for _, c := range []struct{ base, ref, want string }{
		{"https://h", "/jobs?content=true", "https://h/jobs?content=true"},
		{"https://h/api?api_key=K", "/jobs?content=true", "https://h/api/jobs?content=true&api_key=K"},
		{"https://h?api_key=K&limit=5", "/jobs?limit=100&skip=0", "https://h/jobs?limit=100&skip=0&api_key=K"},
		{"https://h?api_key=K", "/xml", "https://h/xml?api_key=K"},
		{scrape.BaseOr("https://h/api/?api_key=K#frag", ""), "/xml", "https://h/api/xml?api_key=K"},
	} {
		if got := scrape.APIURL(c.base, c.ref); got != c.want {
			t.Errorf("APIURL(%q, %q) = %q, want %q", c.base, c.ref, got, c.want)
		}
	}
	if got := scrape.PageURL("https://h/api?api_key=K", "/o/x"); got != "https://h/api/o/x" {
		t.Errorf("PageURL = %q", got)
	}
}
