package eightfold

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// fixtureBoard serves a body as the first listing page of source
// "albemarle", and no positions on the next.
func fixtureBoard(t *testing.T) scrapetest.Board {
	return scrapetest.Board{
		Serve: func(t testing.TB, body []byte) *scrapetest.Server {
			return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				if r.URL.Query().Get("start") != "0" {
					fmt.Fprint(w, `{"positions": []}`)
					return
				}
				w.Write(body)
			})
		},
		List: func(url string) ([]model.Raw, error) {
			return scrapetest.NewSource(t, New, config.Source{Name: "albemarle", URL: url, Settings: &Config{Domain: "albemarle.com"}}, client(t, 1)).List(context.Background())
		},
	}
}

// The real answer behind a UTF-8 byte order mark, its t_create written
// as a float with an integral value, lists what the answer itself does
// (stamp and posted day included); a t_create with a fraction is an error
// naming the field, the source and the URL.
func TestListToleratesBOMAndIntegralFloatTimestamp(t *testing.T) {
	fix := scrapetest.Fixture(t, "eightfold.json")
	b := fixtureBoard(t)
	altered := scrapetest.Altered(t, fix, `"t_create": 1785801600,`, `"t_create": 1785801600.0,`)
	want := b.ListsAlike(t, fix, map[string][]byte{"bom and float": append([]byte(scrapetest.BOM), altered...)})
	if len(want) != 2 || !strings.HasPrefix(want[0].Stamp, "1785801600:") || want[0].Posted == "" {
		t.Errorf("the fixture lists %+v, want 2 postings, the first stamped 1785801600:<digest> with a posted day", want)
	}
	b.Fails(t, "a fractional t_create", scrapetest.Altered(t, fix, `"t_create": 1785801600,`, `"t_create": 1785801600.25,`),
		"t_create", `"albemarle"`, "{url}")
}
