package personio

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// TestDotIDsInFeed: the real feed with its (repeated) position copied
// under the ids "..", "%2e%2E" and ".": those are listed without a link
// (/job/.. names the board's page) and each fails at its detail, never
// fetched, naming the board and the id; the real position is kept whole,
// its link as before.
func TestDotIDsInFeed(t *testing.T) {
	feed := string(scrapetest.Fixture(t, "personio.xml"))
	start, end := strings.Index(feed, "<position>"), strings.Index(feed, "</position>")+len("</position>")
	pos := feed[start:end]
	var extra strings.Builder
	for _, id := range []string{"..", "%2e%2E", "."} {
		extra.WriteString(strings.Replace(pos, "<id>1834171</id>", "<id>"+id+"</id>", 1) + "\n")
	}
	feed = strings.Replace(feed, "</workzag-jobs>", extra.String()+"</workzag-jobs>", 1)
	srv := server(t, serve(feed))
	a := adapter(t, srv.URL, client(1))
	raws, err := a.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range raws {
		if r.ID != "1834171" && (r.URL != "" || r.Complete || r.Stamp != "") {
			t.Errorf("dot id %q listed with link %q, complete %v, stamp %q", r.ID, r.URL, r.Complete, r.Stamp)
		}
	}
	run := scrapetest.RunDetails(t, a)
	run.Check(t, []string{"..", "%2e%2E", "."}, []string{"1834171"}, `personio: board "acme": position {id}: posting id {q} is a dot segment`)
	if got := run.Done["1834171"]; got.URL != srv.URL+"/job/1834171" || got.Title != "Staff Software Engineer, Data Platform" {
		t.Errorf("the real position: %+v", got)
	}
	if n := srv.Requests(); n != 2 { // the feed, once per List
		t.Errorf("%d requests, want the feed twice and nothing else", n)
	}
}
