package greenhouse

import (
	"bytes"
	"context"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

func serveBody(t *testing.T, body []byte) *scrapetest.Server {
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/boards/amplitude/jobs" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	})
}

// The real board answer behind a UTF-8 byte order mark, with a job's id
// and internal_job_id written as floats with integral values, lists the
// same postings, under the same ids, as the answer itself.
func TestListToleratesBOMAndIntegralFloatIDs(t *testing.T) {
	fix := scrapetest.Fixture(t, "greenhouse.json")
	want, err := decodeList(fix)
	if err != nil {
		t.Fatal(err)
	}
	altered := bytes.Replace(fix, []byte(`"id": 8636903002,`), []byte(`"id": 8636903002.0,`), 1)
	altered = bytes.Replace(altered, []byte(`"internal_job_id": 6446232002,`), []byte(`"internal_job_id": 6.446232002e9,`), 1)
	if bytes.Count(altered, []byte("8636903002.0")) != 1 || bytes.Count(altered, []byte("6.446232002e9")) != 1 {
		t.Fatal("fixture lacks the id or internal_job_id to alter")
	}
	srv := serveBody(t, append([]byte("\xEF\xBB\xBF"), altered...))
	got, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("listed %+v\nwant %+v", got, want)
	}
	found := false
	for _, r := range got {
		found = found || r.ID == "8636903002"
	}
	if !found {
		t.Errorf("no posting 8636903002 among %d", len(got))
	}
}

// An id with a fraction is an error naming the field, the board and the
// URL: read as 8636903002 it would be another posting's.
func TestFractionalIDIsAnError(t *testing.T) {
	fix := scrapetest.Fixture(t, "greenhouse.json")
	srv := serveBody(t, bytes.Replace(fix, []byte(`"id": 8636903002,`), []byte(`"id": 8636903002.5,`), 1))
	_, err := adapter(t, srv.URL, 1).List(context.Background())
	if err == nil {
		t.Fatal("listed, want an error")
	}
	for _, part := range []string{`greenhouse: board "amplitude"`, srv.URL + "/v1/boards/amplitude/jobs", "id: ", "8636903002.5"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not name %q", err, part)
		}
	}
}
