package htmlsel

import (
	"reflect"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// TestItemLinksAsFetched: the real HRMDirect listing, read with a
// description selector, its second item's link made
// "x/%2e%2e/%2e%2e/openings/job-opening.php?req=3779928" (the sender
// sends /openings/job-opening.php) and a third item linking a posting
// page on another host. The posting's id and URL are the page fetched
// (they were the text, /employment/x/%2e%2e/..., while /openings/... was
// fetched); another host's page is read, as the selectors pick the links
// (html reads sites whose listings link their ATS). An item whose link is
// javascript: is left out and the others listed: its id would come from
// the link, so it was never stored (see skip_test.go).
func TestItemLinksAsFetched(t *testing.T) {
	other := scrapetest.NewSite(t, map[string]string{"/jobs/7": `=<html><body><div class="desc"><p>Elsewhere.</p></div></body></html>`}, false)
	page := string(scrapetest.Fixture(t, "hrmdirect.html"))
	page = strings.Replace(page, `href="job-opening.php?req=3779928`, `href="x/%2e%2e/%2e%2e/openings/job-opening.php?req=3779928`, 1)
	third := `<tr class="ReqRowClick"><td class="departments">IT</td><td class="posTitle"><a href="` + other.URL + `/jobs/7">Engineer</a></td></tr>
</table>`
	page = strings.Replace(page, "</table>", third, 1)
	desc := `=<html><body><div class="desc"><p>The job.</p></div></body></html>`
	s := scrapetest.NewSite(t, map[string]string{"/employment/job-openings.php": "=" + page,
		"/employment/job-opening.php": desc, "/openings/job-opening.php": desc}, false)
	sel := hrmdirect
	sel.Description = ".desc"
	a := adapter(t, s.URL+"/employment/job-openings.php", sel, 0, scrapetest.Client(1, nil))
	run := scrapetest.RunDetails(t, a)
	run.Check(t, nil, []string{"/employment/job-opening.php?req=3762934&req_loc=1393575", "/openings/job-opening.php?req=3779928&req_loc=1419225", "/jobs/7"})
	if d := run.Done["/openings/job-opening.php?req=3779928&req_loc=1419225"]; d.URL != s.URL+"/openings/job-opening.php?req=3779928&req_loc=1419225&" || d.DescriptionHTML != "<p>The job.</p>" {
		t.Errorf("the second item: %+v", d)
	}
	if d := run.Done["/jobs/7"]; d.URL != other.URL+"/jobs/7" || d.DescriptionHTML != "<p>Elsewhere.</p>" {
		t.Errorf("the other host's item: %+v", d)
	}
	want := []string{"/employment/job-openings.php", "/employment/job-opening.php?req=3762934&req_loc=1393575&", "/openings/job-opening.php?req=3779928&req_loc=1419225&"}
	if got := s.Seen(); !reflect.DeepEqual(got, want) {
		t.Errorf("requests %q, want %q", got, want)
	}

	s.Edit(func() {
		s.Pages["/employment/job-openings.php"] = "=" + strings.Replace(page, `href="x/%2e%2e/`, `href="javascript:/`, 1)
	})
	raws, err := a.List(t.Context())
	if err != nil {
		t.Fatalf("a javascript: link: %v", err)
	}
	var ids []string
	for _, r := range raws {
		ids = append(ids, r.ID)
	}
	if want := []string{"/employment/job-opening.php?req=3762934&req_loc=1393575", "/jobs/7"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("a javascript: link: listed %q, want %q", ids, want)
	}
}
