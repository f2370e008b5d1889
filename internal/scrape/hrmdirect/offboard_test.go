package hrmdirect

import (
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// TestOffBoardLinks: the real listing with its first row linking a page
// on another host, its second a dot path (%2e%2e/%2e%2e/admin.php), and a
// third row (a copy) a javascript: URL: each posting's page is the
// board's own page of its req (the package comment's URL), which the
// detail reads; the other host and /admin.php get no request, every
// posting is kept. A detail URL off the board fails naming it, never
// fetched.
func TestOffBoardLinks(t *testing.T) {
	other := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(jobPage)) })
	page := fixture(t)
	page = strings.Replace(page, `href="job-opening.php?req=3762934`, `href="`+other.URL+`/employment/job-opening.php?req=3762934`, 1)
	page = strings.Replace(page, `href="job-opening.php?req=3779928`, `href="x/%2e%2e/%2e%2e/admin.php?req=3779928`, 1)
	rowStart := strings.Index(page, `<tr class="reqitem1 ReqRowClick"`)
	row := page[rowStart : strings.Index(page[rowStart:], "</tr>")+rowStart+len("</tr>")]
	third := strings.NewReplacer("3779928", "3800001", `x/%2e%2e/%2e%2e/admin.php`, `javascript:/employment/job-opening.php`, "08052026", "3800001").Replace(row)
	page = strings.Replace(page, "</table>", third+"\n</table>", 1)
	var mu sync.Mutex
	var asked []string
	b := &board{list: func() (int, string) { return 200, page }, job: func(req string) (int, string) {
		mu.Lock()
		defer mu.Unlock()
		asked = append(asked, req)
		return 200, jobPage
	}}
	srv := b.serve(t)
	a := adapter(t, srv.URL, 1)
	run := scrapetest.RunDetails(t, a)
	run.Check(t, nil, []string{"3762934", "3779928", "3800001"})
	for id, d := range run.Done {
		if !strings.HasPrefix(d.URL, srv.URL+"/employment/job-opening.php?req="+id) || !d.Complete {
			t.Errorf("posting %s: link %q, complete %v", id, d.URL, d.Complete)
		}
	}
	mu.Lock()
	if len(asked) != 3 {
		t.Errorf("posting pages asked of the board: %q, want the three", asked)
	}
	mu.Unlock()
	if n := other.Requests(); n != 0 {
		t.Errorf("the other host got %d requests", n)
	}
	d := run.Done["3762934"]
	d.URL, d.Complete = other.URL+"/employment/job-opening.php?req=3762934", false
	if _, err := a.Detail(t.Context(), d); err == nil || !strings.Contains(err.Error(), `hrmdirect: board "`+strings.TrimPrefix(srv.URL, "http://")+`": posting 3762934: detail URL "`+d.URL+`" is not on the portal's host`) {
		t.Errorf("a detail URL off the board: %v", err)
	}
	if n := other.Requests(); n != 0 {
		t.Errorf("the other host got %d requests", n)
	}
}
