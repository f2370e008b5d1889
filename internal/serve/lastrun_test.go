package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// getSources GETs /api/v1/sources and validates the answer against the
// served OpenAPI document.
func getSources(t *testing.T, base string) SourceList {
	t.Helper()
	resp, err := http.Get(base + "/api/v1/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	doc, err := openapi3.NewLoader().LoadFromData(b)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	doc.Servers = openapi3.Servers{{URL: base + "/api/v1"}}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodGet, base+"/api/v1/sources", nil)
	route, params, err := router.FindRoute(req)
	if err != nil {
		t.Fatal(err)
	}
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header,
		Body: io.NopCloser(bytes.NewReader(body)), Options: &openapi3filter.Options{IncludeResponseStatus: true}}
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		t.Fatalf("sources: answer does not fit the document: %v\n%s", err, body)
	}
	var sl SourceList
	if err := json.Unmarshal(body, &sl); err != nil || len(sl.Sources) != 1 {
		t.Fatalf("sources: %v\n%s", err, body)
	}
	if !strings.Contains(string(body), `"last_run":`) || !strings.Contains(string(body), `"last_success":`) {
		t.Fatalf("sources lacks last_run or last_success:\n%s", body)
	}
	return sl
}

func TestLastRunAndLastSuccess(t *testing.T) {
	f := writeFolder(t, hostile())
	srv := httptest.NewServer(New(f, "", nil).Handler())
	defer srv.Close()

	// no run record (a fresh clone): null in the API, a dash on the page
	if s := getSources(t, srv.URL).Sources[0]; s.LastRun != nil || s.LastSuccess != nil {
		t.Fatalf("without a run record: %+v", s)
	}
	// an ok run, then a failing one
	st := &snapshot.Store{Dir: f.Dir}
	ok := time.Date(2026, 3, 4, 5, 6, 0, 0, time.UTC)
	failed := ok.Add(90 * time.Minute)
	if err := st.RecordRun("acme", ok, snapshot.RunOK); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordRun("acme", failed, snapshot.RunFailed); err != nil {
		t.Fatal(err)
	}
	s := getSources(t, srv.URL).Sources[0]
	if s.LastRun == nil || !s.LastRun.Equal(failed) || s.LastSuccess == nil || !s.LastSuccess.Equal(ok) {
		t.Fatalf("after an ok and a failing run: last run %v, last success %v", s.LastRun, s.LastSuccess)
	}
	_, page := fetch(t, srv.Config.Handler, "/")
	if !strings.Contains(page, "<th>Last run</th><th>Last success</th>") ||
		!strings.Contains(page, "<td>2026-03-04 06:36 UTC</td><td>2026-03-04 05:06 UTC</td>") {
		t.Fatalf("dashboard lacks the last run and last success:\n%s", page)
	}
	_, page = fetch(t, srv.Config.Handler, "/sources/acme")
	if !strings.Contains(page, "last run 2026-03-04 06:36 UTC · last success 2026-03-04 05:06 UTC") {
		t.Fatalf("source page lacks the last run and last success:\n%s", page)
	}
}
