package scrape_test

import (
	"net/url"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// A plain http link to a portal served over https on an explicit port
// (https://host:8443) is fetched over https at that port, as a link on a
// default port is: the old code upgraded default ports only and fetched
// http://host:8443/... in the clear. Another port is still refused, and an
// http portal's links stay http.
func TestCheckDetailURLUpgradeExplicitPort(t *testing.T) {
	for _, c := range []struct{ portal, link, want string }{
		{"https://careers.acme.test:8443", "http://careers.acme.test:8443/jobs/1", "https://careers.acme.test:8443/jobs/1"},
		{"https://careers.acme.test:8443/", "http://CAREERS.acme.test:8443/jobs/1?x=1", "https://CAREERS.acme.test:8443/jobs/1?x=1"},
		{"https://[2001:db8::1]:8443", "http://[2001:db8::1]:8443/jobs/1", "https://[2001:db8::1]:8443/jobs/1"},
		{"https://careers.acme.test:8443", "https://careers.acme.test:8443/jobs/1", "https://careers.acme.test:8443/jobs/1"},
		{"http://careers.acme.test:8080", "http://careers.acme.test:8080/jobs/1", "http://careers.acme.test:8080/jobs/1"},
		// default ports as before
		{"https://careers.acme.test", "http://careers.acme.test:80/jobs/1", "https://careers.acme.test/jobs/1"},
		{"https://careers.acme.test", "http://careers.acme.test/jobs/1", "https://careers.acme.test/jobs/1"},
	} {
		portal, err := url.Parse(c.portal)
		if err != nil {
			t.Fatal(err)
		}
		u, err := scrape.CheckDetailURL(c.link, portal)
		if err != nil {
			t.Errorf("portal %s, link %s: %v", c.portal, c.link, err)
			continue
		}
		if u.String() != c.want {
			t.Errorf("portal %s, link %s: fetched as %s, want %s", c.portal, c.link, u, c.want)
		}
	}
	portal, _ := url.Parse("https://careers.acme.test:8443")
	for _, link := range []string{"http://careers.acme.test/jobs/1", "http://careers.acme.test:8080/jobs/1", "https://careers.acme.test/jobs/1"} {
		if u, err := scrape.CheckDetailURL(link, portal); err == nil {
			t.Errorf("portal %s: link %s taken as %s, want refused (another port)", portal, link, u)
		}
	}
}
