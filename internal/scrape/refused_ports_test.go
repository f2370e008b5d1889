package scrape_test

import (
	"net/url"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// A portal written with or without its default port accepts the same
// links, and a plain http link to an https portal is fetched over https
// (code re-read: "https://host" took http://host over plain http, and
// "https://host:443" refused it).
func TestCheckDetailURLDefaultPorts(t *testing.T) {
	for _, p := range []string{"https://careers-acme.icims.com", "https://careers-acme.icims.com:443"} {
		portal, _ := url.Parse(p)
		for link, want := range map[string]string{
			"http://careers-acme.icims.com/jobs/1/job":      "https://careers-acme.icims.com/jobs/1/job",
			"http://careers-acme.icims.com:80/jobs/1/job":   "https://careers-acme.icims.com/jobs/1/job",
			"https://careers-acme.icims.com:443/jobs/1/job": "https://careers-acme.icims.com:443/jobs/1/job",
			"https://careers-acme.icims.com/jobs/1/job":     "https://careers-acme.icims.com/jobs/1/job",
		} {
			u, err := scrape.CheckDetailURL(link, portal)
			if err != nil {
				t.Errorf("portal %s, link %s: %v", p, link, err)
				continue
			}
			if u.String() != want {
				t.Errorf("portal %s, link %s: fetched as %s, want %s", p, link, u, want)
			}
		}
		if _, err := scrape.CheckDetailURL("https://careers-acme.icims.com:8443/jobs/1/job", portal); err == nil {
			t.Errorf("portal %s: another port was taken", p)
		}
	}
}

// An IPv6 literal keeps its brackets when a plain http link is fetched
// over https.
func TestCheckDetailURLIPv6Upgrade(t *testing.T) {
	portal, _ := url.Parse("https://[2001:db8::1]")
	u, err := scrape.CheckDetailURL("http://[2001:db8::1]:80/jobs/1", portal)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := u.String(), "https://[2001:db8::1]/jobs/1"; got != want {
		t.Fatalf("fetched as %s, want %s", got, want)
	}
}
