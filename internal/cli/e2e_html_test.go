package cli

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

func fixturePage(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../scrape/html/testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Two html sources on real listing pages: iCIMS (one page with an ETag:
// the second run is a 304) and Jobvite with each posting's page read for
// its description.
func TestRunHTMLSites(t *testing.T) {
	t.Parallel()
	s := newPageSite(t, map[string]string{
		"/jobs/search":           fixturePage(t, "icims.html"),
		"/feedingamerica/search": fixturePage(t, "jobvite.html"),
		"/feedingamerica/job/octxAfww": `<html><body><div class="jv-job-detail-description"><p>Lead fundraising in Chicago.</p>
<p><strong>Requirements</strong></p><ul><li>5+ years of experience with Salesforce</li></ul></div></body></html>`,
		"/feedingamerica/job/ohAzAfwK": `<html><body><div class="jv-job-detail-description"><p>Manage technology vendors and SQL reporting.</p></div></body></html>`,
	})
	s.etag["/jobs/search"] = `"icims-1"`
	yml := fmt.Sprintf(`snapshots: snaps
git: {commit: true}
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
sources:
  - name: wipfli
    type: html
    company: Wipfli
    url: %[1]s/jobs/search
    selectors:
      item: li.iCIMS_JobCardItem
      title: .title h3
      link: a.iCIMS_Anchor
      location: ".header span:not(.sr-only)"
  - name: feeding-america
    type: html
    company: Feeding America
    url: %[1]s/feedingamerica/search
    max_pages: 3
    selectors:
      item: tr
      title: td a
      link: td a
      location: td.jv-job-list-location
      description: .jv-job-detail-description
notifiers:
  - name: console
    type: stdout
`, s.URL)
	runTwice(t, yml, func(snaps, stdout string) {
		icims := readPostings(t, snaps, "wipfli")
		want := []struct{ id, title, url string }{
			{"/jobs/8212/payroll-support-specialist/job?in_iframe=1", "Payroll Support Specialist",
				"https://careers-wipfli.icims.com/jobs/8212/payroll-support-specialist/job?in_iframe=1"},
			{"/jobs/8214/payroll-tax-specialist/job?in_iframe=1", "Payroll Tax Specialist",
				"https://careers-wipfli.icims.com/jobs/8214/payroll-tax-specialist/job?in_iframe=1"},
		}
		if len(icims) != len(want) {
			t.Fatalf("wipfli: %d postings", len(icims))
		}
		for i, w := range want {
			p := icims[i]
			if p.ID != w.id || p.Title != w.title || p.URL != w.url || p.Company != "Wipfli" || p.Source != "wipfli" ||
				fmt.Sprint(p.Locations) != fmt.Sprint([]model.Location{{Country: "US"}}) {
				t.Errorf("wipfli posting %d: %+v", i, p)
			}
		}
		fa := readPostings(t, snaps, "feeding-america")
		if len(fa) != 2 {
			t.Fatalf("feeding-america: %d postings", len(fa))
		}
		p := fa[0]
		if p.ID != "/feedingamerica/job/octxAfww" || p.Title != "Manager, Development (Chicago/Hybrid)" || p.URL != s.URL+"/feedingamerica/job/octxAfww" ||
			p.Company != "Feeding America" || fmt.Sprint(p.Locations) != fmt.Sprint([]model.Location{{City: "Chicago", Region: "Illinois", Country: "US"}}) ||
			!strings.Contains(p.Description, "Lead fundraising in Chicago.") || p.MinYearsExperience == nil || *p.MinYearsExperience != 5 {
			t.Errorf("feeding-america posting: %+v", p)
		}
		if !strings.Contains(fa[1].Description, "SQL reporting") {
			t.Errorf("second description: %q", fa[1].Description)
		}
		if !strings.Contains(stdout, "Payroll Tax Specialist") || !strings.Contains(stdout, "Manager, Development") {
			t.Errorf("first run stdout:\n%s", stdout)
		}
	})
	if n := s.count("/jobs/search"); n != 2 || s.n304 != 1 {
		t.Errorf("icims listing requested %d times with %d 304 answers, want 2 and 1", n, s.n304)
	}
	// html sources have no update stamp: every run reads every posting page
	if n := s.count("/feedingamerica/job/octxAfww"); n != 2 {
		t.Errorf("posting page requested %d times, want 2", n)
	}
}
