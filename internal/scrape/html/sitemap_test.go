package htmlsel

import (
	"context"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// With sitemap, each posting is read from its own page; a page the
// selectors find no title on is that posting's error, naming the page.
func TestSitemapPostings(t *testing.T) {
	s := scrapetest.NewSite(t, map[string]string{
		"/sitemap.xml": `=<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>/jobs/1</loc><lastmod>2026-11-01</lastmod></url>
<url><loc>/jobs/2</loc></url><url><loc>/blog/hello</loc></url></urlset>`,
		"/jobs/1": `=<html><body><div class="post"><h1>Data Engineer</h1><p class="where">Oslo</p><p class="where">Remote</p><span class="team">Platform</span></div><div class="body"><p>Spark.</p></div></body></html>`,
		"/jobs/2": `=<html><body><p>This position has been filled.</p></body></html>`,
	}, false)
	h, err := New(config.Source{Name: "acme", Type: "html", URL: s.URL + "/jobs", Settings: &Config{
		Sitemap: s.URL + "/sitemap.xml", Links: `/jobs/\d+$`,
		Selectors: Selectors{Item: "div.post", Title: "h1", Location: ".where", Team: ".team", Description: ".body"},
	}}, scrapetest.Client(1, nil))
	if err != nil {
		t.Fatal(err)
	}
	raws, err := h.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 2 || raws[0].ID != "/jobs/1" || raws[0].Stamp != "2026-11-01T00:00:00Z" || raws[0].Complete || raws[1].Stamp != "" {
		t.Fatalf("List = %+v", raws)
	}
	d, err := h.Detail(context.Background(), raws[0])
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Data Engineer" || strings.Join(d.Locations, "|") != "Oslo|Remote" || d.Team != "Platform" || d.DescriptionHTML != "<p>Spark.</p>" || !d.Complete || d.ID != "/jobs/1" || d.Stamp != raws[0].Stamp {
		t.Errorf("Detail = %+v", d)
	}
	if _, err := h.Detail(context.Background(), raws[1]); err == nil || !strings.Contains(err.Error(), s.URL+"/jobs/2") || !strings.Contains(err.Error(), "selectors.item") {
		t.Errorf("a page without the item: %v", err)
	}
	if _, err := New(config.Source{Name: "acme", Type: "html", URL: s.URL, Settings: &Config{Sitemap: "robots", Selectors: Selectors{Title: "h1"}}}, nil); err == nil {
		t.Error("sitemap without links: no error")
	}
}
