package paylocity

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// TestDotJobIDsOnBoard: the real board page with its second job's JobId
// made the string "..", and the first job's JobId sent as the string
// "4141169": the string id is read as the number was (a string JobId was
// an invalid number that failed the whole board), the dot one is listed
// without a link or stamp and fails at its detail, never fetched, naming
// the board and the id; 4141169 is completed from its Details page, whose
// URL the adapter makes (no URL from the page is fetched).
func TestDotJobIDsOnBoard(t *testing.T) {
	page := strings.Replace(string(scrapetest.Fixture(t, "paylocity.html")), `"JobId":4401262`, `"JobId":".."`, 1)
	page = strings.Replace(page, `"JobId":4141169`, `"JobId":"4141169"`, 1)
	srv := serve(t, map[string]string{
		"/recruiting/jobs/All/" + guid:     page,
		"/Recruiting/Jobs/Details/4141169": string(scrapetest.Fixture(t, "details.html")),
	}, nil)
	a := adapter(t, srv.URL, 1)
	run := scrapetest.RunDetails(t, a)
	run.Check(t, []string{".."}, []string{"4141169"}, `paylocity: board "`+guid+`": job {id}: posting id {q} is a dot segment`)
	if d := run.Done["4141169"]; !d.Complete || d.URL != srv.URL+"/Recruiting/Jobs/Details/4141169" || len(d.Salary) != 1 {
		t.Errorf("job 4141169: %+v", d)
	}
	if n := srv.Requests(); n != 2 {
		t.Errorf("%d requests, want the board and 4141169's Details page", n)
	}
}
