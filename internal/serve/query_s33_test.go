package serve

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Review s33 F6: a misspelt parameter ("skil=Go") listed everything and a
// single-valued one given twice kept the first silently; both are a 400
// naming the problem, on pages and in the API. A filter that takes several
// values takes them.
func TestUnknownOrRepeatedParameterIsRefusedS33(t *testing.T) {
	h := payFolder(t)
	for _, c := range []struct{ path, want string }{
		{"/api/v1/sources/acme/postings?skil=SQL", `query: unknown parameter "skil" for a source's postings (known: currency, level,`},
		{"/api/v1/events?sorce=acme", `query: unknown parameter "sorce" for the events (known: before, limit, since, source)`},
		// review s33b F9: each route checks its own parameters
		{"/api/v1/events?skill=SQL", `query: unknown parameter "skill" for the events`},
		{"/api/v1/sources/acme/postings?limit=1", `query: unknown parameter "limit" for a source's postings`},
		{"/api/v1/sources?q=zzz", `query: unknown parameter "q" for the sources (known: none)`},
		{"/api/v1/sources/acme/postings?per_page=1&per_page=500", "query: per_page given 2 times: it takes one value"},
		{"/api/v1/sources/acme/postings?" + strings.Repeat("k", 100) + "=1", `query: unknown parameter "` + strings.Repeat("k", 40) + `..."`},
	} {
		resp, body := fetch(t, h, c.path)
		var e APIError
		if resp.StatusCode != 400 || json.Unmarshal([]byte(body), &e) != nil || !strings.HasPrefix(e.Error, c.want) {
			t.Errorf("%.80s: %d %.200s, want 400 with an error starting %q", c.path, resp.StatusCode, body, c.want)
		}
	}
	for _, path := range []string{"/sources/acme?skil=SQL", "/feed.atom?sorce=acme"} {
		if resp, body := fetch(t, h, path); resp.StatusCode != 400 || !strings.Contains(body, "unknown parameter") {
			t.Errorf("%s: %d %.200s, want 400", path, resp.StatusCode, body)
		}
	}
	if resp, body := fetch(t, h, "/api/v1/sources/acme/postings?skill=SQL&skill=Go&role=Data+Engineer"); resp.StatusCode != 200 {
		t.Errorf("skill twice: %d %.200s, want 200", resp.StatusCode, body)
	}
	// a link's tracking parameters, a health check's or a file's query
	for _, path := range []string{"/sources/acme?utm_source=slack&fbclid=x", "/healthz?x=1", "/style.css?v=2", "/?utm_campaign=a"} {
		if resp, body := fetch(t, h, path); resp.StatusCode != 200 {
			t.Errorf("%s: %d %.200s, want 200", path, resp.StatusCode, body)
		}
	}
}

// Review s33 F7: the requests refused before a route (no token, a foreign
// Host, a method, a query) and unknown paths are counted under the route
// "other", and /metrics under its own.
func TestRefusedRequestsAreCountedS33(t *testing.T) {
	h := New(writeFolder(t, nil), "tok-0123456789abcdef", nil).Handler()
	auth := []string{"Authorization", "Bearer tok-0123456789abcdef"}
	fetch(t, h, "/api/v1/sources")                 // 401
	fetch(t, h, "/nope", auth...)                  // 404
	fetch(t, h, "/api/v1/events?sorce=a", auth...) // 400
	req := httptest.NewRequest(http.MethodPost, "/", nil)
	req.Header.Set(auth[0], auth[1])
	h.ServeHTTP(httptest.NewRecorder(), req) // 405
	fetch(t, h, "/metrics", auth...)
	_, body := fetch(t, h, "/metrics", auth...)
	for _, want := range []string{
		`watcher_http_requests_total{code="4xx",route="other"} 4`,
		`watcher_http_requests_total{code="2xx",route="/metrics"} 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s:\n%s", want, grepLines(body, "watcher_http_requests_total"))
		}
	}
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// Review s33 F8: a source of which no run is known (no posting, no change,
// no run record) is "new", shown "never run", and not healthy in the
// metrics; it read "ok" and watcher_source_healthy 1.
func TestNeverRunSourceIsNewS33(t *testing.T) {
	h := New(writeFolder(t, nil), "", nil).Handler()
	_, body := fetch(t, h, "/api/v1/sources")
	if !strings.Contains(body, `"health": "new"`) {
		t.Errorf("api: %s", body)
	}
	if _, page := fetch(t, h, "/"); !strings.Contains(page, `<span class="health new">never run</span>`) {
		t.Errorf("dashboard lacks never run:\n%s", grepLines(page, "health"))
	}
	if _, m := fetch(t, h, "/metrics"); !strings.Contains(m, `watcher_source_healthy{source="acme"} 0`) {
		t.Errorf("metrics: %s", grepLines(m, "healthy"))
	}
	// with a posting stored, as before: ok
	h = New(writeFolder(t, []model.Posting{{ID: "1", Title: "Data Engineer"}}), "", nil).Handler()
	if _, body := fetch(t, h, "/api/v1/sources"); !strings.Contains(body, `"health": "ok"`) {
		t.Errorf("a source with a posting: %s", body)
	}
}

// A feed takes the events' parameters and the filters (review s33b F9's
// per-route sets first left out the feeds' limit).
func TestFeedParametersS33(t *testing.T) {
	h := payFolder(t)
	for _, path := range []string{"/feed.atom?q=Data&limit=3", "/sources/acme/feed.atom?skill=SQL&since=2026-01-01"} {
		if resp, body := fetch(t, h, path); resp.StatusCode != 200 {
			t.Errorf("%s: %d %.200s, want 200", path, resp.StatusCode, body)
		}
	}
	if resp, _ := fetch(t, h, "/feed.atom?per_pag=3"); resp.StatusCode != 400 {
		t.Errorf("a misspelt parameter of a feed: %d, want 400", resp.StatusCode)
	}
}
