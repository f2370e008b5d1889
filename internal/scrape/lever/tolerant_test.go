package lever

import (
	"bytes"
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// serveBody answers the site's postings URL with body as a real server
// would (JSON content type).
func serveBody(t *testing.T, body []byte) *scrapetest.Server {
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v0/postings/acme" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write(body)
	})
}

// The real answer with a UTF-8 byte order mark before it, and its first
// createdAt written as a float with an integral value, lists the same
// postings as the answer itself.
func TestListToleratesBOMAndIntegralFloatTimestamp(t *testing.T) {
	fix := scrapetest.Fixture(t, "lever.json")
	want, err := decodePage(fix)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 || want[0].Posted == "" {
		t.Fatalf("fixture decodes to %d postings, first posted %q", len(want), want[0].Posted)
	}
	altered := bytes.Replace(fix, []byte(`"createdAt": 1764205361939,`), []byte(`"createdAt": 1764205361939.0,`), 1)
	if bytes.Equal(altered, fix) {
		t.Fatal("fixture has no createdAt 1764205361939 to alter")
	}
	altered = append([]byte("\xEF\xBB\xBF"), altered...)
	for name, body := range map[string][]byte{"bom and float": altered, "exponent": bytes.Replace(altered, []byte("1764205361939.0"), []byte("1.764205361939e12"), 1)} {
		srv := serveBody(t, body)
		got, err := adapter(t, srv.URL, 1).List(context.Background())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: listed %+v\nwant %+v", name, got, want)
		}
	}
}

// A createdAt with a fraction, or beyond int64, is still an error, naming
// the field, the board and the URL.
func TestNonIntegralTimestampIsAnError(t *testing.T) {
	fix := scrapetest.Fixture(t, "lever.json")
	for _, v := range []string{"1764205361939.5", "1e300", `"1764205361939"`} {
		body := bytes.Replace(fix, []byte(`"createdAt": 1764205361939,`), []byte(`"createdAt": `+v+`,`), 1)
		srv := serveBody(t, body)
		raws, err := adapter(t, srv.URL, 1).List(context.Background())
		if err == nil {
			t.Fatalf("createdAt %s: listed %d postings, want an error", v, len(raws))
		}
		for _, part := range []string{`lever: board "acme"`, srv.URL + "/v0/postings/acme", "createdAt"} {
			if !strings.Contains(err.Error(), part) {
				t.Errorf("createdAt %s: error %q does not name %q", v, err, part)
			}
		}
	}
}
