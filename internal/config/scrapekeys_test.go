package config_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	htmlsel "github.com/careers-watcher/careers-watcher/internal/scrape/html"
	"github.com/careers-watcher/careers-watcher/internal/scrape/jsonld"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// The keys of the page-reading source types: links, max_pages, selectors.

func TestScrapeKeysValues(t *testing.T) {
	yml := `sources:
  - name: nf
    type: jsonld
    url: https://jobs.example/careers
    links: "/careers/job/\\d+"
    max_pages: 30
  - name: icims
    type: html
    url: https://careers-acme.icims.com/jobs/search
    max_pages: 5
    selectors:
      item: li.iCIMS_JobCardItem
      title: "  .title h3  "
      link: a.iCIMS_Anchor
      location: .header span:not(.sr-only)
      team: ~
      next: a.next[href]
      description: .iCIMS_JobContent
  - name: guess
    type: auto
    url: https://jobs.lever.co/acme
  - name: plain
    type: jsonld
    url: https://jobs.example/job/1
`
	c, err := parse([]byte(yml), "config.yaml", env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if got := config.SettingsOf[jsonld.Config](c.Sources[0].Settings); got.Links != `/careers/job/\d+` || got.MaxPages != 30 {
		t.Errorf("jsonld: %+v", got)
	}
	want := htmlsel.Selectors{Item: "li.iCIMS_JobCardItem", Title: ".title h3", Link: "a.iCIMS_Anchor",
		Location: ".header span:not(.sr-only)", Next: "a.next[href]", Description: ".iCIMS_JobContent"}
	if got := config.SettingsOf[htmlsel.Config](c.Sources[1].Settings); !reflect.DeepEqual(got.Selectors, want) || got.MaxPages != 5 {
		t.Errorf("html: %+v", got)
	}
	if got := c.Sources[2]; got.Type != "auto" || got.URL != "https://jobs.lever.co/acme" || config.SettingsOf[jsonld.Config](got.Settings).MaxPages != 0 {
		t.Errorf("auto: %+v", got)
	}
	if got := config.SettingsOf[jsonld.Config](c.Sources[3].Settings); got != (jsonld.Config{}) {
		t.Errorf("defaults: %+v", got)
	}
}

func TestScrapeKeysProblems(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"links", "sources:\n  - {name: a, type: jsonld, url: 'https://a.example', links: '/job/(\\d+'}\n" +
			"  - {name: b, type: html, url: 'https://b.example', links: x, selectors: {item: li, title: a}}\n" +
			"  - {name: c, type: greenhouse, board: c, links: x}\n  - {name: d, type: jsonld, url: 'https://d.example', links: [x]}\n", []string{
			"config.yaml:2: sources[0].links: must be a regular expression (RE2 syntax) such as '/careers/job/\\d+': error parsing regexp: missing closing ): `/job/(\\d+`",
			"config.yaml:3: sources[1].links: is used only with sitemap on an html source (the listing's links come from selectors.link)",
			"config.yaml:4: sources[2].links: is not used by type greenhouse",
			"config.yaml:5: sources[3].links: must be a string, not a list"}},
		{"sitemap", "sources:\n  - {name: a, type: jsonld, url: 'https://a.example', sitemap: robots}\n" +
			"  - {name: b, type: jsonld, url: 'https://b.example', sitemap: 'ftp://b.example/s.xml', links: x}\n" +
			"  - {name: c, type: html, url: 'https://c.example', sitemap: 'https://c.example/s.xml', links: '/job/', selectors: {title: h1}}\n" +
			"  - {name: d, type: html, url: 'https://d.example', sitemap: 'https://d.example/s.xml', selectors: {title: h1}}\n" +
			"  - {name: e, type: greenhouse, board: e, sitemap: robots}\n", []string{
			"config.yaml:2: sources[0].links: is required with sitemap: a regular expression that picks the posting URLs among the sitemap's URLs, such as '/careers/job/\\d+'",
			"config.yaml:3: sources[1].sitemap: must be the http(s) URL of a sitemap or sitemap index (no user or password), or \"robots\" for the Sitemap: lines of the site's robots.txt",
			"config.yaml:5: sources[3].links: is required with sitemap: a regular expression that picks the posting URLs among the sitemap's URLs, such as '/careers/job/\\d+'",
			"config.yaml:6: sources[4].sitemap: is not used by type greenhouse"}},
		{"render", "sources:\n  - {name: a, type: jsonld, url: 'https://a.example', render: chrome}\n" +
			"  - {name: b, type: html, url: 'https://b.example', wait_for: li, render_timeout: 10s, selectors: {item: li, title: a}}\n" +
			"  - {name: c, type: html, url: 'https://c.example', render: browser, wait_for: 'li[', render_timeout: soon, selectors: {item: li, title: a}}\n" +
			"  - {name: d, type: greenhouse, board: d, render: browser}\n" +
			"  - {name: e, type: jsonld, url: 'https://e.example', render: browser, wait_for: 'ul.jobs li', render_timeout: 45s}\n", []string{
			"config.yaml:2: sources[0].render: must be \"browser\" (load the page in headless Chromium), or left out",
			"config.yaml:3: sources[1].wait_for: is used only with render: browser",
			"config.yaml:3: sources[1].render_timeout: is used only with render: browser",
			"config.yaml:4: sources[2].render_timeout: must be a duration such as 30s, 1m or 1h30m",
			"config.yaml:4: sources[2].wait_for: must be a CSS selector such as 'ul.jobs li': expected identifier, found EOF instead",
			"config.yaml:5: sources[3].render: is not used by type greenhouse"}},
		{"max_pages", "sources:\n  - {name: a, type: jsonld, url: 'https://a.example', max_pages: 0}\n" +
			"  - {name: b, type: jsonld, url: 'https://b.example', max_pages: 10001}\n" +
			"  - {name: c, type: jsonld, url: 'https://c.example', max_pages: many}\n" +
			"  - {name: d, type: lever, board: d, max_pages: 3}\n  - {name: e, type: auto, url: 'https://e.example', max_pages: 3}\n", []string{
			"config.yaml:2: sources[0].max_pages: must be between 1 and 10000",
			"config.yaml:3: sources[1].max_pages: must be between 1 and 10000",
			"config.yaml:4: sources[2].max_pages: must be a whole number",
			"config.yaml:5: sources[3].max_pages: is not used by type lever"}},
		{"selectors required", "sources:\n  - {name: a, type: html, url: 'https://a.example'}\n" +
			"  - name: b\n    type: html\n    url: 'https://b.example'\n    selectors:\n      link: a\n" +
			"  - {name: c, type: html, url: 'https://c.example', selectors: li}\n" +
			"  - {name: d, type: jsonld, url: 'https://d.example', selectors: {item: li, title: a}}\n", []string{
			"config.yaml:2: sources[0].selectors: is required for type html",
			"config.yaml:6: sources[1].selectors.item: is required",
			"config.yaml:6: sources[1].selectors.title: is required",
			"config.yaml:8: sources[2].selectors: must be a mapping with item, title, link, location, team, next and description, not a single value",
			"config.yaml:9: sources[3].selectors: is not used by type jsonld"}},
		{"selector values", "sources:\n  - name: a\n    type: html\n    url: 'https://a.example'\n    selectors:\n" +
			"      item: 'li['\n      title: [h3]\n      titl: h3\n      description: .body\n      next: 'a:nope'\n", []string{
			"config.yaml:6: sources[0].selectors.item: must be a CSS selector such as 'li.job' or 'a[href]': expected identifier, found EOF instead",
			"config.yaml:7: sources[0].selectors.title: must be a string, not a list",
			"config.yaml:8: sources[0].selectors.titl: unknown key (did you mean title?)",
			"config.yaml:9: sources[0].selectors.description: needs selectors.link: the description is read from each posting's page",
			"config.yaml:10: sources[0].selectors.next: must be a CSS selector such as 'li.job' or 'a[href]': unknown pseudoclass or pseudoelement :nope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parse([]byte(tt.yaml), "config.yaml", env(nil))
			var perr *config.Error
			if !errors.As(err, &perr) {
				t.Fatalf("error %v is not *Error", err)
			}
			if got := err.Error(); got != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", got, strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestScrapeKeysNotLeaked: values from the environment never reach a
// message, even in regexp and selector errors.
func TestScrapeKeysNotLeaked(t *testing.T) {
	const secret = "S3CR3T"
	yml := "sources:\n  - {name: a, type: jsonld, url: 'https://a.example', links: '${L}'}\n" +
		"  - {name: b, type: html, url: 'https://b.example', selectors: {item: '${S}', title: a}}\n"
	_, err := parse([]byte(yml), "config.yaml", env(map[string]string{"L": "(" + secret, "S": secret + "["}))
	if err == nil || strings.Contains(err.Error(), secret) || len(err.(*config.Error).Problems) != 2 {
		t.Fatalf("got %v", err)
	}
}
