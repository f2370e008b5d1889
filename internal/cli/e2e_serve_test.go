package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/mmcdole/gofeed"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/serve"
)

// startServe runs `watcher serve` (as the binary does) on a free
// loopback port until the test ends (stopped as a signal would: see startCmd).
func startServe(t *testing.T, e *env, extra ...string) string {
	t.Helper()
	return startCmd(t, e, "serve", extra...)
}

// startCmd runs `watcher CMD --listen 127.0.0.1:0` (serve or daemon) in
// this process until the test ends, and returns the base URL of the
// address it bound, which it logs ("serving"). The test stops it by ending
// the command's context, as a signal would: no signal goes to the test
// process.
func startCmd(t *testing.T, e *env, command string, extra ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	errb := &lockedBuffer{}
	done := make(chan int, 1)
	go func() {
		args := append([]string{command, "-c", e.cfg, "--listen", "127.0.0.1:0", "--log-level", "info"}, extra...)
		done <- mainContext(ctx, args, &out, errb)
	}()
	served := regexp.MustCompile(`msg=serving url=(http://[^/ ]+)/`)
	var base string
	deadline := time.Now().Add(10 * time.Second)
	for base == "" {
		if m := served.FindStringSubmatch(errb.String()); m != nil {
			base = m[1]
			break
		}
		select {
		case code := <-done:
			cancel()
			t.Fatalf("%s exited %d:\n%s", command, code, errb.String())
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("%s logged no address in 10 s:\n%s", command, errb.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Cleanup(func() {
		select {
		case code := <-done:
			cancel()
			t.Errorf("%s had exited (%d) before the test ended:\n%s", command, code, errb.String())
			return
		default:
		}
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("%s exited %d when stopped:\n%s", command, code, errb.String())
			}
		case <-time.After(10 * time.Second):
			t.Errorf("%s did not stop", command)
		}
	})
	return base
}

// lockedBuffer is a bytes.Buffer that a command writes its log to while
// the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func get(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// apiChecker validates answers against the served OpenAPI document.
type apiChecker struct {
	router routers.Router
}

func newAPIChecker(t *testing.T, base string) *apiChecker {
	t.Helper()
	_, b := get(t, base+"/api/v1/openapi.json")
	doc, err := openapi3.NewLoader().LoadFromData(b)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI 3 document: %v", err)
	}
	doc.Servers = openapi3.Servers{{URL: base + "/api/v1"}}
	r, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return &apiChecker{router: r}
}

// check GETs path, validates request and answer, and decodes the body.
func (a *apiChecker) check(t *testing.T, base, path string, wantCode int, into any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	route, params, err := a.router.FindRoute(req)
	if err != nil {
		t.Fatalf("%s: not in the OpenAPI document: %v", path, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != wantCode {
		t.Fatalf("%s: status %d, want %d\n%s", path, resp.StatusCode, wantCode, body)
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
	if wantCode < 400 {
		if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
			t.Fatalf("%s: request does not fit the document: %v", path, err)
		}
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header,
		Body: io.NopCloser(bytes.NewReader(body)), Options: &openapi3filter.Options{IncludeResponseStatus: true}}
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		t.Fatalf("%s: answer does not fit the document: %v\n%s", path, err, body)
	}
	if into != nil {
		if err := json.Unmarshal(body, into); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
}

func TestServeOnRealRuns(t *testing.T) {
	e := twoRuns(t)
	base := startServe(t, e)
	const src = "netflix-data-insights"

	// health
	for _, p := range []string{"/healthz", "/readyz"} {
		if resp, _ := get(t, base+p); resp.StatusCode != 200 {
			t.Fatalf("%s: %d", p, resp.StatusCode)
		}
	}

	// dashboard, security headers, hostile title escaped
	resp, body := get(t, base+"/")
	page := string(body)
	if resp.StatusCode != 200 || !strings.Contains(page, `href="/sources/netflix-data-insights"`) || !strings.Contains(page, ">ok<") || !strings.Contains(page, "<th>Last run</th><th>Last success</th>") {
		t.Fatalf("dashboard: %d\n%s", resp.StatusCode, page)
	}
	for k, want := range map[string]string{"Content-Security-Policy": "frame-ancestors 'none'", "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY"} {
		if !strings.Contains(resp.Header.Get(k), want) {
			t.Errorf("header %s = %q", k, resp.Header.Get(k))
		}
	}
	if strings.Contains(page, `<script>alert`) || !strings.Contains(page, `&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`) {
		t.Errorf("the hostile title is not escaped on the dashboard")
	}

	// source page: filter, sort, page
	_, body = get(t, base+"/sources/"+src+"?sort=-title&per_page=2&page=2")
	page = string(body)
	if !strings.Contains(page, "6 matching · page 2 of 3") || !strings.Contains(page, "Data Engineer 100 (L5)") || strings.Contains(page, "Data Engineer 3 (L5)") || !strings.Contains(page, `rel="next"`) {
		t.Fatalf("source page 2:\n%s", page)
	}
	_, body = get(t, base+"/sources/"+src+"?min_pay=730000")
	if page = string(body); !strings.Contains(page, "1 matching") || !strings.Contains(page, "Data Engineer 2 (L5)") {
		t.Fatalf("source page, min_pay:\n%s", page)
	}
	if resp, _ = get(t, base+"/sources/"+src+"?level=L9-L1"); resp.StatusCode != 400 {
		t.Fatalf("bad level: %d", resp.StatusCode)
	}
	// posting page: history with old -> new
	_, body = get(t, base+"/sources/"+src+"/postings/790311790002")
	if page = string(body); !strings.Contains(page, "<b>salary</b>") || !strings.Contains(page, "200000-750000 USD/year") || strings.Count(page, `class="ev `) != 2 {
		t.Fatalf("posting page:\n%s", page)
	}
	if resp, _ = get(t, base+"/sources/nope"); resp.StatusCode != 404 {
		t.Fatalf("unknown source: %d", resp.StatusCode)
	}

	// API, validated against the OpenAPI document
	api := newAPIChecker(t, base)
	var sl serve.SourceList
	api.check(t, base, "/api/v1/sources", 200, &sl)
	if len(sl.Sources) != 1 || sl.Sources[0].Open != 6 || sl.Sources[0].LastRun == nil || sl.Sources[0].LastSuccess == nil {
		t.Fatalf("sources: %+v", sl)
	}
	var pl serve.PostingList
	api.check(t, base, "/api/v1/sources/"+src+"/postings?skill=Python&sort=pay&per_page=5", 200, &pl)
	if pl.Total != 6 || len(pl.Postings) != 5 || pl.Pages != 2 {
		t.Fatalf("postings: total %d, %d on the page, %d pages", pl.Total, len(pl.Postings), pl.Pages)
	}
	var d serve.Detail
	api.check(t, base, "/api/v1/sources/"+src+"/postings/790311790002", 200, &d)
	if !d.Open || len(d.History) != 2 || d.History[0].Type != "posting.changed" || len(d.History[0].Data.Changes) == 0 {
		t.Fatalf("posting: %+v", d)
	}
	var el serve.EventList
	api.check(t, base, "/api/v1/events", 200, &el)
	types := map[string]int{}
	for _, ev := range el.Events {
		types[ev.Type]++
	}
	if types["posting.added"] != 7 || types["posting.changed"] != 1 || types["posting.removed"] != 1 {
		t.Fatalf("events: %v", types)
	}
	var later serve.EventList
	api.check(t, base, "/api/v1/events?since="+url.QueryEscape(time.Now().Add(time.Hour).UTC().Format(time.RFC3339)), 200, &later)
	if len(later.Events) != 0 {
		t.Fatalf("events since an hour from now: %d", len(later.Events))
	}
	api.check(t, base, "/api/v1/sources/"+src+"/postings/nope", 404, nil)
	api.check(t, base, "/api/v1/sources/nope/postings", 404, nil)
	api.check(t, base, "/api/v1/sources/"+src+"/postings?sort=bogus", 400, nil)
	api.check(t, base, "/api/v1/events?since=yesterday", 400, nil)

	// Atom feeds, parsed by a feed parser; ids are the event ids, stable
	fp := gofeed.NewParser()
	var ids []string
	for i := 0; i < 2; i++ {
		_, body = get(t, base+"/feed.atom")
		feed, err := fp.ParseString(string(body))
		if err != nil {
			t.Fatalf("feed: %v\n%s", err, body)
		}
		if feed.FeedType != "atom" || len(feed.Items) != len(el.Events) {
			t.Fatalf("feed: type %s, %d entries, want %d", feed.FeedType, len(feed.Items), len(el.Events))
		}
		var got []string
		for j, it := range feed.Items {
			if it.GUID != "urn:careers-watcher:event:"+el.Events[j].ID {
				t.Fatalf("entry %d id %q, event id %q", j, it.GUID, el.Events[j].ID)
			}
			got = append(got, it.GUID)
			if strings.Contains(it.Title, "<script>") && !strings.Contains(it.Title, `<script>alert("x")</script>`) {
				t.Errorf("entry title mangled: %q", it.Title)
			}
		}
		if ids != nil && strings.Join(ids, ",") != strings.Join(got, ",") {
			t.Fatal("entry ids changed between two reads")
		}
		ids = got
	}
	_, body = get(t, base+"/sources/"+src+"/feed.atom?min_pay=730000")
	feed, err := fp.ParseString(string(body))
	if err != nil || len(feed.Items) != 1 { // job 2 changed; its added version paid less
		t.Fatalf("filtered source feed: %v, %d entries\n%s", err, len(feed.Items), body)
	}
	hostile := false
	_, body = get(t, base+"/feed.atom")
	feed, _ = fp.ParseString(string(body))
	for _, it := range feed.Items {
		if strings.Contains(it.Title, `<script>alert("x")</script> Engineer "L5" & co`) {
			hostile = true
		}
	}
	if !hostile {
		t.Error("the hostile title does not come back as text from the feed")
	}

	// metrics, parsed with the Prometheus text parser
	resp, body = get(t, base+"/metrics")
	tp := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := tp.TextToMetricFamilies(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("metrics: %v (%s)", err, resp.Header.Get("Content-Type"))
	}
	gauge := func(name, source string) float64 {
		t.Helper()
		f := fams[name]
		if f == nil {
			t.Fatalf("no metric %s", name)
		}
		for _, m := range f.Metric {
			for _, l := range m.Label {
				if l.GetName() == "source" && l.GetValue() == source {
					return m.GetGauge().GetValue()
				}
			}
			if source == "" {
				return m.GetGauge().GetValue()
			}
		}
		t.Fatalf("no %s{source=%q}", name, source)
		return 0
	}
	if v := gauge("watcher_open_postings", src); v != 6 {
		t.Errorf("watcher_open_postings = %v", v)
	}
	if v := gauge("watcher_source_healthy", src); v != 1 {
		t.Errorf("watcher_source_healthy = %v", v)
	}
	if v := gauge("watcher_outbox_depth", ""); v != 0 {
		t.Errorf("watcher_outbox_depth = %v", v)
	}
	for _, name := range []string{"watcher_source_last_change_timestamp_seconds", "watcher_source_last_run_timestamp_seconds", "watcher_source_last_success_timestamp_seconds"} {
		if v := gauge(name, src); time.Since(time.Unix(int64(v), 0)) > time.Hour {
			t.Errorf("%s = %v", name, v)
		}
	}
	if fams["watcher_http_requests_total"] == nil {
		t.Error("no request counter")
	}
}

func TestServeRefusesAnOpenAddressWithoutToken(t *testing.T) {
	t.Parallel()
	e := twoRuns(t)
	code, _, stderr := e.run(t, "serve", "--listen", "0.0.0.0:0")
	if code != ExitUsage || !strings.Contains(stderr, "serve.token") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	code, _, stderr = e.run(t, "serve", "--listen", "nohost")
	if code != ExitUsage {
		t.Fatalf("bad address: exit %d\n%s", code, stderr)
	}
}

func TestDaemonListen(t *testing.T) {
	e := newEnv(t, []fake.Job{netflixJob(1), netflixJob(2), netflixJob(3)})
	base := startCmd(t, e, "daemon")
	// the daemon's first cycle runs at once; wait for it to show
	deadline := time.Now().Add(30 * time.Second)
	for {
		var sl serve.SourceList
		_, body := get(t, base+"/api/v1/sources")
		if err := json.Unmarshal(body, &sl); err != nil {
			t.Fatalf("%v\n%s", err, body)
		}
		if len(sl.Sources) == 1 && sl.Sources[0].Open == 3 && sl.Sources[0].LastChange != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the daemon's first cycle does not show: %s", body)
		}
		time.Sleep(50 * time.Millisecond)
	}
	_, body := get(t, base+"/metrics")
	if !strings.Contains(string(body), `watcher_open_postings{source="netflix-data-insights"} 3`) {
		t.Fatalf("metrics:\n%s", body)
	}
	if code, _, stderr := e.run(t, "daemon", "--listen", "0.0.0.0:0"); code != ExitUsage || !strings.Contains(stderr, "serve.token") {
		t.Fatalf("daemon on an open address without a token: exit %d\n%s", code, stderr)
	}
}
