package eightfold

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// serveFixture answers the first listing page with body, the next with
// no positions.
func serveFixture(t *testing.T, body []byte) *scrapetest.Server {
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Query().Get("start") != "0" {
			fmt.Fprint(w, `{"positions": []}`)
			return
		}
		w.Write(body)
	})
}

// The real answer behind a UTF-8 byte order mark, its t_create written
// as a float with an integral value, lists what the answer itself does
// (stamp and posted day included).
func TestListToleratesBOMAndIntegralFloatTimestamp(t *testing.T) {
	fix := scrapetest.Fixture(t, "eightfold.json")
	list := func(body []byte) ([]string, error) {
		a, _ := New(config.Source{Name: "albemarle", URL: serveFixture(t, body).URL, Settings: &Config{Domain: "albemarle.com"}}, client(t, 1))
		raws, err := a.List(context.Background())
		var out []string
		for _, r := range raws {
			out = append(out, r.ID+" "+r.Stamp+" "+r.Posted+" "+r.Title)
		}
		return out, err
	}
	want, err := list(fix)
	if err != nil || len(want) != 2 {
		t.Fatalf("fixture: %q, %v", want, err)
	}
	altered := bytes.Replace(fix, []byte(`"t_create": 1785801600,`), []byte(`"t_create": 1785801600.0,`), 1)
	if bytes.Equal(altered, fix) {
		t.Fatal("fixture has no t_create 1785801600")
	}
	got, err := list(append([]byte("\xEF\xBB\xBF"), altered...))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("listed %q, want %q", got, want)
	}
	frac := bytes.Replace(fix, []byte(`"t_create": 1785801600,`), []byte(`"t_create": 1785801600.25,`), 1)
	if _, err := list(frac); err == nil || !strings.Contains(err.Error(), "t_create") || !strings.Contains(err.Error(), `"albemarle"`) || !strings.Contains(err.Error(), "http://") {
		t.Errorf("a fractional t_create: error %v, want one naming the field, source and URL", err)
	} else {
		t.Log(err)
	}
}
