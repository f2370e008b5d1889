package icims

import (
	"net/http"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// TestOffPortalLinks: the real search page whose second card links a
// posting page on another host, with three more copies of that card
// linking /jobs/8300/%2e%2e/%2e%2e/admin (a dot path), an ftp: URL and a
// javascript: URL: those postings are listed under their ids without a
// link and fail at their detail naming the board, the id and the link,
// never fetched (the other host gets no request); 8214 is listed and
// completed as before. The posting page is on the portal (the package
// comment): iCIMS cards link their own portal.
func TestOffPortalLinks(t *testing.T) {
	other := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(jobPage)) })
	var p portal
	srv := p.serve(t)
	page := strings.ReplaceAll(fixture(t), "https://careers-wipfli.icims.com", srv.URL)
	card := page[strings.LastIndex(page, `<li class="iCIMS_JobCardItem">`) : strings.LastIndex(page, "</li>")+len("</li>")]
	links := map[string]string{
		"8300": "/jobs/8300/%2e%2e/%2e%2e/admin?in_iframe=1",
		"8301": "ftp://" + strings.TrimPrefix(srv.URL, "http://") + "/jobs/8301/x/job",
		"8302": "javascript:/jobs/8302/x/job",
	}
	var extra strings.Builder
	for id, link := range links {
		extra.WriteString(strings.ReplaceAll(strings.Replace(card, srv.URL+"/jobs/8212/payroll-support-specialist/job?in_iframe=1", link, 1), "8212", id))
	}
	page = strings.Replace(page, srv.URL+"/jobs/8212/", other.URL+"/jobs/8212/", 1)
	page = strings.Replace(page, "</ul>", extra.String()+"</ul>", 1)
	links["8212"] = other.URL + "/jobs/8212/payroll-support-specialist/job"
	p.list = func(pr int) (int, string) { return 200, page }
	p.job = func(id string) (int, string) {
		if id != "8214" {
			return 404, "no such posting"
		}
		return 200, strings.ReplaceAll(jobPage, "https://careers-wipfli.icims.com", srv.URL)
	}
	a := adapter(t, srv.URL, 1)
	raws, err := a.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range raws {
		if r.ID != "8214" && (r.URL != "" || r.Stamp != "") {
			t.Errorf("posting %s listed with link %q, stamp %q", r.ID, r.URL, r.Stamp)
		}
	}
	run := scrapetest.RunDetails(t, a)
	host := strings.TrimPrefix(srv.URL, "http://")
	run.Check(t, []string{"8212", "8300", "8301", "8302"}, []string{"8214"}, `icims: board "`+host+`": posting {id}: detail URL `, "refused, not fetched")
	for id, why := range map[string]string{"8212": "is not on the portal's host " + host, "8300": "has a dot segment", "8301": "is not an http(s) URL", "8302": "is not an http(s) URL"} {
		if err := run.Failed[id]; err == nil || !strings.Contains(err.Error(), why) || !strings.Contains(err.Error(), strings.TrimSuffix(links[id], "?in_iframe=1")) {
			t.Errorf("posting %s: error %v, want one naming its link and that it %s", id, err, why)
		}
	}
	if d := run.Done["8214"]; !d.Complete || d.URL != srv.URL+"/jobs/8214/payroll-tax-specialist/job" {
		t.Errorf("posting 8214: %+v", d)
	}
	if n := other.Requests(); n != 0 {
		t.Errorf("the other host got %d requests", n)
	}
	if n := p.jobs.Load(); n != 1 {
		t.Errorf("%d posting pages asked of the portal, want 8214's only", n)
	}
}
