package scrape_test

import (
	"bytes"
	"context"
	"net/http"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// Do drops a UTF-8 byte order mark before a JSON answer (asked for as
// JSON, or labelled JSON), for the adapters that decode bodies with
// encoding/json themselves; other answers keep their bytes.
func TestDoTrimsBOMOfJSONAnswers(t *testing.T) {
	srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/labelled" {
			w.Header().Set("Content-Type", "application/json")
		} else {
			w.Header().Set("Content-Type", "text/plain")
		}
		w.Write([]byte("\xEF\xBB\xBF{\"a\":1}"))
	})
	c := scrapetest.Client(1, nil)
	for _, tc := range []struct {
		path, accept string
		bom          bool
	}{
		{"/asked", "application/json", false},
		{"/asked", "application/feed+json, application/json", false},
		{"/labelled", "", false},
		{"/plain", "text/html", true},
	} {
		r, err := c.Do(context.Background(), scrape.Request{URL: srv.URL + tc.path, Header: http.Header{"Accept": {tc.accept}}})
		if err != nil {
			t.Fatal(err)
		}
		if got := bytes.HasPrefix(r.Body, []byte("\xEF\xBB\xBF")); got != tc.bom || !bytes.HasSuffix(r.Body, []byte(`{"a":1}`)) {
			t.Errorf("%s, Accept %q: body %q, want bom %v", tc.path, tc.accept, r.Body, tc.bom)
		}
	}
}
