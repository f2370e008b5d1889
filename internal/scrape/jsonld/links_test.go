package jsonld

import (
	"reflect"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// TestListingLinksAsFetched: the real listing page with more links that
// the links regexp (/careers/job/\d+) matches as text: one whose %2e%2e
// segments make it /about when sent, and one that is /careers/job/103
// when sent; javascript: and ftp: ones; and one to a posting on another
// host. The regexp is matched against the URL as it will be fetched, so
// /about is not followed and 103 is fetched once; links that are not
// http(s) are no posting links (as mailto: on the same page); another
// host's posting is followed, as the links regexp allows (it is matched
// on the absolute URL: the user scopes the hosts). Every posting is kept.
func TestListingLinksAsFetched(t *testing.T) {
	other := newSite(t, map[string]string{"/careers/job/104": "job103.html"})
	page := string(scrapetest.Fixture(t, "listing.html"))
	extra := `<a href="/careers/job/101/%2e%2e/%2e%2e/%2E%2e/about">About us</a>
<a href="/careers/job/%2E%2E/job/103">Again</a>
<a href="javascript:/careers/job/105">Script</a>
<a href="ftp://` + strings.TrimPrefix(other.URL, "http://") + `/careers/job/106">FTP</a>
<a href="` + other.URL + `/careers/job/104">Elsewhere</a>
</body>`
	if !strings.Contains(page, "</body>") {
		t.Fatal("fixture has no </body>")
	}
	s := newSite(t, map[string]string{
		"/careers": "=" + strings.Replace(page, "</body>", extra, 1), "/careers/job/101": "job101.html", "/careers/job/102": "job102.html",
		"/careers/job/103": "job103.html", "/about": "job103.html",
	})
	a := adapter(t, config.Source{URL: s.URL + "/careers", Settings: &Config{Links: `/careers/job/\d+`}}, client(1, nil))
	raws, err := a.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, r := range raws {
		urls = append(urls, r.URL)
	}
	want := []string{"https://acme.example/careers/job/101", s.URL + "/careers/job/102?utm_source=listing", s.URL + "/careers/job/103", other.URL + "/careers/job/104"}
	if !reflect.DeepEqual(urls, want) {
		t.Errorf("postings %q, want %q", urls, want)
	}
	if got, want := s.Seen(), []string{"/careers", "/careers/job/101", "/careers/job/102?utm_source=listing", "/careers/job/103"}; !reflect.DeepEqual(got, want) {
		t.Errorf("requests %q, want %q", got, want)
	}
	if got := other.Seen(); !reflect.DeepEqual(got, []string{"/careers/job/104"}) {
		t.Errorf("requests to the other host %q", got)
	}
}
