package platforms_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/platforms"
)

// A teamtailor source whose url carries a query (url:
// http://host/careers?api_key=${KEY}) reads {url}/jobs.json with that
// query: the feed's first page, the pages of its next_url and the job
// pages on the site's host all carry it once, in the query, never in the
// path; the postings' page URLs do not carry the key.
func TestBaseQueryOnTeamtailorFeedPagesAndDetails(t *testing.T) {
	const job = `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting","title":"Data Engineer",
"description":"<p>Build pipelines in SQL.</p>","datePosted":"2026-03-02"}</script></head><body></body></html>`
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/careers/jobs.json" && r.URL.Query().Get("page") == "":
			w.Write([]byte(`{"version":"https://jsonfeed.org/version/1.1","next_url":"/careers/jobs.json?page=2","items":[
{"id":"1","title":"Data Engineer","url":"/careers/jobs/1-data-engineer"}]}`))
		case r.URL.Path == "/careers/jobs.json" && r.URL.Query().Get("page") == "2":
			w.Write([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[
{"id":"2","title":"Analyst","url":"/careers/jobs/2-analyst","content_html":"<p>SQL</p>"}]}`))
		case r.URL.Path == "/careers/jobs/1-data-engineer":
			w.Write([]byte(job))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(site.Close)
	rec := newRecorder(t, site.URL)
	src := source(t, "teamtailor", rec.URL+"/careers/?api_key=secret-1&x=1", "")
	ad, err := platforms.New(src, client())
	if err != nil {
		t.Fatal(err)
	}
	raws, err := ad.List(context.Background())
	if err != nil || len(raws) != 2 {
		t.Fatalf("List: %d postings, %v", len(raws), err)
	}
	for _, r := range raws {
		if strings.Contains(r.URL, "secret-1") || !strings.HasPrefix(r.URL, rec.URL+"/careers/jobs/") {
			t.Errorf("posting %s: page URL %q, want one under the site without the key", r.ID, r.URL)
		}
	}
	if raws[0].Complete {
		t.Fatalf("posting 1 is complete without its page: %+v", raws[0])
	}
	d, err := ad.Detail(context.Background(), raws[0])
	if err != nil || !d.Complete {
		t.Fatalf("Detail: %+v, %v", d, err)
	}
	if strings.Contains(d.URL, "secret-1") {
		t.Errorf("the detail's page URL carries the key: %s", d.URL)
	}
	urls := rec.check(t, "secret-1")
	if len(urls) != 3 || !strings.HasPrefix(urls[0], "/careers/jobs.json?") {
		t.Errorf("requests %v, want the feed, its page 2 and one job page", urls)
	}
}
