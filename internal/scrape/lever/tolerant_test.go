package lever

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// board serves a body as the site's postings answer (JSON content type,
// as a real server's).
func board(t *testing.T) scrapetest.Board {
	return scrapetest.Board{Path: "/v0/postings/acme", ContentType: "application/json; charset=utf-8", List: scrapetest.ListWith(t, adapter, 1)}
}

// The real answer with a UTF-8 byte order mark before it, and its first
// createdAt written as a float with an integral value, lists the same
// postings as the answer itself.
func TestListToleratesBOMAndIntegralFloatTimestamp(t *testing.T) {
	fix := scrapetest.Fixture(t, "lever.json")
	altered := append([]byte(scrapetest.BOM), scrapetest.Altered(t, fix, `"createdAt": 1764205361939,`, `"createdAt": 1764205361939.0,`)...)
	want := board(t).ListsAlike(t, fix, map[string][]byte{
		"bom and float": altered,
		"exponent":      scrapetest.Altered(t, altered, "1764205361939.0", "1.764205361939e12"),
	})
	if want[0].Posted == "" {
		t.Errorf("the fixture's first posting has no posted day: %+v", want[0])
	}
}

// A createdAt with a fraction, or beyond int64, is still an error, naming
// the field, the board and the URL.
func TestNonIntegralTimestampIsAnError(t *testing.T) {
	fix := scrapetest.Fixture(t, "lever.json")
	for _, v := range []string{"1764205361939.5", "1e300", `"1764205361939"`} {
		board(t).Fails(t, "createdAt "+v, scrapetest.Altered(t, fix, `"createdAt": 1764205361939,`, `"createdAt": `+v+`,`),
			`lever: board "acme"`, "{url}/v0/postings/acme", "createdAt")
	}
}
